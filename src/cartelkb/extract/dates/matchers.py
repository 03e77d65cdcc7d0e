"""Date expressions the NER does not tag, found with spaCy matchers ("recently", "every day").

Vague adverbials ("in the past", "in recent years"), sets ("annually"), terms of office,
units named by an earlier date ("that night"), and days the NER misses ("Today the
Department announced", "OCT 22 -", "FY2026").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from cartelkb.extract.dates.vocabulary import (
    HOLIDAYS,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    SET_ADVERBS,
    SOON_SIGNAL_AFTER,
    SOON_SIGNAL_BEFORE,
    UNIT_FORMS,
    UNITS,
    VAGUE,
    VAGUE_PERIOD_ADJECTIVES,
    VAGUE_UNSEARCHED,
    WEEKDAYS,
    matcher_patterns,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

WINDOW = 4  # tokens a pattern may reach before or after its required word

_VAGUE_PHRASES = [p for p in VAGUE if p not in VAGUE_UNSEARCHED]
_UNIT_PLURALS = [u + "s" for u in UNITS] + ["centuries"]
_ANAPHORIC_UNITS = ["day", "week", "weekend", "month", "year", "quarter", *PARTS_OF_DAY]
_DEICTIC_DAYS = ["today", "yesterday", "tomorrow", "tonight"]
_MONTH_WORDS = sorted(MONTHS)
_MONTH_TOKEN = {
    "LOWER": {"IN": _MONTH_WORDS},
    "IS_LOWER": False,
    "POS": {"NOT_IN": ["AUX", "VERB"]},
}
_DAY_TOKEN = {"TEXT": {"REGEX": r"^(?:[1-9]|[12][0-9]|3[01])$"}}
# Dates in one token the NER tags as something else or nothing: "FY2026" (a U.S.
# fiscal year, PRODUCT to the NER), "07/22/2024", "2024-07-22".
_ONE_TOKEN_DATE_RE = re.compile(
    r"(?<![\w/-])(?:FY ?\d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})(?![\w/-])", re.IGNORECASE
)


def token_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """The token patterns, by match label; each must hold one of `anchor_words()`."""
    # Sets the NER leaves out ("kills 200 Americans every day", "meets annually", "daily
    # flights": TimeML and HeidelTime tag the adjective too).
    recurring = [*UNIT_FORMS, *WEEKDAYS, *PARTS_OF_DAY, *SEASONS]
    return {
        "VAGUE_UNITS": [
            [{"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": sorted(VAGUE_PERIOD_ADJECTIVES)}},
             {"LOWER": {"IN": _UNIT_PLURALS}}],
        ],
        "RECENT": matcher_patterns("recent_pattern"),
        "SET": [
            [{"LOWER": {"IN": ["every", "each"]}}, {"LOWER": "other", "OP": "?"},
             {"LIKE_NUM": True, "OP": "?"}, {"LOWER": {"IN": recurring}}],
            [{"LOWER": {"IN": ["once", "twice"]}},
             {"LOWER": {"IN": ["a", "an", "per", "every", "each"]}},
             {"LOWER": {"IN": list(UNIT_FORMS)}}],
            [{"LOWER": {"IN": list(SET_ADVERBS)}, "POS": {"IN": ["ADV", "ADJ"]}}],
        ],
        "TERM": matcher_patterns("term_pattern"),
        # "Today the Department announced ...": the NER sometimes leaves a day out
        "DEICTIC_DAY": [[{"LOWER": {"IN": _DEICTIC_DAYS}, "POS": {"IN": ["NOUN", "ADV"]}}]],
        # "OCT 22 - WASHINGTON": a wire dateline's month and day the NER reads as a count
        "MONTH_DAY": [
            [_MONTH_TOKEN, {"TEXT": ".", "OP": "?"}, _DAY_TOKEN],
            [_MONTH_TOKEN, {"TEXT": ".", "OP": "?"}, _DAY_TOKEN, {"TEXT": ","}, {"SHAPE": "dddd"}],
        ],
        # "That night, gunmen burned two buses": the NER often leaves out a unit named by
        # the date before it (read by anaphora.py); "that" must be its determiner.
        "ANAPHORIC": [
            [{"LOWER": "that", "POS": "DET"}, {"LOWER": "same", "OP": "?"},
             {"LOWER": {"IN": _ANAPHORIC_UNITS}, "POS": "NOUN", "DEP": {"NOT_IN": ["compound"]}}],
            [{"LOWER": "the"}, {"LOWER": "same"},
             {"LOWER": {"IN": _ANAPHORIC_UNITS}, "POS": "NOUN", "DEP": {"NOT_IN": ["compound"]}}],
        ],
    }  # fmt: skip


def anchor_words() -> set[str]:
    """Words one of which every token pattern holds, at most `WINDOW` tokens from its ends."""
    return {*VAGUE_PERIOD_ADJECTIVES, "recent", "every", "each", "once", "twice", "term",
            "tenure", *SET_ADVERBS, *_ANAPHORIC_UNITS, *_DEICTIC_DAYS,
            *_MONTH_WORDS}  # fmt: skip


@lru_cache(maxsize=4)
def _matchers(vocab: Any) -> tuple[Any, Any, Any]:
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokens import Doc

    phrases = PhraseMatcher(vocab, attr="LOWER")
    phrases.add("VAGUE", [Doc(vocab, words=p.split()) for p in _VAGUE_PHRASES])
    # "Thanksgiving Day" is an EVENT to the NER; "last Christmas" often nothing
    phrases.add("HOLIDAY", [Doc(vocab, words=re.findall(r"'s|[\w.]+|'", h)) for h in HOLIDAYS])
    tokens = Matcher(vocab)
    for label, patterns in token_patterns().items():
        tokens.add(label, patterns)
    anchors = PhraseMatcher(vocab, attr="LOWER")
    anchors.add("ANCHOR", [Doc(vocab, words=[w]) for w in sorted(anchor_words())])
    return phrases, tokens, anchors


def matched_spans(doc: Doc, text: str | None = None) -> list[Span]:
    """Vague adverbials and sets the NER does not tag ("recently" is an ADV to it).

    `text` is `doc.text` when the caller has it (Doc.text joins every token anew)."""
    from spacy.util import filter_spans

    phrases, tokens, anchors = _matchers(doc.vocab)
    spans = [_with_which(doc[s:e]) for _, s, e in phrases(doc)]
    # The token patterns are short and each needs one of a few words: run them only on
    # windows around those words (found by a PhraseMatcher), not from every token.
    seen: set[tuple[int, int]] = set()
    for _, at, _ in anchors(doc):
        lo = max(at - WINDOW, 0)
        for _, s, e in tokens(doc[lo : at + WINDOW + 1]):
            if (lo + s, lo + e) not in seen:
                seen.add((lo + s, lo + e))
                spans.append(doc[lo + s : lo + e])
    for m in _ONE_TOKEN_DATE_RE.finditer(doc.text if text is None else text):
        span = doc.char_span(m.start(), m.end())
        if span is not None:
            spans.append(span)
    return [span for span in filter_spans(spans) if _keep(span)]


def _with_which(span: Span) -> Span:
    """A holiday with the word before it that picks which one ("last Christmas")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in ("last", "next", "this"):
        return span if span.text.lower() in VAGUE else doc[span.start - 1 : span.end]
    return span


def _keep(span: Span) -> bool:
    """Whether a matched span is a time here, not a signal or part of a larger phrase."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    text = span.text.lower()
    if after is not None and after.text in ("-",) and not after.whitespace_:
        return False  # "now-defunct", "the past-due": part of a compound adjective
    if text == "soon" and (
        (before is not None and before.lower_ in SOON_SIGNAL_BEFORE)
        or (after is not None and after.lower_ in SOON_SIGNAL_AFTER)
    ):
        return False  # "as soon as", "soon after": signals, not times
    if text in ("the past", "the future", "the present") and after is not None:
        if after.lower_ in ("of", "tense") or after.like_num:
            return False  # "the future of Mexico", "the past 12 months"
        if after.pos_ in ("ADJ", "NUM", "NOUN", "PROPN"):
            return False  # "the present government", "the past decade"
        if after.lower_ in UNIT_FORMS or after.lower_ in ("few", "several", "couple"):
            return False
    if text in ("at the time", "at that time") and after is not None and after.lower_ == "of":
        return False
    if (
        text.startswith(("that ", "the same "))
        and after is not None
        and after.pos_
        in (
            "NOUN",
            "PROPN",
        )
    ):
        return False  # "that day laborers": the unit word modifies a noun
    if text == "recent":
        return after is not None and after.pos_ in ("NOUN", "PROPN")
    return not (text == "now" and before is not None and before.lower_ in ("from", "than"))
