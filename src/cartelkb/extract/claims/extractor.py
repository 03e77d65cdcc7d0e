"""The entry point: a parsed article in, its claims out, one concern after another."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from cartelkb.extract.claims.arguments import Arg, Arguments
from cartelkb.extract.claims.attribution import Attribution
from cartelkb.extract.claims.clauses import Clauses, Pred
from cartelkb.extract.claims.context import Article
from cartelkb.extract.claims.dating import ClaimDates
from cartelkb.extract.claims.headlines import Headlines
from cartelkb.extract.claims.mentions import mentions_from_ents
from cartelkb.extract.claims.modality import Modality
from cartelkb.extract.claims.nominals import Nominals
from cartelkb.extract.claims.obliques import Oblique, Obliques
from cartelkb.extract.claims.quotes import Quotations
from cartelkb.extract.claims.roles import Roles
from cartelkb.extract.claims.syntax import child_of
from cartelkb.extract.claims.vocab import COMITATIVE_PREPS, HEADLINE_VERBS, LEMMA_SPELLING
from cartelkb.extract.claims.voice import Voice
from cartelkb.extract.tokens import children_of
from cartelkb.extract.tokens import lowers as token_lowers
from cartelkb.extract.tokens import poses as token_poses
from cartelkb.extract.tokens import tokens as token_objects
from cartelkb.records import (
    ArgRecord,
    ClaimArgRecord,
    ClaimForm,
    ClaimRecord,
    DateRecord,
    MentionRecord,
    RefRecord,
)

# Contractions of "be" with a typographic apostrophe, which the small model tags VERB
_CONTRACTED_BE = frozenset({"’m", "’re", "’s"})
# the parts of speech a claim's head word has (`Extractor._sentence_preds`)
_PREDICATE_POS = frozenset({"VERB", "AUX", "NOUN", "NUM"})


def extract_claims(
    doc: Doc,
    mentions: Sequence[MentionRecord] = (),
    dates: Sequence[DateRecord] = (),
    *,
    author: str | None = None,
) -> Iterator[ClaimRecord]:
    """Yield the claims of a parsed article, sentence by sentence.

    Args:
        doc: an article parsed by `cartelkb.extract.nlp.load_pipeline()`.
        mentions: the article's named mentions (char offsets into `doc.text`); when
            empty, `doc.ents` are used for linking arguments to names.
        dates: the article's date expressions; a claim takes the value of one inside
            its clause.
        author: the byline author, whom "I" denotes in the article's own voice.

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
      co-founder of Y, ..." keep the noun: ``be partner of``, ``be co-founder of``, except
      agentive nouns, which give their verb ("X is the leader of Y", "Y leader X" ->
      ``lead``); any other copula says what its subject is (``be`` | "one of the most
      powerful cartels"), and so does a name's comma-set description;
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
    person with that title; "the report" the name in an earlier "an NBC News report"; a
    description with a name in apposition ("One of those extradited, Robert Salazar")
    refers to that name. A pair ("both nations", "the two governments") is linked to
    neither of its members.

    A claim's `date` is a point in time inside its clause; durations, sets and vague
    expressions never date a claim.

    The voice of the document (`voice`): after a headline "Statement by X" / "Remarks by
    X" / "X Delivers Remarks", or a sentence "X issued the following statement:", the
    text is X's, and so is each transcript turn its label's ("SECRETARY RUBIO:"); a claim
    there with no nearer source is according to that speaker. "I" denotes the speaker of
    the quotation, turn or statement it is in, else the byline author; "we" the
    organization in that speaker's title, else the speaker, else the agency issuing the
    release. The article's own voice has no source.
    """
    extractor = ClaimExtractor(doc, list(mentions) or mentions_from_ents(doc), dates, author)
    try:
        yield from extractor.run()
    finally:
        extractor.args.linker.forget_speakers()


class ClaimExtractor:
    """One article's claims: the concerns wired together, and the records they make.

    Every collaborator reads the same `Article` (the indexes nobody changes); the
    arguments are built once, through one `Arguments`, whoever asks first.
    """

    def __init__(
        self,
        doc: Doc,
        mentions: list[MentionRecord],
        dates: Sequence[DateRecord],
        author: str | None = None,
    ):
        self.article = article = Article(doc, mentions, dates)
        self.voice = Voice(article, author)
        self.args = Arguments(article)
        self.roles = Roles(article, self.args)
        self.clauses = Clauses(article, self.args, self.roles)
        self.nominals = Nominals(article, self.args, self.roles)
        self.headlines = Headlines(article, self.args)
        self.quotes = Quotations(article, self.roles)
        self.attribution = Attribution(article, self.args, self.roles, self.quotes, self.voice)
        self.modality = Modality(article)
        self.dating = ClaimDates(article, dates)
        self.obliques = Obliques(article, self.args)

    def run(self) -> Iterator[ClaimRecord]:
        """The article's claims, sentence by sentence."""
        sents = self.article.sents
        # first every sentence's subjects, in text order (the antecedents pronouns look
        # back at), and the quotations with their speakers; then the predicates
        for sent in sents:
            self.args.linker.collect_subjects(sent)
        self.quotes.find()
        self.args.linker.resolve_first_person(self.voice, self.quotes)
        for sent in sents:
            yield from self._records(sent, self._sentence_preds(sent))

    def _records(self, sent: Span, preds: list[Pred]) -> Iterator[ClaimRecord]:
        """One record per distinct (action, subject, object) of a sentence."""
        start, end = sent.start_char, sent.end_char
        text = self.article.text
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
                action=" ".join(LEMMA_SPELLING.get(w, w) for w in pred.action.split()),
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
                arguments=[self._further(o) for o in pred.obliques],
                form=claim_form(pred),
                subject_recovered=subject_recovered(pred),
            )

    def _record(self, arg: Arg | None) -> ArgRecord | None:
        """An argument as a record: its text and offsets, and those of its mention."""
        if arg is None:
            return None
        ref = self.article.mentions[arg.ref] if arg.ref is not None else None
        return ArgRecord(
            text=self.article.text[arg.start : arg.end],
            start=arg.start,
            end=arg.end,
            ref_start=ref.start if ref else None,
            ref_end=ref.end if ref else None,
            refs=self._refs(arg),
        )

    def _further(self, oblique: Oblique) -> ClaimArgRecord:
        """A further argument as a record: its role and preposition, text and links."""
        arg = oblique.arg
        ref = self.article.mentions[arg.ref] if arg.ref is not None else None
        return ClaimArgRecord(
            role=oblique.role,
            preposition=oblique.preposition,
            text=self.article.text[arg.start : arg.end],
            start=arg.start,
            end=arg.end,
            ref_start=ref.start if ref else None,
            ref_end=ref.end if ref else None,
            refs=self._refs(arg),
        )

    def _refs(self, arg: Arg) -> list[RefRecord]:
        """Every mention a coordinated argument names (empty for at most one)."""
        mentions = self.article.mentions
        return [
            RefRecord(start=mentions[m].start, end=mentions[m].end) for m in self.args.members(arg)
        ]

    def _sentence_preds(self, sent: Span) -> list[Pred]:
        """The predicates of a sentence with their sources, hedges and negations."""
        preds: list[Pred] = []
        # only the top of an article has headlines (context.headline_lines)
        headline = bool(self.article.headlines) and sent.start_char < self.article.headlines[-1][1]
        doc = self.article.doc
        objects, poses, lowers = token_objects(doc), token_poses(doc), token_lowers(doc)
        for i in range(sent.start, sent.end):
            headline_verb = headline and lowers[i] in HEADLINE_VERBS
            if not headline_verb and poses[i] not in _PREDICATE_POS:
                continue  # (read off the tables: most tokens head no claim)
            tok, pos = objects[i], poses[i]
            pred = None
            if headline_verb:
                pred = self.headlines.verb(tok)
            if pred is not None:
                pass
            elif (
                pos == "VERB"
                and tok.lower_ in _CONTRACTED_BE
                and (child_of(tok, "acomp") is not None or child_of(tok, "attr") is not None)
            ):
                pred = self.clauses.copular(tok)  # "I’m pleased": the model tags "’m" VERB
            elif pos == "VERB":
                pred = self.clauses.verbal(tok)
            elif pos == "AUX" and tok.lemma_ == "be":
                pred = self.clauses.copular(tok)
            elif pos == "NOUN":
                pred = self.nominals.nominal(tok)
                if pred is None and tok.dep_ == "appos":
                    pred = self.clauses.appositive(tok)
                if pred is None and tok.dep_ == "compound":
                    pred = self.clauses.title_relation(tok)
            elif pos == "NUM" and tok.dep_ == "appos" and tok.lower_ == "one":
                pred = self.clauses.appositive(tok)  # "X, one of the leaders of Y"
            if pred is None:
                continue
            if pred.subject is None and pred.object is None:
                continue
            self.attribution.attribute(pred)
            self.modality.apply(pred)
            pred.obliques = self.obliques.of(pred)
            preds.append(pred)
            preds += self._co_agents(pred)
        return preds

    def _co_agents(self, pred: Pred) -> list[Pred]:
        """The clause again for each co-agent: "X announced the sentence along with Y"
        says Y announced it too (a comitative "along with"/"together with" on the verb)."""
        if pred.subject is None or pred.nominal or pred.background:
            return []
        if child_of(pred.head, "auxpass") is not None:
            return []  # "was sentenced along with Y": Y is a co-patient, not an agent
        out: list[Pred] = []
        for child in children_of(pred.head):
            if child.dep_ != "prep" or child.lower_ not in COMITATIVE_PREPS:
                continue
            with_ = child_of(child, "prep", lower="with")
            pobj = child_of(with_, "pobj") if with_ is not None else None
            if pobj is None or pobj.pos_ not in {"PROPN", "NOUN"}:
                continue
            co = self.args.arg(pobj, trim=True)  # "along with Y and Z": both, as one
            others = [o for o in pred.obliques if o.arg.end <= co.start or co.end <= o.arg.start]
            out.append(replace(pred, subject=co, obliques=others))
        return out


def subject_recovered(pred: Pred) -> bool:
    """Whether a claim's subject is not a dependent of its own words: not the subject or
    "by" agent of its verbs, not the agent of its event noun, not the noun its relative
    clause or apposition hangs from - so shared with another clause or repaired."""
    if pred.subject is None or pred.background:
        return False  # an apposition's subject is the name it describes
    head = pred.subject.head
    scope = {t.i for t in pred.scope}
    parent = head.head
    if head.dep_ in {"nsubj", "nsubjpass", "csubj", "csubjpass"} and parent.i in scope:
        return False
    if any(t.head.i == head.i and t.i != head.i for t in pred.scope):
        return False  # a relative clause, participle or apposition on the subject noun
    if head.dep_ == "pobj" and parent.head.i in scope:
        return not (parent.dep_ == "agent" or (pred.nominal and parent.lower_ in {"by", "between"}))
    return not (pred.nominal and parent.i in scope)


def claim_form(pred: Pred) -> ClaimForm:
    """How the text states a claim: a clause, an event noun, an apposition or a title."""
    if pred.nominal:
        return "noun"
    if pred.background:
        return "title" if pred.head.dep_ == "compound" else "apposition"
    return "clause"
