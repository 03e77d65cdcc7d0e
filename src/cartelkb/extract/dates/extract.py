"""Doc -> date records: candidates read with their clause's tense, in the story's time."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cartelkb.extract.dates.anaphora import Anchor
from cartelkb.extract.dates.matchers import matched_spans
from cartelkb.extract.dates.normalize import (
    anchor_precision,
    is_anaphoric_text,
    is_year_comparison,
    normalize,
)
from cartelkb.extract.dates.reading import Normalized, Tense, present_reading
from cartelkb.extract.dates.spans import entity_candidates
from cartelkb.extract.dates.tense import clause_tense, is_adverbial, narrates_the_past
from cartelkb.extract.tokens import doc_text
from cartelkb.records import DateRecord, Precision
from cartelkb.timespan import interval

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


ANCHOR_WINDOW = 3
"""Sentences before the current one in which an anaphoric expression finds its anchor."""


def extract_dates(
    doc: Doc,
    base: dt.date | None,
    *,
    precision: Precision = "day",
    window: int | None = ANCHOR_WINDOW,
) -> Iterator[DateRecord]:
    """Yield the date expressions of a parsed article, in text order.

    Candidates are spaCy's DATE/TIME entities (adjacent ones merged: "Friday" +
    "afternoon"; ranges split: "2009-2010", "between 12 and 18 months"; ages dropped:
    "22-year-old") plus what the NER does not tag, found with spaCy matchers: vague
    adverbials ("now", "recently", "in the past", "in recent years") and sets ("every
    day", "annually"). Only expressions that `normalize` reads are yielded; dateparser
    only ever sees these short spans. Each entity that dates its clause's event is read
    with the tense of its clause (see `tense.clause_tense`), so "was held in August" and
    "will be held in August" differ; one that modifies a noun or an adjective ("payable
    Dec. 7", "the Oct. 23 slaying") is not: it is the nearest such date.

    The story's time (Mani and Wilson 2000; TimeML's anchorTimeID; HeidelTime's news
    and narrative document types, Strötgen and Gertz 2013):

    - deictic expressions ("last week", "yesterday", "in March") count from `base`, the
      publication date, as news text does (TBAQ's gold anchors 790 of its 902 relative
      dates to the document date);
    - anaphoric ones ("a year earlier", "the following month", "that week") count from
      the reference time: the most recent calendar date before them in the same
      sentence or the `window` previous ones, else `base` ("the quarter" and "the
      year-ago quarter": the quarter last named); a look back ("a year earlier") does
      not move the reference time, a move on ("two days later") does;
    - in a clause that narrates the past (the past perfect, or speech reported in the
      past) a deictic or bare date counts from the date the sentence or the one before
      states for its event ("On June 3, 2009, police said he fled in March": 2009-03).

    A publication date known only to the month or year (`precision`) resolves what it
    determines: "last year", "in October" (past tense) and "May 8" from a month; "today"
    is that month; "yesterday", "Friday" and "last week" get no value (see `_Base`).

    Args:
        doc: a Doc from `cartelkb.extract.nlp.load_pipeline()` (tagged, parsed, NER).
        base: the article's publication date (the first day of its month or year when
            `precision` is "month" or "year"), or None.
        precision: how much of `base` is known.
        window: how many sentences back an anaphoric expression's anchor may be.

    Yields:
        Records whose `text == doc.text[start:end]`.
    """
    read = _Base(base, precision).read
    found_at: list[_Candidate] = []
    full_text = doc_text(doc)
    for span, parts in entity_candidates(doc):
        tense = clause_tense(span) if is_adverbial(span) else None
        narrated, adverbial = narrates_the_past(span), is_adverbial(span)
        for start, end, fixed in parts:
            text = full_text[start:end]
            found = fixed if fixed is not None else read(text, tense)
            if found is not None:
                found = _figurative(doc.char_span(start, end), text, found)
                tense = None if fixed else tense
                found_at.append(_Candidate(start, end, text, tense, narrated, adverbial, found))
    taken = [(c.start, c.end) for c in found_at]
    for span in matched_spans(doc, full_text):
        if any(span.start_char < e and s < span.end_char for s, e in taken):
            continue
        found = read(span.text, None)
        if found is not None:
            found = _figurative(span, span.text, found)
            found_at.append(
                _Candidate(span.start_char, span.end_char, span.text, None, False, False, found)
            )
    found_at.sort(key=lambda c: (c.start, c.end))
    story = _Story(doc, window)
    for c in found_at:
        found = c.found
        anaphora = is_anaphoric_text(c.text) if found.relative else None
        if c.narrated and found.relative and anaphora is None and base is not None:
            # "On June 3, 2009, police said he fled in March": a deictic or bare date in
            # a clause narrating the past counts from the date the story states for it.
            told = story.stated(c.start)
            if told is not None and told.end <= base:
                found = _Base(told.start, told.precision).read(c.text, "past") or found
        quarter = story.recent(c.start, "quarter") if is_year_comparison(c.text) else None
        if quarter is not None:
            # "Net rose to $108.8 million in the third quarter from $90.5 million a year
            # ago": the same quarter a year back, not the year before the article's; a
            # look back, like "a year earlier", that does not move the story's time.
            found = read("a year earlier", None, quarter) or found
        elif anaphora is not None:
            anchor = story.anchor(c.start, anchor_precision(c.text))
            if anchor is not None:
                found = read(c.text, c.tense, anchor) or found
            elif anaphora == "on" and c.tense == "past":
                # "A year later, it died" with no date before it: counted from the
                # article's date it would lie after the article; the anchor is unknown.
                found = Normalized(None, None, relative=True, kind=found.kind)
        if anaphora != "back" and quarter is None:
            # A look back ("a year earlier", "the day before") is a flashback, not a move
            # of the story's time: the next "a year earlier" counts from the same date.
            story.add(c.start, found, told=c.adverbial)
        yield _record(c.text, c.start, c.end, found)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    text: str
    tense: Tense | None  # of the clause, when the reading used it
    narrated: bool  # the clause narrates the past (tense.narrates_the_past)
    adverbial: bool  # the date tells when its clause's event happened (tense.is_adverbial)
    found: Normalized  # the reading from the article's date


_FIGURATIVE = {
    "yesterday": Normalized(None, None, kind="vague", timex="PAST_REF"),
    "today": present_reading(),
    "tomorrow": Normalized(None, None, kind="vague", timex="FUTURE_REF"),
}


def _figurative(span: Span | None, text: str, found: Normalized) -> Normalized:
    """ "the cartels of yesterday", "the leaders of today": a time of a noun is the past
    or the present, not a day."""
    word = text.lower()
    if word in _FIGURATIVE and span is not None and len(span) == 1:
        token = span[0]
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.pos_ in ("NOUN", "PROPN")
        ):
            return _FIGURATIVE[word]
    return found


class _Base:
    """The article's date as a period: relative expressions keep only what it determines.

    With a date known to the month or year, an expression is read from the first and the
    last day of that period; it keeps its value when both readings agree ("last year",
    "May 8" in a May article, "in October" in the past tense seen from January; when the
    clause's tense makes them differ, the readings without it are tried), takes the
    period itself when it names the article's day ("today" in a May 2023 article is
    2023-05), and has no value otherwise ("yesterday", "Friday").
    """

    def __init__(self, base: dt.date | None, precision: Precision):
        self.first = base
        self.last: dt.date | None = None
        self.value: str | None = None
        if base is not None and precision in ("month", "year"):
            self.value = f"{base:%Y-%m}" if precision == "month" else f"{base:%Y}"
            found = interval(self.value)
            if found is not None:
                self.first, self.last = found[0], found[1] - dt.timedelta(days=1)
        self.precision = precision

    def read(
        self, text: str, tense: Tense | None, anchor: Anchor | None = None
    ) -> Normalized | None:
        found = normalize(text, self.first, tense=tense, anchor=anchor)
        if self.last is None or found is None or found.value is None or not found.relative:
            return found
        other = normalize(text, self.last, tense=tense, anchor=anchor)
        if other is not None and other.value == found.value:
            return found
        if tense is not None:
            # "ended on May 8" in a May article: the tense alone does not say whether
            # the article is after May 8; the nearest May 8 is the same either way.
            untensed = self.read(text, None, anchor)
            if untensed is not None and untensed.value is not None:
                return untensed
        assert self.first is not None
        if other is not None and (found.value, other.value) == (
            self.first.isoformat(),
            self.last.isoformat(),
        ):
            return Normalized(self.value, self.precision, True, "date", self.value)
        return Normalized(None, None, relative=True, kind=found.kind)


class _Story:
    """The calendar dates of an article so far, by sentence: the anchors of anaphora."""

    def __init__(self, doc: Doc, window: int | None):
        self.doc = doc
        self._sent_starts: list[int] | None = None  # read when first needed: doc.sents is slow
        self.window = window
        self.anchors: list[tuple[int, Anchor]] = []  # (start char, anchor)
        self.told: list[tuple[int, Anchor]] = []  # the anchors stated with their year

    def sentence(self, char: int) -> int:
        if self._sent_starts is None:
            self._sent_starts = [s.start_char for s in self.doc.sents]
        return bisect.bisect_right(self._sent_starts, char) - 1

    def add(self, start: int, found: Normalized, *, told: bool) -> None:
        """Note a date of the text; `told` when it dates its clause's event."""
        if found.kind in ("date", "time"):
            anchor = Anchor.of(found.value, found.precision)
            if anchor is not None:
                self.anchors.append((start, anchor))
                if told and not found.relative and found.precision in ("day", "month"):
                    self.told.append((start, anchor))

    def stated(self, start: int) -> Anchor | None:
        """The most recent date at day or month precision that the text states with its
        year, in the same sentence as `start` or the one before."""
        if not self.told:
            return None
        at, anchor = self.told[-1]
        return anchor if self.sentence(start) - self.sentence(at) <= 1 else None

    def recent(self, start: int, precision: Precision) -> Anchor | None:
        """The most recent date of `precision` before `start`, if no date of another
        precision came after it and it is in the same sentence or the one before."""
        if not self.anchors:
            return None
        at, anchor = self.anchors[-1]
        if anchor.precision != precision or self.sentence(start) - self.sentence(at) > 1:
            return None
        return anchor

    def anchor(self, start: int, precision: Precision | None = None) -> Anchor | None:
        """The most recent date before `start`, if it is in the window; with `precision`,
        the most recent one of that precision, however far back."""
        if precision is not None:
            return next((a for _, a in reversed(self.anchors) if a.precision == precision), None)
        if not self.anchors:
            return None
        at, anchor = self.anchors[-1]
        if self.window is not None and self.sentence(start) - self.sentence(at) > self.window:
            return None
        return anchor


def timex_value(record: DateRecord, base: dt.date | None) -> str | None:
    """The TIMEX3 value of an extracted record, for benchmarks (TempEval conventions).

    The stored `record.value` (already resolved with its sentence's tense) is kept and
    completed with the clock part; vague records map to PRESENT_REF / PAST_REF /
    FUTURE_REF. None when TimeML has no TIMEX3 for the expression ("Recent discussions").
    """
    found = normalize(record.text, base)
    if found is None:
        return record.value
    if record.value is None or found.timex is None:
        # read alone, "the quarter" has no value; in its story it has the anchor's
        return found.timex if record.value is None else record.value
    if found.value is not None and found.timex.startswith(found.value):
        return record.value + found.timex[len(found.value) :]
    return record.value


def _record(text: str, start: int, end: int, found: Normalized) -> DateRecord:
    return DateRecord(
        text=text,
        start=start,
        end=end,
        value=found.value,
        precision=found.precision,
        relative=found.relative,
        kind=found.kind,
    )
