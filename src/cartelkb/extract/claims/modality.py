"""Modality: whether a claim is stated as not happening (negated) or not as fact (hedged)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cartelkb.extract.claims.syntax import child_of, has_child
from cartelkb.extract.claims.vocab import (
    ALLEGATION_NOUNS,
    CONDITIONAL_MARKS,
    DURATIVE_VERBS,
    HEDGE_ADVERBS,
    HEDGE_MODALS,
    HEDGE_NOMINAL_AMODS,
    HEDGING_SPEECH,
    INABILITY_MODALS,
    MODAL_NOUNS,
    NEGATION_EXCEPTIONS,
    NEGATIVE_DETERMINERS,
    NEGATIVE_PRONOUNS,
    NONFACTIVE_VERBS,
    PREPOSITION_LIKE,
    SPEECH_VERBS,
    UNTIL_WORDS,
)
from cartelkb.extract.tokens import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from cartelkb.extract.claims.clauses import Pred
    from cartelkb.extract.claims.context import Article


class Modality:
    """Negation and hedge cues of a clause, read off its verb chain and its context."""

    def __init__(self, article: Article) -> None:
        self.article = article
        # token index -> the charging document an "according to" on it names
        self._allegations: dict[int, str] = {}
        lowered = article.text.lower()
        at = lowered.find("according to")
        while at >= 0:
            tok = article.doc[article.token_range(at, at + 1)[0]]
            at = lowered.find("according to", at + 1)
            if tok.lower_ != "according" or tok.dep_ != "prep":
                continue
            to = child_of(tok, "prep", lower="to")
            pobj = child_of(to, "pobj") if to is not None else None
            if pobj is not None and pobj.lower_ in ALLEGATION_NOUNS:
                self._allegations[tok.head.i] = pobj.text

    def apply(self, pred: Pred) -> None:
        """Set a claim's negation and hedge cues from its clause (keeping any found before)."""
        if pred.negation_cue is None:
            pred.negation_cue = self._negation_cue(pred)
        hedge = hedge_cue(pred.scope, backshifted=self._backshifted(pred.head))
        if hedge is not None:
            pred.hedge_cue = hedge  # the clause's own cue is the closest one
        if pred.hedge_cue is None:
            pred.hedge_cue = self._clause_context_hedge(pred) or self._headline_infinitive(pred)
        if pred.hedge_cue is None and pred.nominal:
            for child in children_of(pred.head):
                if child.dep_ == "amod" and child.lower_ in HEDGE_NOMINAL_AMODS:
                    pred.hedge_cue = child.text
                    break
            if pred.hedge_cue is None:
                pred.hedge_cue = self._nominal_context_hedge(pred.head)

    def _clause_context_hedge(self, pred: Pred) -> str | None:
        """A clause only feared, expected or considered: "concern that the violence will
        spread", "the possibility that X"; or stated "according to the indictment"."""
        head = pred.head
        parent = self.article.parent(head)
        if (
            head.dep_ in {"acl", "ccomp", "appos"}
            and parent.pos_ == "NOUN"
            and parent.lemma_.lower() in MODAL_NOUNS
            and child_of(head, "mark") is not None
        ):
            return parent.text
        if head.dep_ == "ccomp" and child_of(head, "mark") is not None:
            # "Concern is growing that ...": the noun's clause, put after its verb
            subject = child_of(parent, "nsubj")
            if subject is not None and subject.lemma_.lower() in MODAL_NOUNS:
                return subject.text
        if self._allegations:
            # "according to the indictment": an allegation, on the clause or its sentence
            for tok in [*pred.scope, self.article.root(head)]:
                cue = self._allegations.get(tok.i)
                if cue is not None:
                    return cue
        return None

    def _headline_infinitive(self, pred: Pred) -> str | None:
        """A headline's bare infinitive ("Mexico to Send Drug Lord to US") announces what
        is to happen, not what did (headline grammar: "to" for the future)."""
        head = pred.head
        if head.dep_ != "ROOT" or head.pos_ != "VERB":
            return None
        to = child_of(head, "aux", lower="to")
        if to is None or any(
            c.dep_ in {"aux", "auxpass"} and c.i != to.i for c in children_of(head)
        ):
            return None
        return to.text

    def _backshifted(self, head: Token) -> bool:
        """A clause reported by a past-tense verb: its "would" is a future, not a hedge
        ("He said the U.S. would not send troops")."""
        parent = self.article.parent(head)
        return (
            head.dep_ in {"ccomp", "parataxis"}
            and parent.lemma_ in SPEECH_VERBS
            and parent.lemma_ not in HEDGING_SPEECH
            and parent.tag_ in {"VBD", "VBN"}
        )

    def _nominal_context_hedge(self, noun: Token) -> str | None:
        """An event noun inside "the possibility of ...", "a reward for ... the arrest of",
        or the object of "consider"/"seek" is not asserted to have happened."""
        tok = noun
        for _ in range(8):
            parent = self.article.parent(tok)
            if parent.i == tok.i:
                return None
            lemma = parent.lemma_.lower()
            if parent.pos_ == "NOUN" and lemma in MODAL_NOUNS:
                return parent.text
            if parent.pos_ in {"VERB", "AUX"} and parent.lower_ not in PREPOSITION_LIKE:
                if tok.dep_ not in {"dobj", "prep", "attr", "oprd", "nsubjpass", "xcomp"}:
                    return None  # an adverbial ("especially following ...") is not governed
                if lemma in NONFACTIVE_VERBS and not self._factive_use(parent):
                    return parent.text
                modal = next(
                    (
                        c
                        for c in children_of(parent)
                        if c.dep_ == "aux" and c.lower_ in HEDGE_MODALS
                    ),
                    None,
                )
                if modal is not None:
                    return modal.text
                if any(c.dep_ in {"nsubj", "nsubjpass"} for c in children_of(parent)):
                    return None  # the clause boundary: its own modality was checked
            tok = parent
        return None

    def _factive_use(self, verb: Token) -> bool:
        """A non-factive verb used as a state or a modifier: "was wanted in connection
        with the murder" (sought by the police: the murder happened), "the reward offered
        for information leading to the arrest" (the participle describes the reward, whose
        own noun decides)."""
        if has_child(verb, "auxpass") and verb.lemma_ == "want":
            return True
        return verb.dep_ in {"acl", "amod"} and verb.tag_ == "VBN"

    def _negation_cue(self, pred: Pred) -> str | None:
        """ "not"/"never"/"without" on the clause, or a "no"/"nobody" argument; "not only"
        and "not ... until" do not count."""
        for tok in pred.scope:
            for child in children_of(tok):
                if child.dep_ == "neg":
                    nxt = child.nbor(1) if child.i + 1 < len(self.article.doc) else None
                    if nxt is not None and nxt.lower_ in NEGATION_EXCEPTIONS:
                        continue
                    if self._delimited_by_until(tok):
                        continue
                    return child.text
            if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
                return tok.head.text
        for arg in (pred.subject, pred.object):
            if arg is None or (arg is pred.object and pred.head.lemma_ in SPEECH_VERBS):
                continue  # "said no troops would come": the saying is not negated
            for child in children_of(arg.head):
                if child.dep_ == "det" and child.lower_ in NEGATIVE_DETERMINERS:
                    return child.text
            if arg.head.lower_ in NEGATIVE_PRONOUNS:
                return arg.head.text
        return None

    def _delimited_by_until(self, verb: Token) -> bool:
        """Whether "not" only delays the event: "didn't notify the U.S. until 3:30 p.m."

        With "until", negation scopes over the time before the delimiter and the event
        happened then (Karttunen 1974, "Until"; de Swart 1996): the clause is not negated.
        A state or activity ("will not rest until ...") is negated the whole time.
        """
        if verb.lemma_ in DURATIVE_VERBS:
            return False
        for child in children_of(verb):
            if child.lower_ in UNTIL_WORDS and child.dep_ in {"prep", "mark"}:
                return True  # "until 3:30 p.m."
            mark = child_of(child, "mark") if child.dep_ == "advcl" else None
            if mark is not None and mark.lower_ in UNTIL_WORDS:
                return True  # "until the troops had arrived"
        return False


def hedge_cue(scope: list[Token], backshifted: bool = False) -> str | None:
    """The first hedge cue of a clause's tokens: a modal, a hedging adverb, a condition.

    Args:
        scope: the clause's verb chain (the tokens whose modifiers count).
        backshifted: a clause reported in the past ("said ... would"): its "would" is a
            future, not a hedge.
    """
    for tok in scope:
        for child in children_of(tok):
            if child.dep_ == "aux" and child.lower_ in HEDGE_MODALS:
                if backshifted and child.lower_ == "would":
                    continue
                if child.lower_ in INABILITY_MODALS and has_child(tok, "neg"):
                    continue  # "could not demonstrate": it did not happen (negated)
                return child.text
            if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
                return child.text
    for tok in scope:
        if tok.dep_ == "advcl":
            mark = child_of(tok, "mark")
            if mark is not None and mark.lower_ in CONDITIONAL_MARKS:
                return mark.text
        for child in children_of(tok):
            if child.dep_ == "advcl":
                mark = child_of(child, "mark")
                if mark is not None and mark.lower_ in CONDITIONAL_MARKS:
                    return mark.text
    return None
