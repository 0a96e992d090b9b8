"""Text from a plan made safe to show: control characters are shown, never obeyed.

Plans written before names were checked on import and edit may still hold escape codes, bells
or NUL bytes (in their rows and in the change log that remembers old values). Printed raw, an
ESC sequence can clear or recolour a terminal, or hide the rest of a line; in a window it shows
nothing at all. Everything that prints a plan's text (the history, the command line's messages)
passes it through :func:`printable` first: a control character shows as its name in angle
brackets (ESC as "<ESC>", BEL as "<BEL>", NUL as "<NUL>"; a C1 control or a bidirectional
override as its code, "<U+009B>"), in plain ASCII that every font and terminal shows, so the
reader sees that something odd is there, and the terminal does nothing.
"""

from __future__ import annotations

import re

# C0 (but tab and line breaks, handled apart), DEL, C1, and the bidirectional embeddings,
# overrides and isolates (which reorder what follows them on the line)
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("\r\n|[\r\n\t\u2028\u2029]")


_NAMES = (
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "HT",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
)


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return f"<{_NAMES[code]}>"
    if code == 0x7F:
        return "<DEL>"
    return f"<U+{code:04X}>"


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` safe to print on one line (line breaks and tabs become spaces); with ``lines``,
    its line breaks and tabs are kept (a message of several lines). Other control characters
    are shown as visible signs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n") if lines else _BREAKS.sub(" ", text)
    return _UNSAFE.sub(_shown, text)


def json_safe(text: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with the control characters JSON
    leaves raw (DEL, C1, bidirectional overrides) written as ``\\uXXXX`` escapes: the same
    data once read, harmless on a terminal."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
