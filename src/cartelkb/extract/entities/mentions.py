"""Doc -> mention records: the extraction steps in their order, and the records they yield."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from cartelkb.extract.entities.aliases import (
    acronym_after,
    inner_nickname,
    join_quoted_nicknames,
    nickname_after,
)
from cartelkb.extract.entities.drafts import (
    Draft,
    clean_name,
    corroborated,
    dateline_places,
    model_drafts,
)
from cartelkb.extract.entities.organizations import (
    add_article_named_groups,
    governing_body,
    national_government,
    refine_organizations,
)
from cartelkb.extract.entities.people import (
    add_missed_surnames,
    add_repeated_names,
    relabel_surnames,
    settle_lone_names,
)
from cartelkb.extract.entities.titles import match_title
from cartelkb.extract.sentences import sentence_end, sentence_of
from cartelkb.extract.tokens import char_bounds, doc_text, span_text
from cartelkb.knowledge import Knowledge, load, name_key
from cartelkb.records import MentionRecord


def extract_mentions(doc: Doc, knowledge: Knowledge | None = None) -> Iterator[MentionRecord]:
    """Yield the named mentions of a parsed article.

    Args:
        doc: an article parsed by `cartelkb.extract.nlp.load_pipeline()`.
        knowledge: the gazetteer (defaults to the packaged data files).

    Yields:
        MentionRecord per name, sorted by offset; `text == doc.text[start:end]`.
    """
    kb = knowledge or load()
    drafts = join_quoted_nicknames(doc, dateline_places(doc, model_drafts(doc, kb), kb))
    relabel_surnames(doc, drafts)
    settle_lone_names(doc, drafts)
    kept = corroborated(doc, add_repeated_names(doc, add_article_named_groups(doc, drafts)), kb)
    kept = refine_organizations(doc, add_missed_surnames(doc, kept, kb), kb)
    extra = _given_alongside(doc, kept, kb)
    kept = _drop_shadowed(_cut_at_titles(doc, kept, kb), extra)
    _nicknames_name_people(doc, kept, extra)
    yield from _records(doc, _define_acronyms(doc, kept, extra))


def _given_alongside(doc: Doc, kept: list[Draft], kb: Knowledge) -> list[Draft]:
    """Roles and acronyms of the kept drafts (set in place), and the further mentions
    they bring: nicknames (`alias_of` an index into `kept`) and a person's administration.
    """
    extra: list[Draft] = []
    for d in kept:
        sent = sentence_of(doc, d.start)
        inner = inner_nickname(doc, d.start, d.end)
        if inner is not None and d.label in {"PERSON", "ORG"}:
            # Joaquín "El Chapo" Guzmán Loera: the quoted words are a nickname.
            d.label = "PERSON"
            d.name = clean_name(
                doc[d.start : inner[0] - 1].text + " " + doc[inner[1] + 1 : d.end].text
            )
            extra.append(Draft(inner[0], inner[1], "PERSON", alias_of=kept.index(d)))
        if d.label == "PERSON" and d.role is None:
            found = match_title(doc, d.start, kb, sent.start)
            if found:
                d.role, d.role_start = found[1], found[0]
        body = governing_body(doc, d) or national_government(doc, d, kb)
        if body is not None:
            extra.append(body)
        acronym = acronym_after(doc, d.end, sent.end)
        if acronym and d.label == "ORG":
            d.acronym = doc[acronym[0] : acronym[1]].text
        if d.label == "PERSON":
            nick = nickname_after(doc, d.end, sent.end)
            if nick:
                extra.append(
                    Draft(nick[0], nick[1], "PERSON", source="model", alias_of=kept.index(d))
                )
    return extra


def _cut_at_titles(doc: Doc, kept: list[Draft], kb: Knowledge) -> list[Draft]:
    """An organization the NER ran into the title of a person after it ends where the
    title begins: "[New York Division] Special Agent in Charge Jane Roe". What is left
    of it, if only a demonym ("[Mexican] Interior Secretary"), is dropped. `kept` stays
    in order; the drafts are changed in place.
    """
    role_starts = [d.role_start for d in kept if d.role_start is not None]
    if not role_starts:
        return kept
    out = []
    for d in kept:
        cut = next((r for r in role_starts if d.start < r < d.end), None)
        if cut is not None and d.label == "ORG" and d.canonical is None and d.source == "model":
            d.end = cut
            if d.end - d.start == 1 and kb.demonym(doc[d.start].text) is not None:
                continue
        out.append(d)
    return out


def _drop_shadowed(kept: list[Draft], extra: list[Draft]) -> list[Draft]:
    """Drop the drafts a title or a nickname accounts for; renumber `alias_of` in `extra`.

    A title is not a name: "State" in "Secretary of State Marco Rubio" is no ORG, but a
    known organization in one is ("DEA" in "DEA Administrator Anne Milgram": the speaker's
    office). A nickname found after a name replaces the NER's own guess for the same words.
    """
    role_spans = [(d.role_start, d.start) for d in kept if d.role_start is not None]
    nick_spans = {(d.start, d.end) for d in extra if d.alias_of is not None}
    dropped = {
        id(d)
        for d in kept
        if (d.start, d.end) in nick_spans
        or (
            not (d.label == "ORG" and d.canonical)
            and any(rs <= d.start and d.end <= re_ for rs, re_ in role_spans)
        )
    }
    if not dropped:
        return kept
    index_map: dict[int, int] = {}
    survivors: list[Draft] = []
    for i, d in enumerate(kept):
        if id(d) not in dropped:
            index_map[i] = len(survivors)
            survivors.append(d)
    for d in extra:
        if d.alias_of is not None:
            d.alias_of = index_map.get(d.alias_of)
    return survivors


def _nicknames_name_people(doc: Doc, kept: list[Draft], extra: list[Draft]) -> None:
    """A nickname given in the text, met again alone, is the person even when the NER
    calls it an organization ("El Chapo's sons")."""
    nicknames = {name_key(span_text(doc, d.start, d.end)) for d in extra if d.alias_of is not None}
    for d in kept:
        if (
            d.label != "PERSON"
            and d.canonical is None
            and d.source == "model"
            and name_key(span_text(doc, d.start, d.end)) in nicknames
        ):
            d.label = "PERSON"


def _define_acronyms(doc: Doc, kept: list[Draft], extra: list[Draft]) -> list[Draft]:
    """All drafts, each acronym defined in parentheses among them as an alias (an ORG).

    `kept` stays a prefix of the list returned, so `alias_of` indices into it hold.
    """
    all_drafts = kept + extra
    covered = {(d.start, d.end) for d in all_drafts}
    for index, d in enumerate(kept):
        if d.acronym:
            acr = acronym_after(doc, d.end, sentence_of(doc, d.start).end)
            if acr and acr not in covered:
                all_drafts.append(Draft(acr[0], acr[1], "ORG", alias_of=index))
                covered.add(acr)
            else:
                for other in all_drafts:
                    if acr and (other.start, other.end) == acr:
                        other.alias_of = index
                        other.label = "ORG"
    return all_drafts


def _records(doc: Doc, all_drafts: list[Draft]) -> Iterator[MentionRecord]:
    """One record per distinct (offsets, label), in text order; `alias_of` renumbered."""
    text = doc_text(doc)
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
        span_start, span_end = char_bounds(doc, d.start, d.end)
        sent = sentence_of(doc, d.start)
        sent_end = sentence_end(doc, sent)
        # alias_of holds an index into `kept`, a prefix of all_drafts.
        alias_of = first_of.get(d.alias_of) if d.alias_of is not None else None
        start_char = span_start if d.char_start is None else d.char_start
        end_char = span_end if d.char_end is None else d.char_end
        yield MentionRecord(
            text=text[start_char:end_char],
            start=start_char,
            end=end_char,
            label=d.label,  # type: ignore[arg-type]
            name=d.name or clean_name(text[start_char:end_char]),
            role=d.role,
            canonical=d.canonical,
            acronym=d.acronym,
            alias_of=alias_of,
            source=d.source,  # type: ignore[arg-type]
            sent_start=sent.start_char,
            sent_end=max(sent_end, end_char),
        )
