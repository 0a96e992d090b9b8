"""Damaged plans (issue 16, item 3, and the named pipe of item 9): a file cut by one byte, a
flipped byte in an index page or in a table page are refused with the damaged message, the
newest backup and the way to recover, on open or before anything is written; the refused file
is left byte for byte as it was; reads that meet damage say so; ``planner recover`` brings
back what can be read into a new plan. Anything but a regular file is refused as a plan."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import random
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from planner import operations
from planner.cli import main
from planner.domain.errors import DamagedPlanError, PlanFileError, PlannerError
from planner.store import backup_file, check_plan_file, create_plan_file, open_plan
from planner.store.integrity import backups, length_problem, wal_extent
from planner.store.recovery import recover
from tests.paths import FIXTURES, ROOT

TOOL = ROOT / "tools" / "crash_harness.py"


def harness():
    spec = importlib.util.spec_from_file_location("crash_harness", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pragma(path: Path, name: str) -> bool:
    """SQLite's own verdict, on a copy (so that nothing of the plan is touched)."""
    copy = path.with_name(f"verdict-{path.name}")
    shutil.copyfile(path, copy)
    con = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    con.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        return con.execute(f"PRAGMA {name}").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False
    finally:
        con.close()
        copy.unlink()


def damaged_copy(demo_path: Path, kind: str, *, seed: int = 1, structural: bool = False) -> Path:
    harness().damage(demo_path, kind, random.Random(seed), structural=structural)
    return demo_path


def rows(path: Path) -> dict[str, dict[int, tuple]]:
    return harness()._rows_of(path)


def people(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        con.close()


def assert_refused_untouched(path: Path, call, *words: str) -> DamagedPlanError:
    before = digest(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(DamagedPlanError) as info:
        call()
    assert digest(path) == before, "the refused file was changed"
    message = str(info.value)
    for word in ("damaged", "not changed", "planner recover", *words):
        assert word in message, message
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "a write reached the WAL"
    assert [
        n
        for n in sorted(p.name for p in path.parent.iterdir())
        if n not in siblings and not n.endswith(("-wal", "-shm"))
    ] == []
    return info.value


def write_roster(tmp_path: Path) -> Path:
    roster = tmp_path / "roster.csv"
    roster.write_text("Nombres,Apellidos\nAna,Nueva\n", encoding="utf-8")
    return roster


# --- a file cut by one byte -------------------------------------------------------------------


def test_a_plan_cut_by_one_byte_is_refused_on_open_untouched(demo_path):
    damaged_copy(demo_path, "cut")
    assert pragma(demo_path, "integrity_check"), "SQLite itself does not see a cut by one byte"
    error = assert_refused_untouched(demo_path, lambda: open_plan(demo_path), "cut short")
    assert "1 byte" in str(error)


def test_an_import_into_a_cut_plan_is_refused_and_writes_nothing(demo_path, tmp_path, capsys):
    damaged_copy(demo_path, "cut")
    before, count = digest(demo_path), people(demo_path)
    code = main(["import", "people", str(demo_path), str(write_roster(tmp_path))])
    err = capsys.readouterr().err
    assert code == 2 and "damaged" in err and "cut short" in err
    assert "unexpected" not in err
    assert digest(demo_path) == before and people(demo_path) == count


def test_pages_only_in_the_wal_are_not_taken_for_a_cut(demo_path, tmp_path):
    """While a WAL file holds the newest pages (another window has the plan open, or a
    program stopped before copying them back), the file may be shorter than the plan: only
    pages the WAL does not hold must be in it."""
    con = sqlite3.connect(demo_path)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE change_log SET detail = detail || ' ' WHERE id > 0")  # to the last page
    con.execute("CREATE TABLE filler (x)")  # and pages past the file's end
    con.execute("INSERT INTO filler SELECT randomblob(3000) FROM change_log LIMIT 40")
    con.commit()
    live = tmp_path / "live"
    live.mkdir()
    for suffix in ("", "-wal"):  # the plan as it stands while the connection is open
        shutil.copyfile(f"{demo_path}{suffix}", live / f"plan.dplan{suffix}")
    con.close()
    plan = live / "plan.dplan"
    page_size = 4096
    size = plan.stat().st_size
    db_pages, in_wal = wal_extent(plan, page_size)
    assert db_pages * page_size > size, "the WAL should hold pages past the file's end"
    assert size // page_size in in_wal
    head = plan.read_bytes()[:100]
    assert length_problem(plan, head) is None
    with plan.open("r+b") as fh:  # cut inside the last page, which the WAL holds anew
        fh.truncate(size - 1)
    assert length_problem(plan, head) is None
    check_plan_file(plan)
    assert pragma_wal_sound(plan)
    outside = min(p for p in range(2, size // page_size) if p not in in_wal)
    with plan.open("r+b") as fh:  # a cut that loses a page the WAL does not hold
        fh.truncate((outside - 1) * page_size + 10)
    assert "cut short" in (length_problem(plan, head) or "")
    with pytest.raises(DamagedPlanError, match="cut short"):
        check_plan_file(plan)


def pragma_wal_sound(plan: Path) -> bool:
    folder = plan.parent / "verdict"
    folder.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{plan}{suffix}", folder / f"p.dplan{suffix}")
    con = sqlite3.connect(folder / "p.dplan")
    try:
        return con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()
        shutil.rmtree(folder)


# --- a flipped byte in an index page ------------------------------------------------------------


def test_a_flipped_byte_in_an_index_is_refused_before_the_first_write(demo_path):
    damaged_copy(demo_path, "index")
    assert pragma(demo_path, "quick_check"), "quick_check misses a flipped index byte"
    assert not pragma(demo_path, "integrity_check")
    before = digest(demo_path)
    store = open_plan(demo_path)  # opens: reading is safe, and cheap to check
    try:
        with store.reading() as r:
            person = r.value("SELECT min(id) FROM person")
        error = assert_refused_untouched(
            demo_path, lambda: operations.update(store, "person", person, {"notes": "x"}), "index"
        )
        assert error.summary in str(error) and "planner recover" not in error.summary
        with pytest.raises(DamagedPlanError):  # and every later write, at once
            operations.update(store, "person", person, {"notes": "y"})
    finally:
        store.close()
    assert digest(demo_path) == before


def test_a_copy_of_a_plan_with_a_broken_index_is_refused_before_anything_is_written(
    demo_path, tmp_path, capsys
):
    """`copy` and Save a Copy read the plan only, but a copy would carry the damage into a plan
    that then refuses to open: the damage is said first, naming recover, and no copy appears."""
    damaged_copy(demo_path, "index")
    before = digest(demo_path)
    code = main(["copy", str(demo_path), str(tmp_path / "next.dplan"), "--start", "2024-11-24"])
    err = capsys.readouterr().err
    assert code == 2 and "is damaged" in err and "planner recover" in err, err
    store = open_plan(demo_path, read_only=True)
    try:
        with pytest.raises(DamagedPlanError):
            store.save_copy(tmp_path / "saved.dplan")
    finally:
        store.close()
    assert digest(demo_path) == before
    assert not (tmp_path / "next.dplan").exists() and not (tmp_path / "saved.dplan").exists()


def test_an_import_into_a_plan_with_a_broken_index_writes_nothing(demo_path, tmp_path, capsys):
    damaged_copy(demo_path, "index")
    before, count = digest(demo_path), people(demo_path)
    code = main(["import", "people", str(demo_path), str(write_roster(tmp_path))])
    err = capsys.readouterr().err
    assert code == 2 and "is damaged" in err and "planner recover" in err, err
    assert digest(demo_path) == before and people(demo_path) == count


def test_a_damaged_plan_with_a_wal_is_not_written_even_on_close(demo_path, tmp_path):
    """Closing the last connection copies the WAL into the file: not into a damaged one."""
    live = tmp_path / "live"
    live.mkdir()
    con = sqlite3.connect(demo_path)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE person SET notes = 'in the WAL'")
    con.commit()
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{demo_path}{suffix}", live / f"plan.dplan{suffix}")
    con.close()
    plan = live / "plan.dplan"
    harness().damage(plan, "index", random.Random(3))
    files = {p: digest(p) for p in (plan, Path(f"{plan}-wal"))}
    store = open_plan(plan)
    with store.reading() as r:
        person = r.value("SELECT min(id) FROM person")
    with pytest.raises(DamagedPlanError):
        operations.update(store, "person", person, {"notes": "x"})
    store.close()
    assert {p: digest(p) for p in files} == files


# --- a flipped byte in a table page -------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_flipped_byte_in_a_table_page_is_refused_on_open_or_before_a_write(demo_path, seed):
    damaged_copy(demo_path, "table", seed=seed, structural=True)
    assert not pragma(demo_path, "integrity_check")

    def open_and_write() -> None:
        store = open_plan(demo_path)
        try:
            operations.create(store, "person", {"given_name": "Ana", "family_name": "Nueva"})
        finally:
            store.close()

    assert_refused_untouched(demo_path, open_and_write)


def test_a_flipped_byte_only_integrity_check_sees_in_a_table_page_is_refused(
    demo_path, tmp_path, capsys
):
    """A changed value of an indexed column: the page is well-formed (quick_check passes),
    the table no longer matches its index."""
    original = demo_path.read_bytes()
    for seed in range(1, 80):
        demo_path.write_bytes(original)
        damaged_copy(demo_path, "table", seed=seed)
        if pragma(demo_path, "quick_check") and not pragma(demo_path, "integrity_check"):
            break
    else:
        pytest.fail("no flipped byte of a table page that only integrity_check sees")
    before, count = digest(demo_path), people(demo_path)
    code = main(["import", "people", str(demo_path), str(write_roster(tmp_path))])
    err = capsys.readouterr().err
    assert code == 2 and "is damaged" in err, err
    assert digest(demo_path) == before and people(demo_path) == count


def test_a_read_that_meets_damage_says_damaged_not_database_error(demo_path):
    """A broken index that quick_check passes and a read walks through: "damaged", with the
    way back, instead of SQLite's "database disk image is malformed"."""
    store = open_plan(demo_path, read_only=True)
    store.close()
    original = demo_path.read_bytes()
    from planner.store.btree import cell_area, pages, read_page

    page = next(
        p for p in pages(demo_path).values() if p.owner == "ix_change_log_change_set_id" and p.leaf
    )
    data = read_page(demo_path, page.number, 4096)
    start, end = cell_area(data, page.number)
    for offset in range(start, end):  # a byte whose flip breaks the read, not quick_check
        damaged = bytearray(original)
        damaged[(page.number - 1) * 4096 + offset] ^= 0x80
        demo_path.write_bytes(damaged)
        if not pragma(demo_path, "quick_check"):
            continue
        try:
            con = sqlite3.connect(f"file:{demo_path}?mode=ro", uri=True)
            con.execute("SELECT DISTINCT entity FROM change_log WHERE change_set_id > 0").fetchall()
            con.close()
        except sqlite3.DatabaseError:
            con.close()
            break
    else:
        pytest.fail("no byte of the index breaks the read")
    store = open_plan(demo_path, read_only=True)
    try:
        with pytest.raises(DamagedPlanError, match=r"is damaged .*malformed.*planner recover"):
            store.tables_changed_since(0)
    finally:
        store.close()


def test_the_command_line_says_damaged_where_sqlite_says_malformed(demo_path, monkeypatch, capsys):
    from planner import cli

    def malformed(args):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setitem(cli.COMMANDS, "info", malformed)
    assert main(["info", str(demo_path)]) == 2
    err = capsys.readouterr().err
    assert "demo.dplan is damaged" in err and "unexpected" not in err


def test_the_message_names_the_newest_backup_and_the_recover_command(demo_path):
    for stamp in ("20231101-090000", "20231120-101500", "20230901-080000"):
        shutil.copyfile(demo_path, demo_path.with_name(f"demo backup format 3 {stamp}.dplan"))
    (demo_path.parent / "demo backup format 4 20991231-000000.txt").write_text("not a plan")
    assert backups(demo_path)[0].name == "demo backup format 3 20231120-101500.dplan"
    damaged_copy(demo_path, "cut")
    with pytest.raises(DamagedPlanError) as info:
        open_plan(demo_path)
    message = str(info.value)
    assert "'demo backup format 3 20231120-101500.dplan'" in message
    assert "2023-11-20 10:15" in message
    assert f"planner recover {demo_path} " in message and "recovered.dplan" in message
    assert info.value.backup == str(
        demo_path.with_name("demo backup format 3 20231120-101500.dplan")
    )


def test_an_older_plan_that_is_damaged_is_not_upgraded(tmp_path):
    path = tmp_path / "old.dplan"
    shutil.copyfile(FIXTURES / "plans" / "format-0004.dplan", path)
    harness().damage(path, "index", random.Random(2))
    assert pragma(path, "quick_check") and not pragma(path, "integrity_check")
    before = digest(path)
    with pytest.raises(DamagedPlanError):
        open_plan(path)
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["old.dplan"], "no backup, no upgrade"


# --- planner recover ----------------------------------------------------------------------------


def test_recover_brings_back_every_row_past_a_broken_index(demo_path, tmp_path, capsys):
    original = rows(demo_path)
    damaged_copy(demo_path, "index")
    before = digest(demo_path)
    new = tmp_path / "back.dplan"
    assert main(["recover", str(demo_path), str(new)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(new)
    assert "nothing was lost" in err and "demo.dplan was not changed" in err
    assert digest(demo_path) == before
    assert rows(new) == original
    store = open_plan(new)  # a plan like any other: it opens and takes edits
    try:
        operations.create(store, "person", {"given_name": "Ana", "family_name": "Nueva"})
    finally:
        store.close()


def test_recover_says_which_rows_of_a_broken_table_page_were_lost(demo_path, tmp_path, capsys):
    original = rows(demo_path)
    damaged_copy(demo_path, "table", seed=1, structural=True)
    new = tmp_path / "back.dplan"
    code = main(["recover", str(demo_path), str(new), "--json"])
    report = json.loads(capsys.readouterr().out)
    got = rows(new)
    lost = {t: [i for i in original[t] if i not in got[t]] for t in original}
    assert code == (0 if not any(lost.values()) else 1)
    assert set(report) == {"plan", "complete", "tables"}
    assert set(report["tables"][0]) == {
        "table",
        "copied",
        "lost",
        "unreadable",
        "left_out",
        "unlinked",
        "garbled",
    }
    by_table = {t["table"]: t for t in report["tables"]}
    for table, ids in lost.items():
        assert by_table[table]["lost"] in (len(ids), None), table
    same = sum(1 for t in original for i, row in original[t].items() if got[t].get(i) == row)
    # one page's rows at most, and the rows that hung on them (a lost person's attendance)
    left_out = sum(t["left_out"] or 0 for t in report["tables"])
    assert same >= sum(len(t) for t in original.values()) - 5 - left_out


def test_recover_flags_the_row_where_the_file_was_cut(demo_path, tmp_path):
    original = rows(demo_path)
    damaged_copy(demo_path, "cut")
    result = recover(demo_path, tmp_path / "back.dplan")
    got = rows(tmp_path / "back.dplan")
    changed = [(t, i) for t in original for i, row in original[t].items() if got[t].get(i) != row]
    flagged = [(t.table, i) for t in result.tables for i in t.cut]
    assert set(changed) <= set(flagged)
    assert not result.complete
    assert any("cut short" in line for line in result.lines())


def test_recover_keeps_rows_whose_linked_item_was_lost_without_the_link(demo_path, tmp_path):
    con = sqlite3.connect(demo_path)
    con.execute("PRAGMA foreign_keys=OFF")
    delegation, members = con.execute(
        "SELECT delegation_id, count(*) FROM person WHERE delegation_id IS NOT NULL"
        " GROUP BY delegation_id ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    session, marks = con.execute(
        "SELECT session_id, count(*) FROM attendance GROUP BY 1 LIMIT 1"
    ).fetchone()
    con.execute("DELETE FROM delegation WHERE id = ?", (delegation,))
    con.execute("DELETE FROM agenda_session WHERE id = ?", (session,))
    con.commit()
    con.close()
    result = recover(demo_path, tmp_path / "back.dplan")
    by_table = {t.table: t for t in result.tables}
    assert by_table["person"].unlinked >= members  # kept, without their delegation
    assert by_table["attendance"].dropped >= marks  # no attendance of a lost session
    text = "\n".join(result.lines())
    assert "people:" in text and "lost their link" in text
    open_plan(tmp_path / "back.dplan").close()


def test_recover_drops_a_link_that_means_nothing_without_its_lost_item(demo_path, tmp_path):
    """A session's audience entry names exactly one group, delegation or person: when that
    group is lost, the entry goes (emptying it would break the rule, and recover failed)."""
    con = sqlite3.connect(demo_path)
    con.execute("PRAGMA foreign_keys=OFF")
    group, entries = con.execute(
        "SELECT group_id, count(*) FROM session_audience WHERE group_id IS NOT NULL"
        " GROUP BY group_id LIMIT 1"
    ).fetchone()
    con.execute("DELETE FROM participant_group WHERE id = ?", (group,))
    con.commit()
    con.close()
    result = recover(demo_path, tmp_path / "back.dplan")
    by_table = {t.table: t for t in result.tables}
    assert by_table["session_audience"].dropped >= entries
    with sqlite3.connect(tmp_path / "back.dplan") as back:
        assert back.execute(
            "SELECT count(*) FROM session_audience WHERE group_id = ?", (group,)
        ).fetchone() == (0,)
    open_plan(tmp_path / "back.dplan").close()


def test_recover_upgrades_an_older_damaged_plan(tmp_path):
    path = tmp_path / "old.dplan"
    shutil.copyfile(FIXTURES / "plans" / "format-0003.dplan", path)
    harness().damage(path, "cut", random.Random(1))
    result = recover(path, tmp_path / "new.dplan")
    assert result.revision == "0003"
    assert check_plan_file(tmp_path / "new.dplan").user_version == int(
        sorted(
            p.name[:4]
            for p in (ROOT / "planner" / "store" / "migrations" / "versions").glob("0*.py")
        )[-1]
    )


def test_recover_never_replaces_the_damaged_plan_or_another_file(demo_path, tmp_path):
    with pytest.raises(PlanFileError, match="cannot replace the damaged"):
        recover(demo_path, demo_path)
    other = tmp_path / "other.dplan"
    other.write_bytes(b"mine")
    with pytest.raises(PlanFileError, match="already exists"):
        recover(demo_path, other)
    assert other.read_bytes() == b"mine"
    recover(demo_path, other, overwrite=True)
    assert people(other) == people(demo_path)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".recovering")]


# --- named pipes and devices ------------------------------------------------------------------


def fifo(tmp_path: Path, name: str = "pipe.dplan") -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / name
    os.mkfifo(path)
    return path


def finishes(call) -> object:
    """``call()``'s result or error, or a failure if it waits (a named pipe read blocks)."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except Exception as exc:  # returned to the test
            outcome["value"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():
        for path in finishes.pipes:  # let the blocked open go
            with contextlib.suppress(OSError):
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("it waits for ever on a named pipe")
    return outcome["value"]


finishes.pipes = []


def test_a_named_pipe_given_as_a_plan_is_refused_at_once(tmp_path, capsys):
    pipe = fifo(tmp_path)
    finishes.pipes = [pipe]
    error = finishes(lambda: open_plan(pipe))
    assert isinstance(error, PlanFileError) and "not a regular file" in str(error)
    assert finishes(lambda: main(["info", str(pipe)])) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_a_named_pipe_is_never_a_copy_or_a_new_plan(demo, tmp_path):
    pipe = fifo(tmp_path, "copy.dplan")
    finishes.pipes = [pipe]
    for call in (
        lambda: backup_file(demo.path, pipe),
        lambda: create_plan_file(pipe, overwrite=True),
        lambda: recover(demo.path, pipe, overwrite=True),
    ):
        error = finishes(call)
        assert isinstance(error, PlannerError) and "not a regular file" in str(error), error
    assert Path(pipe).is_fifo()


def test_a_device_is_never_replaced_by_a_copy(demo, tmp_path):
    """On a device of its own (never /dev/null: code without the fix, run as root, would
    replace the machine's)."""
    import stat

    device = tmp_path / "null"
    try:
        os.mknod(device, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except (OSError, AttributeError):
        pytest.skip("making a device needs root")
    with pytest.raises(PlannerError, match="not a regular file"):
        demo.save_copy(device)
    assert device.is_char_device()


def test_recover_runs_headless_from_the_planner_command(demo_path, tmp_path):
    import subprocess
    import sys

    root = ROOT
    new = tmp_path / "back.dplan"
    code = (
        "import sys; from ui.launcher import main; code = main(sys.argv[1:]);"
        " print('qt' if 'PySide6' in sys.modules else 'no qt'); raise SystemExit(code)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, "recover", str(demo_path), str(new)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(root), "LANGUAGE": "en"},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [str(new), "no", "qt"]
    assert "nothing was lost" in run.stderr


def test_a_file_longer_than_its_pages_is_not_damaged(demo_path):
    """A program stopped before SQLite shortened the file after a checkpoint leaves pages past
    the end the header gives: nothing is missing."""
    with demo_path.open("ab") as fh:
        fh.write(bytes(4096 + 100))
    assert length_problem(demo_path, demo_path.read_bytes()[:100]) is None
    open_plan(demo_path).close()


def test_a_recovery_that_was_cut_short_leaves_nothing_behind_the_next(demo_path, tmp_path):
    stale = tmp_path / ".back.dplan.999999999.abcdefgh.recovering"
    stale.mkdir()
    (stale / "damaged.dplan").write_bytes(b"half")
    recover(demo_path, tmp_path / "back.dplan")
    assert not stale.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
