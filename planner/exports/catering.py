"""The caterer's counts: heads per meal and break (the audience and its trainers), with
dietary needs grouped as people write them in either language."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from datetime import date
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.labels import kind_label, meal_label
from planner.domain.reference import fold
from planner.exports.common import (
    NOT_SIGNED,
    Job,
    Options,
    PlanData,
    for_reader,
    time_span,
    title_lines,
)
from planner.exports.sheet import Cell, Sheet, write
from planner.queries.calendar import Block
from planner.queries.snapshot import local
from planner.rules.budget import meal_of
from planner.store import PlanStore

# --- catering counts ------------------------------------------------------------------------------

# Dietary needs as people write them, in either language, grouped under one heading.
DIET_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("vegan", ("vegan", "vegano", "vegana")),
    ("vegetarian", ("vegetarian", "vegetariano", "vegetariana", "veggie")),
    ("no_pork", ("no pork", "sin cerdo", "halal", "no cerdo", "sin puerco", "pork-free")),
    ("gluten_free", ("gluten", "celiac", "coeliac", "celiaco", "celiaca")),
    ("lactose_free", ("lactose", "lactosa", "dairy", "lacteos", "sin leche")),
    ("diabetic", ("diabet",)),
    ("kosher", ("kosher",)),
    ("nut_allergy", ("nut", "mani", "nueces", "cacahuate")),
    ("seafood_allergy", ("seafood", "shellfish", "mariscos")),
)


def diet_label(group: str) -> str:
    labels = {
        "vegan": _("Vegan"),
        "vegetarian": _("Vegetarian"),
        "no_pork": _("No pork"),
        "gluten_free": _("Gluten-free"),
        "lactose_free": _("Lactose-free"),
        "diabetic": _("Diabetic"),
        "kosher": _("Kosher"),
        "nut_allergy": _("Nut allergy"),
        "seafood_allergy": _("Seafood allergy"),
    }
    return labels.get(group, group)


def diet_group(text: str) -> str:
    """The group a written dietary need belongs to ("Vegetariana" -> "vegetarian"); a need
    no group knows is its own group, in the words first written."""
    key = fold(text).strip()
    for group, words in DIET_GROUPS:
        if any(word in key for word in words):
            return group
    return text.strip()


def meal_heads(
    data: PlanData,
) -> tuple[list[Block], dict[int, AbstractSet[int]], dict[int, str]]:
    """The meals and breaks, who is expected at each (the audience and its trainers), and each
    person's dietary need as grouped (the catering counts and the caterer's "what changed")."""
    blocks = [b for b in data.sessions_for(None) if b.kind in NOT_SIGNED]
    # the audience's set itself when no trainer is added (shared by sessions alike)
    heads: dict[int, AbstractSet[int]] = {
        b.id: (registered | b.facilitators) if b.facilitators else registered
        for b in blocks
        for registered in (data.registered.get(b.id, frozenset()),)
    }
    needs: dict[int, str] = {}
    written: dict[str, str] = {}  # an unknown need's group -> its first spelling
    for p in data.people.values():
        if p.dietary_needs.strip():
            group = diet_group(p.dietary_needs)
            needs[p.id] = written.setdefault(fold(group), group)
    return blocks, heads, needs


def came(data: PlanData) -> dict[date, frozenset[int]]:
    """day -> who was marked present at a session that day (the days with marks only): whom
    a past meal fed, as the attendance summary and the certificates read the same marks."""
    out: dict[date, set[int]] = defaultdict(set)
    for session, marks in data.marks.items():
        found = data.sessions.get(session)
        if found is None:
            continue
        day = local(found.start, data.zone).date()
        out[day].update(p for p, here in marks.items() if here)
    return {day: frozenset(people) for day, people in out.items()}


def catering(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """Heads per meal and break (audience and trainers), with dietary needs grouped."""
    with for_reader(options):
        blocks, heads, needs = meal_heads(data)
        if not blocks:
            raise PlannerError(
                _(
                    "The agenda has no meals or breaks yet: add them as sessions"
                    " of the kind Meal or Break."
                )
            )
        found = sorted(
            {needs[p] for people in heads.values() for p in people if p in needs},
            key=lambda g: fold(diet_label(g)),
        )
        came_by_day = came(data)
        sheet = Sheet(_("Catering"))
        sheet.title_block(
            title_lines(
                data,
                _("Catering counts"),
                options,
                (
                    _(
                        "Heads are the people expected (the audience and its trainers); each"
                        " dietary"
                        " need is also counted in the total."
                    ),
                    *(
                        (
                            _(
                                "Came: of those expected, how many were marked present at a"
                                " session that day (days with attendance recorded), for the"
                                " caterer's invoice."
                            ),
                        )
                        if came_by_day
                        else ()
                    ),
                ),
            )
        )
        sheet.headings(
            [
                _("Date"),
                _("Time"),
                _("Meal or break"),
                _("Session"),
                _("Where"),
                _("Heads"),
                *([_("Came")] if came_by_day else []),
                *[diet_label(g) for g in found],
            ]
        )
        for heading in sheet.rows[-1][5:]:  # counts centred under their headings
            heading.center = True
        expected: set[int] = set()
        for b in blocks:
            people = heads[b.id]
            expected |= people
            counts = Counter(needs[p] for p in people if p in needs)
            kind = kind_label(b.kind) if b.kind == "break" else meal_label(meal_of(b.start))
            sheet.add(
                b.start.date(),
                time_span(b),
                kind,
                Cell(b.title, text=True, wrap=True),
                Cell(data.room_label(b), text=True, wrap=True),
                Cell(len(people), center=True),
                *(
                    [
                        Cell(len(people & came_by_day[b.start.date()]), center=True)
                        if b.start.date() in came_by_day
                        else ""
                    ]
                    if came_by_day
                    else []
                ),
                *[Cell(counts.get(g, 0), center=True) for g in found],
            )
        sheet.widths.update({4: 24, 5: 24})
        # who has which need, once each, for the kitchen to plan plates
        who = Sheet(_("Dietary needs"))
        who.landscape = False
        who.title_block(title_lines(data, _("Dietary needs"), options))
        who.headings([_("Need"), _("Name"), _("Delegation"), _("As written")])
        listed = data.sorted_people({p for p in expected if p in needs})
        for group in found:
            for person in listed:
                if needs[person.id] == group:
                    who.add(
                        diet_label(group),
                        person.name,
                        data.delegation_name(person.delegation_id),
                        person.dietary_needs,
                    )
        if not listed:
            who.add(Cell(_("Nobody expected at meals has a dietary need."), italic=True, text=True))
        job.step(1, 1)
        return write([sheet, who], target)
