"""Write resources/countries.json: country names by code in each language, from Babel's CLDR.

Reading Babel's locale data costs tens of milliseconds at start-up; this small file costs
under one. Run it after adding a language or upgrading Babel, and commit the result.

    python tools/make_countries.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from babel import Locale  # noqa: E402

from planner.domain.i18n import LANGUAGES, babel_locale  # noqa: E402


def main() -> None:
    not_countries = {"EU", "EZ", "QO", "UN", "ZZ"}  # unions, zones and "unknown region"
    codes = sorted(
        str(c)
        for c in Locale("en").territories
        if len(str(c)) == 2 and str(c).isalpha() and str(c) not in not_countries
    )
    names = {}
    for lang in LANGUAGES:
        territories = Locale.parse(babel_locale(lang)).territories
        names[lang] = {code: str(territories.get(code, code)) for code in codes}
    target = ROOT / "resources" / "countries.json"
    target.write_text(
        json.dumps(names, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"{target}: {len(codes)} countries in {', '.join(LANGUAGES)}")


if __name__ == "__main__":
    main()
