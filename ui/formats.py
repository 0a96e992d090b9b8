"""How the window writes dates, times and numbers (Preferences ▸ Formats)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

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

    def date(self, value: date | None) -> str:
        if value is None:
            return ""
        return self.locale.toString(QDate(value.year, value.month, value.day), self.date_pattern())

    def time(self, value: datetime) -> str:
        return self.locale.toString(QTime(value.hour, value.minute), self.time_pattern())

    def weekday_date(self, value: date) -> str:
        qd = QDate(value.year, value.month, value.day)
        day = self.locale.dayName(qd.dayOfWeek(), QLocale.FormatType.ShortFormat)
        return f"{day} {self.date(value)}"

    def long_date(self, value: date) -> str:
        return self.locale.toString(
            QDate(value.year, value.month, value.day), QLocale.FormatType.LongFormat
        )

    def number(self, value: int) -> str:
        return self.locale.toString(value)
