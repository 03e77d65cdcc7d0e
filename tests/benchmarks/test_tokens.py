"""Tests for cartelkb.benchmarks.tokens: benchmark tokens back to text, offsets kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cartelkb.benchmarks.tokens import UNESCAPE, detokenize


def words(text: str) -> list[str]:
    """A sentence written as space-separated tokens, the way benchmarks ship them."""
    return text.split()


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        ("He said -LRB- not -RRB- `` hi '' .", 'He said (not) "hi".'),
        ("I ca n't pay $ 5 , Bob 's 10 % fee !", "I can't pay $5, Bob's 10% fee!"),
        ("3\\/4 of -LSB- them -RSB- ; ` yes ' : ok", "3/4 of [them]; 'yes': ok"),
        # ECB+ writes plain quotes: they open and close in turn
        ('" Stop , " he said " now " .', '"Stop," he said "now".'),
        ("The teams ' coach -- and -", "The teams' coach -- and -"),
    ],
)
def test_detokenize(tokens, text):
    assert detokenize(tokens.split()).text == text


def test_offsets_point_at_each_token():
    tokens = words("Mexico 's president , Claudia Sheinbaum -LRB- 62 -RRB- , said `` no '' .")
    det = detokenize(tokens)
    assert [det.text[s:e] for s, e in det.spans] == [UNESCAPE.get(t, t) for t in tokens]
    start = det.text.index("Claudia")
    assert det.tokens_in(start, start + len("Claudia Sheinbaum")) == [4, 5]
    # a span covering part of a token selects the whole token
    assert det.tokens_in(det.text.index("'s") + 1, det.text.index("'s") + 2) == [1]


TOKENS = st.sampled_from(
    ["a", "Bob", "'s", "n't", ",", ".", "(", ")", "-LRB-", "-RRB-", "``", "''", '"', "$", "%", "-"]
)


@given(st.lists(TOKENS, max_size=30))
def test_spans_are_ordered_and_exact(tokens):
    det = detokenize(tokens)
    assert len(det.spans) == len(tokens)
    previous_end = 0
    for token, (start, end) in zip(tokens, det.spans, strict=True):
        assert det.text[start:end] == UNESCAPE.get(token, token)
        assert start >= previous_end
        assert det.text[previous_end:start] in ("", " ")
        previous_end = end
    assert previous_end == len(det.text)
