"""Every stored or extracted offset slices the article text to its surface form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from cartelkb.errors import InputError
from cartelkb.extract import extract_article
from cartelkb.extract.reader import parse_text
from cartelkb.records import ArgRecord, ArticleExtraction
from cartelkb.store.db import open_database

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


# --- every row of the seeded database ------------------------------------------------------

# (table, surface column, start column, end column): spans that must slice articles.text.
SPANS = [
    ("mentions", "text", "start_char", "end_char"),
    ("dates", "text", "start_char", "end_char"),
    ("claims", "sentence", "start_char", "end_char"),
    ("claims", "subject_text", "subject_start", "subject_end"),
    ("claims", "object_text", "object_start", "object_end"),
    ("claims", "source_text", "source_start", "source_end"),
]


@pytest.fixture(scope="module")
def seeded(seeded_db):
    engine = open_database(seeded_db, create=False)
    with engine.connect() as conn:
        articles = dict(conn.execute(text("SELECT id, text FROM articles")).all())

        def rows(sql: str) -> list:
            return conn.execute(text(sql)).all()

        yield articles, rows
    engine.dispose()


@pytest.mark.parametrize(("table", "surface", "start", "end"), SPANS)
def test_stored_offsets_slice_the_article_text(seeded, table, surface, start, end):
    articles, rows = seeded
    found = rows(
        f"SELECT id, article_id, {surface}, {start}, {end} FROM {table} "
        f"WHERE {surface} IS NOT NULL AND {start} IS NOT NULL"
    )
    if table in {"mentions", "dates"} or surface == "sentence":
        assert found, f"no {table} rows to check"
    bad = [
        (row_id, article_id, value, articles[article_id][s:e])
        for row_id, article_id, value, s, e in found
        if not (0 <= s < e <= len(articles[article_id])) or articles[article_id][s:e] != value
    ]
    assert bad == []


@pytest.mark.parametrize("table", ["mentions", "dates", "claims"])
def test_stored_offsets_agree_with_sqlite_substr(seeded, table):
    """The same check inside SQLite: substr() counts characters as Python slicing does."""
    surface = "sentence" if table == "claims" else "text"
    _, rows = seeded
    mismatches = rows(
        f"SELECT t.id FROM {table} t JOIN articles a ON a.id = t.article_id "
        f"WHERE substr(a.text, t.start_char + 1, t.end_char - t.start_char) != t.{surface}"
    )
    assert mismatches == []


def test_arguments_without_offsets_have_no_text(seeded):
    """An argument either has both offsets or is absent entirely (no dangling half)."""
    _, rows = seeded
    for role in ("subject", "object", "source"):
        half = rows(
            f"SELECT id FROM claims WHERE ({role}_start IS NULL) != ({role}_end IS NULL) "
            f"OR ({role}_text IS NULL) != ({role}_start IS NULL)"
        )
        assert half == [], role


def test_mentions_lie_inside_their_sentence(seeded):
    articles, rows = seeded
    for mention_id, article_id, s, e, ss, se in rows(
        "SELECT id, article_id, start_char, end_char, sentence_start, sentence_end FROM mentions"
    ):
        assert 0 <= ss <= s < e <= se <= len(articles[article_id]), mention_id


def test_claim_arguments_lie_inside_the_article(seeded):
    articles, rows = seeded
    for claim_id, article_id, cs, ce in rows(
        "SELECT id, article_id, start_char, end_char FROM claims"
    ):
        assert 0 <= cs < ce <= len(articles[article_id]), claim_id


# --- extraction over arbitrary text ---------------------------------------------------------


def _seed_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        sentences += [s.strip() for s in re.split(r"(?<=[.!?”\"])\s+|\n+", body) if s.strip()]
    return sentences


SENTENCES = _seed_sentences()

pieces = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(SENTENCES).map(lambda s: s.upper()),
    st.sampled_from(SENTENCES).map(lambda s: s.replace(" ", "\n", 2)),
    st.text(max_size=40),
    st.text(alphabet="‘’“”'\"()-—–.,;:!?\u00a0\t\n \u200b´é", max_size=12),
)
separators = st.sampled_from([" ", "\n", "\n\n", "", "\r\n", " — "])
articles = st.lists(st.tuples(pieces, separators), min_size=1, max_size=6).map(
    lambda parts: "".join(p + sep for p, sep in parts)
)


def check_extraction(extraction: ArticleExtraction) -> None:
    body = extraction.article.text
    spans = {(m.start, m.end) for m in extraction.mentions}

    def check_arg(arg: ArgRecord | None) -> None:
        if arg is None:
            return
        assert body[arg.start : arg.end] == arg.text
        assert (arg.ref_start is None) == (arg.ref_end is None)
        if arg.ref_start is not None:
            assert 0 <= arg.ref_start < arg.ref_end <= len(body)
            # With no mentions, extract_claims falls back to the raw NER entities.
            assert (arg.ref_start, arg.ref_end) in spans or not spans

    for m in extraction.mentions:
        assert 0 <= m.start < m.end <= len(body)
        assert body[m.start : m.end] == m.text
        assert m.sent_start <= m.start and m.end <= m.sent_end <= len(body)
        if m.alias_of is not None:
            assert 0 <= m.alias_of < len(extraction.mentions)
    for d in extraction.dates:
        assert 0 <= d.start < d.end <= len(body)
        assert body[d.start : d.end] == d.text
    for c in extraction.claims:
        assert 0 <= c.start < c.end <= len(body)
        assert body[c.start : c.end] == c.sentence
        for arg in (c.subject, c.object, c.source, *c.source_chain):
            check_arg(arg)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seed_extraction_offsets(nlp, path):
    raw = parse_text(path.read_text(encoding="utf-8"), str(path))
    extraction = extract_article(raw, nlp(raw.text), "test")
    assert extraction.mentions and extraction.claims
    check_extraction(extraction)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(article=articles)
def test_extraction_offsets_on_arbitrary_text(nlp, article):
    try:
        raw = parse_text(article)
    except InputError:
        return  # empty, whitespace-only or binary text: refused with a reason, not a crash
    check_extraction(extract_article(raw, nlp(raw.text), "test"))
