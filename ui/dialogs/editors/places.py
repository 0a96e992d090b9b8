"""The forms of places (venues, hotels, airports, sites) and their rooms, used by the agenda
and logistics alike."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from planner.domain.labels import PlaceKind, place_kind_label
from planner.queries.summary import plan_city
from ui.dialogs.editors.common import Extra, FormBuilder, Forms, zone_items
from ui.dialogs.form import FormField, Section
from ui.widgets.clock import ClockField
from ui.widgets.fields import (
    ChoiceField,
    IntField,
    MoneyField,
    NotesField,
    NumberField,
    SearchCombo,
    TextField,
)


class PlacesForms(Forms):
    def builders(self) -> dict[str, FormBuilder]:
        return {
            "venue": self.venue,
            "room": self.room,
        }

    def venue(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        kinds = [(k.value, place_kind_label(k.value)) for k in PlaceKind]
        # the examples are of this plan's city, not of the demo's
        store = self.ctrl.store
        city = plan_city(store) if store is not None else ""
        city_hint = self.tr("e.g. %1").replace("%1", city) if city else ""
        zones = [("", self.tr("(the plan's time zone)")), *zone_items()]
        return [
            Section(
                self.tr("Place"),
                [
                    FormField(
                        "name", self.tr("&Name"), TextField(parent, self.tr("e.g. Training centre"))
                    ),
                    FormField("kind", self.tr("&Kind"), ChoiceField(kinds, parent)),
                    FormField("city", self.tr("&City"), TextField(parent, city_hint, 100)),
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
                        TextField(parent, self.tr("three letters"), 10),
                        self.tr("The three-letter code on tickets, for airports."),
                    ),
                    FormField(
                        "timezone",
                        self.tr("Time &zone"),
                        SearchCombo(zones, None, parent),
                        self.tr("Only if not the plan's: an airport abroad."),
                    ),
                    FormField(
                        "latitude",
                        self.tr("&Latitude"),
                        NumberField(parent, self.tr("decimal degrees, north +")),
                    ),
                    FormField(
                        "longitude",
                        self.tr("Lon&gitude"),
                        NumberField(parent, self.tr("decimal degrees, east +")),
                        self.tr("From a map: right-click the place and copy its coordinates."),
                    ),
                    FormField(
                        "opens",
                        self.tr("O&pens at"),
                        ClockField(self.formats, parent, "06:00"),
                        self.tr("Leave both empty if it is always open."),
                    ),
                    FormField(
                        "closes", self.tr("Clo&ses at"), ClockField(self.formats, parent, "18:00")
                    ),
                ],
                column=1,
            ),
        ], None

    def room(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        venues = self.choices.refs("venue")
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
                    FormField(
                        "currency", self.tr("C&urrency"), self.choices.currency(parent, True)
                    ),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            )
        ], None
