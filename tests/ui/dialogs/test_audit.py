"""Every dialog, in English and in Spanish: it fits a 1366×768 laptop screen, in Spanish it
shows no English text, its mnemonics (Alt+letter) are each used once, its form labels are tied
to their fields, Tab follows the reading order, its icon-only buttons have a name a screen
reader can say, and it opens with the keyboard on something to fill in rather than on Cancel."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
    QWizard,
)

from planner.domain.i18n import current_language
from tests.paths import DATA
from tests.ui.laptop import EDIT_KINDS, other_dialogs
from tests.ui.test_spanish import (
    english_texts_with_spanish_translations,
    visible_texts,
    window_in,
)
from ui.shell.mnemonics import mnemonic_of

SCREEN = (1366, 768 - 40)  # a laptop screen less a panel or task bar


@pytest.fixture(params=["en", "es"])
def lang_window(request, qtbot, settings, demo_path):
    yield from window_in(request.param, qtbot, settings, demo_path)


def _visible(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.window() is root


def audit(dialog: QWidget) -> list[str]:
    """What is wrong with ``dialog`` for a keyboard or screen-reader user on a laptop."""
    name = dialog.objectName() or type(dialog).__name__
    faults = []
    size = dialog.frameGeometry().size()
    if size.width() > SCREEN[0] or size.height() > SCREEN[1]:
        faults.append(f"{name}: {size.width()}×{size.height()} does not fit {SCREEN}")
    minimum = dialog.minimumSizeHint()
    if minimum.width() > SCREEN[0] or minimum.height() > SCREEN[1]:
        faults.append(f"{name}: cannot shrink below {minimum.width()}×{minimum.height()}")

    if current_language() == "es":
        english = sorted(set(visible_texts(dialog)) & english_texts_with_spanish_translations())
        if dialog.windowTitle() in english_texts_with_spanish_translations():
            english.append(dialog.windowTitle())
        faults += [f"{name}: English text {text!r}" for text in english]

    # Alt+letter: once per dialog, counting what a wizard page shows now
    keys: Counter[str] = Counter()
    owners: dict[str, list[str]] = {}
    for widget in dialog.findChildren(QWidget):
        if not _visible(widget, dialog):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        else:
            continue
        key = mnemonic_of(text)
        if key and (not isinstance(widget, QLabel) or widget.buddy() is not None):
            keys[key] += 1
            owners.setdefault(key, []).append(text)
    faults += [f"{name}: Alt+{k} is used by {owners[k]}" for k, n in keys.items() if n > 1]

    # a label in a form row is tied to its field, so a screen reader reads it with the field
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or not isinstance(label.widget(), QLabel):
                continue
            widget = field.widget()
            if widget is None or not _visible(widget, dialog):
                continue
            takes_focus = [
                w
                for w in [widget, *widget.findChildren(QWidget)]
                if w.focusPolicy() != w.focusPolicy().NoFocus and w.isEnabled()
            ]
            if takes_focus and label.widget().buddy() is None:
                faults.append(
                    f"{name}: the label {label.widget().text()!r} is not tied to its field"
                )

    # a button with no words needs a name to be read out (Qt's own clear button in a line
    # edit and a table's corner button are spoken for by their owner)
    for button in dialog.findChildren(QAbstractButton):
        if isinstance(button.parent(), QLineEdit | QAbstractItemView):
            continue
        if (
            _visible(button, dialog)
            and not re.search(r"\w", button.text())
            and not button.accessibleName()
        ):
            faults.append(
                f"{name}: a button {button.text()!r} has no accessible name"
                f" ({type(button).__name__} in {type(button.parent()).__name__}"
                f" {button.parent().objectName()}, {button.toolTip()!r})"
            )

    # Tab follows the reading order: down the page, column by column, then the buttons
    jumps = tab_order_jumps(dialog)
    if len(jumps) > 1:
        faults += [f"{name}: Tab goes back from {jump}" for jump in jumps]

    # the keyboard starts somewhere useful
    focus = QApplication.focusWidget()
    if isinstance(focus, QAbstractButton) and isinstance(focus.parent(), QDialogButtonBox):
        role = focus.parent().buttonRole(focus)
        if (
            role == QDialogButtonBox.ButtonRole.RejectRole
            and len(
                [
                    w
                    for w in dialog.findChildren(QWidget)
                    if _visible(w, dialog) and w.focusPolicy() != w.focusPolicy().NoFocus
                ]
            )
            > 3
        ):
            faults.append(f"{name}: opens with the keyboard on {focus.text()!r}")
    return faults


def tab_order_jumps(dialog: QWidget) -> list[str]:
    """Places where Tab goes back up and to the left, against the reading order. Tab goes
    round in a circle, so one jump, from the last control back to the first, is expected."""
    from PySide6.QtCore import QPoint, Qt

    chain: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    while widget is not dialog and len(chain) < 500:
        if (
            widget.isVisibleTo(dialog)
            and widget.isEnabled()
            and widget.window() is dialog
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    jumps = []
    for a, b in zip(chain, chain[1:] + chain[:1], strict=True):
        pa, pb = a.mapTo(dialog, QPoint(0, 0)), b.mapTo(dialog, QPoint(0, 0))
        if pb.y() + 4 < pa.y() and pb.x() <= pa.x():
            jumps.append(
                f"{type(a).__name__} {a.objectName()} {pa.toTuple()} → "
                f"{type(b).__name__} {b.objectName()} {pb.toTuple()}"
            )
    return jumps


def shown(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    QApplication.processEvents()
    return dialog


def modal_of(trigger: Callable[[], object]) -> list[str]:
    """Open a dialog that runs its own loop (exec) and audit it while it is up."""
    faults: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        QApplication.processEvents()
        faults.extend(audit(dialog))
        dialog.reject()

    QTimer.singleShot(150, look)
    trigger()
    return faults


def test_every_edit_dialog_fits_and_works_by_keyboard(lang_window, qtbot):
    window = lang_window
    faults = []
    for kind in EDIT_KINDS:
        dialog = window.editor.open(window, kind)
        assert dialog is not None, kind
        faults += audit(shown(qtbot, dialog))
        dialog.reject()
    assert not faults, "\n".join(faults)
    # a closed form is gone: a day of editing does not pile hidden forms on the window
    from PySide6.QtCore import QEvent

    from ui.dialogs.form import FormDialog

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert window.findChildren(FormDialog) == []
    assert not faults, "\n".join(faults)


def test_every_other_dialog_fits_and_works_by_keyboard(lang_window, qtbot, tmp_path):
    window = lang_window
    built = other_dialogs(window)
    faults = []
    for dialog in built:
        faults += audit(shown(qtbot, dialog))
        if isinstance(dialog, QWizard):  # each page of the import, as far as it goes empty
            assert dialog.currentPage() is not None
        dialog.reject()
    faults += modal_of(lambda: window.files.plan_dialogs.edit_details(window))
    faults += modal_of(lambda: window.files.plan_dialogs.new_plan(window))
    assert not faults, "\n".join(faults)


def test_each_page_of_the_import_fits_and_works_by_keyboard(lang_window, qtbot):

    from ui.dialogs.importer import ImportWizard

    roster = DATA / "roster-dnspf-honduras.xlsx"
    wizard = ImportWizard(lang_window.ctrl, lang_window, str(roster))
    wizard.wait = True
    faults = audit(shown(qtbot, wizard))
    for page in (wizard.columns, wizard.check):
        wizard.next()
        QApplication.processEvents()
        assert wizard.currentPage() is page
        faults += audit(wizard)
    assert wizard.preview is not None and wizard.preview.errors == []
    wizard.reject()
    assert not faults, "\n".join(faults)


def test_menus_have_each_alt_letter_once_and_pages_are_keyboard_reachable(lang_window):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from ui.shell.main_window import PAGE_NAMES

    window = lang_window
    faults = []
    menus = [("menu bar", [a for a in window.menuBar().actions()])]
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()
            menus.append((action.text(), menu.actions()))
            menus += [
                (a.text(), a.menu().actions())
                for a in menu.actions()
                if isinstance(a.menu(), QMenu)
            ]
    for title, actions in menus:
        texts = [a.text() for a in actions if a.text() and not a.isSeparator() and a.isVisible()]
        keys = Counter(k for k in map(mnemonic_of, texts) if k)
        faults += [
            f"{title}: Alt+{k} in {[t for t in texts if mnemonic_of(t) == k]}"
            for k, n in keys.items()
            if n > 1
        ]
        faults += [f"{title}: {t!r} has no Alt+letter" for t in texts if not mnemonic_of(t)]
    actions = window.findChildren(QAction)
    shortcuts = Counter(s.toString() for a in actions for s in a.shortcuts() if a.isEnabled())
    faults += [f"{key} is given to {n} actions" for key, n in shortcuts.items() if n > 1]
    assert not faults, "\n".join(faults)
    for index, name in enumerate(PAGE_NAMES[:10]):
        key = "0" if index == 9 else str(index + 1)
        matches = [
            a
            for a in actions
            if a.isEnabled() and f"Ctrl+{key}" in {s.toString() for s in a.shortcuts()}
        ]
        assert len(matches) == 1, (name, key)
        matches[0].trigger()
        assert window.current_page() is window.pages[name]


def test_texts_without_an_alt_letter_get_a_free_one():
    from ui.shell.mnemonics import with_mnemonics

    assert with_mnemonics(
        ["Overview", "Organisations", "Places && rooms", "&Open", "oo"], {"r"}
    ) == ["O&verview", "Or&ganisations", "&Places && rooms", "&Open", "oo"]
    assert with_mnemonics(["Site visits", "Sessions"]) == ["&Site visits", "S&essions"]
