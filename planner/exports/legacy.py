"""The workbooks written before the export catalogue (manifests, clearance list, budget, per
diem sheet), behind the catalogue's one signature."""

from __future__ import annotations

from pathlib import Path

from planner.exports.common import Job, Options, PlanData
from planner.store import PlanStore


def manifests(store: PlanStore, data: PlanData, target: Path, options: Options,
              job: Job) -> Path:
    from planner.exports import travel
    from planner.exports.xlsx import formats

    with formats(options.reader_locale):
        return travel.manifests(store, target, options.lang)


def clearance(store: PlanStore, data: PlanData, target: Path, options: Options,
              job: Job) -> Path:
    from planner.exports import travel
    from planner.exports.xlsx import formats

    assert options.visit is not None
    with formats(options.reader_locale):
        return travel.clearance_list(store, options.visit, target, options.lang,
                                     personal=options.personal)


def budget(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    from planner.exports import budget as workbook
    from planner.exports.xlsx import formats

    with formats(options.reader_locale):
        return workbook.budget_workbook(store, target, options.lang, data.budget(store))


def perdiem(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    from planner.exports import budget as workbook
    from planner.exports.xlsx import formats

    with formats(options.reader_locale):
        return workbook.perdiem_sheet(store, target, options.lang, data.budget(store),
                                      personal=options.personal)
