"""claim_arguments: every argument of a claim with its role, preposition and entity

One row per argument and entity it names: the subject and object again (so a
coordination "A and B" links both), then the recipient, location, time and other
prepositional arguments of the clause.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "claim_arguments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("preposition", sa.String(length=40), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_arguments_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name=op.f("fk_claim_arguments_entity_id_entities"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_arguments")),
    )
    with op.batch_alter_table("claim_arguments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_arguments_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_claim_arguments_entity_id"), ["entity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_claim_arguments_role"), ["role"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claim_arguments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_arguments_role"))
        batch_op.drop_index(batch_op.f("ix_claim_arguments_entity_id"))
        batch_op.drop_index(batch_op.f("ix_claim_arguments_claim_id"))
    op.drop_table("claim_arguments")
