"""Names the knowledge base knows, found where the NER missed them.

The small model tags "INS Sukanya" in one article and not in the next; the extractor
keeps each article's runs of untagged proper nouns (`name_candidates`,
`cartelkb.extract.entities.candidates`), and once per ingest this pass reads them
against the names the entities go by. A candidate becomes a mention of an entity when:

* its key is a name of that entity seen in an article or given by a user (a surface or
  curated alias: not a surname key derived for look-ups, and not a gazetteer's alias,
  which the pipeline's entity ruler already tags where it is meant);
* no other entity goes by that name (a shared surname, "Sinaloa" the state and the
  cartel: nothing is guessed);
* it is not a lone word naming a person (a surname alone says too little across
  articles: `cartelkb.resolve.link` decides those with their context);
* the entity was tagged at least once in a sentence that ends as one does (with a full
  stop, a question or exclamation mark, a quote or a bracket): a name seen only in
  headings, whose Title Case fools the NER ("Joint Remarks", "Drug Activities"), is not
  spread;
* it overlaps no mention of its article; of overlapping candidates (the parts of a
  heading's run) the longest wins, then the first.

A matched candidate is deleted with the candidates it overlaps; the others stay for the
next ingest, which may know more names. The outcome depends only on what is stored, so
a run that adds nothing changes nothing, whatever order the articles came in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar, cast

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from cartelkb.store.models import Article, Entity, EntityAlias, Mention, NameCandidate

KNOWN_KINDS = ("surface", "curated")
SOURCE = "known-name"
_CHUNK = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit

_T = TypeVar("_T")


def _chunks(values: Iterable[_T]) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for v in values:
        batch.append(v)
        if len(batch) == _CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


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


def _matches(session: Session) -> list[_Match]:
    """The candidates whose key names exactly one entity (and not a person by one word)."""
    found: dict[int, tuple[_Match, dict[int, str]]] = {}
    rows = session.execute(
        select(
            NameCandidate.id,
            NameCandidate.article_id,
            NameCandidate.start_char,
            NameCandidate.end_char,
            NameCandidate.text,
            NameCandidate.sentence_start,
            NameCandidate.sentence_end,
            NameCandidate.name_key,
            EntityAlias.entity_id,
            Entity.type,
        )
        .join(EntityAlias, EntityAlias.alias_key == NameCandidate.name_key)
        .join(Entity, Entity.id == EntityAlias.entity_id)
        .where(EntityAlias.kind.in_(KNOWN_KINDS))
    )
    for cid, article_id, start, end, text, s0, s1, key, entity_id, entity_type in rows:
        entry = found.get(cid)
        if entry is None:
            entry = found[cid] = (_Match(cid, article_id, start, end, text, s0, s1, 0, ""), {})
        # a person's lone word is kept as a possible name (another entity makes the
        # candidate ambiguous) but never matched
        entry[1][entity_id] = "" if entity_type == "PERSON" and " " not in key else entity_type
    out = []
    for match, entities in found.values():
        if len(entities) == 1:
            ((match.entity_id, match.entity_type),) = entities.items()
            if match.entity_type:
                out.append(match)
    return out


SENTENCE_ENDS = (".", "!", "?", '"', "”", "'", "’", ")")


def _tagged_in_prose(session: Session, entity_ids: Iterable[int]) -> set[int]:
    """The entities with a mention of their own (not found by this pass) in a sentence
    ending in `SENTENCE_ENDS`: `sentence_end` is where its last character ends."""
    last = func.substr(Article.text, Mention.sentence_end, 1)
    found: set[int] = set()
    for chunk in _chunks(sorted(set(entity_ids))):
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
    """Turn the candidates that name a known entity into its mentions (see the module's
    docstring); returns how many mentions were added."""
    matches = _matches(session)
    if matches:
        prose = _tagged_in_prose(session, (m.entity_id for m in matches))
        matches = [m for m in matches if m.entity_id in prose]
    if not matches:
        return 0
    taken: dict[int, list[tuple[int, int]]] = {}
    articles = {m.article_id for m in matches}
    for chunk in _chunks(sorted(articles)):
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
    if not chosen:
        return 0
    session.execute(insert(cast(Table, Mention.__table__)), [
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
    ])  # fmt: skip
    # The candidates the new mentions cover, or overlap, can never match now.
    by_article: dict[int, list[tuple[int, int]]] = {}
    for m in chosen:
        by_article.setdefault(m.article_id, []).append((m.start, m.end))
    spent: list[int] = []
    for chunk in _chunks(sorted(by_article)):
        for candidate_id, article_id, start, end in session.execute(
            select(
                NameCandidate.id,
                NameCandidate.article_id,
                NameCandidate.start_char,
                NameCandidate.end_char,
            ).where(NameCandidate.article_id.in_(chunk))
        ):
            if any(s < end and start < e for s, e in by_article[article_id]):
                spent.append(candidate_id)
    for chunk in _chunks(spent):
        session.execute(delete(NameCandidate).where(NameCandidate.id.in_(chunk)))
    session.flush()
    return len(chosen)
