"""Alembic environment: runs on the connection handed over by storage.db.migrate,
or on DATABASE_URL when invoked from the alembic command line for autogenerate."""

import os

from alembic import context
from sqlmodel import SQLModel

import storage.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from storage.search import include_object

target_metadata = SQLModel.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,  # the full-text index is raw SQL, not a model
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from storage.db import make_engine

    engine = make_engine(os.environ.get("DATABASE_URL", "sqlite:///./data/briefbot.db"))
    with engine.begin() as conn:
        _run(conn)
