"""NER spans -> drafts: the token span of each name, trimmed, before the article-level steps."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from cartelkb.extract.entities.demonyms import denoted_country
from cartelkb.extract.entities.titles import (
    extend_given_names,
    match_title,
    strip_leading_title,
)
from cartelkb.extract.sentences import sentence_of
from cartelkb.extract.tokens import entities, span_text
from cartelkb.extract.tokens import spaces as token_spaces
from cartelkb.extract.tokens import starts as token_starts
from cartelkb.extract.tokens import texts as token_texts
from cartelkb.extract.tokens import tokens as token_objects
from cartelkb.knowledge import Knowledge, KnownEntity, name_key
from cartelkb.lexicon import lexicon

_LEXICON = lexicon("entities")
KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC"}
TRIM_START = _LEXICON.words("trim_start")
PERSON_LEAD = _LEXICON.words("person_span_lead")
PLACE_DIRECTIONS = _LEXICON.words("place_directions")
GENERIC_HEADS = _LEXICON.words("generic_heads")
PLURAL_DESCRIPTIONS = _LEXICON.words("plural_descriptions")
ORGANIZATION_WORDS = (
    GENERIC_HEADS | _LEXICON.words("unit_heads") | _LEXICON.words("not_organization_heads")
)
NAME_PARTICLES = _LEXICON.words("name_particles")
TITLE_HEADS = _LEXICON.words("title_heads")
CARTEL_HEADS = {"organization", "cartel"}
AGENCY_SHORT_NAMES: dict[str, str] = _LEXICON.mapping("agency_short_names")
NUMBERED_BODIES = _LEXICON.words("numbered_bodies")
VERB_TAGS = {"VB", "VBZ", "VBG", "VBD", "VBP"}
INITIALS = re.compile(r"(?:[A-Z]\.)+")
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# Possessive endings as the tokenizer splits them off: "Sheinbaum's", "the cartels'".
POSSESSIVE_ENDINGS = {"'s", "’s", "'", "’"}


@dataclass
class Draft:
    """A name found in the Doc, as token offsets, with what the steps learn about it."""

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


def positions_of(doc: Doc, words: AbstractSet[str]) -> list[int]:
    """Indices of the tokens whose text is one of `words`, found on the Doc's token
    texts (`cartelkb.extract.tokens`: no Token objects are made for the others)."""
    return [i for i, text in enumerate(token_texts(doc)) if text in words]


def clean_name(text: str) -> str:
    """Collapse whitespace (names broken across lines) in a surface form."""
    return " ".join(text.split())


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", trailing possessives, punctuation and lower-case function
    words from a token range ("Marco Rubio - from" -> "Marco Rubio")."""
    function_words = lexicon("names").words("function_words")
    toks = token_objects(doc)  # (`doc[i]` would build a new Token on every call)
    # A dateline or caption marker the span ran into: "CA - Eduardo Arellano-Felix",
    # "FILE - U.S. Customs and Border Protection" (capitals, then a spaced dash).
    for i in range(start + 1, end - 1):
        tok = toks[i]
        if tok.text in DATELINE_DASHES and tok.whitespace_ and toks[i - 1].whitespace_:
            if all(t.is_upper or t.is_punct for t in toks[start:i]):
                start = i + 1
            break
    while start < end and (toks[start].text in TRIM_START or toks[start].is_punct):
        start += 1
    while end > start and (
        toks[end - 1].tag_ == "POS"
        or toks[end - 1].text in POSSESSIVE_ENDINGS
        or (toks[end - 1].is_punct and toks[end - 1].text not in {".", ")"})
        or toks[end - 1].is_space
        or (toks[end - 1].is_lower and toks[end - 1].text in function_words)
    ):
        end -= 1
    # "U.S." keeps its final period; a sentence period glued to a name does not.
    if end > start and toks[end - 1].text == "." and end - 1 > start:
        end -= 1
    return start, end


def known_parts(doc: Doc, start: int, end: int, kb: Knowledge) -> list[Draft]:
    """Split a hyphenated compound of known names ("U.S.-Mexico") into its parts."""
    text = span_text(doc, start, end)
    if "-" not in text:
        return []
    parts: list[Draft] = []
    offset = token_starts(doc)[start]
    for piece in text.split("-"):
        entry = kb.lookup(piece) if piece else None
        if entry is None:
            return []
        parts.append(
            Draft(
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


def model_drafts(doc: Doc, kb: Knowledge) -> list[Draft]:
    """One draft per entity span of the pipeline (NER and gazetteer ruler), in order.

    Spans are trimmed, designation categories and capitalized plurals dropped, a
    person's title inside the span moved to the role, and the gazetteer's class and
    canonical name taken when it knows the name.
    """
    drafts: list[Draft] = []
    ents = entities(doc)
    ent_at = {ent.start: ent for ent in ents}
    for ent in ents:
        label = ent.label_
        if label == "NORP":
            country = denoted_country(doc, ent, kb)
            if country is not None:
                drafts.append(
                    Draft(
                        ent.start,
                        ent.end,
                        country.type,
                        canonical=country.canonical,
                        source="demonym",
                    )
                )
            continue
        if label == "FAC":
            # OntoNotes' facilities (bridges, ports, highways, streets, buildings) are
            # places to the knowledge base, unless named as an organization is
            # ("La Familia Cartel", which the small model calls FAC at times).
            label = "ORG" if doc[ent.end - 1].lower_ in GENERIC_HEADS else "LOC"
        if label not in KEPT_LABELS:
            continue
        start, end = trim(doc, ent.start, ent.end)
        if start >= end or kb.is_category(span_text(doc, start, end)):
            continue
        dateline = doc[start].is_upper and end < len(doc) and doc[end].text == ","
        if (
            end - start == 1
            and doc[start].tag_ in {"NNS", "NNPS"}
            and not ent.ent_id_
            and not dateline  # "BROWNSVILLE, Texas": capitals are tagged as anything
            and label != "PERSON"  # a surname ending in -s ("Cheeks") is tagged NNPS too
            and (doc[start].is_sent_start or is_heading(sentence_of(doc, start)))
        ):
            # A capitalized plural common noun ("Cartels like CJNG") is not a name; inside
            # a sentence the capital marks one ("the Chargers' offense").
            continue
        end = district_of_place(doc, end, ent_at, kb)
        if label == "ORG" and not ent.ent_id_ and national_prefix(doc, start):
            start -= 1  # "[U.S.] [District Court]": the country is part of the name too
        known = bool(ent.ent_id_) or kb.lookup(span_text(doc, start, end)) is not None
        if not known and not_a_name(doc, start, end, label):
            continue
        if not known and label == "ORG" and doc[end - 1].lower_ in PLURAL_DESCRIPTIONS:
            continue  # "the Mexican Drug Cartels": several organizations, described
        if (
            label == "ORG"
            and end - start == 2
            and ORDINAL.fullmatch(doc[start].text)
            and doc[start + 1].lower_ in NUMBERED_BODIES
        ):
            start += 1  # "the 119th Congress": the session's number is no part of the name
        if not known and label == "ORG" and named_like_person(doc, start, end, kb):
            label = "PERSON"  # "Eduardo Arellano-Felix" with no PERSON-tagged form around
        parts = known_parts(doc, start, end, kb)
        if parts:
            drafts.extend(parts)
            continue
        if label != "PERSON":
            drafts.extend(administration_heads(doc, start, end, kb))
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
            while end - start > 2 and (
                doc[start].lower_ in PERSON_LEAD or doc[start].tag_ in {"VBD", "VBN"}
            ):
                # "[Field] Division William R. Sherman", "[in] Charge James J. Hunt": the
                # end of an office's name or a title glued to the person by the NER; a
                # headline's verb ("Fired Jim O'Brien").
                start += 1
            end = _person_end(doc, start, end)
            start, role = strip_leading_title(doc, start, end, kb)
            start = extend_given_names(doc, start, kb)
        if label == "ORG" and in_title(doc, start, end, kb):
            continue  # "the Secretary of [State]": a title's words, no organization
        entry = kb.lookup(span_text(doc, start, end))
        if entry is None and label == "ORG" and end - start == 1:
            short = AGENCY_SHORT_NAMES.get(doc[start].text)
            entry = kb.lookup(short) if short else None
        if entry is None and label in {"ORG", "PERSON"}:
            entry = slashed_cartel(span_text(doc, start, end), kb)
            if entry is not None and end < len(doc) and doc[end].lower_ in CARTEL_HEADS:
                end += 1  # "Juárez/Carrillo Fuentes [organization] (CFO)"
        source = "knowledge" if ent.ent_id_ else "model"
        if entry is None and label in {"GPE", "LOC"}:
            entry = directional_place(doc, start, end, kb)
        if entry is not None:
            label = entry.type
        drafts.append(
            Draft(
                start,
                end,
                label,
                canonical=entry.canonical if entry else None,
                role=role,
                source=source,
            )
        )
    return drafts


def _person_end(doc: Doc, start: int, end: int) -> int:
    """Where a person's name ends when the NER ran on into a headline: before a
    possessive ("Ken Roe's Statement") or a finite verb after two words ("Jane Roe
    Delivers Remarks"); no name holds either."""
    for i in range(start + 1, end):
        tok = doc[i]
        if tok.text in POSSESSIVE_ENDINGS or tok.tag_ == "POS":
            return i
        if i - start >= 2 and tok.tag_ in {"VBZ", "VBD"}:
            return i
    return end


def not_a_name(doc: Doc, start: int, end: int, label: str) -> bool:
    """True for an NER span no gazetteer knows that cannot be a name: one that opens with
    a lower-case common word ("fentanyl powder", "n't", "beach city"), a person with a
    digit ("Covid-19") or opening with a verb ("Shows Results", "Stop Fentanyl" in a
    headline), a place that is one verb ("Entering") or initials alone ("P.L. 119-26"),
    an organization that ends in a title's word ("U.S. Magistrate")."""
    first = doc[start]
    if first.is_lower and not first.text[0].isdigit() and first.lower_ not in NAME_PARTICLES:
        # (an ordinal opens a street's name: "117th Street")
        return True
    text = span_text(doc, start, end)
    if label == "PERSON":
        return any(ch.isdigit() for ch in text) or (first.tag_ in VERB_TAGS and end - start <= 2)
    if label in {"GPE", "LOC"}:
        return (end - start == 1 and first.tag_ in VERB_TAGS) or bool(INITIALS.fullmatch(text))
    return label == "ORG" and doc[end - 1].lower_ in TITLE_HEADS


def slashed_cartel(text: str, kb: Knowledge) -> KnownEntity | None:
    """The known cartel a "place/family" name denotes: "Tijuana/Arellano Felix
    organization", "Juárez/CFO" (the Congressional Research Service's way of naming a
    trafficking organization by its city and its family) -> Tijuana Cartel, Juárez Cartel.
    """
    if "/" not in text:
        return None
    entry = kb.lookup(text.split("/")[0] + " Cartel")
    return entry if entry is not None and kb.is_cartel(entry.canonical) else None


NATIONAL_PREFIXES = {"U.S.", "US"}


def national_prefix(doc: Doc, start: int) -> bool:
    """True when the NER cut a "U.S." tagged GPE off the front of the capitalized ORG at
    `start` (the place stays a mention of its own)."""
    if start == 0 or not doc[start].is_title:
        return False
    prev = doc[start - 1]
    return prev.text in NATIONAL_PREFIXES and prev.ent_type_ == "GPE" and prev.whitespace_ == " "


def in_title(doc: Doc, start: int, end: int, kb: Knowledge) -> bool:
    """True when the words just before the span and the span make a known title
    ("Secretary of" + "State")."""
    firsts = range(max(0, start - 3), start)
    return any(span_text(doc, first, end) in kb.title_set for first in firsts)


def district_of_place(doc: Doc, end: int, ent_at: dict[int, Span], kb: Knowledge) -> int:
    """The end of a district's name the NER cut before its place: "[the Southern
    District] of [Texas]" -> "Southern District of Texas" (the place stays a name too)."""
    if end + 1 >= len(doc) or doc[end - 1].lower_ != "district" or doc[end].lower_ != "of":
        return end
    place = ent_at.get(end + 1)
    if place is None:
        return end
    entry = kb.lookup(place.text)
    return place.end if entry is not None and entry.type in {"GPE", "LOC"} else end


def named_like_person(doc: Doc, start: int, end: int, kb: Knowledge) -> bool:
    """True for a span of two to four capitalized words that opens with a given name of
    a person the knowledge holds and has no organization word ("Eduardo Arellano-Felix",
    which the small model tags ORG when no PERSON-tagged form of it is near)."""
    words = [t for t in doc[start:end] if t.text not in {"-", "–"}]
    return (
        2 <= len(words) <= 4
        and name_key(doc[start].text) in kb.given_names
        and all(t.text[0].isupper() and t.lower_ not in ORGANIZATION_WORDS for t in words)
        and not any(t.is_upper and len(t) > 1 for t in words)  # "Jose DEA" is no name
    )


def is_heading(sent: Span) -> bool:
    """A heading line: short, no sentence-final punctuation, mostly capitalized words.

    Title-case lines fool the statistical NER ("Key Discussions on Bilateral Security"
    comes out as ORG), so names found only there need corroboration. Answered once per
    sentence of a Doc (kept in its `user_data`): every name in a sentence asks.
    """
    known = sent.doc.user_data.setdefault(_HEADINGS_KEY, {})
    key = (sent.start, sent.end)
    found = known.get(key)
    if found is None:
        found = known[key] = _is_heading(sent)
    return found


_HEADINGS_KEY = "cartelkb_headings"


def _is_heading(sent: Span) -> bool:
    doc = sent.doc
    text = span_text(doc, sent.start, sent.end).strip()
    if not text or text[-1] in ".!?\"”'’" or len(sent) > 25:
        return False
    words = [t for t in token_objects(doc)[sent.start : sent.end] if t.is_alpha]
    if not words:
        return False
    capitalized = sum(1 for t in words if t.text[0].isupper() or t.is_stop)
    return capitalized == len(words) and sum(t.text[0].isupper() for t in words) >= 2


def corroborated(doc: Doc, drafts: list[Draft], kb: Knowledge) -> list[Draft]:
    """Drop names seen only in heading lines, unless the body or the gazetteer has them.

    A person in a heading also stands when the body names someone with that surname, or
    when the heading introduces the name with a title or a byline's "By" ("Opening
    Statement of Senator Jane Roe", "By: John Doe"): those words say a person follows.
    """
    body_labels: set[tuple[str, str]] = set()
    heading = {}
    for d in drafts:
        sent = sentence_of(doc, d.start)
        heading[id(d)] = is_heading(sent)
        if not heading[id(d)] or d.canonical:
            body_labels.add((name_key(span_text(doc, d.start, d.end)), d.label))
    body_keys = {key for key, _ in body_labels}
    surname_keys = {k.split()[-1] for k in body_keys if k}
    by_start = {d.start: d for d in drafts}
    for d in drafts:
        if heading[id(d)] and not d.canonical:
            _cut_to_body_name(doc, d, body_labels)
    return [
        d
        for d in drafts
        if not heading[id(d)]
        or d.canonical
        or _dateline_city(doc, d, by_start)
        or name_key(span_text(doc, d.start, d.end)) in body_keys
        or (d.label == "PERSON" and name_key(span_text(doc, d.start, d.end)) in surname_keys)
        or (d.label == "PERSON" and _introduced(doc, d, kb))
    ]


def _cut_to_body_name(doc: Doc, draft: Draft, body_labels: set[tuple[str, str]]) -> None:
    """A heading's name the NER ran into the title-case word after it ("[Jane Roe]
    Returns to ..."): cut to the longest front part the body names with the same class
    (in place)."""
    if (name_key(span_text(doc, draft.start, draft.end)), draft.label) in body_labels:
        return
    for end in range(draft.end - 1, draft.start, -1):
        if (name_key(span_text(doc, draft.start, end)), draft.label) in body_labels:
            draft.end = end
            return


def _introduced(doc: Doc, draft: Draft, kb: Knowledge) -> bool:
    """True when a title or a byline's "By" (with its colon) comes just before the name."""
    sent_start = sentence_of(doc, draft.start).start
    words = [t.lower_ for t in doc[max(sent_start, draft.start - 2) : draft.start]]
    if words[-1:] == ["by"] or words == ["by", ":"]:
        return True
    return match_title(doc, draft.start, kb, sent_start) is not None


def _dateline_city(doc: Doc, draft: Draft, by_start: dict[int, Draft]) -> bool:
    """A dateline's city: "BROWNSVILLE, Texas -", a place followed by a comma and a
    known place (its state or country) at the start of a line, as wire and press-release
    datelines are written (AP Stylebook, "datelines")."""
    after = by_start.get(draft.end + 1)
    return (
        draft.label == "GPE"
        and draft.end < len(doc)
        and doc[draft.end].text == ","
        and after is not None
        and after.canonical is not None
        and after.label == "GPE"
        and (draft.start == 0 or "\n" in doc[draft.start - 1].text_with_ws)
    )


DATELINE_DASHES = {"-", "–", "—"}
DATELINE_REACH = 6  # tokens from a line's start: "OCT 22 - WASHINGTON –"


def administration_heads(doc: Doc, start: int, end: int, kb: Knowledge) -> list[Draft]:
    """The known officials an administration's name holds: "Biden Administration" ->
    Biden, "Biden-Harris Administration" -> Biden and Harris (each a surname the
    officials file gives one person). The NER tags the whole span ORG; the span stays.
    """
    # A heading's NER may run on past it: "the Biden-Harris Administration Build on ...".
    word = next((i for i in range(start + 1, end) if doc[i].lower_ == "administration"), None)
    if word is None:
        return []
    heads: list[Draft] = []
    for i in range(start, word):
        token = doc[i]
        if token.text in DATELINE_DASHES:
            continue
        entry = kb.person_by_surname(token.text) if token.is_title else None
        if entry is None:
            return []  # some other name ("Drug Enforcement Administration")
        heads.append(Draft(i, i + 1, "PERSON", canonical=entry.canonical, source="knowledge"))
    return heads


def dateline_places(doc: Doc, drafts: list[Draft], kb: Knowledge) -> list[Draft]:
    """The drafts, with the known place of each capitalized dateline the NER missed.

    Wire and press-release datelines open the body's first line with the city in
    capitals and a dash ("WASHINGTON – The Treasury ...", AP Stylebook, "datelines");
    the small model tags "WASHINGTON" as anything or nothing. Only a gazetteer place,
    in capitals, within the first tokens of a line and followed by a dash, counts.
    """
    taken = {i for d in drafts for i in range(d.start, d.end)}
    found: list[Draft] = []
    texts, spaces = token_texts(doc), token_spaces(doc)
    line_start = 0
    for i, text in enumerate(texts):
        if i and ("\n" in texts[i - 1] or "\n" in spaces[i - 1]):
            line_start = i
        # (Token.is_upper and is_alpha are str.isupper and str.isalpha of its text)
        if i - line_start >= DATELINE_REACH or not (text.isupper() and text.isalpha()):
            continue
        end = i + 1
        while end < len(doc) and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end >= len(doc) or texts[end] not in DATELINE_DASHES:
            continue
        if i > line_start and doc[i - 1].is_upper and doc[i - 1].is_alpha:
            continue  # inside a run of capitals: its first word starts it
        entry = kb.lookup(span_text(doc, i, end))
        if entry is None or entry.type not in {"GPE", "LOC"} or taken & set(range(i, end)):
            continue
        found.append(Draft(i, end, entry.type, canonical=entry.canonical, source="knowledge"))
    return sorted([*drafts, *found], key=lambda d: (d.start, d.end))


def directional_place(doc: Doc, start: int, end: int, kb: Knowledge) -> KnownEntity | None:
    """The known place a compass adjective qualifies ("Northern Tamaulipas" -> Tamaulipas),
    for a span the gazetteer does not know whole."""
    if end - start < 2 or doc[start].lower_ not in PLACE_DIRECTIONS:
        return None
    entry = kb.lookup(span_text(doc, start + 1, end))
    return entry if entry is not None and entry.type in {"GPE", "LOC"} else None
