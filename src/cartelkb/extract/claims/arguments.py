"""Arguments of a claim: noun-phrase bounds, their head, and the mention each one names."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from cartelkb.extract.claims.context import Article
from cartelkb.extract.claims.reference import Linker
from cartelkb.extract.claims.syntax import APPOSITION_MARKS, child_of, has_child, subtree_indices
from cartelkb.extract.claims.vocab import (
    AFFILIATION_PREPS,
    DEMONSTRATIVES,
    EMPTY_SUBJECTS,
    JOINT_NOMINALS,
    PLURAL_WORDS,
    SINGULAR_NUMERALS,
)
from cartelkb.extract.tokens import children as token_children
from cartelkb.extract.tokens import children_of, span_text
from cartelkb.extract.tokens import deps as token_deps
from cartelkb.extract.tokens import tokens as token_objects


@dataclass
class Arg:
    """An argument span (char offsets) with its head token and the mention it names."""

    start: int
    end: int
    head: Token
    ref: int | None = None  # index into the mention list
    plural: bool = False
    person: bool = False  # a he/she pronoun or a role noun without a named referent


# the dependents that may end a noun phrase early (`np_bounds`)
_BOUNDING_DEPS = frozenset({"prep", "relcl", "acl", "appos", "advcl"})


class Arguments:
    """Builds the arguments of clauses, once per head token, and links each one.

    Linking belongs to `reference.Linker`, which in turn builds the arguments of the
    antecedents it considers: the two share this one cache, so an argument is the same
    object wherever it is met.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        # the article's tables, read often and never changed
        self.doc = article.doc
        self.mentions = article.mentions
        self.tok2m = article.tok2m
        self._cache: dict[tuple[int, bool], Arg] = {}
        self._members: dict[tuple[int, int, int, int | None], list[int]] = {}
        self.linker = Linker(article, self)

    def arg(self, head: Token, trim: bool) -> Arg:
        """The noun phrase headed by `head`, linked (see `np_bounds` for `trim`)."""
        key = (head.i, trim)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        start, end = self.np_bounds(head, trim)
        named = self._named_apposition(head)
        plural = head.tag_ in {"NNS", "NNPS"} or has_child(head, "conj")
        if named is not None:
            # "Two of those designated, A and B, are based in ...": the names are who
            last = named.right_edge
            while last.i > named.i and (last.is_punct or last.is_space):
                last = self.doc[last.i - 1]
            end = max(end, last.idx + len(last.text))
            plural = plural or has_child(named, "conj")
        if (head.tag_ == "CD" and head.lower_ not in SINGULAR_NUMERALS) or (
            head.lower_ in PLURAL_WORDS
        ):
            plural = True  # "Two of those designated", "they", "those extradited"
        arg = Arg(start, end, head, plural=plural)
        self._cache[key] = arg  # before linking: a pronoun may look back at itself
        if named is not None:
            arg.ref = self.tok2m[named.i]
        else:
            arg.ref, arg.person = self.linker.link(arg)
        return arg

    def members(self, arg: Arg) -> list[int]:
        """Every mention a coordinated argument names, its own first ("Mexico and the
        United States": both; "Deputy Attorney General Rosenstein and I": Rosenstein and
        the speaker); empty unless it names more than one.

        The conjuncts of the argument's head, and of the name it is linked to, that lie
        inside the argument's span are linked each as an argument of its own.
        """
        key = (arg.start, arg.end, arg.head.i, arg.ref)
        cached = self._members.get(key)
        if cached is not None:
            return cached
        self._members[key] = result = self._coordinated(arg)
        return result

    def _coordinated(self, arg: Arg) -> list[int]:
        found: list[int] = [] if arg.ref is None else [arg.ref]
        named: range | list[int] = []
        if arg.ref is not None:
            mention = self.mentions[arg.ref]
            if arg.start <= mention.start and mention.end <= arg.end:
                named = self.article.token_range(mention.start, mention.end)
        coordinating = self.article.coordinating
        if arg.head.i not in coordinating and not any(i in coordinating for i in named):
            return []  # nothing coordinated with the head or the name: at most one
        seeds = [arg.head, *(self.doc[i] for i in named)]
        seeds += [c for c in children_of(arg.head) if self._listed_name(c)]
        seen = {t.i for t in seeds}
        for seed in list(seeds):
            if seed.i != arg.head.i and seed.dep_ == "appos":
                ref = self.arg(seed, trim=True).ref  # a listed name (see _listed_name)
                if ref is not None and ref not in found:
                    found.append(ref)
        for seed in seeds:
            for conj in seed.conjuncts:
                if conj.i in seen or not (arg.start <= conj.idx < arg.end):
                    continue
                seen.add(conj.i)
                ref = self.arg(conj, trim=True).ref
                if ref is not None and ref not in found:
                    found.append(ref)
        if found and self.mentions[found[0]].label == "PERSON":
            # a list of people: a group in one of their titles is not a member
            found = [m for m in found if self.mentions[m].label == "PERSON"]
        return found if len(found) > 1 else []

    def _listed_name(self, tok: Token) -> bool:
        """Whether an apposition of a name is the next item of a list of names the parser
        read as appositions: itself a name, with an "and"/"or" coordination after it
        ("Caldwell of the Criminal Division, Campbell of the FBI ... and Edge of ICE")."""
        if tok.dep_ != "appos" or tok.i not in self.tok2m or tok.head.i not in self.tok2m:
            return False
        if self.mentions[self.tok2m[tok.i]].label != "PERSON":
            return False
        return any(t.dep_ == "cc" and t.lower_ in {"and", "or"} for t in tok.subtree)

    def _named_apposition(self, head: Token) -> Token | None:
        """The name in apposition to a description: "One of those extradited, Robert
        Salazar, ..." -> Salazar. In such an appositive the name identifies the referent of
        the description (Quirk et al. 1985, apposition of designation); a name's own
        appositive description ("Zambada, a co-founder of ...") is a relation, not its
        referent. A relational description may stand between them: "another cartel
        chief, his brother-in-law Juan Roe, ..." -> Roe."""
        if head.i in self.tok2m or head.pos_ == "PROPN":
            return None
        for child in head.rights:
            if child.dep_ != "appos":
                continue
            if self.doc[child.left_edge.i - 1].text not in APPOSITION_MARKS:
                continue
            name: Token | None = child
            if child.i not in self.tok2m and child.pos_ == "NOUN":
                name = next(
                    (g for g in child.rights if g.dep_ == "appos" and g.i in self.tok2m), None
                )
            if name is None or name.i not in self.tok2m:
                continue
            if self.mentions[self.tok2m[name.i]].label not in {"PERSON", "ORG"}:
                continue
            return name
        return None

    def span_arg(self, first: Token, last: Token, head: Token | None = None) -> Arg:
        """The tokens from `first` to `last` as an argument headed by `head` (else `last`)."""
        head = head if head is not None else last
        plural = head.tag_ in {"NNS", "NNPS"} or has_child(head, "conj")
        arg = Arg(first.idx, last.idx + len(last.text), head, plural=plural)
        arg.ref, arg.person = self.linker.link(arg)
        return arg

    def clause_arg(self, verb: Token) -> Arg:
        """A clause as an argument ("said [that Mexico would act]"), without its marker."""
        doc = self.doc
        labels, own = token_deps(doc), set(token_children(doc)[verb.i])
        kept = [k for k in subtree_indices(verb) if not (labels[k] == "mark" and k in own)]
        for i, host in self.article.reattached.items():
            if host.i != verb.i and verb.left_edge.i < i <= verb.right_edge.i:
                # the speaker's own participle is not part of what was said
                cut = doc[i].left_edge.i - 1
                kept = [k for k in kept if k < cut]
        while kept and (doc[kept[-1]].is_punct or doc[kept[-1]].is_space):
            kept.pop()
        while kept and (doc[kept[0]].is_punct or doc[kept[0]].is_space):
            kept.pop(0)
        first, last = (doc[kept[0]], doc[kept[-1]]) if kept else (verb, verb)
        return Arg(first.idx, last.idx + len(last.text), verb)

    def np_bounds(self, head: Token, trim: bool) -> tuple[int, int]:
        """Char bounds of a noun phrase: the head's subtree, without trailing clauses.

        Non-restrictive modifiers set off by a comma are always dropped ("Sheinbaum in
        Mexico City, where ..."); with `trim` (subjects), so are the head's own trailing
        clauses and appositions ("Cartels like CJNG, led by ..." -> "Cartels like CJNG").
        """
        doc = self.doc
        toks = token_objects(doc)  # (`doc[k]` would build a new Token on every call)
        i, j = head.left_edge.i, head.right_edge.i
        if head.pos_ == "PROPN" and head.i in self.tok2m:
            # a name is not restricted by a place or time: "Sheinbaum [in Mexico City]" is
            # the verb's modifier the parser attached to the name
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ not in AFFILIATION_PREPS:
                    j = max(child.i - 1, head.i)
                    break
        labels = token_deps(doc)
        for k in range(head.i + 1, j + 1):
            if labels[k] not in _BOUNDING_DEPS:
                continue  # (read off the label table: most tokens are none of these)
            tok = toks[k]
            if tok.dep_ == "prep" and tok.head.i == head.i and tok.lower_ == "in":
                pobj = child_of(tok, "pobj")
                if pobj is not None and pobj.lemma_.lower() in JOINT_NOMINALS:
                    j = max(tok.i - 1, head.i)  # "in coordination with X" is the verb's
                    break
            if tok.dep_ not in {"relcl", "acl", "appos", "advcl"}:
                continue
            first = tok.left_edge.i
            if first <= head.i:
                continue
            own = tok.head.i == head.i
            comma = toks[first - 1].text in {",", ";", "—", "–"}
            if own and self._listed_name(tok):
                continue  # "A of X, B of Y and C made ...": a list, not an apposition
            if (trim and own) or (comma and tok.dep_ != "appos"):
                j = max(first - 1, head.i)
                break
        while j > head.i and (
            toks[j].is_space or toks[j].dep_ == "case" or (toks[j].is_punct and toks[j].text != ")")
        ):
            j -= 1
        while i < head.i and (toks[i].is_punct or toks[i].is_space):
            i += 1
        dateline = self.article.dateline_end(toks[i].idx)
        if dateline is not None and head.idx >= dateline:
            while i < head.i and toks[i].idx < dateline:
                i += 1  # "SAN DIEGO, CA - Eduardo Arellano-Felix": the dateline is no part
        if toks[j].text == ")" and "(" not in span_text(doc, i, j):
            j -= 1
        if head.i == j and toks[j].dep_ == "case" and j > i:
            j -= 1
        return toks[i].idx, toks[j].idx + len(toks[j].text)


def is_empty(arg: Arg) -> bool:
    """An argument without content of its own: "it", "this", "you" with no referent."""
    word = arg.head.lower_
    if word in EMPTY_SUBJECTS and arg.ref is None:
        return True
    return arg.end - arg.start <= len(arg.head.text) and word in DEMONSTRATIVES


def is_named(arg: Arg) -> bool:
    """An argument that names someone: linked to a mention, or headed by a proper noun
    the name tagger missed ("Zambada-Garcia is ...")."""
    return arg.ref is not None or (
        arg.head.pos_ == "PROPN" and arg.head.lower_ not in EMPTY_SUBJECTS
    )
