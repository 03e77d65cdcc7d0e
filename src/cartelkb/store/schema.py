"""Light Core handles on the schema for the read side: table()/column() clauses, no ORM.

`cartelkb query` is the everyday command and must start fast; the declarative models
(store/models.py) are the schema's definition, but importing them pulls in the ORM
(~50 ms of a ~250 ms process). These lightweight clauses name the same tables and
columns, so read queries compile without it. A test checks that every table and column
named here exists in the models, with the same name.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Date, Double, Integer, column, table

# The Alembic revision the models correspond to. Opening a database compares it with
# the database's alembic_version without importing Alembic; a test keeps them in step.
SCHEMA_HEAD = "0013"


def _ints(*names: str) -> list:  # type: ignore[type-arg]
    return [column(n, Integer) for n in names]


articles = table(
    "articles",
    *_ints("id"),
    column("title"),
    column("source_path"),
    column("author"),
    column("published"),
    column("published_start", Date),
    column("published_end", Date),
    column("url"),
    column("outlet"),
    column("metadata_source"),
)

entities = table("entities", *_ints("id"), column("name"), column("name_key"), column("type"))

entity_aliases = table(
    "entity_aliases",
    *_ints("id", "entity_id"),
    column("alias"),
    column("alias_key"),
    column("kind"),
    column("rule"),
    column("evidence"),
)

mentions = table(
    "mentions", *_ints("id", "article_id", "entity_id", "sentence_start"), column("role")
)

dates = table("dates", *_ints("id", "article_id"), column("value"))

claims = table(
    "claims",
    *_ints(
        "id",
        "article_id",
        "subject_entity_id",
        "object_entity_id",
        "source_entity_id",
        "start_char",
        "end_char",
    ),
    column("subject_text"),
    column("action"),
    column("action_text"),
    column("object_text"),
    column("source_text"),
    column("negated", Boolean),
    column("negation_cue"),
    column("hedged", Boolean),
    column("hedge_cue"),
    column("date_value"),
    column("date_start", Date),
    column("date_end", Date),
    column("sentence"),
)

sanctions_entries = table(
    "sanctions_entries",
    *_ints("sdn_id"),
    column("sdn_name"),
    column("name"),
    column("name_key"),
    column("type"),
    column("programs"),
    column("title"),
    column("dob"),
    column("pob"),
    column("nationality"),
    column("citizenship"),
    column("gender"),
    column("ids"),
    column("source"),
    column("list_date"),
)

sanctions_aliases = table(
    "sanctions_aliases",
    *_ints("id", "sdn_id"),
    column("alias"),
    column("alias_key"),
    column("kind"),
    column("rule"),
    column("written"),
    column("distinctive", Boolean),
)

sanctions_links = table(
    "sanctions_links", *_ints("id", "sdn_id", "target_sdn_id"), column("target_name")
)

entity_sanctions = table(
    "entity_sanctions", *_ints("id", "entity_id", "sdn_id"), column("rule"), column("evidence")
)

places = table(
    "places",
    *_ints("id", "entity_id", "geonames_id"),
    column("population", BigInteger),
    column("level"),
    column("name"),
    column("latitude", Double),
    column("longitude", Double),
    column("country_code"),
    column("admin1_code"),
    column("admin1_name"),
    column("matched"),
    column("rule"),
    column("source"),
)


events = table(
    "events",
    *_ints(
        "id",
        "article_id",
        "claim_id",
        "trigger_start",
        "trigger_end",
        "agent_entity_id",
        "location_entity_id",
        "source_entity_id",
        "start_char",
        "end_char",
    ),
    column("type"),
    column("trigger"),
    column("trigger_lemma"),
    column("agent_text"),
    column("location_text"),
    column("source_text"),
    column("negated", Boolean),
    column("negation_cue"),
    column("hedged", Boolean),
    column("hedge_cue"),
    column("date_value"),
    column("date_start", Date),
    column("date_end", Date),
    column("sentence"),
)

event_patients = table(
    "event_patients",
    *_ints("id", "event_id", "position", "entity_id", "start_char", "end_char"),
    column("text"),
)

event_quantities = table(
    "event_quantities",
    *_ints("id", "event_id", "start_char", "end_char"),
    column("kind"),
    column("text"),
    column("amount", Double),
    column("unit"),
    column("value"),
    column("approximate"),
    column("item"),
)

relations = table(
    "relations",
    *_ints(
        "id",
        "article_id",
        "claim_id",
        "subject_entity_id",
        "object_entity_id",
        "start_char",
        "end_char",
    ),
    column("type"),
    column("title"),
    column("subject_text"),
    column("object_text"),
    column("rule"),
    column("negated", Boolean),
    column("hedged", Boolean),
    column("hedge_cue"),
    column("sentence"),
)

claim_arguments = table(
    "claim_arguments",
    *_ints("id", "claim_id", "position", "entity_id", "start_char", "end_char"),
    column("role"),
    column("preposition"),
    column("text"),
)

ALL = (
    articles,
    entities,
    entity_aliases,
    mentions,
    dates,
    claims,
    claim_arguments,
    sanctions_entries,
    sanctions_aliases,
    sanctions_links,
    entity_sanctions,
    places,
    events,
    event_patients,
    event_quantities,
    relations,
)
