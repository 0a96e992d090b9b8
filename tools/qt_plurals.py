"""Fill the English plural-only Qt catalogue: "%n day(s)" -> "%n day" / "%n days".

python tools/qt_plurals.py      # after `python tools/i18n.py extract`, before `compile`
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "planner_en.ts"


def main() -> None:
    tree = ET.parse(TS)
    filled = 0
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = translation.findall("numerusform")
        one = source.replace("person(s)", "person")
        many = source.replace("person(s)", "people")  # not "persons"
        one = re.sub(r"\((s|es)\)", "", one)
        many = re.sub(r"\((s|es)\)", r"\1", many)
        if [f.text for f in forms] == [one, many] and translation.get("type") != "unfinished":
            continue
        for form, text in zip(forms, (one, many), strict=False):
            form.text = text
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    print(f"{filled} plural messages filled in {TS.name}")


if __name__ == "__main__":
    main()
