"""Duty of care in the check: a travel document that expires too soon after entering the
country, a visa still pending as the flight nears, travellers with no one to call in an
emergency, and a site's access clearance still unconfirmed three days before the visit."""

from __future__ import annotations

from datetime import date, timedelta

from planner.domain.i18n import _, ngettext
from planner.domain.labels import Clearance, DocumentKind, VisaStatus, document_label
from planner.domain.reference import country_name
from planner.queries.duty import Duty
from planner.queries.journey_parts import Trip
from planner.queries.journeys import riders
from planner.rules.conflicts.index import Index, Sink
from planner.rules.conflicts.problems import (
    CLEARANCE_PENDING,
    DOCUMENT_EXPIRES,
    ERROR,
    NO_EMERGENCY_CONTACT,
    SEVERITY,
    VISA_PENDING,
    WARNING,
    Problem,
)
from planner.rules.conflicts.words import day_text

# Guatemala, El Salvador, Honduras and Nicaragua: their citizens cross between them on an ID card.
CA4 = frozenset({"GT", "SV", "HN", "NI"})
VISA_WARNING_DAYS = 30  # a pending visa is a warning this many days before the flight
VISA_ERROR_DAYS = 7  # and an error from this many
CLEARANCE_DAYS = 3  # a site's access clearance should be confirmed this many days ahead


def duty_of_care(ix: Index, sink: Sink, today: date) -> None:
    data = ix.data
    if not data.duty:  # read without the DUTY part (or without personal data)
        return
    lg = data.logistics
    gone = data.membership.gone
    for person, trips in lg.trips.items():
        arrivals = [t for t in trips if t.arrival]
        duty = data.duty.get(person)
        if not arrivals or duty is None or person in gone:
            continue
        entry = ix.words.local(arrivals[0].at).date()
        _document(ix, sink, person, duty, entry, arrivals)
        _visa(ix, sink, person, duty.visa_status, arrivals[0], today)
    _emergency(ix, sink)
    _clearances(ix, sink, today)


def _crosses_a_border(nationality: str, country: str, kind: str) -> bool:
    if not nationality or nationality == country:
        return False  # travelling inside their own country
    return not (nationality in CA4 and country in CA4 and kind == DocumentKind.ID_CARD)


def _document(
    ix: Index, sink: Sink, person: int, duty: Duty, entry: date, trips: list[Trip]
) -> None:
    data = ix.data
    expiry, months = duty.document_expiry, data.document_months
    if expiry is None or not _crosses_a_border(duty.nationality, data.country, duty.document_kind):
        return
    needed = _months_after(entry, months)
    if expiry >= needed:
        return
    w = ix.words
    document = document_label(duty.document_kind) if duty.document_kind else _("travel document")
    sink.add(
        Problem(
            DOCUMENT_EXPIRES,
            SEVERITY[DOCUMENT_EXPIRES],
            _(
                "{name}'s {document} expires on {expiry}, less than {months} months after entering"
                " {country} on {entry}: renew it before travelling, or the airline may refuse"
                " boarding."
            ).format(
                name=data.names.get(person, "?"),
                document=document.lower(),
                expiry=day_text(expiry),
                months=months,
                country=country_name(data.country) or data.country,
                entry=day_text(entry),
            ),
            w.local(trips[0].at),
            w.local(trips[0].at) + timedelta(hours=1),
            f"{DOCUMENT_EXPIRES}:{person}",
            people=w.people_refs([person]),
            travel=[w.trip_ref(trips[0])],
        )
    )


def _months_after(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    return date(year, month, 28)


def _visa(ix: Index, sink: Sink, person: int, status: str, arrival: Trip, today: date) -> None:
    if status not in (VisaStatus.NEEDED, VisaStatus.APPLIED):
        return
    w = ix.words
    flight = w.local(arrival.at).date()
    days = (flight - today).days
    if days < 0 or days > VISA_WARNING_DAYS:
        return
    severity = ERROR if days <= VISA_ERROR_DAYS else WARNING
    sink.add(
        Problem(
            VISA_PENDING,
            severity,
            (
                _(
                    "{name} needs a visa and has not applied for it; the flight is on {day} ({n}"
                    " days from today). Apply now, or change the travel."
                )
                if status == VisaStatus.NEEDED
                else _(
                    "{name}'s visa is not granted yet; the flight is on {day} ({n} days from"
                    " today). Follow it up with the consulate."
                )
            ).format(name=ix.data.names.get(person, "?"), day=day_text(flight), n=days),
            w.local(arrival.at),
            w.local(arrival.at) + timedelta(hours=1),
            f"{VISA_PENDING}:{person}",
            people=w.people_refs([person]),
            travel=[w.trip_ref(arrival)],
        )
    )


def _emergency(ix: Index, sink: Sink) -> None:
    """Travellers and the site visits' passengers with no one to call, one problem for all."""
    data = ix.data
    lg = data.logistics
    wanted = set(lg.travellers)
    for ride in lg.rides.values():
        if ride.visit is not None:
            wanted |= riders(data, ride)
    missing = sorted(
        p
        for p in wanted
        if p in data.duty and not data.duty[p].emergency and p not in data.membership.gone
    )
    if not missing:
        return
    w = ix.words
    who, n, groups, delegations, subject = w.who(set(missing), set())
    sink.add(
        Problem(
            NO_EMERGENCY_CONTACT,
            SEVERITY[NO_EMERGENCY_CONTACT],
            ngettext(
                "{who} travels or goes on a site visit with no one to call in an emergency: add"
                " an emergency contact (People ▸ Duty of Care…).",
                "{who} travel or go on a site visit with no one to call in an emergency: add"
                " their emergency contacts (People ▸ Duty of Care…).",
                n,
            ).format(who=who),
            w.morning(data.first_day),
            w.morning(data.first_day) + timedelta(hours=1),
            f"{NO_EMERGENCY_CONTACT}:{subject}",
            people=w.people_refs(missing),
            groups=groups,
            delegations=delegations,
        )
    )


def _clearances(ix: Index, sink: Sink, today: date) -> None:
    """A stop whose access clearance is still requested (or refused) three days before."""
    w = ix.words
    data = ix.data
    for visit, stops in data.logistics.stops.items():
        session = data.sessions.get(visit)
        for stop in stops:
            if stop.clearance not in (Clearance.REQUESTED, Clearance.REFUSED):
                continue
            at = stop.arrives if stop.arrives is not None else (session.start if session else None)
            if at is None:
                continue
            day = w.local(at).date()
            days = (day - today).days
            if not 0 <= days <= CLEARANCE_DAYS:
                continue
            place = w.place_name(stop.venue)
            sink.add(
                Problem(
                    CLEARANCE_PENDING,
                    SEVERITY[CLEARANCE_PENDING],
                    _(
                        "The access clearance for {place} on {day} is not confirmed ({n} days from"
                        " today): call {host} to confirm it, or change the visit."
                    ).format(
                        place=place,
                        day=day_text(day),
                        n=days,
                        host=stop.host_name or stop.host_contact or _("the host"),
                    ),
                    w.local(at),
                    w.local(at) + timedelta(hours=1),
                    f"{CLEARANCE_PENDING}:{stop.id}",
                    sessions=[w.session_ref(session)] if session else [],
                    places=w.place_refs(stop.venue),
                )
            )
