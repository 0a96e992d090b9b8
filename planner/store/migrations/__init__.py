"""Alembic migrations of the plan schema, applied on open (see planner.store.migrate)."""
