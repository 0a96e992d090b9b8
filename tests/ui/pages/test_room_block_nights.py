"""A room block's room-nights held, used and released, on the Accommodation page and on the
budget's hotel line (the demo's block holds 70 room-nights, USD 6,650; its stays use 65, USD
6,175, which the budget counts; 5 are released, USD 475), in English and in Spanish."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from planner import queries
from tests.ui.test_spanish import window_in
from ui.pages.budget.lines import LinesTab


def block_cells(window) -> tuple[dict[str, str], dict[str, str], str]:
    """The demo block's row on the Accommodation page: texts and tooltips by column, and the
    page's hint."""
    window.show_page("accommodation")
    page = window.pages["accommodation"]
    blocks = page.panels[0]
    assert len(blocks.model.rows()) == 1
    texts, tips = {}, {}
    for n, column in enumerate(blocks.model.columns):
        index = blocks.model.index(0, n)
        texts[column.key] = str(index.data() or "")
        tips[column.key] = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
    hint = page.findChild(QLabel, "stays_hint")
    return texts, tips, hint.text()


def hotel_line(window) -> tuple[str, str, str]:
    """The budget's hotel line: its key, explanation and the explanation's tooltip."""
    window.show_page("budget")
    page = window.pages["budget"]
    page.recompute()
    lines = page.lines
    key = next(k for k in lines.line_keys() if k.startswith("block:"))
    index = lines._row_index(key).siblingAtColumn(LinesTab.EXPLANATION)
    return key, str(index.data()), str(index.data(Qt.ItemDataRole.ToolTipRole))


def test_the_accommodation_page_shows_held_used_and_released(window):
    texts, tips, hint = block_cells(window)
    assert (texts["held"], texts["used"], texts["released"]) == ("70", "65", "5")
    assert texts["total"] == "6,650.00 USD" and texts["budget"] == "6,175.00 USD"
    titles = {c.key: c.title for c in window.pages["accommodation"].panels[0].model.columns}
    assert [titles[k] for k in ("held", "used", "released", "total", "budget")] == [
        "Held",
        "Used",
        "Released",
        "Total held",
        "In the budget",
    ]
    assert tips["held"] == (
        "70 room-nights held (10 rooms × 7 nights), 6,650.00 USD: the block as contracted,"
        " what the hotel may bill"
    )
    assert tips["used"].startswith("65 room-nights used by the stays in the block")
    assert "6,175.00 USD: what the budget counts" in tips["used"]
    assert tips["released"].startswith("5 room-nights held but not used, 475.00 USD: not in the")
    assert "The budget counts the room-nights used" in hint
    assert "the hotel may bill those held" in hint


def test_a_fully_used_block_releases_nothing_and_an_overused_one_says_so(window):
    block_cells(window)  # the page is built before the change and follows it
    (block,) = queries.room_blocks(window.ctrl.store)
    assert window.ctrl.update("room_block", block.id, {"rooms": 9}, block.version)
    texts, tips, _hint = block_cells(window)
    assert (texts["held"], texts["used"], texts["released"]) == ("63", "65", "—")
    assert "That is 2 room-nights more than the block holds." in tips["used"]
    assert tips["released"] == "Every room-night held is used: none is released."
    _key, explanation, tip = hotel_line(window)
    assert explanation == "10 people, 65 room-nights × USD 95.00 · only 63 held"
    assert "The stays use 2 room-nights more than the block holds." in tip


def test_the_budget_hotel_line_says_what_is_held_used_and_released(window):
    key, explanation, tip = hotel_line(window)
    assert explanation == (
        "10 people, 65 room-nights × USD 95.00 · 70 held, 5 released (not counted)"
    )
    assert tip.splitlines() == [
        "10 people, 65 room-nights × USD 95.00",
        "Held: 70 room-nights, 6,650.00 USD, the block as contracted: what the hotel may bill.",
        "Used: 65 room-nights, 6,175.00 USD, by the stays in the block: what this line counts.",
        "Released: 5 room-nights, 475.00 USD, held but not used: not in the budget, though"
        " until rooms can be released by a cut-off date the hotel may bill what it holds.",
    ]
    # the amount is the room-nights used: what the Accommodation page shows in the budget
    assert window.pages["budget"].lines.cell(key, LinesTab.AMOUNT) == "6,175.00"


def test_the_two_pages_speak_spanish(qtbot, settings, demo_path):
    for window in window_in("es", qtbot, settings, demo_path):
        _texts, tips, hint = block_cells(window)
        titles = [c.title for c in window.pages["accommodation"].panels[0].model.columns]
        assert {"Contratadas", "Usadas", "Liberadas", "Total contratado"} <= set(titles)
        assert "noches de habitación" in tips["held"] and "contratadas" in tips["held"]
        assert "El presupuesto cuenta las noches de habitación usadas" in hint
        _key, explanation, tip = hotel_line(window)
        assert explanation.endswith("· 70 contratadas, 5 liberadas (no se cuentan)")
        assert "Liberadas: 5 noches de habitación" in tip
