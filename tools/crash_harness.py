"""Kill the program at random moments and check that no plan is damaged and nothing
acknowledged is lost.

    python tools/crash_harness.py [--kills 200] [--seed 1] [--work DIR]

A child process works on a copy of the demo plan without pause: edits (one transaction each),
imports of a 120-person roster (all or nothing), upgrades of a plan written by the first
version (a migration, after its backup copy), and "save a copy" backups. Before each step it
notes in a journal what it starts; after the step returns it notes it done (flushed and synced).
The parent kills it with SIGKILL after a random delay, then checks:

* every plan file (the plan, the plan being upgraded, each copy) passes
  ``PRAGMA integrity_check`` and opens;
* every edit the journal says was done is in the plan (a later, unacknowledged one may be
  there too: it was committed just before the kill);
* each import is in the plan whole or not at all;
* the plan being upgraded is either the old version, untouched, or upgraded, and opens.

It prints how many kills landed in each kind of step and the totals of damaged files, lost
edits and half imports (all three must be 0).

Then, after each kill, a damage case on a copy of the plan as the kill left it (with its WAL
file where there is one, every other time): a flipped byte in a row of an index page, a
flipped byte in a row of a table page, or the file cut by one byte (``damage``). Each must be
refused with the damaged message on open or before the first write, and the refused file
left byte for byte as it was; or else SQLite itself must find the file sound (a byte inside a
value no index holds, or a page whose newer copy is in the WAL: nothing can tell). Then
``planner recover`` copies what can be read into a new plan, which must open and pass
integrity_check; the rows it could not bring back are counted. It prints what became of each
kind of damage; "missed" (damage SQLite sees, yet written into) and "written" (a refused file
changed) must be 0.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OLDEST = ROOT / "tests" / "fixtures" / "plans" / "format-0001.dplan"
ROSTER_ROWS = 120


# --- the child: works until it is killed ------------------------------------------------------


def _note(journal: object, record: dict[str, object]) -> None:
    journal.write(json.dumps(record) + "\n")  # type: ignore[attr-defined]
    journal.flush()  # type: ignore[attr-defined]
    os.fsync(journal.fileno())  # type: ignore[attr-defined]


def _roster(path: Path, n: int) -> None:
    lines = ["Nombres,Apellidos,Sexo,Número de identidad,Puesto fronterizo"]
    for row in range(ROSTER_ROWS):
        lines.append(f"Ana {row},Import{n} Paz,F,IMP{n}-{row:04d},Las Manos")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def child(work: Path, seed: int, start: int) -> None:
    from planner import operations
    from planner.imports import people
    from planner.imports.readers import read_table
    from planner.store import open_plan

    rng = random.Random(seed)
    plan = work / "plan.dplan"
    store = open_plan(plan)
    with store.reading() as r:
        ids = [i for (i,) in r.rows("SELECT id FROM person ORDER BY id LIMIT 60")]
    with (work / "journal.jsonl").open("a", encoding="utf-8") as journal:
        n = start
        while True:
            n += 1
            kind = rng.choices(["edit", "import", "migration", "backup"], [40, 4, 1, 4])[0]
            if kind == "edit":
                person = rng.choice(ids)
                _note(journal, {"n": n, "kind": kind, "state": "start", "person": person})
                operations.update(store, "person", person, {"notes": f"edit {n}"})
                _note(journal, {"n": n, "kind": kind, "state": "done", "person": person})
            elif kind == "import":
                roster = work / f"roster-{n}.csv"
                _roster(roster, n)
                _note(journal, {"n": n, "kind": kind, "state": "start"})
                table = read_table(roster, known_headers=people.known_header)
                preview = people.preview(
                    store, table, people.mapping_for(store, table), delegation=f"Import {n}"
                )
                people.apply(store, preview)
                _note(journal, {"n": n, "kind": kind, "state": "done"})
                roster.unlink()
            elif kind == "migration":
                old = work / f"old-{n}.dplan"
                # the harness's own copy appears whole (a kill mid-copy leaves only .tmp)
                shutil.copyfile(OLDEST, work / f".old-{n}.tmp")
                os.replace(work / f".old-{n}.tmp", old)
                _note(journal, {"n": n, "kind": kind, "state": "start", "file": old.name})
                open_plan(old).close()  # upgrades it, after a backup copy
                _note(journal, {"n": n, "kind": kind, "state": "done", "file": old.name})
            else:
                copy = work / f"copy-{n}.dplan"
                _note(journal, {"n": n, "kind": kind, "state": "start", "file": copy.name})
                store.save_copy(copy)
                _note(journal, {"n": n, "kind": kind, "state": "done", "file": copy.name})


# --- the parent: kills and checks ------------------------------------------------------------


def _journal(work: Path) -> list[dict[str, object]]:
    path = work / "journal.jsonl"
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(ValueError):  # the last line, cut by the kill: never done
            records.append(json.loads(line))
    return records


def _sound(path: Path) -> bool:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            con.close()
    except sqlite3.Error:
        return False


def check(work: Path, since: int = 0) -> dict[str, int]:
    """Problems found after a kill: damaged files, lost edits, half imports (``since``: the
    first step of the child just killed; files of earlier children were checked already)."""
    from planner.domain.errors import PlannerError
    from planner.store import open_plan

    found = {"damaged": 0, "lost": 0, "half": 0}
    records = _journal(work)
    plan = work / "plan.dplan"
    if not _sound(plan):
        found["damaged"] += 1
        return found
    try:
        store = open_plan(plan)
    except PlannerError:
        found["damaged"] += 1
        return found
    try:
        with store.reading() as r:
            notes = dict(r.rows("SELECT id, notes FROM person"))
            imported = dict(
                r.rows(
                    "SELECT d.name, count(p.id) FROM delegation d LEFT JOIN"
                    " person p ON p.delegation_id = d.id"
                    " WHERE d.name LIKE 'Import %' GROUP BY d.id"
                )
            )
    finally:
        store.close()
    last_done: dict[int, int] = {}
    for r in records:
        if r["kind"] == "edit" and r["state"] == "done":
            last_done[int(r["person"])] = int(r["n"])  # type: ignore[call-overload]
    for person, n in last_done.items():
        value = notes.get(person, "")
        have = int(value.split()[1]) if value.startswith("edit ") else -1
        if have < n:
            found["lost"] += 1
    for count in imported.values():
        if count not in (0, ROSTER_ROWS):
            found["half"] += 1
    for r in records:
        if (
            r["kind"] == "import"
            and r["state"] == "done"
            and imported.get(f"Import {r['n']}") != ROSTER_ROWS
        ):
            found["lost"] += 1
    for file in sorted(work.glob("*.dplan")):
        if file.name == "plan.dplan":
            continue
        if not _sound(file):
            found["damaged"] += 1
            continue
        try:
            open_plan(file).close()  # an old plan interrupted mid-upgrade upgrades now
        except PlannerError:
            found["damaged"] += 1
    for r in records:
        if (
            r["kind"] in ("backup", "migration")
            and r["state"] == "done"
            and int(r["n"]) > since
            and not (work / str(r["file"])).exists()
        ):  # type: ignore[call-overload]
            found["lost"] += 1
    return found


# --- damage cases: a flipped byte in an index or a table page, a file cut by one byte ----------


def damage(path: Path, kind: str, rng: random.Random, structural: bool = False) -> str:
    """Damage a plan file (its pages as they are in the file: checkpoint it first) and say
    where. ``index``: a byte of a key on an index's leaf page (the row stays well-formed, so
    only integrity_check can tell); ``table``: a byte of a row on a table's leaf page (with
    ``structural``, of its sizes and id, which SQLite always notices); ``cut``: the last byte.
    """
    from planner.store.btree import cell_area, pages, read_page, table_leaf_rows, varint

    if kind == "cut":
        size = path.stat().st_size
        with path.open("r+b") as fh:
            fh.truncate(size - 1)
        return f"cut at byte {size - 1:,}"
    head = path.read_bytes()[:100]
    page_size = 65536 if head[16:18] == b"\x00\x01" else int.from_bytes(head[16:18], "big")
    usable = page_size - head[20]
    leaves = [
        p
        for p in pages(path).values()
        if p.leaf and p.index == (kind == "index") and p.number != 1 and p.owner != "sqlite_master"
    ]
    rng.shuffle(leaves)
    for page in leaves:
        data = read_page(path, page.number, page_size)
        first, _end = cell_area(data, page.number)
        if kind == "index":
            cells = int.from_bytes(data[3:5], "big")
            if not cells:
                continue
            pointer = 8 + 2 * rng.randrange(cells)
            payload, pos = varint(data, int.from_bytes(data[pointer : pointer + 2], "big"))
            header, _p = varint(data, pos)  # the key's values follow the record's header
            start, stop = pos + header, pos + min(payload, (usable - 12) * 64 // 255 - 23)
        else:
            rows = table_leaf_rows(data, page.number, usable)
            if not rows:
                continue
            _rowid, start, stop = rows[rng.randrange(len(rows))]
            if structural:  # the row's size and id: the varints before its record
                _size, after = varint(data, start)
                _rowid, stop = varint(data, after)
        if stop <= start or start < first:
            continue
        offset = rng.randrange(start, stop)
        bit = 1 << rng.randrange(8)
        with path.open("r+b") as fh:
            fh.seek((page.number - 1) * page_size + offset)
            fh.write(bytes([data[offset] ^ bit]))
        return f"{kind} {page.owner} page {page.number} byte {offset} bit {bit}"
    raise SystemExit(f"no {kind} leaf page with rows in {path}")


def _digest(path: Path) -> bytes:
    import hashlib

    return hashlib.sha256(path.read_bytes()).digest()


def _rows_of(path: Path) -> dict[str, dict[int, tuple[Any, ...]]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    con.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        tables = [
            t
            for (t,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        return {
            t: {row[0]: row[1:] for row in con.execute(f'SELECT rowid, * FROM "{t}"')}
            for t in tables
        }
    finally:
        con.close()


def snapshot(work: Path) -> Path:
    """The plan as the kill left it, WAL file included, copied for a damage case."""
    folder = work / "damage"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for suffix in ("", "-wal"):
        source = Path(f"{work / 'plan.dplan'}{suffix}")
        if source.exists():
            shutil.copyfile(source, folder / f"snapshot.dplan{suffix}")
    return folder / "snapshot.dplan"


def damage_case(shot: Path, kind: str, rng: random.Random, keep_wal: bool) -> dict[str, Any]:
    """One damage case on a copy of a snapshot of the plan: what the program did, what
    recover got back. Keys: outcome (open, write, refused: said in other words, such as a
    time zone whose name the flipped byte changed; sound, missed), written, recovered, lost,
    changed, recover_failed, where."""
    from planner import operations
    from planner.domain.errors import DamagedPlanError, PlannerError
    from planner.store import open_plan
    from planner.store.recovery import recover

    case = shot.parent
    plan, original = case / "plan.dplan", case / "original.dplan"
    shutil.copyfile(shot, plan)
    wal = Path(f"{shot}-wal")
    if keep_wal and wal.exists() and wal.stat().st_size:
        shutil.copyfile(wal, Path(f"{plan}-wal"))
    else:  # one file, its pages as SQLite reads them
        con = sqlite3.connect(plan)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # still a WAL plan, as users' are
        con.close()
    for suffix in ("", "-wal"):
        if Path(f"{plan}{suffix}").exists():
            shutil.copyfile(f"{plan}{suffix}", f"{original}{suffix}")
    before = _rows_of(original)
    where = damage(plan, kind, rng)
    truth = case / "truth.dplan"  # SQLite's own verdict, on a copy nobody else opens
    for suffix in ("", "-wal"):
        if Path(f"{plan}{suffix}").exists():
            shutil.copyfile(f"{plan}{suffix}", f"{truth}{suffix}")
    sound = _sound(truth)
    files = [p for p in (plan, Path(f"{plan}-wal")) if p.exists()]
    digests = {p: _digest(p) for p in files}
    result: dict[str, Any] = {
        "where": where,
        "written": 0,
        "recovered": 0,
        "lost": 0,
        "changed": 0,
        "recover_failed": 0,
    }
    try:
        store = open_plan(plan)
    except DamagedPlanError:
        result["outcome"] = "open"
    except PlannerError:  # refused in other words (a zone's name, a broken rule)
        result["outcome"] = "refused"
    else:
        try:
            with store.reading() as r:
                person = r.value("SELECT min(id) FROM person")
            operations.update(store, "person", person, {"notes": "after the damage"})
            result["outcome"] = "sound" if sound else "missed"
        except DamagedPlanError:
            result["outcome"] = "write"
        except PlannerError:
            result["outcome"] = "refused"
        finally:
            store.close()
    if result["outcome"] in ("open", "write", "refused"):
        wal_after = Path(f"{plan}-wal")
        new_frames = (
            wal_after not in digests and wal_after.exists() and wal_after.stat().st_size > 0
        )
        result["written"] = int(new_frames or any(_digest(p) != d for p, d in digests.items()))
        try:
            recover(plan, case / "recovered.dplan")
            if not _sound(case / "recovered.dplan"):
                raise RuntimeError("the recovered plan is damaged")
            # a zone whose name the flipped byte changed is said so on open, not damage
            open_plan(case / "recovered.dplan", check_zones=False).close()
            after = _rows_of(case / "recovered.dplan")
        except Exception as exc:  # counted and shown
            result["recover_failed"] = 1
            result["where"] += f" (recover: {type(exc).__name__}: {exc})"
        else:
            for table, rows in before.items():
                got = after.get(table, {})
                result["recovered"] += sum(1 for i in rows if i in got)
                result["lost"] += sum(1 for i in rows if i not in got)
                result["changed"] += sum(1 for i, row in rows.items() if i in got and got[i] != row)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="a folder to work in (default: a new temp)")
    parser.add_argument(
        "--no-damage", action="store_true", help="only the kills, without a damage case after each"
    )
    parser.add_argument(
        "--child", nargs=3, metavar=("WORK", "SEED", "START"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), int(args.child[1]), int(args.child[2]))
        return 0
    from planner.demo import build_demo

    rng = random.Random(args.seed)
    work = args.work or Path(tempfile.mkdtemp(prefix="planner-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    (work / "journal.jsonl").unlink(missing_ok=True)  # a reused folder: its old steps are not ours
    build_demo(work / "plan.dplan", overwrite=True).close()
    totals = {"damaged": 0, "lost": 0, "half": 0}
    during: dict[str, int] = {}
    kinds = ("index", "table", "cut")
    cases: dict[str, dict[str, int]] = {k: {} for k in kinds}
    problems: list[str] = []
    started = time.monotonic()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for kill in range(args.kills):
        start = 10_000 * (kill + 1)
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(work), str(rng.randrange(10**9)), str(start)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(rng.uniform(0.9, 2.5))  # the child needs ~0.8 s to start working
        proc.send_signal(signal.SIGKILL)
        _out, err = proc.communicate()
        if proc.returncode != -signal.SIGKILL:
            print(
                f"kill {kill + 1}: the child ended by itself ({proc.returncode}):"
                f" {err.decode(errors='replace')[-400:]}"
            )
            totals["damaged"] += 1
            continue
        records = [r for r in _journal(work) if int(r["n"]) > start]  # type: ignore[call-overload]
        last = records[-1] if records else None
        phase = (
            "start-up"
            if last is None
            else (f"{last['kind']}" if last["state"] == "start" else "between steps")
        )
        during[phase] = during.get(phase, 0) + 1
        shot = None if args.no_damage else snapshot(work)
        for key, value in check(work, start).items():
            totals[key] += value
        if shot is not None:
            kind = kinds[kill % 3]
            found = damage_case(shot, kind, rng, keep_wal=kill % 2 == 1)
            tally = cases[kind]
            for key in ("written", "recovered", "lost", "changed", "recover_failed"):
                tally[key] = tally.get(key, 0) + found[key]
            tally[found["outcome"]] = tally.get(found["outcome"], 0) + 1
            if found["outcome"] == "missed" or found["written"] or found["recover_failed"]:
                problems.append(f"kill {kill + 1}: {found['outcome']}, {found['where']}")
        # keep the folder small: old plans, copies and a killed copy's temporary file go
        for file in [*work.glob("*.dplan"), *work.glob(".*.tmp"), *work.glob("*.csv")]:
            if file.name != "plan.dplan":
                file.unlink()
    took = time.monotonic() - started
    print(
        f"{args.kills} kills in {took:.0f} s; killed during: "
        + ", ".join(f"{k} {v}" for k, v in sorted(during.items()))
    )
    print(
        f"damaged files: {totals['damaged']}, lost acknowledged edits: {totals['lost']},"
        f" half imports: {totals['half']}"
    )
    if args.no_damage:
        return 0 if not any(totals.values()) else 1
    labels = {
        "index": "a flipped byte in an index page",
        "table": "a flipped byte in a table page",
        "cut": "the file cut by one byte",
    }
    bad = 0
    for kind in kinds:
        t = cases[kind]
        runs = sum(t.get(k, 0) for k in ("open", "write", "refused", "sound", "missed"))
        bad += t.get("missed", 0) + t.get("written", 0) + t.get("recover_failed", 0)
        cases_word = "case" if runs == 1 else "cases"
        print(
            f"damage, {labels[kind]}: {runs} {cases_word}; refused on open {t.get('open', 0)},"
            f" before the first write {t.get('write', 0)}, in other words {t.get('refused', 0)};"
            f" sound to SQLite {t.get('sound', 0)};"
            f" missed {t.get('missed', 0)}, written {t.get('written', 0)};"
            f" recover: {t.get('recovered', 0):,} rows back, {t.get('lost', 0):,} lost,"
            f" {t.get('changed', 0):,} changed, failed {t.get('recover_failed', 0)}"
        )
    for line in problems:
        print("  " + line)
    return 0 if not any(totals.values()) and not bad else 1


if __name__ == "__main__":
    raise SystemExit(main())
