"""Delegation Planner's core: plan files, the domain model and every operation on them.

This package never imports Qt: the command line and the exports use it without a window.
"""

__version__ = "0.1.0"
APP_NAME = "Delegation Planner"
