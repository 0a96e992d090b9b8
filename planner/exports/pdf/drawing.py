"""What the PDFs share: the embedded fonts, colours, text cleaned and fitted to its room,
paragraph styles, a canvas with the file's metadata, and writing the file into place."""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
import segno
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.exports.common import (
    Options,
    PlanData,
    Scope,
)
from planner.exports.textwidth import unbroken_phones

FONT = "PlannerVera"
BOLD = "PlannerVera-Bold"
ITALIC = "PlannerVera-Italic"
BOLD_ITALIC = "PlannerVera-BoldItalic"
CREATOR = "Delegation Planner"

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#5F6B76")
NAVY = colors.HexColor("#1F3A5F")
GOLD = colors.HexColor("#B8912F")
RULE = colors.HexColor("#C9D1D9")
ZEBRA = colors.HexColor("#F3F5F8")
DAY_FILL = colors.HexColor("#E4EAF2")
NO_COLOUR = colors.HexColor("#8C959F")

# Characters the Vera fonts lack, and what prints instead.
STAND_INS = {
    "\u2009": " ",
    "\u202f": "\u00a0",
    "\u2007": " ",
    "\u200a": " ",
    "\u2008": " ",
    "\u2192": "›",
    "\u2190": "‹",
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "−",
}


# --- fonts and text -----------------------------------------------------------------------------


@cache
def fonts() -> frozenset[int]:
    """Register the embedded fonts once; returns the characters they can print."""
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    regular = TTFont(FONT, os.path.join(folder, "Vera.ttf"))
    for font in (
        regular,
        TTFont(BOLD, os.path.join(folder, "VeraBd.ttf")),
        TTFont(ITALIC, os.path.join(folder, "VeraIt.ttf")),
        TTFont(BOLD_ITALIC, os.path.join(folder, "VeraBI.ttf")),
    ):
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    # a canvas starts each page in this font: ours, embedded, not a bare Helvetica the
    # reader's machine must find (PDF/A and print shops refuse files that name one)
    rl_config.canvas_basefontname = FONT
    return frozenset(regular.face.charToGlyph)


def clean(text: str) -> str:
    """The text with every character the font lacks replaced by one it has."""
    known = fonts()
    out = []
    for ch in text:
        if ord(ch) in known or ch in "\n":
            out.append(ch)
        elif ch in STAND_INS:
            out.append(STAND_INS[ch])
        else:
            plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) in known)
            out.append(plain or "?")
    return "".join(out)


def markup(text: str) -> str:
    """User text made safe for Paragraph markup."""
    return escape(clean(text))


# Where a word too long for its line (an email, a web address) may be broken: after these.
_BREAK_AFTER = re.compile(r"(?<=[@./_\-])")


def split_lines(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """``text`` (already clean) in the lines that fit ``width``: broken at spaces, never inside
    a phone number ("+504 8757-9673" stays whole); a word wider than the line (an email) is
    broken after its "@", dots or hyphens, else between letters, rather than run off the
    page."""
    measure = pdfmetrics.stringWidth
    space = measure(" ", font, size)
    out: list[str] = []
    for paragraph in unbroken_phones(text).split("\n"):
        line, used = "", 0.0
        for word in paragraph.split(" "):
            wide = measure(word, font, size)
            if line and used + space + wide <= width:
                line, used = f"{line} {word}", used + space + wide
                continue
            if line:
                out.append(line)
            line, used = word, wide
            while used > width and len(line) > 1:  # broken where it reads best
                pieces = [p for p in _BREAK_AFTER.split(line) if p]
                head = ""
                for piece in pieces:
                    if measure(head + piece, font, size) > width:
                        break
                    head += piece
                if not head:  # no break point within the line: as many letters as fit
                    head = line[0]
                    for ch in line[1:]:
                        if measure(head + ch, font, size) > width:
                            break
                        head += ch
                out.append(head)
                line = line[len(head) :]
                used = measure(line, font, size)
        out.append(line)
    return tuple(out) or ("",)


def fit(text: str, font: str, size: float, width: float, smallest: float) -> tuple[str, float]:
    """The text and the largest size up to ``size`` at which it fits ``width``; below
    ``smallest`` it is cut short with an ellipsis."""
    text = clean(text)
    wide = pdfmetrics.stringWidth(text, font, size)
    if wide <= width:
        return text, size
    size = max(smallest, math.floor(size * width / wide * 2) / 2)
    while size > smallest and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text, size
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…", size


def colour(value: str | None) -> Any:
    """A "#RRGGBB" colour; grey for none or anything else."""
    if not value or not re.fullmatch(r"#?[0-9A-Fa-f]{6}", value.strip()):
        return NO_COLOUR
    return colors.HexColor("#" + value.strip().lstrip("#"))


def ink_on(fill: Any) -> Any:
    """White or dark text, whichever reads on ``fill``."""
    light = 0.299 * fill.red + 0.587 * fill.green + 0.114 * fill.blue
    return INK if light > 0.62 else colors.white


def tint(fill: Any, share: float) -> Any:
    """``fill`` mixed with white (share 0: white, 1: the colour)."""
    return colors.Color(
        1 - share * (1 - fill.red), 1 - share * (1 - fill.green), 1 - share * (1 - fill.blue)
    )


def style(
    name: str,
    size: float,
    font: str = FONT,
    leading: float | None = None,
    colour: Any = INK,
    align: int = TA_LEFT,
    **more: Any,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else size * 1.25,
        textColor=colour,
        alignment=align,
        **more,
    )


# --- writing the file ---------------------------------------------------------------------------


# The most pages one PDF holds. reportlab keeps every page of a document until it saves it:
# 25,000 pages of certificates or badges take about 400 MiB, 5,000 pages of agenda booklets
# (tables laid out in paragraphs) about as much; a whole plan of 200,000 people would take
# over 3 GiB, and days to print. Larger choices are refused before a page is drawn, saying how
# to divide them.
MAX_PAGES = 25_000
BOOKLET_PAGES = 5_000


def refuse_too_many_pages(pages: int, how: str, booklet: bool = False) -> None:
    """Refuse a PDF of more than :data:`MAX_PAGES` pages (:data:`BOOKLET_PAGES` for a
    ``booklet``; ``pages``: as many as it will have at least); ``how``: how to divide it."""
    limit = BOOKLET_PAGES if booklet else MAX_PAGES
    if pages <= limit:
        return
    raise PlannerError(
        _(
            "This PDF would have at least {pages:,} pages; one PDF holds at most {limit:,}"
            " (more takes more memory than most computers have, and days to print). {how}"
        ).format(pages=pages, limit=limit, how=how)
    )


def write_pdf(target: Path, draw: Callable[[str], None]) -> Path:
    """Run ``draw(temporary path)`` in the target's folder and move the result into place."""
    from planner.exports.xlsx import write_atomically

    return write_atomically(target, draw, _("a PDF viewer"))


def canvas(
    path: str, size: tuple[float, float], title: str, subject: str, data: PlanData, options: Options
) -> Any:
    c = Canvas(path, pagesize=size, pageCompression=1, lang=options.lang, initialFontName=FONT)
    c.setTitle(clean(title))
    c.setAuthor(clean(data.organiser))
    c.setSubject(clean(subject))
    c.setCreator(CREATOR)
    return c


def whom(scope: Scope) -> str:
    return scope.name if scope.kind != "plan" else _("the plan")


def second_language(options: Options) -> tuple[str, str]:
    """The second language of a bilingual page and its Babel locale."""
    if options.lang == "es":
        return "en", "en_GB"
    return "es", "es_PA" if options.reader_locale == "es-PA" else "es_HN"


def delegation_colours(data: PlanData) -> dict[int, Any]:
    return {i: colour(value) for i, value in data.delegation_colours.items()}


def draw_qr(c: Any, text: str, x: float, y: float, size: float) -> None:
    """``text`` as a QR code (segno; error correction M, readable with a quarter hidden by a
    thumb or a crease), ``size`` points square with its lower left corner at (x, y), drawn as
    vector squares (sharp at any printer's resolution). Leave a quiet margin around it."""
    matrix = segno.make(text, error="m", micro=False).matrix
    cell = size / len(matrix)
    c.saveState()
    c.setFillColor(colors.black)
    path = c.beginPath()
    for r, row in enumerate(matrix):
        top = y + size - (r + 1) * cell
        n = 0
        while n < len(row):  # a run of dark modules is one rectangle
            if not row[n]:
                n += 1
                continue
            start = n
            while n < len(row) and row[n]:
                n += 1
            path.rect(x + start * cell, top, (n - start) * cell, cell)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
