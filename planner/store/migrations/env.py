"""Alembic environment: always run with the connection that planner.store hands over."""

from alembic import context

from planner.domain.model import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached from the alembic command line
    raise SystemExit("Run migrations through planner.store.migrate, which opens the plan file.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
