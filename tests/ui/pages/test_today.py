"""The Overview's Today, during the plan's days: who lands and leaves, who is on the road and
at the site visit, who sleeps at each hotel, and what changed since yesterday."""

from __future__ import annotations

from datetime import date

from planner import queries


def overview(window, day: date | None):
    window.show_page("overview")
    page = window.pages["overview"]
    page.today_override = day
    page.refresh()
    return page


def test_today_says_who_lands_where_they_sleep_and_what_changed(window):
    page = overview(window, date(2023, 11, 26))
    assert not page.today_box.isHidden()
    text = page.today_text.text()
    assert "Glenda Reyes Núñez (CM 247)" in text  # landing
    assert "Airport pick-up, CM 247 (5 people)" in text  # on the road
    assert "Hotel Real Plaza: 10 people" in text  # tonight
    assert "Sun 26/11/2023" in page.today_box.title() or "26" in page.today_box.title()
    person = queries.people(window.ctrl.store)[0]
    window.ctrl.update("person", person.id, {"notes": "Llega tarde"}, person.version)
    page.refresh()
    assert "Edit person" in page.today_text.text()


def test_the_site_visit_day_and_no_today_outside_the_plans_days(window):
    page = overview(window, date(2023, 12, 1))
    assert "Field tour: Las Manos border post and CAMI Danlí (10 people)" in page.today_text.text()
    page = overview(window, date(2030, 1, 1))
    assert page.today_box.isHidden()
