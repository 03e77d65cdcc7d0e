"""name_candidates: runs of proper nouns no mention covers, matched against known names

Each article keeps the runs of untagged proper nouns the extractor found outside its
mentions; the end of every ingest turns those whose key is the name of exactly one
entity into mentions (source `known-name`). Articles stored before this revision have
no candidates until they are extracted again (`cartelkb ingest --force`; their
extractor_version marks them stale).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "name_candidates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_name_candidates_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_name_candidates")),
    )
    with op.batch_alter_table("name_candidates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_name_candidates_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_name_candidates_name_key"), ["name_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("name_candidates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_name_candidates_name_key"))
        batch_op.drop_index(batch_op.f("ix_name_candidates_article_id"))
    op.drop_table("name_candidates")
