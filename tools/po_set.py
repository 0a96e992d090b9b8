"""Set translations in the core's Spanish catalogue from a small JSON map (msgid -> text).

python tools/po_set.py es FILE.json

A message with a context (pgettext) is keyed "context|msgid".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    lang, source = sys.argv[1], Path(sys.argv[2])
    path = ROOT / "resources" / "locale" / lang / "LC_MESSAGES" / "planner.po"
    wanted = json.loads(source.read_text(encoding="utf-8"))
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    done = 0
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if message.context:  # a message given a context: "context|msgid" only
            key = f"{message.context}|{key}"
        if key in wanted:
            value = wanted[key]
            message.string = tuple(value) if isinstance(value, list) else value
            message.flags.discard("fuzzy")
            done += 1
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, no_location=True, sort_output=True)
    print(f"{done} of {len(wanted)} set in {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
