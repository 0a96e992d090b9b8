"""How the window writes dates, times and numbers (Preferences ▸ Formats)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from ui import settings as opt


class Formats:
    def __init__(
        self,
        date_format: str = "system",
        time_format: str = "system",
        locale: QLocale | None = None,
    ) -> None:
        self.date_format = date_format
        self.time_format = time_format
        self.locale = locale or QLocale()

    @classmethod
    def from_settings(cls, s: opt.Settings) -> Formats:
        return cls(s.get(opt.DATE_FORMAT), s.get(opt.TIME_FORMAT))

    def date_pattern(self) -> str:
        fixed = {"iso": "yyyy-MM-dd", "day_first": "dd/MM/yyyy", "month_first": "MM/dd/yyyy"}
        if self.date_format in fixed:
            return fixed[self.date_format]
        pattern = self.locale.dateFormat(QLocale.FormatType.ShortFormat)
        if "yyyy" not in pattern:  # two-digit years are ambiguous for birth dates
            pattern = pattern.replace("yy", "yyyy")
        return pattern

    def time_pattern(self) -> str:
        return {"24h": "HH:mm", "12h": "h:mm AP"}.get(self.time_format) or self.locale.timeFormat(
            QLocale.FormatType.ShortFormat
        )

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        return self.locale.toString(QDate(value.year, value.month, value.day), self.date_pattern())

    def time(self, value: dt.datetime) -> str:
        return self.locale.toString(QTime(value.hour, value.minute), self.time_pattern())

    def clock(self, kept: str) -> str:
        """A time of day kept as "HH:MM" (a place's opening hours) in this clock ("6:00 a. m.");
        anything else as it is."""
        hour, _sep, minute = kept.partition(":")
        if not (hour.isdigit() and minute.isdigit()):
            return kept
        return self.time(dt.datetime(2000, 1, 1, int(hour) % 24, int(minute) % 60))

    def time_width(self) -> int:
        """Characters a time column needs in this locale ("13:45" or "1:45 p. m.")."""
        return max(7, len(self.locale.toString(QTime(12, 45), self.time_pattern())) + 2)

    def weekday_date(self, value: dt.date) -> str:
        qd = QDate(value.year, value.month, value.day)
        day = self.locale.dayName(qd.dayOfWeek(), QLocale.FormatType.ShortFormat)
        return f"{day} {self.date(value)}"

    def long_date(self, value: dt.date) -> str:
        return self.locale.toString(
            QDate(value.year, value.month, value.day), QLocale.FormatType.LongFormat
        )

    def number(self, value: int) -> str:
        return self.locale.toString(value)

    def amount(self, value: Decimal | None, currency: str = "") -> str:
        """Money as the locale writes it, exactly (never through a float): 1,234.50 USD."""
        if value is None:
            return ""
        exponent = value.as_tuple().exponent
        places = min(4, max(2, -exponent if isinstance(exponent, int) else 2))
        text = format(value.quantize(Decimal(1).scaleb(-places)), "f")
        sign = "-" if text.startswith("-") else ""
        whole, _dot, fraction = text.lstrip("-").partition(".")
        groups: list[str] = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        groups.insert(0, whole)
        number = sign + self.locale.groupSeparator().join(groups)
        if fraction:
            number += self.locale.decimalPoint() + fraction
        return f"{number} {currency}".strip()

    def score(self, value: Decimal) -> str:
        """A test score as typed: 17, 17.5 (the locale's decimal point)."""
        whole, _dot, fraction = format(value.normalize(), "f").partition(".")
        return whole + (self.locale.decimalPoint() + fraction if fraction else "")

    def hours(self, value: Decimal) -> str:
        """Hours of training with their one decimal, as the papers print them: 24.3."""
        whole, _dot, fraction = format(value, "f").partition(".")
        return whole + self.locale.decimalPoint() + (fraction or "0")

    def duration(self, minutes: int) -> str:
        """2 h 45 min, 50 min."""
        hours, rest = divmod(minutes, 60)
        if not hours:
            return QCoreApplication.translate("Formats", "%1 min").replace("%1", str(rest))
        return (
            QCoreApplication.translate("Formats", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", f"{rest:02d}")
        )
