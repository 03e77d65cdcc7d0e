"""cartelkb.extract.entities.candidates: the runs of proper nouns no mention covers."""

from __future__ import annotations

import pytest

from cartelkb.extract.entities import extract_mentions
from cartelkb.extract.entities.candidates import name_candidates
from cartelkb.extract.tokens import release
from cartelkb.knowledge import name_key


@pytest.fixture()
def candidates(nlp):
    def run(text: str) -> list[str]:
        doc = nlp(text)
        try:
            mentions = list(extract_mentions(doc))
            found = name_candidates(doc, mentions)
        finally:
            release(doc)
        for c in found:
            assert text[c.start : c.end] == c.text
            assert c.key == name_key(c.text)
            assert c.sent_start <= c.start < c.end <= c.sent_end
            assert not any(m.start < c.end and c.start < m.end for m in mentions)
        return [c.text for c in found]

    return run


def test_prose_gives_the_whole_run_the_ner_left_untagged(candidates):
    # the small model tags no entity in "INS Sukanya" here
    assert candidates("Officials said INS Sukanya rescued the crew.\n") == ["INS Sukanya"]


def test_a_run_going_on_from_a_mention_is_none(candidates):
    # "Los Cuinis" is a mention; "DTO" after it is the rest of that name
    text = (
        "Treasury named leaders of CJNG and the Los Cuinis DTO, respectively. "
        "Officials said INS Sukanya rescued the crew.\n"
    )
    assert candidates(text) == ["INS Sukanya"]


def test_a_heading_gives_every_part_of_a_run(candidates):
    found = candidates("Port Officials Thank Ellen DeGeneres\n\nThe city thanked her.\n")
    assert {"Ellen DeGeneres", "Ellen", "DeGeneres"} <= set(found)


def test_mentions_dates_and_the_end_of_a_title_are_no_candidates(candidates):
    found = candidates("Secretary of State Marco Rubio met officials in Washington on Monday.\n")
    # "Marco Rubio" and "Washington" are mentions, "Monday" a date, "State" ends the
    # title "Secretary of State" (no organization there either); of the words of the
    # title, "Secretary" alone is left (a name if an entity were called that)
    assert found == ["Secretary"]


def test_short_keys_are_no_candidates(candidates, monkeypatch):
    text = "Officials met XY at the port.\n"  # "XY": an untagged proper noun
    assert candidates(text) == []
    monkeypatch.setattr("cartelkb.extract.entities.candidates.MIN_KEY", 2)
    assert candidates(text) == ["XY"]
