"""The demo plan: the Tegucigalpa 2023 training, with fictional people made up here.

``build_demo(path)`` writes the reference scenario: plan days 25 Nov - 2 Dec 2023, the
Panamanian delegation of 10 (SENAFRONT, the National Migration Service, IOM Panama), 200 DNSPF
officers in four groups, IOM Honduras' organisers, eight modules in rotation over 27-30 Nov
across four classrooms, opening and closing ceremonies in a hall, breaks and lunches, and the
1 Dec field tour to Las Manos and CAMI Danlí.

``scale=N`` writes N such cohorts side by side (N times the people, groups, rooms and sessions),
each in its own training centre, for benchmarks. The result is the same on every run.
"""

from planner.demo.build import build_demo, fill_demo
from planner.demo.scenario import MODULES, PLAN

__all__ = ["MODULES", "PLAN", "build_demo", "fill_demo"]
