"""Quality floors: the seeds ingested and scored against the hand annotation (../shared/gold)."""

from __future__ import annotations

import json

import pytest

from cartelkb.evaluate import EvalReport, evaluate, load_gold
from cartelkb.knowledge import name_key
from cartelkb.store.db import open_database, session_scope


@pytest.fixture(scope="module")
def report(seeded_db, gold_path) -> EvalReport:
    engine = open_database(seeded_db, create=False)
    with session_scope(engine) as session:
        result = evaluate(session, gold_path)
    engine.dispose()
    return result


@pytest.fixture(scope="module")
def gold(gold_path) -> list[dict]:
    return load_gold(gold_path)


def test_every_gold_article_is_scored(report, gold):
    assert report.articles_missing == []
    assert report.articles_scored == len(gold) == 5


def test_entity_recall(report, gold):
    assert report.entity_recall.total == sum(len(a["entities"]) for a in gold)
    assert report.entity_recall.value >= 0.95, report.problems


def test_entity_precision(report):
    assert report.entity_precision.total > 0
    assert report.entity_precision.value >= 0.90, report.problems


# "the Mexican government" is the gazetteer's "Government of Mexico" (agencies file),
# nested around the demonym's mention of Mexico, so every gold entity is resolvable.
def test_every_gold_entity_resolves_to_exactly_one_kb_entity(report, gold):
    distinct = {
        (name_key(e["canonical"]), "PLACE" if e["type"] in {"GPE", "LOC"} else e["type"])
        for article in gold
        for e in article["entities"]
    }
    assert report.resolution_exactly_one.total == len(distinct)
    assert report.resolution_exactly_one.hit == len(distinct), [
        p for p in report.problems if "split over" in p or "missed entity" in p
    ]


def test_no_kb_entity_merges_two_gold_entities(report):
    assert report.over_merged_entities == 0, [p for p in report.problems if "merges" in p]


def test_cross_article_entities_are_one(report, gold):
    expected = gold[0]["cross_article_same_entity"]
    assert len(expected) == 4
    assert (report.cross_article_ok.hit, report.cross_article_ok.total) == (4, 4)


def test_date_values(report):
    assert report.date_value_recall.total > 0
    assert report.date_value_recall.value == 1.0, [p for p in report.problems if "date" in p]
    assert report.vague_dates_given_value == 0


# Not read on purpose: seed 004's byline puts two descriptors before the title, which is
# no byline form of the reader (see tests/extract/reader/test_seeds.py).
KNOWN_METADATA_MISSES = ["004_deac7f820ae155e6.txt: author None != gold 'Michael Mick Webster'"]


@pytest.mark.parametrize("field", ["title_accuracy", "author_accuracy", "published_accuracy"])
def test_metadata_all_correct(report, field):
    ratio = getattr(report, field)
    assert ratio.total > 0
    known = [p for p in KNOWN_METADATA_MISSES if field.split("_")[0] in p]
    assert all(p in report.problems for p in known), report.problems
    assert ratio.hit == ratio.total - len(known), [
        p for p in report.problems if field.split("_")[0] in p
    ]


def test_claim_recall(report, gold):
    assert report.claim_recall.total == sum(len(a.get("claims", [])) for a in gold)
    assert report.claim_recall.value >= 0.70, [p for p in report.problems if "claim" in p]


# Source recall: 4 of the 6 gold sources. The other two are 'AP News' for two claims of
# 001, which only the citation-sentence rule ("You can read more ... in this AP News
# article" sourcing the sentence before it) found; that rule was fitted to the article and
# is gone, so the floor is 0.65 (from 0.70, when it scored 6/6).
@pytest.mark.parametrize(
    ("measure", "floor"),
    [("negation_accuracy", 0.90), ("hedging_accuracy", 0.90), ("source_recall", 0.65)],
)
def test_claim_flags_and_sources_on_matched_claims(report, measure, floor):
    ratio = getattr(report, measure)
    assert ratio.total > 0
    assert ratio.value >= floor, [p for p in report.problems if "claim" in p]


def test_report_serializes(report):
    data = json.loads(report.model_dump_json())
    assert {"entity_recall", "claim_recall", "problems"} <= set(data)
    assert all(len(row) == 3 for row in report.rows())
