"""The workbooks written before the export catalogue (manifests, clearance list, budget, per
diem sheet), behind the catalogue's one signature (which sets the reader's language and date
formats around them)."""

from __future__ import annotations

from pathlib import Path

from planner.exports.common import Job, Options, PlanData
from planner.store import PlanStore


def manifests(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    from planner.exports import travel

    return travel.manifests(store, target, options.lang)


def clearance(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    from planner.exports import travel

    assert options.visit is not None
    return travel.clearance_list(
        store, options.visit, target, options.lang, personal=options.personal
    )


def budget(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    from planner.exports import budget as workbook

    return workbook.budget_workbook(store, target, options.lang, data.budget(store))


def perdiem(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    from planner.exports import budget as workbook

    return workbook.perdiem_sheet(
        store, target, options.lang, data.budget(store), personal=options.personal
    )
