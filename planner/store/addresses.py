"""A shared plan's address (``postgresql://login@server:5432/database``): recognised and shown
without loading SQLAlchemy or the database driver, so a window can list recent shared plans at
start."""

from __future__ import annotations

import os

SHARED_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")  # planner.store.shared


def is_address(text: str | os.PathLike[str]) -> bool:
    """Whether ``text`` is a shared plan's address (``postgresql://…``) rather than a file."""
    return str(text).strip().lower().startswith(SHARED_SCHEMES)


def address_parts(address: str) -> tuple[str, str]:
    """(database, "server:port") of a shared plan's address, to show it; read without loading
    SQLAlchemy, so a window can list recent shared plans at start."""
    from urllib.parse import urlsplit

    parts = urlsplit(address.strip())
    try:
        port = parts.port or 5432
    except ValueError:
        port = 5432
    return parts.path.lstrip("/"), f"{parts.hostname or 'localhost'}:{port}"
