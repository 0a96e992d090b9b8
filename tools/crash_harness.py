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
    from planner import ops
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
                ops.update(store, "person", person, {"notes": f"edit {n}"})
                _note(journal, {"n": n, "kind": kind, "state": "done", "person": person})
            elif kind == "import":
                roster = work / f"roster-{n}.csv"
                _roster(roster, n)
                _note(journal, {"n": n, "kind": kind, "state": "start"})
                table = read_table(roster, known_headers=people.known_header)
                preview = people.preview(store, table, people.mapping_for(store, table),
                                         delegation=f"Import {n}")
                people.apply(store, preview)
                _note(journal, {"n": n, "kind": kind, "state": "done"})
                roster.unlink()
            elif kind == "migration":
                old = work / f"old-{n}.dplan"
                shutil.copyfile(OLDEST, old)
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
    from planner.errors import PlannerError
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
            imported = dict(r.rows("SELECT d.name, count(p.id) FROM delegation d LEFT JOIN"
                                   " person p ON p.delegation_id = d.id"
                                   " WHERE d.name LIKE 'Import %' GROUP BY d.id"))
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
        if r["kind"] == "import" and r["state"] == "done" and \
                imported.get(f"Import {r['n']}") != ROSTER_ROWS:
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
        if r["kind"] in ("backup", "migration") and r["state"] == "done" and \
                int(r["n"]) > since and not (work / str(r["file"])).exists():  # type: ignore[call-overload]
            found["lost"] += 1
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="a folder to work in (default: a new temp)")
    parser.add_argument("--child", nargs=3, metavar=("WORK", "SEED", "START"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), int(args.child[1]), int(args.child[2]))
        return 0
    from planner.demo import build_demo

    rng = random.Random(args.seed)
    work = args.work or Path(tempfile.mkdtemp(prefix="planner-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    build_demo(work / "plan.dplan", overwrite=True).close()
    totals = {"damaged": 0, "lost": 0, "half": 0}
    during: dict[str, int] = {}
    started = time.monotonic()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for kill in range(args.kills):
        start = 10_000 * (kill + 1)
        proc = subprocess.Popen([sys.executable, __file__, "--child", str(work),
                                 str(rng.randrange(10**9)), str(start)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.9, 2.5))  # the child needs ~0.8 s to start working
        proc.send_signal(signal.SIGKILL)
        _out, err = proc.communicate()
        if proc.returncode != -signal.SIGKILL:
            print(f"kill {kill + 1}: the child ended by itself ({proc.returncode}):"
                  f" {err.decode(errors='replace')[-400:]}")
            totals["damaged"] += 1
            continue
        records = [r for r in _journal(work) if int(r["n"]) > start]  # type: ignore[call-overload]
        last = records[-1] if records else None
        phase = "start-up" if last is None else (
            f"{last['kind']}" if last["state"] == "start" else "between steps")
        during[phase] = during.get(phase, 0) + 1
        for key, value in check(work, start).items():
            totals[key] += value
        # keep the folder small: old plans, copies and a killed copy's temporary file go
        for file in [*work.glob("*.dplan"), *work.glob(".*.tmp"), *work.glob("*.csv")]:
            if file.name != "plan.dplan":
                file.unlink()
    took = time.monotonic() - started
    print(f"{args.kills} kills in {took:.0f} s; killed during: "
          + ", ".join(f"{k} {v}" for k, v in sorted(during.items())))
    print(f"damaged files: {totals['damaged']}, lost acknowledged edits: {totals['lost']},"
          f" half imports: {totals['half']}")
    return 0 if not any(totals.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
