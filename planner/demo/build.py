"""Building the demo plan: every cohort's rows, the budget's rates and lines, and who
attended the training (it took place), written through :func:`planner.operations.load_rows`
in one transaction."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.demo.cohort import Cohort, Rows, Shared
from planner.demo.results import evaluation_rows, results_rows
from planner.demo.scenario import ORGANISATIONS, PLAN
from planner.demo.words import current_language, demo_language, t
from planner.domain.i18n import _, language
from planner.operations.plan import load_rows, new_plan
from planner.queries.badges import BADGE_KEY
from planner.store import PlanStore

# Each row of these tables gets its line in the change log (the rest are links and marks).
RECORDED = frozenset(
    {
        "organisation",
        "delegation",
        "person",
        "participant_group",
        "venue",
        "room",
        "agenda_session",
        "travel",
        "room_block",
        "stay",
        "road_time",
        "visit_stop",
        "vehicle",
        "ride",
        "funding_source",
        "per_diem_rate",
        "exchange_rate",
        "catering_rate",
        "budget_line",
        "assessment",
        "question",
    }
)


def fill_demo(store: PlanStore, scale: int = 1) -> None:
    """Add the demo's organisations, people, groups, venues and agenda to an empty plan.

    Written in one transaction, a cohort at a time: each cohort's rows are made, written and
    let go before the next, so a plan of a thousand cohorts is never all in memory."""
    plan: dict[str, Any] = {}
    with language(current_language()):  # the history reads in the demo's language
        action = _("Create demo plan")
    load_rows(
        store,
        action,
        _batches(scale, plan),
        recorded=RECORDED,
        plan=plan,
        # the same badge codes every time the demo is made (a real plan's key is random)
        settings={BADGE_KEY: f"demo-{scale}"},
    )


def _batches(scale: int, plan: dict[str, Any]) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """The demo's rows by table, a batch at a time (ids run on across batches); fills ``plan``
    with the plan's own links once they are known."""
    rng = random.Random(2023)
    marks = random.Random(1125)
    next_id: dict[str, int] = defaultdict(lambda: 1)
    rows = Rows(next_id=next_id)
    orgs = {}
    for key, name, acronym, country in ORGANISATIONS:
        orgs[key] = rows.add(
            "organisation", name=name, acronym=t(acronym), country=country, notes=""
        )
    plan["per_diem_rate_id"] = _budget(rows)
    evaluation = evaluation_rows(rows)
    results = random.Random(2311)  # the results' own: the rest of the demo stays the same
    yield rows.tables
    shared = Shared()
    for index in range(scale):
        rows = Rows(next_id=next_id)
        cohort = Cohort(rows, rng, index, orgs, shared)
        cohort.build()
        for delegation in rows.tables["delegation"]:
            delegation["head_id"] = cohort.heads.get(delegation["id"], delegation["head_id"])
        _attendance(rows, marks)
        results_rows(rows, evaluation, results)
        plan["arrival_airport_id"] = shared.places["TGU"]
        yield rows.tables


def _attendance(rows: Rows, rng: random.Random) -> None:
    """The 2023 training took place: who attended each training session and the field tour
    is recorded (a few trainees missed a session), so the attendance summary and the
    certificates have something to show. ``rows`` are one cohort's."""
    attended = {
        s["id"]
        for s in rows.tables["agenda_session"]
        if s["kind"] in ("training", "site_visit", "plenary")
    }
    members: dict[int, list[int]] = defaultdict(list)
    for m in rows.tables["group_member"]:
        members[m["group_id"]].append(m["person_id"])
    people_of: dict[int, list[int]] = defaultdict(list)
    for p in rows.tables["person"]:
        if p["delegation_id"] is not None:
            people_of[p["delegation_id"]].append(p["id"])
    # a substitute is there from their day on, whom they replace until the day before
    gone = {p["id"]: p["status_from"] for p in rows.tables["person"] if p["status"] == "replaced"}
    joining = {
        p["id"]: p["status_from"]
        for p in rows.tables["person"]
        if p["status"] != "replaced" and p["status_from"] is not None
    }
    day_of = {s["id"]: s["starts_at"].date() for s in rows.tables["agenda_session"]}

    def there(person: int, day: date) -> bool:
        return not (person in gone and day >= gone[person]) and not (
            person in joining and day < joining[person]
        )

    registered: set[tuple[int, int]] = set()
    for a in rows.tables["session_audience"]:
        if a["session_id"] not in attended:
            continue
        if a["group_id"] is not None:
            people = members[a["group_id"]]
        elif a["delegation_id"] is not None:
            people = people_of[a["delegation_id"]]
        else:
            people = [a["person_id"]]
        day = day_of[a["session_id"]]
        registered.update((a["session_id"], p) for p in people if p is not None and there(p, day))
    for session_id, person_id in sorted(registered):
        rows.add(
            "attendance",
            session_id=session_id,
            person_id=person_id,
            present=rng.random() > 0.04,
            note="",
        )


def _budget(rows: Rows) -> int:
    """Rates and hand-entered lines of the budget; returns the plan's per diem rate."""
    donor = rows.add(
        "funding_source",
        name="US Department of State, PRM (Western Hemisphere Program)",
        code="WHP-HN-2023-07",
        notes="",
    )
    own = rows.add(
        "funding_source", name="IOM Honduras, cost-sharing", code="HN-OPS-2023", notes=""
    )
    for category, code, source in (
        ("travel", "WHP-21 Travel", donor),
        ("accommodation", "WHP-22 Accommodation", donor),
        ("per_diem", "WHP-23 DSA", donor),
        ("venue", "WHP-31 Venue", donor),
        ("catering", "WHP-32 Catering", donor),
        ("ground_transport", "WHP-33 Transport", donor),
        ("materials", "WHP-41 Materials", donor),
        ("visibility", "HN-51 Visibility", own),
        ("other", "HN-59 Other", own),
        ("indirect", "WHP-90 ISC", donor),
    ):
        rows.add("budget_category", category=category, budget_code=code, funding_source_id=source)
    per_diem = rows.add(
        "per_diem_rate",
        location="Tegucigalpa",
        daily_rate=Decimal("190.00"),
        currency="USD",
        lodging_share=Decimal("56"),
        valid_from=date(2023, 10, 1),
        notes="ICSC DSA for Honduras, Tegucigalpa.",
    )
    for month, units in ((date(2023, 11, 1), "24.6900"), (date(2023, 12, 1), "24.7100")):
        rows.add(
            "exchange_rate",
            currency="HNL",
            month=month,
            units_per_base=Decimal(units),
            source="UN operational rate of exchange",
        )
    for meal, per_head, currency in (
        ("break", "85", "HNL"),
        ("breakfast", "180", "HNL"),
        ("lunch", "260", "HNL"),
        ("dinner", "18.00", "USD"),
    ):
        rows.add(
            "catering_rate", kind=meal, per_head=Decimal(per_head), currency=currency, notes=""
        )
    lines: list[tuple[str, str, str, str, str, str, int | None]] = [
        (
            "materials",
            "Participant manuals, printed and bound",
            "220",
            "copies",
            "145",
            "HNL",
            None,
        ),
        ("materials", "Certificates of participation", "210", "copies", "22", "HNL", None),
        ("visibility", "Roll-up banners with donor logos", "2", "banners", "95.00", "USD", None),
        (
            "ground_transport",
            "Fuel for the field tour to Las Manos and Danlí",
            "2",
            "vans",
            "1850",
            "HNL",
            None,
        ),
        ("other", "Bank charges for per diem payments", "1", "lump sum", "40.00", "USD", own),
    ]
    for category, description, quantity, unit, cost, currency, payer in lines:
        rows.add(
            "budget_line",
            category=category,
            description=description,
            budget_code="",
            funding_source_id=payer,
            quantity=Decimal(quantity),
            unit=unit,
            unit_cost=Decimal(cost),
            currency=currency,
            month=None,
            actual=None,
            notes="",
        )
    return per_diem


def build_demo(
    path: str | Path, scale: int = 1, *, overwrite: bool = False, lang: str = "en"
) -> PlanStore:
    """Write the demo plan to ``path`` and open it; ``lang`` "es" writes its own words (the
    sessions, groups, places, positions, budget lines) in Spanish, as the real event had them."""
    with demo_language(lang):
        plan = {k: t(v) if isinstance(v, str) else v for k, v in PLAN.items()}
        if scale > 1:
            plan["title"] = f"{plan['title']} (×{scale})"

        def fill(store: PlanStore) -> None:
            with demo_language(lang):
                fill_demo(store, scale)

        with language(lang):  # its history reads in the demo's language
            action = _("Create plan")
        return new_plan(path, plan, overwrite=overwrite, fill=fill, action=action)
