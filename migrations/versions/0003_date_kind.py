"""dates.kind: tell durations and sets (P3Y) from calendar dates

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("dates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dates", schema=None) as batch_op:
        batch_op.drop_column("kind")
