"""Path -> raw article: find input files, decode them, strip page furniture, read the header.

One module per concern (none imports a module that imports it):

- `files`: discover() walks the inputs; read_article() stats, reads (at most MAX_BYTES,
  refusing a file that changed meanwhile), decodes and reads one file; read_corpus() a
  JSON Lines file, read_stdin() standard input;
- `decoding`: bytes -> text (byte-order marks, encoding fallbacks, binary and other
  non-article formats refused, mojibake warned about);
- `kinds`: which kind a file is (text, Markdown, HTML, JSON, JSON Lines) and its decoded
  content -> raw article, with `frontmatter` (YAML front matter), `markdown` (Markdown ->
  plain text), `pages` (HTML, with trafilatura), `jsonarticles` (news-please objects) and
  `stated` (the metadata keys those state, and their values);
- `parse`: parse_text(), text -> RawArticle: furniture out, header read, offsets kept;
- `furniture` and `phrases` (with data/furniture.txt): which lines are page template;
- `header`, with `datelines` and `bylines`: the headline, dateline and byline lines;
- `lines`: tests on one line shared by the rules; `problems`: how failures are reported.

A test that changes a limit patches the module that uses it
(`cartelkb.extract.reader.files.MAX_BYTES`), not the name re-exported here.
"""

from __future__ import annotations

from cartelkb.extract.reader.datelines import parse_date
from cartelkb.extract.reader.decoding import decode, normalize_newlines
from cartelkb.extract.reader.files import (
    MAX_BYTES,
    STDIN,
    StdinInput,
    describe_patterns,
    discover,
    is_stdin_path,
    read_article,
    read_corpus,
    read_stdin,
)
from cartelkb.extract.reader.header import HEADER_LINES
from cartelkb.extract.reader.kinds import DEFAULT_PATTERNS, kind_of
from cartelkb.extract.reader.parse import parse_text
from cartelkb.extract.reader.problems import InputProblem

__all__ = [
    "DEFAULT_PATTERNS",
    "HEADER_LINES",
    "MAX_BYTES",
    "STDIN",
    "InputProblem",
    "StdinInput",
    "decode",
    "describe_patterns",
    "discover",
    "is_stdin_path",
    "kind_of",
    "normalize_newlines",
    "parse_date",
    "parse_text",
    "read_article",
    "read_corpus",
    "read_stdin",
]
