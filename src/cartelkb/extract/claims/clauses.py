"""Clauses: the predicates of a sentence (verbal, copular, appositive) and their action."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cartelkb.extract.claims.arguments import Arg, Arguments, is_empty, is_named
from cartelkb.extract.claims.context import Article
from cartelkb.extract.claims.roles import (
    Roles,
    is_frontline,
    is_gathering_purpose,
    is_instrument_purpose,
    raised_roles,
    takes_opportunity,
)
from cartelkb.extract.claims.syntax import (
    APPOSITION_MARKS,
    PARTICIPLE_TAGS,
    child_of,
    clause_dep,
    is_infinitive,
    relcl_antecedent,
)
from cartelkb.extract.claims.vocab import (
    ADJECTIVAL_PARTICIPLES,
    AGENTIVE_NOUNS,
    BARE_INFINITIVE_CHAIN,
    EMOTIVE_FACTIVE_ADJ,
    GERUND_CHAIN,
    HEADLINE_PARTICIPLES,
    HEDGE_NOMINAL_AMODS,
    HEDGING_CHAIN,
    INSTRUMENT_VERBS,
    LOCATIVE_PREPS,
    LOCATIVE_VERBS,
    NOMINAL_OBJECT_PREPS,
    NOMINALIZATIONS,
    OBJECT_PREPS,
    PARTITIVE_NOUNS,
    PERSON_OF_NOUNS,
    PREDICATE_NOUNS,
    PREPOSITION_LIKE,
    RAISING_ADJ,
    RAISING_PASSIVE,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    STATIVE_PARTICIPLES,
    SUPPORT_VERBS,
)
from cartelkb.extract.tokens import children_of

if TYPE_CHECKING:
    from cartelkb.extract.claims.obliques import Oblique

# Clause analysis follows textacy's `extract/triples.py` (subjects and objects read off
# nsubj/nsubjpass/dobj/agent/xcomp edges, subjects shared across conjoined verbs) and the
# ClausIE / OpenIE line of work (Del Corro & Gemulla 2013; Fader et al. 2011, ReVerb):
# one claim per clause, non-finite clauses inherit the subject of the clause they hang
# from, verb chains and a prepositional object's preposition are in the relation phrase.


@dataclass
class Pred:
    """One clause: the action words, its arguments and the tokens that scope it."""

    head: Token  # where source, hedge and negation are looked up (top of the chain)
    action: str
    action_tokens: list[Token]
    subject: Arg | None
    object: Arg | None
    scope: list[Token] = field(default_factory=list)  # tokens whose modifiers count
    hedge_cue: str | None = None
    negation_cue: str | None = None
    source: Arg | None = None
    source_chain: list[Arg] = field(default_factory=list)
    nominal: bool = False
    background: bool = False  # an appositive's relation: not part of what is reported
    obliques: list[Oblique] = field(default_factory=list)  # to whom, where, when, ...


class Clauses:
    """Builds the claim of a verb or a copula, and the relation an appositive states."""

    def __init__(self, article: Article, args: Arguments, roles: Roles) -> None:
        self.article = article
        self.args = args
        self.roles = roles
        # the article's tables, read often and never changed
        self.doc = article.doc
        self.mentions = article.mentions
        self.tok2m = article.tok2m

    def verbal(self, verb: Token) -> Pred | None:
        """The claim of a verb heading a clause, or None (a modifier, a chain member, no
        arguments). Passive raising verbs give their infinitive's claim, hedged."""
        dep = clause_dep(verb, self.article.dep(verb))
        if dep == "amod" and verb.tag_ == "VBN":
            return self._premodifying_participle(verb)
        if dep == "xcomp" and is_instrument_purpose(verb):
            dep = "advcl"  # "use labs to produce fentanyl": a clause of its own (Roles.of)
        if dep in {
            "xcomp",
            "amod",
            "prep",
            "aux",
            "auxpass",
            "compound",
            "nmod",
            "npadvmod",
            "det",
            "mark",
            "advmod",
            "pobj",
            "csubj",
            "csubjpass",
            "dobj",
            "nsubj",
            "nsubjpass",
            "attr",
            "appos",
            "oprd",
            "intj",
            "dep",
            "meta",
        }:
            return None
        if not self._predicate_position(verb):
            return None
        if (
            dep == "pcomp"
            and self.roles.pcomp_host(verb) is None
            and self.roles.credited(verb) is None
            # a gerund with its own subject is a clause: "with the Department paying ..."
            and not (verb.tag_ == "VBG" and child_of(verb, "nsubj") is not None)
        ):
            return None
        if dep == "acl" and not self._acl_is_claim(verb):
            return None
        if dep == "conj" and self.article.dep(verb.head) == "xcomp":
            return self._chain_conjunct(verb)
        roles = self.roles.of(verb)
        if roles is None:
            return None
        subject, patient, passive = roles
        # Raising: "X is expected to Y" -> Y with X as subject, hedged by "expected".
        hedge_cue = None
        xcomp = child_of(verb, "xcomp")
        if (
            passive
            and verb.lemma_ in RAISING_PASSIVE
            and xcomp is not None
            and is_infinitive(xcomp)
            and patient is not None
        ):
            if RAISING_PASSIVE[verb.lemma_]:
                hedge_cue = verb.text
            inner = raised_roles(xcomp, patient)
            subject, patient, passive = inner
            return self._build_verbal(
                xcomp, subject, patient, passive, top=verb, hedge_cue=hedge_cue
            )
        if passive and verb.lemma_ == "know" and child_of(verb, "prep", lower="as"):
            return None  # "Known as 'plaza bosses'", "also known as El Chapo": a name
        if passive and verb.lemma_ in STATIVE_PARTICIPLES and subject is None and patient:
            # "agencies are involved in covert operations": a state, not an agentless passive.
            return self._stative(verb, patient)
        return self._build_verbal(verb, subject, patient, passive, top=verb, hedge_cue=None)

    def _premodifying_participle(self, verb: Token) -> Pred | None:
        """A participle of what befalls a person before the name ("convicted Sinaloa
        Cartel leader Joaquín Guzmán", "extradited drug lord X"): an agentless passive
        of that person (HEADLINE_PARTICIPLES' verbs)."""
        action = HEADLINE_PARTICIPLES.get(verb.lower_)
        if action is None:
            return None
        noun = verb.head
        while noun.dep_ == "compound" and noun.i not in self.tok2m:
            noun = noun.head  # "convicted cartel leader X": the title's name
        m = self.tok2m.get(noun.i)
        if m is None or self.article.mentions[m].label != "PERSON":
            return None
        return Pred(verb, action, [verb], None, self.args.arg(noun, trim=False), scope=[verb])

    def _predicate_position(self, verb: Token, depth: int = 0) -> bool:
        """Whether a verb heads a clause of its own (not a modifier or a marker)."""
        dep = verb.dep_
        if verb.lower_ in PREPOSITION_LIKE and dep in {"advcl", "prep", "acl", "conj"}:
            return False  # "Following these discussions, ...", "including X"
        if (
            dep == "advcl"
            and is_infinitive(verb)
            and verb.head.lemma_ not in INSTRUMENT_VERBS
            and not is_gathering_purpose(verb)
        ):
            return False  # purpose clause ("deployed units to reinforce ..."): an intention
        if dep == "advcl" and verb.lemma_ in SPEECH_VERBS:
            mark = child_of(verb, "mark")
            if mark is not None and mark.lower_ == "as":
                return False  # "As reported by The New York Times, ...": attribution
        if dep == "conj" and depth < 6:
            head = verb.head
            if head.pos_ == "VERB":
                # "offered to send troops and (to) provide ..."
                if self.article.dep(head) == "xcomp":
                    top = self._chain_top(head)
                    return top is not None and self._predicate_position(top, depth + 1)
                return self._predicate_position(head, depth + 1) and not (
                    (head.dep_ == "pcomp" and not self.roles.pcomp_host(head))
                    or (head.dep_ == "acl" and not self._acl_is_claim(head))
                )
        return True

    def _chain_top(self, xcomp: Token) -> Token | None:
        """The verb whose chain an xcomp belongs to ("offered" for "send"), if any."""
        top = xcomp
        for _ in range(6):
            if top.dep_ != "xcomp":
                break
            top = top.head
        if any(v.i == xcomp.i for v in self._chain(top)):
            return top
        return None

    def _chain_conjunct(self, verb: Token) -> Pred | None:
        """A verb coordinated inside a chain shares its head: "offered to send troops and
        provide intelligence" -> offer to provide."""
        xcomp = verb.head
        top = self._chain_top(xcomp)
        if top is None:
            return None
        chain = self._chain(top)
        prefix = chain[: next(n for n, v in enumerate(chain) if v.i == xcomp.i)]
        roles = self.roles.of(top)
        if roles is None:
            return None
        subject, patient, passive = roles
        if passive:
            return None
        return self._build_verbal(
            verb,
            subject,
            None,
            False,
            top=top,
            hedge_cue=None,
            prefix=prefix,
            prefix_to=is_infinitive(xcomp),
        )

    def _build_verbal(
        self,
        verb: Token,
        subject: Arg | None,
        patient: Arg | None,
        passive: bool,
        top: Token,
        hedge_cue: str | None,
        prefix: Sequence[Token] = (),
        prefix_to: bool = False,
    ) -> Pred | None:
        """The claim of a verb chain: its action words, subject and object by voice.

        Args:
            verb: the chain's first verb (the infinitive of a raising verb, a conjunct).
            subject, patient, passive: the roles found for it (see `Roles.of`).
            top: the verb the claim's source, hedge and negation are looked up from.
            hedge_cue: a hedge already found (a raising verb's "expected").
            prefix: the chain before a conjunct ("offered to [send and] provide").
            prefix_to: whether the conjunct is an infinitive ("to" after the prefix).
        """
        chain = self._chain(verb)
        last = chain[-1]
        words: list[str] = []
        tokens: list[Token] = []
        for n, v in enumerate(prefix):
            if n and is_infinitive(v):
                words.append("to")
            words.append(v.lemma_.lower())
            tokens.append(v)
        if prefix and prefix_to:
            words.append("to")
            own_to = child_of(verb, "aux", lower="to")
            if own_to is not None:
                tokens.append(own_to)
        for n, v in enumerate(chain):
            if n and is_infinitive(v):
                to = child_of(v, "aux", lower="to")
                words.append("to")
                if to is not None:
                    tokens.append(to)
            words.append(v.lemma_.lower())
            tokens.append(v)
        prt = child_of(last, "prt")
        if prt is not None:
            words.append(prt.lower_)
            tokens.append(prt)
        acomp = self._predicative_adj(last)
        if acomp is not None and not passive:
            words.append(acomp.lower_)  # "proved critical in", "remain undisclosed"
            tokens.append(acomp)
        if (
            len(chain) > 1
            and child_of(last, "auxpass") is not None
            and patient is None
            and subject is not None
        ):
            # the last verb of a chain carries its own voice ("agreed to be extradited")
            patient, subject, passive = subject, self.roles.agent(last), True
        obj: Arg | None
        if passive:
            obj = patient
            agent = self.roles.agent(last) if subject is None else subject
            subject = agent
        else:
            obj, prep = self._object(last)
            if prep is not None:
                words.append(prep.lower_)
                tokens.append(prep)
            supported = self._supported_event(last, obj) if prep is None else None
            if supported is not None:
                # "made the announcement" -> announce: the event noun's verb is the action
                verb_words, noun, obj = supported
                words = [*words[: -1 - (prt is not None) - (acomp is not None)], *verb_words]
                tokens = [*tokens, noun]
        if subject is None and obj is None:
            return None
        if subject is not None and is_empty(subject):
            return None
        hedge = hedge_cue
        if hedge is None and len(chain) > 1 and chain[0].lemma_ in HEDGING_CHAIN:
            hedge = chain[0].text
        return Pred(
            head=top,
            action=" ".join(words),
            action_tokens=tokens,
            subject=subject,
            object=obj,
            scope=[top, *prefix, *chain],
            hedge_cue=hedge,
        )

    def _supported_event(
        self, verb: Token, obj: Arg | None
    ) -> tuple[list[str], Token, Arg | None] | None:
        """A support verb with an event noun as object ("made the announcement",
        "conducted an investigation into X"): the noun's verb, the noun, and its object."""
        if verb.lemma_ not in SUPPORT_VERBS or obj is None or obj.head.dep_ != "dobj":
            return None
        noun = obj.head
        verbal = NOMINALIZATIONS.get(noun.lemma_.lower())
        if verbal is None or noun.tag_ not in {"NN", "NNS"}:
            return None
        verb_words = verbal.split()
        preps = {c.lower_: c for c in children_of(noun) if c.dep_ == "prep"}
        allowed = {"of", verb_words[-1]} | NOMINAL_OBJECT_PREPS.get(noun.lemma_.lower(), set())
        target = None
        for word, prep in preps.items():
            if word in allowed:
                target = child_of(prep, "pobj")
                break
        new_obj = self.args.arg(target, trim=False) if target is not None else None
        if verb_words[-1] in OBJECT_PREPS and (target is None or verb_words[-1] not in preps):
            verb_words = verb_words[:-1]
        return verb_words, noun, new_obj

    def _stative(self, verb: Token, subject: Arg) -> Pred | None:
        """A stative passive read as copular: "are involved in X" -> be involved in."""
        words = ["be", verb.lower_]
        tokens = [verb]
        obj = None
        prep = self._first_prep(verb)
        if prep is not None:
            target = child_of(prep, "pobj") or child_of(prep, "pcomp")
            if target is not None:
                words.append(prep.lower_)
                tokens.append(prep)
                obj = self.args.arg(target, trim=False)
        if is_empty(subject):
            return None
        return Pred(verb, " ".join(words), tokens, subject, obj, scope=[verb])

    def _chain(self, verb: Token) -> list[Token]:
        """The verb and the complements that form one action with it ("offer to send")."""
        chain = [verb]
        current = verb
        while True:
            xcomp = child_of(current, "xcomp")
            if xcomp is None or xcomp.pos_ not in {"VERB", "AUX"}:
                break
            dobj = child_of(current, "dobj")
            if dobj is not None and dobj.lower_ not in RELATIVE_PRONOUNS:
                break  # object control ("urged Mexico to act"): not one action
            if (
                is_infinitive(xcomp)
                or (xcomp.tag_ == "VBG" and current.lemma_ in GERUND_CHAIN)
                or (
                    xcomp.tag_ == "VB"
                    and current.lemma_ in BARE_INFINITIVE_CHAIN
                    and child_of(xcomp, "nsubj") is None
                )
            ):
                chain.append(xcomp)
                current = xcomp
                continue
            break
        return chain

    def _object(self, verb: Token) -> tuple[Arg | None, Token | None]:
        """The object of an active verb, and the preposition when it is prepositional."""
        ccomp = child_of(verb, "ccomp")
        reported = self._inverted_report(verb)
        if reported is not None:
            return reported, None
        for child in children_of(verb):
            if child.dep_ in {"dobj", "obj"}:
                if ccomp is not None and verb.lemma_ in SPEECH_VERBS:
                    break  # "told reporters that X": X was said, reporters heard it
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return self.args.arg(relcl_antecedent(verb), trim=True), None
                return self.args.arg(child, trim=False), None
        # "the troops that Trump offered to send": the relative is the chain head's dobj
        top = verb
        while top.dep_ == "xcomp":
            top = top.head
        if top.i != verb.i:
            for child in children_of(top):
                if child.dep_ == "dobj" and child.lower_ in RELATIVE_PRONOUNS:
                    return self.args.arg(relcl_antecedent(top), trim=True), None
        xcomp = child_of(verb, "xcomp")
        if xcomp is not None:
            return self.args.clause_arg(xcomp), None
        attr = child_of(verb, "attr") or child_of(verb, "oprd")
        if attr is not None and attr.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
            return self.args.arg(attr, trim=True), None  # "continue to be a contentious topic"
        if ccomp is not None:
            return self.args.clause_arg(ccomp), None
        if verb.lemma_ in SPEECH_VERBS:
            # "said in a statement that X": the statement's clause is what was said
            for child in children_of(verb):
                pobj = child_of(child, "pobj") if child.dep_ == "prep" else None
                if pobj is None or pobj.lemma_.lower() not in STATEMENT_NOUNS:
                    continue
                for clause in children_of(pobj):
                    if clause.dep_ in {"acl", "ccomp", "relcl"} and child_of(clause, "mark"):
                        return self.args.clause_arg(clause), None
        adj = self._predicative_adj(verb)
        prep = self._first_prep(verb, places=verb.lemma_ in LOCATIVE_VERBS) or (
            self._first_prep(adj) if adj is not None else None
        )
        if prep is not None:
            target = child_of(prep, "pobj") or child_of(prep, "pcomp")
            if target is not None:
                return self.args.arg(target, trim=False), prep
        if verb.dep_ == "relcl" and child_of(verb, "nsubj") is not None:
            antecedent = relcl_antecedent(verb)
            subj = child_of(verb, "nsubj")
            if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS:
                return self.args.arg(antecedent, trim=True), None  # "the troops Trump sent"
        return None, None

    def _inverted_report(self, verb: Token) -> Arg | None:
        """What an inverted reporting verb parsed as a conjunct reports: the clause
        before its comma ("[X pleaded guilty to ...], announced Y")."""
        if verb.dep_ != "conj" or verb.lemma_ not in SPEECH_VERBS:
            return None
        speaker = self.roles.inverted_speaker(verb)
        if speaker is None:
            return None
        head = verb.head
        first, last = head.left_edge, self.doc[verb.i - 1]
        while last.i > first.i and (last.is_punct or last.is_space):
            last = self.doc[last.i - 1]
        return self.args.span_arg(first, last, head)

    def _predicative_adj(self, verb: Token) -> Token | None:
        """The adjective a verb predicates ("proved critical", "remain undisclosed")."""
        for child in children_of(verb):
            if child.dep_ in {"acomp", "oprd"} and child.pos_ == "ADJ":
                return child
        return None

    def _first_prep(self, verb: Token, places: bool = True) -> Token | None:
        """The first preposition after a word that may carry its object (not a time;
        without `places`, not where: "met in Washington" says where they met)."""
        for child in verb.rights:
            if child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
                target = child_of(child, "pobj")
                if target is not None and self.article.is_temporal(target):
                    continue  # "landed at around 10 a.m. in El Paso": a time, not a goal
                if (
                    not places
                    and target is not None
                    and child.lower_ in LOCATIVE_PREPS
                    and self.article.is_place(target)
                ):
                    continue  # a location (obliques.py), not the object
                return child
            if child.dep_ in {"dobj", "ccomp", "xcomp"}:
                break
        return None

    def _acl_is_claim(self, verb: Token) -> bool:
        """Participial and clausal modifiers of nouns worth a claim of their own."""
        if child_of(verb, "nsubj") or child_of(verb, "nsubjpass"):
            return True  # a clause attached to a noun ("said in a statement that X ...")
        if (verb.tag_ == "VBG" and is_frontline(verb.head)) or takes_opportunity(verb):
            return True  # "on the frontlines fighting", "took every opportunity to" (Roles.of)
        if is_infinitive(verb):
            return False
        if verb.tag_ in PARTICIPLE_TAGS:
            if child_of(verb, "agent") is not None:
                return True  # "CJNG, led by X"
            # "15 defendants extradited to the United States", "the targets announced
            # today": a passive predication of the noun, when said where, whence or when
            return verb.lemma_ not in STATIVE_PARTICIPLES and any(
                c.dep_ in {"prep", "npadvmod"} and c.lower_ not in {"as", "like"}
                for c in children_of(verb)
            )
        # "operations targeting cartel leaders": only when the noun names someone, or
        # what the participle does does ("eight plaza bosses working for El Mayo")
        head = verb.head
        if any(True for _ in self.article.mentions_in(*self.args.np_bounds(head, trim=True))):
            return True
        first, last = verb.i + 1, verb.right_edge.i
        if last < first:
            return False
        span = self.doc[first : last + 1]
        return any(True for _ in self.article.mentions_in(span.start_char, span.end_char))

    def copular(self, cop: Token) -> Pred | None:
        """The claim of a copula: "X is hopeful about Y", "X is likely to Y" (raising),
        "X is a partner of Y" (a relation, kept between names or with a relational noun),
        else what it says the subject is ("X is a threat", "X is unprecedented")."""
        if cop.dep_ not in {"ROOT", "ccomp", "advcl", "conj", "relcl", "parataxis"}:
            return None
        roles = self.roles.of(cop)
        if roles is None or roles[0] is None:
            return None
        subject = roles[0]
        acomp = child_of(cop, "acomp")
        attr = child_of(cop, "attr")
        if acomp is not None:
            xcomp = child_of(acomp, "xcomp")
            if xcomp is not None and xcomp.pos_ in {"VERB", "AUX"} and is_infinitive(xcomp):
                if acomp.lower_ in RAISING_ADJ:
                    pred = self._build_verbal(
                        xcomp,
                        *raised_roles(xcomp, subject),
                        top=cop,
                        hedge_cue=acomp.text if RAISING_ADJ[acomp.lower_] else None,
                    )
                    if pred is not None and acomp.lower_ == "unlikely":
                        pred.negation_cue = acomp.text
                    return pred
                inner = self._build_verbal(xcomp, subject, None, False, top=cop, hedge_cue=None)
                if inner is None:
                    return None
                if acomp.lower_ in EMOTIVE_FACTIVE_ADJ:
                    return inner  # "I am pleased to announce X": the speaker announces X
                inner.action = f"be {acomp.lower_} to {inner.action}"
                inner.action_tokens = [cop, acomp, *inner.action_tokens]
                return inner
            participle = ADJECTIVAL_PARTICIPLES.get(acomp.lower_)
            if participle is not None and not is_empty(subject):
                # "any assets they hold are frozen": a passive, not a description
                return Pred(cop, participle, [cop, acomp], None, subject, scope=[cop, acomp])
            prep = self._first_prep(acomp) or self._first_prep(cop)
            target = None
            if prep is not None:
                target = child_of(prep, "pobj") or child_of(prep, "pcomp")
            if is_empty(subject):
                return None
            if prep is None or target is None:
                return self._characterization(cop, subject, acomp)  # "X is unprecedented"
            return Pred(
                cop,
                f"be {acomp.lower_} {prep.lower_}",
                [cop, acomp, prep],
                subject,
                self.args.arg(target, trim=False),
                scope=[cop, acomp],
            )
        if attr is not None and attr.pos_ in {"PRON", "NUM"} and not is_empty(subject):
            return self._characterization(cop, subject, attr)  # "X was one of them"
        if attr is not None and attr.pos_ in {"NOUN", "PROPN"}:
            # "X is the leader of CJNG": kept when both ends are named, or when the noun
            # relates people to a group ("Several of the men were members of ...").
            if is_empty(subject):
                return None
            relational = attr.lemma_.lower() in PERSON_OF_NOUNS  # relational or role
            # "X is part of a network" is not a relation between names
            partitive = attr.lemma_.lower() in PARTITIVE_NOUNS
            prep = self._first_prep(attr)
            target = child_of(prep, "pobj") if prep is not None else None
            obj = self.args.arg(target, trim=False) if target is not None else None
            said = PREDICATE_NOUNS.get(f"{attr.lemma_.lower()} {prep.lower_}") if prep else None
            if said is not None and prep is not None and obj is not None:
                # "the framework is a replacement for the Mérida Initiative" -> replace
                return Pred(cop, said, [cop, attr, prep], subject, obj, scope=[cop])
            # "fentanyl is a key driver of the crisis": an agentive noun is its verb (any ends)
            agentive = attr.lemma_.lower() in AGENTIVE_NOUNS and obj is not None
            if not agentive and (
                not (is_named(subject) or relational)
                or partitive
                or prep is None
                or obj is None
                or obj.ref is None
            ):
                return self._characterization(cop, subject, attr)
            assert prep is not None
            noun, noun_tokens = relation_noun(attr)
            return Pred(
                cop,
                relation_action(noun, prep.lower_),
                [cop, *noun_tokens, prep],
                subject,
                obj,
                scope=[cop],
            )
        return None

    def _characterization(self, cop: Token, subject: Arg, complement: Token) -> Pred:
        """What a copula says its subject is: "CJNG is one of the most powerful cartels in
        Mexico" -> CJNG | be | one of the most powerful cartels in Mexico. (A relation
        between two names keeps its noun in the action, see `copular`.)"""
        return Pred(cop, "be", [cop], subject, self.args.arg(complement, trim=False), scope=[cop])

    def appositive(self, noun: Token) -> Pred | None:
        """A relation stated by an appositive: "Zambada, a co-founder of the Sinaloa
        cartel, ..." -> Zambada | be co-founder of | the Sinaloa cartel.

        A relation between two names, with "of" (the relational-noun pattern of Banko et
        al. 2007 and ReNoun, Yahya et al. 2014): a name, then a comma-set noun phrase
        whose head noun takes an "of" complement that names someone or something. Any
        other comma-set description of a name says what it is: "be" and the description.
        """
        name = noun.head
        m = self.tok2m.get(name.i)
        if m is None and name.pos_ != "PROPN":
            return None
        if m is not None and self.mentions[m].label not in {"PERSON", "ORG"}:
            return None
        if self.tok2m.get(noun.i) is not None or noun.i < name.i:
            return None
        after = self.doc[noun.i + 1] if noun.i + 1 < len(self.doc) else None
        if noun.text in {"-", "‐"} or (
            after is not None and after.text in {"-", "‐"} and not noun.whitespace_
        ):
            return None  # "co" and "-" of "co-founder", which the parser splits
        # the name, a comma, then only the noun phrase's own words ("a co-founder"); an
        # age or another appositive of the name may come first ("X, 55, one of ...")
        other = {
            t.i for c in children_of(name) if c.dep_ == "appos" and c.i < noun.i for t in c.subtree
        }
        between = [
            t
            for t in self.doc[name.i + 1 : noun.i]
            if t.i not in other and not (t.text == "," and t.i - 1 in other)
        ]
        if not between or between[0].text not in APPOSITION_MARKS:
            return None
        if any(t.pos_ in {"VERB", "AUX", "PRON"} or t.text == "," for t in between[1:]):
            return None
        if m is not None:
            mention = self.mentions[m]
            subject = Arg(mention.start, mention.end, name, ref=m)
        else:
            subject = self.args.arg(name, trim=True)  # a name the tagger missed
        description = noun
        if noun.lower_ == "one":
            # "one of the alleged members of the AFO": the relation is the plural noun's
            of = child_of(noun, "prep", lower="of")
            inner = child_of(of, "pobj") if of is not None else None
            if inner is None or inner.pos_ != "NOUN":
                return None
            noun = inner
        # "an alleged member of": the relation is not asserted
        hedge = next(
            (
                c.text
                for t in relation_noun(noun)[1]
                for c in children_of(t)
                if c.dep_ == "amod" and c.lower_ in HEDGE_NOMINAL_AMODS
            ),
            None,
        )
        prep = child_of(noun, "prep", lower="of")
        target = child_of(prep, "pobj") if prep is not None else None
        obj = self.args.arg(target, trim=True) if target is not None else None
        if (
            prep is None
            or obj is None
            or obj.ref is None
            or obj.ref == m
            or noun.lemma_.lower() in PARTITIVE_NOUNS
        ):
            # what the name is said to be ("Jacob Dreyer, the institute's chief
            # economist, ...": a description of it, the writer's background)
            return Pred(
                description,
                "be",
                [],
                subject,
                self.args.arg(description, trim=True),
                scope=[noun],
                hedge_cue=hedge,
                background=True,
            )
        word, tokens = relation_noun(noun)
        return Pred(
            description,
            relation_action(word, "of"),
            [*tokens, prep],
            subject,
            obj,
            scope=[noun],
            hedge_cue=hedge,
            background=True,
        )

    def title_relation(self, noun: Token) -> Pred | None:
        """A relation stated by a title before a name: "Sinaloa Cartel leader Ismael
        Zambada-Garcia" -> Ismael Zambada-Garcia | lead | Sinaloa Cartel (the "<group>
        <relational noun> <person>" premodifier pattern of ReNoun, Yahya et al. 2014)."""
        if noun.dep_ != "compound" or noun.lemma_.lower() not in PERSON_OF_NOUNS:
            return None
        person = self.tok2m.get(noun.head.i)
        if person is None or self.mentions[person].label != "PERSON" or noun.i in self.tok2m:
            return None
        group = next(
            (
                self.tok2m[c.i]
                for c in children_of(noun)
                if c.dep_ in {"compound", "nmod", "poss"}
                and c.i in self.tok2m
                and self.mentions[self.tok2m[c.i]].label in {"ORG", "GPE"}
            ),
            None,
        )
        name, obj = self.mentions[person], self._unnamed_group(noun)
        if group is not None:
            org = self.mentions[group]
            org_last = self.doc[self.article.token_range(org.start, org.end)[-1]]
            obj = Arg(org.start, org.end, org_last, ref=group)
        if obj is None:
            return None
        last = self.doc[self.article.token_range(name.start, name.end)[-1]]
        word, tokens = relation_noun(noun)
        return Pred(
            noun,
            relation_action(word, "of"),
            tokens,
            Arg(name.start, name.end, last, ref=person, person=True),
            obj,
            scope=[noun],
            background=True,
        )

    def _unnamed_group(self, noun: Token) -> Arg | None:
        """A proper-noun premodifier the NER left unnamed ("Los Cunis leader X"): the
        whole run of proper nouns before the relational noun, none of them in a mention."""
        run = list(self.doc[noun.left_edge.i : noun.i])
        if not run or any(t.pos_ != "PROPN" or t.i in self.tok2m for t in run):
            return None
        return Arg(run[0].idx, run[-1].idx + len(run[-1].text), run[-1])


def relation_action(noun: str, preposition: str) -> str:
    """The action of a relational noun: the verb of an agentive one ("leader of" ->
    lead, "collaborator in" -> collaborate in), else "be" with the noun and its
    preposition ("be member of")."""
    verb = AGENTIVE_NOUNS.get(noun)
    if verb is not None and preposition == "of":
        return verb
    if verb is not None:
        return f"{verb.split()[0]} {preposition}"  # "a collaborator in X" -> collaborate in
    return f"be {noun} {preposition}"


def relation_noun(noun: Token) -> tuple[str, list[Token]]:
    """The lemma of a relational noun with its hyphenated prefix ("co-founder")."""
    doc = noun.doc
    first = noun.i
    while (
        first >= 2
        and doc[first - 1].text in {"-", "‐"}
        and not doc[first - 1].whitespace_
        and not doc[first - 2].whitespace_
    ):
        first -= 2
    tokens = list(doc[first : noun.i + 1])
    prefix = "".join(t.text_with_ws for t in tokens[:-1]).lower()
    return prefix + noun.lemma_.lower(), tokens
