"""Coreference scores: MUC, B-cubed, CEAF-e and their mean, the CoNLL F1.

Definitions as in the CoNLL-2012 reference scorer (Pradhan et al. 2014, "Scoring
Coreference Partitions of Predicted Mentions: A Reference Implementation", ACL), for a
key (gold) and a response (system) partition of mentions, mentions on one side only
allowed:

* MUC (Vilain et al. 1995): recall = sum over key entities k of |k| - |p(k)|, over sum of
  |k| - 1, where p(k) are the parts of k cut by the response entities (a mention the
  response lacks is a part by itself); precision swaps key and response.
* B-cubed (Bagga and Baldwin 1998): recall = sum over k and response entities r of
  |k & r|^2 / |k|, over the number of key mentions; precision swaps the roles.
* CEAF-e (Luo 2005): phi4(k, r) = 2 |k & r| / (|k| + |r|); the one-to-one alignment of
  key and response entities with the largest total phi4 (Kuhn-Munkres, here scipy's
  `linear_sum_assignment`), divided by the number of key (recall) or response
  (precision) entities.

A zero denominator gives 0 (an all-singleton key has no MUC links).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

Partition = Sequence[frozenset[Hashable]]
M = TypeVar("M", bound=Hashable)


@dataclass(frozen=True)
class PRF:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class CorefScores:
    muc: PRF
    b_cubed: PRF
    ceaf_e: PRF

    @property
    def conll(self) -> float:
        """CoNLL F1: the unweighted mean of the MUC, B-cubed and CEAF-e F1."""
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3


def partition(clusters: Iterable[Iterable[Hashable]]) -> list[frozenset[Hashable]]:
    """Clusters as disjoint frozensets, empty ones dropped.

    Raises:
        ValueError: a mention is in two clusters.
    """
    out: list[frozenset[Hashable]] = []
    seen: set[Hashable] = set()
    for cluster in clusters:
        members = frozenset(cluster)
        if not members:
            continue
        if seen & members:
            raise ValueError(f"mentions in two clusters: {sorted(map(str, seen & members))}")
        seen |= members
        out.append(members)
    return out


def from_labels(labels: Mapping[M, Hashable]) -> list[frozenset[Hashable]]:
    """A partition from a mention -> cluster-label mapping."""
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, label in labels.items():
        groups[label].add(mention)
    return [frozenset(g) for g in groups.values()]


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _muc_recall(key: Partition, response: Partition) -> float:
    owner = {m: i for i, r in enumerate(response) for m in r}
    num = den = 0
    for k in key:
        parts = {owner.get(m, ("alone", m)) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return _ratio(num, den)


def muc(key: Partition, response: Partition) -> PRF:
    return PRF(_muc_recall(key, response), _muc_recall(response, key))


def _overlaps(key: Partition, response: Partition) -> Counter[tuple[int, int]]:
    """|k & r| for every key/response entity pair that shares a mention."""
    owner = {m: j for j, r in enumerate(response) for m in r}
    counts: Counter[tuple[int, int]] = Counter()
    for i, k in enumerate(key):
        for m in k:
            j = owner.get(m)
            if j is not None:
                counts[i, j] += 1
    return counts


def b_cubed(key: Partition, response: Partition) -> PRF:
    common = _overlaps(key, response)
    recall = sum(n * n / len(key[i]) for (i, _), n in common.items())
    precision = sum(n * n / len(response[j]) for (_, j), n in common.items())
    return PRF(_ratio(recall, sum(map(len, key))), _ratio(precision, sum(map(len, response))))


def ceaf_e(key: Partition, response: Partition) -> PRF:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    common = _overlaps(key, response)
    if not common:
        return PRF(0.0, 0.0)
    similarity = np.zeros((len(key), len(response)))
    for (i, j), n in common.items():
        similarity[i, j] = 2 * n / (len(key[i]) + len(response[j]))
    rows, cols = linear_sum_assignment(similarity, maximize=True)
    total = float(similarity[rows, cols].sum())
    return PRF(_ratio(total, len(key)), _ratio(total, len(response)))


def score(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> CorefScores:
    """MUC, B-cubed and CEAF-e of a response partition against a key partition."""
    k, r = partition(key), partition(response)
    return CorefScores(muc(k, r), b_cubed(k, r), ceaf_e(k, r))
