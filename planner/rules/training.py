"""Who was trained, and for how many hours: the words every paper and the window share.

- A *trainee* is a person with the role Trainee (:class:`planner.domain.labels.Role`) who did
  not decline, was not replaced and not cancelled (:data:`planner.domain.labels.GONE_STATUSES`):
  someone replaced on the third day keeps their marks, but is counted apart as also present
  and their substitute is the trainee.
- A trainee *attended* when marked present at least once
  (:mod:`planner.queries.attendance`), at a
  session on a roll (breaks and meals have none).
- A trainee is *trained* when they completed the training: :func:`completed`, the one place
  the completion rule lives: present for at least the plan's share (80 % unless Plan Details
  says otherwise) of the hours of the training, plenary and site-visit sessions in their own
  audience, and at every session of a module marked required.
- Anyone else marked present (trainers, staff, drivers, the delegation's head and advisers,
  trainees who left) is *also present*: listed apart, never counted as trained, given no
  certificate.
- *Hours* are the exact minutes of the training, plenary and site-visit sessions a person was
  marked present at, rounded half-up once to one decimal (:func:`hours_of`): the same figure
  in the attendance summary, the window and the certificate.

Everything here is a pure function of plain data (:func:`tally`), so the exports (which read
the plan once) and the window (:func:`load`) count in exactly the same way, from the plan's
snapshot (:func:`tally_of`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from planner.domain.labels import GONE_STATUSES, Role
from planner.queries.snapshot import ATTENDANCE, PEOPLE, Snapshot
from planner.store import PlanStore

# Session kinds whose time counts as hours of training (not breaks, meals, meetings,
# ceremonies or travel).
TRAINING_KINDS = frozenset({"training", "plenary", "site_visit"})
# Session kinds nobody is marked present at (no roll, no sign-in sheet).
NOT_ON_ROLL = frozenset({"break", "meal"})
ONE_DECIMAL = Decimal("0.1")


# Age bands of the donor's tables: under 25, 25–34, 35–44, 45–54, 55 and over.
AGE_BANDS = ((0, 25), (25, 35), (35, 45), (45, 55), (55, 200))


def age_band(born: date | None, on: date) -> int | None:
    """The band (an index of :data:`AGE_BANDS`) of someone born on ``born``, aged on ``on``."""
    if born is None:
        return None
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    for n, (low, high) in enumerate(AGE_BANDS):
        if low <= age < high:
            return n
    return None


def hours_of(minutes: int) -> Decimal:
    """Exact minutes as hours, rounded half-up once to one decimal (1395 min -> 23.3)."""
    return (Decimal(minutes) / Decimal(60)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def format_hours(hours: Decimal, locale: str = "en_GB") -> str:
    """Hours as papers print them, with their one decimal ("23.3"; Babel locale names)."""
    from babel.numbers import format_decimal

    return str(format_decimal(hours, format="#,##0.0", locale=locale, decimal_quantization=False))


def is_trainee(role: str | None) -> bool:
    return role == Role.TRAINEE.value


@dataclass(frozen=True, slots=True)  # one per person of a whole plan
class Record:
    """One person's attendance as the papers count it."""

    person_id: int
    role: str
    sessions: int  # sessions marked present at (breaks and meals have no roll)
    minutes: int  # exact minutes of the training, plenary and site-visit sessions among them
    offered: int  # minutes of such sessions the person was registered for
    status: str = "confirmed"  # declined, replaced and cancelled people are no trainees
    own: int = 0  # minutes of such sessions in their own audience that they attended
    missed_required: int = 0  # sessions of required modules in their audience not attended

    @property
    def hours(self) -> Decimal:
        return hours_of(self.minutes)

    @property
    def required_hours(self) -> Decimal:
        """The hours of training in their own audience (what the share is taken of)."""
        return hours_of(self.offered)

    @property
    def share(self) -> Decimal:
        """The share of their own hours of training attended, in percent (one decimal)."""
        if not self.offered:
            return Decimal("0.0")
        return (Decimal(100 * self.own) / Decimal(self.offered)).quantize(
            ONE_DECIMAL, rounding=ROUND_HALF_UP
        )

    @property
    def gone(self) -> bool:
        """Whether they declined, were replaced or cancelled (before or during the training)."""
        return self.status in GONE_STATUSES

    @property
    def trainee(self) -> bool:
        return is_trainee(self.role) and not self.gone

    @property
    def attended(self) -> bool:
        return self.sessions > 0


def completed(record: Record, percent: int = 80) -> bool:
    """Whether a trainee completed the training, so counts as trained and gets a certificate
    of completion: present for at least ``percent`` of the minutes of the training, plenary
    and site-visit sessions in their own audience, and at every session of a required module
    in it. Change the rule here only."""
    return (
        record.trainee
        and record.attended
        and record.offered > 0
        and 100 * record.own >= percent * record.offered
        and record.missed_required == 0
    )


@dataclass(frozen=True)
class Tally:
    """Trainees, who of them attended and was trained, and who else was present."""

    records: Mapping[int, Record]  # everyone in the choice: person -> record
    trainees: frozenset[int]  # every trainee in the choice, present or not
    attended: frozenset[int]  # trainees marked present at least once
    trained: frozenset[int]  # trainees who completed the training
    also_present: frozenset[int]  # anyone else marked present at least once
    percent: int = 80  # the completion rule's share of the hours

    def hours(self, person: int) -> Decimal:
        record = self.records.get(person)
        return record.hours if record is not None else Decimal("0.0")

    def sessions(self, person: int) -> int:
        record = self.records.get(person)
        return record.sessions if record is not None else 0


def tally(
    roles: Mapping[int, str],
    kinds: Mapping[int, str],
    minutes: Mapping[int, int],
    marks: Mapping[int, Mapping[int, bool]],
    registered: Mapping[int, Collection[int]] | None = None,
    within: Collection[int] | None = None,
    statuses: Mapping[int, str] | None = None,
    percent: int = 80,
    required: Collection[int] = (),
) -> Tally:
    """Count from plain data: person -> role, session -> kind and exact minutes,
    session -> person -> present, session -> registered people; ``within`` limits the count
    to some people (a delegation, a group, a person; None: everyone); ``statuses``: person ->
    status for those not simply confirmed; ``percent`` and ``required`` (the sessions of
    required modules): the completion rule."""
    wanted = set(roles) if within is None else {p for p in within if p in roles}
    sessions: dict[int, int] = dict.fromkeys(wanted, 0)
    spent: dict[int, int] = dict.fromkeys(wanted, 0)
    offered: dict[int, int] = dict.fromkeys(wanted, 0)
    for session, marked in marks.items():
        kind = kinds.get(session)
        if kind is None or kind in NOT_ON_ROLL:
            continue
        length = minutes.get(session, 0) if kind in TRAINING_KINDS else 0
        for person, present in marked.items():
            if present and person in sessions:
                sessions[person] += 1
                spent[person] += length
    own: dict[int, int] = dict.fromkeys(wanted, 0)
    missed: dict[int, int] = dict.fromkeys(wanted, 0)
    needed = set(required)
    for session, people in (registered or {}).items():
        if kinds.get(session) in TRAINING_KINDS:
            length = minutes.get(session, 0)
            marked = marks.get(session, {})
            for person in people:
                if person in offered:
                    offered[person] += length
                    if marked.get(person):
                        own[person] += length
                    elif session in needed:
                        missed[person] += 1
    status = (statuses or {}).get
    records = {
        p: Record(
            p,
            roles[p],
            sessions[p],
            spent[p],
            offered[p],
            status(p, "confirmed"),
            own[p],
            missed[p],
        )
        for p in wanted
    }
    trainees = frozenset(p for p, r in records.items() if r.trainee)
    return Tally(
        records,
        trainees,
        frozenset(p for p in trainees if records[p].attended),
        frozenset(p for p in trainees if completed(records[p], percent)),
        frozenset(p for p, r in records.items() if not r.trainee and r.attended),
        percent,
    )


def tally_of(plan: Snapshot, within: Collection[int] | None = None) -> Tally:
    """The tally of a plan's snapshot read with its ``PEOPLE`` and ``ATTENDANCE`` parts."""
    sessions = plan.sessions.values()
    return tally(
        {p.id: p.role for p in plan.people.values()},
        {s.id: s.kind for s in sessions},
        {s.id: (s.end - s.start) // 60 for s in sessions},
        plan.marks,
        plan.registered,
        within,
        {p.id: p.status for p in plan.people.values() if p.status != "confirmed"},
        plan.completion_percent,
        plan.required,
    )


def load(store: PlanStore, within: Collection[int] | None = None) -> Tally:
    """The plan's tally, read from the plan (for the window)."""
    return tally_of(Snapshot.read(store, {PEOPLE, ATTENDANCE}, personal=False), within)
