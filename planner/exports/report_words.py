"""The donor's report's words for its categories, shared by the workbook and the PDF."""

from __future__ import annotations

from planner.domain.i18n import _


def sex_words() -> dict[str, str]:
    return {"female": _("Women"), "male": _("Men"), "other": _("Other"), "unknown": _("Unknown")}


def band_words(key: str) -> str:
    """An age band as the attendance summary names it ("Under 25", "25–34", "55 and over")."""
    if key == "<25":
        return _("Under {age}").format(age=25)
    if key == "55+":
        return _("{age} and over").format(age=55)
    if key == "unknown":
        return _("Age not known")
    return key.replace("-", "–")
