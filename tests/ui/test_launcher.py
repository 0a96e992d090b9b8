"""`planner` dispatches: the window for no command, `open [PLAN]` and a file; the rest headless."""

from __future__ import annotations

import pytest

from ui import launcher


@pytest.fixture
def opened(monkeypatch):
    calls = []
    monkeypatch.setattr(launcher, "_window", lambda plan: calls.append(plan) or 0)
    return calls


@pytest.mark.parametrize(
    "argv, plan",
    [
        ([], None),
        (["open"], None),
        (["open", "trip.dplan"], "trip.dplan"),
        (["/home/ana/Plans/trip.dplan"], "/home/ana/Plans/trip.dplan"),
        (["Visita Panamá.DPLAN"], "Visita Panamá.DPLAN"),
    ],
)
def test_window_commands_open_the_window(opened, argv, plan):
    assert launcher.main(argv) == 0
    assert opened == [plan]


def test_headless_commands_never_open_the_window(opened, capsys):
    assert launcher.main(["info", "missing.dplan"]) == 2
    assert "does not exist" in capsys.readouterr().err
    with pytest.raises(SystemExit) as done:
        launcher.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("planner 0.")
    assert opened == []


def test_a_windowed_program_without_streams_writes_to_a_log(monkeypatch, tmp_path, capsys):
    """Windows gives a windowed program no standard streams: the command line's words go to
    a log in the temporary folder, and nothing waits on a keyboard that is not there."""
    monkeypatch.setattr(launcher.tempfile, "gettempdir", lambda: str(tmp_path))
    with capsys.disabled():
        monkeypatch.setattr(launcher.sys, "stdout", None)
        monkeypatch.setattr(launcher.sys, "stderr", None)
        monkeypatch.setattr(launcher.sys, "stdin", None)
        assert launcher.main(["info", str(tmp_path / "missing.dplan")]) == 2
        assert not launcher.sys.stdin.isatty()
        launcher.sys.stdin.close()
        launcher.sys.stderr.close()
    assert "does not exist" in (tmp_path / "delegation-planner.log").read_text(encoding="utf-8")
