"""Issue 16, exports: an export never replaces a plan, a device or a file of another kind;
papers whose purpose is personal data are refused without it, the others leave it out; a
folder that cannot be written is said in one message (no traceback); a note for "what
changed" the plan was too busy to keep is said."""

from __future__ import annotations

import hashlib
import inspect
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.cli import main
from planner.domain.errors import PlannerError
from planner.exports.catalog import KINDS, run
from planner.exports.common import Options, PlanData
from planner.exports.destination import check_output, check_replaceable
from tests.paths import ROOT


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export(*args: str) -> subprocess.CompletedProcess[str]:
    """``planner export …`` as a user runs it: its own process, its own stderr."""
    return subprocess.run(
        [sys.executable, "-m", "planner", "export", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LANGUAGE": "en"},
    )


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["export", *args]) == 2, args
    said = capsys.readouterr()
    assert said.out == "", args  # nothing written, nothing announced
    return said.err


# --- item 1: an export never replaces a plan ---------------------------------------------------


def test_an_export_never_replaces_the_plan_under_any_name(demo_path, tmp_path, capsys, monkeypatch):
    before = digest(demo_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.xlsx").symlink_to(demo_path)
    os.link(demo_path, tmp_path / "hard.xlsx")
    for out in (
        str(demo_path),
        demo_path.name,
        f"./{demo_path.name}",
        f"../{tmp_path.name}/{demo_path.name}",
        "link.xlsx",
        "hard.xlsx",
    ):
        for kind in ("participants", "itineraries"):  # read-only, and a note-keeping one
            err = refused(capsys, kind, str(demo_path), "-o", out)
            assert "is the plan being exported" in err and "never replaces a plan" in err, out
            assert "Traceback" not in err
    assert digest(demo_path) == before
    assert (tmp_path / "link.xlsx").is_symlink()


def test_an_export_never_replaces_another_plan(demo_path, tmp_path, capsys):
    other = tmp_path / "other.dplan"
    other.write_bytes(demo_path.read_bytes())
    disguised = tmp_path / "report.xlsx"  # a plan renamed: known by its header, not its name
    disguised.write_bytes(demo_path.read_bytes())
    for out in (other, disguised):
        before = digest(out)
        err = refused(capsys, "budget", str(demo_path), "-o", str(out))
        assert f"{out} is a Delegation Planner plan" in err and "never replaces" in err
        assert digest(out) == before
    # with --split, a plan where the folder should be is refused just the same
    err = refused(capsys, "itineraries", str(demo_path), "-o", str(other), "--split")
    assert "is a Delegation Planner plan" in err and "Choose another folder" in err
    # and so is another program's database named like a workbook
    foreign = tmp_path / "notes.xlsx"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.close()
    assert "database of another program" in refused(
        capsys, "budget", str(demo_path), "-o", str(foreign)
    )


def test_a_named_pipe_or_a_socket_is_never_replaced(demo_path, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a short relative name for the socket
    os.mkfifo("pipe.xlsx")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind("sock.xlsx")
    try:
        for name, what in (("pipe.xlsx", "a named pipe"), ("sock.xlsx", "a socket")):
            err = refused(capsys, "budget", str(demo_path), "-o", name)
            assert f"{name} is {what}, not a file or a folder" in err
        assert Path("pipe.xlsx").is_fifo() and Path("sock.xlsx").is_socket()  # still there
        err = refused(capsys, "itineraries", str(demo_path), "-o", "pipe.xlsx", "--split")
        assert "is a named pipe" in err and "Choose another folder" in err
    finally:
        sock.close()


def device() -> str:
    """The null device (or, should another program on a shared machine have replaced it, the
    zero device): a character device every POSIX system has."""
    return next(d for d in ("/dev/null", "/dev/zero", "/dev/full") if Path(d).is_char_device())


def test_a_device_is_refused_before_anything_is_written(demo):
    # checked without running an export: a regression here must never touch the device
    null = device()
    with pytest.raises(PlannerError, match=f"{null} is a device, not a file or a folder"):
        check_output(KINDS["budget"], null, source=demo)
    with pytest.raises(PlannerError, match=r"is a device.*Choose another folder"):
        check_output(KINDS["itineraries"], null, split=True, source=demo)
    with pytest.raises(PlannerError, match="is a device"):
        check_replaceable(null, demo)


def test_an_output_of_another_kind_is_refused_naming_the_extension(demo_path, tmp_path, capsys):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    err = refused(capsys, "agenda", str(demo_path), "-o", str(tmp_path / "a.pdf"))
    assert "a.pdf does not end in .xlsx" in err and "for example, a.xlsx" in err
    err = refused(capsys, "certificates", str(demo_path), "-o", str(tmp_path / "c.xlsx"))
    assert "does not end in .pdf" in err
    err = refused(capsys, "ics", str(demo_path), "-o", str(tmp_path / "calendar"))
    assert "does not end in .ics" in err and "calendar.ics" in err
    assert list(tmp_path.iterdir()) == []
    # the extension in capitals is still the kind's
    assert main(["export", "budget", str(demo_path), "-o", str(tmp_path / "B.XLSX")]) == 0
    assert load_workbook(tmp_path / "B.XLSX").sheetnames


def test_a_split_export_replaces_nothing_that_is_a_plan(demo, demo_path, tmp_path):
    folder = tmp_path / "itineraries"
    panama = Options(
        delegation=next(
            i
            for i, (name, *_r) in PlanData.load(demo).delegations.items()
            if name == "Panama delegation"
        ),
        split=True,
    )
    written = run(demo, "itineraries", folder, panama)
    assert len(written) > 2
    victim = written[1]
    victim.unlink()
    victim.write_bytes(demo_path.read_bytes())  # a plan where an itinerary would go
    before = {p.name: digest(p) for p in folder.iterdir()}
    with pytest.raises(PlannerError, match="is a Delegation Planner plan"):
        run(demo, "itineraries", folder, panama)
    assert {p.name: digest(p) for p in folder.iterdir()} == before  # nothing moved at all
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


# --- item 5: personal data -----------------------------------------------------------------------


def test_papers_whose_purpose_is_personal_data_are_refused_without_it(demo_path, tmp_path, capsys):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    err = refused(
        capsys, "perdiem", str(demo_path), "-o", str(tmp_path / "p.xlsx"), "--no-personal-data"
    )
    assert "per diem payment sheet exists to pay each traveller" in err
    assert "cannot be written without personal data" in err
    err = refused(
        capsys,
        "clearance",
        str(demo_path),
        "-o",
        str(tmp_path / "c.xlsx"),
        "--visit",
        "Field tour",
        "--no-personal-data",
    )
    assert "host clearance list exists to give the hosts" in err
    assert list(tmp_path.iterdir()) == []
    assert all(
        bool(k.personal_purpose) == (k.name in ("perdiem", "clearance", "dutyofcare"))
        for k in KINDS.values()
    )


def test_the_writers_never_default_to_personal_data():
    from planner.exports.budget import perdiem_sheet
    from planner.exports.travel import clearance_list

    for writer in (perdiem_sheet, clearance_list):
        parameter = inspect.signature(writer).parameters["personal"]
        assert parameter.default is inspect.Parameter.empty, writer.__name__
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY


def test_participants_and_rooming_leave_personal_data_out(demo, tmp_path):
    data = PlanData.load(demo)
    secrets = {p.id_number for p in data.people.values() if p.id_number}
    secrets |= {p.phone for p in data.people.values() if p.phone}
    births = {p.birth_date for p in data.people.values() if p.birth_date}
    for kind in ("participants", "rooming"):
        with_data = run(demo, kind, tmp_path / f"{kind}-full.xlsx", Options())[0]
        without = run(demo, kind, tmp_path / f"{kind}.xlsx", Options(personal=False))[0]
        full = _cells(with_data)
        assert any(s in full for s in secrets), kind  # there by default, where it belongs
        cells = _cells(without)
        assert "left out of this export" in cells, kind
        assert not any(s in cells for s in secrets), kind
        for ws in load_workbook(without):
            for row in ws.iter_rows(values_only=True):
                assert not any(isinstance(v, datetime) and v.date() in births for v in row), kind


def _cells(path: Path) -> str:
    return " ".join(
        str(v)
        for ws in load_workbook(path)
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None
    )


# --- item 9: a folder that cannot be written ------------------------------------------------------


def _unwritable_folder(tmp_path: Path) -> Path:
    """A folder nobody may write into, even root (who passes every permission check): a
    folder with no write permission for others, else /sys (a kernel file system that takes
    no new files)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    os.chmod(folder, 0o500)
    if not os.access(folder, os.W_OK):
        return folder
    try:
        fd, name = tempfile.mkstemp(dir="/sys")
    except OSError:
        return Path("/sys")
    os.close(fd)
    os.unlink(name)
    pytest.skip("no folder here refuses a new file to this user")


@pytest.mark.parametrize(
    "args",
    [["budget", "budget.xlsx"], ["participants", "p.xlsx"], ["itineraries", "trips", "--split"]],
    ids=["budget", "participants", "split"],
)
def test_a_folder_that_cannot_be_written_is_said_once_without_a_traceback(
    demo_path, tmp_path, args
):
    folder = _unwritable_folder(tmp_path)
    try:
        done = export(args[0], str(demo_path), "-o", str(folder / args[1]), *args[2:])
    finally:
        os.chmod(tmp_path / "locked", 0o700)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"error: The folder {folder} cannot be written to"), done.stderr
    assert "Traceback" not in done.stderr and "unexpected" not in done.stderr
    assert "Exception ignored" not in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr  # one line, nothing after it


def test_a_folder_that_does_not_exist_is_said_once_without_a_traceback(demo_path, tmp_path):
    for args in (
        ["budget", str(demo_path), "-o", str(tmp_path / "none" / "b.xlsx")],
        ["itineraries", str(demo_path), "-o", str(tmp_path / "none" / "trips"), "--split"],
    ):
        done = export(*args)
        assert done.returncode == 2
        assert done.stderr == (
            f"error: The folder {tmp_path / 'none'} does not exist. Create"
            " it first or choose another.\n"
        )
    assert not (tmp_path / "none").exists()


def test_a_workbook_that_could_not_be_saved_is_closed_cleanly(tmp_path):
    """openpyxl's write-only sheets are closed and their temporary files removed when the
    workbook cannot be saved, so nothing is printed after the message when they are
    collected."""
    script = (
        "import gc, sys\n"
        "from planner.domain.errors import PlannerError\n"
        "from planner.exports.sheet import Sheet, write\n"
        "sheet = Sheet('A')\n"
        "sheet.add('x')\n"
        "try:\n"
        "    write([sheet, Sheet('B')], sys.argv[1])\n"
        "except PlannerError as exc:\n"
        "    print(exc, file=sys.stderr)\n"
        "gc.collect()\n"
        "from openpyxl.worksheet._writer import ALL_TEMP_FILES\n"
        "print(len(ALL_TEMP_FILES))\n"
    )
    folder = _unwritable_folder(tmp_path)
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, str(folder / "x.xlsx")],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    finally:
        os.chmod(tmp_path / "locked", 0o700)
    assert "cannot be written to" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stdout.strip() == "0"  # no temporary sheet file left behind


# --- item 10: a note for "what changed" the busy plan could not keep ---------------------------


def test_a_note_the_busy_plan_could_not_keep_is_said(demo_path, tmp_path, capsys):
    out = tmp_path / "panama.xlsx"
    other = sqlite3.connect(demo_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing to the plan
    try:
        code = main(
            [
                "export",
                "itineraries",
                str(demo_path),
                "-o",
                str(out),
                "--delegation",
                "Panama delegation",
            ]
        )
    finally:
        other.rollback()
        other.close()
    said = capsys.readouterr()
    assert code == 0 and said.out.strip() == str(out)  # the export itself is done
    assert load_workbook(out).sheetnames
    assert said.err.startswith(
        "warning: The export is written, but its note for “What"
        " changed” (what Panama delegation had in the agenda) was not"
        " kept:"
    )
    assert "is busy" in said.err and "compares with the export before this one" in said.err
    # when the plan is free, the note is kept and nothing is said
    assert (
        main(
            [
                "export",
                "itineraries",
                str(demo_path),
                "-o",
                str(out),
                "--delegation",
                "Panama delegation",
            ]
        )
        == 0
    )
    assert capsys.readouterr().err == ""
