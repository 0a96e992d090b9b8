"""Workbooks and files made from a plan (pure functions: plan -> file)."""
