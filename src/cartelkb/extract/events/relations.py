"""Doc + claims -> typed relations: leader_of, member_of, relative_of, position,
associate_of, between a person and a group, another person or a title."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from cartelkb.extract.claims.syntax import has_child
from cartelkb.extract.claims.vocab import AGENTIVE_NOUNS
from cartelkb.extract.events.context import Context
from cartelkb.extract.events.vocab import (
    CRIMINAL_GROUP_WORDS,
    KINSHIP_NOUNS,
    POSITION_NOUNS,
    RELATION_HEDGES,
    RELATION_NOUNS,
)
from cartelkb.extract.tokens import children_of
from cartelkb.extract.tokens import poses as token_poses
from cartelkb.extract.tokens import tokens as token_objects
from cartelkb.records import ArgRecord, ClaimRecord, MentionRecord, RelationRecord

# "be leader of", "be co-founder of", "be boss for": the claim extractor's relation actions
_RELATION_ACTION = re.compile(r"be (?P<noun>[\w-]+) (?P<prep>of|for)")
_PERSON_PRONOUNS = {"his", "her", "their", "he", "she", "him", "them"}


def extract_relations(
    doc: Doc,
    mentions: Sequence[MentionRecord] = (),
    claims: Sequence[ClaimRecord] = (),
    *,
    context: Context | None = None,
) -> Iterator[RelationRecord]:
    """Yield the relations a parsed article states, in text order (`context`: the
    article's `Context` when the caller built it already, as for `extract_events`).

    Constructions (the nouns are in `lexicons/events.toml`):

    * copular and appositive claims of a relational noun: "X is a member of the Sinaloa
      Cartel", "X, the leader of CJNG," (`be member of`, `be leader of`), "son of El
      Chapo" -> member_of, leader_of, relative_of (title: the kinship word);
    * a title before a name: "CJNG leader Nemesio Oseguera" (leader_of CJNG), "FBI
      Director Robert Mueller" (position: Director, FBI), "Attorney General Merrick
      Garland" (position: Attorney General, no organization stated);
    * possessive kinship: "Guzmán's sons", "his brother-in-law Nemesio Oseguera" ->
      relative_of the possessor (a pronoun takes the name the claims linked it to, else
      the nearest person named before it);
    * an appositive role with a group: "Damaso Lopez Nunez, a top Sinaloa Cartel
      lieutenant" -> member_of.

    A leader noun with a government body or agency as its object ("head of the DEA") is
    a position, with a criminal group a leader_of. "alleged", "suspected" hedge a
    relation; a relation from a claim keeps the claim's negation and hedging.
    """
    yield from _Relations(context or Context(doc, mentions, claims)).run()


class _Relations:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.seen: set[tuple[object, ...]] = set()
        from cartelkb.knowledge import load

        self.knowledge = load()

    def run(self) -> Iterator[RelationRecord]:
        found: list[RelationRecord] = []
        for n, claim in enumerate(self.ctx.claims):
            rel = self._from_claim(n, claim)
            if rel is not None:
                found.append(rel)
        for m in self.ctx.mentions:
            if m.label == "PERSON":
                found.extend(self._titles(m))
        objects = token_objects(self.doc)
        for i, pos in enumerate(token_poses(self.doc)):
            if pos not in {"NOUN", "PROPN"}:
                continue  # (read off the tag table)
            tok = objects[i]
            low = tok.lower_
            if low in KINSHIP_NOUNS or tok.lemma_.lower() in KINSHIP_NOUNS:
                found.extend(self._kinship(tok))
            if tok.dep_ == "appos":
                found.extend(self._appositive_role(tok))
        for rel in sorted(found, key=lambda r: (r.start, r.subject.start)):
            key = (rel.type, rel.subject.start, rel.object and rel.object.start, rel.title)
            if key in self.seen:
                continue
            self.seen.add(key)
            yield rel

    # --- helpers ---------------------------------------------------------------------------

    def _make(
        self,
        type_: str,
        subject: ArgRecord,
        obj: ArgRecord | None,
        title: str | None,
        rule: str,
        at: Token,
        claim: int | None = None,
        hedge: str | None = None,
    ) -> RelationRecord:
        sentence, start, end = self.ctx.sentence(at)
        c = self.ctx.claims[claim] if claim is not None else None
        hedged = bool(c and c.hedged) or hedge is not None
        return RelationRecord(
            type=type_,  # type: ignore[arg-type]
            subject=subject,
            object=obj,
            title=title,
            rule=rule,
            claim=claim,
            negated=bool(c and c.negated),
            hedged=hedged,
            hedge_cue=(c.hedge_cue if c and c.hedged else None) or hedge,
            sentence=sentence,
            start=start,
            end=end,
        )

    def _type_for(self, noun: str, obj: ArgRecord | None) -> str | None:
        """The relation a noun states with this object (None: not a relation noun)."""
        if noun in KINSHIP_NOUNS:
            return "relative_of"
        kind = RELATION_NOUNS.get(noun)
        if kind == "leader_of" and obj is not None and self._is_government(obj):
            return "position"  # "head of the DEA"
        if kind is not None:
            return kind
        if noun in POSITION_NOUNS:
            return "position"
        return None

    def _is_government(self, obj: ArgRecord) -> bool:
        """An agency, a country or a government body rather than a criminal group."""
        words = set(re.findall(r"[\w-]+", obj.text.lower()))
        if words & CRIMINAL_GROUP_WORDS:
            return False
        name = self.ctx.text[obj.ref_start : obj.ref_end] if obj.ref_start is not None else obj.text
        mention = next(
            (m for m in self.ctx.mentions if (m.start, m.end) == (obj.ref_start, obj.ref_end)), None
        )
        if mention is not None and mention.label in {"GPE", "LOC"}:
            return True
        for candidate in (mention.canonical if mention else None, name, obj.text):
            if not candidate:
                continue
            entry = self.knowledge.lookup(candidate)
            if entry is not None:
                return entry.kind != "cartels"
        return False

    def _hedge(self, tokens: Sequence[Token]) -> str | None:
        return next((t.text for t in tokens if t.lower_ in RELATION_HEDGES), None)

    # --- constructions -----------------------------------------------------------------

    def _from_claim(self, n: int, claim: ClaimRecord) -> RelationRecord | None:
        if claim.subject is None or claim.object is None:
            return None
        match = _RELATION_ACTION.fullmatch(claim.action)
        noun = match["noun"] if match is not None else self._agentive_noun(n, claim.action)
        if noun is None:
            return None
        kind = self._type_for(noun, claim.object)
        if kind is None:
            return None
        tok = self._noun_token(n, noun)
        title = noun
        hedge = None
        if tok is not None:
            mods = [c for c in children_of(tok) if c.dep_ in {"compound", "amod"} and c.i < tok.i]
            compounds: list[Token] = []
            i = tok.i - 1
            while i >= 0 and self.doc[i].dep_ == "compound" and self.doc[i].pos_ == "NOUN":
                if i >= 1 and self.doc[i - 1].text in {"-", "‐"}:
                    break  # "long-time": an adjective's tail
                compounds.insert(0, self.doc[i])
                i -= 1
            if compounds:
                title = " ".join([*(c.lower_ for c in compounds), noun])  # "business partner"
            hedge = self._hedge(mods)
        if kind == "position" and tok is not None:
            title = " ".join(t.text for t in self._title_words(tok))
        if tok is not None and not title.endswith("-in-law"):
            tail = [t.text for t in self.doc[tok.i + 1 : tok.i + 5]]
            if tail == ["-", "in", "-", "law"]:
                title += "-in-law"  # "father-in-law", whose head word the parser made "law"
        return self._make(
            kind,
            claim.subject,
            claim.object,
            title,
            "apposition" if tok is not None and tok.dep_ == "appos" else "copula",
            tok if tok is not None else self.doc[0],
            claim=n,
            hedge=hedge,
        )

    def _agentive_noun(self, n: int, action: str) -> str | None:
        """The relational noun a claim's action was read from: "X, the leader of Y" is
        the claim X | lead | Y (an agentive noun gives its verb), whose noun is "leader".
        Only a noun in apposition or after a copula: "Y leader X" is a title (`_titles`)."""
        nouns = {noun for noun, verb in AGENTIVE_NOUNS.items() if verb == action}
        for i in sorted(self.ctx.claim_tokens[n]):
            tok = self.doc[i]
            if tok.dep_ in {"appos", "attr"} and tok.lemma_.lower() in nouns:
                return tok.lemma_.lower()
        return None

    def _noun_token(self, n: int, noun: str) -> Token | None:
        last = noun.split("-")[-1]
        for i in sorted(self.ctx.claim_tokens[n]):
            tok = self.doc[i]
            if tok.lemma_.lower() == last or tok.lower_ == last or tok.lemma_.lower() == noun:
                return tok
        return None

    def _title_words(self, noun: Token) -> list[Token]:
        """A title with its capitalized modifiers: "Acting Director", "Attorney General"."""
        words = [noun]
        i = noun.i - 1
        while i >= 0 and self.doc[i].is_title and self.ctx.mention_at(self.doc[i]) is None:
            if self.doc[i].pos_ == "DET":
                break
            words.insert(0, self.doc[i])
            i -= 1
        return words

    def _titles(self, m: MentionRecord) -> list[RelationRecord]:
        """Titles before a name: "CJNG leader X", "FBI Director X", "Attorney General X"."""
        span = self.ctx.span(m.start, m.end)
        if span is None:
            return []
        first = span[0]
        subject = self.ctx.mention_arg(m)
        title_toks: list[Token] = []
        i = first.i - 1
        while i >= 0 and len(title_toks) < 4:
            tok = self.doc[i]
            if self.ctx.mention_at(tok) is not None or not tok.is_alpha:
                break
            low = tok.lemma_.lower()
            known = low in RELATION_NOUNS or low in POSITION_NOUNS or low in KINSHIP_NOUNS
            if not (known or tok.is_title or low in RELATION_HEDGES or tok.pos_ == "ADJ"):
                break
            title_toks.insert(0, tok)
            i -= 1
        while title_toks and title_toks[0].pos_ in {"ADJ", "DET"} and not title_toks[0].is_title:
            title_toks.pop(0)
        head = next(
            (
                t
                for t in reversed(title_toks)
                if t.lemma_.lower() in RELATION_NOUNS
                or t.lemma_.lower() in POSITION_NOUNS
                or t.lemma_.lower() in KINSHIP_NOUNS
            ),
            None,
        )
        obj: ArgRecord | None = None
        if i >= 0:
            before = self.ctx.mention_at(self.doc[i])
            if before is not None and before.label == "ORG":
                obj = self.ctx.mention_arg(before)
        if obj is None and head is not None:
            obj = self._group_words(title_toks[: title_toks.index(head)], i)
        if head is None:
            if m.role and obj is None:
                role = m.role.split()[-1].lower()
                if role in POSITION_NOUNS or role in {"president", "secretary"}:
                    return [self._make("position", subject, None, m.role, "title", first)]
            return []
        noun = head.lemma_.lower()
        kind = self._type_for(noun, obj)
        if kind is None or kind == "relative_of":
            return []
        if kind != "position" and obj is None:
            return []  # "Mexican drug kingpin X": a description, no group named
        if kind == "position":
            own = [t for t in title_toks if obj is None or not obj.start <= t.idx < obj.end]
            title = " ".join(t.text for t in own) or m.role
        else:
            title = noun
        return [
            self._make(kind, subject, obj, title, "title", first, hedge=self._hedge(title_toks))
        ]

    def _group_words(self, words: list[Token], i: int) -> ArgRecord | None:
        """A group named by the words before a title that no mention covers: "Los Cunis
        leader X", "FBI Director X" (capitalized words, or a known name)."""
        run = [t for t in words if t.is_title or t.is_upper]
        whole = " ".join(t.text for t in self.doc[words[0].i : words[-1].i + 2]) if words else ""
        if whole in self.knowledge.title_set or any(
            t.lemma_.lower() in POSITION_NOUNS or t.lemma_.lower() in RELATION_NOUNS for t in words
        ):
            return None  # "Attorney General": one title, not a group and a title
        if run and len(run) == len(words):
            text = self.ctx.text[run[0].idx : run[-1].idx + len(run[-1].text)]
            return ArgRecord(text=text, start=run[0].idx, end=run[0].idx + len(text))
        # "Los Cunis leader": a run of proper nouns before the title, left of `i`
        if not words and i >= 0 and self.doc[i].pos_ == "PROPN":
            first = i
            while (
                first > 0
                and self.doc[first - 1].pos_ in {"PROPN", "DET"}
                and (self.doc[first - 1].is_title)
            ):
                first -= 1
            start = self.doc[first].idx
            end = self.doc[i].idx + len(self.doc[i].text)
            return ArgRecord(text=self.ctx.text[start:end], start=start, end=end)
        return None

    def _kinship(self, tok: Token) -> list[RelationRecord]:
        """ "Guzmán's sons", "his brother-in-law Nemesio Oseguera Cervantes"."""
        group = [tok]
        word = tok.lemma_.lower()
        after = [t.text for t in self.doc[tok.i + 1 : tok.i + 5]]
        if after[:3] == ["-", "in", "-"] and len(after) == 4 and after[3].lower() == "law":
            group = list(self.doc[tok.i : tok.i + 5])
            word = f"{tok.lower_}-in-law"
        elif tok.lower_ == "law" or (tok.i >= 1 and self.doc[tok.i - 1].text == "-"):
            return []  # the tail of a hyphenated word, read from its first part
        if word not in KINSHIP_NOUNS:
            return []
        inside = {t.i for t in group}
        poss = next(
            (
                c
                for t in group
                for c in children_of(t)
                if c.dep_ == "poss" and c.lower_ != "whose" and c.i not in inside
            ),
            None,
        )
        if poss is None:
            return []
        obj = self._possessor(poss)
        if obj is None:
            return []
        # the relative: the name the kinship noun is a title of or in apposition with
        name_head: Token | None = None
        for t in group:
            if t.dep_ == "compound" and t.head.pos_ == "PROPN" and t.head.i not in inside:
                name_head = t.head
            for c in children_of(t):
                if c.dep_ == "appos" and c.pos_ == "PROPN":
                    name_head = c
        if name_head is not None:
            m = self.ctx.mention_at(name_head)
            subject = self.ctx.mention_arg(m) if m is not None else self.ctx.arg(name_head)
        else:
            head = group[-1]
            subject = self.ctx.arg(head)
        if subject.ref_start is not None and subject.ref_start == obj.ref_start:
            return []
        return [self._make("relative_of", subject, obj, word, "possessive", tok)]

    def _possessor(self, poss: Token) -> ArgRecord | None:
        """The party a possessive names; a pronoun takes its antecedent's name."""
        arg = self.ctx.arg(poss)
        if poss.pos_ != "PRON":
            return arg
        if arg.ref_start is not None:
            return arg
        if poss.lower_ not in _PERSON_PRONOUNS:
            return None
        # the nearest person named before the pronoun (centering's fallback)
        before = [m for m in self.ctx.mentions if m.label == "PERSON" and m.end <= poss.idx]
        if not before:
            return None
        m = before[-1]
        return ArgRecord(
            text=arg.text, start=arg.start, end=arg.end, ref_start=m.start, ref_end=m.end
        )

    def _appositive_role(self, tok: Token) -> list[RelationRecord]:
        """ "Damaso Lopez Nunez, a top Sinaloa Cartel lieutenant": member_of the group."""
        if tok.dep_ != "appos" or tok.lemma_.lower() not in RELATION_NOUNS:
            return []
        if has_child(tok, "prep"):
            return []  # "a member of X" is a claim's relation
        name = tok.head
        m = self.ctx.mention_at(name)
        if m is None or m.label != "PERSON":
            return []
        group = None
        for child in children_of(tok):
            if child.dep_ in {"compound", "nmod", "amod"} and child.i < tok.i:
                gm = self.ctx.mention_at(child)
                if gm is not None and gm.label == "ORG":
                    group = self.ctx.mention_arg(gm)
        if group is None:
            return []
        kind = self._type_for(tok.lemma_.lower(), group)
        if kind is None or kind == "relative_of":
            return []
        mods = [c for c in children_of(tok) if c.i < tok.i]
        return [
            self._make(
                kind,
                self.ctx.mention_arg(m),
                group,
                tok.lemma_.lower(),
                "apposition",
                tok,
                hedge=self._hedge(mods),
            )
        ]
