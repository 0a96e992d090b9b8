"""A file over the import's row limit is refused from its row count, before its cells are read
(issue 18): an .xlsx sheet by its XML (its dimension, or its rows when the writer gave none), a
CSV by its lines (rows with line breaks in quotes counted as rows), other spreadsheets by the
sheet's size; the plan is left as it was, and the message says what to do."""

from __future__ import annotations

import csv
import gc
import hashlib
import threading

import openpyxl
import pytest

from planner.cli import main
from planner.domain.collector import collector_paused
from planner.domain.errors import PlannerError
from planner.imports import readers, sizes
from planner.imports.people import known_header
from planner.imports.readers import read_table
from tests.paths import DATA

LIMIT = 40


@pytest.fixture
def limit(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sizes, "MAX_ROWS", LIMIT)
    monkeypatch.setattr(readers, "MAX_ROWS", LIMIT)
    return LIMIT


def roster(path, rows: int, *, write_only: bool) -> None:
    wb = openpyxl.Workbook(write_only=write_only)
    ws = wb.create_sheet("Lista") if write_only else wb.active
    if not write_only:
        ws.title = "Lista"
    ws.append(["Nombres", "Apellidos"])
    for n in range(rows - 1):
        ws.append([f"Ana {n}", "Cruz"])
    wb.save(path)


@pytest.mark.parametrize("write_only", [False, True], ids=["dimension", "streamed"])
def test_an_xlsx_sheet_over_the_limit_is_refused_before_its_cells_are_read(
    limit, tmp_path, monkeypatch, write_only
):
    at, over = tmp_path / "at.xlsx", tmp_path / "over.xlsx"
    roster(at, limit, write_only=write_only)
    roster(over, limit + 1, write_only=write_only)
    assert len(read_table(at, known_headers=known_header).rows) == limit - 1

    def no_cells(*_args, **_kwargs):
        raise AssertionError("the cells were read")

    monkeypatch.setattr(readers, "_workbook", no_cells)
    with pytest.raises(PlannerError) as refused:
        read_table(over, known_headers=known_header)
    message = str(refused.value)
    assert f"over.xlsx (Lista) has {limit + 1} rows" in message
    assert f"at most {limit}" in message and "Split the file" in message


def test_a_csv_is_counted_by_its_rows_not_its_lines(limit, tmp_path):
    quoted = tmp_path / "notes.csv"
    with quoted.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["Nombres", "Apellidos", "Notas"])
        for n in range(limit - 1):  # at the limit in rows, twice over it in lines
            out.writerow([f"Ana {n}", "Cruz", "línea uno\nlínea dos"])
    assert sizes.text_lines(quoted) > limit
    assert len(read_table(quoted, known_headers=known_header).rows) == limit - 1
    over = tmp_path / "over.csv"
    over.write_text("Nombres;Apellidos\n" + "Ana;Cruz\n" * limit, encoding="utf-16")
    with pytest.raises(PlannerError, match=f"over.csv has {limit + 1} rows"):
        read_table(over, known_headers=known_header)


@pytest.mark.parametrize("name", ["roster-small.xls", "delegation-small.ods"])
def test_other_spreadsheets_are_refused_by_the_size_of_their_sheet(monkeypatch, name):
    monkeypatch.setattr(sizes, "MAX_ROWS", 2)  # each sample has 3 rows or more
    with pytest.raises(PlannerError, match="one import takes at most 2"):
        read_table(DATA / name, known_headers=known_header)


def test_the_command_refuses_with_exit_2_and_leaves_the_plan_as_it_was(
    limit, demo_path, tmp_path, capsys
):
    over = tmp_path / "over.xlsx"
    roster(over, limit + 5, write_only=True)
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    assert main(["import", "people", str(demo_path), str(over)]) == 2
    err = capsys.readouterr().err
    assert f"has {limit + 5} rows" in err and "Traceback" not in err
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before


def test_the_collector_pauses_for_nested_and_concurrent_work_and_comes_back():
    assert gc.isenabled()
    inside = threading.Event()
    leave = threading.Event()

    def other() -> None:
        with collector_paused():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=other)
    with collector_paused():
        worker.start()
        inside.wait(5)
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert not gc.isenabled(), "another thread still works with the collector paused"
    leave.set()
    worker.join(5)
    assert gc.isenabled()
