"""Names to entities: the ids a name or alias denotes, the names a card shows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import select, union_all

from cartelkb.knowledge import name_key
from cartelkb.query.views import SHOWN_KINDS
from cartelkb.store.schema import (
    entities,
    entity_aliases,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    Db = Connection | Session


_ENTITY_ID = re.compile(r"#?([0-9]+)")


def entity_id_of(name: str) -> int | None:
    """The entity id `name` addresses ("#41" or "41"), or None when it is not one."""
    found = _ENTITY_ID.fullmatch(name.strip())
    return int(found.group(1)) if found else None


def find_entity_ids(db: Db, name: str, *, by_id: bool = True) -> list[int]:
    """Ids of entities whose canonical name or a shown alias equals `name` (normalized).

    `#41` (or `41`, when entity 41 exists) is entity 41. A name known only as a derived
    key (a surname such as "Oseguera", initials) is the fall-back. Every look-up is an
    equality on an indexed key column.

    Args:
        by_id: read `#41` and `41` as ids (False for stored names, never ids).
    """
    entity_id = entity_id_of(name) if by_id else None
    if entity_id is not None:
        found = db.scalar(select(entities.c.id).where(entities.c.id == entity_id))
        if found is not None or name.strip().startswith("#"):
            return [] if found is None else [found]
    key = name_key(name)
    if not key:
        return []
    by_name = select(entities.c.id).where(entities.c.name_key == key)
    by_alias = select(entity_aliases.c.entity_id).where(
        entity_aliases.c.alias_key == key, entity_aliases.c.kind != "derived"
    )
    ids = set(db.scalars(union_all(by_name, by_alias)))
    if not ids:
        ids = set(
            db.scalars(select(entity_aliases.c.entity_id).where(entity_aliases.c.alias_key == key))
        )
    return sorted(ids)


def display_aliases(db: Db, entity_id: int, name: str, key: str) -> list[str]:
    """Names the entity was seen under (surface, curated), the canonical one excluded."""
    names: dict[str, None] = {}
    for alias, alias_key in db.execute(
        select(entity_aliases.c.alias, entity_aliases.c.alias_key)
        .where(entity_aliases.c.entity_id == entity_id, entity_aliases.c.kind.in_(SHOWN_KINDS))
        .order_by(entity_aliases.c.id)
    ):
        if alias_key != key and alias != name:
            names.setdefault(alias)
    return list(names)
