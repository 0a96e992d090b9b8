"""The window on a 1366×768 laptop with a task bar (1366×728 to use), in English and in Spanish
(Honduras, 12-hour clock): no page, tab or dialog asks for more, offscreen and under a real X
server; and a language switch keeps what each page shows."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QApplication

from tests.paths import ROOT
from tests.ui.laptop import AVAILABLE, too_big, walk_dialogs, walk_pages
from tests.ui.test_spanish import window_in


@pytest.fixture(params=["en", "es"])
def laptop_window(request, qtbot, settings, demo_path):
    for window in window_in(request.param, qtbot, settings, demo_path):
        window.resize(AVAILABLE)
        yield window


def test_no_page_tab_or_dialog_asks_for_more_than_the_screen(laptop_window, qtbot):
    window = laptop_window
    if window.formats.locale.name() == "es_HN":  # the Spanish window keeps Honduras' clock
        assert window.formats.time_pattern().startswith("h:mm")
        assert "p" in window.formats.locale.toString(QTime(15, 0), window.formats.time_pattern())
    faults = too_big("the window", window) + walk_pages(window)
    faults += walk_dialogs(window, qtbot.addWidget)
    assert not faults, "\n".join(faults)
    assert window.width() <= AVAILABLE.width()


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_page_or_dialog_asks_for_more_under_a_real_x_server(language, demo_path, tmp_path):
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        if os.environ.get("PLANNER_REQUIRE_XVFB"):
            pytest.fail("xvfb-run is missing: install xvfb xauth (.ci/run does)")
        pytest.skip("xvfb-run is not installed")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    command = [xvfb, "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-m", "tests.ui.laptop"]
    run = subprocess.run(
        [*command, str(demo_path), "--lang", language],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["platform"] == "xcb" and report["screen"] == [1366, 768]
    assert report["faults"] == []


def test_a_language_switch_keeps_the_problems_and_each_page_as_it_was(
    window, qtbot, checked, demo_path
):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from planner import queries
    from ui import settings as opt
    from ui.translation import install

    checked(window)
    lunch = next(s.id for s in queries.sessions(window.ctrl.store) if s.title == "Lunch")
    window.ctrl.update("session", lunch, {"room_id": 1})  # too many people for Aula 1
    dock = window.problems_dock
    rows = dock.model.rowCount()
    assert rows and not dock.view.isHidden()
    window.show_page("calendar")
    calendar = window.pages["calendar"]
    calendar.day.setCurrentIndex(3)
    day = calendar.current_day()
    window.show_page("people")
    people = window.pages["people"].panels[0]
    people.search.setText("Aguilar")
    people.view.selectRow(2)
    chosen = people.selected_ids()
    assert len(chosen) == 1
    window.settings.set(opt.LANGUAGE, "es")
    try:
        window.apply_preferences()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        assert window.problems_dock is dock and dock.model.rowCount() == rows
        assert not dock.view.isHidden() and dock.windowTitle() == "Problemas"
        checked(window)
        assert dock.model.rowCount() == rows and "de más" in dock.model.row_object(0).message
        people = window.pages["people"].panels[0]
        assert window.current_page() is window.pages["people"]
        assert people.search.text() == "Aguilar" and people.selected_ids() == chosen
        window.show_page("calendar")
        assert window.pages["calendar"].current_day() == day
        window.settings.set(opt.LANGUAGE, "en")
        window.apply_preferences()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        assert window.files.open_path(demo_path)  # a plan opened after the switch: no error
        assert window.last_error == ""
    finally:
        window.settings.set(opt.LANGUAGE, "en")
        install("en")


def test_the_problems_panel_is_one_line_when_empty_and_hidden_with_no_plan(
    window, checked, demo_path
):
    checked(window)
    dock = window.problems_dock
    assert dock.model.rowCount() == 0 and dock.view.isHidden()
    assert dock.widget().maximumHeight() < 60  # one line: the page keeps the height
    assert window.problems_button.text() == "No problems"
    window.ctrl.close()
    assert dock.isHidden()  # no plan, no panel
    assert window.files.open_path(demo_path)
    assert not dock.isHidden()


def test_a_long_plan_path_shortens_in_the_status_bar_instead_of_widening_it(window, tmp_path):
    from tests.ui.laptop import AVAILABLE

    deep = tmp_path / ("Capacitación en fronteras y derechos humanos " * 4).strip()
    deep.mkdir()
    path = deep / "Plan de la capacitación en Tegucigalpa, noviembre de 2023.dplan"
    path.write_bytes(window.ctrl.store.path.read_bytes())
    window.resize(AVAILABLE)
    assert window.files.open_path(str(path))
    label = window.path_label
    assert label.text() == str(path) and str(path) in label.toolTip()
    assert window.minimumSizeHint().width() <= AVAILABLE.width()
    assert window.width() <= AVAILABLE.width()
    QApplication.processEvents()
    assert label.width() > 100  # shortened, but there: "/tmp/…/Plan de la capacitación…"


def test_columns_share_a_narrow_list_the_widest_giving_way_first():
    from ui.pages.lists.panel import share_width

    wanted = {0: 300, 1: 60, 2: 400, 3: 80}
    assert share_width(wanted, 1000, floor=100) == wanted  # room for all: as they want
    shared = share_width(wanted, 500, floor=100)
    assert shared[1] == 60 and shared[3] == 80  # the narrow keep their width
    assert shared[0] == shared[2] and sum(shared.values()) <= 500
    assert share_width(wanted, 100, floor=100) == {0: 100, 1: 60, 2: 100, 3: 80}  # the floor
    # no narrower than its heading: what does not fit then scrolls
    assert share_width({0: 300, 1: 300}, 200, 50, least={0: 150}) == {0: 150, 1: 50}


def test_a_narrow_list_keeps_its_buttons_together_and_places_open_in_the_windows_clock(
    qtbot, settings, demo_path
):
    from tests.ui.test_spanish import window_in

    for window in window_in("es", qtbot, settings, demo_path):
        window.resize(AVAILABLE)
        window.show_page("venues")
        page = window.pages["venues"]
        rooms = next(p for p in page.panels if p.kind == "room")
        rooms.resize(420, 300)
        QApplication.processEvents()
        buttons = [rooms.add_button, rooms.edit_button, rooms.delete_button]
        assert len({b.geometry().top() for b in buttons}) == 1  # one line, not Eliminar alone
        places = page.panels[0]
        hours = next(i for i, c in enumerate(places.model.columns) if c.key == "hours")
        shown = {
            " ".join(places.model.index(r, hours).data().split())  # (Qt's narrow spaces)
            for r in range(places.model.rowCount())
        }
        assert "8:00 a. m.–5:00 p. m." in shown  # CAMI Danlí, kept as 08:00–17:00


def test_a_room_blocks_cost_columns_show_on_a_laptop_in_either_language(laptop_window):
    """Finance reads what a block costs and what the budget counts without scrolling: the stays
    booked and the nights are hidden until asked for (a right-click on the headings)."""
    window = laptop_window
    window.show_page("accommodation")
    QApplication.processEvents()
    blocks = window.pages["accommodation"].panels[0]
    blocks.fit_columns()
    header = blocks.view.horizontalHeader()
    keys = [c.key for c in blocks.model.columns]
    assert header.isSectionHidden(keys.index("stays")) and header.isSectionHidden(
        keys.index("nights")
    )
    budget = keys.index("budget")
    right = header.sectionViewportPosition(budget) + header.sectionSize(budget)
    assert right <= blocks.view.viewport().width(), "In the budget is out of sight"
