"""Headlines: the clauses of a Title Case line, whose verbs the tagger reads as names."""

from __future__ import annotations

from spacy.tokens import Token

from cartelkb.extract.claims.arguments import Arguments
from cartelkb.extract.claims.clauses import Pred
from cartelkb.extract.claims.context import Article
from cartelkb.extract.claims.syntax import child_of
from cartelkb.extract.claims.vocab import HEADLINE_PARTICIPLES, HEADLINE_PRESENT

# what cannot end the words before a headline's verb
_NOT_BEFORE = frozenset({"to", "be", "is", "are", "was", "were", "been", "the", "a", "an"})
# what ends the words after it: the next clause or phrase of the line
_CLAUSE_BREAKS = frozenset({",", ":", ";", "–", "—", "|"})


class Headlines:
    """The claim of a headline's participle or present-tense verb."""

    def __init__(self, article: Article, args: Arguments) -> None:
        self.article = article
        self.args = args
        self.doc = article.doc

    def verb(self, tok: Token) -> Pred | None:
        """The clause of a headline word known as a verb by its form (HEADLINE_VERBS)."""
        if tok.lower_ in HEADLINE_PARTICIPLES:
            return self.passive(tok)
        return self.present(tok)

    def _before(self, tok: Token) -> tuple[tuple[int, int], list[Token]] | None:
        """The headline line `tok` is on (char bounds) and the words before `tok` on it,
        if they can be its subject."""
        line = self.article.headline_of(tok)
        if line is None:
            return None
        before = [t for t in self.doc[: tok.i] if t.idx >= line[0]]
        while before and (before[0].is_punct or before[0].is_space):
            before.pop(0)
        if not before or before[-1].lower_ in _NOT_BEFORE:
            return None
        if not any(t.pos_ in {"NOUN", "PROPN"} for t in before):
            return None
        return line, before

    def passive(self, tok: Token) -> Pred | None:
        """A headline's passive without its auxiliary: "Eduardo Arellano-Felix Extradited
        From Mexico To The United States" -> extradite | Eduardo Arellano-Felix. The
        words before the participle on its line are who undergoes it (the Title Case
        misleads the tagger, so the participle is known by its form)."""
        verb = HEADLINE_PARTICIPLES.get(tok.lower_)
        found = self._before(tok) if verb is not None else None
        if verb is None or found is None:
            return None
        before = found[1]
        if child_of(tok, "dobj") is not None or child_of(tok, "nsubjpass") is not None:
            return None  # an active verb, or a passive the parser read: the usual rules
        head = next((t for t in reversed(before) if t.pos_ in {"NOUN", "PROPN"}), before[-1])
        patient = self.args.span_arg(before[0], before[-1], head)
        return Pred(tok, verb, [tok], None, patient, scope=[tok])

    def present(self, tok: Token) -> Pred | None:
        """A Title Case headline's present-tense verb, read as a name: "Coast Guard
        Seizes Cocaine Off Panama" -> Coast Guard | seize | Cocaine Off Panama. The
        words before it on its line are the subject; those after it, up to the next
        comma or colon, the object. A verb the parser found keeps the usual rules."""
        verb = HEADLINE_PRESENT.get(tok.lower_)
        if verb is None or not tok.text[:1].isupper() or tok.pos_ in {"VERB", "AUX"}:
            return None
        found = self._before(tok)
        if found is None:
            return None
        line, before = found
        if any(t.lower_ in HEADLINE_PRESENT for t in before):
            return None  # "Sanctions Target ...": the first such word is a noun
        after: list[Token] = []
        for t in self.doc[tok.i + 1 :]:
            if t.idx >= line[1] or t.is_space or t.text in _CLAUSE_BREAKS:
                break
            after.append(t)
        while after and after[-1].is_punct:
            after.pop()
        if not after or after[0].is_punct or not any(t.pos_ in {"NOUN", "PROPN"} for t in after):
            return None
        if after[0].lower_ in HEADLINE_PRESENT or after[0].lower_ + "s" in HEADLINE_PRESENT:
            return None  # "New Sanctions Target Banks": the verb comes next
        if after[0].pos_ == "ADP":
            return None  # "New Sanctions on Banks": a noun with its preposition
        subj_head = next(t for t in reversed(before) if t.pos_ in {"NOUN", "PROPN"})
        obj_head = next(t for t in after if t.pos_ in {"NOUN", "PROPN"})
        subject = self.args.span_arg(before[0], before[-1], subj_head)
        obj = self.args.span_arg(after[0], after[-1], obj_head)
        return Pred(tok, verb, [tok], subject, obj, scope=[tok])
