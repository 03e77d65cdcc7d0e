"""The texts, offsets, dependency labels, heads, children, tags and lemmas of a Doc's
tokens, the Token objects themselves, the Doc's text and its entity Spans, read once per
Doc and shared.

Every `Token` spaCy hands out is a new Python object, so a list comprehension over the
Doc costs a pass of object creation; the extractors need the token texts and offsets
in several places per article. The lists are kept in `doc.user_data` (as
`cartelkb.extract.sentences` keeps the sentences) and must not be changed by callers;
`release` drops them when the article's extraction is done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, cast

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator, Sequence

    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span, Token

_KEY = "cartelkb_tokens"


class _Tables(NamedTuple):
    texts: list[str]
    starts: list[int]
    spaces: list[str]
    deps: list[str]
    lowers: list[str]
    poses: list[str]
    tags: list[str]
    lemmas: list[str]
    heads: list[int]


class _Names(dict[int, str]):
    """The string of each hash in one StringStore, read from the store on first sight, so
    the tables share one str object per distinct word, lemma and label instead of
    decoding one per token and attribute."""

    def __init__(self, strings: StringStore | None) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, key: int) -> str:
        assert self.strings is not None
        value = self[key] = self.strings[key]
        return value


# The names of the last StringStore the tables were built from (a process has one
# pipeline); started afresh for another store or past the limit, so it cannot grow
# without bound over a long ingest.
_names = _Names(None)
_NAMES_LIMIT = 500_000


def _names_of(strings: StringStore) -> _Names:
    global _names
    if _names.strings is not strings or len(_names) > _NAMES_LIMIT:
        _names = _Names(strings)
    return _names


def _tables(doc: Doc) -> _Tables:
    tables = doc.user_data.get(_KEY)
    if tables is None:
        from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, ORTH, POS, SPACY, TAG

        # one array of the token attributes: no Token object per token and attribute
        array = doc.to_array([ORTH, IDX, SPACY, DEP, LOWER, POS, TAG, LEMMA, HEAD])
        name = _names_of(doc.vocab.strings).__getitem__
        orth, idx, space, dep, lower, pos, tag, lemma = array[:, :8].T.tolist()
        # HEAD is the offset of the head, stored unsigned: read it back as signed
        offsets = array[:, 8].astype("int64").tolist()
        tables = _Tables(
            texts=list(map(name, orth)),
            starts=idx,
            spaces=[" " if s else "" for s in space],
            deps=list(map(name, dep)),
            lowers=list(map(name, lower)),
            poses=list(map(name, pos)),
            tags=list(map(name, tag)),
            lemmas=list(map(name, lemma)),
            heads=[i + offset for i, offset in enumerate(offsets)],
        )
        doc.user_data[_KEY] = tables
    return tables  # type: ignore[no-any-return]


def children(doc: Doc) -> list[Sequence[int]]:
    """The indexes of each token's children, in text order (`token.children`). A leaf
    (about half the tokens) shares the empty tuple instead of owning an empty list: the
    table is built for every article, and those lists were most of its allocations."""
    found = doc.user_data.get(_CHILDREN_KEY)
    if found is None:
        table: list[list[int] | tuple[()]] = [()] * len(doc)
        for i, head in enumerate(heads(doc)):
            if head != i:
                kids = table[head]
                if isinstance(kids, list):
                    kids.append(i)
                else:
                    table[head] = [i]
        found = doc.user_data[_CHILDREN_KEY] = table
    return cast("list[Sequence[int]]", found)


_CHILDREN_KEY = "cartelkb_children"


def deps(doc: Doc) -> list[str]:
    """The dependency label of each token (`token.dep_`), by token index."""
    return _tables(doc).deps


def lowers(doc: Doc) -> list[str]:
    """The lowercase text of each token (`token.lower_`), by token index."""
    return _tables(doc).lowers


def doc_text(doc: Doc) -> str:
    """`doc.text`, which makes a Token object per token again on each access: here it is
    joined once from the token tables."""
    found = doc.user_data.get(_TEXT_KEY)
    if found is None:
        tables = _tables(doc)
        found = doc.user_data[_TEXT_KEY] = "".join(map(str.__add__, tables.texts, tables.spaces))
    return str(found)


_TEXT_KEY = "cartelkb_text"


def texts(doc: Doc) -> list[str]:
    """The text of each token (`token.text`), by token index."""
    return _tables(doc).texts


def starts(doc: Doc) -> list[int]:
    """The offset of each token's first character (`token.idx`), by token index."""
    return _tables(doc).starts


def spaces(doc: Doc) -> list[str]:
    """The whitespace after each token (`token.whitespace_`), by token index."""
    return _tables(doc).spaces


def char_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The character offsets of the tokens [start, end) (`doc[start:end]`'s start_char
    and end_char), without building the Span."""
    if end <= start:
        at = starts(doc)[start] if start < len(doc) else len(doc_text(doc))
        return at, at
    words, offsets = texts(doc), starts(doc)
    return offsets[start], offsets[end - 1] + len(words[end - 1])


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text`, cut from the Doc's text without building the Span."""
    first, last = char_bounds(doc, start, end)
    return doc_text(doc)[first:last]


def release(doc: Doc) -> None:
    """Drop every table the extractors keep in `doc.user_data` (these, the sentences,
    the heading answers). Some hold Spans, which refer back to the Doc: left in place,
    that cycle keeps a Doc whose extraction is done alive until a full collection of
    the garbage collector, which then has every such Doc to traverse."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("cartelkb_")]:
        del doc.user_data[key]


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as one list: `doc[i]`, `token.head` and `token.children` build a
    new Token object on every access, a list hands out the same ones."""
    found = doc.user_data.get(_TOKENS_KEY)
    if found is None:
        found = doc.user_data[_TOKENS_KEY] = list(doc)
    return found  # type: ignore[no-any-return]


_TOKENS_KEY = "cartelkb_token_objects"


def child_tokens(doc: Doc) -> list[Sequence[Token]]:
    """`token.children` of each token (objects of `tokens`), in text order; a leaf's is
    the shared empty tuple, as in `children`."""
    found = doc.user_data.get(_CHILD_TOKENS_KEY)
    if found is None:
        objects = tokens(doc)
        found = [[objects[k] for k in kids] if kids else () for kids in children(doc)]
        doc.user_data[_CHILD_TOKENS_KEY] = found
    return found  # type: ignore[no-any-return]


_CHILD_TOKENS_KEY = "cartelkb_child_tokens"


def heads(doc: Doc) -> list[int]:
    """The index of each token's syntactic head (`token.head.i`; a root is its own)."""
    return _tables(doc).heads


def poses(doc: Doc) -> list[str]:
    """The coarse part of speech of each token (`token.pos_`), by token index."""
    return _tables(doc).poses


def tags(doc: Doc) -> list[str]:
    """The fine-grained tag of each token (`token.tag_`), by token index."""
    return _tables(doc).tags


def lemmas(doc: Doc) -> list[str]:
    """The lemma of each token (`token.lemma_`), by token index."""
    return _tables(doc).lemmas


def entities(doc: Doc) -> Sequence[Span]:
    """`doc.ents`, which builds its Spans again on each access: read once per Doc."""
    found = doc.user_data.get(_ENTS_KEY)
    if found is None:
        found = doc.user_data[_ENTS_KEY] = doc.ents
    return found  # type: ignore[no-any-return]


_ENTS_KEY = "cartelkb_ents"


def labelled(sent: Span, labels: Collection[str]) -> Iterator[Token]:
    """The tokens of `sent` whose dependency label is one of `labels`, in text order:
    read off the label table, so only those are handed out as Token objects."""
    doc = sent.doc
    objects, found = tokens(doc), deps(doc)
    for i in range(sent.start, sent.end):
        if found[i] in labels:
            yield objects[i]


def children_of(tok: Token) -> Sequence[Token]:
    """`tok.children` as a list from `child_tokens` (shared: callers must not change it)."""
    return child_tokens(tok.doc)[tok.i]
