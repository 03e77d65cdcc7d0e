"""cartelkb.extract.dates.matchers: expressions the NER misses, and what is not one."""

from __future__ import annotations

import pytest

from cartelkb.extract.dates.matchers import WINDOW, anchor_words, matched_spans, token_patterns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Violence has risen recently, and the cartel now controls the port.", ["recently", "now"]),
        ("In the past, the DEA worked alone.", ["the past"]),
        ("In recent years, homicides have fallen.", ["recent years"]),
        ("In the coming months, the plan takes effect.", ["the coming months"]),
        ("During her second term, she met him twice a year.", ["her second term", "twice a year"]),
        ("The board meets annually, reports every other week.", ["annually", "every other week"]),
        ("Daily flights resumed, and the paper's weekly edition.", ["Daily", "weekly"]),
        ("From now on, agents patrol every night.", ["every night"]),
        ("Recent discussions have stalled.", ["Recent"]),
        # each sentence below also holds a signal or phrase that is not a time
        ("As soon as the troops arrived, the gangs fled; the ceasefire will end soon.", ["soon"]),
        ("The now-defunct group split, and the cartel now controls the port.", ["now"]),
        ("The future of Mexico is at stake, as it was in the past.", ["the past"]),
        ("At the time of the raid he was abroad; at the time, nobody knew.", ["at the time"]),
        ("Prices rose more than now, but recently fell.", ["recently"]),
        # days the NER may miss: a deictic day, a wire dateline, one-token dates
        ("Today the ministry announced new charges.", ["Today"]),
        ("OCT 14 - MEXICO CITY - Police said they found the bodies.", ["OCT 14"]),
        ("The bill funds FY2025 programs, due 07/15/2024.", ["FY2025", "07/15/2024"]),
        ("He may 22 times fail, and March on.", []),
        ("AUG. 9, 2012 - TIJUANA - Agents seized a tunnel.", ["AUG. 9, 2012"]),
    ],
)  # fmt: skip
def test_matched_spans(nlp, text, expected):
    assert [span.text for span in matched_spans(nlp(text))] == expected


def test_every_token_pattern_is_reached_from_an_anchor_word():
    # matched_spans runs the token patterns only on WINDOW tokens either side of an
    # anchor word: a pattern without one, or longer than the window, would be missed.
    anchors = anchor_words()
    for label, patterns in token_patterns().items():
        for pattern in patterns:
            assert len(pattern) <= WINDOW + 1, (label, pattern)
            required = [t for t in pattern if t.get("OP") not in ("?", "*")]
            choices = [t["LOWER"] for t in required if "LOWER" in t]
            words = [{c} if isinstance(c, str) else set(c["IN"]) for c in choices]
            assert any(w <= anchors for w in words), (label, pattern)
