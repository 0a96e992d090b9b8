"""What the check needs of each person's duty of care (personal data, read only for the check
and the duty-of-care paper): nationality, travel document, visa, someone to call; and how many
months a document must still be valid after entering the country (a plan setting)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from planner.store import PlanStore, Reader, parse_date

DOCUMENT_MONTHS = 6  # months a passport must stay valid after entry, unless the plan says


@dataclass(frozen=True)
class Duty:
    nationality: str
    document_kind: str  # a DocumentKind, "" when not known
    document_expiry: date | None
    visa_status: str  # a VisaStatus, "" when none is needed
    emergency: bool  # someone to call in an emergency (a name or a phone)


def read_duty(r: Reader) -> tuple[dict[int, Duty], int]:
    """person -> their duty of care, and the months a document must stay valid after entry."""
    duty = {
        i: Duty(n or "", kind or "", parse_date(expiry), visa or "", bool(name or phone))
        for i, n, kind, expiry, visa, name, phone in r.rows(
            "SELECT id, nationality, document_kind, document_expiry, visa_status,"
            " emergency_name, emergency_phone FROM person"
        )
    }
    stored = r.value("SELECT value FROM plan_setting WHERE key = 'duty_of_care'")
    months = DOCUMENT_MONTHS
    if stored:
        try:
            months = int(json.loads(stored).get("document_months", DOCUMENT_MONTHS))
        except (ValueError, TypeError, AttributeError):
            months = DOCUMENT_MONTHS
    return duty, months


@dataclass(frozen=True)
class DutyDetails:
    """Whom to call for a person, and how they are covered (the duty-of-care paper)."""

    emergency_name: str
    emergency_relation: str
    emergency_phone: str
    insurance_provider: str
    insurance_policy: str
    insurance_until: date | None
    security_clearance_ref: str
    security_clearance_status: str


def duty_details(store: PlanStore) -> dict[int, DutyDetails]:
    """person -> whom to call and how they are covered."""
    with store.reading() as r:
        return {
            row[0]: DutyDetails(
                row[1], row[2], row[3], row[4], row[5], parse_date(row[6]), row[7], row[8]
            )
            for row in r.rows(
                "SELECT id, emergency_name, emergency_relation, emergency_phone,"
                " insurance_provider, insurance_policy, insurance_until, security_clearance_ref,"
                " security_clearance_status FROM person"
            )
        }
