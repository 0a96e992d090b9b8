"""The JSON report every import prints: ``created``, ``updated``, ``duplicates``, ``rejected``
and ``warnings``, each a list of rows (a contract for scripts: add keys, never rename)."""

from __future__ import annotations

from typing import Any

REPORT_KEYS = ("created", "updated", "duplicates", "rejected", "warnings")


def empty_report() -> dict[str, list[dict[str, Any]]]:
    """The report with every key and no rows yet."""
    return {key: [] for key in REPORT_KEYS}
