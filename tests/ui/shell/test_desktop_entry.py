"""The program joins a Linux desktop for one user: menu entry, file type, icon, default handler;
and leaves it again without touching anything else of the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.domain.i18n import language
from ui import launcher
from ui.shell import desktop_entry

ICON = Path(__file__).resolve().parents[3] / "resources" / "icons" / "app.svg"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {"HOME": str(home), "PATH": ""}  # no update-*-database: only our files


def test_register_writes_the_entry_type_icon_and_default(env, tmp_path):
    program = str(tmp_path / "Delegation Planner" / "delegation-planner")
    config = Path(env["HOME"]) / ".config"
    config.mkdir()
    (config / "mimeapps.list").write_text(
        "[Default Applications]\ntext/html=firefox.desktop\n\n[Added Associations]\nx=y.desktop\n"
    )
    written = desktop_entry.register(program, ICON, env=env)
    share = Path(env["HOME"]) / ".local" / "share"
    entry = (share / "applications" / "delegation-planner.desktop").read_text()
    assert 'Exec="' + program + '" %f' in entry  # a folder with a space still starts
    assert "MimeType=application/x-delegation-plan;" in entry
    assert "Comment[es]=Planifique visitas de intercambio" in entry
    mime = (share / "mime" / "packages" / "delegation-planner.xml").read_text()
    assert '<glob pattern="*.dplan"/>' in mime and "Plan de delegación" in mime
    assert '<sub-class-of type="application/vnd.sqlite3"/>' in mime  # a plan is an SQLite file
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "delegation-planner.svg").is_file()
    defaults = (config / "mimeapps.list").read_text().splitlines()
    assert defaults[:2] == [
        "[Default Applications]",
        "application/x-delegation-plan=delegation-planner.desktop",
    ]
    assert "text/html=firefox.desktop" in defaults and "x=y.desktop" in defaults
    assert len(written) == 5  # entry, type, two icons (no PNG given), mimeapps.list
    assert desktop_entry.is_registered(program, env)
    assert not desktop_entry.is_registered(program + "-moved", env)

    desktop_entry.register(program, ICON, env=env)  # again: no second default line
    assert (config / "mimeapps.list").read_text().count("application/x-delegation-plan") == 1

    removed = desktop_entry.unregister(env)
    assert len(removed) == 4  # entry, type, both icons (no PNG was given)
    assert not desktop_entry.is_registered(program, env)
    left = (config / "mimeapps.list").read_text()
    assert "delegation-plan" not in left and "text/html=firefox.desktop" in left


def test_xdg_folders_are_honoured(env, tmp_path):
    env = {**env, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "c")}
    desktop_entry.register("/opt/dp/delegation-planner", ICON, env=env)
    assert (tmp_path / "data" / "applications" / "delegation-planner.desktop").is_file()
    assert (tmp_path / "c" / "mimeapps.list").is_file()
    assert not (Path(env["HOME"]) / ".local").exists()


def test_exec_quotes_what_the_desktop_would_expand():
    entry = desktop_entry.desktop_entry('/home/ana/$HOME "x"/delegation-planner')
    assert 'Exec="/home/ana/\\$HOME \\"x\\"/delegation-planner" %f' in entry


def test_a_folder_that_cannot_be_written_is_said_in_words(env, tmp_path, capsys, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setattr(desktop_entry.sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    with language("en"):
        code = desktop_entry.command([], "/opt/dp/delegation-planner", ICON, None)
    assert code == 1
    assert "Could not write the menu entry in" in capsys.readouterr().err
    assert desktop_entry.command(["--bogus"], "/opt/dp/x", ICON, None) == 2


def test_install_desktop_needs_a_program_to_start(monkeypatch, capsys):
    monkeypatch.setattr(launcher.sys, "argv", ["/repo/ui/launcher.py"])
    assert launcher.main(["install-desktop"]) == 2
    assert "not through python -m" in capsys.readouterr().err
