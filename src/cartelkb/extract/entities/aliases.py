"""Other names the text gives for a name: nicknames after it or quoted inside it, acronyms."""

from __future__ import annotations

from spacy.tokens import Doc

from cartelkb.extract.entities.drafts import Draft
from cartelkb.extract.tokens import texts as token_texts
from cartelkb.extract.tokens import tokens as token_objects
from cartelkb.knowledge import load
from cartelkb.lexicon import lexicon

_LEXICON = lexicon("entities")
# Each cue as its tokens: "known as" -> ("known", "as"), tried in file order.
NICKNAME_CUES = tuple(tuple(cue.split()) for cue in _LEXICON.phrases("nickname_cues"))
NICKNAME_CUE_LEAD = _LEXICON.words("nickname_cue_lead")
NICKNAME_PARTICLES = _LEXICON.words("nickname_particles")
QUOTED_NICKNAME_PARTICLES = _LEXICON.words("quoted_nickname_particles")
OPEN_QUOTES = _LEXICON.words("open_quotes")
CLOSE_QUOTES = _LEXICON.words("close_quotes")


def nickname_after(doc: Doc, end: int, limit: int) -> tuple[int, int] | None:
    """Token range of a nickname introduced right after a name.

    Covers "X, known as 'El Mencho'", "X aka El Chapo" and "X (El Mayo)".
    """
    toks = token_objects(doc)  # (`doc[i]` would build a new Token on every call)
    i = end
    if i < limit and toks[i].text == ",":
        i += 1
    if i < limit and toks[i].lower_ in NICKNAME_CUE_LEAD:  # "also known as", "or El Mayo"
        i += 1
    for cue in NICKNAME_CUES:
        if [t.lower_ for t in toks[i : i + len(cue)]] == list(cue):
            j = i + len(cue)
            if j < limit and toks[j].text == ",":  # "also known as, 'El Mayo'"
                j += 1
            break
    else:
        if i < limit and toks[i].text == "(":
            j = i
        else:
            return None
    quoted = j < limit and (toks[j].text in OPEN_QUOTES or toks[j].text == "(")
    if quoted:
        j += 1
    k = j
    while k < limit and (toks[k].text[:1].isupper() or toks[k].lower_ in NICKNAME_PARTICLES):
        if toks[k].text in CLOSE_QUOTES or toks[k].text == ")":
            break
        k += 1
    if k == j or k - j > 4:
        return None
    if quoted and not (k < limit and (toks[k].text in CLOSE_QUOTES or toks[k].text in {")", ","})):
        return None
    return j, k


def inner_nickname(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range of a quoted nickname inside a name span, if any."""
    for i in range(start + 1, end - 2):
        if doc[i].text in OPEN_QUOTES:
            for j in range(i + 2, min(end - 1, i + 6)):
                if doc[j].text in CLOSE_QUOTES:
                    return i + 1, j
            return None
    return None


def acronym_after(doc: Doc, end: int, limit: int) -> tuple[int, int] | None:
    """An acronym defined in parentheses after a name: "Drug Enforcement Administration (DEA)"."""
    if end + 2 < limit + 1 and end < limit and doc[end].text == "(":
        inner = end + 1
        if inner < limit and inner + 1 < len(doc) and doc[inner + 1].text == ")":
            tok = doc[inner]
            letters = tok.text.rstrip("s").replace(".", "").replace("-", "")
            if 2 <= len(letters) <= 8 and letters.isupper():
                return inner, inner + 1
    return None


def join_quoted_nicknames(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Rejoin a name the NER split at a quoted nickname: Joaquín “El Chapo” Guzmán Loera.

    The NER often returns "Joaquín" (as ORG, or nothing) and "Guzmán Loera" (PERSON, or
    nothing) around the quotes. A capitalized name, a quoted capitalized phrase of at
    most four words and a capitalized name, in a row, are one person; the quoted words
    are the nickname (`inner_nickname` then records them as an alias).
    """
    by_start = {d.start: d for d in drafts}
    by_end = {d.end: d for d in drafts}
    titles = load().title_set

    def proper(token) -> bool:  # type: ignore[no-untyped-def]
        return token.is_alpha and token.text[:1].isupper() and token.pos_ == "PROPN"

    merged: list[Draft] = []
    toks = token_objects(doc)
    for q, text in enumerate(token_texts(doc)):
        if text not in OPEN_QUOTES or text == "'" or q == 0:
            continue  # (read off the token texts)
        close = next(
            (c for c in range(q + 2, min(q + 6, len(doc))) if toks[c].text in CLOSE_QUOTES),
            None,
        )
        if close is None or close + 1 >= len(doc):
            continue
        if not all(
            t.text[:1].isupper() or t.lower_ in QUOTED_NICKNAME_PARTICLES
            for t in toks[q + 1 : close]
        ):
            continue
        left, right = by_end.get(q), by_start.get(close + 1)
        if left is not None and (left.canonical or left.end - left.start > 2):
            continue
        if right is not None and (right.canonical or right.label not in {"PERSON", "ORG"}):
            continue
        first = left.start if left is not None else q - 1
        if left is None and not proper(toks[q - 1]):
            continue
        if left is None:
            # Two given names the NER left out: Néstor Isidro "El Nini" Pérez Salas.
            while (
                first > 0
                and q - first < 3
                and proper(toks[first - 1])
                and not toks[first - 1].ent_type_
                and toks[first - 1].text not in titles
                and not toks[first].is_sent_start
            ):
                first -= 1
        if right is not None:
            end = right.end
        else:
            end = close + 1
            while end < len(doc) and end - close <= 3 and proper(toks[end]):
                end += 1
            if end == close + 1:
                continue
        if left is None and right is None:
            continue  # corroboration: the NER saw a name on at least one side
        role = next((d.role for d in (left, right) if d is not None and d.role), None)
        merged.append(Draft(first, end, "PERSON", role=role))
    if not merged:
        return drafts
    inside = {id(d) for d in drafts for m in merged if m.start <= d.start and d.end <= m.end}
    return sorted([d for d in drafts if id(d) not in inside] + merged, key=lambda d: d.start)
