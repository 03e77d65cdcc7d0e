"""An article's mentions -> clusters, one per entity, each with its aliases and why."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from cartelkb.knowledge import load, name_key, strip_accents
from cartelkb.records import MentionRecord
from cartelkb.resolve.names import compare_key, org_initials, person_partial_keys


@dataclass
class Alias:
    """A name of a cluster, with how it got there."""

    text: str
    key: str
    kind: str  # surface | derived | knowledge
    rule: str
    evidence: str | None = None


@dataclass
class Cluster:
    """Mentions of one entity within one article."""

    label: str
    name: str
    mention_indices: list[int] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    from_knowledge: bool = False
    roles: set[str] = field(default_factory=set)  # name keys of its mentions' titles

    @property
    def key(self) -> str:
        return name_key(self.name)

    def keys(self, kinds: set[str] | None = None) -> set[str]:
        return {a.key for a in self.aliases if kinds is None or a.kind in kinds}

    def add_alias(self, alias: Alias) -> None:
        if alias.key and all((a.key, a.kind) != (alias.key, alias.kind) for a in self.aliases):
            self.aliases.append(alias)

    @property
    def is_single_token_person(self) -> bool:
        return self.label == "PERSON" and len(self.key.split()) == 1


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.why: dict[int, tuple[str, str]] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, rule: str, evidence: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.why.setdefault(b, (rule, evidence))


def mention_key(m: MentionRecord) -> str:
    return name_key(m.canonical or m.name)


def cluster_mentions(mentions: Sequence[MentionRecord]) -> tuple[list[Cluster], list[int]]:
    """Group an article's mentions into entities.

    Rules, in order: same normalized name (or same gazetteer entry); an explicit alias
    in the text (nickname, "known as", acronym defined in parentheses); a surname or
    partial name to the one compatible full name in the article (else the nearest
    preceding one). Every union records its rule and evidence.

    Returns:
        (clusters, cluster index of each mention)
    """
    mentions = _person_labels(mentions)
    n = len(mentions)
    uf = _UnionFind(n)
    # Surnames and partial names of the full personal names in this article.
    full_people = [
        (i, m)
        for i, m in enumerate(mentions)
        if m.label == "PERSON" and len(name_key(m.name).split()) >= 2
    ]
    partial_index: dict[str, list[int]] = {}
    for i, m in full_people:
        for key in person_partial_keys(m.name):
            partial_index.setdefault(key, []).append(i)
    # A surname two different people share ("Guzmán" for father and son) is resolved
    # mention by mention below, never by lumping all its occurrences together first.
    ambiguous = {
        key
        for key, idx in partial_index.items()
        if len({name_key(mentions[i].name) for i in idx}) > 1
    }
    by_key: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        cls = "GPE" if m.label in {"GPE", "LOC"} else m.label
        # Organizations compare without their legal form: "Intel Corp." is "Intel".
        k = (compare_key(m.name, "ORG") if cls == "ORG" else mention_key(m), cls)
        if cls == "ORG" and m.canonical:
            k = (compare_key(m.canonical, "ORG"), cls)
        if cls == "PERSON" and k[0] in ambiguous:
            continue
        if k in by_key:
            rule = "knowledge" if m.canonical else "same-name"
            if mention_key(m) != mention_key(mentions[by_key[k]]) and not m.canonical:
                rule = "compare-key"
            uf.union(by_key[k], i, rule, f"{mentions[by_key[k]].text!r} = {m.text!r}")
        else:
            by_key[k] = i
    for i, m in enumerate(mentions):
        if m.alias_of is not None and 0 <= m.alias_of < n:
            uf.union(
                m.alias_of,
                i,
                "alias-in-text",
                f"{m.text!r} given as alias of {mentions[m.alias_of].text!r}",
            )
        if m.acronym:
            j = by_key.get((compare_key(m.acronym, "ORG"), "ORG"))
            if j is not None:
                uf.union(i, j, "acronym", f"{m.text} ({m.acronym})")
    # Surnames and partial names -> the full name of a person in this article.
    for i, m in enumerate(mentions):
        if m.label != "PERSON":
            continue
        key = mention_key(m)
        candidates = partial_index.get(key)
        if not candidates:
            continue
        roots = {uf.find(c) for c in candidates}
        if len(roots) == 1:
            target = candidates[0]
        else:
            # Several people share the name: the one most recently mentioned (under any
            # of their names) is meant, as a reader would take it.
            last_seen: dict[int, int] = {}
            for j, other in enumerate(mentions):
                if other.start >= m.start:
                    break
                root = uf.find(j)
                if root in roots:
                    last_seen[root] = other.start
            if last_seen:
                best_root = max(last_seen, key=lambda r: last_seen[r])
                target = next(c for c in candidates if uf.find(c) == best_root)
            else:
                target = candidates[0]
        uf.union(target, i, "surname", f"{m.text!r} is part of {mentions[target].text!r}")
    _link_given_names(mentions, full_people, partial_index, uf)

    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(i)
    clusters: list[Cluster] = []
    assignment = [0] * n
    for members in groups.values():
        ms = [mentions[i] for i in members]
        label = _vote_label(ms)
        known = [m.canonical for m in ms if m.canonical]
        if not known and label in {"PERSON", "ORG"}:
            official = _official_by_surname(ms)
            if official is not None:
                known, label = [official], "PERSON"
        name = _accented(known[0], ms) if known else _fullest_name(ms, label)
        cluster = Cluster(
            label=label,
            name=name,
            mention_indices=members,
            from_knowledge=bool(known),
            roles={name_key(m.role) for m in ms if m.role},
        )
        for i in members:
            m = mentions[i]
            rule, evidence = uf.why.get(i, ("first-mention", None))
            cluster.add_alias(Alias(m.name, name_key(m.name), "surface", rule, evidence))
            if m.acronym:
                cluster.add_alias(
                    Alias(
                        m.acronym,
                        name_key(m.acronym),
                        "derived",
                        "acronym",
                        f"{m.text} ({m.acronym})",
                    )
                )
        if known:
            cluster.add_alias(
                Alias(name, name_key(name), "knowledge", "knowledge", "packaged gazetteer")
            )
            entry = load().lookup(name)
            if entry is not None:
                for extra in (*entry.aliases, *entry.acronyms):
                    cluster.add_alias(
                        Alias(extra, name_key(extra), "derived", "knowledge", "packaged gazetteer")
                    )
        initials = org_initials(name) if label == "ORG" else None
        if initials:
            cluster.add_alias(
                Alias(initials, name_key(initials), "derived", "initials", f"initials of {name!r}")
            )
        if label == "PERSON":
            for key in person_partial_keys(name):
                cluster.add_alias(Alias(key, key, "derived", "surname", f"part of {name!r}"))
        for i in members:
            assignment[i] = len(clusters)
        clusters.append(cluster)
    return clusters, assignment


def _link_given_names(
    mentions: Sequence[MentionRecord],
    full_people: list[tuple[int, MentionRecord]],
    partial_index: dict[str, list[int]],
    uf: _UnionFind,
) -> None:
    """A lone given name after the full name of the one person in the article it begins
    is that person: "the new head of the task forces, Jane Roe. Jane, thank you"."""
    given: dict[str, set[str]] = {}
    first_at: dict[str, int] = {}
    for i, m in full_people:
        words = name_key(m.name).split()
        given.setdefault(words[0], set()).add(" ".join(words))
        first_at.setdefault(words[0], i)
    for i, m in enumerate(mentions):
        key = mention_key(m)
        if m.label != "PERSON" or " " in key or key in partial_index or m.canonical:
            continue
        names = given.get(key)
        if names is None or len(names) != 1:
            continue
        target = first_at[key]
        if mentions[target].start < m.start and uf.find(target) != uf.find(i):
            uf.union(target, i, "given-name", f"{m.text!r} begins {mentions[target].text!r}")


def _vote_label(ms: Sequence[MentionRecord]) -> str:
    """Type conflicts are settled by evidence: gazetteer first, then the majority."""
    for m in ms:
        if m.canonical:
            return m.label
    votes = Counter(m.label for m in ms)
    # A full personal name outweighs a stray ORG tag on the bare surname.
    if any(m.label == "PERSON" and len(m.name.split()) >= 2 for m in ms):
        return "PERSON"
    return votes.most_common(1)[0][0]


def _fullest_name(ms: Sequence[MentionRecord], label: str) -> str:
    """The fullest proper form: most words, then mixed case, then accented, then first.

    A name seen only in capitals (a "WASHINGTON —" dateline) is title-cased unless it
    is short enough to be an acronym.
    """

    def score(m: MentionRecord) -> tuple[int, int, int, int, int]:
        words = m.name.split()
        return (
            len(words),
            int(not m.name.isupper()),
            sum(w[:1].isupper() for w in words),
            int(strip_accents(m.name) != m.name),
            -m.start,
        )

    same_label = [m for m in ms if m.label == label] or list(ms)
    name = max(same_label, key=score).name
    if name.isupper() and len(name.replace(".", "").replace(" ", "")) > 5:
        name = name.title()
    return name


def _accented(canonical: str, ms: Sequence[MentionRecord]) -> str:
    """The gazetteer's name, or the text's accented spelling of it ("Joaquín Guzmán
    Loera" for the SDN list's "Joaquin Guzman Loera"): same name key, more accents."""
    if strip_accents(canonical) != canonical:
        return canonical
    key = name_key(canonical)
    for m in ms:
        if strip_accents(m.name) != m.name and name_key(m.name) == key:
            return m.name
    return canonical


def _person_labels(mentions: Sequence[MentionRecord]) -> list[MentionRecord]:
    """Mentions the article shows to be persons, labelled PERSON.

    The statistical NER tags some personal names ORG or GPE in one place and PERSON in
    another ("Eduardo Arellano-Felix", "Costilla-Sanchez"); a name the gazetteer does not
    know that is the full name or a surname of a person of the same article is that
    person. A name the packaged knowledge gives a class keeps it, and so does a name
    that defines an acronym ("the Arellano-Felix (AFO)": the family's organization).
    """
    person_keys: set[str] = set()
    for m in mentions:
        if m.label == "PERSON" and len(name_key(m.name).split()) >= 2:
            person_keys.add(mention_key(m))
            person_keys.update(person_partial_keys(m.name))
    out = list(mentions)
    for i, m in enumerate(mentions):
        if m.label == "ORG" and not m.canonical and not m.acronym and mention_key(m) in person_keys:
            out[i] = m.model_copy(update={"label": "PERSON"})
    return out


def _official_by_surname(ms: Sequence[MentionRecord]) -> str | None:
    """The known official a cluster of bare surnames names ("Trump", "President Trump"
    -> Donald Trump; "Biden" tagged ORG -> Joe Biden), when the officials file has one
    person of that surname; the article names no one else by it (clustering put any
    full name with that surname in the same cluster)."""
    keys = {mention_key(m) for m in ms}
    if len(keys) != 1:
        return None
    key = next(iter(keys))
    if " " in key or load().lookup(key) is not None:
        return None
    entry = load().person_by_surname(key)
    return entry.canonical if entry is not None else None
