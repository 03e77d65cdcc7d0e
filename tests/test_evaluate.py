"""Tests for cartelkb.evaluate's matching rules (the scorer itself must be right)."""

from __future__ import annotations

import pytest

from cartelkb.evaluate import action_matches


@pytest.mark.parametrize(
    ("extracted", "gold"),
    [
        ("commit to", "be committed to eliminating"),
        ("plan", "planned to send"),
        ("reject", "rejects"),
        ("offer to send", "offer to send troops"),
        ("extradite", "was extradited"),
        ("kill", "killed"),
    ],
)
def test_actions_that_match(extracted, gold):
    assert action_matches(extracted, gold)


@pytest.mark.parametrize(
    ("extracted", "gold"),
    [("reject", "accept"), ("say", "deny"), ("", "say"), ("meet with", "")],
)
def test_actions_that_do_not_match(extracted, gold):
    assert not action_matches(extracted, gold)


def test_date_value_precision(tmp_path):
    """Valued extracted dates that overlap a gold date and carry its value, over all valued
    extracted dates; vague extracted dates (no value) are not counted."""
    import json

    from cartelkb.evaluate import evaluate
    from cartelkb.store.db import open_database, session_scope
    from cartelkb.store.models import Article, ArticlePath, DateExpression

    text = "On August 29, 2024 officials met. In 2023 they had met twice. Recently, talks stalled."
    engine = open_database(f"sqlite:///{tmp_path / 'kb.db'}", write=True)

    def date(fragment: str, value: str | None) -> DateExpression:
        start = text.index(fragment)
        return DateExpression(
            text=fragment,
            value=value,
            precision="day" if value else None,
            kind="date" if value else "vague",
            start_char=start,
            end_char=start + len(fragment),
        )

    with session_scope(engine) as session:
        article = Article(
            sha256="0" * 64, source_path="a.txt", text=text, model="m", extractor_version="2"
        )
        article.paths = [ArticlePath(path="corpus/a.txt")]
        article.dates = [
            date("August 29, 2024", "2024-08-29"),  # the gold value: a hit
            date("2023", "2023-01"),  # overlaps a gold date, wrong value
            date("twice", "P2X"),  # no gold date there
            date("Recently", None),  # no value: not counted
        ]
        session.add(article)
    gold = [
        {
            "file": "a.txt",
            "dates": [
                {"text": "August 29, 2024", "value": "2024-08-29", "vague": False},
                {"text": "2023", "value": "2023", "vague": False},
                {"text": "Recently", "value": None, "vague": True},
            ],
        }
    ]
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    with session_scope(engine) as session:
        report = evaluate(session, gold_path)
    engine.dispose()
    assert (report.date_value_precision.hit, report.date_value_precision.total) == (1, 3)
    assert (report.date_value_recall.hit, report.date_value_recall.total) == (1, 2)
    assert report.vague_dates_given_value == 0
    assert any("'twice' = P2X is no gold date" in p for p in report.problems)
    assert ("date value precision", "0.333", "1/3") in report.rows()
