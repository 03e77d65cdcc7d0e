"""Runs of proper nouns no mention covers: where the NER may have missed a name.

The small model tags a name in one article and misses it in the next ("INS Sukanya" in a
headline, "Chargers" after a score). Within one article `people.add_repeated_names`
finds the other occurrences of a name it tagged; across articles the extractor cannot
know the names, so it hands these runs on, and the knowledge base matches them against
the names it holds (`cartelkb.resolve.known_names`), now and after later ingests.

A candidate is what `add_repeated_names` would accept: capitalized proper nouns no
mention covers, the whole run (a longer run of proper nouns is another name: "Chargers"
in "Chargers Stadium Authority" is not the team). In a Title Case heading every word is
tagged a proper noun ("Sixers Hire Maurice Cheeks as Head Coach"), so there each part of
a run is a candidate too; in prose a run that touches a mention ("Los Cuinis [DTO]") is
none, being the rest of a name the extractor read. Words the NER tagged as a name that
the extractor then dropped count as well: most are a heading's names it could not
corroborate ("Fire Coach Jim O'Brien, Hire Maurice Cheeks"), and a name the knowledge
base holds is that corroboration. Words tagged as a date, a number or a demonym do not.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from cartelkb.extract.entities.drafts import in_title, is_heading
from cartelkb.extract.sentences import sentence_end, sentences
from cartelkb.extract.tokens import poses, span_text, starts, texts, tokens
from cartelkb.knowledge import Knowledge, load, name_key
from cartelkb.records import MentionRecord, NameCandidateRecord

MAX_WORDS = 4  # no name of more words is looked up
MIN_KEY = 3  # characters of the name's key, spaces aside: "Jr", "US" are no candidates
NAME_TYPES = frozenset({"", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT"})  # NER labels


def _capitalized(word: str) -> bool:
    """A word a name may consist of: capitalized, or a number with letters ("76ers")."""
    return word[:1].isupper() or (word[:1].isdigit() and any(ch.isalpha() for ch in word))


def name_candidates(
    doc: Doc, mentions: Sequence[MentionRecord], knowledge: Knowledge | None = None
) -> list[NameCandidateRecord]:
    """The runs of capitalized proper nouns outside every mention, in text order (see the
    module's docstring); at most `MAX_WORDS` words each, none the end of a title ("State"
    in "Secretary of State", which the extractor drops as no organization either)."""
    kb = knowledge or load()
    pos, words, begin = poses(doc), texts(doc), starts(doc)
    toks = tokens(doc)
    spans = sorted((m.start, m.end) for m in mentions)
    free = [True] * len(doc)
    j = 0
    for i in range(len(doc)):
        start, end = begin[i], begin[i] + len(words[i])
        while j < len(spans) and spans[j][1] <= start:
            j += 1
        if j < len(spans) and spans[j][0] < end:
            free[i] = False
    # a word a name may be made of: a capitalized proper noun no mention covers
    named = [
        free[i] and pos[i] == "PROPN" and _capitalized(words[i]) and toks[i].ent_type_ in NAME_TYPES
        for i in range(len(doc))
    ]
    out: list[NameCandidateRecord] = []
    for sent in sentences(doc):
        runs: list[tuple[int, int]] = []
        i = sent.start
        while i < sent.end:
            if not named[i]:
                i += 1
                continue
            end = i + 1
            while end < sent.end and named[end]:
                end += 1
            runs.append((i, end))
            i = end
        if not runs:
            continue
        heading = is_heading(sent)
        sent_end = sentence_end(doc, sent)
        for run_start, run_end in runs:
            if heading:
                parts = [
                    (a, b)
                    for a in range(run_start, run_end)
                    for b in range(a + 1, min(run_end, a + MAX_WORDS) + 1)
                ]
            elif run_end - run_start > MAX_WORDS or not (
                (run_start == sent.start or free[run_start - 1])
                and (run_end == sent.end or free[run_end])
            ):
                # a run that goes on from a mention ("Los Cuinis [DTO]") is the rest of a
                # name the extractor already read
                parts = []
            else:
                parts = [(run_start, run_end)]
            for a, b in parts:
                text = span_text(doc, a, b)
                key = name_key(text)
                if len(key.replace(" ", "")) < MIN_KEY or in_title(doc, a, b, kb):
                    continue
                char_start = begin[a]
                out.append(
                    NameCandidateRecord(
                        text=text,
                        key=key,
                        start=char_start,
                        end=char_start + len(text),
                        sent_start=sent.start_char,
                        sent_end=max(sent_end, char_start + len(text)),
                    )
                )
    return out
