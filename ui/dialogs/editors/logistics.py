"""The forms of logistics: journeys, room blocks and hotel stays, road times, the stops of a
site visit, vehicles and rides."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QWidget

from planner import operations, queries
from planner.domain.labels import (
    Clearance,
    Direction,
    PlaceKind,
    Role,
    TravelMode,
    clearance_label,
    direction_label,
    travel_mode_label,
)
from ui.dialogs.editors.common import (
    Extra,
    FormBuilder,
    Forms,
    compact,
    currency_items,
    keep_duration,
    zone_items,
)
from ui.dialogs.form import FormDialog, FormField, Section
from ui.widgets.fields import (
    CheckField,
    CheckListField,
    ChoiceField,
    DateField,
    DateTimeField,
    IntField,
    MoneyField,
    NotesField,
    OptionalDateTimeField,
    SearchCombo,
    TextField,
)


class LogisticsForms(Forms):
    def builders(self) -> dict[str, FormBuilder]:
        return {
            "travel": self.travel,
            "room_block": self.room_block,
            "stay": self.stay,
            "road_time": self.road_time,
            "stop": self.stop,
            "vehicle": self.vehicle,
            "ride": self.ride,
        }

    def travel(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
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
        fmt = self.choices.datetime_format()
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
        place = self.choices.places(parent, self.tr("(not set)"), PlaceKind.AIRPORT)
        sections = [
            Section(
                self.tr("Journey"),
                [
                    FormField(
                        "person_id",
                        self.tr("&Who"),
                        self.choices.people(self.tr("(choose a person)"), parent),
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
                        "fare_currency",
                        self.tr("Price c&urrency"),
                        self.choices.currency(parent, True),
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

    def room_block(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
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
        hotel = self.choices.places(parent, self.tr("(choose a hotel)"), PlaceKind.HOTEL)
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
                        "cutoff",
                        self.tr("&Cut-off date"),
                        DateField(
                            parent,
                            optional=True,
                            display_format=pattern,
                            empty_text=self.tr("none"),
                        ),
                        self.tr(
                            "Rooms no one is named for by then go back to the hotel (the release"
                            " date); the check warns a week before."
                        ),
                    ),
                    FormField(
                        "attrition_percent",
                        self.tr("&Attrition allowance"),
                        IntField(parent, 100, " %", self.tr("none"), zero_counts=True),
                        self.tr(
                            "The share of the room-nights held that may go unused without"
                            " charge; the check says what the hotel may bill below it."
                        ),
                    ),
                    FormField(
                        "notes",
                        self.tr("Note&s"),
                        NotesField(parent, self.tr("e.g. who at the hotel handles the block")),
                    ),
                ],
            )
        ], None

    def stay(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
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
        hotel = self.choices.places(parent, self.tr("(choose a hotel)"), PlaceKind.HOTEL)
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
                        self.choices.people(self.tr("(choose a person)"), parent),
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
                        self.choices.people(self.tr("(a room of their own)"), parent),
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

    def road_time(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        from_place = self.choices.places(parent, self.tr("(choose a place)"))
        to_place = self.choices.places(parent, self.tr("(choose a place)"))
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

    def stop(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        store = self.ctrl.require()
        visits = self.choices.visits()
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
            last = max((t for s in own if (t := s.leaves or s.arrives)), default=None)
            return position, last or (found.start if found is not None else None)

        if item_id is None:
            position, at = next_stop(initial.get("session_id"))
            if not initial.get("position") or initial.get("position") == 1:
                initial["position"] = position
            if initial.get("arrives_at") is None and at is not None:
                initial["arrives_at"] = at
                initial.setdefault("leaves_at", at + timedelta(hours=1))
        fmt = self.choices.datetime_format()
        arrives = OptionalDateTimeField(zone, parent, fmt, self.tr("not set"))
        leaves = OptionalDateTimeField(zone, parent, fmt, self.tr("not set"))
        visit_choice = compact(
            ChoiceField(
                [
                    (None, self.tr("(choose a site visit)")),
                    *((v.id, self.choices.visit_label(v)) for v in visits),
                ],
                parent,
            )
        )
        position_field = IntField(parent, 99)
        position_field.setMinimum(1)
        place = self.choices.places(parent, self.tr("(choose a place)"), PlaceKind.SITE)
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

            def an_hour_after_arriving() -> datetime | None:
                arrival = arrives.value()
                return arrival + timedelta(hours=1) if arrival else None

            leaves.default = an_hour_after_arriving

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

    def vehicle(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
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
                        self.choices.people(self.tr("(no driver yet)"), parent, Role.DRIVER),
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

    def ride(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        store = self.ctrl.require()
        plan = operations.plan_values(store)
        zone = ZoneInfo(initial.get("timezone") or plan["timezone"])
        visits = self.choices.visits()
        visit = next((v for v in visits if v.id == initial.get("session_id")), None)
        if item_id is None and initial.get("start") is None:
            if visit is not None:
                initial["start"] = visit.start.astimezone(zone)
            else:
                initial["start"] = datetime.combine(plan["start_date"], time(9, 0), tzinfo=zone)
            initial["end"] = initial["start"] + timedelta(hours=1)
        if item_id is None and visit is not None and not initial.get("passengers"):
            initial["passengers"] = operations.get_values(store, "session", visit.id)["audience"]
        fmt = self.choices.datetime_format()
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
        from_place = self.choices.places(parent, self.tr("(not set)"))
        to_place = self.choices.places(parent, self.tr("(not set)"))
        passengers = CheckListField(
            self.choices.units(), parent, self.tr("Filter groups, delegations, people…")
        )
        visit_choice = compact(
            ChoiceField(
                [
                    (None, self.tr("(none: an airport transfer or another ride)")),
                    *((v.id, self.choices.visit_label(v)) for v in visits),
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
            keep_duration(start, end)

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
