"""Further arguments of a claim: to whom, where, when, and its other prepositional phrases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cartelkb.extract.claims.arguments import Arg, Arguments
from cartelkb.extract.claims.context import Article
from cartelkb.extract.claims.syntax import child_of
from cartelkb.extract.claims.vocab import (
    ADDRESSEE_VERBS,
    ADVERBIAL_PHRASES,
    AFFILIATION_PREPS,
    COMPLEX_PREPOSITIONS,
    LOCATIVE_PREPS,
    PREPOSITION_LIKE,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
)
from cartelkb.extract.tokens import children as token_children
from cartelkb.extract.tokens import deps as token_deps
from cartelkb.extract.tokens import starts as token_starts

if TYPE_CHECKING:
    from cartelkb.extract.claims.clauses import Pred

# A clause's arguments beyond subject and object are its obliques and indirect object
# (the adjuncts and PP complements of ClausIE's "A" constituents, Del Corro & Gemulla
# 2013; the n-ary extractions of OpenIE-4/5 and CaRB's gold, Bhardwaj et al. 2019).
# They are read off the dependents of the clause's own words (its verb chain, the
# copula and its adjective, an event noun), so a phrase inside the object stays there.

# the dependents that are never further arguments: the source and the agent have
# their own fields
_NOT_OBLIQUE = frozenset({"according"})
# the dependencies a further argument can hang by (see `_dependent`)
_CANDIDATE_DEPS = frozenset({"prep", "dative", "npadvmod", "advmod", "poss", "dobj"})
# the last word of the fixed phrases and the noun of the complex prepositions: only a
# phrase ending so is compared with the lists
_ADVERBIAL_ENDS = frozenset(p.split()[-1] for p in ADVERBIAL_PHRASES)
_COMPLEX_NOUNS = frozenset(p.split()[-2] for p in COMPLEX_PREPOSITIONS)


@dataclass
class Oblique:
    """A further argument: its role, its preposition (None for an indirect object or a
    bare time), and its span."""

    role: str
    preposition: str | None
    arg: Arg


class Obliques:
    """Finds the recipient, location, time and prepositional arguments of a claim."""

    def __init__(self, article: Article, args: Arguments) -> None:
        self.article = article
        self.args = args
        # the article's tables, read often and never changed
        self.doc = article.doc
        self.mentions = article.mentions
        self.tok2m = article.tok2m

    def of(self, pred: Pred) -> list[Oblique]:
        """The further arguments of a claim, in text order.

        Prepositional phrases and indirect objects hanging from the clause's own words
        (`pred.scope`), the temporal noun phrases among them ("today", "last night"),
        the addressee of a reporting verb ("told reporters that ..."), and the place or
        time the parser hung on a name ("Sheinbaum [in Mexico City] said": see
        `Arguments.np_bounds`). Phrases inside the subject, object or source, the
        preposition already in the action ("meet with X") and "according to" are not.
        """
        taken = [a for a in (pred.subject, pred.object, pred.source) if a is not None]
        taken += pred.source_chain
        used = {t.i for t in pred.action_tokens}
        found: list[Oblique] = []
        seen: set[int] = set()

        spans = [(a.start, a.end) for a in taken]

        def add(oblique: Oblique | None) -> None:
            if oblique is None:
                return
            arg = self._outside(oblique.arg, taken)
            if arg is None or arg.start in seen:
                return
            oblique.arg = arg
            seen.add(arg.start)
            found.append(oblique)

        frame = [t for t in pred.scope if t is not None]
        verb = frame[-1] if frame else pred.head
        kids, labels = token_children(self.doc), token_deps(self.doc)
        starts = token_starts(self.doc)
        for tok in frame:
            for k in kids[tok.i]:
                if labels[k] not in _CANDIDATE_DEPS or k in used:
                    continue  # most dependents (subjects, auxiliaries, punctuation) never are
                idx = starts[k]
                if any(start <= idx < end for start, end in spans):
                    continue
                add(self._dependent(self.doc[k], verb, pred))
        # what the parser hung on a name but modifies the clause
        for arg in (pred.subject, pred.object):
            if arg is None or arg.head.pos_ != "PROPN" or arg.head.i not in self.tok2m:
                continue
            for child in arg.head.rights:
                if (
                    child.dep_ == "prep"
                    and child.lower_ not in AFFILIATION_PREPS
                    and child.idx >= arg.end
                    and child.i not in used
                ):
                    add(self._prepositional(child, verb))
        return sorted(found, key=lambda o: o.arg.start)

    def _outside(self, arg: Arg, taken: list[Arg]) -> Arg | None:
        """The argument without what belongs to another one: "In Washington, Mexico and
        the United States signed" parses the subject into the phrase; it ends before it."""
        if any(t.start <= arg.start < t.end for t in taken):
            return None
        cut = min((t.start for t in taken if arg.start < t.start < arg.end), default=None)
        if cut is None:
            return arg
        tokens = [t for t in self.doc[arg.head.left_edge.i : arg.head.right_edge.i + 1]]
        kept = [t for t in tokens if arg.start <= t.idx and t.idx + len(t) <= cut]
        while kept and (kept[-1].is_punct or kept[-1].is_space or kept[-1].dep_ == "cc"):
            kept.pop()
        if not kept:
            return None
        head = arg.head if arg.head.idx < cut else kept[-1]
        return self.args.span_arg(kept[0], kept[-1], head)

    def _dependent(self, child: Token, verb: Token, pred: Pred) -> Oblique | None:
        """The further argument a dependent of the clause's words makes, if any."""
        dep = child.dep_
        if dep in {"prep", "dative"} and (
            child.pos_ in {"ADP", "SCONJ"} or child.lower_ in PREPOSITION_LIKE
        ):
            if child.lower_ in _NOT_OBLIQUE:
                return None
            if dep == "dative" and child.lower_ == "to" and child_of(child, "pobj") is not None:
                oblique = self._prepositional(child, verb)
                if oblique is not None:
                    oblique.role = "recipient"
                return oblique
            return self._prepositional(child, verb)
        if dep == "dative":
            # "gave him the money": an indirect object
            return Oblique("recipient", None, self.args.arg(child, trim=True))
        if dep in {"npadvmod", "advmod", "poss"} and self.article.is_temporal(child):
            # "extradited today", "met last week", "today's extradition"
            return Oblique("time", None, self.args.arg(child, trim=True))
        if (
            dep == "dobj"
            and verb.lemma_ in SPEECH_VERBS
            and pred.object is not None
            and pred.object.head.i != child.i
        ):
            # "told reporters that ...": what was said is the object, the hearer a recipient
            return Oblique("recipient", None, self.args.arg(child, trim=True))
        return None

    def _prepositional(self, prep: Token, verb: Token) -> Oblique | None:
        """A prepositional phrase as a further argument: its preposition (a complex one
        as a whole, "on behalf of"), its object, and the role the two give it."""
        target = child_of(prep, "pobj") or child_of(prep, "pcomp")
        if target is None or target.lower_ in RELATIVE_PRONOUNS:
            return None  # "of which": the relative clause's antecedent is elsewhere
        words = prep.lower_
        inner = child_of(target, "prep")
        if inner is None and target.lower_ in _ADVERBIAL_ENDS:
            fixed = " ".join(t.lower_ for t in self.doc[prep.i : target.i + 1])
            if fixed in ADVERBIAL_PHRASES:
                return None  # "in fact", "as a result" (not "as a result of X")
        if inner is not None and target.pos_ == "NOUN" and target.lower_ in _COMPLEX_NOUNS:
            # "on behalf of X", "in connection with X": the phrase is the preposition
            inner_target = child_of(inner, "pobj")
            middle = self.doc[prep.i + 1 : target.i + 1]
            phrase = " ".join([words, *(t.lower_ for t in middle), inner.lower_])
            if inner_target is not None and phrase in COMPLEX_PREPOSITIONS:
                words, target = phrase, inner_target
        if target.pos_ in {"VERB", "AUX"}:
            arg = self.args.clause_arg(target)  # "by rejecting this approach"
        else:
            arg = self.args.arg(target, trim=False)
        return Oblique(self._role(words, target, verb), words, arg)

    def _role(self, preposition: str, target: Token, verb: Token) -> str:
        """time, location or recipient when the phrase says when, where or to whom;
        else the preposition itself."""
        if (
            target.pos_ not in {"VERB", "AUX"}
            and preposition != "to"  # "sentenced to 25 years": the term, not when
            and self.article.is_temporal(target)
        ):
            return "time"
        if preposition in LOCATIVE_PREPS and self.article.is_place(target):
            return "location"
        if preposition == "to" and (verb.lemma_ in SPEECH_VERBS or verb.lemma_ in ADDRESSEE_VERBS):
            return "recipient"
        return preposition
