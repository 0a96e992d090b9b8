"""Part (k) of the benchmark: a plan of many cohorts, at --scales 100, 400 and 1000.

    python bench/benchmark.py --only k [--scales 100,400,1000]

For each scale it builds the plan with `planner demo --scale N` (a fresh process, kept in
bench/out/, which git ignores), then measures, each in a fresh process whose own peak memory
(VmHWM) is read from /proc:
  - the build: time and peak memory (target at scale 1000: <= 1 GiB);
  - the conflict check with its data read: reading the data, the check (median of 3), and
    re-checking after moving one session (median and 95th percentile of 200 moves)
    (targets: scale 400 <= 5x scale 100, <= 1.5 s at 400 and <= 4 s at 1000; a move <= 16 ms
    at 1000); and `planner check` as a user runs it;
  - the budget computed (median of 3) (target: scale 400 <= 5x scale 100);
  - the exports for one person, group or delegation (itineraries and calendar of one
    person, the agenda of one group, the booklet of one delegation): time and peak memory
    (targets: <= 300 MiB at scale 400 and within 1.5x of scale 100).
Then the window on the scale-400 plan (launch to the People list, its longest frame while the
conflict check runs in the background, dragging on the calendar's busiest day), the smallest
plan shared on PostgreSQL next to the same plan as a file (when PLANNER_TEST_DATABASE names a
server), every export of the whole plan at the largest scale (target: each <= 1 GiB), and the
import limit: a roster of exactly the limit's rows imported into a new plan (time,
peak memory, target <= 500 MiB), and one of 1.5 times the limit refused (time, exit status).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

COMMAND = r"""
import json, sys, time
from planner.cli import main
t = time.perf_counter()
code = main(sys.argv[1:])
took = time.perf_counter() - t
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print("FIGURES " + json.dumps({"code": code, "seconds": took, "mib": hwm / 1024}), file=sys.stderr)
"""

CHECK = r"""
import json, statistics, sys, time
from moves import session_moves
from planner.rules.conflicts import Checker, load
from planner.rules import budget
from planner.store import open_plan
store = open_plan(sys.argv[1])
t = time.perf_counter()
data = load(store)
loading = time.perf_counter() - t
checks = []
for _ in range(3):
    t = time.perf_counter()
    checker = Checker(data)
    problems = checker.run()
    checks.append(time.perf_counter() - t)
moves = session_moves(checker, data)
sessions = data.sessions
budgets = []
for _ in range(3):
    t = time.perf_counter()
    lines = len(budget.compute(store).lines)
    budgets.append(time.perf_counter() - t)
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print("FIGURES " + json.dumps({
    "people": len(data.names), "sessions": len(sessions), "rides": len(data.logistics.rides),
    "loading": loading, "check": statistics.median(checks), "problems": len(problems),
    "move": statistics.median(moves), "move95": moves[int(len(moves) * 0.95)],
    "budget": statistics.median(budgets), "lines": lines, "mib": hwm / 1024,
}), file=sys.stderr)
"""

AUDIENCE = r"""
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
person = con.execute(
    "SELECT p.id FROM person p JOIN travel t ON t.person_id = p.id ORDER BY p.id LIMIT 1"
).fetchone()[0]
group = con.execute("SELECT id FROM participant_group ORDER BY id LIMIT 1").fetchone()[0]
delegation = con.execute("SELECT id FROM delegation ORDER BY id LIMIT 1").fetchone()[0]
print(person, group, delegation)
"""


WINDOW = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import settings as opt
from ui.shell.main_window import MainWindow
from ui.translation import install
app = QApplication(sys.argv[:1])
install("en")
window = MainWindow(opt.Settings())
window.resize(1366, 768)
window.show()
assert window.files.open_path(sys.argv[1]), window.last_error
window.show_page("people")
gaps, state = [], {"last": time.perf_counter(), "began": None, "ended": None}
def tick():
    now = time.perf_counter()
    watcher = window.watcher
    if watcher.checking and state["began"] is None:
        state["began"] = now
    if state["began"] is not None and state["ended"] is None:
        gaps.append(now - state["last"])
        if not watcher.checking and watcher.checker is not None:
            state["ended"] = now
            app.quit()
    state["last"] = now
timer = QTimer()
timer.timeout.connect(tick)
timer.start(10)
QTimer.singleShot(120000, app.quit)
app.exec()
print("FIGURES " + json.dumps({
    "check": (state["ended"] or 0) - (state["began"] or 0), "worst": max(gaps, default=0),
    "ticks": len(gaps), "problems": len(window.watcher.problems),
}), file=sys.stderr)
"""


def _env() -> dict[str, str]:
    # the plan's code, and the benchmark's own helpers (bench/moves.py)
    path = os.pathsep.join((str(ROOT), str(ROOT / "bench")))
    return {**os.environ, "PYTHONPATH": path, "LANGUAGE": "en"}


def _figures(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    done = subprocess.run(cmd, capture_output=True, text=True, env=env or _env(), check=False)
    for line in reversed(done.stderr.splitlines()):
        if line.startswith("FIGURES "):
            figures: dict[str, Any] = json.loads(line[len("FIGURES ") :])
            return figures
    raise SystemExit(f"{cmd[3:]} gave no figures:\n{done.stderr[-2000:]}")


def command(*args: str) -> dict[str, Any]:
    """Run a `planner` command in a fresh process: its exit status, seconds and peak MiB."""
    return _figures([sys.executable, "-c", COMMAND, *args])


def _row(label: str, values: dict[int, str], target: str = "") -> str:
    cells = "".join(f"{values[s]:>28}" for s in sorted(values))
    return f"    {label:<34}{cells}   {target}".rstrip()


def scale_figures(scales: list[int]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    built: dict[int, dict[str, Any]] = {}
    checked: dict[int, dict[str, Any]] = {}
    cli_check: dict[int, dict[str, Any]] = {}
    exports: dict[str, dict[int, dict[str, Any]]] = {}
    for scale in scales:
        plan = OUT / f"scale{scale}.dplan"
        built[scale] = command("demo", str(plan), "--scale", str(scale), "--force")
        checked[scale] = _figures([sys.executable, "-c", CHECK, str(plan)])
        cli_check[scale] = command("check", str(plan))
        ids = subprocess.run(
            [sys.executable, "-c", AUDIENCE, str(plan)], capture_output=True, text=True, check=True
        ).stdout.split()
        person, group, delegation = ids
        for name, kind, option, value, suffix in (
            ("itineraries, one person", "itineraries", "--person", person, ".xlsx"),
            ("calendar (ics), one person", "ics", "--person", person, ".ics"),
            ("agenda, one group", "agenda", "--group", group, ".xlsx"),
            ("booklet (pdf), one delegation", "pdf", "--delegation", delegation, ".pdf"),
        ):
            out = OUT / f"one-{kind}-{scale}{suffix}"
            figures = command("export", kind, str(plan), "-o", str(out), option, value)
            exports.setdefault(name, {})[scale] = figures
    first = checked[scales[0]]
    shown = ", ".join(map(str, scales))
    print(f"(k) plans of many cohorts (each process's own peak memory; scales {shown}):")
    print(
        _row(
            "scale (people / sessions / rides)",
            {
                s: f"{s} ({c['people']:,}/{c['sessions']:,}/{c['rides']:,})"
                for s, c in checked.items()
            },
        )
    )
    print(
        _row(
            "planner demo --scale N",
            {s: f"{b['seconds']:.1f} s {b['mib']:.0f} MiB" for s, b in built.items()},
            "(target at 1000: <= 1024 MiB)",
        )
    )
    print(
        _row("reading the check's data", {s: f"{c['loading']:.2f} s" for s, c in checked.items()})
    )
    print(
        _row(
            "conflict check, data read",
            {
                s: f"{c['check']:.2f} s ({c['check'] / first['check']:.1f}x)"
                for s, c in checked.items()
            },
            "(targets: 400 <= 5x 100; <= 1.5 s at 400, <= 4 s at 1000)",
        )
    )
    print(
        _row(
            "after moving one session",
            {s: f"{c['move'] * 1000:.2f}/{c['move95'] * 1000:.2f} ms" for s, c in checked.items()},
            "(median/95th; target at 1000: <= 16 ms)",
        )
    )
    print(
        _row(
            "planner check (the command)",
            {s: f"{c['seconds']:.1f} s {c['mib']:.0f} MiB" for s, c in cli_check.items()},
        )
    )
    print(_row("problems found", {s: f"{c['problems']}" for s, c in checked.items()}))
    print(
        _row(
            "budget computed",
            {
                s: f"{c['budget']:.2f} s ({c['budget'] / first['budget']:.1f}x)"
                for s, c in checked.items()
            },
            "(target: 400 <= 5x 100)",
        )
    )
    for name, by_scale in exports.items():
        base = by_scale[scales[0]]["mib"]
        print(
            _row(
                name,
                {
                    s: f"{f['seconds']:.1f} s {f['mib']:.0f} MiB ({f['mib'] / base:.1f}x)"
                    if f["code"] == 0
                    else f"exit {f['code']}"
                    for s, f in by_scale.items()
                },
                "(targets: <= 300 MiB at 400, <= 1.5x 100)",
            )
        )


def window_figures(scale: int, runs: int) -> None:
    """The window on the scale-N plan: launch to the People list painted, the background
    check's worst frame, and dragging on the calendar's busiest day."""
    sys.path.insert(0, str(ROOT / "bench"))
    from benchmark import drag_frames, median_of

    plan = OUT / f"scale{scale}.dplan"
    env = {**_env(), "QT_QPA_PLATFORM": "offscreen", "PLANNER_SETTINGS": str(OUT / "bench.ini")}
    launch, opening, mib = median_of(
        runs,
        [sys.executable, "-m", "ui.launcher", str(plan)],
        {**env, "PLANNER_BENCH_PAINT": "people"},
    )
    print(
        f"    the window on the scale-{scale} plan: launch to People list painted"
        f" {launch:.2f} s (opening and filling {opening:.2f} s), {mib:.0f} MiB, median of"
        f" {runs} (target <= 2 s)"
    )
    frames = _figures([sys.executable, "-c", WINDOW, str(plan)], env)
    print(
        f"    its conflict check in the background: {frames['check']:.1f} s, the window's"
        f" longest frame meanwhile {frames['worst'] * 1000:.0f} ms over {frames['ticks']}"
        f" frames of 10 ms (target <= 100 ms); {frames['problems']} problems"
    )
    print("    ", end="")
    drag_frames(plan, env)


SHARED = r"""
import json, os, sys, time, uuid
import psycopg
from planner.rules.conflicts.checker import Checker, load
from planner.store import open_plan
from planner.store.shared import publish
server, plan = os.environ["PLANNER_TEST_DATABASE"], sys.argv[1]
name = f"bench_{uuid.uuid4().hex[:8]}"
with psycopg.connect(server, autocommit=True) as admin:
    admin.execute(f'CREATE DATABASE "{name}"')
address = server.rsplit("/", 1)[0] + "/" + name
try:
    t = time.perf_counter()
    publish(plan, address)
    figures = {"publish": time.perf_counter() - t}
    for label, where in (("file", plan), ("shared", address)):
        t = time.perf_counter()
        store = open_plan(where)
        Checker(load(store)).run()
        figures[label] = time.perf_counter() - t
        store.close()
finally:
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
print("FIGURES " + json.dumps(figures), file=sys.stderr)
"""


def shared_scale(scale: int) -> None:
    """A scale-N plan published to the PostgreSQL server of PLANNER_TEST_DATABASE: opening
    and checking it next to the same plan as a file."""
    if not os.environ.get("PLANNER_TEST_DATABASE"):
        print('    shared plan: no PostgreSQL server (eval "$(tools/pg-test-server start)")')
        return
    figures = _figures([sys.executable, "-c", SHARED, str(OUT / f"scale{scale}.dplan")])
    ratio = figures["shared"] / figures["file"]
    print(
        f"    the scale-{scale} plan shared on PostgreSQL (published in"
        f" {figures['publish']:.0f} s):"
        f" opened and checked in {figures['shared']:.2f} s, as a file {figures['file']:.2f} s:"
        f" {ratio:.2f}x (target <= 2x)"
    )


def whole_exports(scale: int) -> None:
    """Every export of the whole plan at scale N, each in a fresh process: time and peak
    memory (target at scale 1000: <= 1 GiB each)."""
    sys.path.insert(0, str(ROOT))
    from planner.exports.catalog import KINDS

    plan = OUT / f"scale{scale}.dplan"
    visit = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("
            "\"SELECT id FROM agenda_session WHERE kind = 'site_visit' LIMIT 1\").fetchone()[0])",
            str(plan),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    delegation = subprocess.run(
        [sys.executable, "-c", AUDIENCE, str(plan)], capture_output=True, text=True, check=True
    ).stdout.split()[2]
    worst = 0.0
    print(f"    every export of the whole scale-{scale} plan (target: each <= 1024 MiB):")
    for name, kind in KINDS.items():
        extra = []
        if kind.needs == "visit":
            extra = ["--visit", visit]
        elif kind.needs == "delegation":
            extra = ["--delegation", delegation]
        out = OUT / f"whole-{name}-{scale}{kind.suffix}"
        f = command("export", name, str(plan), "-o", str(out), *extra)
        worst = max(worst, f["mib"])
        shown = f"{f['seconds']:.0f} s {f['mib']:.0f} MiB"
        if f["code"]:  # a PDF over the page limit: refused before a page is drawn
            shown = f"refused (exit {f['code']}) in {f['seconds']:.0f} s, {f['mib']:.0f} MiB"
        print(f"        {name:<13} {shown}{'' if not extra else '  (' + ' '.join(extra) + ')'}")
    print(f"        most memory: {worst:.0f} MiB (target <= 1024 MiB)")


def import_limit() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    from benchmark import make_roster

    from planner.imports.sizes import MAX_ROWS

    at, over = OUT / f"roster-{MAX_ROWS}.xlsx", OUT / f"roster-{MAX_ROWS * 3 // 2}.xlsx"
    t = time.perf_counter()
    for path, rows in ((at, MAX_ROWS - 4), (over, MAX_ROWS * 3 // 2)):  # 4 title/heading rows
        if not path.exists():
            make_roster(path, rows)
    made = time.perf_counter() - t
    plan = OUT / "import-limit.dplan"
    command("demo", str(plan), "--force")
    imported = command("import", "people", str(plan), str(at))
    refused = command("import", "people", str(plan), str(over), "--dry-run")
    print(
        f"    import at the limit ({MAX_ROWS:,} rows, {at.stat().st_size / 1e6:.1f} MB .xlsx;"
        f" {f'rosters made in {made:.0f} s' if made >= 1 else 'rosters kept from a run before'}):"
        f" read, checked and imported in"
        f" {imported['seconds']:.1f} s, peak {imported['mib']:.0f} MiB (target <= 500 MiB),"
        f" exit {imported['code']}"
    )
    print(
        f"    {MAX_ROWS * 3 // 2:,} rows ({over.stat().st_size / 1e6:.1f} MB): refused in"
        f" {refused['seconds']:.2f} s, peak {refused['mib']:.0f} MiB, exit {refused['code']}"
        " (target: refused, exit 2, before its cells are read)"
    )
