"""The agenda as a list: one row per session, to Excel and back.

Columns: Session ID, Date, Start, End, Title, Kind, Room, Audience, Facilitators (Spanish
headings accepted: Fecha, Inicio, Fin, Título, Tipo, Sala, Participantes, Facilitadores), and
also Location, Module, Description and Notes. Several names in one cell are separated by
semicolons; audience names are groups, delegations or people, facilitators are people. A row
with a known Session ID updates that session, a row without one creates a session. An exported
list imports back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from planner.domain.errors import PlannerError
from planner.domain.i18n import LANGUAGES, N_, _, language, ngettext
from planner.domain.inputs import MULTILINE_FIELDS, clean_field
from planner.domain.labels import SESSION_KIND_LABELS, kind_label
from planner.domain.reference import fold
from planner.imports.people.cells import parse_date, text_of
from planner.imports.people.rows import DUPLICATE, ERROR, NEW, UPDATE, Cancelled, InvalidRows
from planner.imports.readers import Table
from planner.imports.report import empty_report
from planner.queries.matching import Names, name_key
from planner.store import PlanStore, Reader

if TYPE_CHECKING:  # the ORM is loaded to write, not to check a file
    from planner.operations.batches import Batch

COLUMNS: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "id",
        N_("Session ID"),
        ("session id", "id", "id de sesion", "id sesion", "sesion id", "no. de sesion"),
    ),
    ("date", N_("Date"), ("fecha", "date", "dia", "day")),
    (
        "start",
        N_("Start"),
        ("inicio", "hora de inicio", "hora inicio", "start", "from", "desde", "starts", "begin"),
    ),
    ("end", N_("End"), ("fin", "hora de fin", "hora fin", "end", "to", "hasta", "ends", "termina")),
    (
        "title",
        N_("Title"),
        ("titulo", "title", "sesion", "session", "tema", "actividad", "activity"),
    ),
    ("kind", N_("Kind"), ("tipo", "kind", "type", "tipo de sesion")),
    ("room", N_("Room"), ("sala", "room", "aula", "salon")),
    (
        "audience",
        N_("Audience"),
        ("participantes", "audience", "asistentes", "publico", "grupos", "who", "para"),
    ),
    (
        "facilitators",
        N_("Facilitators"),
        (
            "facilitadores",
            "facilitators",
            "capacitadores",
            "trainers",
            "ponentes",
            "responsables",
            "facilitador",
            "facilitator",
        ),
    ),
    ("location", N_("Location"), ("ubicacion", "location", "lugar", "place")),
    ("module", N_("Module"), ("modulo", "module")),
    ("description", N_("Description"), ("descripcion", "description", "detalles", "details")),
    ("notes", N_("Notes"), ("notas", "observaciones", "notes", "comments", "comentarios")),
]
TEXT_FIELDS = ("location", "description", "notes")
TEXT_LIMITS = {"title": 300, "location": 300}  # as a session keeps them


def known_header(text: str) -> bool:
    key = name_key(text)
    return any(key == alias for _f, _l, aliases in COLUMNS for alias in aliases)


def headers_for(lang: str | None = None) -> list[str]:
    with language(lang or "en"):
        return [_(label) for _f, label, _a in COLUMNS]


def map_columns(table: Table) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, header in enumerate(table.headers):
        key = name_key(header)
        for name, label, aliases in COLUMNS:
            if name not in found and (
                key in aliases or key in (name_key(label), name_key(_(label)))
            ):
                found[name] = index
                break
    missing = [n for n in ("date", "start", "end", "title") if n not in found]
    if missing:
        labels = {n: _(label) for n, label, _a in COLUMNS}
        raise PlannerError(
            _(
                "{name} ({sheet}) has no column for {missing}. An agenda list"
                " needs at least Date, Start, End and Title (or Fecha, Inicio,"
                " Fin, Título)."
            ).format(
                name=table.path.name,
                sheet=table.sheet,
                missing=", ".join(labels[m] for m in missing),
            )
        )
    return found


# --- reading rows -------------------------------------------------------------------------------

TIME_RE = re.compile(r"^(\d{1,2})[:.h](\d{2})(?:[:.]\d{2})?\s*([ap])?\.?\s*m?\.?$")


def parse_clock(value: Any) -> time | datetime:
    """A time of day (or a full date and time) from a cell."""
    if isinstance(value, datetime):
        return value if value.date() != date(1899, 12, 30) else value.time()
    if isinstance(value, time):
        return value
    if isinstance(value, float | int) and not isinstance(value, bool) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return time(minutes // 60, minutes % 60)
    if isinstance(value, timedelta):
        minutes = int(value.total_seconds() // 60)
        return time(minutes // 60 % 24, minutes % 60)
    text = fold(text_of(value)).replace(" ", "")
    match = TIME_RE.match(
        text.replace("a.m.", "a").replace("p.m.", "p").replace("am", "a").replace("pm", "p")
    )
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if match.group(3) == "p" and hour < 12:
            hour += 12
        elif match.group(3) == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValueError(
        _("'{value}' is not a time; write it like 08:30 or 14:45").format(value=text_of(value))
    )


@cache
def _kind_names() -> dict[str, frozenset[str]]:
    """Every name a kind of session goes by, folded: its code and its label in each language
    of the catalogue ("site_visit", "site visit", "visita de campo")."""
    names: dict[str, frozenset[str]] = {}
    for code in SESSION_KIND_LABELS:
        found = {name_key(code), name_key(code.replace("_", " "))}
        for lang in LANGUAGES:
            with language(lang):
                found.add(name_key(kind_label(code)))
        names[code] = frozenset(found)
    return names


def parse_kind(text: str) -> str:
    """The kind of session a cell names: its code, or its label in English or Spanish (case
    and accents do not count), or the first or last word of a label of several words when
    that word names one kind only ("Visita" for "Visita de campo", "Visit" for "Site visit")."""
    key = name_key(text)
    if not key:
        return "training"
    names = _kind_names()
    for code, known in names.items():
        if key in known:
            return code
    partial = {
        code
        for code, known in names.items()
        for name in known
        if " " in name and key in (name.split()[0], name.split()[-1])
    }
    if len(partial) == 1:
        return partial.pop()
    raise ValueError(
        _("'{value}' is not a kind of session; use one of: {kinds}").format(
            value=text, kinds=", ".join(kind_label(k) for k in SESSION_KIND_LABELS)
        )
    )


def _names(cell: Any) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", text_of(cell)) if part.strip()]


@dataclass
class AgendaRow:
    row: int
    status: str
    title: str
    values: dict[str, Any]
    session_id: int | None = None
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    note: str = ""  # why a row without an ID is already there
    same_as_row: int | None = None  # an earlier row of the file

    @property
    def name(self) -> str:
        return self.title


@dataclass
class AgendaPreview:
    table: Table
    rows: list[AgendaRow]
    day_first: bool = True

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def errors(self) -> list[AgendaRow]:
        return [r for r in self.rows if r.status == ERROR]


def preview(
    store: PlanStore,
    table: Table,
    day_first: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> AgendaPreview:
    """Check every row against the plan's rooms, groups and people. Writes nothing."""
    return AgendaPreview(
        table, _check_all(table, Names.load(store), day_first, cancelled), day_first
    )


def _check_all(
    table: Table, names: Names, day_first: bool, cancelled: Callable[[], bool] | None = None
) -> list[AgendaRow]:
    """Every row checked against ``names`` (what the plan holds). A row without a Session ID
    that is the same in every column as a session of the plan, or as an earlier row, is
    already there: importing a list twice adds its sessions once."""
    columns = map_columns(table)
    rows = []
    seen: dict[tuple[Any, ...], AgendaRow] = {}
    for n, (row_number, cells) in enumerate(table.rows):
        if cancelled is not None and n % 200 == 0 and cancelled():
            raise Cancelled
        row = _check(row_number, cells, columns, names, day_first)
        if row.status == NEW:
            key = _signature(row.values)
            earlier = seen.get(key)
            if earlier is not None:
                row.status, row.same_as_row = DUPLICATE, earlier.row
                row.note = _("the same session as row {row}").format(row=earlier.row)
            else:
                seen[key] = row
        rows.append(row)
    return rows


def _signature(values: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in values.items()))


def _same_session(values: dict[str, Any], names: Names) -> int | None:
    """The plan's session that holds exactly these values, if any."""
    for session_id, current in names.sessions.items():
        if (
            current["title"] == values.get("title")
            and current["start"] == values.get("start")
            and all(current.get(k) == v for k, v in values.items())
        ):
            return session_id
    return None


def _cell(cells: list[Any], columns: dict[str, int], name: str) -> Any:
    index = columns.get(name)
    return cells[index] if index is not None and index < len(cells) else None


def _check(
    row_number: int, cells: list[Any], columns: dict[str, int], names: Names, day_first: bool
) -> AgendaRow:
    reasons: list[str] = []
    values: dict[str, Any] = {}
    title = text_of(_cell(cells, columns, "title"))
    if not title:
        reasons.append(_("no title"))
    values["title"] = title
    session_id: int | None = None
    raw_id = _cell(cells, columns, "id")
    if raw_id not in (None, ""):
        try:
            session_id = int(float(text_of(raw_id)))
        except ValueError:
            reasons.append(_("'{value}' is not a session ID").format(value=text_of(raw_id)))
        else:
            if session_id not in names.sessions:
                reasons.append(
                    _(
                        "there is no session with ID {id} in the plan; leave the ID"
                        " empty to add a new session"
                    ).format(id=session_id)
                )
    day: date | None = None
    try:
        day = parse_date(_cell(cells, columns, "date"), day_first)
    except ValueError as exc:
        reasons.append(_("date: {reason}").format(reason=exc))
    start = end = None
    for key in ("start", "end"):
        raw = _cell(cells, columns, key)
        if raw in (None, ""):
            reasons.append(
                _("no {what} time").format(
                    what=_(dict((n, label) for n, label, _a in COLUMNS)[key]).lower()
                )
            )
            continue
        try:
            clock = parse_clock(raw)
        except ValueError as exc:
            reasons.append(str(exc))
            continue
        if key == "start":
            start = clock
        else:
            end = clock
    if day is not None and start is not None and end is not None:
        zone = names.zone
        begin = (
            start.replace(tzinfo=zone)
            if isinstance(start, datetime)
            else datetime.combine(day, start, tzinfo=zone)
        )
        finish = (
            end.replace(tzinfo=zone)
            if isinstance(end, datetime)
            else datetime.combine(begin.date(), end, tzinfo=zone)
        )
        if finish <= begin and not isinstance(end, datetime):
            finish += timedelta(days=1)  # ends after midnight
        values["start"], values["end"] = begin, finish
    try:
        values["kind"] = parse_kind(text_of(_cell(cells, columns, "kind")))
    except ValueError as exc:
        reasons.append(str(exc))
    room_text = text_of(_cell(cells, columns, "room"))
    values["room_id"] = None
    if room_text:
        found = names.rooms.get(name_key(room_text), [])
        if len(found) == 1:
            values["room_id"] = found[0]
        elif found:
            reasons.append(
                _("several rooms are called '{room}'; write it as 'room — venue'").format(
                    room=room_text
                )
            )
        else:
            reasons.append(
                _(
                    "room '{room}' is not in the plan; add it on the Places & rooms"
                    " page or correct the name"
                ).format(room=room_text)
            )
    audience: list[tuple[str, int]] = []
    for name in _names(_cell(cells, columns, "audience")):
        key = name_key(name)
        if key in names.groups:
            audience.append(("group", names.groups[key]))
        elif key in names.delegations:
            audience.append(("delegation", names.delegations[key]))
        elif len(names.people.get(key, [])) == 1:
            audience.append(("person", names.people[key][0]))
        elif names.people.get(key):
            reasons.append(
                _("several people are called '{name}'; invite them on the calendar").format(
                    name=name
                )
            )
        else:
            reasons.append(
                _("'{name}' is not a group, delegation or person of the plan").format(name=name)
            )
    values["audience"] = sorted(set(audience))
    facilitators: list[int] = []
    for name in _names(_cell(cells, columns, "facilitators")):
        found = names.people.get(name_key(name), [])
        if len(found) == 1:
            facilitators.append(found[0])
        elif found:
            reasons.append(
                _(
                    "several people are called '{name}'; choose the facilitator on the calendar"
                ).format(name=name)
            )
        else:
            reasons.append(_("facilitator '{name}' is not a person of the plan").format(name=name))
    values["facilitator_ids"] = sorted(set(facilitators))
    module_text = text_of(_cell(cells, columns, "module"))
    values["module_id"] = None
    if module_text:
        module = names.modules.get(name_key(module_text)) or names.modules.get(module_text)
        if module is None:
            reasons.append(
                _("module '{module}' is not in the curriculum").format(module=module_text)
            )
        values["module_id"] = module
    for key in TEXT_FIELDS:
        if key in columns:
            raw = _cell(cells, columns, key)
            values[key] = (
                clean_field(key, raw).strip()  # notes keep their lines
                if key in MULTILINE_FIELDS and isinstance(raw, str)
                else text_of(raw)
            )
    for key, limit in TEXT_LIMITS.items():
        if len(values.get(key) or "") > limit:
            reasons.append(
                _("{field} is too long ({length} characters, at most {limit})").format(
                    field=_(dict((n, label) for n, label, _a in COLUMNS)[key]),
                    length=len(values[key]),
                    limit=limit,
                )
            )
    if reasons:
        return AgendaRow(row_number, ERROR, title, values, session_id, reasons)
    if session_id is None:
        same = _same_session(values, names)
        if same is not None:
            return AgendaRow(
                row_number,
                DUPLICATE,
                title,
                {},
                same,
                note=_("already in the plan as session {id}, the same in every column").format(
                    id=same
                ),
            )
        return AgendaRow(row_number, NEW, title, values)
    current = names.sessions[session_id]
    changes = [k for k, v in values.items() if current.get(k) != v]
    status = UPDATE if changes else DUPLICATE
    return AgendaRow(
        row_number,
        status,
        title,
        {k: values[k] for k in changes} if changes else {},
        session_id,
        changes=changes,
    )


def apply(store: PlanStore, pv: AgendaPreview, *, skip_invalid: bool = False) -> Batch:
    """Create and update the sessions in one transaction; returns a ``planner.operations.Batch``.

    The rows are checked against the plan again inside the transaction, which holds the
    plan's write lock: an import of the same list that finished since the preview counts
    (its sessions are "already there"), and ``pv.rows`` then say what this import did."""
    from planner.operations.agenda import ImportedSession, import_sessions

    if pv.errors and not skip_invalid:
        raise InvalidRows(
            ngettext(
                "{n} row has errors, so nothing was imported. Fix it in the file, or import the"
                " other rows and skip it.",
                "{n} rows have errors, so nothing was imported. Fix them in the file, or import the"
                " other rows and skip them.",
                len(pv.errors),
            ).format(n=len(pv.errors))
        )

    def rows_in(r: Reader) -> list[ImportedSession]:
        before = len(pv.errors)
        pv.rows = _check_all(pv.table, Names.load_from(r), pv.day_first)
        if len(pv.errors) > before and not skip_invalid:
            changed = len(pv.errors) - before
            raise InvalidRows(
                ngettext(
                    "{n} row no longer fits the plan, which was changed while the file was being"
                    " checked, so nothing was imported. Check the file again.",
                    "{n} rows no longer fit the plan, which was changed while the file was being"
                    " checked, so nothing was imported. Check the file again.",
                    changed,
                ).format(n=changed)
            )
        return [
            ImportedSession(row.row, None if row.status == NEW else row.session_id, row.values)
            for row in pv.rows
            if row.status == NEW or (row.status == UPDATE and row.session_id is not None)
        ]

    label = _("Import the agenda from {file}").format(file=pv.table.path.name)
    return import_sessions(store, label, rows_in)


def report(pv: AgendaPreview) -> dict[str, list[dict[str, Any]]]:
    out = empty_report()
    for row in pv.rows:
        if row.status == NEW:
            out["created"].append({"row": row.row, "name": row.title})
        elif row.status == UPDATE:
            out["updated"].append(
                {"row": row.row, "name": row.title, "id": row.session_id, "fields": row.changes}
            )
        elif row.status == DUPLICATE:
            entry: dict[str, Any] = {"row": row.row, "name": row.title, "id": row.session_id}
            if row.note:
                entry["reason"] = row.note
            if row.same_as_row is not None:
                entry["same_as_row"] = row.same_as_row
            out["duplicates"].append(entry)
        else:
            out["rejected"].append(
                {"row": row.row, "name": row.title, "reason": "; ".join(row.reasons)}
            )
        for warning in row.warnings:
            out["warnings"].append({"row": row.row, "reason": warning})
    return out
