"""The crash harness (tools/crash_harness.py): a short run of real kills, and its checker
catching what it must catch."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys

from planner import operations
from tests.paths import ROOT

TOOL = ROOT / "tools" / "crash_harness.py"


def harness():
    spec = importlib.util.spec_from_file_location("crash_harness", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_few_kills_damage_nothing_and_lose_nothing(tmp_path):
    run = subprocess.run(
        [sys.executable, str(TOOL), "--kills", "5", "--seed", "7", "--work", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "damaged files: 0, lost acknowledged edits: 0, half imports: 0" in run.stdout
    assert "5 kills" in run.stdout
    for damage in ("an index page", "a table page", "cut by one byte"):  # a case after each kill
        line = next(x for x in run.stdout.splitlines() if damage in x)
        assert "missed 0, written 0" in line and "failed 0" in line, line


def test_the_checker_finds_a_lost_edit_a_half_import_and_a_damaged_copy(demo, tmp_path):
    crash = harness()
    demo.close()
    shutil.copyfile(demo.path, tmp_path / "plan.dplan")
    from planner.store import open_plan

    store = open_plan(tmp_path / "plan.dplan")
    try:
        person = operations.create(
            store, "person", {"given_name": "Ana", "family_name": "Paz", "notes": "edit 5"}
        ).id
        delegation = operations.create(store, "delegation", {"name": "Import 9"}).id
        for n in range(3):  # 3 of the roster's 120: half an import
            operations.create(
                store,
                "person",
                {"given_name": f"P{n}", "family_name": "Import9", "delegation_id": delegation},
            )
    finally:
        store.close()
    assert crash.check(tmp_path) == {"damaged": 0, "lost": 0, "half": 1}
    journal = tmp_path / "journal.jsonl"
    journal.write_text(
        json.dumps({"n": 6, "kind": "edit", "state": "done", "person": person}) + "\n"
    )
    assert crash.check(tmp_path)["lost"] == 1  # the plan holds edit 5, edit 6 was reported
    (tmp_path / "copy-7.dplan").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    assert crash.check(tmp_path)["damaged"] == 1
