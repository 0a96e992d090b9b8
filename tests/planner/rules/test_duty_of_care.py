"""Duty of care in the check, each case built on the demo (whose travellers all have someone to
call, a valid document and no visa to wait for): a passport that expires too soon after entry,
a visa still pending as the flight nears, a traveller with no one to call, and a site's access
clearance unconfirmed three days before the visit."""

from __future__ import annotations

from datetime import date

from planner import operations, queries
from planner.rules.conflicts import check


def person(store, name: str) -> int:
    return next(p.id for p in queries.people(store) if p.name == name)


def kinds(problems) -> dict[str, list]:
    out: dict[str, list] = {}
    for p in problems:
        out.setdefault(p.kind, []).append(p)
    return out


TRAINER = "Glenda Reyes Núñez"  # Panamanian, lands in Tegucigalpa on 26 November 2023


def test_a_passport_that_expires_within_six_months_of_entry_is_an_error(demo):
    assert check(demo) == []
    glenda = person(demo, TRAINER)
    operations.update(demo, "person", glenda, {"document_expiry": date(2024, 3, 1)})
    (found,) = check(demo)
    assert (found.kind, found.severity) == ("document_expires", "error")
    assert "passport expires on" in found.message and "6 months" in found.message
    assert [r.id for r in found.people] == [glenda] and found.travel
    # the plan asks for three months: enough
    operations.set_setting(demo, "duty_of_care", {"document_months": 3})
    assert check(demo) == []
    operations.set_setting(demo, "duty_of_care", {"document_months": 6})
    # a Honduran travels at home; a Guatemalan crosses inside the CA-4 on an identity card
    operations.update(demo, "person", glenda, {"nationality": "HN"})
    assert check(demo) == []
    operations.update(demo, "person", glenda, {"nationality": "GT", "document_kind": "id_card"})
    assert check(demo) == []
    operations.update(demo, "person", glenda, {"document_kind": "passport"})
    assert [p.kind for p in check(demo)] == ["document_expires"]


def test_a_pending_visa_warns_a_month_before_the_flight_and_is_an_error_a_week_before(demo):
    glenda = person(demo, TRAINER)
    operations.update(demo, "person", glenda, {"visa_status": "applied"})
    assert check(demo, today=date(2023, 10, 1)) == []  # weeks ahead
    (found,) = check(demo, today=date(2023, 11, 6))
    assert (found.kind, found.severity) == ("visa_pending", "warning")
    assert "20 days from today" in found.message
    (found,) = check(demo, today=date(2023, 11, 21))
    assert (found.kind, found.severity) == ("visa_pending", "error")
    operations.update(demo, "person", glenda, {"visa_status": "granted"})
    assert check(demo, today=date(2023, 11, 21)) == []


def test_travellers_with_no_one_to_call_are_named_in_one_warning(demo):
    glenda = person(demo, TRAINER)
    operations.update(demo, "person", glenda, {"emergency_name": "", "emergency_phone": ""})
    (found,) = check(demo)
    assert (found.kind, found.severity) == ("no_emergency_contact", "warning")
    assert TRAINER in found.message and [r.id for r in found.people] == [glenda]
    # someone who declined is no one's worry any more
    operations.update(demo, "person", glenda, {"status": "declined"})
    assert "no_emergency_contact" not in kinds(check(demo))


def test_an_access_clearance_unconfirmed_three_days_before_the_visit_warns(demo):
    stop = next(s for s in queries.stops(demo) if "CAMI" in s.place)
    operations.update(demo, "stop", stop.id, {"clearance": "requested"})
    assert check(demo, today=date(2023, 11, 20)) == []
    (found,) = check(demo, today=date(2023, 11, 29))
    assert (found.kind, found.severity) == ("clearance_pending", "warning")
    assert "2 days from today" in found.message and "CAMI" in found.message
