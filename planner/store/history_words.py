"""The history in words: a change-log row's values as a logistics officer reads them.

Times in the plan's zone (a flight's in its airport's), dates as dates, kinds and roles by
their labels, linked items by their names, a session's audience as "Group A added to the
audience", a personal field's values masked. No database code: :mod:`planner.store.history`
reads the
log and the names, this module only words what it found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.i18n import N_, Nn_, _, format_date, ngettext
from planner.domain.labels import (
    BUDGET_CATEGORY_LABELS,
    CLEARANCE_LABELS,
    DIRECTION_LABELS,
    MEAL_LABELS,
    PLACE_KIND_LABELS,
    ROLE_LABELS,
    SESSION_KIND_LABELS,
    SEX_LABELS,
    TRAVEL_MODE_LABELS,
    field_label,
)
from planner.domain.printable import printable

MASK = "•••"  # a personal field's value, wherever the history shows one
LONGEST = 80  # characters of a value shown; longer text (notes) ends in "…"

# values of a field that people know by a label: (table, field) -> labels
ENUM_LABELS: dict[tuple[str, str], dict[Any, str]] = {
    ("agenda_session", "kind"): SESSION_KIND_LABELS,
    ("venue", "kind"): PLACE_KIND_LABELS,
    ("person", "role"): ROLE_LABELS,
    ("person", "sex"): SEX_LABELS,
    ("travel", "direction"): DIRECTION_LABELS,
    ("travel", "mode"): TRAVEL_MODE_LABELS,
    ("visit_stop", "clearance"): CLEARANCE_LABELS,
    ("budget_line", "category"): BUDGET_CATEGORY_LABELS,
    ("budget_category", "category"): BUDGET_CATEGORY_LABELS,
    ("catering_rate", "kind"): MEAL_LABELS,
}

# plan settings by the name people know them by
SETTING_NAMES = {
    "import_mappings": N_("remembered import columns"),
    "rotation": N_("rotation settings"),
    "transfer_window_minutes": N_("airport transfer window"),
}

# lists of linked items: link -> (what was added, what was removed), plural forms by how many
LINK_PHRASES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "audience": (
        Nn_("{names} added to the audience", "{names} added to the audience"),
        Nn_("{names} removed from the audience", "{names} removed from the audience"),
    ),
    "passengers": (
        Nn_("{names} added to the passengers", "{names} added to the passengers"),
        Nn_("{names} removed from the passengers", "{names} removed from the passengers"),
    ),
    "facilitator_ids": (
        Nn_("{names} added to the facilitators", "{names} added to the facilitators"),
        Nn_("{names} removed from the facilitators", "{names} removed from the facilitators"),
    ),
    "trainer_ids": (
        Nn_("{names} added to the trainers", "{names} added to the trainers"),
        Nn_("{names} removed from the trainers", "{names} removed from the trainers"),
    ),
    "member_ids": (
        Nn_("{names} added to the members", "{names} added to the members"),
        Nn_("{names} removed from the members", "{names} removed from the members"),
    ),
}
# the table each kind of audience entry names
AUDIENCE_TABLES = {"group": "participant_group", "delegation": "delegation", "person": "person"}

# what an added or deleted item was, beyond its name (a session's day, times and room)
DESCRIBED: dict[str, tuple[str, ...]] = {
    "agenda_session": ("start", "end", "room_id", "audience"),
    "ride": ("start", "end", "from_id", "to_id", "vehicle_id", "passengers"),
    "travel": ("direction", "departs_at", "arrives_at"),
    "unavailability": ("start", "end"),
    "stay": ("check_in", "check_out"),
    "room_block": ("rooms", "check_in", "check_out"),
    "attendance": ("session_id", "present"),
    "group_member": ("group_id",),
}
# the column holding the zone of a moment, where an item keeps one (a flight's airport's)
ZONE_COLUMNS = {"travel": {"departs_at": "departs_tz", "arrives_at": "arrives_tz"}}

Names = Callable[[str, Any], str]  # (table, id) -> the item's name


@cache
def _columns() -> dict[str, dict[str, tuple[str, str]]]:
    """table -> {column name or attribute key: (attribute key, "moment" | "date" | "flag" | "")}.

    A change log names a field by its attribute ("start") when the ORM wrote it, by its column
    ("starts_at") when a deletion's snapshot did; both read as the attribute."""
    from sqlalchemy import Boolean, Date

    from planner.domain.model import AwareDateTime, Base

    found: dict[str, dict[str, tuple[str, str]]] = {}
    for mapper in Base.registry.mappers:
        table = mapper.local_table.name  # type: ignore[attr-defined]
        columns = found.setdefault(table, {})
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            sort = (
                "moment"
                if isinstance(column.type, AwareDateTime)
                else "flag"
                if isinstance(column.type, Boolean)
                else "date"
                if isinstance(column.type, Date)
                else ""
            )
            columns[column.name] = columns[attr.key] = (attr.key, sort)
    return found


def field_key(table: str, key: str) -> str:
    """A field as its attribute: "starts_at" -> "start"."""
    return _columns().get(table, {}).get(key, (key, ""))[0]


def _shorten(text: str) -> str:
    text = printable(text)
    return text if len(text) <= LONGEST else text[: LONGEST - 1].rstrip() + "…"


class Phrasing:
    """Words for one plan's history: its zone, and the names of the items it mentions."""

    def __init__(self, zone: ZoneInfo, name: Names, links: dict[tuple[str, str], str]) -> None:
        self.zone, self.name, self.links = zone, name, links

    # --- one value ------------------------------------------------------------------------------

    def moment(self, value: Any, zone: ZoneInfo | None = None) -> datetime | None:
        if isinstance(value, datetime):
            found = value
        else:
            try:
                found = datetime.fromisoformat(str(value))
            except ValueError:
                return None
        if found.tzinfo is None:
            found = found.replace(tzinfo=ZoneInfo("UTC"))  # the log keeps moments in UTC
        return found.astimezone(zone or self.zone)

    def when(self, moment: datetime, day_known: date | None = None) -> str:
        """'27 Nov 2023 09:30', or '10:15' when the day is ``day_known``; a moment in another
        zone than the plan's says which."""
        text = f"{moment:%H:%M}"
        if moment.date() != day_known:
            text = f"{format_date(moment.date(), 'medium')} {text}"
        zone = moment.tzinfo
        if isinstance(zone, ZoneInfo) and zone.key != self.zone.key:
            text += f" ({zone.key})"
        return text

    def value(
        self,
        table: str,
        key: str,
        value: Any,
        zone: ZoneInfo | None = None,
        day_known: date | None = None,
    ) -> str:
        """One field's value as people read it ("—" for none)."""
        if value is None or value == "" or value == []:
            return "—"
        if value == MASK:
            return MASK
        key = field_key(table, key)
        sort = _columns().get(table, {}).get(key, (key, ""))[1]
        target = self.links.get((table, key))
        if target and isinstance(value, int) and not isinstance(value, bool):
            return self.name(target, value)
        if key in LINK_PHRASES:
            return ", ".join(self.linked(key, value))
        labels = ENUM_LABELS.get((table, key))
        if labels is not None and value in labels:
            return _(labels[value])
        if table == "plan_setting" and key == "key" and value in SETTING_NAMES:
            return _(SETTING_NAMES[value])
        if sort == "moment":
            moment = self.moment(value, zone)
            if moment is not None:
                return self.when(moment, day_known)
        if sort == "date":
            try:
                return format_date(date.fromisoformat(str(value)[:10]), "medium")
            except ValueError:
                pass
        if isinstance(value, bool) or sort == "flag":
            return _("yes") if value else _("no")
        if key == "duration_minutes" and isinstance(value, int):
            return _("{n} min").format(n=value)
        return _shorten(str(value))

    def linked(self, link: str, entries: Iterable[Any]) -> list[str]:
        """The names in a list of linked items (people's ids; an audience's [kind, id] pairs)."""
        names = []
        for entry in entries:
            if isinstance(entry, list | tuple) and len(entry) == 2:
                names.append(self.name(AUDIENCE_TABLES.get(str(entry[0]), str(entry[0])), entry[1]))
            else:
                names.append(self.name("person", entry))
        return sorted(names, key=str.casefold)

    # --- one entry ------------------------------------------------------------------------------

    def _zone_of(
        self, table: str, key: str, values: dict[str, Any], zones: dict[str, str]
    ) -> ZoneInfo | None:
        column = ZONE_COLUMNS.get(table, {}).get(key)
        name = (values.get(column) or zones.get(column)) if column else None
        if not name:
            return None
        try:
            return ZoneInfo(str(name))
        except (ValueError, KeyError, OSError):
            return None

    def details(
        self,
        table: str,
        kind: str,
        changes: Sequence[tuple[str, Any, Any]],
        zones: dict[str, str] | None = None,
    ) -> list[str]:
        """What changed, one phrase a field: 'start: 27 Nov 2023 09:30 → 10:30', 'Group A added
        to the audience', 'phone: ••• → •••'; for an added or deleted item, what it was."""
        zones = zones or {}
        if table == "plan_setting":
            return []  # its value is the program's own record (remembered columns)
        if kind != "update":
            return self._described(
                table,
                {field_key(table, k): o if kind == "delete" else n for k, o, n in changes},
                zones,
            )
        values = {field_key(table, k): n for k, _o, n in changes}
        phrases = []
        moved = self._moved(table, changes)
        if moved:
            phrases.append(moved)
        for raw, old, new in changes:
            key = field_key(table, raw)
            if moved and key in ("start", "end"):
                continue
            if key in LINK_PHRASES:
                phrases.extend(self._link_change(key, old or [], new or []))
                continue
            zone = self._zone_of(table, key, values, zones)
            shown_old = self.value(table, key, old, zone)
            day = None
            if _columns().get(table, {}).get(key, ("", ""))[1] == "moment" and old:
                before = self.moment(old, zone)
                day = before.date() if before is not None else None
            shown_new = self.value(table, key, new, zone, day_known=day)
            phrases.append(f"{field_label(key)}: {shown_old} → {shown_new}")
        return phrases

    def _moved(self, table: str, changes: Sequence[tuple[str, Any, Any]]) -> str:
        """'moved: 27 Nov 2023 09:30–10:15 → 10:00–10:45' when a session's (a ride's, an
        unavailable time's) start and end both changed."""
        found = {field_key(table, k): (o, n) for k, o, n in changes}
        if "start" not in found or "end" not in found:
            return ""
        (old_start, new_start), (old_end, new_end) = found["start"], found["end"]
        moments = [self.moment(v) if v else None for v in (old_start, old_end, new_start, new_end)]
        if any(m is None for m in moments):
            return ""
        a, b, c, d = moments
        assert a is not None and b is not None and c is not None and d is not None
        before = f"{self.when(a)}–{self.when(b, a.date())}"
        after = f"{self.when(c, a.date())}–{self.when(d, c.date())}"
        return _("moved: {old} → {new}").format(old=before, new=after)

    def _link_change(self, link: str, old: Sequence[Any], new: Sequence[Any]) -> list[str]:
        def key(entry: Any) -> Any:
            return tuple(entry) if isinstance(entry, list) else entry

        before, after = {key(e) for e in old}, {key(e) for e in new}
        added_phrase, removed_phrase = LINK_PHRASES[link]
        phrases = []
        for entries, (singular, plural) in (
            ([e for e in new if key(e) not in before], added_phrase),
            ([e for e in old if key(e) not in after], removed_phrase),
        ):
            if entries:
                names = self.linked(link, entries)
                phrases.append(
                    ngettext(singular, plural, len(names)).format(names=", ".join(names))
                )
        return phrases

    def _described(self, table: str, values: dict[str, Any], zones: dict[str, str]) -> list[str]:
        """An added or deleted item's day, times and place: '27 Nov 2023 09:30–10:15; room:
        Aula 1'."""
        phrases = []
        wanted = DESCRIBED.get(table, ())
        if "start" in wanted and values.get("start") and values.get("end"):
            start = self.moment(values["start"])
            end = self.moment(values["end"])
            if start is not None and end is not None:
                phrases.append(f"{self.when(start)}–{self.when(end, start.date())}")
                wanted = tuple(k for k in wanted if k not in ("start", "end"))
        for key in wanted:
            value = values.get(key)
            if value in (None, "", []):
                continue
            zone = self._zone_of(table, key, values, zones)
            phrases.append(f"{field_label(key)}: {self.value(table, key, value, zone)}")
        return phrases
