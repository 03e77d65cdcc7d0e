"""Date expressions: spaCy spans -> ISO value at the precision the text states, never more.

The entry points are re-exported here; the package is split by concern:

- `extract`: Doc -> `DateRecord`s (`extract_dates`), and their TIMEX3 value (`timex_value`);
  it keeps the story's reference time: the dates an anaphoric expression counts from;
- `spans`, `matchers`, `tense`: finding expressions in a Doc (NER DATE/TIME spans, what
  the NER misses, the tense of the clause around one and whether it narrates the past);
- `normalize`: text -> `Normalized` (`normalize`, `parse_dateline`), trying in turn the
  rules of `vague`, `sets`, `anaphora` (counted from another date of the text),
  `composite`, `clock`, `relative`, `holidays`, `durations` and `absolute` (with `years`
  and `formats`, the dateparser wrapper), after `cleaning`;
- `reading`: the `Normalized` result; `vocabulary`: the word lists of
  `data/lexicons/dates.toml`; `numbers`: cardinals in words.
"""

from __future__ import annotations

from cartelkb.extract.dates.extract import extract_dates, timex_value
from cartelkb.extract.dates.normalize import normalize, parse_dateline
from cartelkb.extract.dates.reading import Kind, Normalized, Tense

__all__ = [
    "Kind",
    "Normalized",
    "Tense",
    "extract_dates",
    "normalize",
    "parse_dateline",
    "timex_value",
]
