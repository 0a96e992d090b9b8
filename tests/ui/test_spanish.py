"""The window in Spanish: no English source text left on pages, menus and dialogs."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableView,
    QWidget,
)

from tests.paths import ROOT
from ui import settings as opt
from ui.shell.main_window import PAGE_NAMES, MainWindow
from ui.translation import install

TS = ROOT / "resources" / "translations"


def english_texts_with_spanish_translations() -> set[str]:
    """Source texts whose Spanish differs: seeing one of these in Spanish is a miss."""
    found = set()
    for message in ET.parse(TS / "planner_es.ts").getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = translation.text if translation is not None else None
        if text and text != source and "%" not in source:
            found.add(source.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    return found


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts.extend(
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(model.columnCount())
            )
    return [t.replace("&&", "\0").replace("&", "").replace("\0", "&") for t in texts if t]


def menu_texts(window: MainWindow) -> list[str]:
    texts = []
    for action in window.menuBar().actions():
        texts.append(action.text())
        menu = action.menu()
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()
            texts.extend(a.text() for a in menu.actions() if a.text())
    return [t.replace("&&", "\0").replace("&", "").replace("\0", "&") for t in texts]


def window_in(language: str, qtbot, settings, demo_path) -> Iterator[MainWindow]:
    """The window on the demo plan with ``language`` chosen in Preferences."""
    settings.set(opt.LANGUAGE, language)
    install(language)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.files.open_path(demo_path)
    yield window
    window.ctrl.close()
    install("en")


@pytest.fixture
def spanish_window(qtbot, settings, demo_path):
    yield from window_in("es", qtbot, settings, demo_path)


def test_menus_and_pages_speak_spanish(spanish_window):
    english = english_texts_with_spanish_translations()
    assert len(english) > 150
    seen = set(menu_texts(spanish_window))
    for name in PAGE_NAMES:
        spanish_window.show_page(name)
        QApplication.processEvents()
        seen.update(visible_texts(spanish_window))
    assert "Archivo" in seen and "Deshacer" in " ".join(seen)
    assert sorted(seen & english) == []


@pytest.mark.parametrize(
    "kind, page",
    [
        ("person", "people"),
        ("delegation", "delegations"),
        ("organisation", "organisations"),
        ("group", "groups"),
        ("venue", "venues"),
        ("room", "venues"),
        ("session", "sessions"),
    ],
)
def test_dialogs_speak_spanish(spanish_window, qtbot, kind, page):
    english = english_texts_with_spanish_translations()
    spanish_window.show_page(page)
    dialog = spanish_window.editor.open(spanish_window, kind, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    texts = set(visible_texts(dialog))
    assert dialog.windowTitle().startswith("Editar")
    assert sorted(texts & english) == []
    dialog.reject()


def test_export_and_attendance_dialogs_speak_spanish(spanish_window, qtbot):
    from planner.exports import catalog
    from ui.dialogs.attendance import AttendanceDialog
    from ui.dialogs.export import ExportDialog

    english = english_texts_with_spanish_translations()
    window = spanish_window
    export = ExportDialog(window.ctrl, window.settings, window.formats, window, "itineraries")
    qtbot.addWidget(export)
    export.show()
    QApplication.processEvents()
    texts = set(visible_texts(export))
    assert "Itinerarios" in texts and "Exportar" in texts
    assert sorted(texts & english) == []
    # every kind's name and description come from the core's Spanish catalogue
    from planner.domain.i18n import _, language

    with language("en"):
        sources = {k.label for k in catalog.KINDS.values()}
    listed = {export.kinds.item(i).text() for i in range(export.kinds.count())}
    assert len(listed) == len(catalog.KINDS) and not (listed & (sources - {"Agenda"}))
    with language("es"):
        assert _("Certificates") in listed
    export.reject()
    attendance = AttendanceDialog(window.ctrl, window.formats, window)
    qtbot.addWidget(attendance)
    attendance.show()
    QApplication.processEvents()
    texts = set(visible_texts(attendance))
    assert "Guardar" in texts
    assert sorted(texts & english) == []
    attendance.reject()


def test_core_labels_in_lists_are_spanish(spanish_window):
    spanish_window.show_page("people")
    panel = spanish_window.pages["people"].panels[0]
    column = [c.key for c in panel.model.columns].index("sex")
    values = {panel.model.index(r, column).data() for r in range(panel.model.rowCount())}
    assert values == {"Mujer", "Hombre"}
    assert panel.count_label.text() == "215 personas"


def test_qt_catalogues_are_finished_and_compiled(tmp_path):
    import shutil
    import subprocess
    import sys

    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease comes with PySide6")
    for ts in sorted(TS.glob("planner_*.ts")):
        root = ET.parse(ts).getroot()
        unfinished = [
            m.findtext("source")
            for m in root.iter("message")
            if m.find("translation") is None or m.find("translation").get("type") == "unfinished"
        ]
        assert unfinished == [], f"{ts.name}: translate these, then python tools/i18n.py compile"
        out = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(out)], check=True)
        assert out.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
            f"{ts.name} changed since it was compiled: python tools/i18n.py compile"
        )


def test_qts_own_dialogs_speak_spanish_too(spanish_window, qtbot):
    """Print preview, page setup and the standard buttons come from Qt's own catalogue."""
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QDialogButtonBox

    preview = QPrintPreviewDialog(spanish_window)
    qtbot.addWidget(preview)
    texts = {a.text() for a in preview.findChildren(QAction) if a.text()}
    assert {"Imprimir", "Configuración de página", "Acercar"} <= texts
    assert not texts & {"Print", "Page setup", "Zoom in", "Next page"}
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
    )
    qtbot.addWidget(buttons)
    assert {b.text().replace("&", "") for b in buttons.buttons()} == {"Cancelar", "Guardar"}
