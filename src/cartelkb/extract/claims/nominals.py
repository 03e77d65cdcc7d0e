"""Nominal events: claims stated by deverbal nouns ("the extradition of X", "her rejection of")."""

from __future__ import annotations

from spacy.tokens import Token

from cartelkb.extract.claims.arguments import Arg, Arguments, is_empty
from cartelkb.extract.claims.clauses import Pred
from cartelkb.extract.claims.context import Article
from cartelkb.extract.claims.roles import Roles
from cartelkb.extract.claims.syntax import child_of, is_infinitive
from cartelkb.extract.claims.vocab import (
    ADJUNCT_PREPS,
    EXAMPLE_PREPS,
    INFINITIVE_NOUNS,
    INTRANSITIVE_NOMINALS,
    JOINT_NOMINALS,
    MEANS_PREPS,
    NOMINAL_OBJECT_PREPS,
    NOMINALIZATIONS,
    OBJECT_PREPS,
    PATIENT_NOMINALS,
    RESULT_VERBS,
)
from cartelkb.extract.tokens import children_of

# mention labels of who can act: a place is a government ("Mexico extradited ...")
AGENT_LABELS = frozenset({"PERSON", "ORG", "GPE"})


class Nominals:
    """Verbalizes event nouns (NOMLEX-style) and finds who acts and on what."""

    def __init__(self, article: Article, args: Arguments, roles: Roles) -> None:
        self.article = article
        self.args = args
        self.roles = roles
        # the article's tables, read often and never changed
        self.doc = article.doc
        self.tok2m = article.tok2m

    def nominal(self, noun: Token) -> Pred | None:
        """The claim of a deverbal event noun ("her rejection of ...") with its agent."""
        lemma = noun.lemma_.lower()
        if lemma in INTRANSITIVE_NOMINALS:
            return self._intransitive(noun, INTRANSITIVE_NOMINALS[lemma])
        verbal = NOMINALIZATIONS.get(lemma)
        if verbal is None:
            return None
        verb_words = verbal.split()
        verb_prep = verb_words[-1] if verb_words[-1] in OBJECT_PREPS else None
        preps = {c.lower_: c for c in children_of(noun) if c.dep_ == "prep"}
        acl = next(
            (
                c
                for c in children_of(noun)
                if c.dep_ == "acl" and c.pos_ == "VERB" and is_infinitive(c)
            ),
            None,
        ) or self._stranded_infinitive(noun)
        of_obj = child_of(preps["of"], "pobj") if "of" in preps else None
        complements = [p for p in preps if p in OBJECT_PREPS and p != "between"]
        if not complements and acl is None and not ({"between", "by"} & set(preps)):
            return None  # a bare event noun ("their operations") says too little
        # the prepositions that may carry the object: "of", and the noun's own ones
        # ("an attack on X"); "the extradition from Mexico" says whence, not whom
        object_preps = {"of"} | NOMINAL_OBJECT_PREPS.get(lemma, frozenset())
        agent: Arg | None = None
        possessor: Arg | None = None
        patient: Arg | None = None
        for child in children_of(noun):
            if self.article.is_temporal(child):
                continue  # "today's extradition": when, not who
            if (
                child.dep_ == "poss"
                and child.lower_ != "whose"
                or child.dep_ in {"compound", "amod", "nmod"}
                and child.i in self.tok2m
            ):
                agent = self.args.arg(child, trim=True)
                possessor = agent if child.dep_ == "poss" else None
        if (
            possessor is not None
            and lemma in PATIENT_NOMINALS
            and verb_prep is None
            and not any(p in object_preps for p in preps)
        ):
            # "his extradition", "Guzmán's arrest in Culiacán": with no object of its own,
            # the possessor of a patient nominal is who undergoes it (NOMLEX DET-POSS as
            # object, Macleod et al. 1998); the agent can only come from "by"
            patient, agent = possessor, None
        if agent is None and "by" in preps:
            pobj = child_of(preps["by"], "pobj")
            if pobj is not None:
                agent = self.args.arg(pobj, trim=False)
        of_used = False
        of_arg: Arg | None = None
        between = preps.get("between")
        if between is None and of_obj is not None:
            # "the sharing of intelligence between A and B": the parser often attaches
            # "between" to the "of" object; it still names who shares.
            between = child_of(of_obj, "prep", lower="between")
            if between is not None and between.i > of_obj.i:
                of_arg = self.args.span_arg(of_obj.left_edge, self.doc[between.i - 1], of_obj)
        if agent is None and between is not None:
            pobj = child_of(between, "pobj")
            if pobj is not None:
                agent = self.args.arg(pobj, trim=False)
        if agent is None and of_obj is not None and acl is not None:
            agent, of_used = self.args.arg(of_obj, trim=False), True  # "commitment of X to act"
        if agent is None and lemma in JOINT_NOMINALS:
            agent = self._joint_agent(noun)
        if agent is None:
            agent = self._means_agent(noun)
        if agent is None:
            agent = self._result_agent(noun)
        if agent is None and not (
            lemma in PATIENT_NOMINALS and (of_obj is not None or patient is not None)
        ):
            return None
        if agent is not None and is_empty(agent):
            return None
        words = [w for w in verb_words if w != verb_prep]
        tokens = [noun]
        obj: Arg | None = None
        if acl is not None and verb_prep == "to" or (acl is not None and verb_prep is None):
            to = child_of(acl, "aux", lower="to")
            words += ["to", acl.lemma_.lower()]
            tokens += [t for t in (to, acl) if t is not None]
            dobj = child_of(acl, "dobj")
            obj = self.args.arg(dobj, trim=False) if dobj is not None else None
        else:
            target_prep = None
            if verb_prep and verb_prep in preps:
                target_prep = preps[verb_prep]
                words.append(verb_prep)
                tokens.append(target_prep)
            elif of_obj is not None and not of_used:
                target_prep = preps["of"]
            elif verb_prep is None:
                # a transitive verb's object after the noun's own preposition
                for p in complements:
                    if p in object_preps and p not in ADJUNCT_PREPS:
                        target_prep = preps[p]
                        break
            # else: "their collaboration in this matter" - "collaborate with" has no
            # "in" object, the phrase is an adjunct
            if target_prep is not None:
                target = child_of(target_prep, "pobj") or child_of(target_prep, "pcomp")
                obj = self.args.arg(target, trim=False) if target is not None else None
                if of_arg is not None and target is not None and target.i == of_arg.head.i:
                    obj = of_arg
        if obj is None and patient is not None:
            obj = patient
        if agent is None and obj is None:
            return None
        if obj is None and verb_prep is None:
            # "the cartel's drug trafficking": a common-noun compound of an event noun is
            # its object (NOMLEX's noun-noun modifier position, Macleod et al. 1998)
            compound = next(
                (
                    c
                    for c in children_of(noun)
                    if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in self.tok2m
                ),
                None,
            )
            if compound is not None:
                first = compound.left_edge  # "human rights abuses" -> "human rights"
                obj = Arg(first.idx, compound.idx + len(compound.text), compound)
        if obj is None and agent is not None and agent.head.pos_ == "PRON":
            return None  # "their collaboration": a pronoun doing something unsaid
        return Pred(noun, " ".join(words), tokens, agent, obj, scope=[noun], nominal=True)

    def _intransitive(self, noun: Token, verb: str) -> Pred | None:
        """ "the escape of X from prison" -> X | escape: the "of" complement of an
        intransitive event noun is who does it; without one the noun says too little."""
        of = child_of(noun, "prep", lower="of")
        of_obj = child_of(of, "pobj") if of is not None else None
        if of_obj is None or of_obj.pos_ == "PRON":
            return None
        agent = self.args.arg(of_obj, trim=True)
        return Pred(noun, verb, [noun], agent, None, scope=[noun], nominal=True)

    def _stranded_infinitive(self, noun: Token) -> Token | None:
        """The infinitive right after an infinitive noun's phrase that the parser hung on
        the verb governing the noun ("builds on the efforts of Mexico and the United
        States to target ...": the efforts are to target)."""
        if noun.lemma_.lower() not in INFINITIVE_NOUNS:
            return None
        after = noun.right_edge.i + 1
        while after < len(self.doc) and self.doc[after].dep_ == "advmod":
            after += 1  # "rejected U.S. requests earlier to turn over X"
        if after >= len(self.doc) or self.doc[after].lower_ != "to":
            return None
        verb = self.doc[after].head
        if (
            self.doc[after].dep_ != "aux"
            or verb.pos_ != "VERB"
            or verb.dep_ not in {"advcl", "xcomp"}
            or not any(a.i == verb.head.i for a in noun.ancestors)
        ):
            return None
        return verb

    def _means_agent(self, noun: Token) -> Arg | None:
        """Who acts by the means a clause names: "We are doing this through enforcement
        actions, including seizures of fentanyl" - we seize it. The noun hangs from
        "through"/"via" on an active verb, directly or as an example ("including",
        "such as") of the means."""
        current = noun
        for _ in range(3):
            prep = current.head
            if current.dep_ != "pobj" or prep.dep_ != "prep":
                return None
            host = prep.head
            if prep.lower_ in MEANS_PREPS and host.pos_ in {"VERB", "AUX"}:
                roles = self.roles.of(host)
                if roles is None or roles[0] is None or roles[2] or is_empty(roles[0]):
                    return None
                return roles[0]
            if prep.lower_ not in EXAMPLE_PREPS or host.pos_ != "NOUN":
                return None
            current = host
        return None

    def _result_agent(self, noun: Token) -> Arg | None:
        """Who brought about the event a result verb names, when that is a named agent:
        "The Border Patrol ran an operation, leading to the seizures of ..." - it seized
        them (RESULT_VERBS); "the investigation led to the arrest" names no agent."""
        first = noun
        while first.dep_ == "conj" and first.head.pos_ == "NOUN":
            first = first.head  # "led to 100 arrests and the seizure of ..."
        prep = first.head
        if first.dep_ != "pobj" or prep.dep_ != "prep":
            return None
        host = prep.head
        if host.pos_ != "VERB" or RESULT_VERBS.get(host.lemma_) != prep.lower_:
            return None
        roles = self.roles.of(host)
        if roles is None or roles[0] is None or roles[2]:
            return None
        subject = roles[0]
        if subject.ref is None or self.article.mentions[subject.ref].label not in AGENT_LABELS:
            return None
        return subject

    def _joint_agent(self, noun: Token) -> Arg | None:
        """Who acts "in coordination with" someone: the subject of the clause the phrase
        modifies ("The INL manages the NRP in close coordination with the DEA"), also
        when the parser hung the phrase on the verb's object."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "in" or child_of(noun, "prep") is None:
            return None
        host = prep.head
        if host.pos_ == "NOUN" and host.dep_ == "dobj":
            host = host.head
        if host.pos_ not in {"VERB", "AUX"}:
            return None
        roles = self.roles.of(host)
        if roles is None or roles[0] is None or is_empty(roles[0]):
            return None
        return roles[0]
