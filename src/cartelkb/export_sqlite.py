"""A copy of a knowledge base (PostgreSQL or SQLite) in a new SQLite file (for Datasette)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from cartelkb.errors import ConfigError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

BATCH = 2000


def copy_to_sqlite(source: Engine, dest: Path) -> dict[str, int]:
    """Copy every table of `source` into a new SQLite file at `dest`.

    The new file's schema is made by Alembic, as for any cartelkb database; rows keep
    their ids, and the full-text search tables fill themselves (their triggers).

    Returns:
        Rows copied per table.

    Raises:
        ConfigError: `dest` exists (it is never overwritten).
    """
    from cartelkb.store.db import open_database
    from cartelkb.store.models import Base

    if dest.exists():
        raise ConfigError(f"{dest} exists; give a new file name (it is never overwritten)")
    from sqlalchemy.engine import URL

    target = open_database(
        URL.create("sqlite", database=str(dest.resolve())).render_as_string(), write=True
    )
    counts: dict[str, int] = {}
    try:
        with source.connect() as src, target.begin() as dst:
            for table in Base.metadata.sorted_tables:
                counts[table.name] = 0
                rows = src.execute(select(table).order_by(*table.primary_key.columns))
                while batch := rows.fetchmany(BATCH):
                    dst.execute(insert(table), [dict(r._mapping) for r in batch])
                    counts[table.name] += len(batch)
    except BaseException:
        target.dispose()
        dest.unlink(missing_ok=True)
        raise
    target.dispose()
    return counts
