"""Entities unique by (name_key, type): migration 0012 merges duplicates, the schema refuses
new ones, and `repository.insert_or_get_entity` survives a concurrent insert of one key.

Each test runs on SQLite and, when CARTELKB_TEST_PG_URL is set, on a fresh PostgreSQL
database created for it (and dropped afterwards).
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Table, create_engine, func, insert, inspect, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError

from cartelkb.store import repository as repo
from cartelkb.store.db import alembic_config, make_engine, session_scope
from cartelkb.store.models import (
    Article,
    Claim,
    ClaimArgument,
    Entity,
    EntityAlias,
    EntitySanction,
    Event,
    EventPatient,
    Mention,
    Place,
    Relation,
    SanctionsEntry,
)

PG_URL = os.environ.get("CARTELKB_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> Iterator[str]:
    """An empty database of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kb.db'}"
        return
    if not PG_URL:
        pytest.skip("CARTELKB_TEST_PG_URL is not set: no PostgreSQL server to test on")
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"cartelkb_t_keys_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def upgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def add(conn: Any, model_: type, **values: Any) -> int:
    """Insert one row through the model's table (same columns at 0011 and 0012)."""
    table: Table = model_.__table__  # type: ignore[attr-defined]
    result = conn.execute(insert(table).values(**values).returning(*table.primary_key.columns))
    return int(result.scalar_one())


def seed_duplicates(conn: Any) -> dict[str, int]:
    """A 0011 database where "Mexico" (GPE) is three entities, each referred to from
    every table that refers to entities; "Mexico" the ORG is another entity, and stays."""
    article = add(
        conn, Article, sha256="a" * 64, source_path="a.txt", text="Mexico " * 10, model="m",
        extractor_version="5",
    )  # fmt: skip
    keep, dup1, dup2 = (
        add(conn, Entity, name=name, name_key="mexico", type="GPE")
        for name in ("Mexico", "MEXICO", "México")
    )
    org = add(conn, Entity, name="Mexico", name_key="mexico", type="ORG")
    for n, entity in enumerate((keep, dup1, dup2, org)):
        add(
            conn, Mention, article_id=article, entity_id=entity, text="Mexico", label="GPE",
            source="model", start_char=7 * n, end_char=7 * n + 6, sentence_start=0,
            sentence_end=70,
        )  # fmt: skip
    # The kept entity and a duplicate share an alias; the other duplicates' are their own.
    for entity, alias, kind in (
        (keep, "Mexico", "surface"),
        (dup1, "Mexico", "surface"),
        (dup1, "Méjico", "surface"),
        (dup2, "Estados Unidos Mexicanos", "knowledge"),
        (dup2, "from", "derived"),  # junk: a key of function words only
        (org, "US", "derived"),  # an acronym: kept
    ):
        add(
            conn, EntityAlias, entity_id=entity, alias=alias, alias_key=alias.casefold(),
            kind=kind, rule="test",
        )  # fmt: skip
    claim = add(
        conn, Claim, article_id=article, subject_entity_id=dup1, object_entity_id=dup2,
        source_entity_id=dup1, action="say", action_text="said", sentence="x", start_char=0,
        end_char=1,
    )  # fmt: skip
    add(
        conn, ClaimArgument, claim_id=claim, position=2, role="location", text="Mexico",
        entity_id=dup2, start_char=0, end_char=6,
    )  # fmt: skip
    event = add(
        conn, Event, article_id=article, type="extradition", trigger="extradited",
        trigger_lemma="extradite", trigger_start=0, trigger_end=1, agent_entity_id=dup1,
        location_entity_id=dup2, source_entity_id=dup2, sentence="x", start_char=0, end_char=1,
    )  # fmt: skip
    add(
        conn, EventPatient, event_id=event, position=0, text="Mexico", entity_id=dup1,
        start_char=0, end_char=6,
    )  # fmt: skip
    add(
        conn, Relation, article_id=article, type="member_of", subject_text="x",
        subject_entity_id=dup2, subject_start=0, subject_end=1, object_entity_id=dup1,
        rule="title", sentence="x", start_char=0, end_char=1,
    )  # fmt: skip
    for sdn_id in (1, 2):
        conn.execute(
            insert(SanctionsEntry.__table__).values(  # type: ignore[arg-type]
                sdn_id=sdn_id, sdn_name="X", name="X", name_key="x", type="ORG", programs="P",
                source="test",
            )
        )  # fmt: skip
    for entity, sdn_id in ((keep, 1), (dup1, 1), (dup2, 2)):
        add(conn, EntitySanction, entity_id=entity, sdn_id=sdn_id, rule="name", evidence="t")
    for entity in (keep, dup1):
        add(conn, Place, entity_id=entity, rule="test", name=f"place of {entity}")
    return {"keep": keep, "dup1": dup1, "dup2": dup2, "org": org, "article": article}


def test_0012_merges_duplicates_into_the_oldest_and_adds_the_unique_index(url):
    engine = make_engine(url, write=True)
    try:
        upgrade(engine, "0011")
        with engine.begin() as conn:
            ids = seed_duplicates(conn)
        upgrade(engine, "head")
        keep, org = ids["keep"], ids["org"]
        with engine.connect() as conn:
            assert conn.execute(text("SELECT id, name, type FROM entities ORDER BY id")).all() == [
                (keep, "Mexico", "GPE"),
                (org, "Mexico", "ORG"),
            ]
            assert conn.execute(
                text("SELECT entity_id, count(*) FROM mentions GROUP BY entity_id ORDER BY 1")
            ).all() == [(keep, 3), (org, 1)]
            aliases = conn.execute(text("SELECT entity_id, alias, kind FROM entity_aliases"))
            assert sorted(aliases) == [
                (keep, "Estados Unidos Mexicanos", "knowledge"),
                (keep, "Mexico", "surface"),
                (keep, "Méjico", "surface"),
                (org, "US", "derived"),
            ]
            refs = (
                "SELECT subject_entity_id, object_entity_id, source_entity_id FROM claims",
                "SELECT entity_id FROM claim_arguments",
                "SELECT agent_entity_id, location_entity_id, source_entity_id FROM events",
                "SELECT entity_id FROM event_patients",
                "SELECT subject_entity_id, object_entity_id FROM relations",
            )
            for query in refs:
                [row] = conn.execute(text(query)).all()
                assert set(row) == {keep}, query
            assert conn.execute(
                text("SELECT entity_id, sdn_id FROM entity_sanctions ORDER BY sdn_id")
            ).all() == [(keep, 1), (keep, 2)]
            assert conn.execute(text("SELECT entity_id, name FROM places")).all() == [
                (keep, f"place of {keep}")
            ]
        indexes = {i["name"]: i for i in inspect(engine).get_indexes("entities")}
        assert indexes["uq_entities_name_key_type"]["unique"]
        assert indexes["uq_entities_name_key_type"]["column_names"] == ["name_key", "type"]
        with pytest.raises(IntegrityError), engine.begin() as conn:
            add(conn, Entity, name="Mexico!", name_key="mexico", type="GPE")
        upgrade_down_up(engine)
    finally:
        engine.dispose()


def upgrade_down_up(engine: Engine) -> None:
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0011")
    assert "uq_entities_name_key_type" not in {
        i["name"] for i in inspect(engine).get_indexes("entities")
    }
    upgrade(engine, "head")


def test_insert_or_get_returns_an_entity_another_writer_inserted(url):
    engine = make_engine(url, write=True)
    try:
        upgrade(engine, "head")
        with engine.begin() as conn:
            theirs = add(
                conn, Entity, name="Ovidio Guzmán", name_key="ovidio guzman", type="PERSON"
            )
        with session_scope(engine) as session:
            # This writer's look-ups missed it (they ran before it was committed).
            entity, created = repo.insert_or_get_entity(
                session, "Ovidio Guzman", "ovidio guzman", "PERSON"
            )
            assert (entity.id, entity.name, created) == (theirs, "Ovidio Guzmán", False)
            other, created = repo.insert_or_get_entity(
                session, "Ovidio Guzman", "ovidio guzman", "ORG"
            )
            assert created and other.id != theirs
        with engine.connect() as conn:
            assert conn.scalar(select(func.count()).select_from(Entity.__table__)) == 2
    finally:
        engine.dispose()


def test_insert_or_get_waits_for_a_concurrent_insert_of_the_same_key(url):
    """PostgreSQL: a writer inserting a key another open transaction has just inserted
    waits for that one to commit, then gets its entity, never a second one or an error."""
    if not url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time (BEGIN IMMEDIATE): no overlap possible")
    engine = make_engine(url, write=True)
    try:
        upgrade(engine, "head")
        first_inserted = threading.Event()
        got: dict[str, tuple[int, bool]] = {}

        def first() -> None:
            with session_scope(engine) as session:
                entity, created = repo.insert_or_get_entity(session, "CJNG", "cjng", "ORG")
                got["first"] = (entity.id, created)
                first_inserted.set()
                time.sleep(1.0)  # the second writer's insert waits on this row meanwhile

        thread = threading.Thread(target=first)
        thread.start()
        assert first_inserted.wait(10)
        started = time.monotonic()
        with session_scope(engine) as session:
            entity, created = repo.insert_or_get_entity(session, "CJNG", "cjng", "ORG")
            got["second"] = (entity.id, created)
        waited = time.monotonic() - started
        thread.join(10)
        assert got["first"][1] is True
        assert got["second"] == (got["first"][0], False)
        assert waited > 0.5  # it did wait for the first transaction
        with engine.connect() as conn:
            assert conn.scalar(select(func.count()).select_from(Entity.__table__)) == 1
    finally:
        engine.dispose()


def test_linking_never_stores_an_alias_key_of_function_words_only(tmp_path):
    """'Marco Rubio - from' gave the surname-like key 'from'; such keys are left out."""
    from cartelkb.resolve import Alias, Cluster
    from cartelkb.resolve.link import link_cluster

    engine = make_engine(f"sqlite:///{tmp_path / 'kb.db'}", write=True)
    try:
        upgrade(engine, "head")
        cluster = Cluster(label="PERSON", name="Marco Rubio")
        for alias in (
            Alias("Marco Rubio", "marco rubio", "surface", "first-mention"),
            Alias("rubio", "rubio", "derived", "surname"),
            Alias("from", "from", "derived", "surname"),
            Alias("of the", "of the", "surface", "same-name"),
        ):
            cluster.add_alias(alias)
        with session_scope(engine) as session:
            entity = link_cluster(session, cluster)
            stored = session.scalars(
                select(EntityAlias.alias_key).where(EntityAlias.entity_id == entity.id)
            ).all()
        assert sorted(stored) == ["marco rubio", "rubio"]
    finally:
        engine.dispose()
