"""Delegation Planner's window (PySide6). Depends on ``planner``; never the reverse.

Importing this package does not load Qt: ``ui.launcher`` decides first whether the command
line or the window is wanted.
"""
