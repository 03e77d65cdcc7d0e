"""Doc -> date records: entity candidates and matched spans, each read with its clause's tense."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from cartelkb.extract.dates.matchers import matched_spans
from cartelkb.extract.dates.normalize import normalize
from cartelkb.extract.dates.reading import Normalized
from cartelkb.extract.dates.spans import entity_candidates
from cartelkb.extract.dates.tense import clause_tense
from cartelkb.records import DateRecord

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_dates(doc: Doc, base: dt.date | None) -> Iterator[DateRecord]:
    """Yield the date expressions of a parsed article, in text order.

    Candidates are spaCy's DATE/TIME entities (adjacent ones merged: "Friday" +
    "afternoon"; ranges split: "2009-2010", "between 12 and 18 months"; ages dropped:
    "22-year-old") plus what the NER does not tag, found with spaCy matchers: vague
    adverbials ("now", "recently", "in the past", "in recent years") and sets ("every
    day", "annually"). Only expressions that `normalize` reads are yielded; dateparser
    only ever sees these short spans. Each entity is read with the tense of its clause
    (see `tense.clause_tense`), so "was held in August" and "will be held in August" differ.

    Args:
        doc: a Doc from `cartelkb.extract.nlp.load_pipeline()` (tagged, parsed, NER).
        base: the article's publication date, or None.

    Yields:
        Records whose `text == doc.text[start:end]`.
    """
    records: list[DateRecord] = []
    doc_text = doc.text  # Doc.text joins every token on each access: read it once
    for span, parts in entity_candidates(doc):
        tense = clause_tense(span)
        for start, end, fixed in parts:
            text = doc_text[start:end]
            found = fixed if fixed is not None else normalize(text, base, tense=tense)
            if found is not None:
                records.append(_record(text, start, end, found))
    taken = [(r.start, r.end) for r in records]
    for span in matched_spans(doc):
        if any(span.start_char < e and s < span.end_char for s, e in taken):
            continue
        found = normalize(span.text, base)
        if found is not None:
            records.append(_record(span.text, span.start_char, span.end_char, found))
    yield from sorted(records, key=lambda r: (r.start, r.end))


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
        return found.timex
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
