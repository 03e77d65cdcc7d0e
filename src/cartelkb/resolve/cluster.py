"""An article's mentions -> clusters, one per entity, each with its aliases and why."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from cartelkb.knowledge import load, name_key, strip_accents
from cartelkb.records import MentionRecord
from cartelkb.resolve.names import org_initials, person_partial_keys


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
        k = (mention_key(m), cls)
        if cls == "PERSON" and k[0] in ambiguous:
            continue
        if k in by_key:
            rule = "knowledge" if m.canonical else "same-name"
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
            j = by_key.get((name_key(m.acronym), "ORG"))
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

    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(i)
    clusters: list[Cluster] = []
    assignment = [0] * n
    for members in groups.values():
        ms = [mentions[i] for i in members]
        label = _vote_label(ms)
        known = [m.canonical for m in ms if m.canonical]
        name = known[0] if known else _fullest_name(ms, label)
        cluster = Cluster(
            label=label, name=name, mention_indices=members, from_knowledge=bool(known)
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
