"""The rotation dialog's preview shows the sessions accepting writes, at their own times."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from planner import queries
from planner.queries.calendar import AgendaData
from ui.dialogs.rotation import RotationDialog


def preview_cells(dialog: RotationDialog) -> set[tuple[str, str, str]]:
    """(row heading: the day and times, column heading: the group, the cell's first line) of
    every filled cell of the preview, a break spanning a row counted for each group."""
    table = dialog.preview
    found = set()
    for row in range(table.rowCount()):
        when = table.verticalHeaderItem(row).text()
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None:
                continue
            for spanned in range(column, column + table.columnSpan(row, column)):
                group = table.horizontalHeaderItem(spanned).text()
                found.add((when, group, item.text().split("\n")[0]))
    return found


def written_cells(window, before: set[int]) -> set[tuple[str, str, str]]:
    """The same for the sessions the plan holds now and did not before."""
    data = AgendaData.load(window.ctrl.store)
    modules = {c.id: c.label for c in queries.choices(window.ctrl.store, "module")}
    found = set()
    for block in data.blocks.values():
        if block.id in before:
            continue
        day = window.formats.weekday_date(block.start.date())
        when = f"{day} {block.start:%H:%M}–{block.end:%H:%M}"
        what = modules[block.module_id] if block.module_id is not None else block.title
        for unit in block.units:
            assert unit[0] == "group"
            found.add((when, data.names[unit], what))
    return found


def test_the_preview_shows_the_times_accepting_writes(window, qtbot):
    dialog = RotationDialog(window.ctrl, window.formats, window)
    qtbot.addWidget(dialog)
    # a break the plan does not have yet: the rotation adds it for the groups
    title = dialog.breaks.cellWidget(0, 2)
    assert isinstance(title, QLineEdit)
    title.setText("Stretching")
    qtbot.mouseClick(dialog.propose_button, Qt.MouseButton.LeftButton)
    assert dialog.proposal is not None and dialog.proposal.ok, dialog.proposal.reasons
    shown = preview_cells(dialog)
    headings = [
        dialog.preview.verticalHeaderItem(r).text() for r in range(dialog.preview.rowCount())
    ]
    first_day = window.formats.weekday_date(min(dialog.proposal.slots, key=lambda s: s.day).day)
    # the opening ceremony holds every group from 08:30 to 09:30 on the first day: the first
    # slot is taught from 09:30, and the preview says so
    assert headings[0] == f"{first_day} 09:30–10:15"
    assert f"{first_day} 08:30–10:15" not in headings
    assert f"{first_day} 10:15–10:30" in headings  # the break added, a row of its own
    assert any(what == "Stretching" for _when, _group, what in shown)

    before = {s.id for s in queries.sessions(window.ctrl.store)}
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    written = written_cells(window, before)
    assert len(written) == len(shown) == 4 * 16 + 4 * 4  # modules per group, a break a day
    assert written == shown
