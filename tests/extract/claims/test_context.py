"""The article's indexes: which mention covers a token, and mention look-ups by offset."""

from __future__ import annotations

from cartelkb.extract.claims.context import Article
from cartelkb.records import DateRecord, MentionRecord

TEXT = "The Mexican government met Claudia Sheinbaum and the DEA in Mexico City on Monday."


def _mention(text: str, phrase: str, label: str) -> MentionRecord:
    start = text.index(phrase)
    return MentionRecord(
        text=phrase,
        start=start,
        end=start + len(phrase),
        label=label,  # type: ignore[arg-type]
        name=phrase,
        sent_start=0,
        sent_end=len(text),
    )


def _article(nlp) -> Article:
    doc = nlp(TEXT)
    mentions = [
        _mention(TEXT, "Mexico City", "GPE"),
        _mention(TEXT, "Mexican", "GPE"),
        _mention(TEXT, "Mexican government", "ORG"),
        _mention(TEXT, "Claudia Sheinbaum", "PERSON"),
        _mention(TEXT, "DEA", "ORG"),
    ]
    start = TEXT.index("Monday")
    dates = [DateRecord(text="Monday", start=start, end=start + 6, value="2024-08-26")]
    return Article(doc, mentions, dates)


def _names(article: Article, indexes) -> list[str]:
    return [article.mentions[i].text for i in indexes]


def test_the_longest_mention_covers_a_token(nlp) -> None:
    article = _article(nlp)
    mexican = next(t for t in article.doc if t.text == "Mexican")
    assert article.mentions[article.tok2m[mexican.i]].text == "Mexican government"
    met = next(t for t in article.doc if t.text == "met")
    assert met.i not in article.tok2m


def test_mentions_in_and_before(nlp) -> None:
    article = _article(nlp)
    start, end = TEXT.index("Claudia"), TEXT.index(" in Mexico")
    assert _names(article, article.mentions_in(start, end)) == ["Claudia Sheinbaum", "DEA"]
    # nearest first; of two mentions starting together the nested one is nearer
    before = article.mentions_before(TEXT.index("Mexico City"), floor=0, limit=3)
    assert _names(article, before) == ["DEA", "Claudia Sheinbaum", "Mexican"]
    floored = article.mentions_before(TEXT.index("Mexico City"), floor=start, limit=10)
    assert _names(article, floored) == ["DEA", "Claudia Sheinbaum"]


def test_date_spans_are_temporal(nlp) -> None:
    article = _article(nlp)
    monday = next(t for t in article.doc if t.text == "Monday")
    city = next(t for t in article.doc if t.text == "City")
    assert article.is_temporal(monday)
    assert not article.is_temporal(city)
