#!/usr/bin/env python3
"""Build Delegation Planner as a program that needs no Python: a one-folder bundle made by
PyInstaller (packaging/delegation-planner.spec) in dist/delegation-planner/, and on Linux a
.tar.gz of it with a menu entry, the icon and install.sh.

    pip install -e '.[bundle]'
    python tools/bundle.py            # dist/delegation-planner/ (+ the .tar.gz on Linux)
    python tools/bundle.py --help

It prints the bundle's size; bench/bundle.py times its start beside the virtual environment's.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAME = "delegation-planner"
SPEC = ROOT / "packaging" / f"{NAME}.spec"
LIMIT_MB = 250  # the target for the unpacked bundle
DEJAVU = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def version() -> str:
    from planner import __version__

    return str(__version__)


def make_icons(assets: Path) -> None:
    """The program's icon (resources/icons/app.svg) as the PNG of a Linux menu, the .ico of a
    Windows program and the .icns of a macOS one, drawn by Qt (no other image library)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    if not renderer.isValid():
        raise SystemExit("resources/icons/app.svg cannot be read as SVG")
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    for name, kind in (("app.png", b"png"), ("app.ico", b"ico"), ("app.icns", b"icns")):
        writer = QImageWriter(str(assets / name), kind)
        if not writer.write(image) and kind == b"png":
            raise SystemExit(f"could not write {assets / name}: {writer.errorString()}")


def find_dejavu() -> list[Path]:
    """DejaVu Sans from the build machine (Debian's fonts-dejavu-core), for a window on a
    Linux with no fonts; reportlab's Vera, its ancestor, where it is missing."""
    places = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]
    for place in places:
        found = [place / name for name in DEJAVU if (place / name).is_file()]
        if len(found) == len(DEJAVU):
            return found
    spec = importlib.util.find_spec("reportlab")
    assert spec is not None and spec.origin is not None
    fonts = Path(spec.origin).parent / "fonts"
    return [fonts / "Vera.ttf", fonts / "VeraBd.ttf"]


def make_assets(assets: Path) -> None:
    if assets.exists():
        shutil.rmtree(assets)
    (assets / "fonts").mkdir(parents=True)
    make_icons(assets)
    if sys.platform.startswith("linux"):
        for font in find_dejavu():
            shutil.copyfile(font, assets / "fonts" / font.name)
        notice = Path("/usr/share/doc/fonts-dejavu-core/copyright")
        if notice.is_file() and (assets / "fonts" / DEJAVU[0]).is_file():
            shutil.copyfile(notice, assets / "fonts" / "DejaVu-LICENSE.txt")


def linux_extras(bundle: Path, assets: Path) -> None:
    """Beside the executable: the menu entry, the icon and install.sh."""
    from ui.shell.desktop_entry import desktop_entry

    (bundle / f"{NAME}.desktop").write_text(desktop_entry(NAME), encoding="utf-8")
    shutil.copyfile(assets / "app.png", bundle / f"{NAME}.png")
    shutil.copyfile(ROOT / "resources" / "icons" / "app.svg", bundle / f"{NAME}.svg")
    install = bundle / "install.sh"
    shutil.copyfile(ROOT / "packaging" / "linux" / "install.sh", install)
    install.chmod(0o755)


def archive(bundle: Path, dist: Path) -> Path:
    machine = os.uname().machine if hasattr(os, "uname") else "x86_64"
    target = dist / f"{NAME}-{version()}-linux-{machine}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=NAME)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the one-folder bundle of the program.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where it goes (dist/)")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "bundle", help="PyInstaller's work folder"
    )
    parser.add_argument("--no-archive", action="store_true", help="no .tar.gz (Linux)")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    for given in (dist, work):  # both are emptied and rewritten: never the sources' folder
        if ROOT.is_relative_to(given):
            print(f"{given} holds the program's sources: choose an empty folder.", file=sys.stderr)
            return 2
    if importlib.util.find_spec("PyInstaller") is None:
        print(
            "PyInstaller is not installed here. Install the build's tools first:\n"
            "    pip install -e '.[bundle]'",
            file=sys.stderr,
        )
        return 2
    assets = work / "assets"
    started = time.perf_counter()
    make_assets(assets)
    env = dict(os.environ, PLANNER_BUNDLE_ASSETS=str(assets))
    command = [
        sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean",
        "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work / "pyinstaller"),
    ]  # fmt: skip
    print(f"Building {dist / NAME} with PyInstaller…", flush=True)
    if subprocess.call(command, env=env, cwd=ROOT) != 0:
        print("PyInstaller failed: its messages are above.", file=sys.stderr)
        return 1
    bundle = dist / NAME
    if sys.platform.startswith("linux"):
        linux_extras(bundle, assets)
    size = folder_size(bundle)
    files = sum(1 for p in bundle.rglob("*") if p.is_file())
    print(f"Bundle: {bundle}")
    print(f"  size unpacked: {size / 2**20:.1f} MB in {files} files (target: at most {LIMIT_MB})")
    if sys.platform.startswith("linux") and not args.no_archive:
        packed = archive(bundle, dist)
        print(f"  archive: {packed.name}, {packed.stat().st_size / 2**20:.1f} MB")
    print(f"  built in {time.perf_counter() - started:.0f} s")
    if size > LIMIT_MB * 2**20:
        print(f"The bundle is larger than {LIMIT_MB} MB.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
