"""The forms of the agenda: modules of the curriculum, trainers' unavailable times and sessions."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QWidget

from planner import operations, queries
from planner.domain.labels import SESSION_KIND_LABELS, SessionKind, kind_label
from ui.dialogs.editors.common import Extra, FormBuilder, Forms, keep_duration
from ui.dialogs.form import FormDialog, FormField, Section
from ui.widgets.fields import (
    CheckField,
    CheckListField,
    ChoiceField,
    ColourField,
    DateTimeField,
    IntField,
    NotesField,
    SearchCombo,
    TextField,
)


class AgendaForms(Forms):
    def builders(self) -> dict[str, FormBuilder]:
        return {
            "module": self.module,
            "unavailability": self.unavailability,
            "session": self.session,
        }

    def module(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
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
                    FormField(
                        "required",
                        self.tr("Re&quired"),
                        CheckField(self.tr("Required to complete the training"), parent),
                        self.tr(
                            "A trainee completes the training only if present at every session"
                            " of this module in their audience."
                        ),
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

    def unavailability(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
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

    def session(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
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
                        SearchCombo(self.choices.refs("module"), self.tr("(no module)"), parent),
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
            keep_duration(start, end)

        return sections, extra
