"""Operations: validation a form relies on, and create/update/delete that undo exactly."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner import operations, queries
from planner.domain.errors import ConflictError, ValidationError

TZ = ZoneInfo("America/Tegucigalpa")


def errors_of(store, kind, values, own_id=None):
    return {e.field: e.message for e in operations.validate(store, kind, values, own_id)}


# --- validation -------------------------------------------------------------------------------


def test_person_needs_a_name_and_a_valid_email_and_birth_date(plan):
    errors = errors_of(
        plan, "person", {"email": "ana@", "birth_date": date.today() + timedelta(days=3)}
    )
    assert set(errors) == {"given_name", "email", "birth_date"}
    assert "name@example.org" in errors["email"]
    assert errors_of(plan, "person", {"family_name": "Paz", "email": "ana@example.org"}) == {}


def test_email_and_phone_are_optional_and_never_unique(plan):
    for _ in range(2):
        operations.create(plan, "person", {"given_name": "Ana", "email": "same@example.org"})
    operations.create(plan, "person", {"given_name": "Luis"})
    assert len(queries.people(plan)) == 3


def test_unknown_sex_is_stored_as_unknown(plan):
    pid = operations.create(plan, "person", {"given_name": "Ana", "sex": "unknown"}).id
    assert operations.get_values(plan, "person", pid)["sex"] is None
    assert "sex" in errors_of(plan, "person", {"given_name": "A", "sex": "femenino"})


def test_names_must_be_unique_ignoring_case(demo):
    assert "already used" in errors_of(demo, "delegation", {"name": "panama DELEGATION"})["name"]
    assert errors_of(demo, "delegation", {"name": "Panama delegation"}, own_id=1) == {}
    assert "name" in errors_of(demo, "room", {"name": "aula 1", "venue_id": 1})
    assert errors_of(demo, "room", {"name": "Aula 1", "venue_id": 2}) == {}


def test_room_capacity_must_be_a_sensible_whole_number(plan):
    venue = operations.create(plan, "venue", {"name": "Centro"}).id
    assert "capacity" in errors_of(plan, "room", {"venue_id": venue, "name": "A", "capacity": -1})
    assert "capacity" in errors_of(plan, "room", {"venue_id": venue, "name": "A", "capacity": "40"})
    assert "venue_id" in errors_of(plan, "room", {"name": "A"})


def test_session_must_end_after_it_starts(plan):
    start = datetime(2023, 11, 27, 10, tzinfo=TZ)
    errors = errors_of(plan, "session", {"title": "M1", "start": start, "end": start})
    assert errors == {"end": "The session must end after it starts."}
    naive = errors_of(
        plan,
        "session",
        {"title": "M1", "start": datetime(2023, 11, 27, 10), "end": start + timedelta(hours=1)},
    )
    assert "time zone" in naive["start"]


def test_head_of_delegation_must_be_a_member(demo):
    outsider = next(p.id for p in queries.people(demo) if p.delegation == "DNSPF trainees")
    with pytest.raises(ValidationError, match="must be one of its members"):
        operations.update(demo, "delegation", 1, {"head_id": outsider})


def test_plan_dates_and_zone_are_checked(plan):
    errors = {
        e.field
        for e in operations.validate_plan_values(
            {
                "title": "",
                "timezone": "Mars/Olympus",
                "start_date": date(2024, 2, 2),
                "end_date": date(2024, 2, 1),
                "currency": "XYZ",
            }
        )
    }
    assert errors == {"title", "timezone", "end_date", "currency"}


def test_invalid_create_changes_nothing(plan):
    before = plan.last_change_id()
    with pytest.raises(ValidationError):
        operations.create(plan, "person", {"email": "broken"})
    assert plan.last_change_id() == before
    assert queries.people(plan) == []


# --- create, update, delete, undo -------------------------------------------------------------


def test_session_keeps_its_wall_clock_time_and_zone(plan):
    start = datetime(2023, 11, 27, 8, 30, tzinfo=TZ)
    sid = operations.create(
        plan, "session", {"title": "M1", "start": start, "end": start + timedelta(hours=2)}
    ).id
    row = next(r for r in queries.sessions(plan) if r.id == sid)
    assert row.start == start and row.start.utcoffset() == timedelta(hours=-6)
    assert operations.get_values(plan, "session", sid)["timezone"] == "America/Tegucigalpa"


def test_update_returns_what_undo_needs(demo):
    result = operations.update(demo, "room", 1, {"capacity": 45, "name": "Aula Uno"})
    assert result.old_values == {"capacity": 55, "name": "Aula 1"}
    undo = operations.update(demo, "room", 1, result.old_values, expected_version=result.version)
    values = operations.get_values(demo, "room", 1)
    assert (values["name"], values["capacity"]) == ("Aula 1", 55)
    assert undo.version == result.version + 1


def test_undo_refuses_to_revert_someone_elses_later_change(demo):
    mine = operations.update(demo, "room", 1, {"capacity": 45})
    operations.update(demo, "room", 1, {"capacity": 50})  # someone else, later
    with pytest.raises(ConflictError, match="changed elsewhere"):
        operations.update(demo, "room", 1, mine.old_values, expected_version=mine.version)
    assert operations.get_values(demo, "room", 1)["capacity"] == 50


def test_editing_links_only_still_bumps_the_version(demo):
    before = operations.get_values(demo, "group", 1)
    result = operations.update(demo, "group", 1, {"member_ids": before["member_ids"][:10]})
    assert result.version == before["version"] + 1
    assert queries.groups(demo)[0].size == 10


def test_delete_delegation_says_what_goes_with_it_and_undoes_exactly(demo):
    impact = operations.deletion_impact(demo, "delegation", [2])
    assert impact.count == 1
    # and the officer replaced after the first day (the demo)
    assert "201 people (its members)" in impact.lines
    assert "201 group memberships" in impact.lines
    assert "4 groups are no longer tied to a delegation" in impact.lines
    before = {
        "people": queries.people(demo),
        "groups": queries.groups(demo),
        "sessions": queries.sessions(demo),
        "delegations": queries.delegations(demo),
    }
    deleted = operations.delete(demo, "delegation", [2])
    assert len(queries.people(demo)) == 14
    assert all(g.size == 0 and g.delegation == "" for g in queries.groups(demo))
    operations.restore(demo, deleted.snapshot)
    after = {
        "people": queries.people(demo),
        "groups": queries.groups(demo),
        "sessions": queries.sessions(demo),
        "delegations": queries.delegations(demo),
    }
    assert after == before


def test_delete_venue_unlinks_sessions_and_undo_relinks(demo):
    impact = operations.deletion_impact(demo, "venue", [1])
    assert "6 rooms" in impact.lines
    assert any("sessions lose their room" in line for line in impact.lines)
    sessions_before = queries.sessions(demo)
    deleted = operations.delete(demo, "venue", [1])
    assert all(s.room == "" for s in queries.sessions(demo) if s.venue == "")
    operations.restore(demo, deleted.snapshot)
    assert queries.sessions(demo) == sessions_before


def test_delete_head_of_delegation_undo_restores_the_head(demo):
    head = next(d for d in queries.delegations(demo) if d.id == 1).head
    head_id = operations.get_values(demo, "delegation", 1)["head_id"]
    deleted = operations.delete(demo, "person", [head_id])
    assert next(d for d in queries.delegations(demo) if d.id == 1).head == ""
    operations.restore(demo, deleted.snapshot)
    assert next(d for d in queries.delegations(demo) if d.id == 1).head == head


def test_redo_of_create_keeps_the_same_id(plan):
    created = operations.create(plan, "person", {"given_name": "Ana"})
    undo = operations.delete(plan, "person", [created.id])
    operations.restore(plan, undo.snapshot)
    assert operations.get_values(plan, "person", created.id)["given_name"] == "Ana"
    assert operations.create(plan, "person", {"given_name": "Luis"}).id == created.id + 1


def test_delete_of_something_already_gone_is_a_conflict(demo):
    operations.delete(demo, "room", [1])
    with pytest.raises(ConflictError):
        operations.delete(demo, "room", [1, 2])
    assert any(r.id == 2 for r in queries.rooms(demo))


def test_session_audience_and_facilitators_round_trip(demo):
    start = datetime(2023, 11, 28, 17, tzinfo=TZ)
    sid = operations.create(
        demo,
        "session",
        {
            "title": "Extra",
            "kind": "meeting",
            "start": start,
            "end": start + timedelta(hours=1),
            "room_id": 7,
            "audience": [("group", 1), ("delegation", 1), ("person", 12)],
            "facilitator_ids": [1, 2],
        },
    ).id
    values = operations.get_values(demo, "session", sid)
    assert values["audience"] == [("delegation", 1), ("group", 1), ("person", 12)]
    row = next(r for r in queries.sessions(demo) if r.id == sid)
    assert row.audience_size == 50 + 10 + 1
    operations.update(demo, "session", sid, {"audience": [("group", 2)]})
    assert operations.get_values(demo, "session", sid)["audience"] == [("group", 2)]


def test_plan_details_can_be_edited(demo):
    result = operations.update_plan(demo, {"city": "Comayagüela", "end_date": date(2023, 12, 3)})
    assert operations.plan_values(demo)["city"] == "Comayagüela"
    assert result.old_values["end_date"] == date(2023, 12, 2)
    with pytest.raises(ValidationError):
        operations.update_plan(demo, {"end_date": date(2023, 11, 1)})


def test_deleting_with_expected_versions_spares_later_edits(plan):
    created = operations.create(plan, "person", {"given_name": "Ana"})
    operations.update(plan, "person", created.id, {"family_name": "Paz"})  # someone else, later
    with pytest.raises(ConflictError, match="changed elsewhere"):
        operations.delete(
            plan, "person", [created.id], expected_versions={created.id: created.version}
        )
    assert operations.get_values(plan, "person", created.id)["family_name"] == "Paz"


def test_the_head_of_a_delegation_cannot_be_moved_out_silently(demo):
    head = operations.get_values(demo, "delegation", 1)["head_id"]
    with pytest.raises(ValidationError, match="heads Panama delegation"):
        operations.update(demo, "person", head, {"delegation_id": 2})
    operations.update(demo, "delegation", 1, {"notes": "Still editable"})
    assert operations.get_values(demo, "delegation", 1)["notes"] == "Still editable"


def test_ids_that_are_not_numbers_are_field_errors(plan):
    errors = {
        e.field
        for e in operations.validate(plan, "person", {"given_name": "A", "delegation_id": "x"})
    }
    assert errors == {"delegation_id"}
