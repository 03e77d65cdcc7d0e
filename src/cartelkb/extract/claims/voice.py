"""The voice of the document: whose words a statement, remarks or a transcript turn are,
and who "I" and "we" are."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span, Token

from cartelkb.extract.claims.arguments import Arg
from cartelkb.extract.claims.context import Article
from cartelkb.extract.claims.syntax import child_of
from cartelkb.extract.claims.vocab import (
    FIRST_PERSON_PLURAL,
    TITLE_OFFICES,
    TRANSCRIPT_LABELS,
    VOICE_NOUNS,
    VOICE_VERBS,
)
from cartelkb.extract.reader.bylines import is_official_title, starts_with_title
from cartelkb.extract.tokens import children_of, labelled
from cartelkb.knowledge import name_key

# A document that is someone's own words says so in its headline ("Statement by X",
# "Remarks by X", "X Delivers Remarks", "X's Statement") or in a line introducing them
# ("X issued the following statement:"); a transcript gives each turn a speaker label
# ("SECRETARY RUBIO:", "Q:"). Everything after the headline or the introduction is the
# speaker's unless a quotation or a turn says whose it is (the "document voice" of press
# statements: Krestel et al. 2008 attribute unmarked statements to the document's author).
# First-person pronouns denote the speaker of the quotation, turn or statement they are
# in, "we" the organization in the speaker's title ("DEA Acting Administrator X": DEA),
# else the office that issues the release, else the byline author (Quirk et al. 1985,
# "exclusive we" of institutional discourse).

_HEADER_LINES = 12  # lines from the top a headline may be on
_HEADLINE_WORDS = 30  # a longer line is prose, not a headline
_LEAD_SENTENCES = 3  # body sentences the issuing office may be the subject of
_LABEL = re.compile(
    r"^[ \t]*(?P<label>(?:[A-Z][A-Z.'’\-]*)(?:[ \t]+[A-Z][A-Z.'’\-]*){0,3})[ \t]*:[ \t]*(?=\S)",
    re.MULTILINE,
)


def _titled(head: Token) -> bool:
    """A phrase that opens with an official's title ("Attorney General Jane Doe"): a
    person's name even when the tagger took the line for something else."""
    return starts_with_title(head.left_edge.lower_) and head.left_edge.i < head.i


@dataclass
class Speaker:
    """Who speaks: as a claim's source, and the organization their title names."""

    arg: Arg
    office: int | None = None  # mention index of the speaker's organization


@dataclass
class Segment:
    """Characters of the text that are one speaker's words."""

    start: int
    end: int
    speaker: Speaker


class Voice:
    """The document's speakers by position, its issuing office and its byline author."""

    def __init__(self, article: Article, author: str | None = None) -> None:
        self.article = article
        self.doc = article.doc
        self.text = article.text
        self.mentions = article.mentions
        self.tok2m = article.tok2m
        self._author_name = author
        self.segments: list[Segment] = []  # the statement first, then turns (nested)
        statement = self._statement()
        if statement is not None:
            self.segments.append(statement)
        self.segments += self._turns()
        self._office: int | None | bool = False  # found on first use ("we" is rare)

    @property
    def office(self) -> int | None:
        """The agency the release speaks for (see `_issuing_office`)."""
        if self._office is False:
            self._office = self._issuing_office()
        return self._office  # type: ignore[return-value]

    @property
    def author(self) -> Speaker | None:
        """The byline author, when the text names them."""
        return self._author(self._author_name)

    # --- look-ups --------------------------------------------------------------------

    def speaker_at(self, char: int) -> Speaker | None:
        """The speaker whose words the text at `char` is: the innermost turn or statement
        holding it, None in the document's own voice."""
        found = None
        for segment in self.segments:
            inside = segment.start <= char < segment.end
            if inside and (found is None or segment.start >= found.start):
                found = segment
        return found.speaker if found is not None else None

    def first_person(self, tok: Token, quote_speaker: Arg | None, quoted: bool) -> int | None:
        """The mention a first-person pronoun denotes (see the module comment).

        Args:
            tok: the pronoun.
            quote_speaker: the speaker of the quotation it is in, if known.
            quoted: whether it is inside a quotation (a quotation without a speaker is
                the statement's or the turn's, never the article's own voice).
        """
        plural = tok.lower_ in FIRST_PERSON_PLURAL
        if quoted and quote_speaker is not None:
            return self._denotes(Speaker(quote_speaker, self.office_of(quote_speaker)), plural)
        speaker = self.speaker_at(tok.idx)  # a quotation with no speaker of its own too
        if speaker is not None:
            return self._denotes(speaker, plural)
        if quoted:
            return None  # an unattributed quotation in the article's own voice
        if plural and self.office is not None:
            return self.office
        return self.author.arg.ref if self.author is not None else None

    def _denotes(self, speaker: Speaker, plural: bool) -> int | None:
        if plural and speaker.office is not None:
            return speaker.office
        return speaker.arg.ref

    def office_of(self, arg: Arg) -> int | None:
        """The organization a speaker's title names: an ORG mention in the words right
        before the name ("OFAC Acting Director John E. Smith", "U.S. Customs and Border
        Protection Acting Commissioner Troy A. Miller"); an organization speaking ("the
        DEA said") is its own "we"."""
        if arg.ref is not None:
            name = self.mentions[arg.ref]
            if name.label == "ORG":
                return arg.ref
            if name.label != "PERSON":
                return None
            first = self.article.token_range(name.start, name.end)[0]
        else:
            # a name the tagger missed: the run of proper nouns ending at its head
            first = arg.head.i
            while (
                first > 0
                and self.tok2m.get(first - 1) is None
                and (self.doc[first - 1].pos_ == "PROPN")
            ):
                first -= 1
        sent_start = self.article.sent(self.doc[first]).start
        i = first - 1
        best = None
        while i >= sent_start and first - i <= 12:
            tok = self.doc[i]
            m = self.tok2m.get(i)
            if m is not None and self.mentions[m].label == "ORG":
                best = m
                i = self.article.token_range(self.mentions[m].start, self.mentions[m].end)[0] - 1
                continue
            if m is not None or tok.is_punct or tok.pos_ not in {"PROPN", "NOUN", "ADJ"}:
                break
            i -= 1
        if best is None:
            best = self._title_office(self.doc[max(i + 1, sent_start)].idx, arg.end)
        return best

    def _title_office(self, start: int, end: int) -> int | None:
        """The department a title names ("Attorney General Jeff Sessions": the Department
        of Justice, TITLE_OFFICES) when the article mentions it."""
        title = " ".join(self.text[start:end].lower().split())
        if "mexic" in title:
            return None  # the titles are U.S. ones ("Mexican Attorney General X": the FGR)
        for words in sorted(TITLE_OFFICES, key=len, reverse=True):
            if f"{words} " in f"{title} " or title.startswith(words):
                agency = TITLE_OFFICES[words]
                for m, mention in enumerate(self.mentions):
                    if mention.label == "ORG" and (mention.canonical or mention.name) == agency:
                        return m
                return None
        return None

    # --- the statement ---------------------------------------------------------------

    def _statement(self) -> Segment | None:
        """The text that is one speaker's: after a headline naming their statement or
        remarks, or after the sentence introducing them, to the end; the introduction
        first, so that sentence ("The Department issued the following statement from X")
        stays in the document's own voice."""
        introduction = self._introduction()
        if introduction is not None:
            return introduction
        return self._headline() or self._official_byline()

    def _headline(self) -> Segment | None:
        """ "Statement by/from/of X", "X's Statement", "X Delivers Remarks" on one of the
        first lines: X is a person named on that line."""
        offset = 0
        seen = 0
        for line in self.text.split("\n"):
            start, end = offset, offset + len(line)
            offset = end + 1
            if not line.strip():
                continue
            seen += 1
            if seen > _HEADER_LINES:
                break
            if len(line.split()) > _HEADLINE_WORDS:
                continue
            lowered = line.lower()
            if not any(noun in lowered for noun in VOICE_NOUNS):
                continue  # no "statement", "remarks" ...: no headline of one
            speaker = self._headline_speaker(start, end)
            if speaker is not None:
                return Segment(end, len(self.text), speaker)
        return None

    def _official_byline(self) -> Segment | None:
        """A byline naming an official by their title ("Jane Doe, Secretary of State",
        under the headline of a press statement): the text after it is theirs."""
        if not self._author_name:
            return None
        speaker = self.author
        if speaker is None:
            return None
        offset = 0
        for seen, line in enumerate(self.text.split("\n")):
            end = offset + len(line)
            offset = end + 1
            if seen > 2 * _HEADER_LINES:
                break
            name, _, title = line.strip().partition(",")
            if name.strip() == self._author_name and is_official_title(title.strip()):
                return Segment(end, len(self.text), speaker)
        return None

    def _headline_speaker(self, start: int, end: int) -> Speaker | None:
        tokens = [self.doc[i] for i in self.article.token_range(start, end)]
        inside = {t.i for t in tokens}
        for tok in tokens:
            if tok.head.i in inside and tok.head.i != tok.i:
                continue  # only the line's own roots: a headline is one phrase
            noun = tok
            if tok.lemma_.lower() in VOICE_VERBS and tok.pos_ == "VERB":
                # "Attorney General Jeff Sessions Delivers Remarks at ..."
                obj = child_of(tok, "dobj")
                subj = child_of(tok, "nsubj")
                if obj is not None and obj.lower_ in VOICE_NOUNS and subj is not None:
                    return self._person_in(subj, inside)
                continue
            if noun.lower_ not in VOICE_NOUNS and noun.lemma_.lower() not in VOICE_NOUNS:
                continue
            poss = child_of(noun, "poss")
            if poss is not None:
                found = self._person_in(poss, inside)  # "Ambassador Ken Salazar's Statement"
                if found is not None:
                    return found
            for child in children_of(noun):  # "Attorney General Jane Doe Statement on ..."
                if child.dep_ == "compound" and child.i < noun.i:
                    found = self._person_in(child, inside)
                    if found is not None and (found.arg.ref is not None or _titled(child)):
                        return found
            found = self._speaker_of_noun(noun, inside)
            if found is not None:
                return found
        return None

    def _speaker_of_noun(self, noun: Token, inside: set[int]) -> Speaker | None:
        """Who a statement noun says it is by: "statement by / from / of X"."""
        for prep in children_of(noun):
            if prep.dep_ == "prep" and prep.lower_ in {"by", "from", "of"}:
                pobj = child_of(prep, "pobj")
                if pobj is not None:
                    found = self._person_in(pobj, inside)
                    if found is not None:
                        return found
        return None

    def _person_in(self, head: Token, inside: set[int]) -> Speaker | None:
        """The person a phrase of the line names (else the organization it is), as a
        speaker; a name the tagger missed ("Statement from DEA Acting Administrator Michele
        M. Leonhart") is the phrase itself, linked to a person mentioned by that name."""
        words = [t for t in head.subtree if t.i in inside]
        for tok in words:
            m = self.tok2m.get(tok.i)
            if m is not None and self.mentions[m].label == "PERSON":
                return self._speaker(m)
        m = self.tok2m.get(head.i)
        if m is not None:
            return self._speaker(m) if self.mentions[m].label == "ORG" else None
        if head.pos_ != "PROPN":
            return None
        first = head.left_edge if head.left_edge.i in inside else head
        arg = Arg(first.idx, head.idx + len(head.text), head, person=True)
        arg.ref = self._named(self.text[arg.start : arg.end])
        return Speaker(arg, self.office_of(arg))

    def _named(self, phrase: str, surname_only: bool = False) -> int | None:
        """A PERSON mention the phrase names: one whose every word is in it ("Ambassador
        Ken Salazar": Ken Salazar), or with `surname_only` its last word ("RUBIO")."""
        words = name_key(phrase).split()
        if not words:
            return None
        for m, mention in enumerate(self.mentions):
            if mention.label != "PERSON":
                continue
            key = name_key(mention.name).split()
            if not key or key[-1] != words[-1]:
                continue
            if surname_only or set(key) <= set(words):
                return m
        return None

    def _speaker(self, m: int) -> Speaker:
        mention = self.mentions[m]
        last = self.article.token_range(mention.start, mention.end)[-1]
        arg = Arg(mention.start, mention.end, self.doc[last], ref=m, person=True)
        return Speaker(arg, self.office_of(arg))

    def _introduction(self) -> Segment | None:
        """ "X issued the following statement", "X gave the following remarks": what
        follows that sentence is X's."""
        if "following" not in self.text:
            return None
        for sent in self.article.sents[: _HEADER_LINES + _LEAD_SENTENCES]:
            for tok in sent:
                if tok.pos_ != "VERB" or tok.lemma_.lower() not in VOICE_VERBS:
                    continue
                obj = child_of(tok, "dobj")
                if obj is None or obj.lower_ not in VOICE_NOUNS:
                    continue
                if not any(c.lower_ == "following" for c in children_of(obj)):
                    continue
                inside = {t.i for t in sent}
                # "X issued the following statement from Y": Y's words, else X's.
                speaker = self._speaker_of_noun(obj, inside)
                subj = child_of(tok, "nsubj")
                if speaker is None and subj is not None:
                    speaker = self._person_in(subj, inside)
                if speaker is not None:
                    return Segment(sent.end_char, len(self.text), speaker)
        return None

    # --- transcripts -----------------------------------------------------------------

    def _turns(self) -> list[Segment]:
        """Transcript turns: "SECRETARY RUBIO:" / "Q:" labels at the start of a line, each
        to the next label (two labels at least, or one naming a person); a mixed-case
        "Attorney General Merrick B. Garland: ..." to the end of its paragraph."""
        found: list[tuple[int, int, Speaker]] = []
        labels = list(_LABEL.finditer(self.text))
        counts = Counter(m.group("label") for m in labels)
        for match in labels:
            label = match.group("label")
            speaker = self._label_speaker(match.start("label"), match.end("label"))
            if speaker is None:
                continue
            # a label is a speaker's when it names a person, when it comes back (turns
            # alternate), or when it is a role ("Q:") among other labels; a lone
            # "CONTACT:" or "PRN:" line is page furniture
            role = label.lower().rstrip(".") in TRANSCRIPT_LABELS and len(labels) >= 2
            if speaker.arg.ref is None and not (role or counts[label] >= 2):
                continue
            found.append((match.start("label"), match.end(), speaker))
        turns: list[Segment] = []
        for n, (_, body, speaker) in enumerate(found):
            end = found[n + 1][0] if n + 1 < len(found) else len(self.text)
            turns.append(Segment(body, end, speaker))
        turns += self._named_labels({start for start, _, _ in found})
        return sorted(turns, key=lambda s: s.start)

    def _label_speaker(self, start: int, end: int) -> Speaker | None:
        """The speaker an all-caps label names: a person mentioned with that surname."""
        rng = self.article.token_range(start, end)
        if not rng:
            return None
        last = self.doc[rng[-1]]
        arg = Arg(self.doc[rng[0]].idx, last.idx + len(last.text), last)
        for i in rng:
            m = self.tok2m.get(i)
            if m is not None and self.mentions[m].label == "PERSON":
                arg.ref, arg.person = m, True
                return Speaker(arg, self.office_of(arg))
        arg.ref = self._named(last.text, surname_only=True)
        arg.person = arg.ref is not None
        return Speaker(arg, None)

    def _named_labels(self, taken: set[int]) -> list[Segment]:
        """ "Attorney General Merrick B. Garland: “...”": a person's name closing the first
        words of a line, then a colon; the rest of the paragraph is theirs."""
        out: list[Segment] = []
        for m, mention in enumerate(self.mentions):
            if mention.label != "PERSON":
                continue
            after = self.text[mention.end : mention.end + 3]
            if not after.lstrip(" \t").startswith(":"):
                continue
            line_start = self.text.rfind("\n", 0, mention.start) + 1
            before = self.text[line_start : mention.start].split()
            if line_start in taken or len(before) > 6 or any(w[:1].islower() for w in before):
                continue
            colon = self.text.index(":", mention.end)
            paragraph_end = self.text.find("\n", colon)
            end = len(self.text) if paragraph_end < 0 else paragraph_end
            out.append(Segment(colon + 1, end, self._speaker(m)))
        return out

    # --- the issuing office and the author ---------------------------------------------

    def _issuing_office(self) -> int | None:
        """The agency a release speaks for: the subject of one of its first sentences
        when it is a known agency ("Today the U.S. Department of State announced ...")."""
        lead = [s for s in self.article.sents if len(s) >= 8][:_LEAD_SENTENCES]
        for sent in lead:
            m = self._agency_subject(sent)
            if m is not None:
                return m
        return None

    def _agency_subject(self, sent: Span) -> int | None:
        for tok in labelled(sent, {"nsubj"}):
            if tok.head.dep_ != "ROOT":
                continue
            m = self.tok2m.get(tok.i)
            if m is None:
                continue
            mention = self.mentions[m]
            canonical = mention.canonical or mention.name
            if mention.label == "ORG" and canonical in self.article.agencies:
                return m
        return None

    def _author(self, author: str | None) -> Speaker | None:
        """The byline author, when the text names them."""
        if not author:
            return None
        key = name_key(author)
        for m, mention in enumerate(self.mentions):
            if mention.label == "PERSON" and name_key(mention.name) == key:
                return self._speaker(m)
        return None
