"""File ▸ Print… and Print Preview…: the calendar's current view on one landscape page."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from ui.dialogs import printing
from ui.dialogs.printing import print_to_pdf

TITLE = "Training on Migration, Human Rights and Humanitarian Action at Borders"


def text_of(path: Path) -> str:
    pages = PdfReader(path).pages
    assert len(pages) == 1
    return " ".join(pages[0].extract_text().split())


def test_the_day_and_the_whole_plan_print_to_pdf(window, tmp_path):
    window.show_page("overview")  # printing builds the calendar page if need be
    page = window.tools.printing.page()
    assert window.tools.printing.title() == TITLE
    day = print_to_pdf(page, tmp_path / "day.pdf", TITLE, window.formats)
    assert day.stat().st_size > 20_000  # the grid is on it
    text = text_of(day)
    assert TITLE in text and "by room" in text and "Printed" in text
    assert window.formats.long_date(page.current_day()) in text
    page.view_mode.setCurrentIndex(1)
    week = print_to_pdf(page, tmp_path / "week.pdf", TITLE, window.formats)
    assert "Calendar: Whole plan, by day: 25/11/2023 to 02/12/2023" in text_of(week)
    width, height = (float(v) for v in PdfReader(week).pages[0].mediabox.upper_right)
    assert width > height  # landscape


def test_the_filter_is_named_on_the_page(window, tmp_path):
    window.show_page("calendar")
    page = window.pages["calendar"]
    page.filter.setCurrentIndex(1)
    name = page.filter.currentText()
    text = text_of(print_to_pdf(page, tmp_path / "group.pdf", TITLE, window.formats))
    assert f"only {name}" in text


def test_print_and_preview_in_the_file_menu(window, tmp_path, monkeypatch, qtbot):
    actions = window._actions
    assert actions["print"].shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert actions["print"].isEnabled() and actions["print_preview"].isEnabled()
    printer = printing.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    window.tools.printing.printer = printer

    class Chosen:  # the print dialog, answered with its Print button
        def __init__(self, chosen, parent):
            assert chosen is printer

        def setWindowTitle(self, title):
            pass

        def exec(self):
            return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(printing, "QPrintDialog", Chosen)
    actions["print"].trigger()
    assert TITLE in text_of(tmp_path / "printed.pdf")

    preview = window.tools.printing.preview_dialog(window)
    qtbot.addWidget(preview)
    painted = []
    preview.paintRequested.connect(painted.append)
    preview.show()
    qtbot.waitUntil(lambda: bool(painted))
    preview.close()

    actions["close"].trigger()
    assert not actions["print"].isEnabled() and not actions["print_preview"].isEnabled()
