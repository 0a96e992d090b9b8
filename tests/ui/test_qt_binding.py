"""Guards against Qt binding releases that mishandle Python references.

PySide6 6.12.0 returns None from an empty QVariant without taking a reference: every call to a
combo box's ``itemData`` for a "(none)" item drops one, and the program later crashes when
None's count reaches zero. pyproject.toml excludes that release; this test fails if a broken
one is installed anyway.
"""

from __future__ import annotations

import gc
import sys

from ui.widgets.fields import SearchCombo


def test_reading_a_none_choice_keeps_references_to_none(qtbot):
    combo = SearchCombo([(1, "One"), (2, "Two")], "(none)")
    qtbot.addWidget(combo)
    combo.set_value(None)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(200):
        assert combo.value() is None
    gc.collect()
    assert sys.getrefcount(None) >= before - 5
