"""One article's indexes: tokens, sentences, mentions and date spans, and the parse as read."""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from cartelkb.extract.claims.syntax import child_of, misattached_participles
from cartelkb.extract.claims.vocab import PLACE_NOUNS
from cartelkb.extract.sentences import sentences
from cartelkb.extract.tokens import deps as token_deps
from cartelkb.extract.tokens import doc_text
from cartelkb.extract.tokens import heads as token_heads
from cartelkb.extract.tokens import starts as token_starts
from cartelkb.extract.tokens import tokens as token_objects
from cartelkb.records import DateRecord, MentionRecord


@lru_cache(maxsize=1)
def _gazetteer_classes() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Canonical names of countries, cartels and agencies (from the packaged data files)."""

    def canonicals(file_name: str) -> frozenset[str]:
        path = resources.files("cartelkb.data").joinpath(file_name)
        with path.open(encoding="utf-8") as fh:
            rows = (line for line in fh if line.strip() and not line.startswith("#"))
            return frozenset(
                row["canonical"].strip() for row in csv.DictReader(rows, delimiter="\t")
            )

    return canonicals("countries.tsv"), canonicals("cartels.tsv"), canonicals("agencies.tsv")


class Article:
    """A parsed article and its look-up tables, built once and read by every concern."""

    def __init__(self, doc: Doc, mentions: list[MentionRecord], dates: Sequence[DateRecord]):
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.m_starts = [m.start for m in self.mentions]
        self.tok_starts = token_starts(doc)
        # token index -> mention covering it (the longest, so "Mexican government" wins
        # over its nested "Mexican").
        self.tok2m: dict[int, int] = {}
        for index, m in enumerate(self.mentions):
            for i in self.token_range(m.start, m.end):
                old = self.tok2m.get(i)
                if old is None or (m.end - m.start) > (
                    self.mentions[old].end - self.mentions[old].start
                ):
                    self.tok2m[i] = index
        self.sents = sentences(doc)
        self._roots: dict[int, Token] = {}  # sentence number -> root (Span.root scans)
        self.sent_of = [0] * len(doc)
        for n, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self.countries, self.cartels, self.agencies = _gazetteer_classes()
        # every date expression, durations and sets too: none of them is an argument
        self.date_spans = sorted((d.start, d.end) for d in dates)
        self.span_starts = [start for start, _ in self.date_spans]
        self.headlines = headline_lines(self.text)
        self.datelines = dateline_spans(self.text)
        # tokens with a conjunct or an apposition: only their phrases coordinate names
        self.coordinating = {
            doc[i].head.i for i, dep in enumerate(token_deps(doc)) if dep in {"conj", "appos"}
        }
        # token index -> the head a misattached participle really modifies
        self.reattached: dict[int, Token] = {}
        for sent in self.sents:
            self.reattached.update(misattached_participles(sent))

    def token_range(self, start: int, end: int) -> range:
        """The indexes of the tokens overlapping the characters [start, end)."""
        first = bisect.bisect_right(self.tok_starts, start) - 1
        last = bisect.bisect_left(self.tok_starts, end) - 1
        return range(max(first, 0), last + 1)

    def sent_no(self, tok: Token) -> int:
        """The number of a token's sentence."""
        return self.sent_of[tok.i]

    def sent(self, tok: Token) -> Span:
        """A token's sentence."""
        return self.sents[self.sent_of[tok.i]]

    def root(self, tok: Token) -> Token:
        """The root of a token's sentence (computed once per sentence)."""
        n = self.sent_of[tok.i]
        found = self._roots.get(n)
        if found is None:
            found = self._roots[n] = self.sents[n].root
        return found

    def mentions_in(self, start: int, end: int) -> Iterator[int]:
        """The mentions inside the characters [start, end), in text order."""
        i = bisect.bisect_left(self.m_starts, start)
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                yield i
            i += 1

    def mentions_before(self, char: int, floor: int, limit: int) -> Iterator[int]:
        """Up to `limit` mentions starting before `char` and at or after `floor`, nearest first."""
        i = bisect.bisect_left(self.m_starts, char) - 1
        seen = 0
        while i >= 0 and seen < limit and self.mentions[i].start >= floor:
            yield i
            i -= 1
            seen += 1

    def parent(self, tok: Token) -> Token:
        """A token's syntactic head, after the corrections of `misattached_participles`."""
        return self.reattached.get(tok.i) or token_objects(self.doc)[token_heads(self.doc)[tok.i]]

    def dep(self, tok: Token) -> str:
        """A token's dependency label, reading misattached participles as adverbial.

        Besides `misattached_participles`, a comma-set gerund the parser made a second
        xcomp ("decided to act, sending troops ...") is a free adjunct, not a complement:
        only the first xcomp continues a verb chain.
        """
        if tok.i in self.reattached:
            return "advcl"
        if (
            tok.dep_ == "xcomp"
            and tok.tag_ == "VBG"
            and tok.i > tok.head.i
            and self.doc[tok.left_edge.i - 1].text == ","
        ):
            first = child_of(tok.head, "xcomp")
            if first is not None and first.i != tok.i:
                return "advcl"
        return tok.dep_

    def is_temporal(self, tok: Token) -> bool:
        """A date, time or duration phrase (the date extractor's, else the NER's)."""
        if tok.ent_type_ in {"DATE", "TIME"}:
            return True
        i = bisect.bisect_right(self.span_starts, tok.idx) - 1
        return i >= 0 and tok.idx < self.date_spans[i][1]

    def headline_of(self, tok: Token) -> tuple[int, int] | None:
        """The headline line (char bounds) a token is on, if any."""
        for start, end in self.headlines:
            if start <= tok.idx < end:
                return start, end
        return None

    def dateline_end(self, char: int) -> int | None:
        """Where the dateline holding `char` ends ("WASHINGTON – ": after the dash), if
        `char` is in one."""
        if not self.datelines or char >= self.datelines[-1][1]:
            return None
        for start, end in self.datelines:
            if start <= char < end:
                return end
        return None

    def is_place(self, tok: Token) -> bool:
        """A place: a GPE/LOC mention, a place or facility the NER found, or a common noun
        of places ("the border", "federal prison")."""
        m = self.tok2m.get(tok.i)
        if m is not None:
            return self.mentions[m].label in {"GPE", "LOC"}
        if tok.ent_type_ in {"GPE", "LOC", "FAC"}:
            return True
        return tok.pos_ == "NOUN" and tok.lemma_.lower() in PLACE_NOUNS

    def left_context(self, char: int, n_tokens: int) -> str:
        """The text of the `n_tokens` tokens before the one at `char`."""
        i = bisect.bisect_right(self.tok_starts, char) - 1
        return " ".join(t.text for t in self.doc[max(i - n_tokens, 0) : i])


HEADER_LINES = 12  # lines from the top a headline may be on
HEADLINE_WORDS = 20  # a longer line is prose


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Char bounds of the lines at the top that read as headlines: short, three words at
    least, not ended like a sentence (headline grammar drops auxiliaries and articles)."""
    out: list[tuple[int, int]] = []
    offset = seen = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > HEADER_LINES:
            break
        words = stripped.split()
        if 3 <= len(words) <= HEADLINE_WORDS and stripped[-1] not in '.!?:;,"”':
            out.append((start, end))
    return out


# "WASHINGTON – ", "BROWNSVILLE, Texas - ", "OCT 22 - WASHINGTON – ", "Mexico City, April
# 14, 2023 – ": a paragraph opening with capitalized place and date words, then a dash
_DATELINE = re.compile(
    r"^[ \t]*(?:(?:(?:[A-Z][\w.'’]*|\d[\d,]*),?[ \t]+){0,7}(?:[A-Z][\w.'’]*|\d+)"
    r"[ \t]*[–—-][ \t]+)+",
    re.MULTILINE,
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Char spans of the datelines opening paragraphs, dash and spaces included (they
    are never part of an argument: "BUTLER COUNTY, IOWA – Oversight by ... revealed")."""
    out: list[tuple[int, int]] = []
    for match in _DATELINE.finditer(text):
        words = match.group(0).split()
        if len(words) < 2 or match.end() >= len(text) or not text[match.end()].isalnum():
            continue
        first = words[0].strip(",.")
        shouting = first.isupper() and len(first) >= 3 and first.isalpha()
        if "–" in words or "—" in words:
            # a dash: a place in capitals, a date, or "City, State"
            if not (shouting or any(w[:1].isdigit() for w in words) or "," in match.group(0)):
                continue
        elif not shouting:
            continue  # a hyphen ("Coca - Cola"): only after a place in capitals
        out.append((match.start(), match.end()))
    return out
