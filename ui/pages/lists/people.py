"""The list pages of people: delegations, people, organisations and groups (their columns,
titles and the tables whose changes reload them)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox

from planner import queries
from planner.domain import labels, reference
from ui.models.table import Column
from ui.pages.lists.columns import ListPages, date_sort
from ui.pages.lists.panel import ListPage, ListPanel


class PeoplePages(ListPages):
    """Delegations, People, Organisations and Groups."""

    def pages(self) -> dict[str, Callable[[], ListPage]]:
        return {
            "delegations": self.delegations,
            "people": self.people,
            "organisations": self.organisations,
            "groups": self.groups,
        }

    def delegations(self) -> ListPage:
        columns = [
            Column("name", self.tr("Name"), lambda r: r.name, colour=lambda r: r.colour, width=26),
            Column(
                "country", self.tr("Country"), lambda r: reference.country_name(r.country), width=14
            ),
            self.count("members", self.tr("Members")),
            self.count("women", self.tr("Women")),
            self.count("men", self.tr("Men")),
            Column("head", self.tr("Head"), lambda r: r.head, width=26),
            Column("organisation", self.tr("Organisation"), lambda r: r.organisation, width=40),
        ]
        return self.f.single(
            "delegation",
            self.tr("Delegations"),
            columns,
            queries.delegations,
            {"delegation", "person", "organisation"},
        )

    def _status_tip(self, r: queries.PersonRow) -> str:
        """When a status took effect, and who came instead."""
        when = self.fmt.date(r.status_from) if r.status_from else ""
        if r.replaced_by:
            return (
                self.tr("Replaced by %1 from %2").replace("%1", r.replaced_by).replace("%2", when)
                if when
                else self.tr("Replaced by %1").replace("%1", r.replaced_by)
            )
        return self.tr("From %1").replace("%1", when) if when else ""

    def people(self) -> ListPage:
        columns = [
            Column("family_name", self.tr("Family names"), lambda r: r.family_name, width=20),
            Column("given_name", self.tr("Given names"), lambda r: r.given_name, width=18),
            Column("sex", self.tr("Sex"), lambda r: labels.sex_label(r.sex), width=8),
            Column(
                "role",
                self.tr("Role"),
                lambda r: labels.role_label(r.role, r.role_other, r.sex),
                width=16,
            ),
            Column(
                "delegation",
                self.tr("Delegation"),
                lambda r: r.delegation,
                colour=lambda r: r.delegation_colour,
                width=20,
            ),
            Column("organisation", self.tr("Organisation"), lambda r: r.organisation, width=24),
            Column("position", self.tr("Position or rank"), lambda r: r.position, width=20),
            Column("duty_station", self.tr("Duty station"), lambda r: r.duty_station, width=18),
            Column("groups", self.tr("Groups"), lambda r: r.groups, width=10),
            Column(
                "status",
                self.tr("Status"),
                # only what stands out: most people are simply confirmed
                lambda r: "" if r.status == "confirmed" else labels.status_label(r.status, r.sex),
                sort=lambda r: r.status != "confirmed",
                tooltip=self._status_tip,
                width=14,
            ),
            Column("email", self.tr("Email"), lambda r: r.email, width=28),
            Column("phone", self.tr("Phone"), lambda r: r.phone, personal=True, width=15),
            Column(
                "nationality",
                self.tr("Nationality"),
                lambda r: reference.country_name(r.nationality),
                hidden=True,
                width=14,
            ),
            Column(
                "id_number",
                self.tr("ID or passport no."),
                lambda r: r.id_number,
                personal=True,
                hidden=True,
                width=16,
            ),
            Column(
                "birth_date",
                self.tr("Date of birth"),
                lambda r: self.fmt.date(r.birth_date),
                sort=lambda r: date_sort(r.birth_date),
                personal=True,
                hidden=True,
                width=12,
            ),
            Column("languages", self.tr("Languages"), lambda r: r.languages, hidden=True),
            Column(
                "accessibility_needs",
                self.tr("Accessibility needs"),
                lambda r: r.accessibility_needs,
                hidden=True,
            ),
            Column("dietary_needs", self.tr("Dietary needs"), lambda r: r.dietary_needs),
            Column(
                "badge_code",
                self.tr("Badge code"),
                lambda r: r.badge_code,
                tooltip=lambda r: self.tr("Printed as a QR code on the badge; scanned at the door"),
                hidden=True,
                width=10,
            ),
        ]
        page = self.f.single(
            "person",
            self.tr("People"),
            columns,
            queries.people,
            {"person", "delegation", "organisation", "participant_group", "group_member"},
        )
        self._status_filter(page.panels[0])
        return page

    def _status_filter(self, panel: ListPanel) -> None:
        """Show everyone, those taking part, those who left, or one status."""
        shown = QComboBox(panel)
        shown.setObjectName("status_filter")
        shown.setAccessibleName(self.tr("Show people by status"))
        shown.setToolTip(self.tr("Show everyone, or only the people with a status"))
        gone = {s.value for s in labels.GONE_STATUSES}
        choices: list[tuple[str, Callable[[queries.PersonRow], bool] | None]] = [
            (self.tr("Everyone"), None),
            (self.tr("Taking part"), lambda r: r.status not in gone),
            (self.tr("Left (declined, replaced, cancelled)"), lambda r: r.status in gone),
        ]
        for status in labels.PersonStatus:
            choices.append((labels.status_label(status.value), _has(status.value)))
        for text, _test in choices:
            shown.addItem(text)
        shown.currentIndexChanged.connect(lambda i: panel.set_predicate(choices[i][1]))
        panel.add_filter(shown)

    def organisations(self) -> ListPage:
        columns = [
            Column("name", self.tr("Name"), lambda r: r.name, width=44),
            Column("acronym", self.tr("Acronym"), lambda r: r.acronym, width=12),
            self.count("people", self.tr("People")),
            Column("country", self.tr("Country"), lambda r: reference.country_name(r.country)),
        ]
        return self.f.single(
            "organisation",
            self.tr("Organisations"),
            columns,
            queries.organisations,
            {"organisation", "person"},
        )

    def groups(self) -> ListPage:
        columns = [
            Column("name", self.tr("Name"), lambda r: r.name, colour=lambda r: r.colour, width=20),
            self.count("size", self.tr("Members")),
            self.count("women", self.tr("Women")),
            self.count("men", self.tr("Men")),
            Column("delegation", self.tr("Delegation"), lambda r: r.delegation),
        ]
        return self.f.single(
            "group",
            self.tr("Groups"),
            columns,
            queries.groups,
            {"participant_group", "group_member", "person", "delegation"},
        )


def _has(status: str) -> Callable[[queries.PersonRow], bool]:
    return lambda r: r.status == status
