"""The list pages of logistics: places (with their rooms and road times), travel,
accommodation (room blocks and stays), site visits (with their stops and rides) and vehicles
(with their rides)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from PySide6.QtWidgets import QLabel

from planner import queries
from planner.domain.labels import (
    SessionKind,
    clearance_label,
    direction_label,
    place_kind_label,
    travel_mode_label,
)
from planner.rules import budget_blocks
from ui.models.table import Column
from ui.pages.lists.columns import (
    CLEARANCE_COLOURS,
    CLEARANCE_RANK,
    OVERFULL_COLOUR,
    ListPages,
)
from ui.pages.lists.panel import ListPage


class LogisticsPages(ListPages):
    """Places and rooms, Travel, Accommodation, Site visits and Vehicles."""

    def pages(self) -> dict[str, Callable[[], ListPage]]:
        return {
            "venues": self.venues,
            "travel": self.travel,
            "accommodation": self.accommodation,
            "site_visits": self.site_visits,
            "vehicles": self.vehicles,
        }

    def venues(self) -> ListPage:
        """Places (venues, hotels, airports, sites) with their rooms and road times."""
        page = ListPage()
        venue_columns = [
            Column("name", self.tr("Name"), lambda r: r.name, width=32),
            Column("kind", self.tr("Kind"), lambda r: place_kind_label(r.kind), width=24),
            Column("city", self.tr("City"), lambda r: r.city, width=16),
            self.count("rooms", self.tr("Rooms")),
            self.count("capacity", self.tr("Seats")),
            Column("code", self.tr("Code"), lambda r: r.code, width=6),
            self.opening_hours(),
            Column("timezone", self.tr("Time zone"), lambda r: r.timezone, hidden=True, width=20),
            Column("address", self.tr("Address"), lambda r: r.address),
        ]
        room_columns = [
            Column("name", self.tr("Room"), lambda r: r.name, width=20),
            Column("venue", self.tr("Place"), lambda r: r.venue, width=24),
            self.count("capacity", self.tr("Capacity")),
            self.count("sessions", self.tr("Sessions")),
            Column("equipment", self.tr("Equipment"), lambda r: r.equipment),
        ]
        road_columns = [
            Column("from", self.tr("From"), lambda r: r.from_name, width=24),
            Column("to", self.tr("To"), lambda r: r.to_name, width=24),
            Column(
                "minutes",
                self.tr("Driving time"),
                lambda r: self.fmt.duration(r.minutes),
                sort=lambda r: r.minutes,
                numeric=True,
                width=12,
            ),
            Column(
                "distance",
                self.tr("Distance"),
                lambda r: (
                    self.tr("%1 km").replace("%1", self.fmt.number(r.distance_km))
                    if r.distance_km is not None
                    else ""
                ),
                sort=lambda r: r.distance_km,
                numeric=True,
                width=9,
            ),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        venues = self.f.panel(
            page,
            "venue",
            self.tr("Places"),
            venue_columns,
            queries.venues,
            {"venue", "room"},
            name="place",
        )
        rooms = self.f.panel(
            page,
            "room",
            self.tr("Rooms"),
            room_columns,
            queries.rooms,
            {"room", "venue", "agenda_session"},
            heading_level=2,
        )
        roads = self.f.panel(
            page,
            "road_time",
            self.tr("Road times"),
            road_columns,
            queries.road_times,
            {"road_time", "venue"},
            heading_level=2,
        )
        hint = QLabel()
        hint.setObjectName("rooms_hint")

        def follow() -> None:
            ids = venues.selected_ids()
            if len(ids) == 1:
                venue_id = ids[0]
                rooms.set_predicate(lambda r: r.venue_id == venue_id)
                rooms.preset = lambda: {"venue_id": venue_id}
                roads.set_predicate(lambda r: venue_id in (r.from_id, r.to_id))
                roads.preset = lambda: {"from_id": venue_id}
                hint.setText(
                    self.tr(
                        "Rooms and road times of the selected place. Select no place to see them"
                        " all."
                    )
                )
            else:
                rooms.set_predicate(None)
                rooms.preset = dict
                roads.set_predicate(None)
                roads.preset = dict
                hint.setText(
                    self.tr("All rooms and road times. Select a place to see only its own.")
                )

        venues.selection_changed.connect(follow)
        follow()
        self.f.master_detail(page, venues, [rooms, roads], hint, stretch=(1, 1))
        return page

    def travel(self) -> ListPage:
        columns = [
            Column("person", self.tr("Person"), lambda r: r.person, width=28),
            Column(
                "delegation",
                self.tr("Delegation"),
                lambda r: r.delegation,
                colour=lambda r: r.delegation_colour,
                width=20,
            ),
            Column(
                "direction", self.tr("Direction"), lambda r: direction_label(r.direction), width=10
            ),
            self.day("date", self.tr("Date"), lambda r: r.at.date() if r.at else None),
            self.clock("time", self.tr("Time"), lambda r: r.at),
            Column("flight", self.tr("Flight"), lambda r: r.flight, width=20),
            Column("other_end", self.tr("From or to"), lambda r: r.other_end, width=20),
            Column("place", self.tr("Airport"), lambda r: r.place, width=34),
            Column(
                "mode", self.tr("By"), lambda r: travel_mode_label(r.mode), hidden=True, width=8
            ),
            Column(
                "departs",
                self.tr("Departs"),
                lambda r: self._ticket_time(r.departs),
                sort=lambda r: r.departs.timestamp() if r.departs else None,
                hidden=True,
            ),
            Column(
                "arrives",
                self.tr("Arrives"),
                lambda r: self._ticket_time(r.arrives),
                sort=lambda r: r.arrives.timestamp() if r.arrives else None,
                hidden=True,
            ),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        return self.f.single(
            "travel",
            self.tr("Arrivals and departures"),
            columns,
            queries.travels,
            {"travel", "person", "delegation", "venue"},
        )

    def _ticket_time(self, value: datetime | None) -> str:
        return f"{self.when(value)} {value.tzname()}" if value is not None else ""

    def accommodation(self) -> ListPage:
        page = ListPage()
        fmt = self.fmt
        # what the block holds, then its room-nights and what they cost, on a laptop's width;
        # the stays booked and the nights are a right-click on the headings away (the stays
        # list below counts the one, the dates give the other)
        block_columns = [
            Column("hotel", self.tr("Hotel"), lambda r: r.hotel, width=24),
            Column("room_type", self.tr("Room type", "a short heading"), lambda r: r.room_type),
            self.day("check_in", self.tr("Check-in"), lambda r: r.check_in),
            self.day("check_out", self.tr("Check-out"), lambda r: r.check_out),
            self.count("rooms", self.tr("Rooms", "in a hotel"), 7),
            replace(self.count("nights", self.tr("Nights"), 7), hidden=True),
            replace(self.count("stays", self.tr("Booked"), 9), hidden=True),
            *self._room_night_columns(),
            self.money(
                "rate",
                self.tr("Nightly rate", "a short heading"),
                lambda r: r.nightly_rate,
                width=13,
            ),
            self.money(
                "total",
                self.tr("Total held"),
                lambda r: r.total,
                lambda r: (
                    self.tr(
                        "%1 rooms × %2 nights × the nightly rate: the block as contracted, what"
                        " the hotel may bill"
                    )
                    .replace("%1", fmt.number(r.rooms))
                    .replace("%2", fmt.number(r.nights))
                ),
            ),
            self.money(
                "budget",
                self.tr("In the budget", "a short heading"),
                lambda r: r.used_total,
                lambda r: self.tr(
                    "%n room-night(s) used × the nightly rate: what the budget counts", "", r.used
                ),
            ),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        stay_columns = [
            Column("person", self.tr("Person"), lambda r: r.person, width=28),
            Column(
                "delegation",
                self.tr("Delegation"),
                lambda r: r.delegation,
                colour=lambda r: r.delegation_colour,
                width=20,
            ),
            Column("hotel", self.tr("Hotel"), lambda r: r.hotel, width=22),
            Column("room_type", self.tr("Room type"), lambda r: r.room_type, width=12),
            self.day("check_in", self.tr("Check-in"), lambda r: r.check_in),
            self.day("check_out", self.tr("Check-out"), lambda r: r.check_out),
            self.count("nights", self.tr("Nights"), 7),
            Column("sharing", self.tr("Sharing with"), lambda r: r.sharing_with, width=22),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        blocks = self.f.panel(
            page,
            "room_block",
            self.tr("Room blocks"),
            block_columns,
            budget_blocks.room_blocks,
            {"room_block", "venue", "stay"},
        )
        stays = self.f.panel(
            page,
            "stay",
            self.tr("Hotel stays"),
            stay_columns,
            queries.stays,
            {"stay", "person", "delegation", "venue", "room_block"},
            heading_level=2,
        )
        hint = QLabel()
        hint.setObjectName("stays_hint")
        budget_note = self.tr(
            "Held, used and released count room-nights (a room for a night). The budget counts"
            " the room-nights used; until rooms can be released by a cut-off date the hotel may"
            " bill those held."
        )

        def follow() -> None:
            ids = blocks.selected_ids()
            block = (
                next((b for b in blocks.model.rows() if b.id == ids[0]), None)
                if len(ids) == 1
                else None
            )
            if block is not None:
                stays.set_predicate(lambda r: r.block_id == block.id)
                stays.preset = lambda: {
                    "venue_id": block.venue_id,
                    "block_id": block.id,
                    "check_in": block.check_in,
                    "check_out": block.check_out,
                    "room_type": block.room_type,
                }
                hint.setText(
                    self.tr(
                        "Stays in the selected room block. Select no block to see"
                        " every stay, booked in a block or not."
                    )
                    + " "
                    + budget_note
                )
            else:
                stays.set_predicate(None)
                stays.preset = dict
                hint.setText(
                    self.tr("Every hotel stay. Select a room block to see only the stays in it.")
                    + " "
                    + budget_note
                )

        blocks.selection_changed.connect(follow)
        follow()
        self.f.master_detail(page, blocks, [stays], hint)
        return page

    def _room_night_columns(self) -> list[Column]:
        """A room block's room-nights held (as contracted), used (by its stays: what the
        budget counts) and released (held, not used), each tooltip saying what they cost."""
        fmt = self.fmt

        def cost(r: queries.RoomBlockRow, value: Decimal | None) -> str:
            return fmt.amount(value, r.currency) if value is not None else self.tr("no rate")

        def held(r: queries.RoomBlockRow) -> str:
            return (
                self.tr(
                    "%n room-night(s) held (%1 rooms × %2 nights), %3: the block as contracted,"
                    " what the hotel may bill",
                    "",
                    r.held,
                )
                .replace("%1", fmt.number(r.rooms))
                .replace("%2", fmt.number(r.nights))
                .replace("%3", cost(r, r.total))
            )

        def used(r: queries.RoomBlockRow) -> str:
            text = self.tr(
                "%n room-night(s) used by the stays in the block (two people sharing a room use"
                " one), %1: what the budget counts",
                "",
                r.used,
            ).replace("%1", cost(r, r.used_total))
            if r.used > r.held:
                more = self.tr(
                    "That is %n room-night(s) more than the block holds.", "", r.used - r.held
                )
                text = f"{text}. {more}"
            return text

        def released(r: queries.RoomBlockRow) -> str:
            if not r.released:
                return self.tr("Every room-night held is used: none is released.")
            return self.tr(
                "%n room-night(s) held but not used, %1: not in the budget, though until rooms"
                " can be released by a cut-off date the hotel may bill what it holds",
                "",
                r.released,
            ).replace("%1", cost(r, r.released_total))

        return [
            self.count("held", self.tr("Held"), 7, held),
            self.count(
                "used",
                self.tr("Used"),
                7,
                used,
                lambda r: OVERFULL_COLOUR if r.used > r.held else "",
            ),
            Column(
                "released",
                self.tr("Released"),
                lambda r: fmt.number(r.released) if r.released else "—",
                sort=lambda r: r.released,
                numeric=True,
                width=9,
                tooltip=released,
            ),
        ]

    def _ride_columns(self, in_visit: bool) -> list[Column]:
        return [
            self.day("date", self.tr("Date"), lambda r: r.start.date()),
            self.clock("start", self.tr("Leaves"), lambda r: r.start),
            self.clock("end", self.tr("Arrives"), lambda r: r.end),
            Column("title", self.tr("Ride"), lambda r: r.title, width=26),
            Column("vehicle", self.tr("Vehicle"), lambda r: r.vehicle, width=10),
            Column("from", self.tr("From"), lambda r: r.from_name, width=24),
            Column("to", self.tr("To"), lambda r: r.to_name, width=24),
            Column(
                "people",
                self.tr("People"),
                lambda r: self.fmt.number(r.passenger_count),
                sort=lambda r: r.passenger_count,
                numeric=True,
                width=8,
                colour=lambda r: OVERFULL_COLOUR if r.overfull else "",
                tooltip=lambda r: (
                    self.tr("%1 people for %2 seats")
                    .replace("%1", str(r.passenger_count))
                    .replace("%2", str(r.seats))
                    if r.seats is not None
                    else ""
                ),
            ),
            Column("passengers", self.tr("Passengers"), lambda r: r.passengers, width=30),
            Column("visit", self.tr("Site visit"), lambda r: r.visit, width=24, hidden=in_visit),
            Column("notes", self.tr("Notes"), lambda r: r.notes, hidden=True),
        ]

    RIDE_TABLES = frozenset(
        {
            "ride",
            "ride_passenger",
            "vehicle",
            "venue",
            "agenda_session",
            "person",
            "participant_group",
            "group_member",
            "delegation",
        }
    )

    def site_visits(self) -> ListPage:
        page = ListPage()
        fmt = self.fmt
        visit_columns = [
            self.day("date", self.tr("Date"), lambda r: r.start.date()),
            Column(
                "start",
                self.tr("Start"),
                lambda r: fmt.time(r.start),
                sort=lambda r: r.start.timestamp(),
                width=self.fmt.time_width(),
            ),
            Column(
                "end",
                self.tr("End"),
                lambda r: fmt.time(r.end),
                sort=lambda r: r.end.timestamp(),
                width=self.fmt.time_width(),
            ),
            Column("title", self.tr("Site visit"), lambda r: r.title, width=36),
            self.count("stops", self.tr("Stops"), 8),
            Column("route", self.tr("Route"), lambda r: r.route, width=30),
            Column(
                "clearance",
                self.tr("Clearance"),
                lambda r: ", ".join(
                    f"{clearance_label(c)}: {fmt.number(n)}" for c, n in r.clearances
                ),
                sort=lambda r: [CLEARANCE_RANK.get(c, 9) for c, _n in r.clearances],
                colour=lambda r: self._clearance_colour(r.clearances[0][0]) if r.clearances else "",
                width=26,
            ),
            self.count("audience_size", self.tr("People"), 7),
            Column("audience", self.tr("Who goes"), lambda r: r.audience, width=22),
            self.count("rides", self.tr("Rides"), 9),
            Column("vehicles", self.tr("Vehicles"), lambda r: r.vehicles, width=14),
        ]
        stop_columns = [
            self.count("position", self.tr("No."), 6),
            Column("place", self.tr("Place"), lambda r: r.place, width=30),
            self.clock("arrives", self.tr("Arrives"), lambda r: r.arrives),
            self.clock("leaves", self.tr("Leaves"), lambda r: r.leaves),
            Column(
                "clearance",
                self.tr("Clearance"),
                lambda r: clearance_label(r.clearance),
                sort=lambda r: CLEARANCE_RANK.get(r.clearance, 9),
                colour=lambda r: self._clearance_colour(r.clearance),
                width=14,
            ),
            Column("host", self.tr("Host"), lambda r: r.host_name, width=30),
            Column("contact", self.tr("Contact"), lambda r: r.host_contact, width=24),
            self.opening_hours(hidden=True),
            Column("visit", self.tr("Site visit"), lambda r: r.visit, width=24, hidden=True),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        visits = self.f.panel(
            page,
            "session",
            self.tr("Site visits"),
            visit_columns,
            queries.site_visits,
            {
                "agenda_session",
                "visit_stop",
                "venue",
                "ride",
                "vehicle",
                "session_audience",
                "participant_group",
                "group_member",
                "delegation",
                "person",
            },
            name="site_visit",
        )
        visits.preset = lambda: {"kind": SessionKind.SITE_VISIT}
        stops = self.f.panel(
            page,
            "stop",
            self.tr("Stops"),
            stop_columns,
            queries.stops,
            {"visit_stop", "venue", "agenda_session"},
            heading_level=2,
        )
        rides = self.f.panel(
            page,
            "ride",
            self.tr("Rides"),
            self._ride_columns(True),
            queries.rides,
            set(self.RIDE_TABLES),
            heading_level=2,
            name="visit_ride",
        )
        hint = QLabel()
        hint.setObjectName("visits_hint")

        def follow() -> None:
            ids = visits.selected_ids()
            if len(ids) == 1:
                visit_id = ids[0]
                stops.set_predicate(lambda r: r.session_id == visit_id)
                stops.preset = lambda: {"session_id": visit_id}
                rides.set_predicate(lambda r: r.session_id == visit_id)
                rides.preset = lambda: {"session_id": visit_id}
                hint.setText(
                    self.tr(
                        "The stops and rides of the selected visit. Select no"
                        " visit to see those of every visit."
                    )
                )
            else:
                stops.set_predicate(None)
                stops.preset = dict
                rides.set_predicate(lambda r: r.session_id is not None)
                rides.preset = dict
                hint.setText(
                    self.tr(
                        "The stops and rides of every visit. Select a visit to see"
                        " only its own; airport transfers are under Vehicles."
                    )
                )

        visits.selection_changed.connect(follow)
        follow()
        self.f.master_detail(
            page, visits, [stops, rides], hint, side_by_side=False, stretch=(2, 3, 3)
        )
        return page

    def vehicles(self) -> ListPage:
        page = ListPage()
        vehicle_columns = [
            Column("name", self.tr("Vehicle"), lambda r: r.name, width=14),
            self.count("seats", self.tr("Seats"), 7),
            Column("driver", self.tr("Driver"), lambda r: r.driver, width=24),
            Column(
                "phone",
                self.tr("Driver's phone"),
                lambda r: r.driver_phone,
                personal=True,
                width=20,
            ),
            Column("provider", self.tr("Provider"), lambda r: r.provider, width=22),
            Column("plate", self.tr("Plate"), lambda r: r.plate, width=10),
            Column(
                "rate",
                self.tr("Day rate"),
                lambda r: self.fmt.amount(r.day_rate, r.currency),
                sort=lambda r: r.day_rate,
                numeric=True,
                width=13,
            ),
            self.count("rides", self.tr("Rides"), 9),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        vehicles = self.f.panel(
            page,
            "vehicle",
            self.tr("Vehicles"),
            vehicle_columns,
            queries.vehicles,
            {"vehicle", "person", "ride"},
        )
        rides = self.f.panel(
            page,
            "ride",
            self.tr("Rides"),
            self._ride_columns(False),
            queries.rides,
            set(self.RIDE_TABLES),
            heading_level=2,
            name="vehicle_ride",
        )
        hint = QLabel()
        hint.setObjectName("rides_hint")

        def follow() -> None:
            ids = vehicles.selected_ids()
            if len(ids) == 1:
                vehicle_id = ids[0]
                rides.set_predicate(lambda r: r.vehicle_id == vehicle_id)
                rides.preset = lambda: {"vehicle_id": vehicle_id}
                hint.setText(
                    self.tr(
                        "The rides of the selected vehicle. Select no vehicle to"
                        " see every ride, airport transfers and site visits alike."
                    )
                )
            else:
                rides.set_predicate(None)
                rides.preset = dict
                hint.setText(self.tr("Every ride. Select a vehicle to see only its rides."))

        vehicles.selection_changed.connect(follow)
        follow()
        self.f.master_detail(page, vehicles, [rides], hint)
        return page

    def _clearance_colour(self, clearance: str) -> str:
        return CLEARANCE_COLOURS.get(clearance, "")
