"""Quotation spans: which marks pair, and which quotations are speech."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims.quotes import quote_spans

# text -> the text inside each quotation kept (whitespace-trimmed), in order
CASES = [
    pytest.param(
        '"We will not accept any foreign intervention," Sheinbaum said.',
        ["We will not accept any foreign intervention,"],
        id="straight-pair",
    ),
    pytest.param(
        "“We will not accept any foreign intervention,” Sheinbaum said.",
        ["We will not accept any foreign intervention,"],
        id="curly-pair",
    ),
    pytest.param(
        '"Today’s action targets the cartel’s financiers,” said Treasury official Brian Nelson.',
        ["Today’s action targets the cartel’s financiers,"],
        id="straight-closed-by-curly",
    ),
    pytest.param(
        "‘We are ready to act against them now,’ the minister said.",
        ["We are ready to act against them now,"],
        id="single-curly-pair",
    ),
    pytest.param(
        "The cartel’s leaders said they’d never surrender to anyone.",
        [],
        id="apostrophes-are-not-quotes",
    ),
    pytest.param(
        "The minister said: 'we will not accept it at all' today.",
        [],
        id="straight-single-quotes-do-not-pair",
    ),
    pytest.param(
        'The operation, called "Fast and Furious", failed badly.',
        [],
        id="a-title-is-not-speech",
    ),
    pytest.param('He called it "a failure".', [], id="short-quote-is-not-speech"),
    pytest.param(
        "“We will keep fighting the cartels every single day\n\nThe minister said more.",
        ["We will keep fighting the cartels every single day"],
        id="left-open-stops-at-paragraph-end",
    ),
    pytest.param(
        "“Mexico will keep cooperating with the DEA. We will never accept foreign troops,” "
        "Sheinbaum said.",
        ["Mexico will keep cooperating with the DEA. We will never accept foreign troops,"],
        id="spans-two-sentences",
    ),
    pytest.param(
        "“We act now,” he said. “We will not accept any foreign troops in Mexico,” he added.",
        ["We will not accept any foreign troops in Mexico,"],
        id="two-quotes-the-short-one-dropped",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quote_spans(nlp, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    assert [doc[q.start : q.end + 1].text.strip() for q in quote_spans(doc)] == expected
