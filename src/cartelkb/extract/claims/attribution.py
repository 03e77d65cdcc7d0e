"""Attribution: who a claim is according to (reporting verbs, "according to", quotations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from cartelkb.extract.claims.arguments import Arg, Arguments
from cartelkb.extract.claims.context import Article
from cartelkb.extract.claims.modality import hedge_cue
from cartelkb.extract.claims.quotes import Quotations
from cartelkb.extract.claims.roles import Roles
from cartelkb.extract.claims.syntax import child_of
from cartelkb.extract.claims.vocab import (
    HEDGING_SPEECH,
    INQUIRY_NOUNS,
    NEGATING_SPEECH,
    NOMINALIZATIONS,
    REPORT_NOUNS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
)
from cartelkb.extract.tokens import children_of

if TYPE_CHECKING:
    from cartelkb.extract.claims.clauses import Pred
    from cartelkb.extract.claims.voice import Voice

# Attribution follows textacy's `direct_quotations` and Krestel et al. 2008 ("Minding the
# Source"): a reporting verb's subject is the source of its complement clause and of a
# quotation next to it.


class Attribution:
    """Finds the source (and the outer sources) of a claim."""

    def __init__(
        self, article: Article, args: Arguments, roles: Roles, quotes: Quotations, voice: Voice
    ):
        self.article = article
        self.args = args
        self.roles = roles
        self.quotes = quotes
        self.voice = voice
        self._according: dict[int, Arg | None] = {}  # sentence start -> its "according to X"
        # the article's tables, read often and never changed
        self.doc = article.doc

    def attribute(self, pred: Pred) -> None:
        """Set a claim's source and source chain, and the hedge or negation its reporting
        verb adds: reporting verbs and statements governing the clause (nearest first),
        "according to"/"as reported by" markers, a reversed "..., the DOJ said", the
        speaker of a quotation holding it, else the sentence's "according to"."""
        sources: list[Arg] = []
        hedge: str | None = None
        negation: str | None = None
        current = pred.head
        # a nominal inside "Reports of X by Y"
        if pred.nominal and current.dep_ == "pobj" and current.head.lower_ == "of":
            host = current.head.head
            if host.pos_ == "NOUN" and host.lemma_.lower() in REPORT_NOUNS:
                sources.append(self.args.span_arg(host.left_edge, host))
                hedge = host.text
        # an appositive relation is background the writer supplies, whoever speaks around
        # it; only a quotation containing it attributes it
        visited = 12 if pred.background else 0
        in_noun_phrase = pred.nominal  # no clause crossed yet on the way up
        while visited < 12:
            visited += 1
            for child in children_of(current):
                source = self._marker_source(child)
                if source is not None:
                    sources.append(source)
            parent = self.article.parent(current)
            if parent.i == current.i:
                break
            dep = current.dep_
            if current.pos_ in {"VERB", "AUX"}:
                in_noun_phrase = False
            if (
                dep in {"ccomp", "parataxis"}
                and parent.pos_ == "VERB"
                and (parent.lemma_ in SPEECH_VERBS)
            ) or (
                # "emphasized the collaboration between A and B", "announced the arrest
                # of X": an event noun in the object of a reporting verb is what is said
                in_noun_phrase
                and dep == "dobj"
                and parent.pos_ == "VERB"
                and parent.lemma_ in SPEECH_VERBS
            ):
                speaker_roles = self.roles.of(parent)
                speaker = speaker_roles[0] if speaker_roles else None
                if speaker is not None and not _is_event(speaker):
                    # an event is no speaker: "the prosecution underscores the resolve
                    # of X to act" is said by whoever says it, further up
                    sources.append(speaker)
                if hedge is None and parent.lemma_ in HEDGING_SPEECH:
                    hedge = parent.text
                if negation is None and parent.lemma_ in NEGATING_SPEECH:
                    negation = parent.text
                parent_hedge = hedge_cue([parent])
                if hedge is None and parent_hedge:
                    hedge = parent_hedge
            elif (
                dep in {"acl", "ccomp", "relcl"}
                and parent.pos_ == "NOUN"
                and (parent.lemma_.lower() in STATEMENT_NOUNS)
                and child_of(current, "mark") is not None
            ):
                # "said in a statement that X": the statement's author or its reporter
                source = self._statement_source(parent)
                if source is not None:
                    sources.append(source)
                if parent.lemma_.lower() in REPORT_NOUNS and hedge is None:
                    hedge = parent.text
            current = parent
        # the speech verb's own reversed attribution: "X happened, the DOJ said"
        for child in children_of(pred.head):
            if child.dep_ == "parataxis" and child.lemma_ in SPEECH_VERBS:
                roles = self.roles.of(child)
                if roles and roles[0] is not None and not child_of(child, "ccomp"):
                    sources.insert(0, roles[0])
            elif child.dep_ == "conj" and child.lemma_ in SPEECH_VERBS:
                # "..., announced U.S. Attorney Y" read as a conjunct (Roles.of)
                speaker = self.roles.inverted_speaker(child)
                if speaker is not None and not child_of(child, "ccomp"):
                    sources.insert(0, speaker)
        if not sources:
            quote = self.quotes.containing(pred.head)
            if (
                quote is not None
                and quote.speaker is not None
                and (quote.verb is None or quote.verb.i != pred.head.i)
            ):
                sources.append(quote.speaker)
        if not sources and not pred.background:
            fallback = self._sentence_according(self.article.sent(pred.head))
            if fallback is not None:
                sources.append(fallback)
        if not sources:
            # a statement's, remarks' or transcript turn's speaker (voice.py)
            voice = self.voice.speaker_at(pred.head.idx)
            if voice is not None:
                sources.append(voice.arg)
        # a claim is not its own source ("Sheinbaum said" is not according to Sheinbaum)
        sources = [
            s
            for s in sources
            if not (
                pred.subject
                and s.start == pred.subject.start
                and pred.head.lemma_ in SPEECH_VERBS
                and s.head.i == pred.subject.head.i
            )
        ]
        if sources:
            pred.source, pred.source_chain = sources[0], sources[1:]
        if hedge and pred.hedge_cue is None:
            pred.hedge_cue = hedge
        if negation and pred.negation_cue is None:
            pred.negation_cue = negation
        if pred.head.lemma_ in SPEECH_VERBS:
            self._quoted_object(pred)

    def _quoted_object(self, pred: Pred) -> None:
        """What a speaker said is the whole quotation, when the verb introduces one."""
        quote = self.quotes.introduced_by(pred.head)
        first, last = (
            (self.doc[quote.start], self.doc[quote.end]) if quote is not None else (None, None)
        )
        if (
            first is not None
            and last is not None
            and (
                pred.object is None
                or (first.idx <= pred.object.start and pred.object.end <= last.idx + len(last.text))
            )
        ):
            while last.i > first.i and (last.is_punct or last.is_space):
                last = self.doc[last.i - 1]
            pred.object = Arg(first.idx, last.idx + len(last.text), last)

    def _marker_source(self, child: Token) -> Arg | None:
        """ "according to X" and "as reported by X" / "as X said" attached to a clause."""
        if child.lower_ == "according" and child.dep_ == "prep":
            to = child_of(child, "prep", lower="to")
            pobj = child_of(to, "pobj") if to is not None else None
            return self.args.arg(pobj, trim=True) if pobj is not None else None
        if child.dep_ == "advcl" and child.lemma_ in SPEECH_VERBS:
            mark = child_of(child, "mark")
            if mark is not None and mark.lower_ == "as":
                agent = self.roles.agent(child)
                if agent is not None:
                    return agent
                subj = child_of(child, "nsubj")
                if subj is not None:
                    return self.args.arg(subj, trim=True)
        return None

    def _sentence_according(self, sent: Span) -> Arg | None:
        """The sentence's "according to X", for a claim that has no source nearer."""
        if sent.start in self._according:
            return self._according[sent.start]
        found = None
        # most sentences have none: skip the scan (Span.text would join the tokens)
        if "according" in self.article.text[sent.start_char : sent.end_char].lower():
            for tok in sent:
                if tok.lower_ == "according":
                    to = child_of(tok, "prep", lower="to")
                    pobj = child_of(to, "pobj") if to is not None else None
                    if pobj is not None:
                        found = self.args.arg(pobj, trim=True)
                        break
        self._according[sent.start] = found
        return found

    def _statement_source(self, noun: Token) -> Arg | None:
        """Who a statement is by: its possessor or "by" phrase, the subject of the reporting
        verb it hangs from ("said in a statement"), else a report noun itself."""
        poss = child_of(noun, "poss")
        if poss is not None:
            return self.args.arg(poss, trim=True)
        by = child_of(noun, "prep", lower="by")
        if by is not None and child_of(by, "pobj") is not None:
            return self.args.arg(child_of(by, "pobj"), trim=True)  # type: ignore[arg-type]
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            verb = noun.head.head
            if verb.pos_ == "VERB" and verb.lemma_ in SPEECH_VERBS:
                roles = self.roles.of(verb)
                if roles and roles[0] is not None:
                    return roles[0]
        if noun.lemma_.lower() in REPORT_NOUNS:
            return self.args.span_arg(noun.left_edge, noun)
        return None


def _is_event(arg: Arg) -> bool:
    """An argument headed by an event noun ("The successful prosecution of X"), not a
    report or an inquiry, which speaks ("a Senate investigation found that ...")."""
    head = arg.head
    lemma = head.lemma_.lower()
    return (
        head.pos_ == "NOUN"
        and lemma in NOMINALIZATIONS
        and lemma not in REPORT_NOUNS
        and lemma not in STATEMENT_NOUNS
        and lemma not in INQUIRY_NOUNS
    )
