"""Which fields hold personal data: the one list the history, the copy without personal data
and the exports go by.

Identity and passport numbers (one field), dates of birth and phone numbers of people, and their
duty-of-care details (emergency contact, insurance, document, visa, travel security clearance);
drivers' and logistics staff's phones too (the history masks every phone: it cannot know the role a
person had when the phone changed).
"""

from __future__ import annotations

# A person's duty-of-care details: whom to call, insurance, travel document, visa, travel security
DUTY_FIELDS = (
    "emergency_name",
    "emergency_relation",
    "emergency_phone",
    "insurance_provider",
    "insurance_policy",
    "insurance_until",
    "document_kind",
    "document_expiry",
    "visa_status",
    "visa_number",
    "security_clearance_ref",
    "security_clearance_status",
)
# table -> its columns that hold personal data
PERSONAL: dict[str, tuple[str, ...]] = {
    "person": ("id_number", "birth_date", "phone", *DUTY_FIELDS),
    "score": ("points",),  # a trainee's test score (plan format 8)
}
PERSONAL_FIELDS = PERSONAL["person"]


def is_personal(table: str, field: str) -> bool:
    """Whether ``field`` of an item of ``table`` (a table name, e.g. "person") is personal."""
    return field in PERSONAL.get(table, ())
