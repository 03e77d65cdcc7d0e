"""Mentions -> canonical entities: clustering within an article, then linking across the KB.

- `names`: the keys both steps compare (surnames of persons, initials of organizations)
  and which entity classes may be one entity;
- `cluster`: an article's mentions grouped into clusters, each with its aliases;
- `link`: a cluster matched to the knowledge-base entity it denotes, or a new one.

Vocabulary lives in `data/lexicons/resolve.toml`.
"""

from cartelkb.resolve.cluster import Alias, Cluster, cluster_mentions, mention_key
from cartelkb.resolve.names import COMPATIBLE, compatible, org_initials, person_partial_keys

__all__ = [
    "COMPATIBLE",
    "Alias",
    "Cluster",
    "cluster_mentions",
    "compatible",
    "mention_key",
    "org_initials",
    "person_partial_keys",
]
