"""Doc -> named mentions: people, organizations and places with exact offsets and roles."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from cartelkb.extract.sentences import sentence_of
from cartelkb.knowledge import Knowledge, load, name_key
from cartelkb.lexicon import lexicon
from cartelkb.records import MentionRecord

_LEXICON = lexicon("entities")
KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC"}
GOVERNMENT_HEADS = _LEXICON.words("government_heads")
# Each cue as its tokens: "known as" -> ("known", "as"), tried in file order.
NICKNAME_CUES = tuple(tuple(cue.split()) for cue in _LEXICON.phrases("nickname_cues"))
NICKNAME_CUE_LEAD = _LEXICON.words("nickname_cue_lead")
NICKNAME_PARTICLES = _LEXICON.words("nickname_particles")
QUOTED_NICKNAME_PARTICLES = _LEXICON.words("quoted_nickname_particles")
OPEN_QUOTES = _LEXICON.words("open_quotes")
CLOSE_QUOTES = _LEXICON.words("close_quotes")
TRIM_START = _LEXICON.words("trim_start")
TITLE_MODIFIERS = _LEXICON.words("title_modifiers")


@dataclass
class _Draft:
    start: int  # token index
    end: int
    label: str
    canonical: str | None = None
    role: str | None = None
    source: str = "model"
    name: str | None = None
    acronym: str | None = None
    alias_of: int | None = None
    role_start: int | None = None  # token where a preceding title begins
    char_start: int | None = None  # set when the mention is part of one token ("U.S.-Mexico")
    char_end: int | None = None


def _sentence(doc: Doc, i: int) -> Span:
    """The sentence of token `i` (a per-Doc index: `Token.sent` scans the Doc)."""
    return sentence_of(doc, i)


def _is_heading(sent: Span) -> bool:
    """A heading line: short, no sentence-final punctuation, mostly capitalized words.

    Title-case lines fool the statistical NER ("Key Discussions on Bilateral Security"
    comes out as ORG), so names found only there need corroboration.
    """
    text = sent.text.strip()
    if not text or text[-1] in ".!?\"”'’" or len(sent) > 25:
        return False
    words = [t for t in sent if t.is_alpha]
    if not words:
        return False
    capitalized = sum(1 for t in words if t.text[0].isupper() or t.is_stop)
    return capitalized == len(words) and sum(t.text[0].isupper() for t in words) >= 2


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", trailing possessives and punctuation from a token range."""
    while start < end and (doc[start].text in TRIM_START or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].text in {"'s", "’s", "'", "’"}
        or (doc[end - 1].is_punct and doc[end - 1].text not in {".", ")"})
        or doc[end - 1].is_space
    ):
        end -= 1
    # "U.S." keeps its final period; a sentence period glued to a name does not.
    if end > start and doc[end - 1].text == "." and end - 1 > start:
        end -= 1
    return start, end


def _match_title(doc: Doc, start: int, kb: Knowledge, sent_start: int) -> tuple[int, str] | None:
    """Find a title (President, U.S. Senator, former US President...) just before `start`.

    Returns:
        (token index where the title begins, the title text) or None.
    """
    best: tuple[int, str] | None = None
    titles = kb.title_set
    for first in range(max(sent_start, start - 5), start):
        if doc[first:start].text in titles:
            best = (first, doc[first:start].text)
            break
    if best is None:
        best = _title_chain(doc, start, kb, sent_start)
    if best is None:
        return None
    first = best[0]
    # Widen over modifiers that belong to the role: "former", a country or its possessive.
    while first > sent_start:
        prev = doc[first - 1]
        if prev.lower_ in TITLE_MODIFIERS or (
            prev.ent_type_ in {"GPE", "NORP"} and prev.text not in {",", "and"}
        ):
            first -= 1
        elif prev.tag_ == "POS" and first - 2 >= sent_start and doc[first - 2].ent_type_ == "GPE":
            first -= 2
        else:
            break
    return first, doc[first:start].text


TITLE_GLUE = _LEXICON.words("title_glue")
TITLE_CHAIN_MAX = 14  # tokens between the title word and the name, at most


def _title_chain(doc: Doc, start: int, kb: Knowledge, sent_start: int) -> tuple[int, str] | None:
    """A title that runs on up to the name: "Under Secretary of the Treasury for Terrorism
    and Financial Intelligence Brian E. Nelson" -> the words before "Brian".

    Walks back over capitalized words and title glue (of, for, and, the) and stops at a
    person, a demonym, or any other lower-case word; the chain must begin with a known
    title and not end in glue.

    Returns:
        (token index where the title begins, the title text) or None.
    """
    first = start
    while first > sent_start and start - first < TITLE_CHAIN_MAX:
        prev = doc[first - 1]
        capitalized = prev.is_alpha and prev.text[:1].isupper()
        if prev.ent_type_ in {"PERSON", "NORP"} or not (
            capitalized
            or prev.ent_type_ in {"GPE", "LOC", "ORG"}  # "U.S." in "U.S. Attorney for"
            or prev.lower_ in TITLE_GLUE
            or prev.text in {"'s", "’s"}
        ):
            break
        first -= 1
    if first == start or doc[start - 1].lower_ in TITLE_GLUE:
        return None
    for i in range(first, start):
        for width in (4, 3, 2, 1):
            if i + width <= start and doc[i : i + width].text in kb.title_set:
                if i + width < start and doc[i + width].lower_ not in TITLE_GLUE:
                    # "Secretary Smith Director" is no chain: after the title word the
                    # chain goes on with "of"/"for", or the name follows at once.
                    continue
                return i, doc[i:start].text
    return None


def _extend_given_names(doc: Doc, start: int, kb: Knowledge) -> int:
    """Take in given names the NER left out ("Ovidio [Guzmán López]")."""
    sent_start = _sentence(doc, start).start
    if _title_chain(doc, start, kb, sent_start) is not None:
        return start  # the capitalized words before the name belong to a title
    steps = 0
    while start > sent_start and steps < 2:
        prev = doc[start - 1]
        if not (
            prev.pos_ == "PROPN"
            and prev.ent_type_ == ""
            and prev.is_alpha
            and prev.text[:1].isupper()
            and not prev.is_upper
            and prev.text not in kb.title_set
            and kb.lookup(prev.text) is None
        ):
            break
        start -= 1
        steps += 1
    return start


def _strip_leading_title(doc: Doc, start: int, end: int, kb: Knowledge) -> tuple[int, str | None]:
    """A title inside the entity span ("President Sheinbaum") moves to the role."""
    for cut in range(min(end - 1, start + 5), start, -1):
        if doc[start:cut].text in kb.title_set:
            return cut, doc[start:cut].text
    return start, None


def _nickname_after(doc: Doc, end: int, limit: int) -> tuple[int, int] | None:
    """Token range of a nickname introduced right after a name.

    Covers "X, known as 'El Mencho'", "X aka El Chapo" and "X (El Mayo)".
    """
    i = end
    if i < limit and doc[i].text == ",":
        i += 1
    if i < limit and doc[i].lower_ in NICKNAME_CUE_LEAD:  # "also known as", "or El Mayo"
        i += 1
    for cue in NICKNAME_CUES:
        if [t.lower_ for t in doc[i : i + len(cue)]] == list(cue):
            j = i + len(cue)
            if j < limit and doc[j].text == ",":  # "also known as, 'El Mayo'"
                j += 1
            break
    else:
        if i < limit and doc[i].text == "(":
            j = i
        else:
            return None
    quoted = j < limit and (doc[j].text in OPEN_QUOTES or doc[j].text == "(")
    if quoted:
        j += 1
    k = j
    while k < limit and (doc[k].text[:1].isupper() or doc[k].lower_ in NICKNAME_PARTICLES):
        if doc[k].text in CLOSE_QUOTES or doc[k].text == ")":
            break
        k += 1
    if k == j or k - j > 4:
        return None
    if quoted and not (k < limit and (doc[k].text in CLOSE_QUOTES or doc[k].text in {")", ","})):
        return None
    return j, k


def _inner_nickname(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range of a quoted nickname inside a name span, if any."""
    for i in range(start + 1, end - 2):
        if doc[i].text in OPEN_QUOTES:
            for j in range(i + 2, min(end - 1, i + 6)):
                if doc[j].text in CLOSE_QUOTES:
                    return i + 1, j
            return None
    return None


def _acronym_after(doc: Doc, end: int, limit: int) -> tuple[int, int] | None:
    """An acronym defined in parentheses after a name: "Drug Enforcement Administration (DEA)"."""
    if end + 2 < limit + 1 and end < limit and doc[end].text == "(":
        inner = end + 1
        if inner < limit and inner + 1 < len(doc) and doc[inner + 1].text == ")":
            tok = doc[inner]
            letters = tok.text.rstrip("s").replace(".", "").replace("-", "")
            if 2 <= len(letters) <= 8 and letters.isupper():
                return inner, inner + 1
    return None


def _known_parts(doc: Doc, start: int, end: int, kb: Knowledge) -> list[_Draft]:
    """Split a hyphenated compound of known names ("U.S.-Mexico") into its parts."""
    span = doc[start:end]
    if "-" not in span.text:
        return []
    parts: list[_Draft] = []
    offset = span.start_char
    for piece in span.text.split("-"):
        entry = kb.lookup(piece) if piece else None
        if entry is None:
            return []
        parts.append(
            _Draft(
                start,
                end,
                entry.type,
                canonical=entry.canonical,
                source="knowledge",
                char_start=offset,
                char_end=offset + len(piece),
            )
        )
        offset += len(piece) + 1
    return parts if len(parts) >= 2 else []


def _drafts(doc: Doc, kb: Knowledge) -> list[_Draft]:
    drafts: list[_Draft] = []
    for ent in doc.ents:
        label = ent.label_
        if label == "NORP":
            entry = kb.demonym(ent.text)
            # A demonym denotes the country when it modifies a noun ("Mexican
            # authorities", "Mexican-U.S."), not when it names people ("Mexicans").
            if entry is None or entry.type != "GPE" or ent.root.tag_ in {"NNPS", "NNS"}:
                # Only a country demonym is a mention of the country ("North American"
                # names a continent's people, not a place mentioned in the text).
                continue
            if ent.root.dep_ not in {"amod", "compound", "nmod", "npadvmod"} and not (
                ent.end < len(doc) and doc[ent.end].text == "-"
            ):
                continue
            if _names_a_language(doc, ent):
                continue
            drafts.append(
                _Draft(ent.start, ent.end, entry.type, canonical=entry.canonical, source="demonym")
            )
            continue
        if label not in KEPT_LABELS:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end or kb.is_category(doc[start:end].text):
            continue
        if end - start == 1 and doc[start].tag_ in {"NNS", "NNPS"} and not ent.ent_id_:
            # A capitalized plural common noun ("Cartels like CJNG") is not a name.
            continue
        parts = _known_parts(doc, start, end, kb)
        if parts:
            drafts.extend(parts)
            continue
        role = None
        if (
            label != "PERSON"
            and end - start == 1
            and end < len(doc)
            and doc[end].lower_ == "administration"
            and kb.lookup(doc[start].text) is None
        ):
            # "the Obama administration": the name before "administration" is a person.
            label = "PERSON"
        if label == "PERSON":
            start, role = _strip_leading_title(doc, start, end, kb)
            start = _extend_given_names(doc, start, kb)
        entry = kb.lookup(doc[start:end].text)
        source = "knowledge" if ent.ent_id_ else "model"
        if entry is not None:
            label = entry.type
        drafts.append(
            _Draft(
                start,
                end,
                label,
                canonical=entry.canonical if entry else None,
                role=role,
                source=source,
            )
        )
    return _join_quoted_nicknames(doc, drafts)


LANGUAGE_NOUNS = _LEXICON.words("language_nouns")


def _names_a_language(doc: Doc, ent: Span) -> bool:
    head = ent.root.head
    if head.i != ent.root.i and head.lower_ in LANGUAGE_NOUNS:
        return True
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) and doc[ent.end].text == "-" else None
    return after is not None and after.lower_ in LANGUAGE_NOUNS


SPEECH_LEMMAS = _LEXICON.words("speech_lemmas")


def _settle_lone_names(doc: Doc, drafts: list[_Draft]) -> None:
    """One label for a lone name the NER tags now PERSON, now ORG or GPE.

    An article that calls someone only by surname ("Zambada") gets a different label
    for each mention from the small model. When the name is tagged PERSON at least once
    and at least one of its mentions is the subject of a speech verb, every mention of
    it is the person. Gazetteer names and acronyms are left alone.
    """
    by_key: dict[str, list[_Draft]] = {}
    for d in drafts:
        token = doc[d.start]
        if (
            d.end - d.start == 1
            and d.canonical is None
            and d.source == "model"
            and token.is_title
            and not token.is_upper
        ):
            by_key.setdefault(name_key(token.text), []).append(d)
    for group in by_key.values():
        labels = {d.label for d in group}
        if "PERSON" not in labels or len(labels) == 1:
            continue
        spoke = any(
            doc[d.start].dep_ in {"nsubj", "nsubjpass"}
            and doc[d.start].head.lemma_.lower() in SPEECH_LEMMAS
            for d in group
        )
        if spoke:
            for d in group:
                d.label = "PERSON"


def _join_quoted_nicknames(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """Rejoin a name the NER split at a quoted nickname: Joaquín “El Chapo” Guzmán Loera.

    The NER often returns "Joaquín" (as ORG, or nothing) and "Guzmán Loera" (PERSON, or
    nothing) around the quotes. A capitalized name, a quoted capitalized phrase of at
    most four words and a capitalized name, in a row, are one person; the quoted words
    are the nickname (`_inner_nickname` then records them as an alias).
    """
    by_start = {d.start: d for d in drafts}
    by_end = {d.end: d for d in drafts}

    def proper(token) -> bool:  # type: ignore[no-untyped-def]
        return token.is_alpha and token.text[:1].isupper() and token.pos_ == "PROPN"

    merged: list[_Draft] = []
    for q, token in enumerate(doc):
        if token.text not in OPEN_QUOTES or token.text == "'" or q == 0:
            continue
        close = next(
            (c for c in range(q + 2, min(q + 6, len(doc))) if doc[c].text in CLOSE_QUOTES),
            None,
        )
        if close is None or close + 1 >= len(doc):
            continue
        if not all(
            t.text[:1].isupper() or t.lower_ in QUOTED_NICKNAME_PARTICLES
            for t in doc[q + 1 : close]
        ):
            continue
        left, right = by_end.get(q), by_start.get(close + 1)
        if left is not None and (left.canonical or left.end - left.start > 2):
            continue
        if right is not None and (right.canonical or right.label not in {"PERSON", "ORG"}):
            continue
        first = left.start if left is not None else q - 1
        if left is None and not proper(doc[q - 1]):
            continue
        if right is not None:
            end = right.end
        else:
            end = close + 1
            while end < len(doc) and end - close <= 3 and proper(doc[end]):
                end += 1
            if end == close + 1:
                continue
        if left is None and right is None:
            continue  # corroboration: the NER saw a name on at least one side
        role = next((d.role for d in (left, right) if d is not None and d.role), None)
        merged.append(_Draft(first, end, "PERSON", role=role))
    if not merged:
        return drafts
    inside = {id(d) for d in drafts for m in merged if m.start <= d.start and d.end <= m.end}
    return sorted([d for d in drafts if id(d) not in inside] + merged, key=lambda d: d.start)


def extract_mentions(doc: Doc, knowledge: Knowledge | None = None) -> Iterator[MentionRecord]:
    """Yield the named mentions of a parsed article.

    Args:
        doc: an article parsed by `cartelkb.extract.nlp.load_pipeline()`.
        knowledge: the gazetteer (defaults to the packaged data files).

    Yields:
        MentionRecord per name, sorted by offset; `text == doc.text[start:end]`.
    """
    kb = knowledge or load()
    text = doc.text  # Doc.text joins every token on each access: read it once
    drafts = _drafts(doc, kb)

    # Person surnames seen in this article: a lone "Sheinbaum" tagged ORG is the person.
    surnames = {
        name_key(doc[d.end - 1].text)
        for d in drafts
        if d.label == "PERSON" and d.end - d.start >= 2
    }
    for d in drafts:
        single = d.end - d.start == 1 and d.label != "PERSON" and d.source == "model"
        if single and name_key(doc[d.start].text) in surnames:
            d.label, d.canonical = "PERSON", None
    _settle_lone_names(doc, drafts)

    # Names seen only in heading lines need a second sighting in the body or the gazetteer.
    body_keys = set()
    heading = {}
    for d in drafts:
        sent = _sentence(doc, d.start)
        heading[id(d)] = _is_heading(sent)
        if not heading[id(d)] or d.canonical:
            body_keys.add(name_key(doc[d.start : d.end].text))
    surname_keys = {k.split()[-1] for k in body_keys if k}
    kept = [
        d
        for d in drafts
        if not heading[id(d)]
        or d.canonical
        or name_key(doc[d.start : d.end].text) in body_keys
        or (d.label == "PERSON" and name_key(doc[d.start : d.end].text) in surname_keys)
    ]

    kept = _refine_organizations(doc, _add_missed_surnames(doc, kept), kb)

    extra: list[_Draft] = []
    for d in kept:
        sent = _sentence(doc, d.start)
        inner = _inner_nickname(doc, d.start, d.end)
        if inner is not None and d.label in {"PERSON", "ORG"}:
            # Joaquín "El Chapo" Guzmán Loera: the quoted words are a nickname.
            d.label = "PERSON"
            d.name = _clean_name(
                doc[d.start : inner[0] - 1].text + " " + doc[inner[1] + 1 : d.end].text
            )
            extra.append(_Draft(inner[0], inner[1], "PERSON", alias_of=kept.index(d)))
        if d.label == "PERSON" and d.role is None:
            found = _match_title(doc, d.start, kb, sent.start)
            if found:
                d.role, d.role_start = found[1], found[0]
        # Nested governing bodies: "the Trump administration", "the Mexican government".
        if d.end < len(doc) and doc[d.end].lower_ in GOVERNMENT_HEADS:
            head = doc[d.end]
            if d.label == "PERSON" and head.lower_ == "administration":
                extra.append(_Draft(d.start, d.end + 1, "ORG", source=d.source))
            elif d.label == "GPE" and d.canonical and head.lower_ == "government":
                extra.append(
                    _Draft(
                        d.start,
                        d.end + 1,
                        "ORG",
                        source=d.source,
                        canonical=f"Government of {d.canonical}",
                    )
                )
        elif d.source == "demonym" and d.end < len(doc) and d.canonical:
            # "the U.S. and Mexican governments": the demonym's noun is a government.
            nxt = doc[d.end]
            if nxt.lemma_.lower() in {"government"}:
                extra.append(
                    _Draft(
                        d.start,
                        d.end + 1,
                        "ORG",
                        source="demonym",
                        canonical=f"Government of {d.canonical}",
                    )
                )
        acronym = _acronym_after(doc, d.end, sent.end)
        if acronym and d.label == "ORG":
            d.acronym = doc[acronym[0] : acronym[1]].text
        if d.label == "PERSON":
            nick = _nickname_after(doc, d.end, sent.end)
            if nick:
                extra.append(
                    _Draft(nick[0], nick[1], "PERSON", source="model", alias_of=kept.index(d))
                )
    # A title is not a name: "State" in "Secretary of State Marco Rubio" is no ORG.
    role_spans = [(d.role_start, d.start) for d in kept if d.role_start is not None]
    # A nickname found after a name replaces the NER's own guess for the same words.
    nick_spans = {(d.start, d.end) for d in extra if d.alias_of is not None}
    dropped = {
        id(d)
        for d in kept
        if (d.start, d.end) in nick_spans
        or any(rs <= d.start and d.end <= re_ for rs, re_ in role_spans)
    }
    if dropped:
        index_map: dict[int, int] = {}
        survivors: list[_Draft] = []
        for i, d in enumerate(kept):
            if id(d) not in dropped:
                index_map[i] = len(survivors)
                survivors.append(d)
        for d in extra:
            if d.alias_of is not None:
                d.alias_of = index_map.get(d.alias_of)
        kept = survivors
    # A nickname given in the text, met again alone, is the person even when the NER
    # calls it an organization ("El Chapo's sons").
    nicknames = {name_key(doc[d.start : d.end].text) for d in extra if d.alias_of is not None}
    for d in kept:
        if (
            d.label != "PERSON"
            and d.canonical is None
            and d.source == "model"
            and name_key(doc[d.start : d.end].text) in nicknames
        ):
            d.label = "PERSON"
    # Acronym tokens defined above: make sure each defined acronym is a mention.
    all_drafts = kept + extra
    covered = {(d.start, d.end) for d in all_drafts}
    for index, d in enumerate(kept):
        if d.acronym:
            acr = _acronym_after(doc, d.end, _sentence(doc, d.start).end)
            if acr and acr not in covered:
                all_drafts.append(_Draft(acr[0], acr[1], "ORG", alias_of=index))
                covered.add(acr)
            else:
                for other in all_drafts:
                    if acr and (other.start, other.end) == acr:
                        other.alias_of = index
                        other.label = "ORG"

    order = sorted(range(len(all_drafts)), key=lambda i: (all_drafts[i].start, all_drafts[i].end))
    unique: list[int] = []
    seen: dict[tuple[int, int, str], int] = {}
    first_of: dict[int, int] = {}
    for old in order:
        d = all_drafts[old]
        key = (d.char_start or d.start, d.char_end or d.end, d.label)
        if key not in seen:
            seen[key] = len(unique)
            unique.append(old)
        first_of[old] = seen[key]
    for old in unique:
        d = all_drafts[old]
        span = doc[d.start : d.end]
        sent = _sentence(doc, d.start)
        sent_end = sent.end_char
        while sent_end > sent.start_char and text[sent_end - 1].isspace():
            sent_end -= 1
        # alias_of holds an index into `kept`, a prefix of all_drafts.
        alias_of = first_of.get(d.alias_of) if d.alias_of is not None else None
        start_char = span.start_char if d.char_start is None else d.char_start
        end_char = span.end_char if d.char_end is None else d.char_end
        yield MentionRecord(
            text=text[start_char:end_char],
            start=start_char,
            end=end_char,
            label=d.label,  # type: ignore[arg-type]
            name=d.name or _clean_name(text[start_char:end_char]),
            role=d.role,
            canonical=d.canonical,
            acronym=d.acronym,
            alias_of=alias_of,
            source=d.source,  # type: ignore[arg-type]
            sent_start=sent.start_char,
            sent_end=max(sent_end, end_char),
        )


GENERIC_HEADS = _LEXICON.words("generic_heads")
NOT_ORGANIZATION_HEADS = _LEXICON.words("not_organization_heads")
UNIT_HEADS = _LEXICON.words("unit_heads")


def _refine_organizations(doc: Doc, drafts: list[_Draft], kb: Knowledge) -> list[_Draft]:
    """Organization mentions that need the rest of the article to be read right."""
    orgs = [d for d in drafts if d.label == "ORG" and d.end - d.start >= 2]
    cartels = {d.start for d in drafts if d.canonical and kb.is_cartel(d.canonical)}
    out: list[_Draft] = []
    not_orgs: set[str] = set()  # programs dropped, and the acronyms they define
    for d in drafts:
        words = [t.lower_ for t in doc[d.start : d.end]]
        if d.label == "ORG" and not d.canonical and words[-1] in NOT_ORGANIZATION_HEADS:
            acronym = _acronym_after(doc, d.end, _sentence(doc, d.start).end)
            if acronym is not None:
                not_orgs.add(doc[acronym[0] : acronym[1]].text)
            continue
        if d.end - d.start == 1 and not d.canonical and words[0] in GENERIC_HEADS:
            named = {
                (o.canonical or name_key(doc[o.start : o.end].text)): o
                for o in orgs
                if words[0] in {t.lower_ for t in doc[o.start : o.end]}
            }
            if len(named) != 1:
                continue  # "the Department" with no (or two) departments named: nobody
            target = next(iter(named.values()))
            d.label, d.canonical = "ORG", target.canonical
            d.name = " ".join(doc[target.start : target.end].text.split())
        elif d.end - d.start <= 2 and not d.canonical and cartels:
            # "the Sinaloa cartel, Jalisco New Generation, Gulf, Northeast and ...": a bare
            # name coordinated with known cartels is the cartel of that name.
            entry = kb.lookup(doc[d.start : d.end].text + " Cartel")
            if entry is not None and _coordinated_with(doc, d, cartels):
                d.label, d.canonical = entry.type, entry.canonical
        elif d.label == "ORG" and not d.canonical and words[-1] in UNIT_HEADS:
            owner = next(
                (
                    o
                    for o in drafts
                    if o.label == "ORG" and o.end + 1 == d.start and doc[o.end].text in {"'s", "’s"}
                ),
                None,
            )
            if owner is not None:
                owner_name = owner.canonical or doc[owner.start : owner.end].text
                d.name = f"{owner_name} {' '.join(doc[d.start : d.end].text.split())}"
        out.append(d)
    return [d for d in out if d.canonical or doc[d.start : d.end].text not in not_orgs]


def _coordinated_with(doc: Doc, d: _Draft, starts: set[int]) -> bool:
    """True when the draft's head is in one coordination (conj chain) with a listed draft."""

    def top(token):  # type: ignore[no-untyped-def]
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        return token

    root = top(doc[d.end - 1])
    return any(
        top(doc[s]) == root or top(doc[s].head) == root or top(doc[s]) == top(doc[d.start])
        for s in starts
    )


def _add_missed_surnames(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """Mentions of a named person's surname that the NER did not tag.

    After "Deputy Juan Escalante", "Escalante was shot" names him again; the small model
    often leaves such a lone surname untagged. Only capitalized proper nouns outside
    every entity span count, and only surnames of full names in the same article.
    """
    surnames: set[str] = set()
    for d in drafts:
        if d.label != "PERSON" or d.end - d.start < 2 or _inner_nickname(doc, d.start, d.end):
            continue
        last = doc[d.end - 1]
        if last.is_alpha and len(last.text) > 2:
            surnames.add(last.text)
    if not surnames:
        return drafts
    taken = [False] * len(doc)
    for d in drafts:
        for i in range(d.start, d.end):
            taken[i] = True
    added = [
        _Draft(token.i, token.i + 1, "PERSON")
        for token in doc
        if token.text in surnames
        and not taken[token.i]
        and token.ent_type_ == ""
        and token.pos_ == "PROPN"
        and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")
        and not (token.i > 0 and doc[token.i - 1].pos_ == "PROPN")
    ]
    if not added:
        return drafts
    return sorted(drafts + added, key=lambda d: d.start)


def _clean_name(text: str) -> str:
    """Collapse whitespace (names broken across lines) in a surface form."""
    return " ".join(text.split())
