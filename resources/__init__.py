"""Data files of Delegation Planner: translations, icons, styles (no code)."""
