"""Candidate expressions among spaCy's DATE/TIME entities: merged, ranges split, ages dropped.

Adjacent entities are merged ("Friday" + "afternoon", "February 17" + ", 2022"), spans
split in two when they hold two expressions ("2009-2010", "three days last week"), ages
("22-year-old"), counts ("2024 soldiers") and seasons naming a kind of thing ("spring
break") dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from cartelkb.extract.dates.cleaning import clean
from cartelkb.extract.dates.durations import duration_reading, parse_duration
from cartelkb.extract.dates.holidays import read_holiday
from cartelkb.extract.dates.normalize import normalize
from cartelkb.extract.dates.numbers import number
from cartelkb.extract.dates.reading import MAX_YEAR, MIN_YEAR, Normalized, year_reading
from cartelkb.extract.dates.vocabulary import AGE_WORDS, SEASONS, UNIT_FORMS
from cartelkb.extract.tokens import entities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_YEAR_RANGE_RE = re.compile(
    r"^(?P<a>\d{4})\s*(?:-|\u2013|\u2014|/|to|through)\s*(?P<b>\d{2}|\d{4})$"
)
_RANGE_RE = re.compile(
    r"^(?:between |from )?(?P<a>.+?)\s*(?:-|\u2013|\u2014|\bto\b|\bthrough\b|\band\b|\buntil\b"
    r"|\btill\b|\bor\b)\s*(?P<b>.+)$",
    re.I,
)

Part = tuple[int, int, Normalized | None]
"""(start char, end char, the reading when the split fixed it already, else None)."""


def entity_candidates(doc: Doc) -> Iterator[tuple[Span, list[Part]]]:
    """DATE/TIME entities, merged when adjacent, as (span, [(start, end, fixed reading)])."""
    ents = [e for e in entities(doc) if e.label_ in ("DATE", "TIME") or _is_holiday(e)]
    merged: list[Span] = []
    for ent in ents:
        last = merged[-1] if merged else None
        if last is not None and (
            (last.end == ent.start and "\n" not in last[-1].whitespace_)
            or _year_after_comma(last, ent)
        ):
            merged[-1] = doc[last.start : ent.end]
        else:
            merged.append(ent)
    for span in merged:
        if is_age(span) or is_count(span) or is_modifier(span):
            continue
        yield _with_plural_s(span), parts(_with_plural_s(span))


def _is_holiday(ent: Span) -> bool:
    """An EVENT that is a named day ("Thanksgiving Day", "Easter week")."""
    return ent.label_ == "EVENT" and read_holiday(clean(ent.text), None, None) is not None


def _year_after_comma(span: Span, ent: Span) -> bool:
    """ "February 17" + "," + "2022": the NER's two entities are one date."""
    doc = span.doc
    if (
        ent.start != span.end + 1
        or doc[span.end].text != ","
        or not re.fullmatch(r"\d{4}", ent.text)
    ):
        return False
    found = normalize(doc[span.start : ent.end].text, None)
    return found is not None and not found.relative and found.precision == "day"


def _with_plural_s(span: Span) -> Span:
    """A decade whose "'s" the tokenizer split off ("the 1980" + "’s") takes it back."""
    doc = span.doc
    last = span[-1]
    if (
        span.end < len(doc)
        and re.fullmatch(r"\d{3}0", last.text)
        and not last.whitespace_
        and doc[span.end].text in ("'s", "\u2019s", "s")
    ):
        return doc[span.start : span.end + 1]
    return span


def is_modifier(span: Span) -> bool:
    """A bare season naming a kind of thing, not a time ("spring break", "summer camp")."""
    if len(span) != 1 or span[0].lower_ not in SEASONS:
        return False
    token = span[0]
    head = token.head
    return token.dep_ in ("compound", "amod") and head.pos_ == "NOUN" and head.i > token.i


def is_age(span: Span) -> bool:
    """An age the NER tags DATE ("aged 65", "22-year-old", "ages 6 months to 5 years")."""
    doc = span.doc
    if span[0].lower_ in AGE_WORDS:
        return True
    if span.start > 0 and doc[span.start - 1].lower_ in AGE_WORDS:
        return True
    if span[-1].lower_ in ("old", "-old") or span.text.lower().endswith("-old"):
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.lower_ == "old"


def is_count(span: Span) -> bool:
    """A bare number counting a plural noun ("sent 2024 soldiers"): the NER's DATE guess.

    A determiner on the noun keeps the year reading ("the 2024 elections").
    """
    if len(span) != 1 or not span[0].like_num:
        return False
    token = span[0]
    head = token.head
    return (
        token.dep_ == "nummod"
        and head.tag_ in ("NNS", "NNPS")
        and head.lower_ not in UNIT_FORMS
        and not any(c.dep_ in ("det", "poss") for c in head.children)
    )


def parts(span: Span) -> list[Part]:
    """Split a span into the expressions it holds (ranges hold two). A span no rule reads
    may hold two side by side ("three days last week") or end in one after "of", a
    preposition or a verb ("the end of a 20 year" holds "a 20 year", "the year ended
    March 31" holds "March 31")."""
    found = _parts(span)
    if found or len(span) < 2:
        return found
    doc = span.doc
    for k in range(span.start + 1, span.end):
        left, right = _trim(doc[span.start : k]), _trim(doc[k : span.end])
        if not left or not right:
            continue
        if normalize(left.text, None) is not None and normalize(right.text, None) is not None:
            return [
                (left.start_char, left.end_char, None),
                (right.start_char, right.end_char, None),
            ]
    for token in span[:-1]:
        # the complement of "of", a preposition or a verb: "the end of a 20 year", "the
        # year ending June 30, 1990"; with what precedes it when that is an expression
        # too ("the fourth quarter ended Aug. 26": the quarter and its last day)
        if token.lower_ == "of" or token.pos_ in ("ADP", "VERB"):
            found = _parts(doc[token.i + 1 : span.end])
            if found:
                left = _trim(doc[span.start : token.i])
                if left and normalize(left.text, None) is not None:
                    return [(left.start_char, left.end_char, None), *found]
                return found
    for k in range(span.start + 1, span.end):
        # words the NER took in before an expression: "the day Friday", "both 1990",
        # "an Aug. 10, 1988", "barely a month"; the longest rest that reads is kept, if
        # it has a value and no number was dropped ("2 1/2 years" is not "years")
        if doc[k - 1].like_num:
            break
        rest = _trim(doc[k : span.end])
        if rest and _has_value(rest.text):
            return _parts(rest)
    return []


def _has_value(text: str) -> bool:
    """Whether `text` reads as an expression with a value (given an article date)."""
    found = normalize(text, None)
    return found is not None and (found.value is not None or found.relative)


def _trim(span: Span) -> Span:
    """`span` without punctuation at its ends."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_punct:
        start += 1
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[start:end]


def _parts(span: Span) -> list[Part]:
    start, end = span.start_char, span.end_char
    text = span.text
    m = _YEAR_RANGE_RE.match(text)
    if m:
        first = int(m.group("a"))
        second_text = m.group("b")
        second = (
            int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
        )
        if MIN_YEAR <= first < second <= MAX_YEAR:
            return [
                (start + m.start("a"), start + m.end("a"), year_reading(first)),
                (start + m.start("b"), start + m.end("b"), year_reading(second)),
            ]
    if normalize(text, None) is not None:
        return [(start, end, None)]
    m = _RANGE_RE.match(text)
    if m:
        a, b = m.group("a"), m.group("b")
        b_found = parse_duration(clean(b))
        a_ok = normalize(a, None) is not None
        if normalize(b, None) is not None and (a_ok or b_found):
            fixed: Normalized | None = None
            if not a_ok and b_found and number(clean(a)) is not None:
                # "between 12 and 18 months": the first number takes the second's unit.
                n = number(clean(a))
                fixed = duration_reading(n if isinstance(n, int) else None, b_found[1])
            elif not a_ok:
                return []
            return [
                (start + m.start("a"), start + m.end("a"), fixed),
                (start + m.start("b"), start + m.end("b"), None),
            ]
    return []
