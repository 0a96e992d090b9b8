"""The tests and the satisfaction questionnaire as an XLSForm (the ``survey``, ``choices`` and
``settings`` sheets of the XLSForm specification), for KoboToolbox or ODK Collect on phones, in
English and Spanish: the person is chosen from the badge codes (a scanner app or the list),
each test's score is a number within its maximum, each rating a choice from 1 to 5. The
answers their server exports (one column per question, named as here) come back through
``planner import results``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from planner.domain.errors import PlannerError
from planner.domain.i18n import N_, _, language
from planner.exports.common import Job, Options, PlanData
from planner.exports.sheet import Sheet, write
from planner.queries.badges import badge_codes
from planner.queries.evaluation import results
from planner.store import PlanStore

EN, ES = "English (en)", "Español (es)"
RATINGS = (1, 2, 3, 4, 5)


def test_column(kind: str, module: int | None, test: int) -> str:
    """The column a test's scores go by: pre_test and post_test for the training's own,
    test_<id> for a module's (``import results`` reads them back)."""
    return kind if module is None else f"test_{test}"


def question_column(question: int) -> str:
    return f"q{question}"


def _both(text: str) -> tuple[str, str]:
    """A text of ours in English and in Spanish."""
    with language("en"):
        english = _(text)
    with language("es"):
        spanish = _(text)
    return english, spanish


def survey(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    held = results(store, personal=False)
    if not held.tests and not held.questions:
        raise PlannerError(
            _(
                "The plan has no test or questionnaire yet: add a pre-test and a post-test, or"
                " the satisfaction questionnaire, first."
            )
        )
    codes = badge_codes(store).code
    gone = data.membership.gone
    people = [p for p in data.sorted_people() if p.id not in gone]
    job.step(1, 3)
    labels = ("label::" + EN, "label::" + ES)
    heads = ["type", "name", *labels, "required", "constraint"]
    heads += ["constraint_message::" + EN, "constraint_message::" + ES, "appearance"]

    def row(**values: Any) -> list[Any]:
        keys = [h.replace("::" + EN, "_en").replace("::" + ES, "_es") for h in heads]
        return [values.get(key, "") for key in keys]

    def sheets() -> Iterator[Sheet]:
        form = Sheet("survey")
        form.rows.append(list(heads))
        who_en, who_es = _both(N_("Whose answers: scan the badge or choose the code"))
        form.rows.append(
            row(
                type="select_one person",
                name="code",
                label_en=who_en,
                label_es=who_es,
                appearance="autocomplete",
            )
        )
        order = {"pre_test": 0, "post_test": 1}
        for test in sorted(
            held.tests.values(), key=lambda t: (t.module or 0, order.get(t.kind, 2), t.id)
        ):
            top = test.max_score
            limit_en, limit_es = _both(N_("A score from 0 to the test's maximum"))
            form.rows.append(
                row(
                    type="decimal",
                    name=test_column(test.kind, test.module, test.id),
                    label_en=f"{test.title} (/{top})",
                    label_es=f"{test.title} (/{top})",
                    constraint=f". >= 0 and . <= {top}" if top is not None else "",
                    constraint_message_en=limit_en,
                    constraint_message_es=limit_es,
                )
            )
        for question in sorted(held.questions.values(), key=lambda q: (q.assessment, q.position)):
            form.rows.append(
                row(
                    type="select_one rating" if question.kind == "rating" else "text",
                    name=question_column(question.id),
                    label_en=question.text,
                    label_es=question.text_es or question.text,
                )
            )
        yield form
        choices = Sheet("choices")
        choices.rows.append(["list_name", "name", *labels])
        for person in people:
            code = codes(person.id)
            shown = f"{code} · {person.name}"
            choices.rows.append(["person", code, shown, shown])
        for rating in RATINGS:
            choices.rows.append(["rating", str(rating), str(rating), str(rating)])
        yield choices
        settings = Sheet("settings")
        settings.rows.append(["form_title", "form_id", "version", "default_language"])
        settings.rows.append(
            [
                data.title[:120],
                "delegation_planner_results",
                datetime.now().strftime("%Y%m%d%H%M"),
                EN,
            ]
        )
        yield settings
        job.step(3, 3)

    return write(sheets(), target)
