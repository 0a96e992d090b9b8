"""Set translations in a Qt catalogue from a JSON map (source text -> translation).

    python tools/ts_set.py es FILE.json

A value is a string, or a list of plural forms for "%n" (numerus) messages. A key of the form
"Context|source" sets the text in that context only; "source#comment" a message given a
disambiguating comment (only those). Filled messages lose type="unfinished".
The file is written back with ElementTree's layout: run `tools/i18n.py extract` afterwards so
lupdate writes it in its own again (and the diff shows only the new translations).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    lang, source = sys.argv[1], Path(sys.argv[2])
    path = ROOT / "resources" / "translations" / f"planner_{lang}.ts"
    wanted = json.loads(source.read_text(encoding="utf-8"))
    tree = ET.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            text = message.findtext("source") or ""
            comment = message.findtext("comment")
            if comment:  # a disambiguated message: "source#comment" only
                value = wanted.get(f"{name}|{text}#{comment}", wanted.get(f"{text}#{comment}"))
            else:
                value = wanted.get(f"{name}|{text}", wanted.get(text))
            translation = message.find("translation")
            if value is None or translation is None:
                continue
            if message.get("numerus") == "yes":
                forms = value if isinstance(value, list) else [value, value]
                for child in list(translation):
                    translation.remove(child)
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = value
            translation.attrib.pop("type", None)
            filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    print(f"{filled} messages set in {path.name}")


if __name__ == "__main__":
    main()
