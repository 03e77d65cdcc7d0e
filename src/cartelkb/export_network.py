"""Network export: entities as nodes, claims and sentence co-occurrence as edges (GEXF, GraphML).

Built with networkx (an optional extra, `pip install -e ".[graph]"`) as a MultiDiGraph:

- a node per entity: `label` (canonical name), `type` (PERSON, ORG, GPE, LOC),
  `mentions`, `articles`, and for geocoded places `latitude`, `longitude`, `country`;
- a `claim` edge subject -> object for every claim linking two entities: `action`,
  `negated`, `hedged`, `date` (the claim's, else its article's), `article` (id),
  `article_title`, `claim` (id), `source` (who said so), `sentence`;
- a `co-occurrence` edge between two entities named in the same sentence, once per pair
  (from the lower node id to the higher; read it as undirected): `weight` = how many
  sentences name both, `articles` = in how many articles.

Nodes are "e<entity id>". Attributes that are unknown are left out (GEXF and GraphML
have no null), so a reader sees only what the knowledge base states.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from cartelkb.errors import CartelKBError
from cartelkb.store.schema import articles, claims, entities, mentions, places

if TYPE_CHECKING:
    import networkx as nx
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    Db = Connection | Session

INSTALL_HINT = 'pip install -e ".[graph]"  (or: pip install networkx)'
FORMATS = ("gexf", "graphml")


class NetworkxMissingError(CartelKBError):
    """networkx is not installed (it is an optional extra)."""


def _nx() -> Any:
    try:
        import networkx
    except ImportError:
        raise NetworkxMissingError(
            f"--format gexf/graphml needs networkx, which is not installed: {INSTALL_HINT}"
        ) from None
    return networkx


def node_id(entity_id: int) -> str:
    return f"e{entity_id}"


def _set(attrs: dict[str, Any], **values: Any) -> dict[str, Any]:
    attrs.update({k: v for k, v in values.items() if v is not None})
    return attrs


def build_network(db: Db) -> nx.MultiDiGraph:
    """The claim and co-occurrence network of the knowledge base (Core queries only)."""
    networkx = _nx()
    graph = networkx.MultiDiGraph(name="cartelkb network")

    counts = {
        row.entity_id: row
        for row in db.execute(
            select(
                mentions.c.entity_id,
                func.count().label("mentions"),
                func.count(func.distinct(mentions.c.article_id)).label("articles"),
            ).group_by(mentions.c.entity_id)
        )
    }
    where = {
        row.entity_id: row
        for row in db.execute(
            select(
                places.c.entity_id, places.c.latitude, places.c.longitude, places.c.country_code
            ).where(places.c.latitude.is_not(None))
        )
    }
    for e in db.execute(
        select(entities.c.id, entities.c.name, entities.c.type).order_by(entities.c.id)
    ):
        count = counts.get(e.id)
        place = where.get(e.id)
        attrs = _set(
            {},
            label=e.name,
            type=e.type,
            mentions=int(count.mentions) if count else 0,
            articles=int(count.articles) if count else 0,
        )
        if place is not None:
            _set(
                attrs,
                latitude=float(place.latitude),
                longitude=float(place.longitude),
                country=place.country_code,
            )
        graph.add_node(node_id(e.id), **attrs)

    for c in db.execute(
        select(
            claims.c.id,
            claims.c.article_id,
            claims.c.subject_entity_id,
            claims.c.object_entity_id,
            claims.c.action,
            claims.c.negated,
            claims.c.hedged,
            claims.c.date_value,
            claims.c.source_text,
            claims.c.sentence,
            articles.c.title,
            articles.c.published,
        )
        .join(articles, articles.c.id == claims.c.article_id)
        .where(claims.c.subject_entity_id.is_not(None), claims.c.object_entity_id.is_not(None))
        .order_by(claims.c.article_id, claims.c.start_char, claims.c.id)
    ):
        graph.add_edge(
            node_id(c.subject_entity_id),
            node_id(c.object_entity_id),
            key=f"claim{c.id}",
            **_set(
                {},
                kind="claim",
                action=c.action,
                negated=bool(c.negated),
                hedged=bool(c.hedged),
                date=c.date_value or c.published,
                article=int(c.article_id),
                article_title=c.title,
                claim=int(c.id),
                source=c.source_text,
                sentence=c.sentence,
            ),
        )

    # Co-occurrence: the entities of each sentence, pairs counted once per sentence.
    weight: dict[tuple[int, int], int] = defaultdict(int)
    in_articles: dict[tuple[int, int], set[int]] = defaultdict(set)
    sentence: tuple[int, int] | None = None
    names: set[int] = set()

    def flush() -> None:
        if sentence is None:
            return
        for pair in combinations(sorted(names), 2):
            weight[pair] += 1
            in_articles[pair].add(sentence[0])

    for article_id, start, entity_id in db.execute(
        select(mentions.c.article_id, mentions.c.sentence_start, mentions.c.entity_id)
        .distinct()
        .order_by(mentions.c.article_id, mentions.c.sentence_start)
    ):
        if (article_id, start) != sentence:
            flush()
            sentence, names = (article_id, start), set()
        names.add(entity_id)
    flush()
    for (a, b), n in sorted(weight.items()):
        graph.add_edge(
            node_id(a),
            node_id(b),
            key=f"co{a}-{b}",
            kind="co-occurrence",
            weight=n,
            articles=len(in_articles[(a, b)]),
        )
    return graph


def write_network(db: Db, path_or_stream: Any, fmt: str) -> nx.MultiDiGraph:
    """Write the network as GEXF 1.2 or GraphML to a path or a binary stream.

    Raises:
        NetworkxMissingError: networkx is not installed.
    """
    networkx = _nx()
    graph = build_network(db)
    if fmt == "gexf":
        networkx.write_gexf(graph, path_or_stream)
    elif fmt == "graphml":
        networkx.write_graphml(graph, path_or_stream)
    else:  # pragma: no cover - the CLI checks
        raise ValueError(fmt)
    return graph
