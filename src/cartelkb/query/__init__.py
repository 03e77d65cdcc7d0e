"""Read side: name -> entity card (aliases, articles, claims), entity lists and claim search.

Core queries over store/schema.py's lightweight tables, and plain dataclasses for the
results: `cartelkb query` must start fast, so this module imports neither the ORM nor
pydantic models (nor, of course, spaCy or dateparser). Every function takes a Core
Connection or an ORM Session: both execute these statements.

The package: `views` (result records), `names` (name -> entity ids), `claims`,
`entities`, `articles`, `events`;
its public names are importable from `cartelkb.query` itself.
"""

from __future__ import annotations

from cartelkb.query.articles import (
    ArticleSummary,
    SearchHit,
    fts5_query,
    list_articles,
    search,
)
from cartelkb.query.claims import (
    claim_view,
    claims_select,
    search_claims,
)
from cartelkb.query.entities import (
    NICKNAME_ARTICLES,
    close_matches,
    did_you_mean,
    entity_card,
    linked_organizations,
    list_entities,
    lookup,
    offices_of,
    sanctions_of,
    suggestions,
    unknown_names,
)
from cartelkb.query.events import (
    entity_relations,
    search_events,
)
from cartelkb.query.names import (
    display_aliases,
    entity_id_of,
    find_entity_ids,
)
from cartelkb.query.views import (
    DEFAULT_LIMIT,
    ROLES,
    SHOWN_KINDS,
    AliasView,
    ArgumentView,
    ArticleRef,
    ClaimView,
    EntityCard,
    EntitySummary,
    EventView,
    LinkedView,
    LookupResult,
    OfficeView,
    QuantityView,
    RelationEvidence,
    RelationView,
    Role,
    SanctionsAliasView,
    SanctionsView,
    to_dict,
)

__all__ = [
    "AliasView",
    "ArgumentView",
    "ArticleRef",
    "ArticleSummary",
    "ClaimView",
    "DEFAULT_LIMIT",
    "EntityCard",
    "EntitySummary",
    "EventView",
    "LinkedView",
    "LookupResult",
    "NICKNAME_ARTICLES",
    "OfficeView",
    "QuantityView",
    "ROLES",
    "RelationEvidence",
    "RelationView",
    "Role",
    "SHOWN_KINDS",
    "SanctionsAliasView",
    "SanctionsView",
    "SearchHit",
    "claim_view",
    "claims_select",
    "close_matches",
    "did_you_mean",
    "display_aliases",
    "entity_card",
    "entity_id_of",
    "entity_relations",
    "find_entity_ids",
    "fts5_query",
    "linked_organizations",
    "list_articles",
    "list_entities",
    "lookup",
    "offices_of",
    "sanctions_of",
    "search",
    "search_claims",
    "search_events",
    "suggestions",
    "unknown_names",
    "to_dict",
]
