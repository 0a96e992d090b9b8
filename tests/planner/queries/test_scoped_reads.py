"""An export for one person, group or delegation reads only the people its papers can name
(issue 18: a one-person itinerary of a plan of 85,600 people read them all, 287 MiB), and
writes exactly what it wrote when it read everyone."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from planner.demo import build_demo
from planner.exports.catalog import KINDS, run
from planner.exports.common import Options, PlanData
from planner.queries import snapshot
from planner.store import open_plan


def _content(path: Path) -> object:
    if path.suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path, read_only=True)
        # when each was produced ("produced 5 Dec 2026 07:56") may differ by a minute
        return [
            (ws.title, [_undated(row) for row in ws.iter_rows(values_only=True)])
            for ws in workbook.worksheets
        ]
    if path.suffix == ".ics":
        return [line for line in path.read_text().splitlines() if not line.startswith("DTSTAMP")]
    return path.stat().st_size > 0  # a PDF: its text is compared by the xlsx twins


def _undated(row: tuple[object, ...]) -> tuple[object, ...]:
    return tuple(
        re.sub(r"produced [^·]*", "produced …", c) if isinstance(c, str) else c for c in row
    )


def _scopes(plan: Path) -> dict[str, list[int]]:
    with sqlite3.connect(plan) as con:
        return {
            "person": [r[0] for r in con.execute("SELECT min(id) FROM person GROUP BY role")],
            "group": [r[0] for r in con.execute("SELECT min(id) FROM participant_group")],
            "delegation": [r[0] for r in con.execute("SELECT id FROM delegation")],
        }


def test_a_scoped_export_reads_only_its_people(tmp_path):
    store = build_demo(tmp_path / "two.dplan", 2)  # two cohorts: nobody meets the other's
    try:
        with store.reading() as r:
            everyone = r.value("SELECT count(*) FROM person")
            trainee = r.value("SELECT min(id) FROM person WHERE role = 'trainee'")
        data = PlanData.load(store, scope=("person", trainee))
        assert trainee in data.people
        assert len(data.people) <= everyone * 0.6  # the other cohort's people are not read
        assert set(data.membership.units_of) == set(data.people)
        assert set(data.logistics.trips) <= set(data.people)
    finally:
        store.close()


@pytest.fixture(scope="module")
def two_cohorts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scoped") / "two.dplan"
    build_demo(path, 2).close()
    return path


@pytest.mark.parametrize(
    "name", sorted(name for name, kind in KINDS.items() if kind.filters and kind.suffix != ".pdf")
)
def test_a_scoped_export_writes_what_it_wrote_reading_everyone(
    two_cohorts, tmp_path, monkeypatch, name
):
    kind = KINDS[name]
    store = open_plan(two_cohorts)
    try:
        _compare(store, kind, name, tmp_path, monkeypatch)
    finally:
        store.close()


def _compare(demo, kind, name, tmp_path, monkeypatch) -> None:
    whole = snapshot._known
    for filter_ in sorted(kind.filters):
        for chosen in _scopes(demo.path)[filter_]:
            options = Options(**{filter_: chosen})
            written = []
            for scoped in (True, False):
                monkeypatch.setattr(
                    snapshot, "_known", whole if scoped else lambda scope: (lambda c: "", {})
                )
                out = tmp_path / f"{name}-{filter_}-{chosen}-{scoped}{kind.suffix}"
                try:
                    run(demo, name, out, options)
                    written.append(_content(out))
                except Exception as exc:
                    written.append(str(exc))
            assert written[0] == written[1], (name, filter_, chosen)
