"""The add/edit dialog of every kind of item, built on :class:`FormDialog`."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from planner import queries
from planner.errors import PlannerError
from planner.labels import (
    ROLE_LABELS,
    SESSION_KIND_LABELS,
    Role,
    SessionKind,
    kind_label,
    noun,
    role_label,
    sex_label,
)
from ui.controller import PlanController
from ui.dialogs.form import FormDialog, FormField, Section
from ui.formats import Formats
from ui.widgets.fields import (
    CheckListField,
    ChoiceField,
    ColourField,
    DateField,
    DateTimeField,
    IntField,
    NotesField,
    SearchCombo,
    TextField,
)


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
        from planner import ops

        store = self.ctrl.require()
        try:
            if item_id is not None:
                initial = ops.get_values(store, kind, item_id)
            else:
                initial = {**ops.kind(kind).defaults, **(preset or {})}
        except PlannerError as exc:
            self.ctrl.failed.emit(str(exc))
            return None
        version = initial.pop("version", None)
        builder = getattr(self, f"_{kind}")
        sections, extra = builder(parent, item_id, initial)
        what = noun(kind)
        title = (self.tr("New %s") % what) if item_id is None else (self.tr("Edit %s") % what)
        dialog: FormDialog

        def validate(values: dict[str, Any]) -> list[Any]:
            return ops.validate(store, kind, values, item_id)

        def submit(values: dict[str, Any]) -> bool:
            if item_id is None:
                new_id = self.ctrl.create(kind, values)
                dialog.created_id = new_id  # type: ignore[attr-defined]
                return new_id is not None
            changes = dialog.changed_values()
            if not changes:
                return True
            return self.ctrl.update(kind, item_id, changes, expected_version=version)

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
        if extra is not None:
            extra(dialog)
        return dialog

    # choices
    def _refs(self, what: str) -> list[tuple[Any, str]]:
        return [(c.id, c.label) for c in queries.choices(self.ctrl.require(), what)]

    def _countries(self, parent: QWidget) -> SearchCombo:
        items = [(code, f"{name} ({code})") for code, name in queries.countries()]
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
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
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
                    FormField("role_other", self.tr("Role &description"), role_other),
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
        return [
            Section(
                self.tr("Venue"),
                [
                    FormField(
                        "name", self.tr("&Name"), TextField(parent, self.tr("e.g. Training centre"))
                    ),
                    FormField("city", self.tr("&City"), TextField(parent, "Tegucigalpa", 100)),
                    FormField("address", self.tr("&Address"), TextField(parent, "", 300)),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            )
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
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            )
        ], None

    def _module(self, parent: QWidget, item_id: int | None,
                initial: dict[str, Any]) -> tuple[list[Section], Any]:
        people = [(c.id, c.label, c.detail) for c in queries.choices(self.ctrl.require(),
                                                                      "person")]
        number = IntField(parent, maximum=999)
        number.setMinimum(1)
        return [
            Section(self.tr("Module"), [
                FormField("number", self.tr("N&umber"), number),
                FormField("title", self.tr("&Title"), TextField(parent, self.tr(
                    "e.g. Psychological first aid"), 300)),
                FormField("duration_minutes", self.tr("&Duration"), IntField(
                    parent, maximum=7 * 24 * 60, suffix=self.tr(" min")), self.tr(
                    "Teaching time for one group; a rotation gives it whole slots.")),
                FormField("room_size", self.tr("&Seats needed"), IntField(
                    parent, suffix=self.tr(" seats")), self.tr(
                    "The smallest room it can use; 0 means the group's size.")),
                FormField("equipment", self.tr("&Equipment"), TextField(
                    parent, self.tr("e.g. projector, flip chart"), 300),
                    self.tr("Rooms must have all of it. Separate items with commas.")),
                FormField("colour", self.tr("Co&lour"), ColourField(parent)),
                FormField("notes", self.tr("N&otes"), NotesField(parent)),
            ]),
            Section(self.tr("Who can give it"), [
                FormField("trainer_ids", self.tr("&Trainers"), CheckListField(
                    people, parent, self.tr("Filter people…"))),
            ], column=1),
        ], None

    def _unavailability(self, parent: QWidget, item_id: int | None,
                        initial: dict[str, Any]) -> tuple[list[Section], Any]:
        from planner import ops

        plan = ops.plan_values(self.ctrl.require())
        zone = ZoneInfo(plan["timezone"])
        if "start" not in initial:
            initial["start"] = datetime.combine(plan["start_date"], time(8, 0), tzinfo=zone)
            initial["end"] = initial["start"] + timedelta(hours=4)
        fmt = f"{self.formats.date_pattern()} {self.formats.time_pattern()}"
        people = [(c.id, f"{c.label} — {c.detail}" if c.detail else c.label)
                  for c in queries.choices(self.ctrl.require(), "person")]
        return [Section(self.tr("Unavailable time"), [
            FormField("person_id", self.tr("&Person"), SearchCombo(
                people, self.tr("(choose a person)"), parent)),
            FormField("start", self.tr("&From"), DateTimeField(zone, parent, fmt),
                      self.tr("Local time in %s") % zone.key),
            FormField("end", self.tr("&Until"), DateTimeField(zone, parent, fmt)),
            FormField("note", self.tr("&Note"), TextField(parent, self.tr(
                "e.g. flies back on Thursday afternoon"), 300)),
        ])], None

    def _session(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Any]:
        from planner import ops

        store = self.ctrl.require()
        plan = ops.plan_values(store)
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
                    FormField("module_id", self.tr("&Module"), SearchCombo(
                        self._refs("module"), self.tr("(no module)"), parent)),
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

        return sections, extra
