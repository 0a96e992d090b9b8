"""Shared fixtures. Qt runs offscreen; every test gets its own plan file in a temp folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANGUAGE", "en")
os.environ["PLANNER_SYSTEM_LOCALE"] = "en_GB"  # the same formats on every machine

from planner import operations
from planner.demo import build_demo
from planner.domain.i18n import set_language
from planner.store import PlanStore, open_plan


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
    store = operations.new_plan(tmp_path / "test.dplan", dict(PLAN_VALUES))
    yield store
    store.close()


# --- a PostgreSQL server for shared plans --------------------------------------------------


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The test server's address (tools/pg-test-server start). Missing: skip on a developer's
    machine, fail in CI (PLANNER_REQUIRE_DATABASE), where the tests must run."""
    url = os.environ.get("PLANNER_TEST_DATABASE", "")
    if not url:
        if os.environ.get("PLANNER_REQUIRE_DATABASE"):
            pytest.fail(
                "PLANNER_REQUIRE_DATABASE is set but no server was started: run"
                ' eval "$(tools/pg-test-server start)"'
            )
        pytest.skip(
            'no PostgreSQL server: run eval "$(tools/pg-test-server start)" to test shared plans'
        )
    return url


def _admin(server: str) -> Any:
    import psycopg

    return psycopg.connect(server, autocommit=True, connect_timeout=8)


@pytest.fixture
def pg_address(pg_server: str) -> Iterator[str]:
    """An empty database of its own for one test; dropped afterwards."""
    import uuid

    name = f"plan_test_{uuid.uuid4().hex[:12]}"
    with _admin(pg_server) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield pg_server.rsplit("/", 1)[0] + "/" + name
    with _admin(pg_server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_demo(demo_path: Path, pg_address: str) -> str:
    """The demo plan published to its own database: its address."""
    from planner.store.shared import publish

    publish(demo_path, pg_address)
    return pg_address
