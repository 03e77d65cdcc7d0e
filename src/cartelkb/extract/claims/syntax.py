"""Look-ups on spaCy's dependency parse, and the one correction the extractor makes to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cartelkb.extract.claims.vocab import PARTICIPLE_SPEECH
from cartelkb.extract.tokens import children as token_children
from cartelkb.extract.tokens import children_of, labelled
from cartelkb.extract.tokens import deps as token_deps
from cartelkb.extract.tokens import lowers as token_lowers
from cartelkb.extract.tokens import tokens as token_objects

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Dependencies of embedded clauses that carry claims (and dates) of their own.
CLAUSE_DEPS = frozenset({"ccomp", "conj", "advcl", "relcl", "parataxis", "acl"})
# Marks that set off an apposition or a non-restrictive modifier.
APPOSITION_MARKS = frozenset({",", "—", "–", "("})
# Tags of a participle modifying a noun (acl) with no subject of its own: the tagger takes
# many for past tenses ("the targets announced today").
PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})


def child_of(tok: Token, dep: str, lower: str | None = None) -> Token | None:
    """The first child of `tok` with dependency `dep` (and lowercase text `lower`).

    Read off the Doc's token tables (`cartelkb.extract.tokens`): the extractors ask this
    of most tokens, and `Token.children` makes a Token object per child on every call.
    """
    doc = tok.doc
    kids = token_children(doc)[tok.i]
    if not kids:
        return None
    labels = token_deps(doc)
    for k in kids:
        if labels[k] == dep and (lower is None or token_lowers(doc)[k] == lower):
            return token_objects(doc)[k]
    return None


def subtree_indices(tok: Token) -> list[int]:
    """The indexes of `tok.subtree`, in its order (each left child's subtree, the token,
    each right child's), read off the children table instead of making Tokens."""
    kids = token_children(tok.doc)
    out: list[int] = []
    # an explicit stack: (index, expanded) pairs, to keep deep parses off the call stack
    stack: list[tuple[int, bool]] = [(tok.i, False)]
    while stack:
        i, expanded = stack.pop()
        if expanded:
            out.append(i)
            continue
        children = kids[i]
        for k in reversed(children):
            if k > i:
                stack.append((k, False))
        stack.append((i, True))
        for k in reversed(children):
            if k < i:
                stack.append((k, False))
    return out


def has_child(tok: Token, dep: str) -> bool:
    """Whether `tok` has a child with dependency `dep` (read off the token tables)."""
    labels = token_deps(tok.doc)
    return any(labels[k] == dep for k in token_children(tok.doc)[tok.i])


def child_words(tok: Token, deps: frozenset[str]) -> set[str]:
    """The lowercase texts of `tok`'s children with one of these dependencies."""
    doc = tok.doc
    labels, lowers = token_deps(doc), token_lowers(doc)
    return {lowers[k] for k in token_children(doc)[tok.i] if labels[k] in deps}


def is_infinitive(verb: Token) -> bool:
    """A verb with its own infinitival "to"."""
    return child_of(verb, "aux", lower="to") is not None


def is_parenthesized(tok: Token) -> bool:
    """A word alone in parentheses: "Pedro Ruiz Salas (arrested)"."""
    doc, i = tok.doc, tok.i
    return 0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"


def clause_dep(verb: Token, dep: str) -> str:
    """A verb's dependency as a clause: a participle alone in parentheses after a name,
    which the parser hangs as an apposition or modifier, is a clause of its own."""
    if verb.tag_ == "VBN" and dep in {"appos", "advcl", "acl"} and is_parenthesized(verb):
        return "parataxis"
    return dep


def relcl_antecedent(verb: Token) -> Token:
    """The noun a relative clause modifies."""
    return verb.head


def misattached_participles(sent: Span) -> dict[int, Token]:
    """Sentence-final speech participles to give back to the clause of the speaker.

    "Sheinbaum dismissed reports suggesting that the U.S. was planning strikes,
    calling the idea unacceptable": the parser hangs "calling" on "planning", the
    nearest verb. A comma-set participial clause at the end of a sentence modifies the
    main clause (the free adjunct takes the matrix subject: Kortmann 1991, "Free
    Adjuncts and Absolutes in English"); when it is an act of speech or evaluation and
    the nearest verb sits inside a reported or embedded clause, it is the main
    clause's subject who speaks.

    Returns:
        token index of each such participle -> the sentence root it modifies.
    """
    doc = sent.doc
    moved: dict[int, Token] = {}
    root = sent.root
    if root.pos_ != "VERB":
        return moved
    last = sent.end - 1
    while last > sent.start and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    for tok in labelled(sent, {"advcl", "acl"}):
        if (
            tok.tag_ != "VBG"
            or tok.lemma_ not in PARTICIPLE_SPEECH
            or tok.i < tok.head.i
            or tok.right_edge.i < last
            or tok.left_edge.i == sent.start
            or doc[tok.left_edge.i - 1].text != ","
            or any(c.dep_ in {"nsubj", "nsubjpass"} for c in children_of(tok))
        ):
            continue
        # an object's participle ("rejected claims ..., calling them speculation") or
        # an adverbial one inside an embedded clause
        embedded = tok.dep_ == "acl" and tok.head.dep_ in {"dobj", "pobj"}
        current = tok.head
        while current.i != root.i and current.head.i != current.i:
            if current.dep_ in {"ccomp", "acl", "relcl"}:
                embedded = True
            current = current.head
        if embedded and current.i == root.i:
            moved[tok.i] = root
    return moved
