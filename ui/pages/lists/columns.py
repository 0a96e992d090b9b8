"""What the list pages of every domain share: :class:`ListPages`, the base of the builders
of their pages (the page factory, the window's formats, and columns of counts, days and times
written as the formats say), and the colours their columns use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QObject

from ui.models.table import Column
from ui.pages.lists.panel import ListPage, PageFactory

CLEARANCE_COLOURS = {"refused": "#C62828", "requested": "#F9A825", "confirmed": "#2E7D32"}
CLEARANCE_RANK = {"refused": 0, "requested": 1, "confirmed": 2, "not_needed": 3}
OVERFULL_COLOUR = "#C62828"


def date_sort(value: date | None) -> str:
    return value.isoformat() if value else ""


class ListPages(QObject):
    """Builds the list pages of one domain, each with its translated titles and columns (a
    subclass per domain: one translation context each)."""

    def __init__(self, factory: PageFactory) -> None:
        super().__init__()
        self.f = factory
        self.fmt = factory.formats

    def pages(self) -> dict[str, Callable[[], ListPage]]:
        """The builder of each page, by the page's name in the window."""
        raise NotImplementedError

    def count(
        self,
        key: str,
        title: str,
        width: int = 9,
        tooltip: Callable[[Any], str] | None = None,
        colour: Callable[[Any], str] | None = None,
    ) -> Column:
        """A column of counts: right-aligned, localised, sorted as numbers."""
        return Column(
            key,
            title,
            lambda r: self.fmt.number(getattr(r, key)),
            sort=lambda r: getattr(r, key),
            numeric=True,
            width=width,
            tooltip=tooltip,
            colour=colour,
        )

    def money(
        self,
        key: str,
        title: str,
        amount: Callable[[Any], Any],
        tooltip: Callable[[Any], str] | None = None,
        width: int = 14,
    ) -> Column:
        """An amount in the row's currency (``r.currency``), sorted as a number."""
        return Column(
            key,
            title,
            lambda r: self.fmt.amount(amount(r), r.currency),
            sort=amount,
            numeric=True,
            width=width,
            tooltip=tooltip,
        )

    def opening_hours(self, hidden: bool = False) -> Column:
        """A place's opening hours ("08:00"–"17:00" as kept) in the window's clock."""
        clock = self.fmt.clock
        return Column(
            "hours",
            self.tr("Open"),
            lambda r: f"{clock(r.opens)}–{clock(r.closes)}" if r.opens else "",
            sort=lambda r: r.opens,
            width=2 * self.fmt.time_width(),
            hidden=hidden,
        )

    def when(self, value: datetime | None) -> str:
        """A date and time: Fri 01/12/2023 09:20."""
        if value is None:
            return ""
        return f"{self.fmt.weekday_date(value.date())} {self.fmt.time(value)}"

    def day(
        self,
        key: str,
        title: str,
        value: Callable[[Any], date | None],
        width: int = 15,
        hidden: bool = False,
    ) -> Column:
        """A date with its weekday, sorted as dates."""
        return Column(
            key,
            title,
            lambda r: self.fmt.weekday_date(d) if (d := value(r)) else "",
            sort=lambda r: date_sort(value(r)),
            width=width,
            hidden=hidden,
        )

    def clock(
        self, key: str, title: str, value: Callable[[Any], datetime | None], hidden: bool = False
    ) -> Column:
        """A time of day; the tooltip gives the date and the zone."""
        return Column(
            key,
            title,
            lambda r: self.fmt.time(t) if (t := value(r)) else "",
            sort=lambda r: t.timestamp() if (t := value(r)) else None,
            width=self.fmt.time_width(),
            tooltip=lambda r: f"{self.when(t)} ({t.tzname()})" if (t := value(r)) else "",
            hidden=hidden,
        )
