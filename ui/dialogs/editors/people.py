"""The forms of people: organisations, delegations, people and groups."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from planner import queries
from planner.domain.errors import FieldError
from planner.domain.labels import (
    ROLE_LABELS,
    DocumentKind,
    PersonStatus,
    Role,
    SecurityStatus,
    VisaStatus,
    document_label,
    noun,
    role_label,
    security_label,
    sex_label,
    status_label,
    visa_label,
)
from planner.operations.people import save_person
from planner.queries.people import memberships
from ui.dialogs.editors.common import Extra, FormBuilder, Forms
from ui.dialogs.form import FormDialog, FormField, Section, Submitter, Validator
from ui.widgets.fields import (
    CheckListField,
    ChoiceField,
    ColourField,
    DateField,
    NotesField,
    SearchCombo,
    TextField,
)


class PeopleForms(Forms):
    def builders(self) -> dict[str, FormBuilder]:
        return {
            "organisation": self.organisation,
            "delegation": self.delegation,
            "person": self.person,
            "person:duty": self.duty_of_care,
            "group": self.group,
        }

    def organisation(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        return [
            Section(
                self.tr("Organisation"),
                [
                    FormField(
                        "name",
                        self.tr("&Name"),
                        TextField(parent, self.tr("e.g. National Border Service of Panama")),
                    ),
                    FormField("acronym", self.tr("&Acronym"), TextField(parent, "SENAFRONT", 40)),
                    FormField("country", self.tr("&Country"), self.choices.countries(parent)),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            )
        ], None

    def delegation(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        store = self.ctrl.require()
        members = (
            [(c.id, c.label) for c in queries.members_of_delegation(store, item_id)]
            if item_id is not None
            else []
        )
        head = SearchCombo(members, self.tr("(no head chosen)"), parent)
        hint = (
            ""
            if item_id is not None
            else self.tr("Add the delegation's people first, then choose its head here.")
        )
        head.setEnabled(item_id is not None and bool(members))
        return [
            Section(
                self.tr("Delegation"),
                [
                    FormField(
                        "name",
                        self.tr("&Name"),
                        TextField(parent, self.tr("e.g. Panama delegation")),
                    ),
                    FormField("country", self.tr("&Country"), self.choices.countries(parent)),
                    FormField(
                        "organisation_id",
                        self.tr("&Organisation"),
                        SearchCombo(self.choices.refs("organisation"), self.tr("(none)"), parent),
                    ),
                    FormField("head_id", self.tr("&Head"), head, hint),
                    FormField(
                        "colour",
                        self.tr("Co&lour"),
                        ColourField(parent),
                        self.tr("Used in lists and on the calendar."),
                    ),
                    FormField("notes", self.tr("No&tes"), NotesField(parent)),
                ],
            )
        ], None

    def person(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        sexes = [
            (None, sex_label(None)),
            ("female", sex_label("female")),
            ("male", sex_label("male")),
            ("other", sex_label("other")),
        ]
        roles = [(r.value, role_label(r.value)) for r in Role if r.value in ROLE_LABELS]
        role = ChoiceField(roles, parent)
        status = ChoiceField([(s.value, status_label(s.value)) for s in PersonStatus], parent)
        status.setToolTip(
            self.tr(
                "Declined, replaced and cancelled people leave every audience, rooming list,"
                " manifest and count from the day below, and stay in the plan. To send someone"
                " in their place, use Replace With… on the People list."
            )
        )
        status_from = DateField(
            parent,
            optional=True,
            display_format=self.formats.date_pattern(),
            empty_text=self.tr("from the start"),
        )
        role_other = TextField(parent, self.tr("Describe the role"), 100)
        birth = DateField(
            parent,
            optional=True,
            display_format=self.formats.date_pattern(),
            empty_text=self.tr("not known"),
        )
        store = self.ctrl.require()
        version, member_of = memberships(store, item_id) if item_id is not None else (None, [])
        initial["group_ids"] = member_of
        groups = CheckListField(
            [(c.id, c.label, "") for c in queries.choices(store, "group")],
            parent,
            self.tr("Filter groups…"),
        )
        groups._view.setMinimumHeight(90)  # a plan has a few groups, not hundreds: the
        groups._view.setMaximumHeight(126)  # form stays within a laptop's screen
        sections = [
            Section(
                self.tr("Identity"),
                [
                    FormField("given_name", self.tr("Gi&ven names"), TextField(parent, "", 100)),
                    FormField("family_name", self.tr("&Family names"), TextField(parent, "", 100)),
                    FormField("sex", self.tr("&Sex"), ChoiceField(sexes, parent)),
                    FormField("birth_date", self.tr("Date of &birth"), birth),
                    FormField(
                        "nationality", self.tr("&Nationality"), self.choices.countries(parent)
                    ),
                    FormField(
                        "id_number", self.tr("&ID or passport no."), TextField(parent, "", 60)
                    ),
                ],
            ),
            Section(
                self.tr("Role in the plan"),
                [
                    FormField(
                        "delegation_id",
                        self.tr("&Delegation"),
                        SearchCombo(self.choices.refs("delegation"), self.tr("(none)"), parent),
                    ),
                    FormField(
                        "organisation_id",
                        self.tr("&Organisation"),
                        SearchCombo(self.choices.refs("organisation"), self.tr("(none)"), parent),
                    ),
                    FormField("role", self.tr("&Role"), role),
                    FormField("role_other", self.tr("Role des&cription"), role_other),
                    FormField("position", self.tr("&Position or rank"), TextField(parent)),
                    FormField("duty_station", self.tr("D&uty station"), TextField(parent)),
                    FormField("group_ids", self.tr("&Groups"), groups),
                    FormField("status", self.tr("Status"), status),
                    FormField("status_from", self.tr("Status from"), status_from),
                ],
            ),
            Section(
                self.tr("Contact and needs"),
                [
                    FormField("email", self.tr("&Email"), TextField(parent, "name@example.org")),
                    FormField("phone", self.tr("P&hone"), TextField(parent, "+504 0000-0000", 60)),
                    FormField(
                        "languages",
                        self.tr("&Languages"),
                        TextField(parent, self.tr("e.g. Spanish, English")),
                    ),
                    FormField(
                        "dietary_needs",
                        self.tr("Dietar&y needs"),
                        TextField(parent, self.tr("e.g. Vegetarian")),
                    ),
                    FormField(
                        "accessibility_needs", self.tr("&Accessibility needs"), TextField(parent)
                    ),
                    FormField("notes", self.tr("No&tes"), NotesField(parent)),
                ],
                column=1,
            ),
        ]

        def extra(dialog: FormDialog) -> None:
            def sync() -> None:
                role_other.setEnabled(role.value() == Role.OTHER)

            role.edited.connect(sync)
            sync()
            self._save_groups_with_the_rest(dialog, item_id, version, member_of)

        return sections, extra

    def duty_of_care(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        """A person's duty of care, a form of its own (People ▸ Duty of Care…): whom to call,
        the insurance, the travel document, the visa and the travel security clearance;
        personal data, as the identity number."""
        pattern = self.formats.date_pattern()

        def day(empty: str) -> DateField:
            return DateField(parent, optional=True, display_format=pattern, empty_text=empty)

        documents = [("", self.tr("not known"))] + [
            (k.value, document_label(k.value)) for k in DocumentKind
        ]
        visas = [("", self.tr("not needed"))] + [(k.value, visa_label(k.value)) for k in VisaStatus]
        security = [("", self.tr("not needed"))] + [
            (k.value, security_label(k.value)) for k in SecurityStatus
        ]
        return [
            Section(
                self.tr("Duty of care"),
                [
                    FormField("emergency_name", self.tr("Emer&gency contact"), TextField(parent)),
                    FormField(
                        "emergency_relation",
                        self.tr("Relation"),
                        TextField(parent, self.tr("e.g. spouse, sister")),
                    ),
                    FormField(
                        "emergency_phone",
                        self.tr("Emergency phone"),
                        TextField(parent, "+507 0000-0000", 60),
                    ),
                    FormField("insurance_provider", self.tr("Insurance"), TextField(parent)),
                    FormField("insurance_policy", self.tr("Policy number"), TextField(parent)),
                    FormField(
                        "insurance_until", self.tr("Insured until"), day(self.tr("not known"))
                    ),
                    FormField(
                        "document_kind",
                        self.tr("Travel document"),
                        ChoiceField(documents, parent),
                        self.tr("Its number is the ID or passport number."),
                    ),
                    FormField(
                        "document_expiry", self.tr("Document expires"), day(self.tr("not known"))
                    ),
                    FormField("visa_status", self.tr("Visa"), ChoiceField(visas, parent)),
                    FormField("visa_number", self.tr("Visa number"), TextField(parent)),
                    FormField(
                        "security_clearance_status",
                        self.tr("Travel security clearance"),
                        ChoiceField(security, parent),
                        self.tr(
                            "The organisation's clearance to travel, not a site visit's access"
                            " clearance."
                        ),
                    ),
                    FormField(
                        "security_clearance_ref", self.tr("Clearance reference"), TextField(parent)
                    ),
                ],
            )
        ], None

    def _save_groups_with_the_rest(
        self, dialog: FormDialog, item_id: int | None, version: int | None, shown: list[int]
    ) -> None:
        """The person's groups are memberships, not a field of theirs: the form checks the
        person without them, and a save that changes them writes the person and their groups
        together (one transaction, one step to undo); a save that does not is the usual one."""

        def without_groups(values: dict[str, Any]) -> dict[str, Any]:
            return {k: v for k, v in values.items() if k != "group_ids"}

        def check(validate: Validator, values: dict[str, Any]) -> list[FieldError]:
            return validate(without_groups(values))

        def save(submit: Submitter, values: dict[str, Any]) -> bool:
            wanted = set(values.get("group_ids") or [])
            join, leave = sorted(wanted - set(shown)), sorted(set(shown) - wanted)
            if not join and not leave:
                return submit(without_groups(values))
            store = self.ctrl.require()
            if item_id is None:
                fields = without_groups(values)
                text = self.tr("Add %s") % noun("person")
            else:
                fields = without_groups(dialog.changed_values())
                text = self.tr("Edit %s") % noun("person")
            batch = self.ctrl.run_batch(
                text, make=lambda: save_person(store, item_id, fields, join, leave, version)
            )
            if batch is None:
                return False
            if item_id is None:
                dialog.created_id = batch.created["person"][0]
            return True

        dialog.wrap_saving(check, save)  # the check made as the form opened counted the groups

    def group(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        people = [(c.id, c.label, c.detail) for c in queries.choices(self.ctrl.require(), "person")]
        return [
            Section(
                self.tr("Group"),
                [
                    FormField("name", self.tr("&Name"), TextField(parent, self.tr("e.g. Group A"))),
                    FormField(
                        "delegation_id",
                        self.tr("&Delegation"),
                        SearchCombo(self.choices.refs("delegation"), self.tr("(none)"), parent),
                        self.tr("The delegation its members come from, if one."),
                    ),
                    FormField("colour", self.tr("Co&lour"), ColourField(parent)),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            ),
            Section(
                self.tr("Members"),
                [
                    FormField(
                        "member_ids",
                        self.tr("&Members"),
                        CheckListField(
                            people, parent, self.tr("Filter people by name or delegation…")
                        ),
                    ),
                ],
                column=1,
            ),
        ], None
