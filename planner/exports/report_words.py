"""The donor's report's words for its categories, shared by the workbook and the PDF."""

from __future__ import annotations

from collections.abc import Callable

from planner.domain.i18n import _
from planner.queries.evaluation import results
from planner.store import PlanStore


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


def question_words(store: PlanStore, lang: str) -> Callable[[str], str]:
    """A question as the reader reads it: its Spanish words in a Spanish paper."""
    if lang != "es":
        return lambda text: text
    spanish = {q.text: q.text_es for q in results(store, personal=False).questions.values()}
    return lambda text: spanish.get(text) or text
