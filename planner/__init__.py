"""Delegation Planner's core: plan files, the domain model and every operation on them.

This package never imports Qt: the command line and the exports use it without a window.
"""

import sys
from pathlib import Path

__version__ = "0.1.0"
APP_NAME = "Delegation Planner"


def program_name() -> str:
    """The command people type: ``planner`` from an install with Python, the bundle's own
    executable (``delegation-planner``; ``planner`` on Windows) from the bundle."""
    return Path(sys.executable).stem if getattr(sys, "frozen", False) else "planner"
