"""Alembic environment: runs migrations on the connection cartelkb hands over, or on a URL."""

import os

from alembic import context
from sqlalchemy import create_engine, pool

from cartelkb.store.db import include_name
from cartelkb.store.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    x_args = context.get_x_argument(as_dictionary=True)
    if "db" in x_args:
        from cartelkb.config import database_url

        return database_url(x_args["db"])
    if os.environ.get("CARTELKB_DB"):
        from cartelkb.config import database_url

        return database_url(os.environ["CARTELKB_DB"])
    return config.get_main_option("sqlalchemy.url") or "sqlite:///cartelkb.db"


def run_migrations_offline() -> None:
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url(), poolclass=pool.NullPool)
    with engine.connect() as conn:
        context.configure(
            connection=conn,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
