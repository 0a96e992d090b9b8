"""Check-in at the door: each person's badge code, printed as a QR code that a phone decodes to
the code `planner checkin` accepts, and a file of scans judged row by row (expected, the wrong
room, the same scan twice, an unknown code, a malformed row)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from openpyxl import Workbook, load_workbook

from planner import queries
from planner.cli import main
from planner.domain.badge_codes import BadgeCodes, normalise
from planner.exports.catalog import run
from planner.exports.common import Options
from planner.queries.badges import badge_codes
from planner.queries.snapshot import Snapshot, local

MODULE_1 = (
    "Module 1: Differentiated identification and protection of unaccompanied or separated children"
)


def test_a_code_is_short_checked_and_gives_its_person_back():
    codes = BadgeCodes("a key")
    made = [codes.code(i) for i in range(1, 5001)]
    assert len(set(made)) == 5000 and all(len(c) == 8 and c[3] == "-" for c in made)
    assert all(codes.person_id(c) == i for i, c in enumerate(made, start=1))
    assert codes.person_id(made[41].lower().replace("-", " ")) == 42  # as a person types it
    assert normalise("k3q-9fOm") == "K3Q9F0M"  # O read as zero
    wrong = made[0][:-1] + ("0" if made[0][-1] != "0" else "1")
    assert codes.person_id(wrong) is None  # one character mistyped: caught
    assert BadgeCodes("another key").code(1) != made[0]  # opaque: the plan's key decides


def test_the_qr_on_a_badge_decodes_to_the_code_checkin_accepts(demo, demo_path, tmp_path, capsys):
    pdf = run(demo, "badges", tmp_path / "badges.pdf", Options(group=1))[0]
    page = pypdfium2.PdfDocument(str(pdf))[0].render(scale=150 / 72).to_pil()
    read = sorted(b.text for b in zxingcpp.read_barcodes(page))
    codes = badge_codes(demo)
    group_a = {p.id for p in queries.people(demo) if p.groups == "Group A"}
    assert len(read) == 8  # every badge of the page
    assert {codes.person_id(text) for text in read} <= group_a
    # what the phone read is what the door takes: every scan names its person
    scans = tmp_path / "phone.csv"
    scans.write_text(
        "code,time\n" + "".join(f"{t},2023-11-27 09:35\n" for t in read), encoding="utf-8"
    )
    assert main(["checkin", str(demo_path), str(scans), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert not out["unknown"] and not out["invalid"] and not out["unexpected"]
    assert len(out["recorded"]) + len(out["already"]) == 8


def test_the_codes_export_writes_a_workbook_or_a_csv_for_phones(demo, tmp_path):
    csv_file = run(demo, "codes", tmp_path / "codes.csv", Options())[0]
    lines = csv_file.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "code,name,delegation,group" and len(lines) == 1 + 214  # taking part
    codes = badge_codes(demo)
    first = lines[1].split(",")[0]
    assert codes.person_id(first) is not None
    replaced = next(p for p in queries.people(demo) if p.status == "replaced")
    assert codes.code(replaced.id) not in csv_file.read_text(encoding="utf-8-sig")
    book = load_workbook(run(demo, "codes", tmp_path / "codes.xlsx", Options(group=1))[0])
    rows = [
        r
        for r in book.active.iter_rows(values_only=True)
        if r[0] and codes.person_id(str(r[0])) is not None
    ]
    assert len(rows) == 50 and {r[3] for r in rows} == {"Group A"}


def _scans(tmp_path: Path, rows: list[tuple[object, ...]], name: str = "scans.xlsx") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Código", "Hora", "Sesión", "Dispositivo"])
    for row in rows:
        sheet.append(list(row))
    path = tmp_path / name
    book.save(path)
    return path


@pytest.fixture
def fresh(demo):
    """The demo before anyone was marked (its training is recorded as done)."""
    with demo.transaction("test: no marks yet") as tx:
        tx.session.connection().exec_driver_sql("DELETE FROM attendance")
    return demo


def test_a_file_of_scans_is_judged_row_by_row(fresh, demo_path, tmp_path, capsys):
    codes = badge_codes(fresh)
    people = queries.people(fresh)
    a1, a2 = [p for p in people if p.groups == "Group A"][:2]
    b1 = next(p for p in people if p.groups == "Group B" and p.status == "confirmed")
    gone = next(p for p in people if p.status == "replaced")
    scans = _scans(
        tmp_path,
        [
            (codes.code(a1.id), datetime(2023, 11, 27, 9, 20), None, "phone 1"),  # expected
            (codes.code(a1.id).lower(), "2023-11-27 09:25", None, "phone 1"),  # again
            (codes.code(a2.id), "2023-11-27T10:25:00-06:00", None, "phone 2"),  # the next
            (codes.code(b1.id), "2023-11-27 09:40", MODULE_1, "phone 2"),  # Group A's room
            ("AAA-AAAA", "2023-11-27 09:40", None, "phone 2"),  # no one's code
            (codes.code(a1.id), "ayer", None, "phone 2"),  # no time
            (codes.code(a1.id), "2023-11-27 03:00", None, "phone 2"),  # nothing then
            (codes.code(gone.id), "2023-11-29 09:40", None, "phone 2"),  # replaced by then
        ],
    )
    code = main(["checkin", str(demo_path), str(scans), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1  # some were not recorded; the others were
    assert [(r["row"], r["person"]["id"]) for r in out["recorded"]] == [(2, a1.id), (4, a2.id)]
    plan = Snapshot.read(fresh, ())
    first, second = (plan.sessions[r["session"]["id"]] for r in out["recorded"])
    assert first.title == second.title == MODULE_1
    assert local(first.start, plan.zone).strftime("%H:%M") == "09:30"  # the one starting next
    assert local(second.start, plan.zone).strftime("%H:%M") == "10:30"
    assert [r["row"] for r in out["already"]] == [3]
    wrong_room, early, left = out["unexpected"]
    assert (wrong_room["row"], wrong_room["reason"]) == (5, "not_in_audience")
    assert wrong_room["expected"]["title"].startswith("Module 3")  # where Group B is then
    assert (early["row"], early["reason"], early["expected"]["title"]) == (
        8,
        "no_session",
        "Opening ceremony",
    )
    assert left["row"] == 9 and "no longer taking part" in left["message"]
    assert out["unknown"] == [{"row": 6, "code": "AAA-AAAA"}]
    assert [r["row"] for r in out["invalid"]] == [7] and "2023-11-27 09:31" in out["invalid"][0][
        "reason"
    ]
    marks = Snapshot.read(fresh, {"attendance"}).marks
    assert marks[first.id] == {a1.id: True} and marks[second.id] == {a2.id: True}
    with fresh.reading() as r:
        (device,) = r.rows("SELECT device FROM attendance WHERE person_id = ?", (a1.id,))[0]
    assert device == "phone 1"
    # again: everything is already there or still unexpected; nothing new is recorded
    assert main(["checkin", str(demo_path), str(scans), "--json"]) == 1
    again = json.loads(capsys.readouterr().out)
    assert again["recorded"] == [] and len(again["already"]) == 3


def test_a_session_named_on_the_command_line_and_a_dry_run(fresh, demo_path, tmp_path, capsys):
    codes = badge_codes(fresh)
    a1 = next(p for p in queries.people(fresh) if p.groups == "Group A")
    scans = tmp_path / "door.csv"
    scans.write_text(f"code,time\n{codes.code(a1.id)},2023-11-27 16:00\n", encoding="utf-8")
    plan = Snapshot.read(fresh, ())
    first = min(
        (x for x in plan.sessions.values() if x.title == MODULE_1 and ("group", 1) in x.units),
        key=lambda x: x.start,
    )
    assert (
        main(
            [
                "checkin",
                str(demo_path),
                str(scans),
                "--session",
                str(first.id),
                "--dry-run",
                "--json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    # a late upload counts for the session named
    assert out["dry_run"] and [r["session"]["id"] for r in out["recorded"]] == [first.id]
    # a title that parallel sessions share: the one of the person's running then, or none
    assert main(["checkin", str(demo_path), str(scans), "--session", MODULE_1, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["unexpected"][0]["reason"] == "not_in_audience"
    assert Snapshot.read(fresh, {"attendance"}).marks == {}  # dry run: nothing written
    assert main(["checkin", str(demo_path), str(scans), "--session", "Nonexistent"]) == 2
    assert "no session 'Nonexistent'" in capsys.readouterr().err
    broken = tmp_path / "broken.csv"
    broken.write_text("name,when\nAna,today\n", encoding="utf-8")
    assert main(["checkin", str(demo_path), str(broken)]) == 2
    assert "code column" in capsys.readouterr().err
