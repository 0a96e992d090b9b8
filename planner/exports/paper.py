"""The paper an export is printed on: Letter where it is the norm (the United States, Canada,
Mexico, Central America, much of the Caribbean and some of South America, the Philippines), A4
elsewhere; the plan's country chooses, ``--paper`` and the Export dialog override.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

PAPERS = ("letter", "a4")
# in points (1/72 inch): width and height held upright
SIZES = {"letter": (612.0, 792.0), "a4": (595.2756, 841.8898)}
EXCEL_CODES = {"letter": "1", "a4": "9"}  # a worksheet's paperSize

LETTER_COUNTRIES = frozenset(
    {
        "US", "CA", "MX", "GT", "BZ", "SV", "HN", "NI", "CR", "PA",  # North and Central America
        "CU", "DO", "PR", "HT",  # the Caribbean
        "CO", "VE", "CL", "BO",  # South America, where Letter is usual
        "PH",
    }
)  # fmt: skip

_paper: contextvars.ContextVar[str] = contextvars.ContextVar("export_paper", default="a4")


def paper_for(country: str) -> str:
    """The usual paper of a country (its ISO code; A4 when unknown)."""
    return "letter" if country.strip().upper() in LETTER_COUNTRIES else "a4"


@contextlib.contextmanager
def on_paper(paper: str) -> Iterator[None]:
    """Write the exports made inside on ``paper`` ("letter" or "a4")."""
    token = _paper.set(paper if paper in SIZES else "a4")
    try:
        yield
    finally:
        _paper.reset(token)


def current_paper() -> str:
    return _paper.get()


def page_size(landscape: bool = False) -> tuple[float, float]:
    """The current paper's (width, height) in points, turned when ``landscape``."""
    width, height = SIZES[_paper.get()]
    return (height, width) if landscape else (width, height)
