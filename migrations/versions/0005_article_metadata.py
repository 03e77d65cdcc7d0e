"""articles.url, outlet, metadata_source: metadata stated outside the text

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 15:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("url", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("outlet", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "metadata_source", sa.String(length=20), nullable=False, server_default="text"
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("metadata_source")
        batch_op.drop_column("outlet")
        batch_op.drop_column("url")
