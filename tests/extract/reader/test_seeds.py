"""The sample articles (data/seeds) read against the hand annotation in ../shared/gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cartelkb.extract.reader import read_article

from .samples import SEEDS


@pytest.fixture(scope="module")
def annotation(gold_path: Path) -> list[dict[str, object]]:
    """The hand annotation of the seeds (gold_path skips the tests when ../shared is absent)."""
    return json.loads(gold_path.read_text(encoding="utf-8"))


def test_every_seed_has_gold(annotation: list[dict[str, object]]) -> None:
    files = {entry["file"] for entry in annotation}
    assert {p.name for p in SEEDS.glob("*.txt")} <= files


# Bylines the annotator reads and the reader does not, on purpose: seed 004's
# "Syndicated investigative reporter Michael Mick Webster" puts two descriptors before
# the title, and only "<one modifier> <title> NAME" is a byline form (see bylines.py).
# The line stays in the text, so the name is still a PERSON mention.
AUTHOR_NOT_READ = {"004_deac7f820ae155e6.txt"}


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_header_matches_gold(seed: str, annotation: list[dict[str, object]]) -> None:
    gold = next(entry for entry in annotation if entry["file"] == seed)
    article = read_article(SEEDS / seed)
    assert article.title == gold["title"]
    if seed in AUTHOR_NOT_READ:
        assert gold["author"] and article.author is None
        assert str(gold["author"]) in article.text
    else:
        assert article.author == gold["author"]
    if gold.get("published_in_text", True):
        assert article.published == gold["published"]
    for field in (article.title, article.author):
        if field:
            assert field in article.text


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_furniture_matches_gold(seed: str, annotation: list[dict[str, object]]) -> None:
    gold = next(entry for entry in annotation if entry["file"] == seed)
    boilerplate = list(gold["boilerplate"])  # type: ignore[call-overload]
    article = read_article(SEEDS / seed)
    # Precision: nothing removed that the annotator considers article content.
    assert all(item in boilerplate for item in article.removed)
    for item in boilerplate:
        if item in article.removed:
            assert item.strip() not in article.text or item.strip() == article.title
        else:
            # The one documented disagreement: whole prose sentences that point to other
            # outlets are kept on purpose, because they carry entity mentions.
            assert item.endswith(".") and len(item.split()) >= 8, item
            assert item in article.text
