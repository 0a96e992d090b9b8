"""Where the tests find the repository, its sample inputs and its fixture plans."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
FIXTURES = ROOT / "tests" / "fixtures"
