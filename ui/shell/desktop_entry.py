"""The program on a Linux desktop: a menu entry, the icon, and ``.dplan`` files that open with
it (freedesktop.org's desktop entry, shared MIME info and icon theme), written into the user's
own data folder, so no administrator rights are needed. The bundle does it on its first start
and ``delegation-planner install-desktop [--remove]`` (the bundle's ``install.sh``) on demand.

No Qt here: the launcher calls it before deciding whether a window opens.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from planner.domain.i18n import _, language, ngettext

APP = "delegation-planner"
MIME_TYPE = "application/x-delegation-plan"
MIME_ICON = MIME_TYPE.replace("/", "-")
DESKTOP_FILE = f"{APP}.desktop"


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share``."""
    env = os.environ if env is None else env
    given = env.get("XDG_DATA_HOME", "")
    if given and Path(given).is_absolute():
        return Path(given)
    return Path(env.get("HOME") or Path.home()) / ".local" / "share"


def config_home(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME``, else ``~/.config``."""
    env = os.environ if env is None else env
    given = env.get("XDG_CONFIG_HOME", "")
    if given and Path(given).is_absolute():
        return Path(given)
    return Path(env.get("HOME") or Path.home()) / ".config"


def _words() -> tuple[str, str, str]:
    return (
        _("Delegation Planner"),
        _("Plan exchange visits and trainings: agenda, rooms, travel, hotels and budget"),
        _("Delegation plan"),
    )


def _quoted(path: str) -> str:
    """A path as a desktop entry's Exec key wants it: quoted, with its specials escaped."""
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in path)
    return f'"{escaped}"'


def desktop_entry(executable: str) -> str:
    """The desktop entry of the program at ``executable``, in English and Spanish."""
    name, comment, _kind = _words()
    with language("es"):
        name_es, comment_es, _kind_es = _words()
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.0",
            f"Name={name}",
            f"Name[es]={name_es}",
            f"Comment={comment}",
            f"Comment[es]={comment_es}",
            f"Exec={_quoted(executable)} %f",
            f"Icon={APP}",
            "Terminal=false",
            "Categories=Office;ProjectManagement;",
            f"MimeType={MIME_TYPE};",
            f"StartupWMClass={APP}",
            "",
        ]
    )


def mime_info() -> str:
    """The shared-MIME-info package that names ``*.dplan`` files."""
    _name, _comment, kind = _words()
    with language("es"):
        kind_es = _words()[2]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">\n'
        f'  <mime-type type="{MIME_TYPE}">\n'
        f"    <comment>{kind}</comment>\n"
        f'    <comment xml:lang="es">{kind_es}</comment>\n'
        f'    <icon name="{MIME_ICON}"/>\n'
        '    <glob pattern="*.dplan"/>\n'
        '    <sub-class-of type="application/vnd.sqlite3"/>\n'  # the name wins over the content
        "  </mime-type>\n"
        "</mime-info>\n"
    )


def _files(env: Mapping[str, str] | None) -> dict[str, Path]:
    data = data_home(env)
    icons = data / "icons" / "hicolor"
    return {
        "entry": data / "applications" / DESKTOP_FILE,
        "mime": data / "mime" / "packages" / f"{APP}.xml",
        "icon": icons / "scalable" / "apps" / f"{APP}.svg",
        "mime_icon": icons / "scalable" / "mimetypes" / f"{MIME_ICON}.svg",
        "icon_png": icons / "256x256" / "apps" / f"{APP}.png",
    }


def is_registered(executable: str, env: Mapping[str, str] | None = None) -> bool:
    """True when the menu entry exists and starts this very program (not one moved away)."""
    entry = _files(env)["entry"]
    try:
        return f"Exec={_quoted(executable)} " in entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def register(
    executable: str,
    icon_svg: Path,
    icon_png: Path | None = None,
    env: Mapping[str, str] | None = None,
    wait: bool = True,
) -> list[Path]:
    """Write the menu entry, the file type, the icons and the default handler of ``.dplan``;
    then ask the desktop to read them again (when its tools are installed). Returns what was
    written. Raises OSError when the data folder cannot be written."""
    files = _files(env)
    written: list[Path] = []

    def put(path: Path, text: str | None = None, source: Path | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if source is not None:
            shutil.copyfile(source, path)
        else:
            path.write_text(text or "", encoding="utf-8")
        written.append(path)

    put(files["entry"], desktop_entry(executable))
    put(files["mime"], mime_info())
    put(files["icon"], source=icon_svg)
    put(files["mime_icon"], source=icon_svg)
    if icon_png is not None and icon_png.is_file():
        put(files["icon_png"], source=icon_png)
    written.append(_set_default(env, remove=False))
    _refresh(env, wait)
    return written


def unregister(env: Mapping[str, str] | None = None, wait: bool = True) -> list[Path]:
    """Take away what :func:`register` wrote; returns what was removed."""
    removed = []
    for path in _files(env).values():
        if path.exists():
            path.unlink()
            removed.append(path)
    _set_default(env, remove=True)
    _refresh(env, wait)
    return removed


def _set_default(env: Mapping[str, str] | None, remove: bool) -> Path:
    """``mimeapps.list``: this program opens ``.dplan`` files (as ``xdg-mime default`` does),
    leaving every other line as it was."""
    path = config_home(env) / "mimeapps.list"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    lines = [line for line in lines if not line.startswith(f"{MIME_TYPE}=")]
    if not remove:
        if "[Default Applications]" not in lines:
            lines += ["[Default Applications]"] if not lines else ["", "[Default Applications]"]
        at = lines.index("[Default Applications]") + 1
        lines.insert(at, f"{MIME_TYPE}={DESKTOP_FILE}")
    if lines or path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _refresh(env: Mapping[str, str] | None, wait: bool) -> None:
    """Rebuild the desktop's caches of file types and handlers, where its tools exist."""
    data = data_home(env)
    for tool, folder in (
        ("update-mime-database", data / "mime"),
        ("update-desktop-database", data / "applications"),
    ):
        found = shutil.which(tool)
        if not found or not folder.is_dir():
            continue
        try:
            process = subprocess.Popen(
                [found, str(folder)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=dict(env) if env is not None else None,
            )
            if wait:
                process.wait(timeout=30)
        except (OSError, subprocess.SubprocessError):
            continue


def command(args: list[str], executable: str, icon_svg: Path, icon_png: Path | None) -> int:
    """``install-desktop [--remove]``: what the bundle's install.sh runs."""
    if not sys.platform.startswith("linux"):
        print(_("install-desktop is for Linux; on Windows and macOS the installer does it."))
        return 2
    if args not in ([], ["--remove"]):
        print(_("usage: delegation-planner install-desktop [--remove]"), file=sys.stderr)
        return 2
    try:
        if args:
            removed = unregister()
            print(
                ngettext(
                    "Removed {n} file of Delegation Planner's menu entry.",
                    "Removed {n} files of Delegation Planner's menu entry.",
                    len(removed),
                ).format(n=len(removed))
            )
            return 0
        register(executable, icon_svg, icon_png)
    except OSError as error:
        print(
            _(
                "Could not write the menu entry in {folder}: {error}. Check that the folder"
                " is yours and not full, then run the installer again."
            ).format(folder=data_home(), error=error.strerror or error),
            file=sys.stderr,
        )
        return 1
    print(
        _(
            "Delegation Planner is in the menu of your desktop, and .dplan files open with it"
            " ({path})."
        ).format(path=executable)
    )
    return 0
