"""FollowTheMoney export: the knowledge base as FtM entities (JSON Lines) for ftm and Aleph tools.

The mapping (schemata checked against followthemoney's model, which validates each
entity before it is written):

- an article -> `Article` (title, author, publishedAt, publisher, sourceUrl, bodyText,
  fileName, language);
- PERSON -> `Person` (name, alias, position from the titles given with the name);
  ORG -> `Organization`, or `PublicBody` for the agencies of cartelkb's gazetteer, with
  topic `crime` for its cartels; GPE/LOC -> `Address` (full, city, state, country,
  latitude, longitude from `places`);
- an entity named in an article -> `Documentation` (document, entity, role "mentioned",
  namesMentioned: how the article wrote it). FtM's `Mention` is not used: its `resolved`
  range is LegalEntity, so a place could not be resolved to its Address;
- a claim linking two entities -> `UnknownLink` (subject, object, role: the action,
  summary: the sentence, date, proof: the article, description: who said so); a claim
  linking one entity, and a claim's source -> `Documentation` with role
  "subject of: ACTION", "object of: ACTION" or "source of: ACTION".

Ids are stable: `make_id` over the KB's stable keys, with the key prefix "cartelkb"
(an article's sha256; an entity's type and name_key; a claim's article, offsets and
action), so exporting twice, or after a re-ingest, gives the same ids.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from cartelkb.errors import CartelKBError
from cartelkb.knowledge import load as load_knowledge
from cartelkb.store.schema import places as places_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

KEY_PREFIX = "cartelkb"
INSTALL_HINT = 'pip install -e ".[ftm]"  (or: pip install followthemoney)'
SHOWN_ALIAS_KINDS = ("surface", "curated", "knowledge")


class FtMMissingError(CartelKBError):
    """followthemoney is not installed (it is an optional extra)."""


def _model() -> Any:
    try:
        from followthemoney import model
    except ImportError:
        raise FtMMissingError(
            f"--format ftm needs followthemoney, which is not installed: {INSTALL_HINT}"
        ) from None
    return model


def _schema_for(entity_type: str, name: str) -> tuple[str, list[str]]:
    """The FtM schema and topics of a KB entity."""
    if entity_type == "PERSON":
        return "Person", []
    if entity_type == "ORG":
        entry = load_knowledge().lookup(name)
        if entry is not None and entry.kind == "agencies":
            return "PublicBody", ["gov"]
        if entry is not None and entry.kind == "cartels":
            return "Organization", ["crime"]
        return "Organization", []
    return "Address", []


def iter_ftm(session: Session) -> Iterator[dict[str, Any]]:
    """Every FtM entity of the knowledge base, validated, as a dict (`to_dict()`).

    Raises:
        FtMMissingError: followthemoney is not installed.
        CartelKBError: an entity failed FtM's validation (a bug: please report it).
    """
    from cartelkb.store.models import Article, Claim, Entity, EntityAlias, Mention

    model = _model()
    from followthemoney.exc import InvalidData
    from followthemoney.types import registry

    def make(schema: str, *key: Any) -> Any:
        proxy = model.make_entity(schema, key_prefix=KEY_PREFIX)
        proxy.make_id(schema, *key)
        return proxy

    def finish(proxy: Any) -> dict[str, Any]:
        data = proxy.to_dict()
        try:
            proxy.schema.validate(data)
        except InvalidData as exc:
            raise CartelKBError(
                f"FtM entity {data['id']} ({data['schema']}) is invalid: {exc}"
            ) from exc
        return data

    # Articles.
    article_ids: dict[int, str] = {}
    for a in session.scalars(select(Article).order_by(Article.id)):
        proxy = make("Article", a.sha256)
        proxy.add("title", a.title or PurePath(a.source_path).name)
        proxy.add("author", a.author)
        proxy.add("publishedAt", a.published)
        proxy.add("publisher", a.outlet)
        proxy.add("sourceUrl", a.url)
        proxy.add("fileName", PurePath(a.source_path).name)
        proxy.add("bodyText", a.text)
        proxy.add("language", "eng")  # cartelkb reads English with its English pipeline
        article_ids[a.id] = proxy.id
        yield finish(proxy)

    # Entities, with their names, titles and places.
    aliases: dict[int, list[str]] = defaultdict(list)
    for alias in session.scalars(
        select(EntityAlias)
        .where(EntityAlias.kind.in_(SHOWN_ALIAS_KINDS))
        .order_by(EntityAlias.entity_id, EntityAlias.id)
    ):
        aliases[alias.entity_id].append(alias.alias)
    roles: dict[int, set[str]] = defaultdict(set)
    for entity_id, role in session.execute(
        select(Mention.entity_id, Mention.role).where(Mention.role.is_not(None)).distinct()
    ):
        if role:
            roles[entity_id].add(role)
    place_of = {
        row.entity_id: row
        for row in session.execute(select(places_table).where(places_table.c.level.is_not(None)))
    }
    entity_ids: dict[int, str] = {}
    for e in session.scalars(select(Entity).order_by(Entity.id)):
        schema, topics = _schema_for(e.type, e.name)
        proxy = make(schema, e.type, e.name_key)
        if schema == "Address":
            proxy.add("full", e.name)
            place = place_of.get(e.id)
            if place is not None:
                if place.level == "city":
                    proxy.add("city", place.name)
                proxy.add("state", place.admin1_name)
                proxy.add("country", (place.country_code or "").lower() or None)
                if place.latitude is not None:
                    proxy.add("latitude", repr(place.latitude))
                    proxy.add("longitude", repr(place.longitude))
        else:
            proxy.add("name", e.name)
            proxy.add("topics", topics)
            if schema == "Person":
                proxy.add("position", sorted(roles.get(e.id, ())))
        names = [n for n in dict.fromkeys(aliases.get(e.id, [])) if n != e.name]
        if names:
            proxy.add("alias", names)
        entity_ids[e.id] = proxy.id
        yield finish(proxy)

    # Documentation: which article names which entity, and how it was written there.
    surfaces: dict[tuple[int, int], set[str]] = defaultdict(set)
    for article_id, entity_id, text in session.execute(
        select(Mention.article_id, Mention.entity_id, Mention.text).distinct()
    ):
        surfaces[(article_id, entity_id)].add(text)
    published = dict(session.execute(select(Article.id, Article.published)).all())
    entity_keys = {
        row.id: (row.type, row.name_key)
        for row in session.execute(select(Entity.id, Entity.type, Entity.name_key))
    }
    sha = dict(session.execute(select(Article.id, Article.sha256)).all())
    for (article_id, entity_id), texts in sorted(surfaces.items()):
        proxy = make("Documentation", sha[article_id], *entity_keys[entity_id], "mentioned")
        proxy.add("document", article_ids[article_id])
        proxy.add("entity", entity_ids[entity_id])
        proxy.add("role", "mentioned")
        proxy.add("namesMentioned", sorted(texts))
        proxy.add("date", published.get(article_id))
        yield finish(proxy)

    # Claims.
    for c in session.scalars(
        select(Claim)
        .where(
            func.coalesce(
                Claim.subject_entity_id, Claim.object_entity_id, Claim.source_entity_id
            ).is_not(None)
        )
        .order_by(Claim.article_id, Claim.start_char, Claim.id)
    ):
        key = (sha[c.article_id], c.start_char, c.end_char, c.action, c.subject_start,
               c.object_start)  # fmt: skip
        flags = [f for f, on in (("negated", c.negated), ("hedged", c.hedged)) if on]
        action = c.action + "".join(f" [{f}]" for f in flags)
        date = registry.date.clean(c.date_value) or published.get(c.article_id)
        source = c.source_text and f"according to {c.source_text}"
        subject = entity_ids.get(c.subject_entity_id) if c.subject_entity_id else None
        object_ = entity_ids.get(c.object_entity_id) if c.object_entity_id else None
        if subject and object_:
            link = make("UnknownLink", *key)
            link.add("subject", subject)
            link.add("object", object_)
            link.add("role", action)
            link.add("summary", c.sentence)
            link.add("date", date)
            link.add("proof", article_ids[c.article_id])
            link.add("description", source)
            link.add("status", ", ".join(flags) or None)
            yield finish(link)
        else:
            for part, entity in (("subject", subject), ("object", object_)):
                if entity:
                    yield finish(_claim_doc(make, key, part, entity, action, c, date, source,
                                            article_ids))  # fmt: skip
        if c.source_entity_id and c.source_entity_id in entity_ids:
            yield finish(
                _claim_doc(
                    make,
                    key,
                    "source",
                    entity_ids[c.source_entity_id],
                    action,
                    c,
                    date,
                    None,
                    article_ids,
                )  # fmt: skip
            )


def _claim_doc(
    make: Any,
    key: tuple[Any, ...],
    part: str,
    entity: str,
    action: str,
    claim: Any,
    date: str | None,
    source: str | None,
    article_ids: dict[int, str],
) -> Any:
    doc = make("Documentation", *key, part)
    doc.add("document", article_ids[claim.article_id])
    doc.add("entity", entity)
    doc.add("role", f"{part} of: {action}")
    doc.add("summary", claim.sentence)
    doc.add("date", date)
    doc.add("description", source)
    return doc


def write_ftm(session: Session, out: Any) -> dict[str, int]:
    """Write the FtM entities as JSON Lines to the text stream `out`.

    Returns:
        How many entities of each schema were written.
    """
    counts: dict[str, int] = defaultdict(int)
    for data in iter_ftm(session):
        out.write(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")
        counts[data["schema"]] += 1
    return dict(sorted(counts.items()))
