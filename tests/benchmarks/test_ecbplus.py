"""Tests for cartelkb.benchmarks.ecbplus: mention heads, offsets, and the KB adapter."""

from __future__ import annotations

import pytest

from cartelkb.benchmarks import ecbplus
from cartelkb.benchmarks.coref import from_labels, score
from cartelkb.benchmarks.ecbplus import GoldMention, build_document
from cartelkb.config import DEFAULT_MODEL


def words(text: str) -> list[str]:
    return text.split()


def test_document_lines_and_token_offsets():
    doc = build_document("1_1ecb", [(0, words("Obama wins")), (3, words("He said `` yes '' ."))])
    assert doc.text == 'Obama wins\nHe said "yes".'
    assert doc.lines == [(0, 10), (11, 25)]
    s, e = doc.spans[3, 3]
    assert doc.text[s:e] == "yes"
    assert doc.text[slice(*doc.spans[0, 0])] == "Obama"


def test_line_offsets_follow_the_reader():
    doc = build_document(
        "d", [(0, words("Share this")), (1, words("Obama wins .")), (2, words("Yes ."))]
    )
    # the reader dropped the first line as furniture and kept the others verbatim
    assert ecbplus._line_offsets(doc, "Obama wins.\nYes.") == [None, 0, 12]


def test_mention_heads(nlp):
    doc = nlp("The president of Mexico met reporters in western Canada.")
    text = doc.text

    def head(fragment: str) -> str | None:
        start = text.index(fragment)
        token = ecbplus.mention_head(doc, start, start + len(fragment))
        return token.text if token is not None else None

    assert head("The president of Mexico") == "president"
    assert head("Mexico") == "Mexico"
    # the preposition heads a prepositional mention: not a named mention
    assert head("in western Canada") == "in"


def gold(doc_id: str, sent_id: int, ids: list[int], text: str, cluster: str, kind="HUM"):
    return GoldMention(doc_id, sent_id, tuple(ids), text, kind, cluster)


def test_named_mentions_and_knowledge_base_labels(nlp, tmp_path):
    docs = [
        build_document(
            "1_1ecb", [(0, words("Barack Obama met Angela Merkel in Berlin on Monday ."))]
        ),
        build_document("1_2ecb", [(0, words("Obama later praised the chancellor ."))]),
    ]
    mentions = [
        gold("1_1ecb", 0, [0, 1], "Barack Obama", "obama"),
        gold("1_1ecb", 0, [3, 4], "Angela Merkel", "merkel"),
        gold("1_1ecb", 0, [5, 6], "in Berlin", "berlin", "LOC"),
        gold("1_1ecb", 0, [8], "Monday", "monday", "TIM"),
        gold("1_2ecb", 0, [0], "Obama", "obama"),
        gold("1_2ecb", 0, [3, 4], "the chancellor", "merkel"),
    ]
    named, candidates, prepositions = ecbplus.named_mentions(docs, mentions, nlp)
    # TIM is not an entity type; "in Berlin" has a preposition head, "the chancellor" a
    # common-noun head: three named mentions remain
    assert (candidates, prepositions) == (5, 1)
    assert [(m.gold.text, m.head_text, m.head_lemma) for m in named] == [
        ("Barack Obama", "Obama", "obama"),
        ("Angela Merkel", "Merkel", "merkel"),
        ("Obama", "Obama", "obama"),
    ]
    labels, unlinked = ecbplus.knowledge_base_labels(
        docs, named, model=DEFAULT_MODEL, workdir=tmp_path
    )
    assert unlinked == 0
    assert all(label[0] == "entity" for label in labels.values())
    obama1, merkel, obama2 = (labels[m.gold.key] for m in named)
    assert obama1 == obama2 != merkel  # one person across the two articles
    assert ecbplus.lemma_labels(named) == {m.gold.key: m.head_lemma for m in named}
    key = from_labels({m.gold.key: m.gold.cluster for m in named})
    assert score(key, from_labels(labels)).conll == 1.0


@pytest.mark.slow
def test_dev_split_end_to_end(eval_dir, nlp, tmp_path):
    """All of ECB+ dev: the mention set is well defined and every named mention is scored."""
    folder = eval_dir / "ecbplus"
    docs, mentions = ecbplus.load_split(folder, "dev")
    assert (len(docs), len(mentions)) == (196, 1476)  # the data README's counts
    named, candidates, _ = ecbplus.named_mentions(docs, mentions, nlp)
    assert candidates == sum(m.type != "TIM" for m in mentions)
    assert 0 < len(named) < candidates
    for m in named:
        document = next(d for d in docs if d.doc_id == m.gold.doc_id)
        assert document.text[m.head_start : m.head_end] == m.head_text
    labels, unlinked = ecbplus.knowledge_base_labels(
        docs, named, model=DEFAULT_MODEL, workdir=tmp_path
    )
    assert set(labels) == {m.gold.key for m in named}
    assert unlinked == sum(1 for label in labels.values() if label[0] == "singleton")
    assert unlinked < len(named)
