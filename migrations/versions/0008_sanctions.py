"""sanctions: the SDN list in use (entries, aliases, links) and entities matched to it

`sanctions_entries` holds the narcotics entries of OFAC's SDN list (the packaged one, or
a newer list loaded with `cartelkb knowledge load`), `sanctions_aliases` their other
names, `sanctions_links` their "Linked To:" targets, and `entity_sanctions` the
knowledge-base entities matched to them, with the rule and evidence of each match.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-02 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sanctions_entries",
        sa.Column("sdn_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("sdn_name", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=10), nullable=False),
        sa.Column("programs", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("dob", sa.Text(), nullable=True),
        sa.Column("pob", sa.Text(), nullable=True),
        sa.Column("nationality", sa.Text(), nullable=True),
        sa.Column("citizenship", sa.Text(), nullable=True),
        sa.Column("gender", sa.String(length=20), nullable=True),
        sa.Column("ids", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("list_date", sa.String(length=10), nullable=True),
        sa.Column(
            "loaded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("sdn_id", name=op.f("pk_sanctions_entries")),
    )
    with op.batch_alter_table("sanctions_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sanctions_entries_name_key"), ["name_key"], unique=False
        )
    op.create_table(
        "sanctions_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sdn_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("alias_key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=True),
        sa.Column("written", sa.Text(), nullable=False),
        sa.Column("distinctive", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sdn_id"],
            ["sanctions_entries.sdn_id"],
            name=op.f("fk_sanctions_aliases_sdn_id_sanctions_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sanctions_aliases")),
    )
    with op.batch_alter_table("sanctions_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sanctions_aliases_alias_key"), ["alias_key"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sanctions_aliases_sdn_id"), ["sdn_id"], unique=False)
    op.create_table(
        "sanctions_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sdn_id", sa.Integer(), nullable=False),
        sa.Column("target_name", sa.Text(), nullable=False),
        sa.Column("target_sdn_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["sdn_id"],
            ["sanctions_entries.sdn_id"],
            name=op.f("fk_sanctions_links_sdn_id_sanctions_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sanctions_links")),
    )
    with op.batch_alter_table("sanctions_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sanctions_links_sdn_id"), ["sdn_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sanctions_links_target_sdn_id"), ["target_sdn_id"], unique=False
        )
    op.create_table(
        "entity_sanctions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("sdn_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=20), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name=op.f("fk_entity_sanctions_entity_id_entities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sdn_id"],
            ["sanctions_entries.sdn_id"],
            name=op.f("fk_entity_sanctions_sdn_id_sanctions_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_sanctions")),
        sa.UniqueConstraint(
            "entity_id", "sdn_id", name=op.f("uq_entity_sanctions_entity_id_sdn_id")
        ),
    )
    with op.batch_alter_table("entity_sanctions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_entity_sanctions_entity_id"), ["entity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_entity_sanctions_sdn_id"), ["sdn_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("entity_sanctions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entity_sanctions_sdn_id"))
        batch_op.drop_index(batch_op.f("ix_entity_sanctions_entity_id"))
    op.drop_table("entity_sanctions")
    with op.batch_alter_table("sanctions_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sanctions_links_target_sdn_id"))
        batch_op.drop_index(batch_op.f("ix_sanctions_links_sdn_id"))
    op.drop_table("sanctions_links")
    with op.batch_alter_table("sanctions_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sanctions_aliases_sdn_id"))
        batch_op.drop_index(batch_op.f("ix_sanctions_aliases_alias_key"))
    op.drop_table("sanctions_aliases")
    with op.batch_alter_table("sanctions_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sanctions_entries_name_key"))
    op.drop_table("sanctions_entries")
