"""Badge codes: a short code per person ("K3Q-9F2M") printed as a QR code and as text on
badges and tent cards, that a scanner at the door types like a keyboard.

A code is opaque (it holds no personal data and does not show the person's number in the plan),
stable (the same person always has the same code), unique in the plan and checked: its last
character catches a mistyped character. It is the person's id run through a keyed permutation
of 30 bits (a Feistel network, with a key kept in the plan), written in Crockford's base 32
(no I, L, O or U: nothing to misread), then a check character. So no code is stored and none
can clash: decoding gives the id back.
"""

from __future__ import annotations

import hashlib
import re

# Crockford's base 32: digits and letters a person reads without confusion
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
# what people and scanners type for the letters left out
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_DATA = 6  # characters of data: 30 bits, ids up to about a thousand million
_BITS = 5 * _DATA
_HALF = _BITS // 2
_MASK = (1 << _HALF) - 1
_ROUNDS = 4
_WEIGHTS = (1, 3, 5, 7, 9, 11)  # odd: a single wrong character always changes the check
_SHAPE = re.compile(r"^[0-9A-Z]{7}$")

LIMIT = 1 << _BITS  # the ids that have a code


def _round_keys(key: str) -> tuple[int, ...]:
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return tuple(int.from_bytes(digest[4 * i : 4 * i + 4], "big") for i in range(_ROUNDS))


def _f(half: int, round_key: int) -> int:
    """A round's mixing of one half (15 bits) with its key."""
    x = (half * 0x9E37 + round_key) & 0xFFFFFFFF
    x ^= x >> 13
    x = (x * 0x5BD1E995) & 0xFFFFFFFF
    x ^= x >> 15
    return x & _MASK


class BadgeCodes:
    """The codes of one plan (its key): ``code(id)`` and ``person_id(code)``."""

    def __init__(self, key: str) -> None:
        self._keys = _round_keys(key)

    def _permute(self, n: int) -> int:
        left, right = n >> _HALF, n & _MASK
        for k in self._keys:
            left, right = right, left ^ _f(right, k)
        return (left << _HALF) | right

    def _unpermute(self, n: int) -> int:
        left, right = n >> _HALF, n & _MASK
        for k in reversed(self._keys):
            left, right = right ^ _f(left, k), left
        return (left << _HALF) | right

    def code(self, person_id: int) -> str:
        """The person's code, "K3Q-9F2M" (three characters, a hyphen, four)."""
        if not 0 < person_id < LIMIT:
            raise ValueError(f"no badge code for id {person_id}")
        n = self._permute(person_id)
        chars = [ALPHABET[(n >> (5 * (_DATA - 1 - i))) & 31] for i in range(_DATA)]
        chars.append(ALPHABET[_check(chars)])
        text = "".join(chars)
        return f"{text[:3]}-{text[3:]}"

    def person_id(self, typed: str) -> int | None:
        """The id a typed or scanned code stands for; None when it is no code (wrong length,
        a character that is no code's, a failed check)."""
        text = normalise(typed)
        if not _SHAPE.match(text) or any(ch not in _VALUE for ch in text):
            return None
        data = list(text[:_DATA])
        if ALPHABET[_check(data)] != text[_DATA]:
            return None
        n = 0
        for ch in data:
            n = (n << 5) | _VALUE[ch]
        found = self._unpermute(n)
        return found if found > 0 else None


def normalise(typed: str) -> str:
    """A code as typed or scanned, in capitals without spaces or hyphens; O read as 0, I and
    L as 1 (a keyboard scanner set to another layout may also send "'" for "-")."""
    return re.sub(r"[\s\-'_./]", "", typed.upper()).translate(_READ_AS)


def looks_like_code(typed: str) -> bool:
    """Whether text is shaped as a code (seven code characters), right or wrong."""
    text = normalise(typed)
    return bool(_SHAPE.match(text)) and all(ch in _VALUE for ch in text)


def _check(chars: list[str]) -> int:
    return sum(w * _VALUE[ch] for w, ch in zip(_WEIGHTS, chars, strict=True)) % 32
