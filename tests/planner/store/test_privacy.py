"""A copy of the plan without personal data, to share with a partner."""

from __future__ import annotations

import os
import sqlite3

from planner import operations
from planner.store import open_plan
from planner.store.privacy import copy_without_personal_data


def test_the_copy_has_no_identity_numbers_birth_dates_or_phones(demo, tmp_path):
    with demo.reading() as r:
        pid, id_number, phone = r.rows(
            "SELECT id, id_number, phone FROM person WHERE id_number != '' AND phone != '' LIMIT 1"
        )[0]
    operations.update(
        demo, "person", pid, {"id_number": "0801-1990-99999", "phone": "+504 9999-1111"}
    )
    before = demo.path.read_bytes()
    out = copy_without_personal_data(demo, tmp_path / "shared.dplan")
    raw = out.read_bytes()
    for secret in (id_number, phone, "0801-1990-99999", "+504 9999-1111"):
        assert secret.encode() not in raw  # not in the people, the change log or free pages
    copy = open_plan(out)
    try:
        with copy.reading() as r:
            assert (
                r.value(
                    "SELECT count(*) FROM person WHERE id_number != '' OR phone != ''"
                    " OR birth_date IS NOT NULL"
                )
                == 0
            )
            assert r.value("SELECT count(*) FROM person") > 200  # everyone else is there
            assert r.value("SELECT count(*) FROM agenda_session") > 50
    finally:
        copy.close()
    assert demo.path.read_bytes() == before  # the plan itself is untouched
    with demo.reading() as r:
        assert r.value("SELECT id_number FROM person WHERE id = ?", (pid,)) == "0801-1990-99999"
    if os.name == "posix":
        assert oct(out.stat().st_mode & 0o777) == "0o600"  # readable by its owner only


def test_the_copy_is_a_plan_of_its_own(demo, tmp_path):
    out = copy_without_personal_data(demo, tmp_path / "shared.dplan")
    con = sqlite3.connect(out)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()


def test_the_copy_keeps_the_tests_but_not_anyones_scores(demo, tmp_path):
    from planner.queries.evaluation import results
    from planner.rules.report import report

    assert results(demo).scores  # the demo's trainees have their scores
    copy = open_plan(copy_without_personal_data(demo, tmp_path / "shared.dplan"))
    try:
        held = results(copy)
        assert len(held.tests) == 2 and not held.scores  # scores are personal data
        assert report(copy)["knowledge"]["paired"] == 0
        assert report(copy)["satisfaction"] == report(demo)["satisfaction"]  # not personal
    finally:
        copy.close()
