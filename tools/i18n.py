"""Keep both translation layers up to date.

    python tools/i18n.py extract   # refresh the sources (.pot/.po from planner/ and ui/'s _();
                                   # .ts from ui/'s tr)
    python tools/i18n.py compile   # build .mo and .qm from them (run after translating)

The core's catalogue is gettext (planner/ -> resources/locale/<lang>/LC_MESSAGES/planner.po),
maintained with Babel. The window's is Qt's (ui/ -> resources/translations/planner_<lang>.ts),
maintained with pyside6-lupdate and pyside6-lrelease; English has a plural-only file so that
"%n day(s)" reads "1 day" and "8 days". To add a language, add its code to LANGUAGES here and
in planner/domain/i18n.py, run `extract`, translate both files, then `compile`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
QT = ROOT / "resources" / "translations"
LANGUAGES = ["es"]
POT = LOCALE / "planner.pot"
KEYWORDS = [
    "-k",
    "_",
    "-k",
    "N_",
    "-k",
    "Nn_:1,2",
    "-k",
    "ngettext:1,2",
    "-k",
    "pgettext:1c,2",
    "-k",
    "NP_:1c,2",
]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install the project with its test extras first.")
    return found


def _run(*args: str) -> None:
    subprocess.run(args, check=True)


def extract() -> None:
    pybabel = _tool("pybabel")
    _run(
        pybabel,
        "extract",
        "--no-location",
        "--sort-output",
        "--width",
        "100",
        "--project",
        "Delegation Planner",
        "--version",
        "0.1",
        "--copyright-holder",
        "Delegation Planner team",
        *KEYWORDS,
        "-o",
        str(POT),
        str(ROOT / "planner"),
        str(ROOT / "ui"),  # the few words said before Qt runs: the launcher, the display check
    )
    for lang in LANGUAGES:
        po = LOCALE / lang / "LC_MESSAGES" / "planner.po"
        action = "update" if po.exists() else "init"
        extra = (
            ["--no-fuzzy-matching", "--ignore-obsolete", "--width", "100"] if po.exists() else []
        )
        _run(pybabel, action, *extra, "-i", str(POT), "-o", str(po), "-l", lang)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    lupdate = _tool("pyside6-lupdate")
    for lang in LANGUAGES:
        _run(
            lupdate,
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            str(QT / f"planner_{lang}.ts"),
        )
    _run(
        lupdate,
        "-no-obsolete",
        "-locations",
        "none",
        "-pluralonly",
        *sources,
        "-ts",
        str(QT / "planner_en.ts"),
    )
    _run(sys.executable, str(ROOT / "tools" / "qt_plurals.py"))  # English plurals fill themselves


def compile_() -> None:
    pybabel = _tool("pybabel")
    for lang in LANGUAGES:
        po = LOCALE / lang / "LC_MESSAGES" / "planner.po"
        _run(
            pybabel,
            "compile",
            "--statistics",
            "-i",
            str(po),
            "-o",
            str(po.with_suffix(".mo")),
            "-l",
            lang,
        )
    for ts in sorted(QT.glob("planner_*.ts")):
        _run(_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm")))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "extract":
        extract()
    elif command == "compile":
        compile_()
    else:
        sys.exit(__doc__)
