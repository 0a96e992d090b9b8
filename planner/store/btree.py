"""The pages of a plan file as SQLite lays them out: which table or index owns each b-tree
page, and which rows a table's leaf page holds where. Read only; used to say what a cut file
lost (planner.store.recovery) and, by the tests and the crash harness, to damage the right page.

SQLite's ``dbstat`` table says the same where Python's sqlite3 was built with it; this walks
the b-trees from their root pages (sqlite_master) so that it works in every build. It reads
the file itself, so a plan with a WAL file beside it should be checkpointed (closed) first.
"""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

TABLE_LEAF, TABLE_INTERIOR, INDEX_LEAF, INDEX_INTERIOR = 0x0D, 0x05, 0x0A, 0x02


@dataclass(frozen=True)
class Page:
    number: int
    owner: str  # the table's or index's name ("sqlite_master" for the schema)
    index: bool  # an index's page (else a table's)
    leaf: bool


def varint(data: bytes, pos: int) -> tuple[int, int]:
    """SQLite's variable-length integer at ``pos``: (value, the position after it)."""
    value = 0
    for i in range(8):
        byte = data[pos + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, pos + i + 1
    return (value << 8) | data[pos + 8], pos + 9


def _header(data: bytes) -> tuple[int, int]:
    """(page size, usable size) from the file's first 100 bytes."""
    (size,) = struct.unpack(">H", data[16:18])
    size = 65536 if size == 1 else size
    return size, size - data[20]


def read_page(path: Path, number: int, page_size: int) -> bytes:
    """Page ``number`` (from 1) of the file, zeros where the file ends early."""
    with open(path, "rb") as fh:
        fh.seek((number - 1) * page_size)
        data = fh.read(page_size)
    return data + bytes(page_size - len(data))


def pages(path: Path) -> dict[int, Page]:
    """Every b-tree page reachable from the schema's root pages, by number (overflow and free
    pages are not listed). A page too damaged to walk ends its branch."""
    with open(path, "rb") as fh:
        page_size, _usable = _header(fh.read(100))
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    con = sqlite3.connect(uri, uri=True)
    try:
        roots = [("sqlite_master", "table", 1)] + [
            (str(name), str(kind), int(root))
            for kind, name, root in con.execute(
                "SELECT type, name, rootpage FROM sqlite_master"
                " WHERE type IN ('table', 'index') AND rootpage > 0"
            )
        ]
    finally:
        con.close()
    found: dict[int, Page] = {}
    for name, kind, root in roots:
        stack = [root]
        while stack:
            number = stack.pop()
            if number in found or number < 1:
                continue
            data = read_page(path, number, page_size)
            start = 100 if number == 1 else 0
            kind_byte = data[start]
            if kind_byte not in (TABLE_LEAF, TABLE_INTERIOR, INDEX_LEAF, INDEX_INTERIOR):
                continue
            leaf = kind_byte in (TABLE_LEAF, INDEX_LEAF)
            found[number] = Page(number, name, kind == "index", leaf)
            if leaf:
                continue
            (cells,) = struct.unpack(">H", data[start + 3 : start + 5])
            (right,) = struct.unpack(">I", data[start + 8 : start + 12])
            stack.append(right)
            for i in range(cells):
                (offset,) = struct.unpack(">H", data[start + 12 + 2 * i : start + 14 + 2 * i])
                if offset + 4 <= page_size:
                    stack.append(struct.unpack(">I", data[offset : offset + 4])[0])
    return found


def cell_area(data: bytes, number: int) -> tuple[int, int]:
    """Where a b-tree page's cells are: (start of the cell content area, end of the page)."""
    start = 100 if number == 1 else 0
    (content,) = struct.unpack(">H", data[start + 5 : start + 7])
    return (content or 65536), len(data)


def table_leaf_rows(data: bytes, number: int, usable: int) -> list[tuple[int, int, int]]:
    """(rowid, first byte, byte after the last) of each row stored on a table's leaf page."""
    start = 100 if number == 1 else 0
    if data[start] != TABLE_LEAF:
        return []
    (cells,) = struct.unpack(">H", data[start + 3 : start + 5])
    rows = []
    for i in range(cells):
        (offset,) = struct.unpack(">H", data[start + 8 + 2 * i : start + 10 + 2 * i])
        try:
            payload, pos = varint(data, offset)
            rowid, pos = varint(data, pos)
        except IndexError:
            continue
        if payload <= usable - 35:
            local, overflow = payload, 0
        else:
            least = (usable - 12) * 32 // 255 - 23
            local = least + (payload - least) % (usable - 4)
            local = local if local <= usable - 35 else least
            overflow = 4
        rows.append((rowid, offset, pos + local + overflow))
    return rows


def rows_cut(path: Path, size: int) -> tuple[str, list[int]] | None:
    """Which rows a file cut at ``size`` bytes stored where it was cut: (table, rowids) when
    the cut page is a table's leaf; ("", []) when it holds no values (an index's page, which
    the recovered plan builds anew, or a table's inner page); None when it cannot be told (a
    long value's overflow page, a free page)."""
    with open(path, "rb") as fh:
        page_size, usable = _header(fh.read(100))
    if size % page_size == 0:
        return None
    number = size // page_size + 1
    page = pages(path).get(number)
    if page is None:
        return None
    if page.index or not page.leaf:
        return "", []
    data = read_page(path, number, page_size)
    cut = size % page_size
    rowids = [rowid for rowid, _first, end in table_leaf_rows(data, number, usable) if end > cut]
    return page.owner, rowids
