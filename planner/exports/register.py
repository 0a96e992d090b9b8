"""Who earns which certificate, their numbers from the register, and the register itself: the
list the partner institution keeps to credit each officer's file (number, name, identity
number, organisation, hours attended and required, percentage, result).

The certificates and the register read the same marks through the same rule
(:mod:`planner.rules.training`) and number through the same operation
(:mod:`planner.operations.certificates`): whichever is exported first, they agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.labels import Role
from planner.domain.reference import fold
from planner.exports.common import Job, Options, PlanData, Scope, for_whom, scope_of, title_lines
from planner.exports.sheet import Cell, Sheet, write
from planner.operations.certificates import (
    ATTENDANCE,
    COMPLETION,
    FACILITATION,
    Earned,
    number_certificates,
)
from planner.queries.certificates import register
from planner.queries.snapshot import local
from planner.rules.training import NOT_ON_ROLL, TRAINING_KINDS, Record, Tally, hours_of
from planner.store import PlanStore


@dataclass(frozen=True)
class Certified:
    """A certificate to print: whose, which kind, its number, the hours and the days."""

    person: int
    kind: str
    number: str
    hours: Decimal
    first: date | None  # the person's own days (trainees: attended; trainers: gave)
    last: date | None


def facilitated(data: PlanData, within: frozenset[int] | None) -> dict[int, list[int]]:
    """trainer -> the training, plenary and site-visit sessions they gave (not after they
    declined or were replaced: the plan read once leaves them off from that day)."""
    out: dict[int, list[int]] = defaultdict(list)
    for session in data.sessions.values():
        if session.kind not in TRAINING_KINDS:
            continue
        for person in session.facilitators:
            info = data.people.get(person)
            if info is None or info.role != Role.TRAINER:
                continue
            if within is None or person in within:
                out[person].append(session.id)
    return out


def _days(data: PlanData, sessions: list[int]) -> tuple[date | None, date | None]:
    days = sorted(local(data.sessions[s].start, data.zone).date() for s in sessions)
    return (days[0], days[-1]) if days else (None, None)


def earns(
    data: PlanData, scope: Scope, attendance: bool, tally: Tally | None = None
) -> set[tuple[int, str]]:
    """(person, kind) of every certificate the choice earns: completion for trainees who
    completed, attendance (with ``attendance``) for those who came but did not, facilitation
    for trainers who gave sessions."""
    tally = tally or data.training(scope.people)
    out = {(p, COMPLETION) for p in tally.trained}
    out |= {(p, FACILITATION) for p in facilitated(data, scope.people)}
    if attendance:
        out |= {(p, ATTENDANCE) for p in tally.attended - tally.trained}
    return out


def certified(
    store: PlanStore, data: PlanData, scope: Scope, attendance: bool
) -> tuple[list[Certified], Tally]:
    """Everyone in the choice who earns a certificate, with its number: trainees who
    completed (completion), with ``attendance`` those who came but did not complete, and
    trainers who gave sessions (facilitation). Numbers are given once and kept; certificates
    of the choice no longer earned become void in the register."""
    tally = data.training(scope.people)
    gave = facilitated(data, scope.people)
    came: dict[int, list[int]] = defaultdict(list)  # their own days: any session on a roll
    for session, marks in data.marks.items():
        found = data.sessions.get(session)
        if found is not None and found.kind not in NOT_ON_ROLL:
            for person, present in marks.items():
                if present:
                    came[person].append(session)
    earnable = earns(data, scope, True, tally)  # what may stay in the register
    wanted = sorted(
        (key for key in earnable if attendance or key[1] != ATTENDANCE),
        key=lambda key: (data.people[key[0]].key, key[1]),
    )
    numbers = number_certificates(
        store,
        [Earned(p, kind, data.people[p].name) for p, kind in wanted],
        earnable,
        scope.people,
        data.certificate_prefix or default_prefix(data),
    )
    out = []
    for person, kind in wanted:
        if kind == FACILITATION:
            minutes = sum(
                (data.sessions[s].end - data.sessions[s].start) // 60 for s in gave[person]
            )
            first, last = _days(data, gave[person])
            hours = hours_of(minutes)
        else:
            first, last = _days(data, came[person])
            hours = tally.hours(person)
        out.append(Certified(person, kind, numbers[(person, kind)], hours, first, last))
    return out, tally


def default_prefix(data: PlanData) -> str:
    """ "TEG-2023" for a plan in Tegucigalpa in 2023, when Plan Details gives no prefix."""
    letters = "".join(ch for ch in fold(data.city).upper() if "A" <= ch <= "Z")[:3] or "CERT"
    return f"{letters}-{data.first_day.year}"


def register_workbook(
    store: PlanStore, data: PlanData, target: Path, options: Options, job: Job
) -> Path:
    """The register: every trainee of the choice with their hours, share and result, and the
    number of their certificate; trainers' certificates of facilitation; void ones kept."""
    scope = scope_of(data, options)
    _given, tally = certified(store, data, scope, attendance=False)  # numbers them too
    job.step(1, 3)
    entries = [
        e
        for e in register(store)
        if scope.people is None or (e.person is not None and e.person in scope.people)
    ]
    trainees = data.sorted_people(tally.trainees)
    if not entries and not trainees:
        raise PlannerError(
            _("There are no trainees in {whom} and no certificates in the register yet.").format(
                whom=scope.name
            )
        )
    results = {
        COMPLETION: _("Completed"),
        ATTENDANCE: _("Attended (certificate of attendance)"),
        FACILITATION: _("Facilitated"),
    }
    personal = options.personal

    def sheets() -> Iterator[Sheet]:
        sheet = Sheet(_("Register"))
        rule = _(
            "Completed: present for at least {share} of the hours of the training,"
            " plenary and site-visit sessions in one's own audience, and at every session"
            " of a required module."
        ).format(share=f"{tally.percent} %")
        sheet.title_block(
            title_lines(data, _("Register of certificates"), options, (*for_whom(scope), rule))
        )
        sheet.headings(
            [
                _("Number"),
                _("Name"),
                _("ID or passport no."),
                _("Organisation"),
                _("Hours attended"),
                _("Hours required"),
                _("Share attended"),
                _("Result"),
            ]
        )
        sheet.filter = True
        sheet.frozen_columns = 2
        sheet.widths.update({1: 15, 2: 30, 3: 17, 4: 16, 5: 10, 6: 10, 7: 11, 8: 22})
        listed: set[int] = set()
        for entry in entries:  # in the order of their numbers
            info = data.people.get(entry.person) if entry.person is not None else None
            record = tally.records.get(entry.person) if entry.person is not None else None
            result = results.get(entry.kind, entry.kind)
            if entry.void:
                result = _("Void ({result})").format(result=result)
            if info is not None and entry.kind != FACILITATION:
                listed.add(info.id)
            sheet.add(
                Cell(entry.number, text=True),
                info.listed_name if info is not None else entry.name,
                (info.id_number if info is not None and personal else ""),
                Cell(info.organisation_short if info is not None else "", wrap=True, text=True),
                *_figures(record, entry.kind),
                Cell(result, wrap=True, text=True),
            )
        for person in trainees:  # trainees without a certificate
            if person.id in listed:
                continue
            record = tally.records[person.id]
            sheet.add(
                "",
                person.listed_name,
                person.id_number if personal else "",
                Cell(person.organisation_short, wrap=True, text=True),
                *_figures(record, COMPLETION),
                Cell(
                    _("Did not complete") if record.attended else _("Did not attend"),
                    wrap=True,
                    text=True,
                ),
            )
        yield sheet

    return write(sheets(), target)


def _figures(record: Record | None, kind: str) -> tuple[object, object, object]:
    if record is None or kind == FACILITATION:
        return "", "", ""
    return (
        Cell(record.hours, number_format="0.0", center=True),
        Cell(record.required_hours, number_format="0.0", center=True),
        Cell(record.share / 100, number_format="0.0%", center=True),
    )


__all__ = ["Certified", "certified", "default_prefix", "facilitated", "register_workbook"]
