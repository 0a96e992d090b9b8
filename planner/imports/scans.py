"""Scans from phones (or a door's own list): a .csv or .xlsx file with a code column and a time
column, optional session and device columns, as KoboCollect, ODK Collect or a scanner app
export them. :func:`preview` reads and judges every row (the rule of
:mod:`planner.rules.checkin`); :func:`apply` records the expected ones in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.labels import GONE_STATUSES, status_label
from planner.domain.reference import fold
from planner.imports.readers import Table, column_letter, read_table
from planner.operations.batches import Batch
from planner.operations.checkin import Mark, record_scans
from planner.queries import door as door_reads
from planner.queries.badges import codes_of
from planner.queries.snapshot import Snapshot
from planner.rules.checkin import NO_SESSION, Door
from planner.store import PlanStore

# headings each column goes by (folded: any case, with or without accents)
CODE = ("code", "codigo", "badge", "badge code", "codigo de gafete", "qr", "barcode")
TIME = (
    "time",
    "hora",
    "timestamp",
    "scanned at",
    "scan time",
    "date time",
    "datetime",
    "fecha y hora",
    "fecha",
    "end",
    "_submission_time",
)
SESSION = ("session", "sesion")
DEVICE = ("device", "dispositivo", "deviceid", "device id", "phone", "telefono")
_LOCAL = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")


@dataclass(frozen=True)
class Seen:
    """A scan that names a person of the plan."""

    row: int
    person: int
    name: str
    session: int | None  # the session it counts for (None: none of theirs)
    title: str
    at: datetime
    device: str
    expected: int | None = None  # unexpected: where they are expected instead
    expected_title: str = ""
    reason: str = ""  # unexpected: not_in_audience or no_session
    message: str = ""  # unexpected: the same in words


@dataclass
class ScanPreview:
    path: Path
    recorded: list[Seen] = field(default_factory=list)
    already: list[Seen] = field(default_factory=list)  # same person and session, earlier
    unexpected: list[Seen] = field(default_factory=list)
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (row, code)
    invalid: list[tuple[int, str]] = field(default_factory=list)  # (row, reason)

    @property
    def clean(self) -> bool:
        """Every scan recorded or already there (exit 0)."""
        return not (self.unexpected or self.unknown or self.invalid)


def _column(table: Table, names: tuple[str, ...]) -> int | None:
    wanted = {fold(n) for n in names}
    for i, heading in enumerate(table.headers):
        if fold(heading) in wanted:
            return i
    return None


def _known(text: str) -> bool:
    return fold(text) in {fold(n) for n in (*CODE, *TIME, *SESSION, *DEVICE)}


def read(path: str | Path) -> tuple[Table, int, int, int | None, int | None]:
    """The file's sheet and its code, time, session and device columns; refused in words
    when a required column is missing."""
    table = read_table(path, known_headers=_known)
    code, time = _column(table, CODE), _column(table, TIME)
    missing = [
        word
        for word, found in (
            (_("a code column (code, código)"), code),
            (_("a time column (time, hora)"), time),
        )
        if found is None
    ]
    if missing:
        raise PlannerError(
            _(
                "{name}, sheet {sheet}: no {what} among the headings of row {row} ({headings})."
                " Name the columns code and time (or código and hora)."
            ).format(
                name=Path(path).name,
                sheet=table.sheet,
                what=_(" and ").join(missing),
                row=table.header_row,
                headings=", ".join(h for h in table.headers if h) or "—",
            )
        )
    assert code is not None and time is not None
    return table, code, time, _column(table, SESSION), _column(table, DEVICE)


def parse_time(value: Any, zone: ZoneInfo) -> datetime | None:
    """A scan's time: a spreadsheet's date and time, ISO 8601 with its offset, or local
    "2023-11-27 09:31" in the plan's zone. None when it is none of them."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    text = str(value or "").strip()
    if not text:
        return None
    found = _LOCAL.match(text)
    if found:
        y, mo, d, h, mi, s = (int(g) if g else 0 for g in found.groups())
        try:
            return datetime(y, mo, d, h, mi, s, tzinfo=zone)
        except ValueError:
            return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def preview(store: PlanStore, path: str | Path, session: str | None = None) -> ScanPreview:
    """Read and judge every scan; nothing is written. ``session``: an ID or a title (a title
    shared by parallel sessions, "Module 3", means whichever of them is the person's)."""
    table, code_col, time_col, session_col, device_col = read(path)
    plan = Snapshot.read(store, ())
    with store.reading() as r:
        codes = codes_of(r)
        statuses = door_reads.statuses(r)
        marked = door_reads.present_marks(r)
    door = Door(plan)
    chosen = sessions_named(plan, session) if session else None
    out = ScanPreview(Path(path))
    seen: set[tuple[int, int]] = set()
    for row, cells in table.rows:
        raw = str(cells[code_col] or "").strip() if code_col < len(cells) else ""
        if not raw:
            if any(c not in (None, "") for c in cells):
                out.invalid.append(
                    (row, _("no code (column {column})").format(column=column_letter(code_col)))
                )
            continue
        at = parse_time(cells[time_col] if time_col < len(cells) else None, plan.zone)
        if at is None:
            out.invalid.append(
                (
                    row,
                    _(
                        "the time '{value}' (column {column}) is not a date and time; write it"
                        " as 2023-11-27 09:31"
                    ).format(
                        value=cells[time_col] if time_col < len(cells) else "",
                        column=column_letter(time_col),
                    ),
                )
            )
            continue
        person = codes.person_id(raw)
        if person is None or person not in plan.names:
            out.unknown.append((row, raw))
            continue
        wanted = chosen
        if session_col is not None and session_col < len(cells) and cells[session_col]:
            try:
                wanted = sessions_named(plan, str(cells[session_col]))
            except PlannerError as exc:
                out.invalid.append((row, str(exc)))
                continue
        device = (
            str(cells[device_col] or "").strip()
            if device_col is not None and device_col < len(cells)
            else ""
        )
        seen_at = int(at.timestamp())
        verdict = door.judge(person, seen_at, wanted)
        name = plan.names.get(person, "")
        title = plan.sessions[verdict.session].title if verdict.session in plan.sessions else ""
        if verdict.ok and verdict.session is not None:
            scan = Seen(row, person, name, verdict.session, title, at, device)
            key = (verdict.session, person)
            (out.already if key in marked or key in seen else out.recorded).append(scan)
            seen.add(key)
            continue
        expected = verdict.expected
        out.unexpected.append(
            Seen(
                row,
                person,
                name,
                verdict.session,
                title,
                at,
                device,
                expected,
                plan.sessions[expected].title if expected in plan.sessions else "",
                verdict.reason,
                _why(plan, verdict.reason, statuses.get(person, ""), expected),
            )
        )
    return out


def _why(plan: Snapshot, reason: str, status: str, expected: int | None) -> str:
    if status in GONE_STATUSES:
        return _("no longer taking part ({status})").format(status=status_label(status))
    if reason == NO_SESSION:
        return _("in no session at that time")
    if expected is not None and expected in plan.sessions:
        return _("not in this session's audience; expected at {title}").format(
            title=plan.sessions[expected].title
        )
    return _("not in this session's audience")


def sessions_named(plan: Snapshot, text: str) -> frozenset[int]:
    """The sessions an ID or a title names (every session with that title)."""
    text = text.strip()
    if text.isdigit() and int(text) in plan.sessions:
        return frozenset({int(text)})
    wanted = fold(text)
    found = frozenset(s.id for s in plan.sessions.values() if fold(s.title) == wanted)
    if not found:
        raise PlannerError(
            _("There is no session '{session}' in the plan; give its ID or its title.").format(
                session=text
            )
        )
    return found


def apply(store: PlanStore, pv: ScanPreview) -> Batch | None:
    """Record the expected scans, in one transaction (None when there were none to record)."""
    marks = [
        Mark(s.session, s.person, s.at, s.device) for s in pv.recorded if s.session is not None
    ]
    return record_scans(store, marks, _("Check in from {name}").format(name=pv.path.name))
