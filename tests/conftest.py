"""Shared fixtures. Qt runs offscreen; every test gets its own plan file in a temp folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANGUAGE", "en")
os.environ["PLANNER_SYSTEM_LOCALE"] = "en_GB"  # the same formats on every machine

from planner import ops
from planner.demo import build_demo
from planner.i18n import set_language
from planner.store import PlanStore, open_plan

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("master") / "demo.dplan"
    build_demo(path).close()
    return path


@pytest.fixture
def demo_path(demo_master: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.dplan"
    shutil.copyfile(demo_master, path)
    return path


@pytest.fixture
def demo(demo_path: Path) -> Iterator[PlanStore]:
    store = open_plan(demo_path)
    yield store
    store.close()


PLAN_VALUES = {
    "title": "Test plan",
    "city": "Tegucigalpa",
    "country": "HN",
    "timezone": "America/Tegucigalpa",
    "start_date": date(2023, 11, 25),
    "end_date": date(2023, 12, 2),
    "currency": "USD",
}


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[PlanStore]:
    store = ops.new_plan(tmp_path / "test.dplan", dict(PLAN_VALUES))
    yield store
    store.close()
