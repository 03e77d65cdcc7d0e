"""Names the knowledge base knows, found where the NER missed them.

The small model tags "INS Sukanya" in one article and not in the next; the extractor
keeps each article's runs of untagged proper nouns (`name_candidates`,
`cartelkb.extract.entities.candidates`), and after each ingest and each curation this
pass reads them against the names the entities go by. A candidate becomes a mention of
an entity (source `known-name`) when:

* its key is a name of that entity: its canonical name, or an alias seen in an article
  or given by a user (not a surname key derived for look-ups, nor a gazetteer's alias,
  which the pipeline's entity ruler already tags where it is meant);
* no other entity goes by that key in any way (a shared surname, an acronym, "Sinaloa"
  the state and the cartel: nothing is guessed);
* it is not a lone word naming a person (a surname alone says too little across
  articles: `cartelkb.resolve.link` decides those with their context);
* the entity was tagged at least once in a sentence that ends as one does (with a full
  stop, a question or exclamation mark, a quote or a bracket): a name seen only in
  headings, whose Title Case fools the NER ("Joint Remarks", "Drug Activities"), is not
  spread;
* it overlaps no other mention of its article; of overlapping candidates (the parts of
  a heading's run) the longest wins, then the first.

These mentions are derived: each pass deletes them all and finds them again from the
candidates (which stay), so they follow the knowledge base as it is, whatever order
its articles came in, and an entity no article tags any more takes them with it
(`repository.prune_entities`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, delete, func, insert, null, select
from sqlalchemy.orm import Session

from cartelkb.store.models import (
    KNOWN_NAME_SOURCE,
    Article,
    Entity,
    EntityAlias,
    Mention,
    NameCandidate,
)
from cartelkb.store.repository import in_chunks

KNOWN_KINDS = ("surface", "curated")  # the aliases a candidate may be matched by
SOURCE = KNOWN_NAME_SOURCE


@dataclass
class _Match:
    candidate_id: int
    article_id: int
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    entity_id: int
    entity_type: str


_CANDIDATE_COLUMNS = (
    NameCandidate.id,
    NameCandidate.article_id,
    NameCandidate.start_char,
    NameCandidate.end_char,
    NameCandidate.text,
    NameCandidate.sentence_start,
    NameCandidate.sentence_end,
    NameCandidate.name_key,
)


def _matches(session: Session) -> list[_Match]:
    """The candidates whose key names exactly one entity, by a name it may be matched by
    (and not a person by one word)."""
    found: dict[int, _Match] = {}
    # candidate id -> entity id -> (type, matched by its name or a surface/curated alias)
    named: dict[int, dict[int, tuple[str, bool]]] = {}
    by_alias = (
        select(*_CANDIDATE_COLUMNS, EntityAlias.entity_id, Entity.type, EntityAlias.kind)
        .join(EntityAlias, EntityAlias.alias_key == NameCandidate.name_key)
        .join(Entity, Entity.id == EntityAlias.entity_id)
    )
    by_name = select(*_CANDIDATE_COLUMNS, Entity.id, Entity.type, null()).join(
        Entity, Entity.name_key == NameCandidate.name_key
    )
    for query in (by_alias, by_name):
        for (
            cid,
            article_id,
            start,
            end,
            text,
            s0,
            s1,
            key,
            entity_id,
            type_,
            kind,
        ) in session.execute(query):
            if cid not in found:
                found[cid] = _Match(cid, article_id, start, end, text, s0, s1, 0, "")
            entities = named.setdefault(cid, {})
            strong = (kind is None or kind in KNOWN_KINDS) and not (
                type_ == "PERSON" and " " not in key
            )
            entities[entity_id] = (type_, strong or entities.get(entity_id, ("", False))[1])
    out = []
    for cid, entities in named.items():
        if len(entities) != 1:
            continue
        ((entity_id, (type_, strong)),) = entities.items()
        if strong:
            match = found[cid]
            match.entity_id, match.entity_type = entity_id, type_
            out.append(match)
    return out


SENTENCE_ENDS = (".", "!", "?", '"', "”", "'", "’", ")")


def _tagged_in_prose(session: Session, entity_ids: Iterable[int]) -> set[int]:
    """The entities with a mention of their own (not found by this pass) in a sentence
    ending in `SENTENCE_ENDS`: `sentence_end` is where its last character ends."""
    last = func.substr(Article.text, Mention.sentence_end, 1)
    found: set[int] = set()
    for chunk in in_chunks(entity_ids):
        prose = (
            select(Mention.id)
            .join(Article, Article.id == Mention.article_id)
            .where(
                Mention.entity_id == Entity.id,
                Mention.source != SOURCE,
                last.in_(SENTENCE_ENDS),
            )
            .exists()
        )
        found.update(session.scalars(select(Entity.id).where(Entity.id.in_(chunk), prose)))
    return found


def link_known_names(session: Session) -> int:
    """Find the known-name mentions again from the candidates (see the module's
    docstring); returns how many there are."""
    session.execute(delete(Mention).where(Mention.source == SOURCE))
    matches = _matches(session)
    if matches:
        prose = _tagged_in_prose(session, (m.entity_id for m in matches))
        matches = [m for m in matches if m.entity_id in prose]
    if not matches:
        session.flush()
        return 0
    taken: dict[int, list[tuple[int, int]]] = {}
    for chunk in in_chunks(m.article_id for m in matches):
        for article_id, start, end in session.execute(
            select(Mention.article_id, Mention.start_char, Mention.end_char).where(
                Mention.article_id.in_(chunk)
            )
        ):
            taken.setdefault(article_id, []).append((start, end))
    chosen: list[_Match] = []
    for m in sorted(matches, key=lambda m: (m.article_id, m.start - m.end, m.start)):
        spans = taken.setdefault(m.article_id, [])
        if any(s < m.end and m.start < e for s, e in spans):
            continue
        spans.append((m.start, m.end))
        chosen.append(m)
    rows = [
        {
            "article_id": m.article_id,
            "entity_id": m.entity_id,
            "text": m.text,
            "label": m.entity_type,
            "role": None,
            "source": SOURCE,
            "start_char": m.start,
            "end_char": m.end,
            "sentence_start": m.sentence_start,
            "sentence_end": m.sentence_end,
        }
        for m in chosen
    ]
    if rows:
        session.execute(insert(cast(Table, Mention.__table__)), rows)
    session.flush()
    return len(chosen)
