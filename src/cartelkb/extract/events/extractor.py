"""Doc + claims -> typed events: trigger, agent, patients, place, date, source, flags and
normalized quantities, one event per trigger word."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from cartelkb.extract.claims.syntax import child_of
from cartelkb.extract.events.context import Context
from cartelkb.extract.events.quantities import Quantity, find_quantities
from cartelkb.extract.events.triggers import Trigger, classify, may_trigger
from cartelkb.extract.events.vocab import (
    INANIMATE_AGENTS,
    IRREALIS_HEADS,
    LIGHT_VERBS,
    LOCATION_PREPS,
    NEGATING_HEADS,
    PATIENT_PREPS,
    PEOPLE_NOUNS,
    POSSESSOR_PATIENT_TYPES,
    PURPOSE_NOUNS,
    SUBJECT_PATIENT_VERBS,
    TRANSFER_PARTICLES,
    TROOP_NOUNS,
    TYPE_QUANTITIES,
)
from cartelkb.extract.tokens import children_of
from cartelkb.extract.tokens import lemmas as token_lemmas
from cartelkb.extract.tokens import lowers as token_lowers
from cartelkb.extract.tokens import tokens as token_objects
from cartelkb.records import (
    ArgRecord,
    ClaimRecord,
    DateRecord,
    EventRecord,
    MentionRecord,
    QuantityRecord,
)

_PERSON_PRONOUNS = {"he", "him", "she", "her", "they", "them", "his", "their"}
_TEMPORAL = {"today", "yesterday", "tomorrow", "week", "month", "year", "night", "weekend"}
_NESTED_FOR_REWARD = {"arrest", "conviction", "charge", "extradition"}
_PLACES = {"GPE", "LOC"}


def extract_events(
    doc: Doc,
    mentions: Sequence[MentionRecord] = (),
    claims: Sequence[ClaimRecord] = (),
    dates: Sequence[DateRecord] = (),
    *,
    context: Context | None = None,
) -> Iterator[EventRecord]:
    """Yield the typed events of a parsed article, in text order.

    Args:
        doc: the article parsed by `cartelkb.extract.nlp.load_pipeline()`.
        mentions: its named mentions (linking agents and patients to names).
        claims: its claims (`extract_claims`): an event takes its agent and patient from
            the claim of its verb, or the claim whose argument holds its noun, and
            inherits that claim's source, date, negation and hedging.
        dates: its date expressions (a date inside an event's own phrase dates it).
        context: the article's `Context`, when the caller built it already (from the same
            doc, mentions, claims and dates) to share it with `extract_relations`.

    Yields:
        EventRecord per trigger word (see `lexicons/events.toml` for the vocabulary).

    Rules, all read off the parse:

    * a trigger verb's claim gives agent (subject) and patient (object, the subject of a
      passive); "plead" makes the subject the patient. Without a claim: nsubj/dobj,
      nsubjpass, the "by" agent; a participle modifying a noun has it as patient
      ("15 defendants extradited", "convicted leader Guzmán");
    * an event noun takes its patient from "of", "against", "on" ("the arrest of X",
      "sanctions on X"), its possessor (the patient of an arrest, conviction, sentence,
      ...: "Costilla-Sanchez's arrest"; else the agent: "Treasury's designations"), the
      name it is in apposition to ("Guzmán-Salazar (USD$10 million reward)"), and its
      agent from "by" or from the subject of a light verb ("Treasury imposed sanctions";
      "faces charges" makes the subject the patient);
    * transfer verbs ("send", "turn over") are extraditions when a person is sent to a
      country or handed over, deployments when troops are sent;
    * coordinated and appositive patients are listed one by one ("two Mexican nationals,
      Nemesio Oseguera Cervantes and Abigael Gonzalez Valencia");
    * a reward's patient is the patient of the arrest or conviction it is offered for;
    * an event under "agreed to", "plans to", a request or "information leading to" is
      hedged, under "rejected", "refused", "halted" negated (the verb is the cue), on top
      of the claim's own flags;
    * quantities attach to the nearest trigger above them in the parse whose type
      carries their kind (`type_quantities`), else to the event whose patient holds them.

    An event needs a participant: an agent, a patient or a quantity ("This extradition
    illustrates ..." names none and is not an event).
    """
    builder = _Builder(context or Context(doc, mentions, claims, dates))
    yield from builder.run()


@dataclass
class _Draft:
    trigger: Trigger
    claim: int | None
    agent: ArgRecord | None
    patients: list[ArgRecord]
    scope: set[int] = field(default_factory=set)  # tokens whose quantities are its own
    quantities: list[Quantity] = field(default_factory=list)


class _Builder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc = ctx.doc

    def run(self) -> Iterator[EventRecord]:
        from cartelkb.extract.sentences import sentences

        objects, lowers, lemmas = (
            token_objects(self.doc),
            token_lowers(self.doc),
            token_lemmas(self.doc),
        )
        for sent in sentences(self.doc):
            drafts: list[_Draft] = []
            for i in range(sent.start, sent.end):
                if not may_trigger(lowers[i], lemmas[i]):
                    continue  # (read off the token tables: most words name no event)
                trigger = classify(objects[i])
                if trigger is None:
                    continue
                draft = self._draft(trigger)
                if draft is not None:
                    drafts.append(draft)
            if not drafts:
                continue
            drafts = self._merge(drafts)
            self._reward_patients(drafts)
            self._attach_quantities(drafts, find_quantities(self.doc, sent, self.ctx.words))
            for d in drafts:
                if d.agent is None and not d.patients and not d.quantities:
                    continue
                yield self._record(d)

    # --- roles ------------------------------------------------------------------------

    def _draft(self, trigger: Trigger) -> _Draft | None:
        tok = trigger.tok
        direct = self.ctx.direct_claims(tok)
        agent: ArgRecord | None = None
        patients: list[ArgRecord] = []
        if direct:
            first = self.ctx.claims[direct[0]]
            agent = first.subject
            for n in direct:
                obj = self.ctx.claims[n].object
                head = self.ctx.head_of(obj)
                if obj is not None and head is not None and head.pos_ not in {"VERB", "AUX"}:
                    patients.append(obj)
            if trigger.verbal and trigger.lemma in SUBJECT_PATIENT_VERBS:
                patients, agent = ([first.subject] if first.subject else []), None
        own_agent, own_patients = (
            self._verbal_roles(trigger) if trigger.verbal else self._nominal_roles(trigger)
        )
        if agent is None and not (trigger.verbal and trigger.lemma in SUBJECT_PATIENT_VERBS):
            agent = own_agent
        agent_head = self.ctx.head_of(agent)
        if agent_head is not None and (
            agent_head.lemma_.lower() in _TEMPORAL or agent_head.ent_type_ in {"DATE", "TIME"}
        ):
            agent = None  # "Today's extradition": a date, not who extradited
        if not patients:
            patients = own_patients
        patients = self._expand(patients)
        if agent is not None:
            patients = [p for p in patients if (p.start, p.end) != (agent.start, agent.end)]
        # a patient is never the event's own phrase ("X (USD$10 million reward)")
        patients = [p for p in patients if not p.start <= tok.idx < p.end]
        if trigger.transfer:
            kind = self._transfer_type(tok, patients)
            if kind is None:
                return None
            trigger.type = kind
        claim = direct[0] if direct else self.ctx.enclosing_claim(tok)
        draft = _Draft(trigger, claim, agent, patients)
        draft.scope = self._scope(trigger, patients, agent)
        return draft

    def _verbal_roles(self, trigger: Trigger) -> tuple[ArgRecord | None, list[ArgRecord]]:
        verb = trigger.tok
        ctx = self.ctx
        kids = {c.dep_: c for c in children_of(verb)}
        if (
            verb.dep_ in {"acl", "amod"}
            and verb.tag_ == "VBN"
            and verb.head.pos_
            in {
                "NOUN",
                "PROPN",
                "PRON",
            }
        ):
            agent = self._by_agent(verb)
            return agent, [ctx.arg(verb.head)]
        passive = "nsubjpass" in kids or "auxpass" in kids
        subj = kids.get("nsubj")
        if subj is None and "nsubjpass" not in kids and verb.dep_ in {"conj", "xcomp"}:
            host = {c.dep_: c for c in children_of(verb.head)}
            subj = host.get("nsubj")
            if "nsubjpass" in host and not subj:
                return self._by_agent(verb), [ctx.arg(host["nsubjpass"])]
        if passive:
            patient = kids.get("nsubjpass")
            return self._by_agent(verb), [ctx.arg(patient)] if patient is not None else []
        if trigger.lemma in SUBJECT_PATIENT_VERBS:
            return None, [ctx.arg(subj)] if subj is not None else []
        obj = kids.get("dobj")
        agent = ctx.arg(subj) if subj is not None and subj.lower_ not in {"who", "that"} else None
        return agent, [ctx.arg(obj)] if obj is not None else []

    def _headline_roles(self, verb: Token) -> tuple[ArgRecord | None, list[ArgRecord]] | None:
        """A headline's capitalized verb, which the parser reads as a name: "Eduardo
        Arellano-Felix Extradited From Mexico" (the words before a participle are its
        patient), "Mexico Acts to Extradite 'El Chapo' to US" (the words after a base form
        up to a preposition are its object)."""
        from cartelkb.extract.sentences import sentence_of

        sent = sentence_of(self.doc, verb.i)
        if verb.lower_.endswith("ed"):
            words = [t for t in self.doc[sent.start : verb.i] if not t.is_punct or t.text == "'"]
            if 0 < len(words) <= 10:
                return None, [self.ctx.arg(words[-1], words)]
            return None
        after = []
        for t in self.doc[verb.i + 1 : sent.end]:
            if t.lower_ in {"to", "from", "for", "in", "into", "as"} or t.text in {",", ".", ":"}:
                break
            after.append(t)
        if 0 < len(after) <= 8:
            return None, [self.ctx.arg(after[-1], after)]
        return None

    def _by_agent(self, verb: Token) -> ArgRecord | None:
        for child in children_of(verb):
            if child.dep_ == "agent":
                pobj = child_of(child, "pobj")
                if pobj is not None:
                    return self.ctx.arg(pobj)
        return None

    def _nominal_roles(self, trigger: Trigger) -> tuple[ArgRecord | None, list[ArgRecord]]:
        noun = trigger.tok
        ctx = self.ctx
        agent: ArgRecord | None = None
        patients: list[ArgRecord] = []
        possessor: Token | None = None
        for child in children_of(noun):
            if child.dep_ == "prep" and child.lower_ in PATIENT_PREPS:
                pobj = child_of(child, "pobj")
                if pobj is None or _is_amount(pobj):
                    continue
                patients.append(ctx.arg(pobj))
            elif child.dep_ == "prep" and child.lower_ == "by":
                pobj = child_of(child, "pobj")
                if pobj is not None:
                    agent = ctx.arg(pobj)
            elif child.dep_ == "poss" and child.lower_ != "whose":
                temporal = child.ent_type_ in {"DATE", "TIME"}
                if child.lemma_.lower() not in _TEMPORAL and not temporal:
                    possessor = child
            elif child.dep_ in {"compound", "amod", "nmod"} and ctx.mention_at(child) is not None:
                m = ctx.mention_at(child)
                if m is not None and m.label in {"ORG", "GPE"} and agent is None:
                    agent = ctx.mention_arg(m)
        if possessor is not None:
            if trigger.type in POSSESSOR_PATIENT_TYPES and not patients:
                patients.append(ctx.arg(possessor))
            elif agent is None:
                agent = ctx.arg(possessor)
        if noun.dep_ == "appos" and noun.head.pos_ in {"PROPN", "NOUN"} and not patients:
            patients.append(ctx.arg(noun.head))  # "Guzmán-Salazar (USD$10 million reward)"
        light = self._light_verb(noun)
        if light is not None:
            verb, subject = light
            if not patients:
                # "imposed sanctions on 15 Mexican businesses": the verb took the phrase
                for child in children_of(verb):
                    if child.dep_ == "prep" and child.lower_ in PATIENT_PREPS - {"of"}:
                        pobj = child_of(child, "pobj")
                        if pobj is not None and pobj.i > noun.i:
                            patients.append(ctx.arg(pobj))
            role = LIGHT_VERBS[verb.lemma_.lower()]
            if role == "agent" and agent is None:
                agent = subject
            elif role == "patient" and subject is not None and not patients:
                patients.append(subject)
        return agent, patients

    def _light_verb(self, noun: Token) -> tuple[Token, ArgRecord | None] | None:
        """The light verb whose object holds an event noun ("imposed a 25% tariff",
        "paid over $44 million in rewards", "faces charges"), with its subject."""
        tok = noun
        for _ in range(4):
            if tok.dep_ in {"nsubj", "nsubjpass", "ROOT"} or tok.head.i == tok.i:
                return None
            head = tok.head
            if head.pos_ in {"VERB", "AUX"}:
                if head.lemma_.lower() in LIGHT_VERBS:
                    return head, self._subject_of(head)
                if head.dep_ != "conj":
                    return None  # a verb of a list the parser took for a verb goes on
            tok = head
        return None

    def _subject_of(self, verb: Token) -> ArgRecord | None:
        """A verb's subject: the object of the verb it complements ("ordered Rincon to
        serve"), its claim's, else its nsubj, else its chain head's."""
        if verb.dep_ == "xcomp":
            dobj = child_of(verb.head, "dobj")
            if dobj is not None:
                return self.ctx.arg(dobj)
        for n in self.ctx.claims_at.get(verb.i, ()):
            c = self.ctx.claims[n]
            head = self.ctx.head_of(c.subject)
            if c.subject is not None and head is not None:
                return c.subject
        cur = verb
        for _ in range(3):
            for child in children_of(cur):
                if child.dep_ == "nsubj" and child.lower_ not in {"who", "that", "which"}:
                    return self.ctx.arg(child)
                if child.dep_ == "nsubjpass":
                    return self.ctx.arg(child)
            if cur.dep_ not in {"xcomp", "conj", "advcl"}:
                break
            cur = cur.head
        return None

    def _expand(self, patients: list[ArgRecord]) -> list[ArgRecord]:
        """Coordinated and appositive patients one by one, after the phrase itself."""
        out: list[ArgRecord] = []
        seen: set[tuple[int, int]] = set()

        def add(arg: ArgRecord) -> None:
            if (arg.start, arg.end) not in seen:
                seen.add((arg.start, arg.end))
                out.append(arg)

        for p in patients:
            head = self.ctx.head_of(p)
            if head is None or head.pos_ == "PRON":
                add(p)
                continue
            conjuncts = _conjuncts(head)
            if len(conjuncts) > 1:
                add(self.ctx.arg(head))  # "2 tons of cocaine" of "2 tons of cocaine and ..."
            else:
                add(p)
            for tok in conjuncts:
                if tok.i != head.i:
                    add(self.ctx.arg(tok))
                for child in children_of(tok):
                    if child.dep_ == "appos" and child.pos_ in {"PROPN", "NOUN"}:
                        for name in _conjuncts(child):
                            add(self.ctx.arg(name))
        return out

    def _transfer_type(self, verb: Token, patients: list[ArgRecord]) -> str | None:
        """A transfer verb is a deployment of troops or an extradition of a person."""
        if not patients:
            return None
        head = self.ctx.head_of(patients[0])
        if head is None:
            return None
        if head.lemma_.lower() in TROOP_NOUNS:
            return "deployment"
        m = self.ctx.mention_at(head)
        person = (
            (m is not None and m.label == "PERSON")
            or head.lemma_.lower() in PEOPLE_NOUNS
            or head.lower_ in _PERSON_PRONOUNS
            or (head.pos_ == "PROPN" and m is None)
        )
        if not person:
            return None
        for child in children_of(verb):
            if child.dep_ == "prt" and child.lower_ in TRANSFER_PARTICLES:
                return "extradition"
            if child.dep_ == "prep" and child.lower_ in TRANSFER_PARTICLES:
                for pobj in children_of(child):
                    pm = self.ctx.mention_at(pobj)
                    if pobj.dep_ == "pobj" and pm is not None and pm.label in _PLACES:
                        return "extradition"
        return None

    # --- scope, quantities, flags --------------------------------------------------------

    def _scope(
        self, trigger: Trigger, patients: list[ArgRecord], agent: ArgRecord | None
    ) -> set[int]:
        """Tokens whose amounts are this event's: the trigger's phrase and complements,
        its patients; never its agent's phrase or a clause of its own."""
        tok = trigger.tok
        scope: set[int] = {tok.i}
        skip = {"nsubj", "agent", "relcl", "advcl", "ccomp", "conj", "cc", "parataxis", "punct"}
        for child in children_of(tok):
            if child.dep_ in skip:
                continue
            scope.update(t.i for t in child.subtree)
        for p in patients:
            span = self.ctx.span(p.start, p.end)
            if span is not None:
                scope.update(t.i for t in span)
        if trigger.verbal and tok.dep_ in {"acl", "amod", "appos"}:
            scope.update(t.i for t in self.ctx.np_tokens(tok.head))
        if not trigger.verbal:
            for child in children_of(tok):
                # "seizures of 1,060 pounds of fentanyl, 3,400 pounds of meth": a list
                # the parser coordinated with the event noun
                if child.dep_ == "conj" and classify(child) is None:
                    scope.update(t.i for t in child.subtree)
        if agent is not None:
            span = self.ctx.span(agent.start, agent.end)
            if span is not None:
                scope.difference_update(t.i for t in span)
        if not trigger.verbal:
            head = tok.head
            if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in {"NOUN", "NUM"}:
                # "an increase from $5 million to up to $15 million of the reward"
                scope.update(t.i for t in head.head.subtree if t.i < head.i)
            light = self._light_verb(tok)
            if light is not None:
                verb = light[0]
                for child in children_of(verb):
                    if child.dep_ in {"dobj", "prep"}:
                        scope.update(t.i for t in child.subtree)
        return scope

    def _merge(self, drafts: list[_Draft]) -> list[_Draft]:
        """Coordinated event nouns share a patient ("the arrest and extradition of X");
        a noun under a verb of its own type is that verb's event ("charged in several
        indictments"); a killing by a drug is no killing; a designation under a rewards
        program is a reward offer."""
        by_token = {d.trigger.tok.i: d for d in drafts}
        kept = []
        for d in drafts:
            tok = d.trigger.tok
            if not d.trigger.verbal:
                up = tok.head
                if tok.dep_ == "pobj" and up.head.i in by_token:
                    host = by_token[up.head.i]
                    if host.trigger.verbal and host.trigger.type == d.trigger.type:
                        continue
                if not d.patients:
                    for other in _conjuncts_all(tok):
                        o = by_token.get(other.i)
                        if o is not None and o is not d and o.patients and not o.trigger.verbal:
                            d.patients = list(o.patients)
                            break
            if d.trigger.type == "killing" and d.agent is not None:
                head = self.ctx.head_of(d.agent)
                if head is not None and head.lemma_.lower() in INANIMATE_AGENTS:
                    continue
            if d.trigger.type == "designation" and any(
                self.doc[i].lemma_.lower() == "reward" for i in d.scope
            ):
                d.trigger.type = "reward"
            kept.append(d)
        return kept

    def _reward_patients(self, drafts: list[_Draft]) -> None:
        """A reward without a patient is for the arrest or conviction of someone: the
        patient of that event, found in the reward's phrase or its verb's clause."""
        for d in drafts:
            if d.trigger.type != "reward" or d.patients:
                continue
            tok = d.trigger.tok
            region = {t.i for t in tok.subtree}
            if tok.dep_ in {"nsubj", "nsubjpass", "dobj"}:
                region |= {t.i for t in tok.head.subtree}
            for other in drafts:
                nested = other.trigger.type in _NESTED_FOR_REWARD
                if nested and other.trigger.tok.i in region and other.patients:
                    d.patients = list(other.patients)
                    break

    def _attach_quantities(self, drafts: list[_Draft], found: list[Quantity]) -> None:
        by_token: dict[int, _Draft] = {d.trigger.tok.i: d for d in drafts}
        for q in found:
            anchor = self.doc[q.anchor]
            owner = None
            tok = anchor
            for _ in range(8):
                d = by_token.get(tok.i)
                if d is not None:
                    if q.kind in TYPE_QUANTITIES.get(d.trigger.type or "", ()):
                        owner = d
                    break
                if tok.head.i == tok.i:
                    break
                tok = tok.head
            if owner is not None and q.anchor not in owner.scope and q.first not in owner.scope:
                owner = None
            if owner is None:
                for d in drafts:
                    if q.kind in TYPE_QUANTITIES.get(d.trigger.type or "", ()) and (
                        q.first in d.scope or q.anchor in d.scope
                    ):
                        owner = d
                        break
            if owner is not None:
                owner.quantities.append(q)

    def _flags(self, d: _Draft) -> tuple[str | None, str | None]:
        """Cues the event's own position adds: a negating or irrealis verb above it."""
        negation = hedge = None
        cur = d.trigger.tok
        clausal = True  # an intention governs only the verb chain it heads
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            rel, parent = cur.dep_, cur.head
            lemma = parent.lemma_.lower()
            if (
                negation is None
                and lemma in NEGATING_HEADS
                and parent.pos_ in {"VERB", "NOUN"}
                and rel in {"xcomp", "ccomp", "dobj", "acl", "advcl", "pobj", "prep", "nsubjpass"}
            ):
                negation = parent.text
            if rel not in {"xcomp", "ccomp", "conj", "aux"}:
                clausal = clausal and rel == "acl" and cur.tag_ == "VB"
            if (
                hedge is None
                and clausal
                and lemma in IRREALIS_HEADS
                and parent.pos_ in {"VERB", "ADJ"}
            ):
                hedge = parent.text
            purpose = lemma in PURPOSE_NOUNS and parent.pos_ == "NOUN"
            if hedge is None and purpose and rel in {"acl", "prep", "relcl"}:
                hedge = parent.text
            cur = parent
        return negation, hedge

    # --- the record ----------------------------------------------------------------------

    def _record(self, d: _Draft) -> EventRecord:
        ctx = self.ctx
        tok = d.trigger.tok
        claim = ctx.claims[d.claim] if d.claim is not None else None
        negation, hedge = self._flags(d)
        negated = bool(claim and claim.negated) or negation is not None
        hedged = bool(claim and claim.hedged) or hedge is not None
        own_date = None
        if not d.trigger.verbal or d.claim is None:
            own_date = ctx.date_in([t for t in tok.subtree if t.i in d.scope or t.i == tok.i])
        sentence, s_start, s_end = ctx.sentence(tok)
        return EventRecord(
            type=d.trigger.type,  # type: ignore[arg-type]
            trigger=tok.text,
            trigger_lemma=d.trigger.lemma,
            start=tok.idx,
            end=tok.idx + len(tok.text),
            claim=d.claim,
            agent=d.agent,
            patients=d.patients,
            location=self._location(tok),
            source=claim.source if claim else None,
            date=own_date or (claim.date if claim else None),
            negated=negated,
            negation_cue=(claim.negation_cue if claim and claim.negated else None) or negation,
            hedged=hedged,
            hedge_cue=(claim.hedge_cue if claim and claim.hedged else None) or hedge,
            quantities=[self._quantity(q) for q in sorted(d.quantities, key=lambda q: q.first)],
            sentence=sentence,
            sentence_start=s_start,
            sentence_end=s_end,
        )

    def _location(self, tok: Token) -> ArgRecord | None:
        for child in children_of(tok):
            if child.dep_ == "prep" and child.lower_ in LOCATION_PREPS:
                for pobj in children_of(child):
                    m = self.ctx.mention_at(pobj) if pobj.dep_ == "pobj" else None
                    if m is not None and m.label in _PLACES:
                        return self.ctx.mention_arg(m)
        return None

    def _quantity(self, q: Quantity) -> QuantityRecord:
        start, end = q.span(self.doc)
        return QuantityRecord(
            kind=q.kind,  # type: ignore[arg-type]
            text=self.ctx.text[start:end],
            start=start,
            end=end,
            amount=q.amount,
            unit=q.unit,
            value=q.value,
            approximate=q.approximate,
            item=q.item,
        )


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    """The run of consecutive tokens around `head` (others left out of a phrase)."""
    by_i = {t.i for t in tokens}
    first = last = head.i
    while first - 1 in by_i:
        first -= 1
    while last + 1 in by_i:
        last += 1
    return [t for t in tokens if first <= t.i <= last] or [head]


def _conjuncts(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("cocaine, meth and heroin")."""
    out = [tok]
    stack = [tok]
    while stack:
        cur = stack.pop()
        for child in children_of(cur):
            if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "NUM"}:
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _conjuncts_all(tok: Token) -> list[Token]:
    """The words coordinated with a token, whichever of them the parser made the head."""
    top = tok
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    return _conjuncts(top)


def _is_amount(tok: Token) -> bool:
    """A phrase that is an amount ("a reward of $5 million"), not a party ("on 15
    businesses" is a party with a count)."""
    return (
        tok.like_num
        or tok.ent_type_ in {"MONEY", "QUANTITY", "PERCENT"}
        or any(t.text in {"$", "US$", "€"} for t in tok.subtree)
    )
