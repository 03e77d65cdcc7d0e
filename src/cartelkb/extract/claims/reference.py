"""Reference: which mention an argument names (pronouns, descriptions, group nouns)."""

from __future__ import annotations

import bisect
import weakref
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from cartelkb.extract.claims.context import Article
from cartelkb.extract.claims.syntax import CLAUSE_DEPS, child_of, child_words, has_child
from cartelkb.extract.claims.vocab import (
    AFFILIATION_PREPS,
    COUNTRY_NOUNS,
    EMPTY_NON_IT,
    EXAMPLE_PREPS,
    FIRST_PERSON,
    FIRST_PERSON_PLURAL,
    FIRST_PERSON_SINGULAR,
    IT_PRONOUNS,
    MEMBER_NOUNS,
    ORG_NOUNS,
    PAIR_DETERMINERS,
    PAIR_NOUNS,
    PEOPLE_NOUNS,
    PERSON_OF_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_DEMONSTRATIVES,
    PLURAL_PRONOUNS,
    REFERRING_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
)
from cartelkb.extract.reader.bylines import is_person_name
from cartelkb.extract.tokens import children_of, labelled
from cartelkb.extract.tokens import deps as token_deps
from cartelkb.extract.tokens import lemmas as token_lemmas
from cartelkb.extract.tokens import poses as token_poses
from cartelkb.extract.tokens import tags as token_tags
from cartelkb.extract.tokens import tokens as token_objects
from cartelkb.knowledge import name_key

if TYPE_CHECKING:
    from cartelkb.extract.claims.arguments import Arg, Arguments
    from cartelkb.extract.claims.quotes import Quotations
    from cartelkb.extract.claims.voice import Voice

_DETERMINER_DEPS = frozenset({"det", "nummod", "predet"})
_PRONOUN_SCAN = 40  # how many mentions back a pronoun or description may look


class Linker:
    """Links arguments to mentions; keeps each sentence's subjects, the antecedents."""

    def __init__(self, article: Article, args: Arguments) -> None:
        self.article = article
        # held weakly: the Arguments own this linker, and a cycle between the two would
        # keep the article's objects (and through their tokens the Doc) alive after the
        # extraction, until the next full garbage collection
        self.args = weakref.proxy(args)
        # the article's tables, read often and never changed
        self.doc = article.doc
        self.mentions = article.mentions
        self.tok2m = article.tok2m
        self.tok_starts = article.tok_starts
        self.sents = article.sents
        self.sent_of = article.sent_of
        self.countries = article.countries
        self.cartels = article.cartels
        self.agencies = article.agencies
        # sentence number -> its subjects, the main clause's first (see collect_subjects)
        self.subjects: dict[int, list[Arg]] = {}
        self.people = self._people()
        # first-person pronouns wait for the quotations, whose speakers they may denote
        self.voice: Voice | None = None
        self.quotes: Quotations | None = None
        # (argument, its first-person word, whether only an organization may be meant)
        self._pending: list[tuple[Arg, Token, bool]] = []

    def resolve_first_person(self, voice: Voice, quotes: Quotations) -> None:
        """Link the first-person pronouns met so far, and those met from now on, to the
        speaker they denote (`Voice.first_person`); call once the quotations are found."""
        self.voice, self.quotes = voice, quotes
        for arg, pronoun, org_only in self._pending:
            arg.ref = self._first_person(pronoun, org_only)
        self._pending = []

    def forget_speakers(self) -> None:
        """Drop the voice and the quotations (`resolve_first_person`) once the article's
        claims are done: they refer back to the arguments, a cycle otherwise."""
        self.voice = self.quotes = None

    def _first_person(self, tok: Token, org_only: bool = False) -> int | None:
        assert self.voice is not None and self.quotes is not None
        quote = self.quotes.containing(tok)
        speaker = quote.speaker if quote is not None else None
        m = self.voice.first_person(tok, speaker, quote is not None)
        if org_only and m is not None and self.mentions[m].label == "PERSON":
            return None  # "our officers" of a speaker with no organization: not the speaker
        return m

    def collect_subjects(self, sent: Span) -> list[Arg]:
        """Subjects of a sentence, the main clause's first (centering: most salient)."""
        out: list[Arg] = []
        # filled in text order, so a pronoun can look back at earlier subjects
        self.subjects[self.sent_of[sent.start]] = out
        for tok in labelled(sent, {"nsubj", "nsubjpass"}):
            if tok.pos_ in {"PUNCT", "SPACE"}:
                continue
            if tok.lower_ in RELATIVE_PRONOUNS:
                continue
            if tok.lower_ in EMPTY_NON_IT and not _modified_demonstrative(tok):
                continue
            out.append(self.args.arg(tok, trim=True))
        root = sent.root
        out.sort(key=lambda a: (a.head.head.i != root.i, a.head.i))
        return out

    def link(self, arg: Arg) -> tuple[int | None, bool]:
        """The mention an argument names: its head's mention, an antecedent, or the first.

        Returns:
            (mention index or None, whether the argument denotes an unnamed person).
        """
        head = arg.head
        m = self.tok2m.get(head.i)
        if m is not None:
            return m, False
        if head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.i in self.tok2m:
            # "Project Coronado, a 44-month investigation targeting ...": the description
            # in apposition names what its name names
            m = self.tok2m[head.head.i]
            return m, self.mentions[m].label == "PERSON"
        word = head.lower_
        if word in FIRST_PERSON:
            if self.quotes is None:
                self._pending.append((arg, head, False))
                return None, word in FIRST_PERSON_SINGULAR
            return self._first_person(head), word in FIRST_PERSON_SINGULAR
        if head.pos_ == "PRON" or word in REFERRING_PRONOUNS:
            return self._resolve_pronoun(head), word in PERSON_PRONOUNS
        lemma = head.lemma_.lower()
        det = child_words(head, _DETERMINER_DEPS)
        if lemma in PAIR_NOUNS and det & PAIR_DETERMINERS:
            # "both nations", "the two governments" denote the pair, and no one mention
            # stands for it: left unlinked, and kept from the country look-up below
            return None, False
        inside = list(self.article.mentions_in(arg.start, arg.end))
        if det & PAIR_DETERMINERS and head.tag_ == "NNS" and not inside:
            found = self._resolve_people_pair(head)
            if found is not None:
                return found, False
        if (
            head.tag_ == "NNS"
            and lemma in ORG_NOUNS
            and det & (PAIR_DETERMINERS | PLURAL_DEMONSTRATIVES)
            and not inside
        ):
            found = self._resolve_group_pair(head)
            if found is not None:
                return found, False  # "These two organizations" -> CJNG (and Los Cuinis)
        if "the" in det or has_child(head, "poss"):
            if lemma in ROLE_NOUNS:
                return self._resolve_role(head, lemma), True
            if lemma in ORG_NOUNS and not inside:
                return self._resolve_org(head, ORG_NOUNS[lemma]), False
            if lemma in COUNTRY_NOUNS and not inside and "the" in det:
                return self._resolve_country(head), False
        if det == {"the"} and not inside and head.pos_ == "NOUN" and head.tag_ == "NN":
            found = self._resolve_head_match(head, lemma)
            if found is not None:
                return found, False
        inside = [m for m in inside if self._stands_for_phrase(m, head)]
        if inside:
            for child in children_of(head):
                # "Cartels like CJNG", "agencies, including the DEA": the named example
                if child.dep_ == "prep" and child.lower_ in EXAMPLE_PREPS:
                    pobj = child_of(child, "pobj")
                    if pobj is not None and pobj.i in self.tok2m:
                        return self.tok2m[pobj.i], False
            return inside[0], False
        poss = child_of(head, "poss")
        if poss is not None and poss.lower_ in REFERRING_PRONOUNS:
            return self._resolve_pronoun(poss), False  # "his administration" -> Trump
        if (
            poss is not None
            and poss.lower_ in FIRST_PERSON_PLURAL
            and head.tag_ == "NNS"
            and head.lemma_.lower() in MEMBER_NOUNS
        ):
            # "our officers and agents": the speaker's organization's people ("our
            # communities" are not)
            if self.quotes is None:
                self._pending.append((arg, poss, True))
                return None, False
            return self._first_person(poss, org_only=True), False
        return None, False

    def _stands_for_phrase(self, m: int, head: Token) -> bool:
        """A name inside a phrase stands for it unless it sits in a place/time modifier,
        or hangs off a noun for a person related to it: "the son of El Chapo", "a CJNG
        cell leader", "one of the sons of X" are not El Chapo, CJNG or X."""
        first = bisect.bisect_right(self.tok_starts, self.mentions[m].start) - 1
        tok = self.doc[first]
        steps = 0
        if tok.i != head.i and head.lemma_.lower() in PERSON_OF_NOUNS:
            return False
        while tok.i != head.i and steps < 12:
            if tok.i != first and tok.lemma_.lower() in PERSON_OF_NOUNS and tok.pos_ == "NOUN":
                return False
            if tok.dep_ == "prep" and tok.lower_ not in AFFILIATION_PREPS:
                return False
            if tok.head.i == tok.i:
                return False
            tok = tok.head
            steps += 1
        return True

    def _people(self) -> frozenset[int]:
        """Mentions of people: those tagged PERSON, and names tagged otherwise that a
        person mentioned in the article also bears ("Arellano-Felix" beside "Eduardo
        Arellano-Felix") or that are shaped as a personal name and known as nothing else
        ("Mauro Tello Quinones"): the tagger's label is not needed to resolve "he"."""
        surnames = {
            name_key(m.name).split()[-1]
            for m in self.mentions
            if m.label == "PERSON" and name_key(m.name)
        }
        found = set()
        for i, m in enumerate(self.mentions):
            key = name_key(m.name).split()
            if (
                m.label == "PERSON"
                or m.label == "ORG"
                and key
                and m.canonical is None
                and (key[-1] in surnames or is_person_name(m.name))
            ):
                found.add(i)
        return frozenset(found)

    def _compatible(self, pronoun: str, cand: Arg) -> tuple[bool, int | None]:
        """Whether an earlier subject can be a pronoun's antecedent, and its mention."""
        label = self.mentions[cand.ref].label if cand.ref is not None else None
        if pronoun in PERSON_PRONOUNS:
            ok = cand.ref in self.people or (label is None and cand.person)
        elif pronoun in PLURAL_PRONOUNS:
            ok = cand.plural or label in {"ORG", "GPE"}
        else:
            # "it" mostly refers to things ("This label ... It could allow strikes"):
            # an unnamed singular antecedent is accepted (and stops the search) unless
            # it is a person; a name must be an organization or, for "its", a place.
            ok = not cand.plural and not cand.person and label != "PERSON"
            if ok and label is not None and pronoun != "its" and label != "ORG":
                return True, None
        return ok, cand.ref

    def _resolve_pronoun(self, tok: Token) -> int | None:
        """Nearest compatible antecedent: subjects first (same sentence, then the
        previous one, as in centering theory), then the nearest compatible name."""
        word = tok.lower_
        if word not in REFERRING_PRONOUNS:
            return None
        n = self.article.sent_no(tok)
        same = [a for a in self.subjects.get(n, []) if a.head.i < tok.i]
        same.sort(key=lambda a: -a.head.i)
        candidates = [*same, *self.subjects.get(n - 1, [])]
        if word in PLURAL_PRONOUNS:
            # number agreement first: a plural subject ("the two brothers", "Those
            # extradited"), else a plural noun earlier in the sentence ("sanctions against
            # 10 individuals for their involvement"), before a singular organization read
            # as a collective
            previous = self.subjects.get(n - 1, [])
            for group in (same, self._plural_nouns_before(tok), previous):
                plural = [c for c in group if c.plural and c.head.i != tok.i]
                if plural:
                    return plural[0].ref
        for cand in candidates:
            if cand.head.i >= tok.i and self.article.sent_no(cand.head) == n:
                continue
            ok, ref = self._compatible(word, cand)
            if ok:
                return ref
        floor = self.sents[max(n - 2, 0)].start_char
        for m in self.article.mentions_before(tok.idx, floor, _PRONOUN_SCAN):
            label = self.mentions[m].label
            if word in PERSON_PRONOUNS and m in self.people:
                return m
            if word in PLURAL_PRONOUNS and label in {"ORG", "GPE"}:
                return m
            if word in IT_PRONOUNS and (label == "ORG" or (word == "its" and label == "GPE")):
                return m
        return None

    def _resolve_head_match(self, tok: Token, lemma: str) -> int | None:
        """The name a definite description repeats: "The report cited ..." -> the name in
        "an NBC News report" two sentences back.

        A definite noun phrase repeats the head noun of its antecedent (the "strict head
        match" sieve of Lee et al. 2013); the antecedent's named modifier is the referent.
        Only the nearest earlier phrase with that head counts; an unnamed one stops.
        """
        floor = self.sents[max(self.article.sent_no(tok) - 3, 0)].start
        doc = self.doc
        poses, lemmas, objects = token_poses(doc), token_lemmas(doc), token_objects(doc)
        for i in range(tok.i - 1, floor - 1, -1):
            if poses[i] != "NOUN" or lemmas[i].lower() != lemma:
                continue  # (read off the tables: most tokens are not the head noun)
            cand = objects[i]
            for child in children_of(cand):
                m = self.tok2m.get(child.i)
                if (
                    m is not None
                    and child.dep_ in {"compound", "poss", "nmod"}
                    and self.mentions[m].label in {"PERSON", "ORG"}
                ):
                    return m
            if child_of(cand, "det", lower="the") is None:
                return None
        return None

    def _resolve_group_pair(self, tok: Token) -> int | None:
        """The organizations "these two organizations" or "these cartels" denote: the
        nearest earlier coordination of two organization names in this or the two
        previous sentences ("CJNG and its close ally Los Cuinis DTO"); its first name."""
        floor = self.sents[max(self.article.sent_no(tok) - 2, 0)].start_char
        for m in self.article.mentions_before(tok.idx, floor, _PRONOUN_SCAN):
            if self.mentions[m].label != "ORG":
                continue
            first = self.article.token_range(self.mentions[m].start, self.mentions[m].end)
            for i in first:
                for conj in self.doc[i].conjuncts:
                    others = [conj, *(c for c in children_of(conj) if c.dep_ == "appos")]
                    # "its close ally Los Cuinis DTO": the name may stop before the head
                    others += [c for o in others for c in children_of(o) if c.dep_ == "compound"]
                    if any(
                        o.i in self.tok2m
                        and self.tok2m[o.i] != m
                        and self.mentions[self.tok2m[o.i]].label == "ORG"
                        for o in others
                    ):
                        # the coordination's first name stands for the pair
                        return min(m, *(self.tok2m[o.i] for o in others if o.i in self.tok2m))
        return None

    def _resolve_people_pair(self, tok: Token) -> int | None:
        """The people "Both brothers" or "the two men" denote: the nearest plural subject
        naming people in this or the two previous sentences ("Two of those designated, A
        and B")."""
        n = self.article.sent_no(tok)
        for k in (n, n - 1, n - 2):
            for cand in sorted(self.subjects.get(k, []), key=lambda a: -a.head.i):
                if k == n and cand.head.i >= tok.i:
                    continue
                if (
                    cand.plural
                    and cand.ref is not None
                    and self.mentions[cand.ref].label == "PERSON"
                ):
                    return cand.ref
        return None

    def _plural_nouns_before(self, tok: Token) -> list[Arg]:
        """Plural noun phrases about people or groups in the pronoun's sentence before it,
        nearest first (animacy agreement, as in Lee et al. 2013: "they killed" does not
        take "rocket attacks and raids").
        """
        sent = self.article.sent(tok)
        # the phrases containing the pronoun up to its clause ("the leaders of their
        # group"): a phrase cannot be the antecedent of a pronoun inside it
        containing: set[int] = set()
        current = tok
        while current.dep_ not in CLAUSE_DEPS | {"ROOT", "xcomp"} and current.head.i != current.i:
            current = current.head
            containing.add(current.i)
        out: list[Arg] = []
        tags, labels, objects = token_tags(self.doc), token_deps(self.doc), token_objects(self.doc)
        for i in range(tok.i - 1, sent.start - 1, -1):
            if tags[i] != "NNS" or labels[i] in {"compound", "nmod", "poss"}:
                continue
            cand = objects[i]
            if cand.i in containing:
                continue
            if cand.lemma_.lower() not in PEOPLE_NOUNS:
                continue
            if cand.dep_ in {"nsubj", "nsubjpass"}:
                continue  # subjects were tried first
            if cand.dep_ in {"attr", "oprd"} or (cand.dep_ == "pobj" and cand.head.lower_ == "as"):
                continue  # a predicate ("Known as plaza bosses, they ..."), not a referent
            out.append(self.args.arg(cand, trim=True))
        return out

    def _resolve_role(self, tok: Token, role: str) -> int | None:
        """ "the senator" -> the nearest person introduced with that title."""
        country = self._country_modifier(tok)
        for m in self.article.mentions_before(tok.idx, 0, _PRONOUN_SCAN):
            mention = self.mentions[m]
            if mention.label != "PERSON":
                continue
            context = (mention.role or "") + " " + self.article.left_context(mention.start, 4)
            if role not in context.lower():
                continue
            if country is not None:
                other = {
                    c for c in self.countries if c != country and name_key(c) in name_key(context)
                }
                if other and name_key(country) not in name_key(context):
                    continue
            return m
        return None

    def _resolve_org(self, tok: Token, kind: str) -> int | None:
        """ "the cartel", "the agency" -> the nearest organization of that kind."""
        for m in self.article.mentions_before(tok.idx, 0, _PRONOUN_SCAN):
            mention = self.mentions[m]
            if mention.label != "ORG":
                continue
            canonical = mention.canonical or mention.name
            if kind == "cartel" and (canonical in self.cartels or "cartel" in canonical.lower()):
                return m
            if kind == "agency" and canonical in self.agencies:
                return m
        return None

    def _resolve_country(self, tok: Token) -> int | None:
        """ "the government", "the Mexican government" -> the nearest (matching) country."""
        country = self._country_modifier(tok)
        for m in self.article.mentions_before(tok.idx, 0, _PRONOUN_SCAN):
            mention = self.mentions[m]
            canonical = mention.canonical or mention.name
            if (
                mention.label == "GPE"
                and canonical in self.countries
                and (country is None or canonical == country)
            ):
                return m
        return None

    def _country_modifier(self, tok: Token) -> str | None:
        """The country named by a modifier of `tok` ("the Mexican government"), if any."""
        for child in children_of(tok):
            m = self.tok2m.get(child.i)
            if m is not None and self.mentions[m].label == "GPE":
                return self.mentions[m].canonical or self.mentions[m].name
        return None


def _modified_demonstrative(tok: Token) -> bool:
    """Whether a demonstrative with a modifier ("Those extradited", "those who fled")
    is a noun phrase about people, a possible antecedent of "they"."""
    return tok.lower_ in PLURAL_DEMONSTRATIVES and any(
        c.dep_ in {"acl", "relcl", "amod", "prep"} for c in children_of(tok)
    )
