"""events.context.Context: mention tokens found by bisection are char_span's "expand"."""

from __future__ import annotations

from cartelkb.extract.events.context import Context

TEXT = "U.S. agents extradited  Juan Roe-Poe to Texas on Friday.\nHe pleaded guilty."


def test_expand_is_char_span_expand(nlp):
    doc = nlp(TEXT)
    ctx = Context(doc, [], [])
    for start in range(len(TEXT)):
        for end in range(start + 1, min(len(TEXT), start + 12) + 1):
            span = doc.char_span(start, end, alignment_mode="expand")
            expected = [t.i for t in span] if span is not None else []
            assert list(ctx._expand(start, end)) == expected, (start, end, TEXT[start:end])
