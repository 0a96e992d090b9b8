"""Delegation Planner's benchmark: start-up and large-plan figures, as medians of fresh processes.

    python bench/benchmark.py [--runs 5] [--scale 25] [--platform offscreen]

Prints:
  (a) a bare PySide6 QMainWindow process, from launch to its first paint;
  (b) Delegation Planner, from launch to the first paint of its main window with the demo plan
      open, and the ratio b/a (target <= 3.0);
  (c) a --scale N plan (25 by default): launch to the first paint of its People list, the part
      of that spent opening the plan and filling the list, and the peak memory of the process
      (ru_maxrss) (targets <= 1 s and <= 300 MiB).
Every figure is the median of --runs fresh processes. Plans are built before timing starts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE_QT = r"""
import resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 760)
class Probe(QObject):
    def eventFilter(self, obj, event):
        if obj is window and event.type() == QEvent.Type.Paint:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"PAINTED {time.perf_counter():.6f} {rss}", flush=True)
            window.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Launch ``cmd``; return (seconds to 'PAINTED', seconds spent opening, peak MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    assert proc.stdout is not None
    opening = float("nan")
    for line in proc.stdout:
        if line.startswith("OPENING "):
            opening = float(line.split()[1])
        if line.startswith("PAINTED "):
            elapsed = time.perf_counter() - start
            _word, painted, rss = line.split()
            proc.wait(timeout=60)
            spent = float(painted) - opening if opening == opening else float("nan")
            return elapsed, spent, int(rss) / 1024
    proc.wait(timeout=60)
    raise SystemExit(f"{cmd} ended without painting:\n{proc.stderr.read() if proc.stderr else ''}")


def median_of(runs: int, cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    results = [measure(cmd, env) for _ in range(runs)]
    return tuple(statistics.median(r[i] for r in results) for i in range(3))  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, default=25)
    parser.add_argument("--platform", default="offscreen",
                        help="Qt platform plugin (offscreen by default; xcb under a display)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="planner-bench-"))
    env = {**os.environ, "QT_QPA_PLATFORM": args.platform, "PYTHONPATH": str(ROOT),
           "PLANNER_SETTINGS": str(work / "settings.ini"), "LANGUAGE": "en"}
    sys.path.insert(0, str(ROOT))
    from planner.demo import build_demo

    demo, big = work / "demo.dplan", work / f"scale{args.scale}.dplan"
    build_demo(demo).close()
    t = time.perf_counter()
    build_demo(big, args.scale).close()
    built = time.perf_counter() - t
    planner = [sys.executable, "-m", "ui.launcher"]

    print(f"Delegation Planner benchmark: median of {args.runs} fresh processes, "
          f"Qt platform '{args.platform}', Python {sys.version.split()[0]}")
    a, _o, a_mem = median_of(args.runs, [sys.executable, "-c", BARE_QT], env)
    print(f"(a) bare PySide6 QMainWindow, launch to first paint:      {a * 1000:7.0f} ms"
          f"   ({a_mem:.0f} MiB)")
    b, _o, b_mem = median_of(args.runs, [*planner, str(demo)],
                             {**env, "PLANNER_BENCH_PAINT": "window"})
    print(f"(b) Delegation Planner, demo plan open, to first paint:   {b * 1000:7.0f} ms"
          f"   ({b_mem:.0f} MiB)")
    print(f"    b/a = {b / a:.2f}   (target <= 3.0)")
    c, opening, c_mem = median_of(args.runs, [*planner, str(big)],
                                  {**env, "PLANNER_BENCH_PAINT": "people"})
    print(f"(c) --scale {args.scale} plan ({big.stat().st_size / 1e6:.1f} MB on disk, built in"
          f" {built:.1f} s), launch to People list painted: {c * 1000:.0f} ms"
          f"   (target <= 1000 ms)")
    print(f"    of which opening the plan and filling the People list: {opening * 1000:.0f} ms")
    print(f"    peak memory (ru_maxrss): {c_mem:.0f} MiB   (target <= 300 MiB)")


if __name__ == "__main__":
    main()
