"""The bundle beside the virtual environment: its size, and how long each takes to start.

    python tools/bundle.py                 # first: dist/delegation-planner/
    python bench/bundle.py [--runs 7] [--bundle dist/delegation-planner]

Prints:
  (a) the bundle's size unpacked (target <= 250 MB) and its largest parts;
  (b) launch to the first paint of the main window on the demo plan, from the virtual
      environment's ``delegation-planner`` and from the bundle's, each with an empty
      environment (a fresh home folder; QT_QPA_PLATFORM=offscreen), and their ratio
      (target <= 1.5);
  (c) the same for the command line: ``info PLAN --json`` from launch to its end.
Every time is the median of --runs fresh processes, the two taking turns.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from benchmark import measure  # noqa: E402


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def empty_env(home: Path, **more: str) -> dict[str, str]:
    return {"HOME": str(home), **more}


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "delegation-planner")
    parser.add_argument(
        "--venv-program",
        type=Path,
        default=Path(sys.executable).with_name("delegation-planner"),
        help="the virtual environment's delegation-planner (beside this Python)",
    )
    args = parser.parse_args()
    bundled = args.bundle / (
        "delegation-planner.exe" if sys.platform == "win32" else "delegation-planner"
    )
    if not bundled.is_file():
        print(f"No bundle at {args.bundle}: build it first with python tools/bundle.py")
        return 2
    size = folder_size(args.bundle)
    print(f"(a) bundle {args.bundle}: {size / 2**20:.1f} MB unpacked (target <= 250 MB)")
    internal = args.bundle / "_internal"
    parts = sorted(
        (
            (folder_size(p) if p.is_dir() else p.stat().st_size, p.name)
            for p in internal.iterdir()
            if not p.is_symlink()
        ),
        reverse=True,
    )[:6]
    print("    largest parts: " + ", ".join(f"{name} {n / 2**20:.0f} MB" for n, name in parts))

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        home = work / "home"
        home.mkdir()
        plan = work / "demo.dplan"
        subprocess.run([str(bundled), "demo", str(plan)], env=empty_env(home), check=True,
                       capture_output=True)  # fmt: skip
        window = empty_env(home, QT_QPA_PLATFORM="offscreen", PLANNER_BENCH_PAINT="window")
        programs = {"venv": [str(args.venv_program)], "bundle": [str(bundled)]}
        paint: dict[str, list[float]] = {"venv": [], "bundle": []}
        info: dict[str, list[float]] = {"venv": [], "bundle": []}
        for cmd in programs.values():  # a first start of each (caches, menu entry)
            measure([*cmd, str(plan)], window)
        for _ in range(args.runs):
            for name, cmd in programs.items():
                paint[name].append(measure([*cmd, str(plan)], window)[0])
                info[name].append(timed([*cmd, "info", str(plan), "--json"], empty_env(home)))
    v, b = statistics.median(paint["venv"]), statistics.median(paint["bundle"])
    print(f"(b) window, launch to first paint (median of {args.runs}):")
    print(f"    virtual environment {v:.3f} s, bundle {b:.3f} s, ratio {b / v:.2f} (target <= 1.5)")
    v, b = statistics.median(info["venv"]), statistics.median(info["bundle"])
    print(f"(c) info PLAN --json, launch to end (median of {args.runs}):")
    print(f"    virtual environment {v:.3f} s, bundle {b:.3f} s, ratio {b / v:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
