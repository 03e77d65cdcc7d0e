"""events (with event_patients, event_quantities) and relations

Typed events read off claims and event words (extradition, seizure, sentence, ...) with
their agent, place, date, flags, their patients (one row each, linked to entities) and
their normalized quantities (money in its currency, drugs in kg, pills, people, terms,
rates); relations between people and groups (leader_of, member_of, relative_of,
position, associate_of) with their evidence sentence. Existing articles get events and
relations when they are re-extracted (`ingest --force`).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 16:01:23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("trigger_lemma", sa.String(length=40), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("agent_text", sa.Text(), nullable=True),
        sa.Column("agent_entity_id", sa.Integer(), nullable=True),
        sa.Column("agent_start", sa.Integer(), nullable=True),
        sa.Column("agent_end", sa.Integer(), nullable=True),
        sa.Column("location_text", sa.Text(), nullable=True),
        sa.Column("location_entity_id", sa.Integer(), nullable=True),
        sa.Column("location_start", sa.Integer(), nullable=True),
        sa.Column("location_end", sa.Integer(), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("source_entity_id", sa.Integer(), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("negation_cue", sa.Text(), nullable=True),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("hedge_cue", sa.Text(), nullable=True),
        sa.Column("date_value", sa.String(length=20), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_entity_id"],
            ["entities.id"],
            name=op.f("fk_events_agent_entity_id_entities"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_events_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_events_claim_id_claims"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["location_entity_id"],
            ["entities.id"],
            name=op.f("fk_events_location_entity_id_entities"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_entity_id"],
            ["entities.id"],
            name=op.f("fk_events_source_entity_id_entities"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_events_agent_entity_id"), ["agent_entity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_events_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_date_start"), ["date_start"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_date_value"), ["date_value"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_location_entity_id"), ["location_entity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_events_source_entity_id"), ["source_entity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_events_type"), ["type"], unique=False)

    op.create_table(
        "relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("subject_text", sa.Text(), nullable=False),
        sa.Column("subject_entity_id", sa.Integer(), nullable=True),
        sa.Column("subject_start", sa.Integer(), nullable=False),
        sa.Column("subject_end", sa.Integer(), nullable=False),
        sa.Column("object_text", sa.Text(), nullable=True),
        sa.Column("object_entity_id", sa.Integer(), nullable=True),
        sa.Column("object_start", sa.Integer(), nullable=True),
        sa.Column("object_end", sa.Integer(), nullable=True),
        sa.Column("rule", sa.String(length=20), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("hedge_cue", sa.Text(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_relations_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_relations_claim_id_claims"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["object_entity_id"],
            ["entities.id"],
            name=op.f("fk_relations_object_entity_id_entities"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["subject_entity_id"],
            ["entities.id"],
            name=op.f("fk_relations_subject_entity_id_entities"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relations")),
    )
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_relations_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_relations_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_relations_object_entity_id"), ["object_entity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_relations_subject_entity_id"), ["subject_entity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_relations_type"), ["type"], unique=False)

    op.create_table(
        "event_patients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name=op.f("fk_event_patients_entity_id_entities"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_patients_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_patients")),
    )
    with op.batch_alter_table("event_patients", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_patients_entity_id"), ["entity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_event_patients_event_id"), ["event_id"], unique=False)

    op.create_table(
        "event_quantities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("amount", sa.Double(), nullable=True),
        sa.Column("unit", sa.String(length=10), nullable=True),
        sa.Column("value", sa.String(length=20), nullable=True),
        sa.Column("approximate", sa.String(length=30), nullable=True),
        sa.Column("item", sa.Text(), nullable=True),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_quantities_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_quantities")),
    )
    with op.batch_alter_table("event_quantities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_quantities_amount"), ["amount"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_event_quantities_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_event_quantities_kind"), ["kind"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("event_quantities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_quantities_kind"))
        batch_op.drop_index(batch_op.f("ix_event_quantities_event_id"))
        batch_op.drop_index(batch_op.f("ix_event_quantities_amount"))

    op.drop_table("event_quantities")
    with op.batch_alter_table("event_patients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_patients_event_id"))
        batch_op.drop_index(batch_op.f("ix_event_patients_entity_id"))

    op.drop_table("event_patients")
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relations_type"))
        batch_op.drop_index(batch_op.f("ix_relations_subject_entity_id"))
        batch_op.drop_index(batch_op.f("ix_relations_object_entity_id"))
        batch_op.drop_index(batch_op.f("ix_relations_claim_id"))
        batch_op.drop_index(batch_op.f("ix_relations_article_id"))

    op.drop_table("relations")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_type"))
        batch_op.drop_index(batch_op.f("ix_events_source_entity_id"))
        batch_op.drop_index(batch_op.f("ix_events_location_entity_id"))
        batch_op.drop_index(batch_op.f("ix_events_date_value"))
        batch_op.drop_index(batch_op.f("ix_events_date_start"))
        batch_op.drop_index(batch_op.f("ix_events_claim_id"))
        batch_op.drop_index(batch_op.f("ix_events_article_id"))
        batch_op.drop_index(batch_op.f("ix_events_agent_entity_id"))

    op.drop_table("events")
