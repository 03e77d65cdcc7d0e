"""Cross-article linking: the knowledge-base entity a cluster denotes, or a new one.

Three steps per cluster: `candidates` proposes entities rule by rule from the indexed
look-ups of a `LinkIndex`, `decide` picks one (or none) among a rule's candidates, and
`link_cluster` applies the decision: it creates or renames the entity and records the
cluster's aliases with the rule that linked them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from cartelkb.resolve.cluster import Alias, Cluster
from cartelkb.resolve.names import COMPATIBLE, person_partial_keys
from cartelkb.store import repository as repo
from cartelkb.store.models import Entity, EntityAlias

_T = TypeVar("_T")
_NOT_DERIVED = ("surface", "knowledge", "curated")
_IN_CHUNK = 500  # keys per IN (...) list, well under SQLite's bound-parameter limit


def _chunks(values: Iterable[_T]) -> Iterator[list[_T]]:
    items = sorted(set(values), key=str)
    for i in range(0, len(items), _IN_CHUNK):
        yield items[i : i + _IN_CHUNK]


class LinkIndex:
    """The rows linking an article's clusters can consult, fetched in a few indexed queries.

    `link_cluster` asks, per cluster: which entities have these alias keys (of these
    kinds), which persons have these canonical name keys, and which aliases the chosen
    entity already has. Asked of the database cluster by cluster that is four to six
    queries each; this answers them for all of an article's clusters from rows loaded up
    front by key (never by scanning), and is kept current as linking creates entities,
    renames them and adds aliases, so each cluster sees what the ones before it wrote.
    The article's transaction holds the write lock, so no other writer changes them.
    """

    def __init__(self, session: Session, clusters: Sequence[Cluster]) -> None:
        self.session = session
        plain: set[str] = set()  # looked up among surface/knowledge/curated aliases
        derived: set[str] = set()  # looked up among derived aliases
        names: set[str] = set()  # looked up among persons' canonical name keys
        keys_of = [c.key for c in clusters]  # a property that normalizes on each access
        for c, key in zip(clusters, keys_of, strict=True):
            strong = c.keys({"surface", "knowledge"})
            plain |= strong
            if c.label != "PERSON":
                plain |= c.keys({"derived"})
                derived |= strong | c.keys({"derived"})
            if " " not in key:
                derived.add(key)
            elif c.label == "PERSON":
                names.update(person_partial_keys(c.name))
        # alias key -> entity id -> kinds, for the keys above; entity id -> type.
        self.by_key: dict[str, dict[int, set[str]]] = {}
        self.types: dict[int, str] = {}
        for keys, kinds in ((plain, _NOT_DERIVED), (derived, ("derived",))):
            for chunk in _chunks(keys):
                rows = session.execute(
                    select(
                        EntityAlias.alias_key, EntityAlias.entity_id, EntityAlias.kind, Entity.type
                    )
                    .join(Entity, Entity.id == EntityAlias.entity_id)
                    .where(EntityAlias.alias_key.in_(chunk), EntityAlias.kind.in_(kinds))
                )
                for key, entity_id, kind, type_ in rows:
                    self.by_key.setdefault(key, {}).setdefault(entity_id, set()).add(kind)
                    self.types[entity_id] = type_
        self.entities: dict[int, Entity] = {}
        self.pending: list[dict[str, object]] = []  # aliases to insert (write_aliases)
        self.by_name: dict[str, set[int]] = {}
        for chunk in _chunks(names):
            # Filter the type here: on `name_key IN (...) AND type = ...` SQLite may pick
            # the type index and scan every person.
            for entity in session.scalars(select(Entity).where(Entity.name_key.in_(chunk))):
                self.entities[entity.id] = entity
                self.types[entity.id] = entity.type
                self.by_name.setdefault(entity.name_key, set()).add(entity.id)
        # The entity each cluster would link to as things stand: load those (into the
        # session's identity map) and their aliases in two queries. Only a guess (linking
        # may decide otherwise, then it loads what it needs), never every entity a common
        # surname matched.
        likely: set[int] = set()
        for c, key in zip(clusters, keys_of, strict=True):
            found = self.same_name(c)
            if found:
                likely.add(_best(found))
            elif " " not in key:
                likely.update(self.match({key}, {"PERSON"}, ["derived"]))
        likely |= {i for ids in self.by_name.values() for i in ids}
        self.aliases: dict[int, set[tuple[str, str]]] = {}
        for ids in _chunks(likely):
            # Held here: the session's identity map keeps only weak references.
            for entity in session.scalars(select(Entity).where(Entity.id.in_(ids))):
                self.entities[entity.id] = entity
            for entity_id, alias_key, kind in session.execute(
                select(EntityAlias.entity_id, EntityAlias.alias_key, EntityAlias.kind).where(
                    EntityAlias.entity_id.in_(ids)
                )
            ):
                self.aliases.setdefault(entity_id, set()).add((alias_key, kind))
            for entity_id in ids:
                self.aliases.setdefault(entity_id, set())

    def same_name(self, cluster: Cluster) -> dict[int, set[str]]:
        """Entities of a compatible type sharing one of the cluster's names, with the
        keys shared (a person's derived keys, its surnames, do not count here)."""
        types = COMPATIBLE[cluster.label]
        strong = cluster.keys({"surface", "knowledge"})
        if cluster.label != "PERSON":
            strong |= cluster.keys({"derived"})
        found = self.match(strong, types, _NOT_DERIVED)
        if cluster.label != "PERSON":
            for entity_id, keys in self.match(strong, types, ["derived"]).items():
                found.setdefault(entity_id, set()).update(keys)
        return found

    def match(
        self, keys: Iterable[str], types: Iterable[str], kinds: Iterable[str]
    ) -> dict[int, set[str]]:
        """Like `repository.entities_by_alias_keys`, from the loaded rows."""
        types, kinds = set(types), set(kinds)
        found: dict[int, set[str]] = {}
        for key in set(keys):
            for entity_id, have in self.by_key.get(key, {}).items():
                if have & kinds and self.types.get(entity_id) in types:
                    found.setdefault(entity_id, set()).add(key)
        return found

    def persons_named(self, keys: Iterable[str]) -> list[Entity]:
        """Persons whose canonical name key is one of `keys`."""
        ids = {i for key in keys for i in self.by_name.get(key, ())}
        found = [self.entity(i) for i in sorted(ids)]
        return [e for e in found if e is not None and e.type == "PERSON"]

    def remember(self, entity: Entity) -> None:
        """Hold an entity a look-up outside the index loaded, for `entity`."""
        self.entities[entity.id] = entity

    def entity(self, entity_id: int) -> Entity | None:
        found = self.entities.get(entity_id)
        if found is None:
            found = self.session.get(Entity, entity_id)
            if found is not None:
                self.entities[entity_id] = found
        return found

    def write_aliases(self) -> None:
        """Insert the aliases linking added, in one statement."""
        rows, self.pending = self.pending, []
        repo.insert_aliases(self.session, rows)  # junk keys ("from") are left out

    def aliases_of(self, entity_id: int) -> set[tuple[str, str]]:
        """(alias key, kind) pairs the entity has (loaded once, then kept current)."""
        have = self.aliases.get(entity_id)
        if have is None:
            have = self.aliases[entity_id] = {
                (key, kind)
                for key, kind in self.session.execute(
                    select(EntityAlias.alias_key, EntityAlias.kind).where(
                        EntityAlias.entity_id == entity_id
                    )
                )
            }
        return have

    def created(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        self.types[entity.id] = entity.type
        self.by_name.setdefault(entity.name_key, set()).add(entity.id)
        self.aliases[entity.id] = set()

    def renamed(self, entity: Entity, old_key: str) -> None:
        self.by_name.get(old_key, set()).discard(entity.id)
        self.by_name.setdefault(entity.name_key, set()).add(entity.id)

    def added(self, entity_id: int, key: str, kind: str) -> None:
        self.aliases_of(entity_id).add((key, kind))
        self.by_key.setdefault(key, {}).setdefault(entity_id, set()).add(kind)


@dataclass
class Candidates:
    """The entities one linking rule proposes for a cluster.

    `step` names the rule: "same-name" (a shared full name, gazetteer entry or acronym),
    "surname-of" (a bare name that is a known person's surname), "completes-surname" (a
    full name whose surname is a known person's only name), "given-name-variant".
    """

    step: str
    found: dict[int, set[str]]  # entity id -> the keys it was found by


@dataclass
class Link:
    """What linking decided: the entity, the rule recorded on the aliases it gains, and
    the class the cluster takes when the rule settles it."""

    entity_id: int
    rule: str
    label: str | None = None


def candidates(cluster: Cluster, index: LinkIndex) -> Iterator[Candidates]:
    """Candidate entities for a cluster, one rule at a time, strongest rule first.

    A generator: a weaker rule's look-up (the given-name variant queries the database)
    runs only when `decide` found no link among the stronger rule's candidates. Only
    the rules that apply to the cluster's kind of name are tried.
    """
    found = index.same_name(cluster)
    if found:
        yield Candidates("same-name", found)
    elif cluster.is_single_token_person or (
        cluster.label in {"ORG", "GPE", "LOC"}
        and not cluster.from_knowledge
        and len(cluster.key.split()) == 1
    ):
        yield Candidates("surname-of", index.match({cluster.key}, {"PERSON"}, kinds={"derived"}))
    elif cluster.label == "PERSON":
        partial = person_partial_keys(cluster.name)
        if partial:
            named = index.persons_named(partial)
            yield Candidates("completes-surname", {e.id: {e.name_key} for e in named})
        yield Candidates("given-name-variant", _given_name_variants(cluster, index))


def decide(cluster: Cluster, group: Candidates, index: LinkIndex) -> Link | None:
    """The entity a rule's candidates link the cluster to, or None to try the next rule.

    A shared name links to the entity sharing the most keys (the oldest on a tie); the
    other rules link only when they found exactly one candidate, so a surname two known
    people share links to neither.
    """
    if group.step == "same-name":
        best = _best(group.found)
        return Link(best, "same-name" if cluster.key in group.found[best] else "alias")
    if len(group.found) != 1:
        return None
    only = next(iter(group.found))
    if group.step == "surname-of":
        # A bare surname is the one person it is the surname of.
        return Link(only, "surname", label="PERSON")
    if group.step == "completes-surname":
        # A full name completes a person known so far by surname only.
        known = index.entity(only)
        if known is None or len(known.name_key.split()) != 1:
            return None
        return Link(only, "surname")
    return Link(only, group.step)


def _best(found: dict[int, set[str]]) -> int:
    """The entity sharing the most keys; the oldest (lowest id) on a tie."""
    return sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0]))[0][0]


def choose(cluster: Cluster, index: LinkIndex) -> Link | None:
    """The link the first deciding rule makes; None when the cluster is a new entity."""
    for group in candidates(cluster, index):
        link = decide(cluster, group, index)
        if link is not None:
            return link
    return None


def link_cluster(session: Session, cluster: Cluster, index: LinkIndex | None = None) -> Entity:
    """Find the knowledge-base entity a cluster denotes, or create it.

    Look-ups go through the indexed alias keys only, so the cost does not grow with
    the number of entities. Rules (`candidates`, then `decide`): a shared full name,
    gazetteer entry or acronym; a bare surname to the one person known by it (never
    when two people share it); a full name to the one bare-surname entity it completes;
    a full name to the one person whose given name is a short form of its own.

    Args:
        index: the article's `LinkIndex` (built for this one cluster when omitted).
    """
    alone = index is None
    if index is None:
        index = LinkIndex(session, [cluster])
    link = choose(cluster, index)
    entity: Entity | None = None
    rule = "new"
    if link is not None:
        if link.label is not None:
            cluster.label = link.label
        entity = index.entity(link.entity_id)
        rule = link.rule
    if entity is None:
        # Insert-or-get: an entity of this key and type (unique in the schema) that the
        # rules did not find (a renamed one) or that another writer inserted is reused.
        entity, created = repo.insert_or_get_entity(
            session, cluster.name, cluster.key, cluster.label
        )
        if created:
            index.created(entity)
            rule = "new"
        else:
            index.remember(entity)
            index.types[entity.id] = entity.type
            rule = "same-name"
    elif _fuller(cluster, entity) and repo.entity_by_key(session, cluster.key, entity.type) is None:
        # (Never onto the key of another entity of its type: the schema forbids two.)
        old_key = entity.name_key
        entity.name = cluster.name
        entity.name_key = cluster.key
        index.renamed(entity, old_key)
    _add_aliases(session, entity, cluster.aliases, rule, index)
    if alone:
        index.write_aliases()
    return entity


def _given_name_variants(cluster: Cluster, index: LinkIndex) -> dict[int, set[str]]:
    """Known persons whose name differs only by a short form of the given name.

    "Pam Bondi" and "Pamela Bondi", "Rob Smith" and "Robert Smith": same surnames, and
    one given name is the start of the other (three letters at least). Candidates come
    from a range on the indexed name key (names starting with the same three letters),
    never from everyone sharing the surname.
    """
    words = cluster.key.split()
    if len(words) < 2 or len(words[0]) < 3:
        return {}
    prefix = words[0][:3]
    found: dict[int, set[str]] = {}
    for other in index.session.scalars(
        select(Entity).where(Entity.name_key >= prefix, Entity.name_key < prefix + "\U0010ffff")
    ):
        theirs = other.name_key.split()
        if other.type != "PERSON" or theirs[1:] != words[1:] or theirs[0] == words[0]:
            continue
        short, long_ = sorted((words[0], theirs[0]), key=len)
        if long_.startswith(short):
            index.remember(other)
            found[other.id] = {other.name_key}
    return found


def _fuller(cluster: Cluster, entity: Entity) -> bool:
    """Whether the cluster's name is a better canonical name than the entity's."""
    if cluster.label != entity.type and not (
        cluster.label in {"GPE", "LOC"} and entity.type in {"GPE", "LOC"}
    ):
        return False
    if cluster.from_knowledge:
        return entity.name_key != cluster.key
    return len(cluster.key.split()) > len(entity.name_key.split())


def _add_aliases(
    session: Session, entity: Entity, aliases: Sequence[Alias], rule: str, index: LinkIndex
) -> None:
    existing = index.aliases_of(entity.id)
    rows = index.pending
    for alias in aliases:
        if (alias.key, alias.kind) in existing or not alias.key:
            continue
        index.added(entity.id, alias.key, alias.kind)
        evidence = alias.evidence
        if rule not in {"new", "same-name"} and alias.kind == "surface":
            evidence = f"linked by {rule}" + (f"; {evidence}" if evidence else "")
        rows.append(
            {
                "entity_id": entity.id,
                "alias": alias.text,
                "alias_key": alias.key,
                "kind": alias.kind,
                "rule": alias.rule if rule in {"new", "same-name"} else rule,
                "evidence": evidence,
            }
        )
