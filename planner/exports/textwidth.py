"""How wide text is in a workbook's default font, 11-point Calibri (Carlito, its metric twin,
where LibreOffice prints): each character's advance as a share of the digit "0", the unit a
column's width is counted in. Measured from Carlito's own metrics (hmtx, in 1/2048 em, over
the "0"'s 1038), rounded to 0.05; a character not listed counts as one digit."""

from __future__ import annotations

import re

# A space inside a phone number ("+504 8757-9673"), where a line must not break.
PHONE_SPACE = re.compile(r"(?<=[+\d]) (?=\d)")


def unbroken_phones(text: str) -> str:
    """``text`` with the spaces inside its phone numbers made non-breaking, so that a wrapped
    cell or line never splits a number."""
    return PHONE_SPACE.sub("\u00a0", text)


_BY_WIDTH = {
    0.45: " 'ijlí",
    0.5: ",.IÍ·‘’",
    0.55: ":;`",
    0.6: "()-[]f{}",
    0.65: "!Jt¡°",
    0.7: "r",
    0.75: "/\\s",
    0.8: '"zª',
    0.85: "Lcxº“”",
    0.9: "?FSZkvy|¿",
    0.95: "ETYagáÉ",
    1.0: "#$*+0123456789<=>PX^_e~é–€",
    1.05: "BCKRbdhnopquóúñü",
    1.1: "V",
    1.15: "AÁ",
    1.2: "D",
    1.25: "GHNUÚÑÜ",
    1.3: "OÓ",
    1.35: "&Q…",
    1.4: "%w",
    1.6: "m",
    1.7: "M",
    1.75: "@W",
    1.8: "—",
}
WIDTHS = {ch: width for width, chars in _BY_WIDTH.items() for ch in chars}
BOLD = 1.04  # bold letters are this much wider on average


def text_width(text: str, bold: bool = False) -> float:
    """``text``'s width in digits of 11-point Calibri."""
    get = WIDTHS.get
    width = sum(get(ch, 1.0) for ch in text)
    return width * BOLD if bold else width


def wrapped_lines(value: str, room: float, bold: bool = False) -> int:
    """How many lines ``value`` takes wrapped at spaces in a column with ``room`` digits for
    its text, as a spreadsheet wraps it (a word wider than the line is broken)."""
    space = text_width(" ", bold)
    lines = 0
    for part in value.splitlines() or [""]:
        lines += 1
        used = 0.0
        for word in part.split():
            width = text_width(word, bold)
            if used and used + space + width <= room:
                used += space + width
                continue
            if used:
                lines += 1
            # a word wider than the line goes on over as many lines as it fills
            extra = int(width // room) if width > room else 0
            lines += extra
            used = width - extra * room
    return lines
