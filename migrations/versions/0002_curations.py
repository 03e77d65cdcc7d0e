"""curations: user decisions (merge, split, alias, rename) that survive re-extraction

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "curations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("entity_key", sa.String(length=300), nullable=False),
        sa.Column("entity_type", sa.String(length=10), nullable=True),
        sa.Column("other_key", sa.String(length=300), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_curations")),
    )
    with op.batch_alter_table("curations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_curations_entity_key"), ["entity_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("curations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_curations_entity_key"))
    op.drop_table("curations")
