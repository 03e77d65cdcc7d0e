"""date intervals: every stored date value also as the days it covers, [start, end)

`dates.value_start/value_end`, `claims.date_start/date_end` and
`articles.published_start/published_end` hold the interval of the ISO value beside them
("2024-08" -> 2024-08-01, 2024-09-01), so date filters compare by overlap whatever the
precision. Existing rows are filled in from their values.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cartelkb.timespan import interval

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, value column, start column, end column)
COLUMNS = (
    ("articles", "published", "published_start", "published_end"),
    ("dates", "value", "value_start", "value_end"),
    ("claims", "date_value", "date_start", "date_end"),
)


def upgrade() -> None:
    for table, _, start, end in COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(start, sa.Date(), nullable=True))
            batch_op.add_column(sa.Column(end, sa.Date(), nullable=True))
            batch_op.create_index(f"ix_{table}_{start}", [start], unique=False)
    conn = op.get_bind()
    for table, value, start, end in COLUMNS:
        rows = conn.execute(
            sa.text(f"SELECT DISTINCT {value} FROM {table} WHERE {value} IS NOT NULL")
        ).scalars()
        for found in list(rows):
            span = interval(found)
            if span is None:
                continue
            conn.execute(
                sa.text(f"UPDATE {table} SET {start} = :s, {end} = :e WHERE {value} = :v"),
                {"s": span[0], "e": span[1], "v": found},
            )


def downgrade() -> None:
    for table, _, start, end in COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f"ix_{table}_{start}")
            batch_op.drop_column(end)
            batch_op.drop_column(start)
