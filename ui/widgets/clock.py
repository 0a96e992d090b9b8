"""A time of day kept as "HH:MM" (a place's opening hours) but shown and typed in the window's
clock: "6:00 a. m." on a Honduran window, "06:00" on a British one; either is understood."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QWidget

from ui.formats import Formats
from ui.widgets.fields import TextField

_TYPED = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?(am|pm|a|p)?$")


def parse_clock(text: str) -> str | None:
    """ "8:00 a. m.", "8 pm", "20:00", "8.30" -> "08:00", "20:00", "20:00", "08:30"; None
    when it is no time of day."""
    plain = re.sub(r"[\s\u00a0\u202f]", "", text.lower())
    plain = re.sub(r"(a|p)\.?m\.?$", r"\1m", plain).replace("m", "")  # a. m., am, p.m.
    match = _TYPED.match(plain) if plain else None
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = match.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


class ClockField(TextField):
    def __init__(self, formats: Formats, parent: QWidget | None = None, example: str = "") -> None:
        self.formats = formats
        super().__init__(parent, formats.clock(example), 20)

    def value(self) -> str:
        text = self.text().strip()
        return parse_clock(text) or text  # what is no time is left for the check to explain

    def set_value(self, value: Any) -> None:
        self.setText(self.formats.clock(str(value or "")))
