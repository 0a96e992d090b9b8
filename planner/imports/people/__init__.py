"""Importing people from a partner's roster: guess the columns, check every row, preview, apply.

``preview(store, table, mapping)`` reads nothing into the plan: it says for every row whether it
is new, updates someone already in the plan, repeats another row or someone already there, or
has errors (with the reason and the row number the spreadsheet shows). ``apply`` then has all
valid rows written in one transaction (or nothing), and returns what an undo needs.

``mapping`` (headings to fields, remembered per file), ``cells`` (reading one cell), ``rows``
(checking and matching rows), ``preview`` (the preview, the write, the report).
"""

from planner.imports.people.cells import (
    country_code,
    parse_date,
    parse_flight,
    parse_moment,
    parse_role,
    parse_sex,
    text_of,
)
from planner.imports.people.mapping import (
    FIELDS,
    SETTING,
    field_label,
    guess_mapping,
    is_spanish,
    known_header,
    mapping_for,
    mapping_key,
    remember_mapping,
    remembered_mapping,
)
from planner.imports.people.preview import apply, preview, report, summary
from planner.imports.people.rows import (
    DUPLICATE,
    ERROR,
    NEW,
    UPDATE,
    Cancelled,
    InvalidRows,
    Preview,
    RowResult,
)

__all__ = [
    "DUPLICATE",
    "ERROR",
    "FIELDS",
    "NEW",
    "SETTING",
    "UPDATE",
    "Cancelled",
    "InvalidRows",
    "Preview",
    "RowResult",
    "apply",
    "country_code",
    "field_label",
    "guess_mapping",
    "is_spanish",
    "known_header",
    "mapping_for",
    "mapping_key",
    "parse_date",
    "parse_flight",
    "parse_moment",
    "parse_role",
    "parse_sex",
    "preview",
    "remember_mapping",
    "remembered_mapping",
    "report",
    "summary",
    "text_of",
]
