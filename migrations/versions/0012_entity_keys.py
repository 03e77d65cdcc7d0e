"""entities unique by (name_key, type): duplicates merged, then a unique index

Two writers that both missed an entity could each insert it; from this revision the
schema refuses the second (`uq_entities_name_key_type`) and the writers insert-or-get.
Existing duplicates are merged first into the oldest (lowest id): every reference to an
entity is moved (mentions, aliases, claims, claim arguments, events, event patients,
relations, sanctions matches, places), rows the kept entity already has are dropped, then
the extras are deleted; the index on name_key alone goes (the unique one serves its
look-ups). Aliases whose key is only function words ("from", "of the"),
left by names the NER ran past ("Marco Rubio - from"), are deleted too.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column) of every reference to entities.id at revision 0011 whose rows simply
# move; entity_aliases, entity_sanctions and places have unique keys and are handled apart.
_REFERENCES = (
    ("mentions", "entity_id"),
    ("claims", "subject_entity_id"),
    ("claims", "object_entity_id"),
    ("claims", "source_entity_id"),
    ("claim_arguments", "entity_id"),
    ("events", "agent_entity_id"),
    ("events", "location_entity_id"),
    ("events", "source_entity_id"),
    ("event_patients", "entity_id"),
    ("relations", "subject_entity_id"),
    ("relations", "object_entity_id"),
)
# (table, the columns besides entity_id of its unique key)
_UNIQUE_REFERENCES = (
    ("entity_aliases", ("alias_key", "kind")),
    ("entity_sanctions", ("sdn_id",)),
    ("places", ()),
)
# A frozen copy of cartelkb's function words at this revision (lexicons/names.toml).
_FUNCTION_WORDS = frozenset(
    [
        "#",
        "noqa:",
        "SIM905",
        "-",
        "a",
        "word",
        "list,",
        "kept",
        "as",
        "it",
        "reads",
        "in",
        "the",
        "lexicon",
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "from",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "without",
        "about",
        "against",
        "between",
        "into",
        "onto",
        "through",
        "during",
        "before",
        "after",
        "above",
        "below",
        "under",
        "over",
        "up",
        "down",
        "out",
        "off",
        "as",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "it",
        "its",
        "he",
        "she",
        "they",
        "them",
        "their",
        "his",
        "her",
        "him",
        "we",
        "us",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "so",
        "if",
        "also",
        "via",
        "per",
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "y",
    ]
)


def _merge(conn: sa.Connection, keep: int, drop: int) -> None:
    ids = {"keep": keep, "drop": drop}
    for table, column in _REFERENCES:
        conn.execute(sa.text(f"UPDATE {table} SET {column} = :keep WHERE {column} = :drop"), ids)
    for table, columns in _UNIQUE_REFERENCES:
        same = "".join(f" AND k.{c} = {table}.{c}" for c in columns)
        conn.execute(
            sa.text(
                f"DELETE FROM {table} WHERE entity_id = :drop AND EXISTS "
                f"(SELECT 1 FROM {table} k WHERE k.entity_id = :keep{same})"
            ),
            ids,
        )
        conn.execute(sa.text(f"UPDATE {table} SET entity_id = :keep WHERE entity_id = :drop"), ids)
    conn.execute(sa.text("DELETE FROM entities WHERE id = :drop"), ids)


def upgrade() -> None:
    conn = op.get_bind()
    groups = conn.execute(
        sa.text(
            "SELECT name_key, type, min(id) FROM entities GROUP BY name_key, type "
            "HAVING count(*) > 1"
        )
    ).all()
    for key, type_, keep in groups:
        drops = conn.scalars(
            sa.text(
                "SELECT id FROM entities WHERE name_key = :key AND type = :type AND id <> :keep "
                "ORDER BY id"
            ),
            {"key": key, "type": type_, "keep": keep},
        ).all()
        for drop in drops:
            _merge(conn, keep, drop)
    junk = [
        alias_id
        for alias_id, alias, alias_key in conn.execute(
            sa.text("SELECT id, alias, alias_key FROM entity_aliases")
        )
        if alias_key
        and all(w in _FUNCTION_WORDS for w in alias_key.split())
        and not alias.isupper()  # an acronym (US, WHO, LA) is a name
    ]
    for i in range(0, len(junk), 500):
        conn.execute(
            sa.text("DELETE FROM entity_aliases WHERE id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"ids": junk[i : i + 500]},
        )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index("uq_entities_name_key_type", ["name_key", "type"], unique=True)
        # The unique index serves look-ups by name_key alone (its first column).
        batch_op.drop_index("ix_entities_name_key")


def downgrade() -> None:
    # Merged duplicates stay merged: only the constraint goes.
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index("ix_entities_name_key", ["name_key"], unique=False)
        batch_op.drop_index("uq_entities_name_key_type")
