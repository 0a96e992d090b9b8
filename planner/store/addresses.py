"""A shared plan's address (``postgresql://login@server:5432/database``): recognised, parsed
and shown without loading SQLAlchemy or the database driver (so a window can list recent shared
plans at start), and never with its password: every message that may hold an address goes
through :func:`display_address` or :func:`hide_password`.
"""

from __future__ import annotations

import contextlib
import os
import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

from planner.domain.errors import PlanFileError
from planner.domain.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

SHARED_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")  # planner.store.shared


def is_address(text: str | os.PathLike[str]) -> bool:
    """Whether ``text`` is a shared plan's address (``postgresql://…``) rather than a file."""
    return str(text).strip().lower().startswith(SHARED_SCHEMES)


def address_parts(address: str) -> tuple[str, str]:
    """(database, "server:port") of a shared plan's address, to show it; read without loading
    SQLAlchemy, so a window can list recent shared plans at start."""
    parts = urlsplit(address.strip())
    try:
        port = parts.port or 5432
    except ValueError:
        port = 5432
    return parts.path.lstrip("/"), f"{parts.hostname or 'localhost'}:{port}"


ADDRESS_HELP = "postgresql://user@server:5432/database"


_SCHEME_RE = re.compile(r"(?i)\b(postgres(?:ql)?(?:\+\w+)?://)([^\s'\"<>]*)")


_PASSWORD_PARAM_RE = re.compile(r"(?i)\b(password\s*=\s*)('[^']*'|\"[^\"]*\"|[^\s&'\"]+)")


def hide_password(text: str, address: str | None = None) -> str:
    """``text`` with every password it may hold replaced by ``***``: in addresses
    (``postgresql://user:PASSWORD@server``), in ``password=`` settings, and wherever the
    password of ``address`` appears."""

    def hide(match: re.Match[str]) -> str:
        scheme, rest = match.group(1), match.group(2)
        if "@" in rest:
            userinfo, at, after = rest.rpartition("@")
            user, colon, _secret = userinfo.partition(":")
            rest = (f"{user}:***" if colon else user) + at + after
        return scheme + rest

    hidden = _PASSWORD_PARAM_RE.sub(lambda m: m.group(1) + "***", _SCHEME_RE.sub(hide, text))
    for secret in _passwords_of(address) if address else ():
        hidden = re.sub(r"(?<![A-Za-z0-9])" + re.escape(secret) + r"(?![A-Za-z0-9])", "***", hidden)
    return hidden


def _passwords_of(address: str) -> list[str]:
    """The password an address carries, as typed and as decoded."""
    found: list[str] = []
    with contextlib.suppress(Exception):  # as the connection reads it (SQLAlchemy's URL)
        from sqlalchemy.engine import make_url

        url = make_url(address.strip())
        found += [url.password or "", str(url.query.get("password") or "")]
    with contextlib.suppress(ValueError):
        parts = urlsplit(address.strip())
        netloc = parts.netloc
        if "@" in netloc:
            userinfo = netloc.rpartition("@")[0]
            if ":" in userinfo:
                found.append(userinfo.partition(":")[2])
        found += parse_qs(parts.query).get("password", [])
    for secret in list(found):
        found.append(unquote(secret))
    return sorted({s for s in found if s}, key=len, reverse=True)


def has_password(address: str) -> bool:
    """Whether the address itself carries a password (better kept in .pgpass)."""
    return bool(_passwords_of(address))


def url_of(address: str, password: str | None = None) -> URL:
    """The SQLAlchemy URL of a shared plan's address; a malformed address is refused in words
    (which never repeat a password it holds)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    shown = hide_password(address.strip())

    def refuse(reason: str) -> PlanFileError:
        return PlanFileError(
            _("{address} is not a shared plan's address: {reason}. Write it as {example}.").format(
                address=shown, reason=reason, example=ADDRESS_HELP
            ),
            shown,
        )

    try:
        url = make_url(address.strip())
    except (ArgumentError, ValueError) as exc:
        port = re.search(r"@[\w.\-]*:([^/:@\[\]]*)(?:/|$)", address.strip())
        if isinstance(exc, ValueError) and port is not None:
            raise refuse(
                _("the port '{port}' is not a number").format(
                    port=hide_password(port.group(1), address)
                )
            ) from None
        raise refuse(_("it cannot be read as server, port and database")) from None
    if not url.drivername.startswith(("postgresql", "postgres")):
        raise refuse(_("it is not a postgresql:// address"))
    if url.port is not None and not 1 <= url.port <= 65535:
        raise refuse(_("the port {port} is not between 1 and 65535").format(port=url.port))
    if url.host and ("@" in url.host or any(ch.isspace() for ch in url.host)):
        raise refuse(
            _(
                "the server's name holds an @ or a space; if it is the password that"
                " holds @, / or :, keep the password in your .pgpass file instead of"
                " the address"
            )
        )
    if not url.database:
        raise PlanFileError(
            _(
                "{address} names no database. Write it as postgresql://user@server:5432/database."
            ).format(address=shown),
            shown,
        )
    url = url.set(drivername="postgresql+psycopg")
    if password is not None:
        url = url.set(password=password)
    return url


def display_address(address: str) -> str:
    """The address as it may be shown and remembered: never with a password in it."""
    try:
        url = url_of(address)
    except PlanFileError:
        return hide_password(address.strip())
    from sqlalchemy.engine import URL

    # (URL.set(password=None) keeps the password: set() skips what is None)
    shown = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query={k: v for k, v in url.query.items() if k.lower() != "password"},
    )
    return shown.render_as_string(hide_password=False)


def connection_parts(address: str) -> tuple[str, str]:
    """(database, "server:port") as the connection reads the address."""
    try:
        url = url_of(address)
    except PlanFileError:
        return address_parts(address)
    return url.database or "", f"{url.host or 'localhost'}:{url.port or 5432}"
