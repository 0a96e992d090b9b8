"""The add/edit dialog of every kind of item, built on :class:`FormDialog`."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QWidget

from planner import queries
from planner.domain import reference
from planner.domain.errors import PlannerError
from planner.domain.labels import (
    ROLE_LABELS,
    SESSION_KIND_LABELS,
    BudgetCategory,
    Clearance,
    Direction,
    Meal,
    PlaceKind,
    Role,
    SessionKind,
    TravelMode,
    budget_category_label,
    clearance_label,
    direction_label,
    kind_label,
    meal_label,
    noun,
    place_kind_label,
    role_label,
    sex_label,
    travel_mode_label,
)
from planner.domain.reference import currency_codes, timezones
from ui.dialogs.form import FormDialog, FormField, Section
from ui.formats import Formats
from ui.session.controller import PlanController
from ui.widgets.fields import (
    CheckField,
    CheckListField,
    ChoiceField,
    ColourField,
    DateField,
    DateTimeField,
    FixedField,
    IntField,
    MoneyField,
    MonthField,
    NotesField,
    NumberField,
    OptionalDateTimeField,
    SearchCombo,
    TextField,
)

COMMON_CURRENCIES = ["USD", "HNL", "PAB", "EUR", "GTQ", "NIO", "CRC", "MXN", "COP", "DOP"]


def zone_items() -> list[tuple[str, str]]:
    """The time zones to choose from: the named ones, then UTC."""
    return [
        (z, z)
        for z in sorted(timezones())
        if "/" in z and not z.startswith(("Etc/", "SystemV/", "posix/", "right/"))
    ] + [("UTC", "UTC")]


def compact(combo: Any) -> Any:
    """A combo box whose long items (a visit's title) do not squeeze the form's labels."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(24)
    return combo


def currency_items() -> list[tuple[str, str]]:
    others = sorted(c for c in currency_codes() if c not in COMMON_CURRENCIES)
    return [(c, c) for c in COMMON_CURRENCIES + others]


class ItemEditor(QObject):
    """Opens the right dialog for a kind of item, and saves through the controller."""

    def __init__(self, ctrl: PlanController, formats: Formats, parent: QObject | None = None):
        super().__init__(parent)
        self.ctrl = ctrl
        self.formats = formats

    # entry point
    def open(
        self,
        parent: QWidget,
        kind: str,
        item_id: int | None = None,
        preset: dict[str, Any] | None = None,
    ) -> FormDialog | None:
        """Build the dialog (not shown yet); ``exec()`` it. None if the item is gone."""
        from planner import operations

        store = self.ctrl.require()
        try:
            if item_id is not None:
                initial = operations.get_values(store, kind, item_id)
            else:
                initial = {**operations.kind(kind).defaults, **(preset or {})}
        except PlannerError as exc:
            self.ctrl.failed.emit(str(exc))
            return None
        version = initial.pop("version", None)
        builder = getattr(self, f"_{kind}")
        sections, extra = builder(parent, item_id, initial)
        if kind == "session" and initial.get("kind") == SessionKind.SITE_VISIT:
            what = noun("site_visit")
        else:
            what = noun("place" if kind == "venue" else kind)
        title = (self.tr("New %s") % what) if item_id is None else (self.tr("Edit %s") % what)
        dialog: FormDialog

        def validate(values: dict[str, Any]) -> list[Any]:
            return operations.validate(store, kind, values, item_id)

        def submit(values: dict[str, Any]) -> bool:
            if item_id is None:
                new_id = self.ctrl.create(kind, values)
                dialog.created_id = new_id  # type: ignore[attr-defined]
                return new_id is not None
            changes = dialog.changed_values()
            if not changes:
                return True
            return self.ctrl.update(
                kind, item_id, changes, expected_version=version, labels=dialog.labels()
            )

        dialog = FormDialog(
            parent,
            title,
            sections,
            validate,
            submit,
            initial,
            ok_text=self.tr("Add") if item_id is None else self.tr("Save"),
        )
        dialog.created_id = None  # type: ignore[attr-defined]
        dialog.setObjectName(f"{kind}_dialog")
        # gone once closed: a day of editing does not pile hidden forms on the window
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if kind in (
            "room_block",
            "stay",
            "road_time",
            "stop",
            "vehicle",
            "per_diem_rate",
            "exchange_rate",
            "catering_rate",
            "funding_source",
            "budget_category",
            "budget_actual",
        ):
            dialog.setMinimumWidth(max(dialog.minimumWidth(), 500))  # room for long choices
        if extra is not None:
            extra(dialog)
        return dialog

    # choices
    def _refs(self, what: str) -> list[tuple[Any, str]]:
        return [(c.id, c.label) for c in queries.choices(self.ctrl.require(), what)]

    def _countries(self, parent: QWidget) -> SearchCombo:
        items = [(code, f"{name} ({code})") for code, name in reference.countries()]
        return SearchCombo(items, self.tr("(not set)"), parent)

    # kinds
    def _organisation(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        return [
            Section(
                self.tr("Organisation"),
                [
                    FormField(
                        "name",
                        self.tr("&Name"),
                        TextField(parent, self.tr("e.g. National Border Service of Panama")),
                    ),
                    FormField("acronym", self.tr("&Acronym"), TextField(parent, "SENAFRONT", 40)),
                    FormField("country", self.tr("&Country"), self._countries(parent)),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            )
        ], None

    def _delegation(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        store = self.ctrl.require()
        members = (
            [(c.id, c.label) for c in queries.members_of_delegation(store, item_id)]
            if item_id is not None
            else []
        )
        head = SearchCombo(members, self.tr("(no head chosen)"), parent)
        hint = (
            ""
            if item_id is not None
            else self.tr("Add the delegation's people first, then choose its head here.")
        )
        head.setEnabled(item_id is not None and bool(members))
        return [
            Section(
                self.tr("Delegation"),
                [
                    FormField(
                        "name",
                        self.tr("&Name"),
                        TextField(parent, self.tr("e.g. Panama delegation")),
                    ),
                    FormField("country", self.tr("&Country"), self._countries(parent)),
                    FormField(
                        "organisation_id",
                        self.tr("&Organisation"),
                        SearchCombo(self._refs("organisation"), self.tr("(none)"), parent),
                    ),
                    FormField("head_id", self.tr("&Head"), head, hint),
                    FormField(
                        "colour",
                        self.tr("Co&lour"),
                        ColourField(parent),
                        self.tr("Used in lists and on the calendar."),
                    ),
                    FormField("notes", self.tr("No&tes"), NotesField(parent)),
                ],
            )
        ], None

    def _person(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        sexes = [
            (None, sex_label(None)),
            ("female", sex_label("female")),
            ("male", sex_label("male")),
            ("other", sex_label("other")),
        ]
        roles = [(r.value, role_label(r.value)) for r in Role if r.value in ROLE_LABELS]
        role = ChoiceField(roles, parent)
        role_other = TextField(parent, self.tr("Describe the role"), 100)
        birth = DateField(
            parent,
            optional=True,
            display_format=self.formats.date_pattern(),
            empty_text=self.tr("not known"),
        )
        sections = [
            Section(
                self.tr("Identity"),
                [
                    FormField("given_name", self.tr("&Given names"), TextField(parent, "", 100)),
                    FormField("family_name", self.tr("&Family names"), TextField(parent, "", 100)),
                    FormField("sex", self.tr("&Sex"), ChoiceField(sexes, parent)),
                    FormField("birth_date", self.tr("Date of &birth"), birth),
                    FormField("nationality", self.tr("&Nationality"), self._countries(parent)),
                    FormField(
                        "id_number", self.tr("&ID or passport no."), TextField(parent, "", 60)
                    ),
                ],
            ),
            Section(
                self.tr("Role in the plan"),
                [
                    FormField(
                        "delegation_id",
                        self.tr("&Delegation"),
                        SearchCombo(self._refs("delegation"), self.tr("(none)"), parent),
                    ),
                    FormField(
                        "organisation_id",
                        self.tr("&Organisation"),
                        SearchCombo(self._refs("organisation"), self.tr("(none)"), parent),
                    ),
                    FormField("role", self.tr("&Role"), role),
                    FormField("role_other", self.tr("Role des&cription"), role_other),
                    FormField("position", self.tr("&Position or rank"), TextField(parent)),
                    FormField("duty_station", self.tr("D&uty station"), TextField(parent)),
                ],
            ),
            Section(
                self.tr("Contact and needs"),
                [
                    FormField("email", self.tr("&Email"), TextField(parent, "name@example.org")),
                    FormField("phone", self.tr("P&hone"), TextField(parent, "+504 0000-0000", 60)),
                    FormField(
                        "languages",
                        self.tr("&Languages"),
                        TextField(parent, self.tr("e.g. Spanish, English")),
                    ),
                    FormField(
                        "dietary_needs",
                        self.tr("Dietar&y needs"),
                        TextField(parent, self.tr("e.g. Vegetarian")),
                    ),
                    FormField(
                        "accessibility_needs", self.tr("&Accessibility needs"), TextField(parent)
                    ),
                    FormField("notes", self.tr("No&tes"), NotesField(parent)),
                ],
                column=1,
            ),
        ]

        def extra(dialog: FormDialog) -> None:
            def sync() -> None:
                role_other.setEnabled(role.value() == Role.OTHER)

            role.edited.connect(sync)
            sync()

        return sections, extra

    def _group(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        people = [(c.id, c.label, c.detail) for c in queries.choices(self.ctrl.require(), "person")]
        return [
            Section(
                self.tr("Group"),
                [
                    FormField("name", self.tr("&Name"), TextField(parent, self.tr("e.g. Group A"))),
                    FormField(
                        "delegation_id",
                        self.tr("&Delegation"),
                        SearchCombo(self._refs("delegation"), self.tr("(none)"), parent),
                        self.tr("The delegation its members come from, if one."),
                    ),
                    FormField("colour", self.tr("Co&lour"), ColourField(parent)),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            ),
            Section(
                self.tr("Members"),
                [
                    FormField(
                        "member_ids",
                        self.tr("&Members"),
                        CheckListField(
                            people, parent, self.tr("Filter people by name or delegation…")
                        ),
                    ),
                ],
                column=1,
            ),
        ], None

    def _venue(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        kinds = [(k.value, place_kind_label(k.value)) for k in PlaceKind]
        zones = [("", self.tr("(the plan's time zone)")), *zone_items()]
        return [
            Section(
                self.tr("Place"),
                [
                    FormField(
                        "name", self.tr("&Name"), TextField(parent, self.tr("e.g. Training centre"))
                    ),
                    FormField("kind", self.tr("&Kind"), ChoiceField(kinds, parent)),
                    FormField("city", self.tr("&City"), TextField(parent, "Tegucigalpa", 100)),
                    FormField("address", self.tr("&Address"), TextField(parent, "", 300)),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            ),
            Section(
                self.tr("Travel and opening hours"),
                [
                    FormField(
                        "code",
                        self.tr("Airport co&de"),
                        TextField(parent, "TGU", 10),
                        self.tr("The three-letter code on tickets, for airports."),
                    ),
                    FormField(
                        "timezone",
                        self.tr("Time &zone"),
                        SearchCombo(zones, None, parent),
                        self.tr("Only if not the plan's: an airport abroad."),
                    ),
                    FormField("latitude", self.tr("&Latitude"), NumberField(parent, "14.0611")),
                    FormField("longitude", self.tr("Lon&gitude"), NumberField(parent, "-87.2172")),
                    FormField(
                        "opens",
                        self.tr("O&pens at"),
                        TextField(parent, "06:00", 5),
                        self.tr("Leave both empty if it is always open."),
                    ),
                    FormField("closes", self.tr("Clo&ses at"), TextField(parent, "18:00", 5)),
                ],
                column=1,
            ),
        ], None

    def _room(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        venues = self._refs("venue")
        return [
            Section(
                self.tr("Room"),
                [
                    FormField(
                        "venue_id",
                        self.tr("&Venue"),
                        ChoiceField([(None, self.tr("(choose a venue)")), *venues], parent),
                    ),
                    FormField(
                        "name", self.tr("&Name"), TextField(parent, self.tr("e.g. Room 1"), 100)
                    ),
                    FormField(
                        "capacity", self.tr("&Capacity"), IntField(parent, suffix=self.tr(" seats"))
                    ),
                    FormField(
                        "equipment",
                        self.tr("&Equipment"),
                        TextField(parent, self.tr("e.g. projector, flip chart"), 300),
                        self.tr("Separate items with commas."),
                    ),
                    FormField(
                        "day_rate",
                        self.tr("Day &rate"),
                        MoneyField(parent, self.tr("e.g. 250.00")),
                        self.tr(
                            "What the plan pays for each day the room has a session; leave empty"
                            " if the plan does not pay for it."
                        ),
                    ),
                    FormField("currency", self.tr("C&urrency"), self._currency(parent, True)),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            )
        ], None

    def _module(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        people = [(c.id, c.label, c.detail) for c in queries.choices(self.ctrl.require(), "person")]
        number = IntField(parent, maximum=999)
        number.setMinimum(1)
        return [
            Section(
                self.tr("Module"),
                [
                    FormField("number", self.tr("N&umber"), number),
                    FormField(
                        "title",
                        self.tr("&Title"),
                        TextField(parent, self.tr("e.g. Psychological first aid"), 300),
                    ),
                    FormField(
                        "duration_minutes",
                        self.tr("&Duration"),
                        IntField(parent, maximum=7 * 24 * 60, suffix=self.tr(" min")),
                        self.tr("Teaching time for one group; a rotation gives it whole slots."),
                    ),
                    FormField(
                        "room_size",
                        self.tr("&Seats needed"),
                        IntField(parent, suffix=self.tr(" seats")),
                        self.tr("The smallest room it can use; 0 means the group's size."),
                    ),
                    FormField(
                        "equipment",
                        self.tr("&Equipment"),
                        TextField(parent, self.tr("e.g. projector, flip chart"), 300),
                        self.tr("Rooms must have all of it. Separate items with commas."),
                    ),
                    FormField("colour", self.tr("Co&lour"), ColourField(parent)),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            ),
            Section(
                self.tr("Who can give it"),
                [
                    FormField(
                        "trainer_ids",
                        self.tr("T&rainers"),
                        CheckListField(people, parent, self.tr("Filter people…")),
                    ),
                ],
                column=1,
            ),
        ], None

    def _unavailability(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from planner import operations

        plan = operations.plan_values(self.ctrl.require())
        zone = ZoneInfo(plan["timezone"])
        if "start" not in initial:
            initial["start"] = datetime.combine(plan["start_date"], time(8, 0), tzinfo=zone)
            initial["end"] = initial["start"] + timedelta(hours=4)
        fmt = f"{self.formats.date_pattern()} {self.formats.time_pattern()}"
        people = [
            (c.id, f"{c.label} — {c.detail}" if c.detail else c.label)
            for c in queries.choices(self.ctrl.require(), "person")
        ]
        return [
            Section(
                self.tr("Unavailable time"),
                [
                    FormField(
                        "person_id",
                        self.tr("&Person"),
                        SearchCombo(people, self.tr("(choose a person)"), parent),
                    ),
                    FormField(
                        "start",
                        self.tr("&From"),
                        DateTimeField(zone, parent, fmt),
                        self.tr("Local time in %s") % zone.key,
                    ),
                    FormField("end", self.tr("&Until"), DateTimeField(zone, parent, fmt)),
                    FormField(
                        "note",
                        self.tr("&Note"),
                        TextField(parent, self.tr("e.g. flies back on Thursday afternoon"), 300),
                    ),
                ],
            )
        ], None

    def _session(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from planner import operations

        store = self.ctrl.require()
        plan = operations.plan_values(store)
        zone = ZoneInfo(initial.get("timezone") or plan["timezone"])
        if "start" not in initial:
            day = plan["start_date"]
            initial["start"] = datetime.combine(day, time(9, 0), tzinfo=zone)
            initial["end"] = initial["start"] + timedelta(hours=1)
        fmt = f"{self.formats.date_pattern()} {self.formats.time_pattern()}"
        start = DateTimeField(zone, parent, fmt)
        end = DateTimeField(zone, parent, fmt)
        kinds = [
            (k.value, kind_label(k.value)) for k in SessionKind if k.value in SESSION_KIND_LABELS
        ]
        audience_items = (
            [(("group", c.id), c.label, self.tr("group")) for c in queries.choices(store, "group")]
            + [
                (("delegation", c.id), c.label, self.tr("delegation"))
                for c in queries.choices(store, "delegation")
            ]
            + [(("person", c.id), c.label, c.detail) for c in queries.choices(store, "person")]
        )
        people = [(c.id, c.label, c.detail) for c in queries.choices(store, "person")]
        rooms = [
            (c.id, self.tr("%1 (%2 seats)").replace("%1", c.label).replace("%2", c.detail))
            for c in queries.choices(store, "room")
        ]
        sections = [
            Section(
                self.tr("Session"),
                [
                    FormField(
                        "title",
                        self.tr("&Title"),
                        TextField(parent, self.tr("e.g. Module 1: Child protection"), 300),
                    ),
                    FormField("kind", self.tr("&Kind"), ChoiceField(kinds, parent)),
                    FormField(
                        "start", self.tr("&Starts"), start, self.tr("Local time in %s") % zone.key
                    ),
                    FormField("end", self.tr("&Ends"), end),
                    FormField(
                        "room_id",
                        self.tr("&Room"),
                        SearchCombo(rooms, self.tr("(no room)"), parent),
                    ),
                    FormField(
                        "location",
                        self.tr("&Location"),
                        TextField(parent, self.tr("Where, if not in a room"), 300),
                    ),
                    FormField(
                        "module_id",
                        self.tr("&Module"),
                        SearchCombo(self._refs("module"), self.tr("(no module)"), parent),
                    ),
                    FormField("description", self.tr("&Description"), NotesField(parent)),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            ),
            Section(
                self.tr("Who"),
                [
                    FormField(
                        "audience",
                        self.tr("&Audience"),
                        CheckListField(
                            audience_items, parent, self.tr("Filter groups, delegations, people…")
                        ),
                    ),
                    FormField(
                        "facilitator_ids",
                        self.tr("&Facilitators"),
                        CheckListField(people, parent, self.tr("Filter people…")),
                    ),
                ],
                column=1,
            ),
        ]

        def extra(dialog: FormDialog) -> None:
            _keep_duration(start, end)

        return sections, extra

    # travel, accommodation, site visits and vehicles
    def _datetime_format(self) -> str:
        return f"{self.formats.date_pattern()} {self.formats.time_pattern()}"

    def _places(self, parent: QWidget, none_label: str | None, first: str = "") -> SearchCombo:
        """Places to choose from by name; those of the kind ``first`` (hotels, airports…) on
        top, the others after them with their kind."""
        found = queries.places(self.ctrl.require())
        if not first:
            return compact(SearchCombo([(c.id, c.label) for c in found], none_label, parent))
        top = [(c.id, c.label) for c in found if c.detail == first]
        rest = [
            (c.id, f"{c.label} ({place_kind_label(c.detail)})") for c in found if c.detail != first
        ]
        return compact(SearchCombo(top + rest, none_label, parent))

    def _people(self, none_label: str, parent: QWidget, first_role: str = "") -> SearchCombo:
        items = [
            (c.id, f"{c.label} — {c.detail}" if c.detail else c.label)
            for c in queries.choices(self.ctrl.require(), "person")
        ]
        if first_role:
            wanted = queries.people_with_role(self.ctrl.require(), first_role)
            items = [i for i in items if i[0] in wanted] + [i for i in items if i[0] not in wanted]
        return compact(SearchCombo(items, none_label, parent))

    def _units(self) -> list[tuple[Any, str, str]]:
        """Groups, delegations and people, to tick (an audience, a ride's passengers)."""
        store = self.ctrl.require()
        return (
            [(("group", c.id), c.label, self.tr("group")) for c in queries.choices(store, "group")]
            + [
                (("delegation", c.id), c.label, self.tr("delegation"))
                for c in queries.choices(store, "delegation")
            ]
            + [(("person", c.id), c.label, c.detail) for c in queries.choices(store, "person")]
        )

    def _visits(self) -> list[queries.SiteVisitRow]:
        return sorted(queries.site_visits(self.ctrl.require()), key=lambda v: v.start)

    def _visit_label(self, visit: queries.SiteVisitRow) -> str:
        return f"{self.formats.weekday_date(visit.start.date())} — {visit.title}"

    def _travel(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from planner import operations

        store = self.ctrl.require()
        plan = operations.plan_values(store)
        plan_zone = plan["timezone"]
        if item_id is None and initial.get("place_id") is None:
            initial["place_id"] = plan.get("arrival_airport_id")
        arrival = initial.get("direction", Direction.ARRIVAL) == Direction.ARRIVAL
        place_zone = queries.place_zone(store, initial.get("place_id")) or plan_zone
        # times are as on the ticket; a zone left empty is the town's (the place's, the plan's)
        initial["arrives_tz"] = initial.get("arrives_tz") or (place_zone if arrival else plan_zone)
        initial["departs_tz"] = initial.get("departs_tz") or (plan_zone if arrival else place_zone)
        if (
            item_id is None
            and initial.get("arrives_at") is None
            and initial.get("departs_at") is None
        ):
            local = "arrives" if arrival else "departs"
            day = plan["start_date"] if arrival else plan["end_date"]
            initial[f"{local}_at"] = datetime.combine(
                day, time(12, 0), tzinfo=ZoneInfo(initial[f"{local}_tz"])
            )
        fmt = self._datetime_format()
        departs = OptionalDateTimeField(
            ZoneInfo(initial["departs_tz"]), parent, fmt, self.tr("not known")
        )
        arrives = OptionalDateTimeField(
            ZoneInfo(initial["arrives_tz"]), parent, fmt, self.tr("not known")
        )
        departs_tz = SearchCombo(zone_items(), None, parent)
        arrives_tz = SearchCombo(zone_items(), None, parent)
        direction = ChoiceField([(d.value, direction_label(d.value)) for d in Direction], parent)
        modes = [(m.value, travel_mode_label(m.value)) for m in TravelMode]
        place = self._places(parent, self.tr("(not set)"), PlaceKind.AIRPORT)
        sections = [
            Section(
                self.tr("Journey"),
                [
                    FormField(
                        "person_id",
                        self.tr("&Who"),
                        self._people(self.tr("(choose a person)"), parent),
                    ),
                    FormField(
                        "direction",
                        self.tr("&Direction"),
                        direction,
                        self.tr("An arrival in town, or a departure from it."),
                    ),
                    FormField("mode", self.tr("&Travel by"), ChoiceField(modes, parent)),
                    FormField(
                        "carrier",
                        self.tr("Air&line or carrier"),
                        TextField(parent, self.tr("e.g. Copa Airlines"), 100),
                    ),
                    FormField(
                        "number", self.tr("Flight or service &no."), TextField(parent, "CM 421", 20)
                    ),
                    FormField(
                        "place_id",
                        self.tr("&Airport or terminal"),
                        place,
                        self.tr(
                            "Where they land or leave from in town; transfers start or end here."
                        ),
                    ),
                    FormField(
                        "fare",
                        self.tr("Ticket &price"),
                        MoneyField(parent, self.tr("e.g. 486.40")),
                        self.tr(
                            "A return ticket's price goes on one of its two journeys; leave"
                            " empty if"
                            " the plan does not pay for it."
                        ),
                    ),
                    FormField(
                        "fare_currency", self.tr("Price c&urrency"), self._currency(parent, True)
                    ),
                    FormField("notes", self.tr("Note&s"), NotesField(parent)),
                ],
            ),
            Section(
                self.tr("Times, as on the ticket"),
                [
                    FormField(
                        "from_place",
                        self.tr("&From"),
                        TextField(parent, self.tr("e.g. Panama City (PTY)"), 200),
                    ),
                    FormField("departs_at", self.tr("D&eparts"), departs),
                    FormField("departs_tz", self.tr("Departure time &zone"), departs_tz),
                    FormField(
                        "to_place",
                        self.tr("T&o"),
                        TextField(parent, self.tr("e.g. Tegucigalpa (TGU)"), 200),
                    ),
                    FormField("arrives_at", self.tr("A&rrives"), arrives),
                    FormField(
                        "arrives_tz",
                        self.tr("Arr&ival time zone"),
                        arrives_tz,
                        self.tr(
                            "Local times where the journey leaves and lands; tick a time once it is"
                            " known."
                        ),
                    ),
                ],
                column=1,
            ),
        ]

        def extra(dialog: FormDialog) -> None:
            departs_tz.edited.connect(lambda: departs.set_zone(ZoneInfo(departs_tz.value())))
            arrives_tz.edited.connect(lambda: arrives.set_zone(ZoneInfo(arrives_tz.value())))
            departs.default = lambda: (
                arrives.value()
                or datetime.combine(plan["end_date"], time(12, 0), tzinfo=departs.zone)
            ).astimezone(departs.zone)
            arrives.default = lambda: (
                departs.value()
                or datetime.combine(plan["start_date"], time(12, 0), tzinfo=arrives.zone)
            ).astimezone(arrives.zone)

            def local_end_zone() -> None:
                zone = queries.place_zone(store, place.value())
                if zone:
                    target = arrives_tz if direction.value() == Direction.ARRIVAL else departs_tz
                    target.set_value(zone)

            def direction_changed() -> None:
                (arrives if direction.value() == Direction.ARRIVAL else departs).set_known(True)
                local_end_zone()

            place.edited.connect(local_end_zone)
            direction.edited.connect(direction_changed)

        return sections, extra

    def _room_block(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from planner import operations

        store = self.ctrl.require()
        if item_id is None:
            plan = operations.plan_values(store)
            initial.setdefault("check_in", plan["start_date"])
            initial.setdefault(
                "check_out", max(plan["end_date"], plan["start_date"] + timedelta(days=1))
            )
            if initial.get("currency") in (None, "", "USD"):
                initial["currency"] = plan["currency"] or "USD"
            hotels = [c.id for c in queries.places(store) if c.detail == PlaceKind.HOTEL]
            if initial.get("venue_id") is None and len(hotels) == 1:
                initial["venue_id"] = hotels[0]
        pattern = self.formats.date_pattern()
        hotel = self._places(parent, self.tr("(choose a hotel)"), PlaceKind.HOTEL)
        return [
            Section(
                self.tr("Rooms held by a hotel"),
                [
                    FormField("venue_id", self.tr("&Hotel"), hotel),
                    FormField(
                        "room_type",
                        self.tr("Room &type"),
                        TextField(parent, self.tr("e.g. Single, Double"), 60),
                    ),
                    FormField(
                        "rooms", self.tr("&Rooms"), IntField(parent, 10_000, self.tr(" rooms"))
                    ),
                    FormField(
                        "check_in",
                        self.tr("Check-&in"),
                        DateField(parent, display_format=pattern),
                        self.tr("The first night held."),
                    ),
                    FormField(
                        "check_out",
                        self.tr("Check-&out"),
                        DateField(parent, display_format=pattern),
                        self.tr("The morning after the last night."),
                    ),
                    FormField(
                        "nightly_rate",
                        self.tr("&Nightly rate"),
                        MoneyField(parent, self.tr("e.g. 85.50")),
                        self.tr("For one room and one night; leave empty if not known."),
                    ),
                    FormField(
                        "currency",
                        self.tr("C&urrency"),
                        SearchCombo(currency_items(), None, parent),
                    ),
                    FormField(
                        "breakfast_included",
                        self.tr("&Breakfast"),
                        CheckField(self.tr("Included in the nightly rate"), parent),
                        self.tr("The per diem of the people staying then leaves out breakfast."),
                    ),
                    FormField(
                        "notes",
                        self.tr("Note&s"),
                        NotesField(parent, self.tr("e.g. release date for unused rooms")),
                    ),
                ],
            )
        ], None

    def _stay(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from planner import operations

        store = self.ctrl.require()
        blocks = sorted(queries.room_blocks(store), key=lambda b: (b.hotel, b.check_in))
        if item_id is None:
            plan = operations.plan_values(store)
            hotels = [c.id for c in queries.places(store) if c.detail == PlaceKind.HOTEL]
            if initial.get("venue_id") is None and len(hotels) == 1:
                initial["venue_id"] = hotels[0]
            own = [b for b in blocks if b.venue_id == initial.get("venue_id")]
            if initial.get("block_id") is None and len(own) == 1:
                initial["block_id"] = own[0].id
            chosen = next((b for b in blocks if b.id == initial.get("block_id")), None)
            initial.setdefault("check_in", chosen.check_in if chosen else plan["start_date"])
            initial.setdefault(
                "check_out",
                chosen.check_out
                if chosen
                else max(plan["end_date"], plan["start_date"] + timedelta(days=1)),
            )
            if chosen and not initial.get("room_type"):
                initial["room_type"] = chosen.room_type
        fmt = self.formats

        def block_label(b: queries.RoomBlockRow) -> str:
            what = b.room_type or self.tr("rooms")
            return (
                self.tr("%1 × %2, %3 to %4")
                .replace("%1", str(b.rooms))
                .replace("%2", what)
                .replace("%3", fmt.date(b.check_in))
                .replace("%4", fmt.date(b.check_out))
            )

        none_block = (None, self.tr("(booked apart from the room blocks)"))
        block = compact(
            ChoiceField(
                [
                    none_block,
                    *(
                        (b.id, block_label(b))
                        for b in blocks
                        if b.venue_id == initial.get("venue_id")
                    ),
                ],
                parent,
            )
        )
        hotel = self._places(parent, self.tr("(choose a hotel)"), PlaceKind.HOTEL)
        check_in = DateField(parent, display_format=fmt.date_pattern())
        check_out = DateField(parent, display_format=fmt.date_pattern())
        room_type = TextField(parent, self.tr("e.g. Single, Double"), 60)
        sections = [
            Section(
                self.tr("Hotel stay"),
                [
                    FormField(
                        "person_id",
                        self.tr("&Who"),
                        self._people(self.tr("(choose a person)"), parent),
                    ),
                    FormField("venue_id", self.tr("&Hotel"), hotel),
                    FormField(
                        "block_id",
                        self.tr("Room &block"),
                        block,
                        self.tr("The hotel's rooms held for the plan that this stay uses."),
                    ),
                    FormField("check_in", self.tr("Check-&in"), check_in),
                    FormField(
                        "check_out",
                        self.tr("Check-&out"),
                        check_out,
                        self.tr("The morning they leave."),
                    ),
                    FormField("room_type", self.tr("Room &type"), room_type),
                    FormField(
                        "sharing_with_id",
                        self.tr("&Sharing with"),
                        self._people(self.tr("(a room of their own)"), parent),
                    ),
                    FormField("notes", self.tr("&Notes"), NotesField(parent)),
                ],
            )
        ]

        def extra(dialog: FormDialog) -> None:
            def hotel_changed() -> None:
                current = block.value()
                block.blockSignals(True)
                block.clear()
                for value, label in [
                    none_block,
                    *((b.id, block_label(b)) for b in blocks if b.venue_id == hotel.value()),
                ]:
                    block.addItem(label, value)
                block.set_value(current)
                block.blockSignals(False)
                block.edited.emit()

            def block_changed() -> None:
                chosen = next((b for b in blocks if b.id == block.value()), None)
                if chosen is None or item_id is not None:
                    return  # an existing stay keeps its own dates
                check_in.set_value(chosen.check_in)
                check_out.set_value(chosen.check_out)
                if chosen.room_type:
                    room_type.set_value(chosen.room_type)

            hotel.edited.connect(hotel_changed)
            block.edited.connect(block_changed)

        return sections, extra

    def _road_time(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from_place = self._places(parent, self.tr("(choose a place)"))
        to_place = self._places(parent, self.tr("(choose a place)"))
        return [
            Section(
                self.tr("Road time"),
                [
                    FormField("from_id", self.tr("&From"), from_place),
                    FormField(
                        "to_id", self.tr("&To"), to_place, self.tr("The time holds either way.")
                    ),
                    FormField(
                        "minutes",
                        self.tr("&Driving time"),
                        IntField(parent, 3 * 24 * 60, self.tr(" min")),
                        self.tr(
                            "By van, in usual traffic; rides and site visits are checked against"
                            " it."
                        ),
                    ),
                    FormField(
                        "distance_km",
                        self.tr("D&istance"),
                        IntField(parent, 10_000, self.tr(" km"), self.tr("not known")),
                    ),
                    FormField(
                        "notes",
                        self.tr("N&otes"),
                        NotesField(parent, self.tr("e.g. road works near Zambrano")),
                    ),
                ],
            )
        ], None

    def _stop(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from planner import operations

        store = self.ctrl.require()
        visits = self._visits()
        if item_id is None and initial.get("session_id") is None and len(visits) == 1:
            initial["session_id"] = visits[0].id
        visit = next((v for v in visits if v.id == initial.get("session_id")), None)
        zone = visit.start.tzinfo if visit is not None else operations.zone_of(store)
        assert isinstance(zone, ZoneInfo)
        all_stops = queries.stops(store)

        def next_stop(visit_id: Any) -> tuple[int, datetime | None]:
            """The next position of a visit and when the visit could get there."""
            own = [s for s in all_stops if s.session_id == visit_id and s.id != item_id]
            found = next((v for v in visits if v.id == visit_id), None)
            position = max((s.position for s in own), default=0) + 1
            last = max((s.leaves or s.arrives for s in own if s.leaves or s.arrives), default=None)
            return position, last or (found.start if found is not None else None)

        if item_id is None:
            position, at = next_stop(initial.get("session_id"))
            if not initial.get("position") or initial.get("position") == 1:
                initial["position"] = position
            if initial.get("arrives_at") is None and at is not None:
                initial["arrives_at"] = at
                initial.setdefault("leaves_at", at + timedelta(hours=1))
        fmt = self._datetime_format()
        arrives = OptionalDateTimeField(zone, parent, fmt, self.tr("not set"))
        leaves = OptionalDateTimeField(zone, parent, fmt, self.tr("not set"))
        visit_choice = compact(
            ChoiceField(
                [
                    (None, self.tr("(choose a site visit)")),
                    *((v.id, self._visit_label(v)) for v in visits),
                ],
                parent,
            )
        )
        position_field = IntField(parent, 99)
        position_field.setMinimum(1)
        place = self._places(parent, self.tr("(choose a place)"), PlaceKind.SITE)
        clearances = [(c.value, clearance_label(c.value)) for c in Clearance]
        sections = [
            Section(
                self.tr("Stop of a site visit"),
                [
                    FormField("session_id", self.tr("Site &visit"), visit_choice),
                    FormField(
                        "position",
                        self.tr("&Order"),
                        position_field,
                        self.tr("1 for the first stop of the visit."),
                    ),
                    FormField("venue_id", self.tr("&Place"), place),
                    FormField(
                        "arrives_at",
                        self.tr("&Arrives"),
                        arrives,
                        self.tr("Local time in %s") % zone.key,
                    ),
                    FormField("leaves_at", self.tr("&Leaves"), leaves),
                    FormField(
                        "host_name",
                        self.tr("&Host"),
                        TextField(parent, self.tr("e.g. Sub-inspector in charge"), 200),
                    ),
                    FormField(
                        "host_contact",
                        self.tr("Host's phone or &email"),
                        TextField(parent, "+504 0000-0000", 200),
                    ),
                    FormField(
                        "clearance",
                        self.tr("&Clearance"),
                        ChoiceField(clearances, parent),
                        self.tr("Permission to enter, where the place asks for it."),
                    ),
                    FormField(
                        "notes",
                        self.tr("&Notes"),
                        NotesField(parent, self.tr("e.g. bring passports; no photographs")),
                    ),
                ],
            )
        ]

        def extra(dialog: FormDialog) -> None:
            arrives.default = lambda: leaves.value() or (visit.start if visit is not None else None)
            leaves.default = lambda: (
                arrives.value() + timedelta(hours=1) if arrives.value() else None
            )

            def visit_changed() -> None:
                if item_id is not None:
                    return
                position, at = next_stop(visit_choice.value())
                position_field.set_value(position)
                if at is not None:
                    arrives.set_value(at)
                    leaves.set_value(at + timedelta(hours=1))

            visit_choice.edited.connect(visit_changed)

        return sections, extra

    def _vehicle(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from planner import operations

        if item_id is None and initial.get("currency") in (None, "", "USD"):
            initial["currency"] = operations.plan_values(self.ctrl.require())["currency"] or "USD"
        return [
            Section(
                self.tr("Vehicle"),
                [
                    FormField(
                        "name", self.tr("&Name"), TextField(parent, self.tr("e.g. Van 1"), 100)
                    ),
                    FormField(
                        "seats",
                        self.tr("Passenger &seats"),
                        IntField(parent, 100, self.tr(" seats")),
                        self.tr("Not counting the driver."),
                    ),
                    FormField(
                        "driver_id",
                        self.tr("&Driver"),
                        self._people(self.tr("(no driver yet)"), parent, Role.DRIVER),
                        self.tr("People with the role Driver are listed first."),
                    ),
                    FormField(
                        "provider",
                        self.tr("&Provider"),
                        TextField(parent, self.tr("e.g. Transportes Morazán"), 200),
                    ),
                    FormField("plate", self.tr("P&late"), TextField(parent, "PBD 4410", 20)),
                    FormField(
                        "day_rate",
                        self.tr("Day &rate"),
                        MoneyField(parent, self.tr("e.g. 120.00")),
                        self.tr("With the driver; leave empty if not known."),
                    ),
                    FormField(
                        "currency",
                        self.tr("C&urrency"),
                        SearchCombo(currency_items(), None, parent),
                    ),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            )
        ], None

    def _ride(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from planner import operations

        store = self.ctrl.require()
        plan = operations.plan_values(store)
        zone = ZoneInfo(initial.get("timezone") or plan["timezone"])
        visits = self._visits()
        visit = next((v for v in visits if v.id == initial.get("session_id")), None)
        if item_id is None and initial.get("start") is None:
            if visit is not None:
                initial["start"] = visit.start.astimezone(zone)
            else:
                initial["start"] = datetime.combine(plan["start_date"], time(9, 0), tzinfo=zone)
            initial["end"] = initial["start"] + timedelta(hours=1)
        if item_id is None and visit is not None and not initial.get("passengers"):
            initial["passengers"] = operations.get_values(store, "session", visit.id)["audience"]
        fmt = self._datetime_format()
        start = DateTimeField(zone, parent, fmt)
        end = DateTimeField(zone, parent, fmt)
        vehicles = sorted(queries.vehicles(store), key=lambda v: v.name)
        seats = {v.id: v.seats for v in vehicles}
        vehicle = compact(
            SearchCombo(
                [
                    (
                        v.id,
                        self.tr("%1 (%2 seats)").replace("%1", v.name).replace("%2", str(v.seats)),
                    )
                    for v in vehicles
                ],
                self.tr("(no vehicle yet)"),
                parent,
            )
        )
        from_place = self._places(parent, self.tr("(not set)"))
        to_place = self._places(parent, self.tr("(not set)"))
        passengers = CheckListField(
            self._units(), parent, self.tr("Filter groups, delegations, people…")
        )
        visit_choice = compact(
            ChoiceField(
                [
                    (None, self.tr("(none: an airport transfer or another ride)")),
                    *((v.id, self._visit_label(v)) for v in visits),
                ],
                parent,
            )
        )
        sections = [
            Section(
                self.tr("Ride"),
                [
                    FormField(
                        "title",
                        self.tr("&Title"),
                        TextField(parent, self.tr("e.g. Airport pick-up, CM 421"), 200),
                    ),
                    FormField("vehicle_id", self.tr("&Vehicle"), vehicle),
                    FormField(
                        "start", self.tr("&Leaves"), start, self.tr("Local time in %s") % zone.key
                    ),
                    FormField("end", self.tr("&Arrives"), end),
                    FormField("from_id", self.tr("&From"), from_place),
                    FormField("to_id", self.tr("T&o"), to_place),
                    FormField("session_id", self.tr("&Site visit"), visit_choice),
                    FormField("notes", self.tr("&Notes"), NotesField(parent)),
                ],
            ),
            Section(
                self.tr("Passengers"),
                [
                    FormField("passengers", self.tr("&Passengers"), passengers),
                ],
                column=1,
            ),
        ]

        def extra(dialog: FormDialog) -> None:
            _keep_duration(start, end)

            def count() -> None:
                n = queries.people_in(store, passengers.value())
                room = seats.get(vehicle.value())
                note = self.tr("%n person(s)", "", n)
                if room is not None:
                    note = self.tr("%1 for %2 seats").replace("%1", note).replace("%2", str(room))
                passengers.set_note(note, warn=room is not None and n > room)

            passengers.edited.connect(count)
            vehicle.edited.connect(count)
            count()

        return sections, extra

    # the budget
    def _currency(self, parent: QWidget, plans_own: bool = False) -> SearchCombo:
        """Currencies to choose from; with ``plans_own`` an empty first entry means the plan's
        currency (rooms, fares)."""
        if not plans_own:
            return SearchCombo(currency_items(), None, parent)
        from planner import operations

        currency = operations.plan_values(self.ctrl.require())["currency"]
        return SearchCombo(
            [("", self.tr("(the plan's currency, %s)") % currency), *currency_items()], None, parent
        )

    def _plan_currency(self, initial: dict[str, Any], key: str = "currency") -> str:
        """The plan's currency; a new item starts in it."""
        from planner import operations

        currency = operations.plan_values(self.ctrl.require())["currency"] or "USD"
        if initial.get(key) in (None, "", "USD") and "id" not in initial:
            initial[key] = currency
        return str(currency)

    def _months(self, parent: QWidget, none_label: str | None = None) -> MonthField:
        """The months a year either side of the plan."""
        from planner import operations

        plan = operations.plan_values(self.ctrl.require())
        first, last = plan["start_date"], plan["end_date"]
        return MonthField(
            first.replace(year=first.year - 1, day=1),
            last.replace(year=last.year + 1, day=1),
            parent,
            none_label,
        )

    def _sources(self, none_label: str, parent: QWidget) -> ChoiceField:
        found = sorted(
            queries.funding_sources(self.ctrl.require()), key=lambda s: reference.fold(s.name)
        )
        return compact(
            ChoiceField(
                [
                    (None, none_label),
                    *((s.id, f"{s.name} ({s.code})" if s.code else s.name) for s in found),
                ],
                parent,
            )
        )

    def _budget_line(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        store = self.ctrl.require()
        if item_id is None:
            self._plan_currency(initial)
        defaults = {c.category: c for c in queries.budget_categories(store)}
        categories = [
            (c.value, budget_category_label(c.value))
            for c in BudgetCategory
            if c != BudgetCategory.INDIRECT
        ]
        category = ChoiceField(categories, parent)
        code = TextField(parent, "", 60)
        source = self._sources(self.tr("(the category's funding source)"), parent)
        sections = [
            Section(
                self.tr("Budget line"),
                [
                    FormField("category", self.tr("&Category"), category),
                    FormField(
                        "description",
                        self.tr("&Description"),
                        TextField(
                            parent, self.tr("e.g. Participant manuals, printed and bound"), 300
                        ),
                    ),
                    FormField("quantity", self.tr("&Quantity"), MoneyField(parent, "220")),
                    FormField(
                        "unit",
                        self.tr("U&nit"),
                        TextField(parent, self.tr("e.g. copies, days, lump sum"), 40),
                    ),
                    FormField(
                        "unit_cost",
                        self.tr("Unit c&ost"),
                        MoneyField(parent, self.tr("e.g. 145.00")),
                    ),
                    FormField("currency", self.tr("C&urrency"), self._currency(parent)),
                    FormField(
                        "month",
                        self.tr("E&xchange rate of"),
                        self._months(parent, self.tr("(the plan's first month)")),
                        self.tr(
                            "The month whose exchange rate converts a cost in another currency."
                        ),
                    ),
                ],
            ),
            Section(
                self.tr("Funding and spending"),
                [
                    FormField(
                        "budget_code",
                        self.tr("&Budget code"),
                        code,
                        self.tr("Leave empty to use the category's code."),
                    ),
                    FormField("funding_source_id", self.tr("&Funding source"), source),
                    FormField(
                        "actual",
                        self.tr("&Actual cost"),
                        MoneyField(parent, self.tr("not known yet")),
                        self.tr("What was spent, in the plan's currency, once it is known."),
                    ),
                    FormField(
                        "notes",
                        self.tr("Note&s"),
                        NotesField(parent, self.tr("e.g. quote from Litografía López, 12 Oct")),
                    ),
                ],
                column=1,
            ),
        ]

        def extra(dialog: FormDialog) -> None:
            def category_changed() -> None:
                found = defaults.get(category.value())
                code.setPlaceholderText(found.budget_code if found else "")
                name = found.funding_source if found else ""
                source.setItemText(
                    0, self.tr("(the category's: %s)") % name if name else self.tr("(none)")
                )

            category.edited.connect(category_changed)
            category_changed()

        return sections, extra

    def _budget_actual(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from planner.rules import budget

        store = self.ctrl.require()
        result = budget.compute(store)
        key = initial.get("line_key")
        line = next((x for x in result.lines if x.key == key), None)
        if line is not None:
            shown = f"<b>{_html(line.description)}</b><br>{_html(line.explanation)}<br>" + self.tr(
                "Budgeted: %s"
            ) % self.formats.amount(line.amount, result.currency)
        else:
            shown = self.tr("A line the plan no longer computes (%s).") % (key or "?")
        fixed = FixedField(shown, parent)
        sections = [
            Section(
                self.tr("Actual cost of a computed line"),
                [
                    FormField("line_key", self.tr("Line"), fixed),
                    FormField(
                        "amount",
                        self.tr("&Actual cost"),
                        MoneyField(parent, self.tr("e.g. 6050.00")),
                        self.tr("What was spent, in %s (the plan's currency).") % result.currency,
                    ),
                    FormField(
                        "note",
                        self.tr("&Note"),
                        NotesField(parent, self.tr("e.g. invoice 2023-118, paid on 5 December")),
                    ),
                ],
            )
        ]

        def extra(dialog: FormDialog) -> None:
            if item_id is None:
                return
            clear = dialog._buttons.addButton(
                self.tr("C&lear Actual Cost"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            clear.setObjectName("clear_actual")
            clear.setToolTip(self.tr("Remove the actual cost: the line shows only its budget"))

            def remove() -> None:
                if self.ctrl.delete("budget_actual", [item_id]):
                    dialog.accept()

            clear.clicked.connect(remove)

        return sections, extra

    def _per_diem_rate(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from planner import operations

        if item_id is None:
            self._plan_currency(initial)
        lodging = operations.plan_values(self.ctrl.require())["lodging_deduction"]
        return [
            Section(
                self.tr("Per diem rate"),
                [
                    FormField(
                        "location",
                        self.tr("&Location"),
                        TextField(parent, self.tr("e.g. Tegucigalpa"), 100),
                    ),
                    FormField(
                        "daily_rate",
                        self.tr("&Daily rate"),
                        MoneyField(parent, self.tr("e.g. 190.00")),
                    ),
                    FormField("currency", self.tr("C&urrency"), self._currency(parent)),
                    FormField(
                        "lodging_share",
                        self.tr("Lod&ging share"),
                        MoneyField(parent, "56"),
                        self.tr(
                            "Per cent of the daily rate that is for lodging, left out for"
                            " each night the plan pays a hotel; empty: the plan's lodging"
                            " deduction (%s %%)."
                        )
                        % f"{lodging.normalize():f}"
                        if lodging is not None
                        else "",
                    ),
                    FormField(
                        "valid_from",
                        self.tr("&Valid from"),
                        DateField(
                            parent,
                            optional=True,
                            display_format=self.formats.date_pattern(),
                            empty_text=self.tr("not set"),
                        ),
                    ),
                    FormField(
                        "notes",
                        self.tr("N&otes"),
                        NotesField(parent, self.tr("e.g. ICSC rate for Honduras, Tegucigalpa")),
                    ),
                ],
            )
        ], None

    def _exchange_rate(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from planner import operations

        store = self.ctrl.require()
        plan = operations.plan_values(store)
        base = plan["currency"]
        known = sorted(queries.exchange_rates(store), key=lambda r: (r.currency, r.month))
        if item_id is None:
            if not initial.get("currency"):
                initial["currency"] = (
                    known[-1].currency if known else next(c for c in COMMON_CURRENCIES if c != base)
                )
            own = [r.month for r in known if r.currency == initial["currency"]]
            if initial.get("month") is None:
                month = plan["start_date"].replace(day=1)
                while month in own:
                    month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
                initial["month"] = month
        currency = self._currency(parent)
        units = MoneyField(parent, self.tr("e.g. 24.69"))
        sections = [
            Section(
                self.tr("Exchange rate"),
                [
                    FormField("currency", self.tr("C&urrency"), currency),
                    FormField(
                        "month",
                        self.tr("&Month"),
                        self._months(parent),
                        self.tr(
                            "Costs of that month in this currency are converted with this rate;"
                            " a month"
                            " without a rate uses the one before it."
                        ),
                    ),
                    FormField("units_per_base", self.tr("&Rate"), units),
                    FormField(
                        "source",
                        self.tr("&Source"),
                        TextField(parent, self.tr("e.g. UN operational rate of exchange"), 200),
                    ),
                ],
            )
        ]

        def extra(dialog: FormDialog) -> None:
            def hint() -> None:
                units.setToolTip(
                    self.tr("Units of %1 for one %2 (the plan's currency).")
                    .replace("%1", currency.value() or "?")
                    .replace("%2", base)
                )
                units.setPlaceholderText(
                    self.tr("%1 for one %2, e.g. 24.69")
                    .replace("%1", currency.value() or "?")
                    .replace("%2", base)
                )

            currency.edited.connect(hint)
            hint()

        return sections, extra

    def _catering_rate(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        store = self.ctrl.require()
        if item_id is None:
            self._plan_currency(initial)
            taken = {r.kind for r in queries.catering_rates(store)}
            free = [m.value for m in Meal if m.value not in taken]
            if free and initial.get("kind") in (None, Meal.BREAK) and Meal.BREAK in taken:
                initial["kind"] = free[0]
        meals = [(m.value, meal_label(m.value)) for m in Meal]
        return [
            Section(
                self.tr("Catering rate"),
                [
                    FormField(
                        "kind",
                        self.tr("&For"),
                        ChoiceField(meals, parent),
                        self.tr(
                            "Meal sessions are told apart by their time: breakfast before 10:30,"
                            " lunch"
                            " before 16:00, dinner after."
                        ),
                    ),
                    FormField(
                        "per_head", self.tr("&Per head"), MoneyField(parent, self.tr("e.g. 85.00"))
                    ),
                    FormField("currency", self.tr("C&urrency"), self._currency(parent)),
                    FormField(
                        "notes",
                        self.tr("N&otes"),
                        NotesField(parent, self.tr("e.g. Hotel Plaza's conference package")),
                    ),
                ],
            )
        ], None

    def _funding_source(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        return [
            Section(
                self.tr("Funding source"),
                [
                    FormField(
                        "name",
                        self.tr("&Name"),
                        TextField(parent, self.tr("e.g. Western Hemisphere Program"), 200),
                    ),
                    FormField(
                        "code",
                        self.tr("&Code"),
                        TextField(parent, "WHP-HN-2023-07", 60),
                        self.tr("The grant or project code finance uses."),
                    ),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            )
        ], None

    def _budget_category(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        store = self.ctrl.require()
        if item_id is None and not initial.get("category"):
            taken = {c.category for c in queries.budget_categories(store)}
            initial["category"] = next(
                (c.value for c in BudgetCategory if c.value not in taken),
                BudgetCategory.OTHER.value,
            )
        categories = [(c.value, budget_category_label(c.value)) for c in BudgetCategory]
        return [
            Section(
                self.tr("Budget code and funding source of a category"),
                [
                    FormField("category", self.tr("&Category"), ChoiceField(categories, parent)),
                    FormField(
                        "budget_code",
                        self.tr("&Budget code"),
                        TextField(parent, self.tr("e.g. WHP-32 Catering"), 60),
                        self.tr("Every line of the category gets it, unless the line has its own."),
                    ),
                    FormField(
                        "funding_source_id",
                        self.tr("&Funding source"),
                        self._sources(self.tr("(none)"), parent),
                    ),
                ],
            )
        ], None


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _keep_duration(start: Any, end: Any) -> None:
    """Moving the start moves the end with it; moving the end sets a new duration."""
    duration = [end.value() - start.value()]

    def start_moved() -> None:
        end.blockSignals(True)
        end.set_value(start.value() + duration[0])
        end.blockSignals(False)

    def end_moved() -> None:
        if end.value() > start.value():
            duration[0] = end.value() - start.value()

    start.edited.connect(start_moved)
    end.edited.connect(end_moved)
