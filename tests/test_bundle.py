"""The bundle for laptops without Python: README's command builds it from this checkout, and
the program inside runs with an empty environment (no Python on PATH, no PYTHONPATH, a fresh
home folder): the demo, info --json, the check, exports in Spanish, an old plan upgraded by
the migrations it carries, the time zones without the system's, the window to its first paint
(also on a Linux with no font at all), and on Linux the menu entry and the .tar.gz.

Slow (about a minute): it runs PyInstaller. .ci/run installs the build's tools
(``.[bundle]``) and sets PLANNER_REQUIRE_BUNDLE, so there it fails rather than skips.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
LINUX = sys.platform.startswith("linux")
WINDOWS = sys.platform == "win32"
FIXTURE = ROOT / "tests" / "fixtures" / "plans" / "format-0001.dplan"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        if os.environ.get("PLANNER_REQUIRE_BUNDLE"):
            pytest.fail("PLANNER_REQUIRE_BUNDLE is set but PyInstaller is missing: .[bundle]")
        pytest.skip("PyInstaller is not installed (pip install -e '.[bundle]')")
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("work")
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "bundle.py"), "--dist", str(dist), "--work",
         str(work)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "size unpacked" in done.stdout
    return dist


def test_the_build_never_empties_the_sources_folder():
    for option in ("--work", "--dist"):
        done = subprocess.run(
            [sys.executable, str(ROOT / "tools" / "bundle.py"), option, str(ROOT)],
            capture_output=True, text=True, cwd=ROOT,
        )  # fmt: skip
        assert done.returncode == 2
        assert "holds the program's sources" in done.stderr
    assert (ROOT / "planner" / "__init__.py").is_file()


@pytest.fixture(scope="module")
def program(built: Path) -> Path:
    """The command line: the bundle's executable, or on Windows the console planner.exe."""
    return built / "delegation-planner" / ("planner.exe" if WINDOWS else "delegation-planner")


@pytest.fixture(scope="module")
def window_program(built: Path) -> Path:
    """What the menu starts: on Windows the windowed delegation-planner.exe (no console)."""
    name = "delegation-planner.exe" if WINDOWS else "delegation-planner"
    return built / "delegation-planner" / name


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def empty(home: Path, **more: str) -> dict[str, str]:
    """An empty environment but a home folder (and what Windows itself cannot start without)."""
    env = {"HOME": str(home), "USERPROFILE": str(home), **more}
    for kept in ("SYSTEMROOT", "WINDIR"):  # Windows' own folder, not Python's
        if kept in os.environ:
            env[kept] = os.environ[kept]
    return env


def run(cmd: list[str | Path], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in cmd], env=env, capture_output=True, text=True, timeout=120
    )


def test_the_bundle_is_small_enough(built: Path):
    folder = built / "delegation-planner"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= 250 * 2**20
    internal = folder / "_internal"
    assert (internal / "planner" / "store" / "migrations" / "versions").is_dir()
    # a Qt module the program never uses (libQt6Network, Qt6Network.dll, QtNetwork.framework)
    assert [p.name for p in internal.rglob("*") if "network" in p.name.lower()] == []
    assert not list(internal.rglob("tkinter"))


@pytest.mark.skipif(not LINUX, reason="ldd: Linux")
def test_every_library_finds_what_it_needs(built: Path):
    """What the spec leaves out is never needed: each shared library in the bundle finds each
    library it links to, in the bundle or on any desktop Linux (glibc, X, GL; Wayland's own
    client libraries come with a Wayland session)."""
    folder = built / "delegation-planner"
    internal = folder / "_internal"
    env = {"LD_LIBRARY_PATH": str(internal), "PATH": "/usr/bin:/bin"}
    missing = set()
    libraries = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    for path in [folder / "delegation-planner", *libraries]:
        done = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True)
        for line in done.stdout.splitlines():
            if "not found" in line and "libwayland-" not in line:
                missing.add(f"{path.relative_to(folder)}: {line.strip()}")
    assert sorted(missing) == []


def test_the_command_line_runs_without_python(program: Path, home: Path, tmp_path: Path):
    plan = tmp_path / "demo.dplan"
    made = run([program, "demo", plan], empty(home))
    assert made.returncode == 0, made.stderr
    info = run([program, "info", plan, "--json"], empty(home))
    assert info.returncode == 0, info.stderr
    described = json.loads(info.stdout)
    assert described["city"] == "Tegucigalpa"
    assert described["counts"]["people"] > 200
    checked = run([program, "check", plan], empty(home))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_exports_speak_spanish_and_embed_their_fonts(program: Path, home: Path, tmp_path: Path):
    plan = tmp_path / "demo.dplan"
    assert run([program, "demo", plan], empty(home)).returncode == 0
    spanish = empty(home, LANG="es_HN.UTF-8")
    budget = tmp_path / "presupuesto.xlsx"
    done = run([program, "export", "budget", plan, "-o", budget], spanish)
    assert done.returncode == 0, done.stderr
    words = " ".join(
        str(cell.value) for row in load_workbook(budget).worksheets[0].iter_rows() for cell in row
    )
    assert "Presupuesto" in words  # the core's catalogue travelled with the bundle
    certificates = tmp_path / "certificados.pdf"
    done = run([program, "export", "certificates", plan, "-o", certificates], spanish)
    assert done.returncode == 0, done.stderr
    pdf = certificates.read_bytes()
    assert pdf.startswith(b"%PDF") and b"FontFile2" in pdf  # reportlab's fonts, embedded


def test_an_old_plan_is_upgraded_by_the_migrations_it_carries(
    program: Path, home: Path, tmp_path: Path
):
    plan = tmp_path / "old.dplan"
    shutil.copyfile(FIXTURE, plan)
    plan.chmod(0o644)
    done = run([program, "info", plan], empty(home))
    assert done.returncode == 0, done.stderr
    assert "upgraded" in done.stdout + done.stderr
    assert list(tmp_path.glob("old backup format 1 *.dplan"))


def test_time_zones_come_with_the_bundle(program: Path, home: Path, tmp_path: Path):
    """As on Windows, where the system has no zone database: only the bundled tzdata."""
    plan = tmp_path / "demo.dplan"
    no_system_zones = empty(home, PYTHONTZPATH="")
    done = run([program, "demo", plan], no_system_zones)
    assert done.returncode == 0, done.stderr
    info = run([program, "info", plan, "--json"], no_system_zones)
    assert json.loads(info.stdout)["timezone"] == "America/Tegucigalpa"


def _first_paint(program: Path, plan: Path, env: dict[str, str]) -> list[str]:
    """Start the window, which quits after its first paint (PLANNER_BENCH_PAINT) and says so
    on its standard output (a windowed Windows program has none: its exit says it)."""
    env = {**env, "QT_QPA_PLATFORM": "offscreen", "PLANNER_BENCH_PAINT": "window"}
    done = run([program, plan], env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    if not (WINDOWS and program.stem == "delegation-planner"):
        assert any(line.startswith("PAINTED ") for line in lines), done.stdout + done.stderr
    return lines


def test_the_window_paints_and_joins_the_desktop(
    program: Path, window_program: Path, home: Path, tmp_path: Path
):
    plan = tmp_path / "demo.dplan"
    assert run([program, "demo", plan], empty(home)).returncode == 0
    _first_paint(window_program, plan, empty(home, LANG="es_HN.UTF-8"))
    if WINDOWS:  # the console program opens the same window
        _first_paint(program, plan, empty(home))
    if not LINUX:
        return
    share = home / ".local" / "share"
    entry = share / "applications" / "delegation-planner.desktop"
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{program}" %f' in text
    assert "MimeType=application/x-delegation-plan;" in text
    assert "Name[es]=" in text
    assert "*.dplan" in (share / "mime" / "packages" / "delegation-planner.xml").read_text()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "delegation-planner.svg").is_file()
    defaults = (home / ".config" / "mimeapps.list").read_text()
    assert "application/x-delegation-plan=delegation-planner.desktop" in defaults
    removed = run([program, "install-desktop", "--remove"], empty(home))
    assert removed.returncode == 0, removed.stderr
    assert not entry.exists()
    assert "application/x-delegation-plan" not in (home / ".config" / "mimeapps.list").read_text()
    installed = run([program.parent / "install.sh"], empty(home, PATH="/usr/bin:/bin"))
    assert installed.returncode == 0, installed.stderr
    assert entry.is_file()


@pytest.mark.skipif(not LINUX, reason="fontconfig: Linux")
def test_a_linux_without_fonts_still_shows_words(program: Path, home: Path, tmp_path: Path):
    """With no font at all (fontconfig finds none), Qt draws boxes: the window takes the font
    the bundle carries."""
    plan = tmp_path / "demo.dplan"
    assert run([program, "demo", plan], empty(home)).returncode == 0
    config = tmp_path / "no-fonts.conf"
    config.write_text('<?xml version="1.0"?><fontconfig><dir>/nonexistent</dir></fontconfig>')
    lines = _first_paint(program, plan, empty(home, FONTCONFIG_FILE=str(config)))
    assert "FONT DejaVu Sans" in lines or "FONT Bitstream Vera Sans" in lines


@pytest.mark.skipif(not LINUX, reason="the .tar.gz is the Linux bundle")
def test_the_linux_archive_holds_the_menu_entry_and_installer(built: Path):
    (archive,) = built.glob("delegation-planner-*-linux-*.tar.gz")
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers()}
    for name in ("delegation-planner", "delegation-planner.desktop", "delegation-planner.png",
                 "install.sh"):  # fmt: skip
        assert f"delegation-planner/{name}" in members
    assert members["delegation-planner/install.sh"].mode & 0o111
    assert members["delegation-planner/delegation-planner"].mode & 0o111
