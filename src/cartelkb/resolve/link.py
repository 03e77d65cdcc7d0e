"""Cross-article linking: the knowledge-base entity a cluster denotes, or a new one.

Three steps per cluster: `candidates` proposes entities rule by rule from the indexed
look-ups of a `LinkIndex`, `decide` picks one (or none) among a rule's candidates, and
`link_cluster` applies the decision: it creates or renames the entity and records the
cluster's aliases with the rule that linked them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from cartelkb.knowledge import load, name_key
from cartelkb.resolve.cluster import Alias, Cluster
from cartelkb.resolve.names import COMPATIBLE, compare_key, nickname_forms, person_partial_keys
from cartelkb.resolve.score import (
    FUZZY_FLOOR,
    MARGIN,
    THRESHOLD,
    WORD_FLOOR,
    Features,
    explain,
    score,
    similarity,
)
from cartelkb.store import repository as repo
from cartelkb.store.models import Entity, EntityAlias, Mention

_NOT_DERIVED = ("surface", "knowledge", "curated")


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
                derived.add(key.split()[-1])  # nickname + surname ("Chapo Guzman")
        # alias key -> entity id -> kinds, for the keys above; entity id -> type.
        self.by_key: dict[str, dict[int, set[str]]] = {}
        self.types: dict[int, str] = {}
        for keys, kinds in ((plain, _NOT_DERIVED), (derived, ("derived",))):
            for chunk in repo.in_chunks(keys):
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
        self.linked: set[int] = set()  # entities the article's clusters linked to so far
        self.pending: list[dict[str, object]] = []  # aliases to insert (write_aliases)
        self.by_name: dict[str, set[int]] = {}
        for chunk in repo.in_chunks(names):
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
        for ids in repo.in_chunks(likely):
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

    def same_name_other_class(self, cluster: Cluster) -> dict[int, set[str]]:
        """Entities of another class sharing one of the cluster's own names (surface or
        gazetteer), for the class confusions `class_factor` allows."""
        every = {t for types in COMPATIBLE.values() for t in types}
        found = self.match(cluster.keys({"surface", "knowledge"}), every, _NOT_DERIVED)
        return {
            entity_id: keys
            for entity_id, keys in found.items()
            if self.types.get(entity_id) not in COMPATIBLE[cluster.label]
        }

    def shared_context(self, entity_id: int) -> int:
        """How many entities this article has linked so far are named in an article that
        names `entity_id` (one indexed query; asked only to tell candidates apart)."""
        if not self.linked:
            return 0
        other = aliased(Mention)
        rows = self.session.scalars(
            select(other.entity_id)
            .distinct()
            .select_from(Mention)
            .join(other, other.article_id == Mention.article_id)
            .where(Mention.entity_id == entity_id, other.entity_id.in_(sorted(self.linked)))
        )
        return len(set(rows) - {entity_id})

    def roles_of(self, entity_id: int) -> set[str]:
        """Name keys of the titles the entity's mentions carry ("President")."""
        rows = self.session.scalars(
            select(Mention.role).distinct().where(Mention.entity_id == entity_id)
        )
        return {name_key(r) for r in rows if r}

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

    `step` names the rule: "same-name" (a shared full name, gazetteer entry or acronym,
    of a compatible class or of one the NER confuses), "surname-of" (a bare name that is
    a known person's surname), "completes-surname" (a full name whose surname is a known
    person's only name), "similar-name" (a known name of the same given name or first
    word: a short form, initials or a surname left out, legal form left out, a near
    spelling), "nickname" (a nickname the person goes by, before the surname).
    """

    step: str
    found: dict[int, set[str]]  # entity id -> the keys it was found by
    flags: dict[int, set[str]] = field(default_factory=dict)  # entity id -> features


@dataclass
class Link:
    """What linking decided: the entity, the rule recorded on the aliases it gains, the
    class the cluster takes when the rule settles it, and the merge's features and score."""

    entity_id: int
    rule: str
    label: str | None = None
    features: Features | None = None
    score: float = 1.0


def candidates(cluster: Cluster, index: LinkIndex) -> Iterator[Candidates]:
    """Candidate entities for a cluster, one rule at a time, strongest rule first.

    A generator: a weaker rule's look-up (the similar-name rule queries the database)
    runs only when `decide` found no link among the stronger rule's candidates. Only
    the rules that apply to the cluster's kind of name are tried.
    """
    found = index.same_name(cluster)
    if found:
        yield Candidates("same-name", found)
        return
    crossed = index.same_name_other_class(cluster)
    if crossed:
        yield Candidates("same-name", crossed)
    single = len(cluster.key.split()) == 1
    if cluster.is_single_token_person or (
        cluster.label in {"ORG", "GPE", "LOC"} and not cluster.from_knowledge and single
    ):
        yield Candidates("surname-of", index.match({cluster.key}, {"PERSON"}, kinds={"derived"}))
    elif cluster.label == "PERSON":
        partial = person_partial_keys(cluster.name)
        if partial:
            named = index.persons_named(partial)
            yield Candidates("completes-surname", {e.id: {e.name_key} for e in named})
    for group in (_similar_names(cluster, index), _nickname_surname(cluster, index)):
        if group.found:
            yield group


def class_factor(cluster: Cluster, entity_type: str, entity_known: bool) -> float:
    """How far the cluster's class allows the entity's: 1 the same class (GPE and LOC
    alike), 0.9 for the confusions the statistical NER makes most (a person tagged ORG,
    or a full name tagged GPE; an unknown ORG or place that a personal name of two words
    or more shows to be a person; a name no gazetteer knows, tagged ORG in one article and
    a place in another), else 0.
    """
    if entity_type in COMPATIBLE.get(cluster.label, {cluster.label}):
        return 1.0
    if cluster.from_knowledge:
        return 0.0
    several = len(cluster.key.split()) >= 2
    if entity_type == "PERSON" and (cluster.label == "ORG" or several):
        return 0.9  # a person tagged ORG, or a full name tagged as a place
    if cluster.label == "PERSON" and not entity_known and several:
        return 0.9  # an unknown ORG or place named like the person
    if (
        not entity_known
        and {cluster.label, entity_type} in ({"ORG", "GPE"}, {"ORG", "LOC"})
        and load().lookup(cluster.name) is None
    ):
        return 0.9  # a name no gazetteer knows, tagged now ORG, now place ("Perth")
    return 0.0


def features(cluster: Cluster, group: Candidates, entity_id: int, index: LinkIndex) -> Features:
    """The features of merging the cluster into one candidate of a rule."""
    shared = group.found.get(entity_id, set())
    have = index.aliases_of(entity_id)
    known = any(kind == "knowledge" for _, kind in have)
    entity = index.entity(entity_id)
    entity_type = index.types.get(entity_id) or (entity.type if entity else cluster.label)
    f = Features(type=class_factor(cluster, entity_type, known))
    if entity is not None:
        f.similarity = similarity(cluster.key, entity.name_key)
    flags = group.flags.get(entity_id, set())
    for name in flags:
        setattr(f, name, True)
    if group.step == "same-name":
        strong = cluster.keys({"surface", "knowledge"})
        f.exact = bool(shared & strong)
        f.acronym = not f.exact
        f.knowledge = cluster.from_knowledge and (cluster.key, "knowledge") in have
    elif group.step == "surname-of":
        # The rule settles the class: a bare name the NER tagged ORG or GPE that is the
        # surname of one known person is that person.
        f.surname, f.type = True, 1.0
    elif group.step == "completes-surname":
        f.surname = entity is not None and len(entity.name_key.split()) == 1
    return f


def decide(cluster: Cluster, group: Candidates, index: LinkIndex) -> Link | None:
    """The entity a rule's candidates link the cluster to, or None to try the next rule.

    Every candidate is scored (`score.score`); the best links at `THRESHOLD` or above. A
    shared name links to the best-scored entity sharing the most keys (the oldest on a
    tie); the other rules link only when no second candidate comes within `MARGIN` of the
    best, so a surname two known people share links to neither, unless the context (the
    entities the article names with each) or a title tells them apart.
    """
    if not group.found:
        return None
    scored = []
    for entity_id in group.found:
        f = features(cluster, group, entity_id, index)
        scored.append((score(f), f, entity_id))
    if group.step != "same-name" and sum(s >= THRESHOLD for s, _, _ in scored) > 1:
        for _, f, entity_id in scored:
            f.context = index.shared_context(entity_id)
            f.title = bool(cluster.roles & index.roles_of(entity_id))
        scored = [(score(f), f, entity_id) for _, f, entity_id in scored]
    scored.sort(key=lambda t: (-t[0], -len(group.found[t[2]]), t[2]))
    best, f, entity_id = scored[0]
    if best < THRESHOLD:
        return None
    if group.step != "same-name" and len(scored) > 1 and best - scored[1][0] < MARGIN:
        return None
    entity_type = index.types.get(entity_id)
    label = None
    if f.type < 1.0 and entity_type == "PERSON":
        label = "PERSON"  # a person the NER tagged ORG or GPE
    if group.step == "same-name":
        rule = "same-name" if cluster.key in group.found[entity_id] else "alias"
    elif group.step in {"surname-of", "completes-surname"}:
        rule = "surname"
        if group.step == "surname-of":
            label = "PERSON"  # a bare surname is the one person it is the surname of
    elif group.step == "similar-name" and f.variant:
        rule = "given-name-variant"
    else:
        rule = group.step
    return Link(entity_id, rule, label=label, features=f, score=best)


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
        crossed = link.features is not None and link.features.type < 1.0
        if (
            crossed
            and entity is not None
            and entity.type != "PERSON"
            and cluster.label == "PERSON"
            and repo.entity_by_key(session, entity.name_key, "PERSON") is None
        ):
            # An unknown ORG or place a personal name shows to be a person (unless a
            # person of that name exists: the schema holds one per name and type).
            entity.type = "PERSON"
            index.types[entity.id] = "PERSON"
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
    index.linked.add(entity.id)
    why = None
    if link is not None and link.features is not None and rule != "new":
        why = explain(link.features, link.score)
    _add_aliases(session, entity, cluster.aliases, rule, index, why)
    if alone:
        index.write_aliases()
    return entity


def _similar_names(cluster: Cluster, index: LinkIndex) -> Candidates:
    """Known names of the cluster's class that start like its name, with what they share.

    "Pam Bondi" and "Pamela Bondi" (a short form of the given name: variant), "Kenneth
    E. Melson" and "Kenneth Melson" or "Intel Corp." and "Intel" (the same `compare_key`),
    "Osiel Cardenas" and "Osiel Cardenas Guillen" (the shorter name's words in order,
    same given name: subname), "Duncan Rait" and "Duncan Raite" (a near spelling, scored
    by similarity). Candidates come from a range on the indexed name key (names starting
    with the same three letters), never from everyone sharing a surname.
    """
    group = Candidates("similar-name", {})
    words = cluster.key.split()
    if (
        cluster.label not in {"PERSON", "ORG"}
        or not words
        or len(words[0]) < 3
        or (cluster.label == "PERSON" and len(words) < 2)
    ):
        return group
    mine = compare_key(cluster.name, cluster.label)
    prefix = words[0][:3]
    for other in index.session.scalars(
        select(Entity).where(Entity.name_key >= prefix, Entity.name_key < prefix + "\U0010ffff")
    ):
        if other.name_key == cluster.key or other.type != cluster.label:
            continue
        theirs = other.name_key.split()
        flags: set[str] = set()
        if compare_key(other.name, other.type) == mine:
            flags.add("compare")
        if cluster.label == "PERSON":
            if theirs[1:] == words[1:] and theirs[0] != words[0]:
                short, long_ = sorted((words[0], theirs[0]), key=len)
                if long_.startswith(short):
                    flags.add("variant")
            shorter, longer = sorted((words, theirs), key=len)
            # The maternal surname left out ("Osiel Cardenas" of "Osiel Cardenas
            # Guillen"), or one middle name ("Luann Johnson" of "Luann Marie Johnson");
            # never a surname skipped inside a compound one ("Juan Gonzalez" is not
            # "Juan Reyes Mejia-Gonzalez").
            if (
                2 <= len(shorter) < len(longer)
                and shorter[0] == longer[0]
                and (
                    longer[: len(shorter)] == shorter
                    or (len(shorter) == 2 and len(longer) == 3 and shorter[-1] == longer[-1])
                )
            ):
                flags.add("subname")
        near = similarity(cluster.key, other.name_key) >= FUZZY_FLOOR
        if cluster.label == "PERSON" and theirs[0] != words[0]:
            near = False  # a near spelling of the surname, never of the given name
        if (
            near
            and cluster.label == "PERSON"
            and len(theirs) == len(words)
            and any(
                a != b and similarity(a, b) < WORD_FLOOR for a, b in zip(words, theirs, strict=True)
            )
        ):
            # Each word a near spelling of its counterpart: "Joaquin Guzman Lopez" is not
            # "Joaquin Guzman Loera" (another maternal surname: a relative).
            near = False
        if near:
            flags.add("near")
        if flags:
            index.remember(other)
            index.types[other.id] = other.type
            group.found[other.id] = {other.name_key}
            group.flags[other.id] = flags
    return group


def _nickname_surname(cluster: Cluster, index: LinkIndex) -> Candidates:
    """Persons a name of the form nickname + surname denotes ("Chapo Guzmán" for the
    Guzmán known as "El Chapo"): the surname is one of theirs, the words before it a
    nickname they go by (with or without its Spanish article)."""
    group = Candidates("nickname", {})
    words = cluster.key.split()
    if cluster.label != "PERSON" or len(words) < 2:
        return group
    surname, nickname = words[-1], " ".join(words[:-1])
    for entity_id in index.match({surname}, {"PERSON"}, ["derived"]):
        entity = index.entity(entity_id)
        if entity is None or entity.name_key.split()[0] == words[0]:
            continue  # the same given name is the similar-name rule's
        forms = {
            form
            for key, kind in index.aliases_of(entity_id)
            if kind != "derived" and len(key.split()) <= 3
            for form in nickname_forms(key)
        }
        if nickname in forms:
            group.found[entity_id] = {surname, nickname}
            group.flags[entity_id] = {"nickname"}
    return group


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
    session: Session,
    entity: Entity,
    aliases: Sequence[Alias],
    rule: str,
    index: LinkIndex,
    why: str | None = None,
) -> None:
    existing = index.aliases_of(entity.id)
    rows = index.pending
    for alias in aliases:
        if (alias.key, alias.kind) in existing or not alias.key:
            continue
        index.added(entity.id, alias.key, alias.kind)
        evidence = alias.evidence
        if rule not in {"new", "same-name"} and alias.kind == "surface":
            linked = f"linked by {rule}" + (f" ({why})" if why else "")
            evidence = linked + (f"; {evidence}" if evidence else "")
        elif why and alias.kind == "surface":
            # A name new to the entity, merged by a shared name: the merge's score too.
            evidence = f"merged ({why})" + (f"; {evidence}" if evidence else "")
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
