"""The Overview's Today, during the plan's days: who lands and leaves, who is on the road and
at the site visit, who sleeps at each hotel, and what changed since yesterday."""

from __future__ import annotations

from datetime import date

from planner import queries


def overview(window, qtbot, day: date | None):
    """The Overview as on ``day``, once its Today box is read (off the GUI thread)."""
    window.show_page("overview")
    page = window.pages["overview"]
    page.today_override = day
    page.today_box.hide()
    page.refresh()
    qtbot.waitUntil(lambda: page._today_task is None, timeout=10_000)
    return page


def test_today_says_who_lands_where_they_sleep_and_what_changed(window, qtbot):
    page = overview(window, qtbot, date(2023, 11, 26))
    assert not page.today_box.isHidden()
    text = page.today_text.text()
    assert "Glenda Reyes Núñez (CM 247)" in text  # landing
    assert "Airport pick-up, CM 247 (5 people)" in text  # on the road
    assert "Hotel Real Plaza: 10 people" in text  # tonight
    assert "Sun 26/11/2023" in page.today_box.title() or "26" in page.today_box.title()
    person = queries.people(window.ctrl.store)[0]
    window.ctrl.update("person", person.id, {"notes": "Llega tarde"}, person.version)
    page.refresh()
    qtbot.waitUntil(lambda: "Edit person" in page.today_text.text(), timeout=10_000)


def test_the_site_visit_day_and_no_today_outside_the_plans_days(window, qtbot):
    page = overview(window, qtbot, date(2023, 12, 1))
    assert "Field tour: Las Manos border post and CAMI Danlí (10 people)" in page.today_text.text()
    page = overview(window, qtbot, date(2030, 1, 1))
    assert page.today_box.isHidden()


def test_the_day_a_substitute_takes_over_says_so(window, qtbot):
    page = overview(window, qtbot, date(2023, 11, 28))  # the demo's substitute, from the 28th
    (old,) = [p for p in queries.people(window.ctrl.store) if p.status == "replaced"]
    text = page.today_text.text()
    assert f"in place of {old.given_name} {old.family_name}" in text
    assert f"No longer taking part:</b> {old.given_name} {old.family_name}" in text
    page = overview(window, qtbot, date(2023, 11, 29))
    assert "in place of" not in page.today_text.text()
