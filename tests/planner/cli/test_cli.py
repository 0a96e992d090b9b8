"""The command-line contract: commands, options, exit codes and JSON keys."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from tests.paths import ROOT


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANGUAGE": "en"}
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_demo_then_info_json_reports_the_scenario(tmp_path):
    path = tmp_path / "demo.dplan"
    result = run("demo", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(path)
    info = run("info", str(path), "--json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["title"].startswith("Training on Migration")
    assert (data["start"], data["end"]) == ("2023-11-25", "2023-12-02")
    assert data["timezone"] == "America/Tegucigalpa" and data["currency"] == "USD"
    assert data["counts"] == {
        "delegations": 3,
        "people": 214,
        "groups": 4,
        "rooms": 7,
        "sessions": 82,
        "travel": 20,  # 10 arrivals, 10 departures
        "stays": 10,
        "vehicles": 2,
        "rides": 11,  # 3 airport transfers, 4 legs of the field tour in each of 2 vans
        "site_visits": 1,
    }
    assert set(data["people_by_sex"]) == {"female", "male", "other", "unknown"}
    assert sum(data["people_by_sex"].values()) == 214
    assert [set(d) >= {"id", "name", "country", "members"} for d in data["delegations"]] == [
        True
    ] * 3
    panama = next(d for d in data["delegations"] if d["country"] == "PA")
    assert panama["members"] == 10
    assert [g["size"] for g in data["groups"]] == [50, 50, 50, 50]
    assert all(set(r) >= {"id", "name", "venue", "capacity"} for r in data["rooms"])
    assert "Traceback" not in info.stderr


def test_demo_scale_multiplies_everything(tmp_path, capsys):
    path = tmp_path / "big.dplan"
    assert main(["demo", str(path), "--scale", "3"]) == 0
    capsys.readouterr()
    assert main(["info", str(path), "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["counts"]
    assert counts == {
        "delegations": 9,
        "people": 642,
        "groups": 12,
        "rooms": 21,
        "sessions": 246,
        "travel": 60,
        "stays": 30,
        "vehicles": 6,
        "rides": 33,
        "site_visits": 3,
    }


def test_new_creates_an_empty_plan_and_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "new.dplan"
    args = [
        "new",
        str(path),
        "--title",
        "Visita de estudio",
        "--start",
        "2024-03-04",
        "--end",
        "2024-03-08",
        "--tz",
        "America/Panama",
        "--currency",
        "usd",
        "--city",
        "Panamá",
        "--country",
        "pa",
    ]
    assert main(args) == 0
    capsys.readouterr()
    assert main(["info", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["title"], data["currency"], data["country"]) == ("Visita de estudio", "USD", "PA")
    assert data["counts"]["people"] == 0
    before = path.read_bytes()
    assert main(args) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert main([*args, "--force"]) == 0


@pytest.mark.parametrize(
    "args, words",
    [
        (
            [
                "new",
                "x.dplan",
                "--title",
                "T",
                "--start",
                "2024-02-30",
                "--end",
                "2024-03-01",
                "--tz",
                "UTC",
            ],
            "is not a date",
        ),
        (
            [
                "new",
                "x.dplan",
                "--title",
                "T",
                "--start",
                "2024-03-02",
                "--end",
                "2024-03-01",
                "--tz",
                "UTC",
            ],
            "last day must be on or after",
        ),
        (
            [
                "new",
                "x.dplan",
                "--title",
                "T",
                "--start",
                "2024-03-01",
                "--end",
                "2024-03-02",
                "--tz",
                "Tegucigalpa",
            ],
            "not a time zone",
        ),
        (["demo", "x.dplan", "--scale", "0"], "not a scale"),
        (["info"], "required"),
        (["info", "missing.dplan"], "does not exist"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_arguments_exit_2_with_a_message_and_no_traceback(tmp_path, args, words):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.dplan").exists()


def test_info_refuses_a_foreign_file_untouched(tmp_path):
    path = tmp_path / "photo.dplan"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    result = run("info", str(path))
    assert result.returncode == 2 and "not a Delegation Planner plan" in result.stderr
    assert path.read_bytes() == b"\x89PNG\r\n\x1a\n" + bytes(500)


def test_info_text_lists_delegations_groups_and_rooms(demo_path, capsys):
    assert main(["info", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "Tegucigalpa, Honduras" in out
    assert "Panama delegation (PA): 10 members" in out
    assert "Group A: 50 people" in out
    assert "Aula 1 (Centro de Formación Morazán): 55 seats" in out


def test_info_speaks_spanish(demo_path):
    env_run = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "info", str(demo_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LANGUAGE": "es"},
        timeout=60,
    )
    assert env_run.returncode == 0
    assert "Delegaciones" in env_run.stdout
    assert "nov" in env_run.stdout


def test_copy_shifts_every_date_and_keeps_wall_clock_times(demo_path, tmp_path, capsys):
    from planner import queries
    from planner.store import open_plan

    new = tmp_path / "next.dplan"
    assert (
        main(
            [
                "copy",
                str(demo_path),
                str(new),
                "--start",
                "2024-03-02",
                "--title",
                "Second training",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["info", str(new), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["title"], data["start"], data["end"]) == (
        "Second training",
        "2024-03-02",
        "2024-03-09",
    )
    old, copy = open_plan(demo_path), open_plan(new)
    try:
        before = {s.id: s for s in queries.sessions(old)}
        after = {s.id: s for s in queries.sessions(copy)}
        assert before.keys() == after.keys()
        for sid, s in before.items():
            assert (after[sid].start - s.start).days == 98
            assert after[sid].start.time() == s.start.time()
        assert len(queries.people(copy)) == 215
        # the journey moved with the agenda: flights, rides and hotel nights
        for rows in (queries.rides, queries.stays):
            old_rows = {r.id: r for r in rows(old)}
            for r in rows(copy):
                first = getattr(r, "start", None) or r.check_in
                was = getattr(old_rows[r.id], "start", None) or old_rows[r.id].check_in
                assert (first - was).days == 98
    finally:
        old.close()
        copy.close()
    assert main(["check", str(new)]) == 0
    assert main(["copy", str(demo_path), str(new), "--start", "2024-03-02"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_a_terminal_that_cannot_show_accents_gets_no_traceback(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "ascii", "LANGUAGE": "es"}
    result = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "demo", str(tmp_path / "Añó.dplan")],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "Añó.dplan").exists()
    assert b"Traceback" not in result.stderr
