"""Alt+letters for texts that have none, each letter once (as KDE's accelerator manager does):
the View menu's pages in every language get one without a translator choosing it."""

from __future__ import annotations

import re


def mnemonic_of(text: str) -> str | None:
    """The Alt+letter of a Qt text ("Save a &Copy" -> "c"); "&&" is a literal ampersand."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def with_mnemonics(texts: list[str], taken: set[str] | None = None) -> list[str]:
    """Give each text that has no Alt+letter the first free letter, preferring the start of a
    word: ["Overview", "Organisations"] -> ["&Overview", "O&rganisations"]. Letters already
    used (by ``taken`` or by a text's own) are not given twice; a text with no free letter
    stays without one."""
    used = set(taken or ())
    used.update(k for k in map(mnemonic_of, texts) if k)
    result = []
    for text in texts:
        if mnemonic_of(text):
            result.append(text)
            continue
        plain = text.replace("&&", "\0")
        starts = [m.start() for m in re.finditer(r"(?<!\w)\w", plain)]
        others = [i for i, ch in enumerate(plain) if ch.isalnum() and i not in starts]
        for index in starts + others:
            letter = plain[index].lower()
            if plain[index].isalnum() and letter not in used:
                used.add(letter)
                plain = plain[:index] + "&" + plain[index:]
                break
        result.append(plain.replace("\0", "&&"))
    return result
