"""views with names joined (claims_named, entity_summary, timeline) and full-text search

Views give sqlite3, Datasette and pandas users the questions they ask without three
joins. Full-text search over article titles and texts and claim sentences: on SQLite
FTS5 tables that index the rows in place (external content, kept in step by triggers),
on PostgreSQL GIN indexes over to_tsvector.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 16:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CLAIMS_NAMED = """
CREATE VIEW claims_named AS
SELECT c.id AS claim_id, c.article_id, a.title AS article_title, a.published AS article_published,
       a.outlet AS article_outlet,
       c.subject_text, c.subject_entity_id, s.name AS subject_entity, s.type AS subject_type,
       c.action, c.action_text,
       c.object_text, c.object_entity_id, o.name AS object_entity, o.type AS object_type,
       c.source_text, c.source_entity_id, src.name AS source_entity,
       c.negated, c.negation_cue, c.hedged, c.hedge_cue,
       c.date_value, c.date_start, c.date_end,
       c.sentence, c.start_char, c.end_char
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN entities s ON s.id = c.subject_entity_id
LEFT JOIN entities o ON o.id = c.object_entity_id
LEFT JOIN entities src ON src.id = c.source_entity_id
"""

ENTITY_SUMMARY = """
CREATE VIEW entity_summary AS
SELECT e.id AS entity_id, e.name, e.type,
       (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count,
       (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id)
           AS article_count,
       (SELECT count(*) FROM claims c WHERE c.subject_entity_id = e.id) AS claims_as_subject,
       (SELECT count(*) FROM claims c WHERE c.object_entity_id = e.id) AS claims_as_object,
       (SELECT count(*) FROM claims c WHERE c.source_entity_id = e.id) AS claims_as_source,
       (SELECT min(a.published) FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.entity_id = e.id) AS first_published,
       (SELECT max(a.published) FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.entity_id = e.id) AS last_published,
       (SELECT {aggregate} FROM (SELECT DISTINCT x.alias FROM entity_aliases x
        WHERE x.entity_id = e.id AND x.kind IN ('surface', 'curated', 'knowledge')
        AND x.alias <> e.name ORDER BY alias) d) AS aliases
FROM entities e
"""

TIMELINE = """
CREATE VIEW timeline AS
SELECT coalesce(c.date_start, a.published_start) AS day_start,
       coalesce(c.date_end, a.published_end) AS day_end,
       coalesce(c.date_value, a.published) AS date_value,
       CASE WHEN c.date_value IS NOT NULL THEN 'claim' ELSE 'article' END AS dated_by,
       c.id AS claim_id, c.article_id, a.title AS article_title,
       c.subject_text, c.subject_entity_id, s.name AS subject_entity,
       c.action, c.object_text, c.object_entity_id, o.name AS object_entity,
       c.source_text, src.name AS source_entity, c.negated, c.hedged, c.sentence
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN entities s ON s.id = c.subject_entity_id
LEFT JOIN entities o ON o.id = c.object_entity_id
LEFT JOIN entities src ON src.id = c.source_entity_id
WHERE coalesce(c.date_start, a.published_start) IS NOT NULL
"""

# SQLite FTS5: external-content tables (the text is stored once, in articles and claims)
# and the triggers that keep them in step, as the FTS5 documentation describes (4.4.3).
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE claims_fts USING fts5(sentence, content='claims', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN "
    "INSERT INTO claims_fts(rowid, sentence) VALUES (new.id, new.sentence); END",
    "CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence); "
    "END",
    "CREATE TRIGGER claims_fts_update AFTER UPDATE OF sentence ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence); "
    "INSERT INTO claims_fts(rowid, sentence) VALUES (new.id, new.sentence); END",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
    "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
]
SQLITE_SEARCH_DROP = [
    "DROP TRIGGER IF EXISTS articles_fts_insert",
    "DROP TRIGGER IF EXISTS articles_fts_delete",
    "DROP TRIGGER IF EXISTS articles_fts_update",
    "DROP TRIGGER IF EXISTS claims_fts_insert",
    "DROP TRIGGER IF EXISTS claims_fts_delete",
    "DROP TRIGGER IF EXISTS claims_fts_update",
    "DROP TABLE IF EXISTS articles_fts",
    "DROP TABLE IF EXISTS claims_fts",
]
# PostgreSQL: expression indexes; the query repeats the same expressions to use them.
PG_SEARCH = [
    "CREATE INDEX ix_articles_search ON articles USING gin "
    "(to_tsvector('simple', coalesce(title, '') || ' ' || text))",
    "CREATE INDEX ix_claims_search ON claims USING gin (to_tsvector('simple', sentence))",
]
PG_SEARCH_DROP = [
    "DROP INDEX IF EXISTS ix_articles_search",
    "DROP INDEX IF EXISTS ix_claims_search",
]


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    aggregate = (
        "string_agg(alias, '; ' ORDER BY alias)" if postgres else "group_concat(alias, '; ')"
    )
    for statement in (CLAIMS_NAMED, ENTITY_SUMMARY.format(aggregate=aggregate), TIMELINE):
        op.execute(statement)
    for statement in PG_SEARCH if postgres else SQLITE_SEARCH:
        op.execute(statement)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in PG_SEARCH_DROP if postgres else SQLITE_SEARCH_DROP:
        op.execute(statement)
    for view in ("timeline", "entity_summary", "claims_named"):
        op.execute(f"DROP VIEW IF EXISTS {view}")
