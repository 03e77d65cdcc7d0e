"""Per-article claim extraction: indexes, clause analysis and records (being split up)."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from cartelkb.extract.claims.arguments import Arg, Arguments, is_empty, is_named
from cartelkb.extract.claims.attribution import Attribution
from cartelkb.extract.claims.context import Article
from cartelkb.extract.claims.dating import ClaimDates
from cartelkb.extract.claims.modality import Modality
from cartelkb.extract.claims.quotes import Quotations
from cartelkb.extract.claims.roles import Roles, raised_roles
from cartelkb.extract.claims.syntax import (
    APPOSITION_MARKS,
    child_of,
    is_infinitive,
    relcl_antecedent,
)
from cartelkb.extract.claims.vocab import (
    ADJUNCT_PREPS,
    GERUND_CHAIN,
    HEDGING_CHAIN,
    JOINT_NOMINALS,
    NOMINALIZATIONS,
    OBJECT_PREPS,
    PARTITIVE_NOUNS,
    PATIENT_NOMINALS,
    PREPOSITION_LIKE,
    RAISING_ADJ,
    RAISING_PASSIVE,
    RELATIONAL_NOUNS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    STATIVE_PARTICIPLES,
)
from cartelkb.extract.sentences import sentences
from cartelkb.knowledge import load as load_knowledge
from cartelkb.records import ArgRecord, ClaimRecord, DateRecord, MentionRecord

# Clause analysis follows textacy's `extract/triples.py` (subjects and objects read off
# nsubj/nsubjpass/dobj/agent/xcomp edges, subjects shared across conjoined verbs) and the
# ClausIE / OpenIE line of work (Del Corro & Gemulla 2013; Fader et al. 2011, ReVerb):
# one claim per clause, non-finite clauses inherit the subject of the clause they hang
# from, verb chains and the preposition of a prepositional object are part of the
# relation phrase.


_MENTION_LABELS = {"PERSON", "ORG", "GPE", "LOC"}


# --- internal structures -------------------------------------------------------------


@dataclass
class _Pred:
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


# --- public API ------------------------------------------------------------------------


def extract_claims(
    doc: Doc,
    mentions: Sequence[MentionRecord] = (),
    dates: Sequence[DateRecord] = (),
) -> Iterator[ClaimRecord]:
    """Yield the claims of a parsed article, sentence by sentence.

    Args:
        doc: an article parsed by `cartelkb.extract.nlp.load_pipeline()`.
        mentions: the article's named mentions (char offsets into `doc.text`); when
            empty, `doc.ents` are used for linking arguments to names.
        dates: the article's date expressions; a claim takes the value of one inside
            its clause.

    Yields:
        ClaimRecord per clause, nominal event or reported statement, in text order.

    Conventions (the `action` field):

    * lemmas of the verb chain, head verb first, with "to" kept where the text has an
      infinitive: ``offer to send``, ``seek to improve``, ``consider designate`` (a gerund
      complement is lemmatized too, so "considering designating" and "considered
      designating" give the same action); a verb coordinated inside a chain keeps the
      chain: "offered to send troops and provide intelligence" -> ``offer to provide``;
    * a particle and, when the object is prepositional, the preposition follow:
      ``push for``, ``meet with``, ``crack down on``;
    * copular claims keep "be" and the adjective: ``be hopeful about``, ``be involved in``;
      relations between names from "X is a partner of Y" and the appositive "X, a
      co-founder of Y, ..." keep the noun: ``be partner of``, ``be co-founder of``;
    * nominal claims are verbalized: "her rejection of ..." -> ``reject`` (``action_text``
      keeps "rejection");
    * raising verbs that only hedge are dropped from the action: "is expected to uphold"
      -> ``uphold`` with ``hedge_cue="expected"``.

    Attribution: the subject of a reporting verb is the `source` of its complement clause
    and of a quotation next to it; "according to X" and "as reported by X" attach to the
    clause they modify; an outer source goes to `source_chain` ("The Times reported that
    Sheinbaum said ..."). The speech act is a claim too (subject speaker, action ``say``).

    Negation means the claim is stated as not happening (not, n't, never, no, without,
    "denied that ..."); "refuse to extradite" and "reject" are actions, not negations, and
    "did not notify them until 3:30 p.m." says when it happened.
    Hedging marks claims not asserted as fact (might/could/would/may, reportedly-type
    adverbs, if/unless clauses, "expected to", "suggested that", "the possibility of").

    Linking: an argument refers to the mention at its head, else to a named example ("Cartels
    like CJNG"), else to its first name outside place modifiers. Pronouns take the nearest
    compatible subject of the same or the previous sentence (centering), then the nearest
    compatible name ("they" prefers plural antecedents); "the senator" takes the nearest
    person with that title; "the report" the name in an earlier "an NBC News report";
    "both nations" takes the earlier of the two most recently named countries; a
    description with a name in apposition ("One of those extradited, Robert Salazar")
    refers to that name.

    A claim's `date` is a point in time inside its clause; durations, sets and vague
    expressions never date a claim.
    """
    extractor = _Extractor(doc, list(mentions) or _mentions_from_ents(doc), dates)
    yield from extractor.run()


def _mentions_from_ents(doc: Doc) -> list[MentionRecord]:
    """Fallback mentions from the NER: names only, demonyms mapped to their country."""
    kb = load_knowledge()
    out: list[MentionRecord] = []
    person_surnames = {
        ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
    }
    sents = sentences(doc)
    sent_starts = [s.start for s in sents]
    for ent in doc.ents:
        label = ent.label_
        known = kb.lookup(ent.text)
        canonical = ent.ent_id_ or (known.canonical if known else None)
        if label == "NORP":
            entry = kb.demonym(ent.text)
            if entry is None or ent.root.tag_ in {"NNS", "NNPS"}:
                continue
            label, canonical = entry.type, entry.canonical
        if label not in _MENTION_LABELS:
            continue
        if ent.root.pos_ == "NOUN" and not canonical:
            continue  # "Cartels" tagged ORG: a common noun, not a name
        if label == "ORG" and len(ent) == 1 and ent[0].lower_ in person_surnames:
            label = "PERSON"  # "Trump" tagged ORG where "Donald Trump" is a PERSON
        start = ent.start
        if doc[start].lower_ == "the" and len(ent) > 1:
            start += 1
        span = doc[start : ent.end]
        sent = sents[bisect.bisect_right(sent_starts, ent.start) - 1]
        out.append(
            MentionRecord(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                label=label,  # type: ignore[arg-type]
                name=span.text,
                canonical=canonical,
                sent_start=sent.start_char,
                sent_end=sent.end_char,
            )
        )
    return out


# --- the extractor ---------------------------------------------------------------------


class _Extractor:
    """Per-article state: mention and date indexes, quotations, the previous subjects."""

    def __init__(self, doc: Doc, mentions: list[MentionRecord], dates: Sequence[DateRecord]):
        self.article = article = Article(doc, mentions, dates)
        # read-only views of the article's indexes
        self.doc, self.text, self.mentions = article.doc, article.text, article.mentions
        self.tok_starts, self.tok2m, self.sents = article.tok_starts, article.tok2m, article.sents
        self.sent_of, self.reattached = article.sent_of, article.reattached
        self.countries, self.cartels, self.agencies = (
            article.countries,
            article.cartels,
            article.agencies,
        )
        self.dating = ClaimDates(article, dates)
        self.modality = Modality(article)
        self.args = Arguments(article)
        self.roles = Roles(article, self.args)
        self.quotes = Quotations(article, self.roles)
        self.attribution = Attribution(article, self.args, self.roles, self.quotes)

    # -- main loop

    def run(self) -> Iterator[ClaimRecord]:
        # pass 1: subjects in text order, the antecedents pronouns look back at
        for sent in self.sents:
            self.args.linker.collect_subjects(sent)
        self.quotes.find()
        pending = [(sent, self._sentence_preds(sent)) for sent in self.sents]
        for n, (sent, preds) in enumerate(pending):
            if preds and n + 1 < len(self.sents):
                cited = self.attribution.citation_source(self.sents[n + 1], sent)
                if cited is not None:
                    for pred in preds:
                        if pred.source is None:
                            pred.source = cited
            yield from self._records(sent, preds)

    def _records(self, sent: Span, preds: list[_Pred]) -> Iterator[ClaimRecord]:
        start, end = sent.start_char, sent.end_char
        text = self.text
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        seen: set[tuple[object, ...]] = set()
        for pred in preds:
            key = (
                pred.action,
                pred.subject and (pred.subject.start, pred.subject.end),
                pred.object and (pred.object.start, pred.object.end),
            )
            if key in seen:
                continue
            seen.add(key)
            action_text = " ".join(t.text for t in sorted(pred.action_tokens, key=lambda t: t.i))
            yield ClaimRecord(
                subject=self._record(pred.subject),
                action=pred.action,
                action_text=action_text,
                object=self._record(pred.object),
                source=self._record(pred.source),
                source_chain=[r for r in map(self._record, pred.source_chain) if r],
                negated=pred.negation_cue is not None,
                negation_cue=pred.negation_cue,
                hedged=pred.hedge_cue is not None,
                hedge_cue=pred.hedge_cue,
                date=self.dating.date_of(pred.head),
                sentence=text[start:end],
                start=start,
                end=end,
            )

    def _record(self, arg: Arg | None) -> ArgRecord | None:
        if arg is None:
            return None
        ref = self.mentions[arg.ref] if arg.ref is not None else None
        return ArgRecord(
            text=self.text[arg.start : arg.end],
            start=arg.start,
            end=arg.end,
            ref_start=ref.start if ref else None,
            ref_end=ref.end if ref else None,
        )

    # -- predicates of a sentence

    def _sentence_preds(self, sent: Span) -> list[_Pred]:
        preds: list[_Pred] = []
        for tok in sent:
            pred = None
            if tok.pos_ == "VERB":
                pred = self._verbal(tok)
            elif tok.pos_ == "AUX" and tok.lemma_ == "be":
                pred = self._copular(tok)
            elif tok.pos_ == "NOUN":
                pred = self._nominal(tok)
                if pred is None and tok.dep_ == "appos":
                    pred = self._appositive(tok)
            if pred is None:
                continue
            if pred.subject is None and pred.object is None:
                continue
            self.attribution.attribute(pred)
            self.modality.apply(pred)
            preds.append(pred)
        return preds

    # -- verbal clauses

    def _verbal(self, verb: Token) -> _Pred | None:
        dep = self.article.dep(verb)
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

    def _predicate_position(self, verb: Token, depth: int = 0) -> bool:
        """Whether a verb heads a clause of its own (not a modifier or a marker)."""
        dep = verb.dep_
        if verb.lower_ in PREPOSITION_LIKE and dep in {"advcl", "prep", "acl", "conj"}:
            return False  # "Following these discussions, ...", "including X"
        if dep == "advcl" and is_infinitive(verb):
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

    def _chain_conjunct(self, verb: Token) -> _Pred | None:
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
    ) -> _Pred | None:
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
        if subject is None and obj is None:
            return None
        if subject is not None and is_empty(subject):
            return None
        hedge = hedge_cue
        if hedge is None and len(chain) > 1 and chain[0].lemma_ in HEDGING_CHAIN:
            hedge = chain[0].text
        return _Pred(
            head=top,
            action=" ".join(words),
            action_tokens=tokens,
            subject=subject,
            object=obj,
            scope=[top, *prefix, *chain],
            hedge_cue=hedge,
        )

    def _stative(self, verb: Token, subject: Arg) -> _Pred | None:
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
        return _Pred(verb, " ".join(words), tokens, subject, obj, scope=[verb])

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
            if is_infinitive(xcomp) or (xcomp.tag_ == "VBG" and current.lemma_ in GERUND_CHAIN):
                chain.append(xcomp)
                current = xcomp
                continue
            break
        return chain

    def _object(self, verb: Token) -> tuple[Arg | None, Token | None]:
        """The object of an active verb, and the preposition when it is prepositional."""
        for child in verb.children:
            if child.dep_ in {"dobj", "obj"}:
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return self.args.arg(relcl_antecedent(verb), trim=True), None
                return self.args.arg(child, trim=False), None
        # "the troops that Trump offered to send": the relative is the chain head's dobj
        top = verb
        while top.dep_ == "xcomp":
            top = top.head
        if top.i != verb.i:
            for child in top.children:
                if child.dep_ == "dobj" and child.lower_ in RELATIVE_PRONOUNS:
                    return self.args.arg(relcl_antecedent(top), trim=True), None
        xcomp = child_of(verb, "xcomp")
        if xcomp is not None:
            return self.args.clause_arg(xcomp), None
        attr = child_of(verb, "attr") or child_of(verb, "oprd")
        if attr is not None and attr.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
            return self.args.arg(attr, trim=True), None  # "continue to be a contentious topic"
        ccomp = child_of(verb, "ccomp")
        if ccomp is not None:
            return self.args.clause_arg(ccomp), None
        if verb.lemma_ in SPEECH_VERBS:
            # "said in a statement that X": the statement's clause is what was said
            for child in verb.children:
                pobj = child_of(child, "pobj") if child.dep_ == "prep" else None
                if pobj is None or pobj.lemma_.lower() not in STATEMENT_NOUNS:
                    continue
                for clause in pobj.children:
                    if clause.dep_ in {"acl", "ccomp", "relcl"} and child_of(clause, "mark"):
                        return self.args.clause_arg(clause), None
        adj = self._predicative_adj(verb)
        prep = self._first_prep(verb) or (self._first_prep(adj) if adj is not None else None)
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

    def _predicative_adj(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in {"acomp", "oprd"} and child.pos_ == "ADJ":
                return child
        return None

    def _first_prep(self, verb: Token) -> Token | None:
        for child in verb.rights:
            if child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
                target = child_of(child, "pobj")
                if target is not None and self.article.is_temporal(target):
                    continue  # "landed at around 10 a.m. in El Paso": a time, not a goal
                return child
            if child.dep_ in {"dobj", "ccomp", "xcomp"}:
                break
        return None

    def _acl_is_claim(self, verb: Token) -> bool:
        """Participial and clausal modifiers of nouns worth a claim of their own."""
        if child_of(verb, "nsubj") or child_of(verb, "nsubjpass"):
            return True  # a clause attached to a noun ("said in a statement that X ...")
        if is_infinitive(verb):
            return False
        if verb.tag_ == "VBN":
            return child_of(verb, "agent") is not None  # "CJNG, led by X"
        # "operations targeting cartel leaders": only when the noun names someone
        head = verb.head
        return any(True for _ in self.article.mentions_in(*self.args.np_bounds(head, trim=True)))

    # -- copular clauses

    def _copular(self, cop: Token) -> _Pred | None:
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
                inner.action = f"be {acomp.lower_} to {inner.action}"
                inner.action_tokens = [cop, acomp, *inner.action_tokens]
                return inner
            prep = self._first_prep(acomp) or self._first_prep(cop)
            if prep is None:
                return None
            target = child_of(prep, "pobj") or child_of(prep, "pcomp")
            if target is None or is_empty(subject):
                return None
            return _Pred(
                cop,
                f"be {acomp.lower_} {prep.lower_}",
                [cop, acomp, prep],
                subject,
                self.args.arg(target, trim=False),
                scope=[cop, acomp],
            )
        if attr is not None and attr.pos_ in {"NOUN", "PROPN"}:
            # "X is the leader of CJNG": kept when both ends are named, or when the noun
            # relates people to a group ("Several of the men were members of ...").
            if is_empty(subject):
                return None
            relational = attr.lemma_.lower() in RELATIONAL_NOUNS | ROLE_NOUNS
            if not (is_named(subject) or relational):
                return None
            if attr.lemma_.lower() in PARTITIVE_NOUNS:
                return None  # "X is part of a network": not a relation between names
            prep = self._first_prep(attr)
            target = child_of(prep, "pobj") if prep is not None else None
            if prep is None or target is None:
                return None
            obj = self.args.arg(target, trim=False)
            if obj.ref is None:
                return None
            noun, noun_tokens = self._relation_noun(attr)
            return _Pred(
                cop,
                f"be {noun} {prep.lower_}",
                [cop, *noun_tokens, prep],
                subject,
                obj,
                scope=[cop],
            )
        return None

    def _appositive(self, noun: Token) -> _Pred | None:
        """A relation stated by an appositive: "Zambada, a co-founder of the Sinaloa
        cartel, ..." -> Zambada | be co-founder of | the Sinaloa cartel.

        Kept only between two names, with "of" (the relational-noun pattern of Banko et
        al. 2007 and ReNoun, Yahya et al. 2014): a name, then a comma-set noun phrase
        whose head noun takes an "of" complement that names someone or something.
        """
        name = noun.head
        m = self.tok2m.get(name.i)
        if m is None and name.pos_ != "PROPN":
            return None
        if m is not None and self.mentions[m].label not in {"PERSON", "ORG"}:
            return None
        if self.tok2m.get(noun.i) is not None or noun.i < name.i:
            return None
        # the name, a comma, then only the noun phrase's own words ("a co-founder")
        between = self.doc[name.i + 1 : noun.i]
        if not between or between[0].text not in APPOSITION_MARKS:
            return None
        if any(t.pos_ in {"VERB", "AUX", "PRON"} or t.text == "," for t in between[1:]):
            return None
        if noun.lemma_.lower() in PARTITIVE_NOUNS:
            return None
        prep = child_of(noun, "prep", lower="of")
        target = child_of(prep, "pobj") if prep is not None else None
        if prep is None or target is None:
            return None
        obj = self.args.arg(target, trim=True)
        if obj.ref is None or obj.ref == m:
            return None
        if m is not None:
            mention = self.mentions[m]
            subject = Arg(mention.start, mention.end, name, ref=m)
        else:
            subject = self.args.arg(name, trim=True)  # a name the tagger missed
        word, tokens = self._relation_noun(noun)
        return _Pred(
            noun,
            f"be {word} of",
            [*tokens, prep],
            subject,
            obj,
            scope=[noun],
            background=True,
        )

    def _relation_noun(self, noun: Token) -> tuple[str, list[Token]]:
        """The lemma of a relational noun with its hyphenated prefix ("co-founder")."""
        doc = self.doc
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

    # -- nominal events

    def _nominal(self, noun: Token) -> _Pred | None:
        lemma = noun.lemma_.lower()
        verbal = NOMINALIZATIONS.get(lemma)
        if verbal is None:
            return None
        verb_words = verbal.split()
        verb_prep = verb_words[-1] if verb_words[-1] in OBJECT_PREPS else None
        preps = {c.lower_: c for c in noun.children if c.dep_ == "prep"}
        acl = next(
            (c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB" and is_infinitive(c)),
            None,
        )
        of_obj = child_of(preps["of"], "pobj") if "of" in preps else None
        complements = [p for p in preps if p in OBJECT_PREPS and p != "between"]
        if not complements and acl is None and not ({"between", "by"} & set(preps)):
            return None  # a bare event noun ("their operations") says too little
        agent: Arg | None = None
        for child in noun.children:
            if (
                child.dep_ == "poss"
                and child.lower_ != "whose"
                or child.dep_ in {"compound", "amod", "nmod"}
                and child.i in self.tok2m
            ):
                agent = self.args.arg(child, trim=True)
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
        if agent is None and not (lemma in PATIENT_NOMINALS and of_obj is not None):
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
                # a transitive verb's object; "in"/"at" phrases are where or when
                for p in complements:
                    if p not in ADJUNCT_PREPS:
                        target_prep = preps[p]
                        break
            # else: "their collaboration in this matter" - "collaborate with" has no
            # "in" object, the phrase is an adjunct
            if target_prep is not None:
                target = child_of(target_prep, "pobj") or child_of(target_prep, "pcomp")
                obj = self.args.arg(target, trim=False) if target is not None else None
                if of_arg is not None and target is not None and target.i == of_arg.head.i:
                    obj = of_arg
        if agent is None and obj is None:
            return None
        if obj is None and verb_prep is None:
            # "the cartel's drug trafficking": a common-noun compound of an event noun is
            # its object (NOMLEX's noun-noun modifier position, Macleod et al. 1998)
            compound = next(
                (
                    c
                    for c in noun.children
                    if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in self.tok2m
                ),
                None,
            )
            if compound is not None:
                first = compound.left_edge  # "human rights abuses" -> "human rights"
                obj = Arg(first.idx, compound.idx + len(compound.text), compound)
        if obj is None and agent is not None and agent.head.pos_ == "PRON":
            return None  # "their collaboration": a pronoun doing something unsaid
        return _Pred(noun, " ".join(words), tokens, agent, obj, scope=[noun], nominal=True)

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

    # -- arguments and linking
