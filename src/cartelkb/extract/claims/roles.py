"""Roles of a verb: its subject and patient, the voice, and the subjects it inherits."""

from __future__ import annotations

from spacy.tokens import Token

from cartelkb.extract.claims.arguments import Arg, Arguments
from cartelkb.extract.claims.context import Article
from cartelkb.extract.claims.syntax import (
    PARTICIPLE_TAGS,
    child_of,
    clause_dep,
    has_child,
    is_infinitive,
    is_parenthesized,
    relcl_antecedent,
)
from cartelkb.extract.claims.vocab import (
    APPROXIMATORS,
    COMITATIVE_PREPS,
    COURTESY_VERBS,
    CREDIT_VERBS,
    FACTIVE_ADJECTIVES,
    FRONTLINE_NOUNS,
    GATHERING_VERBS,
    INSTRUMENT_VERBS,
    LIGHT_VERBS,
    LOCATIVE_VERBS,
    OBJECT_CONTROL_VERBS,
    OPPORTUNITY_NOUNS,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
    SUBJECT_SHARING_PHRASES,
    SUBJECT_SHARING_PREPS,
)
from cartelkb.extract.tokens import children_of


class Roles:
    """Subjects, patients and agents of verbs, read off the parse and repaired."""

    def __init__(self, article: Article, args: Arguments) -> None:
        self.article = article
        self.args = args
        # the article's tables, read often and never changed
        self.doc = article.doc
        self.mentions = article.mentions
        self.tok2m = article.tok2m

    def of(self, verb: Token, depth: int = 0) -> tuple[Arg | None, Arg | None, bool] | None:
        """(subject, patient, passive) of a verb, inheriting from the governing clause.

        ClausIE-style: conjoined verbs share their subject, participial adverbial
        clauses and "by/after ...-ing" complements take the subject of their head,
        relative clauses take their antecedent.
        """
        if depth > 6:
            return None
        if verb.lemma_ in COURTESY_VERBS:
            speaker = self._courtesy_speaker(verb)
            if speaker is not None:
                return speaker, None, False
        subject = patient = None
        split_from: Token | None = None  # the first of two subjects the parser split
        for child in children_of(verb):
            if child.pos_ in {"PUNCT", "SPACE"}:
                continue  # the parser sometimes labels a final "." nsubj ("%" is a noun)
            if child.dep_ == "nsubj":
                if subject is not None and child_of(subject, "cc") is not None:
                    # "FBI Director X III and ATF Acting Director Y participated": one
                    # coordinated subject read as two, the first holding the "and"
                    split_from = split_from or subject
                subject = child
            elif child.dep_ == "nsubjpass":
                patient = child
            elif child.dep_ == "expl":
                return None
        if subject is not None:
            subject = self._past_dateline(subject)
        if verb.dep_ == "relcl":
            antecedent = relcl_antecedent(verb)
            if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
                subject = antecedent
            if patient is not None and patient.lower_ in RELATIVE_PRONOUNS:
                patient = antecedent
        if subject is not None and split_from is not None:
            return self.args.span_arg(split_from.left_edge, subject, split_from), None, False
        if subject is not None:
            return self.args.arg(subject, trim=True), None, False
        if patient is not None:
            return None, self.args.arg(patient, trim=True), True
        dep = clause_dep(verb, self.article.dep(verb))
        if dep == "parataxis" and verb.tag_ == "VBN":
            named = self._parenthesized_of(verb)
            if named is not None:
                return None, named, True
        head = self.article.parent(verb)
        if dep == "conj" and verb.lemma_ in SPEECH_VERBS:
            # "X pleaded guilty to ..., announced U.S. Attorney Y": the parser may read the
            # inverted reporting verb as a second conjunct; its speaker follows it
            speaker = self.inverted_speaker(verb)
            if speaker is not None:
                return speaker, None, False
        if dep == "conj" and head.pos_ in {"VERB", "AUX"}:
            inherited = self.of(head, depth + 1)
            if inherited is None:
                return None
            h_subj, h_patient, h_passive = inherited
            if h_passive and (verb.tag_ == "VBN" or _controls_missing_object(verb)):
                return None, h_patient, True
            if verb.tag_ == "VBN" and child_of(verb, "auxpass") is not None:
                return None, h_subj, True  # "X is a partner of Y and is charged in ..."
            if h_passive:
                return h_patient, None, False  # "X was arrested and confessed"
            if verb.tag_ == "VBN" and child_of(verb, "agent") is not None:
                return None, h_subj, True
            return h_subj, None, False
        if (
            (dep == "advcl" and is_infinitive(verb) and head.lemma_ in INSTRUMENT_VERBS)
            or is_instrument_purpose(verb)
            or is_gathering_purpose(verb)
        ):
            # "the cartels use clandestine labs to produce fentanyl": they produce it;
            # "X joined Y to announce ...": X announced it
            inherited = self.of(head, depth + 1)
            if inherited is None or inherited[0] is None or inherited[2]:
                return None
            return inherited[0], None, False
        if dep == "xcomp" and head.pos_ in {"VERB", "AUX"}:
            # control: "vowed to carry out deportations, sending troops" - the xcomp's
            # understood subject is the object of its head if it has one ("urged Mexico
            # to act"), else the head's subject (Postal 1970, subject/object control)
            dobj = child_of(head, "dobj")
            if dobj is not None and dobj.lower_ not in RELATIVE_PRONOUNS:
                return self.args.arg(dobj, trim=True), None, False
            inherited = self.of(head, depth + 1)
            if inherited is None or inherited[0] is None:
                return None  # "was used to consolidate debt": a purpose, no controller
            return inherited[0], None, False
        if dep == "advcl" and verb.tag_ in {"VBG", "VBN"}:
            inherited = self.of(head, depth + 1) if head.pos_ in {"VERB", "AUX"} else None
            if inherited is None:
                return None
            h_subj, h_patient, _ = inherited
            actor = h_subj or h_patient
            if verb.tag_ == "VBN":
                return None, actor, True  # "Arrested in 2016, X was extradited"
            return actor, None, False
        if dep == "pcomp":
            credited = self.credited(verb)
            if credited is not None:
                return self.args.arg(credited, trim=True), None, False
            host = self.pcomp_host(verb)
            if host is None:
                return None
            inherited = self.of(host, depth + 1)
            if inherited is None:
                return None
            h_subj, h_patient, _ = inherited
            return h_subj or h_patient, None, False
        if dep == "acl" and (
            (verb.tag_ == "VBG" and is_frontline(head)) or takes_opportunity(verb)
        ):
            # "DHS is on the frontlines fighting cartels": DHS fights them; "he took
            # every opportunity to terrorize": he terrorizes
            host = head.head if takes_opportunity(verb) else head.head.head
            inherited = self.of(host, depth + 1) if host.pos_ in {"VERB", "AUX"} else None
            if inherited is None or inherited[0] is None or inherited[2]:
                return None
            return inherited[0], None, False
        if dep == "acl":
            noun = self.args.arg(head, trim=True)
            if verb.tag_ in PARTICIPLE_TAGS:
                # "CJNG, led by X": the agent is found later; a participle the tagger
                # took for a past tense ("the targets announced today") is one too
                return None, noun, True
            return noun, None, False
        if verb.lemma_ in SPEECH_VERBS and dep in {"ROOT", "parataxis"}:
            speaker = self.inverted_speaker(verb)
            if speaker is not None:
                return speaker, None, False
        if dep == "ROOT":
            recovered = self._recover_subject(verb)
            if recovered is not None:
                return recovered, None, False
            quantified = self._approximated_subject(verb)
            if quantified is not None:
                if child_of(verb, "auxpass") is not None:
                    return None, quantified, True
                return quantified, None, False
        return None

    def _courtesy_speaker(self, verb: Token) -> Arg | None:
        """Who says "thank you" with no subject ("Madam Chairwoman, thank you for ...",
        the name a vocative): the speaker of the quotation or of the statement it is in."""
        obj = child_of(verb, "dobj")
        if verb.tag_ != "VBP" or obj is None or obj.lower_ != "you":
            return None
        subject = child_of(verb, "nsubj")
        if subject is not None and not (
            subject.pos_ == "PROPN" and subject.i < verb.i and subject.nbor(1).text == ","
        ):
            return None  # "we thank you": a subject of its own
        if any(c.dep_ in {"aux", "neg"} for c in children_of(verb)):
            return None
        linker = self.args.linker
        if linker.quotes is None or linker.voice is None:
            return None  # the quotations are being found: their speakers are not known
        quote = linker.quotes.containing(verb)
        if quote is not None:
            return quote.speaker
        speaker = linker.voice.speaker_at(verb.idx)
        return speaker.arg if speaker is not None else None

    def _parenthesized_of(self, verb: Token) -> Arg | None:
        """The name a participle alone in parentheses follows: "Pedro Ruiz Salas
        (arrested), Juan Ortega Mena (at large)" says Ruiz Salas was arrested."""
        doc, i = self.article.doc, verb.i
        if i < 2 or not is_parenthesized(verb):
            return None
        name = doc[i - 2]
        if name.is_quote and i >= 3:
            name = doc[i - 3]  # an alias in quotation marks: "“El Flaco” (captured)"
        if name.pos_ != "PROPN":
            return None
        m = self.article.tok2m.get(name.i)
        if m is None:
            return self.args.span_arg(name, name)
        mention = self.article.mentions[m]
        tokens = self.article.token_range(mention.start, mention.end)
        return self.args.span_arg(doc[tokens[0]], doc[tokens[-1]])

    def _past_dateline(self, subject: Token) -> Token:
        """The subject the parser hid behind a dateline it took for it: "BUTLER COUNTY,
        IOWA – Oversight by U.S. Sen. Chuck Grassley has revealed" -> Oversight."""
        end = self.article.dateline_end(subject.idx)
        if end is None:
            return subject
        for child in subject.rights:
            if child.dep_ in {"appos", "conj"} and child.idx >= end:
                return child
        return subject

    def _recover_subject(self, verb: Token) -> Arg | None:
        """The subject the parser swallowed into a fronted phrase.

        "Despite controversy over military involvement, Mexico and the United States
        have strengthened ..." comes out with "Mexico" as a conjunct of "involvement"
        and no subject: take the noun phrase between the comma and the verb group.
        """
        doc = self.doc
        if verb.tag_ == "VB" and not has_child(verb, "aux"):
            return None  # imperative
        j = verb.i - 1
        sent_start = self.article.sent(verb).start
        while (
            j >= sent_start
            and doc[j].head.i == verb.i
            and (
                doc[j].dep_ in {"aux", "neg", "advmod"}
                # "(OFAC) today designated": a time between the subject and its verb
                or (doc[j].dep_ == "npadvmod" and self.article.is_temporal(doc[j]))
            )
        ):
            j -= 1
        last = j  # the phrase's last token: a closing bracket ends "... (OFAC)"
        if j > sent_start and doc[j].text == ")":
            j -= 1
        if j < sent_start or doc[j].pos_ not in {"NOUN", "PROPN"} or doc[j].head.i > j:
            return None
        i = j
        while i > sent_start and doc[i - 1].text != ",":
            i -= 1
            if doc[i].pos_ in {"VERB", "AUX", "PRON"}:
                return None
        if i == sent_start or i == j and doc[i].pos_ != "PROPN":
            return None
        head = next(
            (t for t in doc[i : j + 1] if t.pos_ in {"NOUN", "PROPN"} and not i <= t.head.i <= j),
            None,
        )
        if head is None:
            return None
        return self.args.span_arg(doc[i], doc[last], head)

    def inverted_speaker(self, verb: Token) -> Arg | None:
        """The speaker after a reporting verb the parser left without a subject.

        Quotative inversion ("..., said Under Secretary of the Treasury for Terrorism and
        Financial Intelligence Brian E. Nelson in the press release") puts a long title
        and name after the verb, and the parser reads the title's "Under" or "for" as
        prepositions. After a quotation or a comma the verb's subject follows it (Collins &
        Branigan 1997, "Quotative inversion"): take the words up to the first named person
        (else organization) before a comma, the end of the sentence or another verb.
        """
        doc = self.doc
        before = doc[verb.i - 1] if verb.i > 0 else None
        if before is None or not (before.is_punct or before.is_quote):
            return None
        sent = self.article.sent(verb)
        found: dict[str, int] = {}
        last_tok: dict[str, int] = {}
        for tok in doc[verb.i + 1 : sent.end]:
            m = self.tok2m.get(tok.i)
            if tok.text in {",", ";", ":"} or tok.is_quote:
                break
            if m is None:
                if "PERSON" in found or tok.pos_ in {"VERB", "AUX"}:
                    break  # the name ended: "in the press release" is the verb's
                continue
            label = self.mentions[m].label
            if label in {"PERSON", "ORG"}:
                found.setdefault(label, m)
                if found[label] == m:
                    last_tok[label] = tok.i
        for label in ("PERSON", "ORG"):
            if label in found:
                end = doc[last_tok[label]]
                first = doc[verb.i + 1]
                return Arg(first.idx, end.idx + len(end.text), end, ref=found[label])
        return None

    def _approximated_subject(self, verb: Token) -> Arg | None:
        """A counted subject the parser read as a prepositional phrase.

        "Over two dozen fugitives from Mexico, accused of ..., were extradited" comes out
        with "Over" as a preposition of the verb and no subject. "over/about/around/under"
        before a number is an approximating modifier of the numeral, not a preposition
        (Huddleston & Pullum 2002), and a finite verb needs a subject: the phrase is it.
        """
        if not any(c.dep_ in {"aux", "auxpass"} for c in children_of(verb)) and verb.tag_ not in {
            "VBD",
            "VBZ",
            "VBP",
        }:
            return None  # not finite: an imperative or a fragment
        prep = next((c for c in verb.lefts if c.dep_ == "prep"), None)
        if prep is None or prep.lower_ not in APPROXIMATORS or prep.i != verb.left_edge.i:
            return None
        pobj = child_of(prep, "pobj")
        if pobj is None or pobj.pos_ not in {"NOUN", "PROPN"}:
            return None
        if not any(c.dep_ in {"nummod", "quantmod"} for c in children_of(pobj)):
            return None
        # nothing but punctuation and the verb group between the phrase and the verb
        for tok in self.doc[prep.right_edge.i + 1 : verb.i]:
            if not (
                tok.is_punct
                or (tok.head.i == verb.i and tok.dep_ in {"aux", "auxpass", "neg", "advmod"})
            ):
                return None
        arg = self.args.arg(pobj, trim=True)
        return Arg(prep.idx, arg.end, pobj, ref=arg.ref, plural=True, person=arg.person)

    def agent(self, verb: Token) -> Arg | None:
        """The "by" agent of a passive verb, also when the parser hung it on a noun."""
        agent = child_of(verb, "agent")
        if agent is None:
            return self._stranded_agent(verb)
        pobj = child_of(agent, "pobj")
        return self.args.arg(pobj, trim=True) if pobj is not None else None

    def _stranded_agent(self, verb: Token) -> Arg | None:
        """A passive's "by" phrase the parser hung on the noun before it: "cartels that
        have been classified as terrorist organizations by the Trump administration".

        Only a named agent in a "by" phrase closing the verb's own complement counts
        (a time - "by 2025" - or an unnamed noun may well modify that noun).
        """
        if not has_child(verb, "auxpass"):
            return None
        for prep in verb.rights:
            if prep.dep_ != "prep":
                continue
            pobj = child_of(prep, "pobj")
            by = child_of(pobj, "prep", lower="by") if pobj is not None else None
            target = child_of(by, "pobj") if by is not None else None
            if target is None or self.article.is_temporal(target):
                continue
            arg = self.args.arg(target, trim=True)
            if arg.ref is not None and self.mentions[arg.ref].label in {"PERSON", "ORG", "GPE"}:
                return arg
        return None

    def credited(self, verb: Token) -> Token | None:
        """Who a 'for' gerund of a crediting verb says did it: its object ("praised Mexico
        for extraditing X"), for "you" the name addressed ("Madam Chairwoman, thank you
        for holding ...": a name before the comma, parsed as a modifier or a subject)."""
        prep = verb.head
        host = prep.head
        if prep.dep_ != "prep" or prep.lower_ != "for" or host.lemma_ not in CREDIT_VERBS:
            return None
        obj = child_of(host, "dobj")
        if obj is None or obj.lower_ in RELATIVE_PRONOUNS:
            return None
        if obj.lower_ != "you":
            return obj
        for child in children_of(host):
            if (
                child.dep_ in {"npadvmod", "nsubj"}
                and child.pos_ == "PROPN"
                and child.i < host.i
                and child.nbor(1).text == ","
            ):
                return child  # the vocative
        return obj

    def pcomp_host(self, verb: Token) -> Token | None:
        """The verb whose subject a prepositional gerund shares, if any."""
        prep = verb.head
        if prep.dep_ != "prep":
            return None
        host = prep.head
        if host.pos_ in {"VERB", "AUX"} and prep.lower_ in SUBJECT_SHARING_PREPS:
            return _past_locative_modifier(host) or host  # "made headlines by rejecting"
        outer = host.head
        if (
            prep.lower_ == "with"
            and host.lower_ in COMITATIVE_PREPS
            and outer.pos_ in {"VERB", "AUX"}
        ):
            return outer  # "We do this through seizures, along with stopping guns"
        if (
            host.pos_ == "NOUN"
            and host.lower_ in SUBJECT_SHARING_PHRASES
            and host.dep_ == "pobj"
            and outer.lower_ == "in"
            and outer.head.pos_ in {"VERB", "AUX"}
        ):
            return outer.head  # "received bribes in exchange for providing rulings"
        # "were responsible for smuggling": an adjective that asserts the deed
        if (
            host.pos_ == "ADJ"
            and host.dep_ == "acomp"
            and host.lower_ in FACTIVE_ADJECTIVES
            and host.head.pos_ in {"VERB", "AUX"}
        ):
            return host.head
        # light verb + noun: "has a history of working with", "made progress in ..."
        if (
            host.pos_ == "NOUN"
            and host.dep_ in {"dobj", "attr"}
            and host.head.lemma_ in LIGHT_VERBS
        ):
            return host.head
        return None


def raised_roles(xcomp: Token, raised: Arg) -> tuple[Arg | None, Arg | None, bool]:
    """The roles inside a raising verb's infinitive: the raised subject is its subject,
    or its patient when the infinitive is passive."""
    if child_of(xcomp, "auxpass") is not None:
        return None, raised, True  # "is expected to be extradited"
    return raised, None, False


def _past_locative_modifier(host: Token) -> Token | None:
    """The clause verb a means gerund skips to when the parser hung it on a locative
    participle modifying that verb's object ("Treasury focused on cartels operating out
    of Mexico by targeting their associates": Treasury targets them). A state of being
    somewhere has no means, so "by ...-ing" belongs to the clause (LOCATIVE_VERBS)."""
    if host.dep_ != "acl" or host.tag_ != "VBG" or host.lemma_ not in LOCATIVE_VERBS:
        return None
    if child_of(host, "dobj") is not None:
        return None
    noun = host.head
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in {"pobj", "dobj"} or verb.pos_ not in {"VERB", "AUX"}:
        return None
    return verb


def _controls_missing_object(verb: Token) -> bool:
    """An object-control verb in the past with its infinitive and no object: after a
    passive ("was sentenced and ordered to forfeit") it is a passive participle too."""
    return (
        verb.tag_ == "VBD"
        and verb.lemma_ in OBJECT_CONTROL_VERBS
        and child_of(verb, "xcomp") is not None
        and child_of(verb, "dobj") is None
    )


def is_frontline(noun: Token) -> bool:
    """A position one acts from, in a prepositional phrase: "on the frontlines", "at the
    forefront", "on the front line" (FRONTLINE_NOUNS)."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return False
    lemma = noun.lemma_.lower()
    return lemma in FRONTLINE_NOUNS or (
        lemma == "line" and any(c.lower_ == "front" for c in children_of(noun))
    )


def takes_opportunity(verb: Token) -> bool:
    """An infinitive on the object of "take"/"seize" that is the subject's deed ("took
    every opportunity to terrorize", OPPORTUNITY_NOUNS)."""
    noun = verb.head
    return (
        is_infinitive(verb)
        and noun.dep_ == "dobj"
        and noun.lemma_.lower() in OPPORTUNITY_NOUNS
        and noun.head.lemma_ in {"take", "seize"}
    )


def is_gathering_purpose(verb: Token) -> bool:
    """The speech verb of "X joined Y today to announce ...": done at the gathering
    (GATHERING_VERBS), not only intended."""
    return (
        verb.dep_ == "advcl"
        and is_infinitive(verb)
        and verb.lemma_ in SPEECH_VERBS
        and verb.head.lemma_ in GATHERING_VERBS
    )


def is_instrument_purpose(verb: Token) -> bool:
    """The infinitive of "use X to V" read as a complement of "use": what the subject
    does with X (INSTRUMENT_VERBS), not X's own deed."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and is_infinitive(verb)
        and head.lemma_ in INSTRUMENT_VERBS
        and child_of(head, "dobj") is not None
        and child_of(head, "auxpass") is None
    )
