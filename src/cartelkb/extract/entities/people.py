"""Person names read across the article: surnames, lone names, surnames the NER missed."""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from cartelkb.extract.entities.aliases import inner_nickname
from cartelkb.extract.entities.drafts import Draft, is_heading, positions_of
from cartelkb.extract.entities.titles import match_title
from cartelkb.extract.sentences import sentence_of
from cartelkb.extract.tokens import texts as token_texts
from cartelkb.extract.tokens import tokens as token_objects
from cartelkb.knowledge import Knowledge, name_key
from cartelkb.lexicon import lexicon

SPEECH_LEMMAS = lexicon("entities").words("speech_lemmas")


def relabel_surnames(doc: Doc, drafts: list[Draft]) -> None:
    """A lone "Sheinbaum" tagged ORG or GPE is the person when the article names a
    person with that surname (in place; only the statistical model's own spans)."""
    surnames = {
        name_key(doc[d.end - 1].text)
        for d in drafts
        if d.label == "PERSON" and d.end - d.start >= 2
    }
    for d in drafts:
        single = d.end - d.start == 1 and d.label != "PERSON" and d.source == "model"
        if single and name_key(doc[d.start].text) in surnames:
            d.label, d.canonical = "PERSON", None


def settle_lone_names(doc: Doc, drafts: list[Draft]) -> None:
    """One label for a lone name the NER tags now PERSON, now ORG or GPE.

    An article that calls someone only by surname ("Zambada") gets a different label
    for each mention from the small model. When the name is tagged PERSON at least once
    and at least one of its mentions is the subject of a speech verb, every mention of
    it is the person. Gazetteer names and acronyms are left alone.
    """
    by_key: dict[str, list[Draft]] = {}
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


def add_missed_surnames(doc: Doc, drafts: list[Draft], kb: Knowledge | None = None) -> list[Draft]:
    """Mentions of a named person's surname that the NER did not tag.

    After "Deputy Juan Escalante", "Escalante was shot" names him again; the small model
    often leaves such a lone surname untagged. Only capitalized proper nouns outside
    every entity span count, and only surnames of full names in the same article, or,
    with `kb`, the surname of a known official right after a title ("thank Acting
    Administrator Dhillon" -> Uttam Dhillon).
    """
    drafts = _titled_officials(doc, drafts, kb) if kb is not None else drafts
    surnames: set[str] = set()
    for d in drafts:
        if d.label != "PERSON" or d.end - d.start < 2 or inner_nickname(doc, d.start, d.end):
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
        Draft(token.i, token.i + 1, "PERSON")
        for token in (doc[i] for i in positions_of(doc, surnames))
        if not taken[token.i]
        and token.ent_type_ == ""
        and token.pos_ == "PROPN"
        and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")
        and not (token.i > 0 and doc[token.i - 1].pos_ == "PROPN")
    ]
    if not added:
        return drafts
    return sorted(drafts + added, key=lambda d: d.start)


@functools.lru_cache(maxsize=4)
def _title_ends(titles: frozenset[str]) -> frozenset[str]:
    return frozenset(title.split()[-1] for title in titles)


def _titled_officials(doc: Doc, drafts: list[Draft], kb: Knowledge) -> list[Draft]:
    """The drafts, with each untagged known official's surname that follows a title."""
    taken = {i for d in drafts for i in range(d.start, d.end)}
    added = []
    for i in positions_of(doc, _title_ends(kb.title_set)):
        if i + 1 >= len(doc):
            continue
        token = doc[i + 1]  # the word after a title's last word
        if (
            token.i in taken
            or token.ent_type_
            or not token.is_title
            or token.pos_ != "PROPN"
            or (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")
        ):
            continue
        entry = kb.person_by_surname(token.text)
        if entry is None or token.text in kb.title_set:
            continue
        if match_title(doc, token.i, kb, sentence_of(doc, token.i).start) is not None:
            added.append(
                Draft(token.i, token.i + 1, "PERSON", canonical=entry.canonical, source="knowledge")
            )
    return sorted(drafts + added, key=lambda d: d.start) if added else drafts


def add_repeated_names(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Other occurrences of a name the NER tagged once, where it tagged nothing.

    One sense per discourse (Gale, Church and Yarowsky 1992) and label consistency
    across a document (Krishnan and Manning 2006): a name that denotes an entity in one
    sentence denotes it in the next, though the small model tags it only sometimes
    ("Maurice Cheeks ... Cheeks' Sixers ... Maurice Cheeks was fired"). The same tokens,
    capitalized proper nouns outside every entity span and not part of a longer run of
    proper nouns, become a mention with the tagged one's class and gazetteer entry.
    """
    names: dict[tuple[str, ...], Draft] = {}
    texts, toks = token_texts(doc), token_objects(doc)  # (no Span or Token per look-up)
    for d in drafts:
        words = tuple(texts[d.start : d.end])
        if (
            d.char_start is None
            and all(t.is_alpha and t.text[:1].isupper() for t in toks[d.start : d.end])
            and len("".join(words)) > 2
        ):
            names.setdefault(words, d)
    if not names:
        return drafts
    taken = [False] * len(doc)
    for d in drafts:
        for i in range(d.start, d.end):
            taken[i] = True
    added: list[Draft] = []
    widths: dict[str, list[int]] = {}  # first word -> widths of the names it begins
    for words in names:
        widths.setdefault(words[0], []).append(len(words))
    for found_widths in widths.values():
        found_widths.sort(reverse=True)
    i = 0
    while i < len(doc):
        found = None
        for width in widths.get(texts[i], ()):
            if i + width <= len(texts) and tuple(texts[i : i + width]) in names:
                found = width
                break
        if found is None:
            i += 1
            continue
        span = toks[i : i + found]
        before = toks[i - 1] if i > 0 else None
        after = toks[i + found] if i + found < len(doc) else None
        if (
            not any(taken[j] for j in range(i, i + found))
            and all(t.ent_type_ == "" and t.pos_ == "PROPN" for t in span)
            and (
                # in a Title Case heading every word is tagged a proper noun ("Sixers
                # Hire Maurice Cheeks as Head Coach"): neighbours say nothing there
                is_heading(sentence_of(doc, i))
                or (
                    not (before is not None and before.pos_ == "PROPN")
                    and not (after is not None and after.pos_ == "PROPN")
                )
            )
        ):
            model = names[tuple(texts[i : i + found])]
            added.append(Draft(i, i + found, model.label, canonical=model.canonical))
        i += found
    if not added:
        return drafts
    return sorted(drafts + added, key=lambda d: d.start)
