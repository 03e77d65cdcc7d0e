"""Tests for cartelkb.query: entity look-up, entity lists and claim search on the seeded KB."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from cartelkb.errors import CartelKBError, NotFoundError
from cartelkb.query import list_entities, lookup, search_claims
from cartelkb.store.db import open_database, session_scope
from cartelkb.store.models import Article, Claim, Entity, Mention


@pytest.fixture(scope="module")
def session(seeded_db):
    """A read-only session on the shared seeded database."""
    engine = open_database(seeded_db, create=False)
    with session_scope(engine) as session:
        yield session
        assert not session.new and not session.dirty and not session.deleted
    engine.dispose()


@pytest.fixture(scope="module")
def all_claims(session):
    return search_claims(session)


@pytest.fixture(scope="module")
def published(session) -> dict[int, str | None]:
    return dict(session.execute(select(Article.id, Article.published)).all())


def entity_id(session, name: str) -> int:
    [card] = lookup(session, name).entities
    return card.id


# --- lookup -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Sheinbaum", "Claudia Sheinbaum"),
        ("claudia SHEINBAUM", "Claudia Sheinbaum"),
        ("Michoacan", "Michoacán"),
        ("U.S.", "United States"),
        ("USA", "United States"),
        ("the United States", "United States"),
        ("Oseguera", "Nemesio Oseguera Cervantes"),  # a surname key finds its person
        ("El Mencho", "Nemesio Oseguera Cervantes"),
        ("CJNG", "Jalisco New Generation Cartel"),
        ("Trump", "Donald Trump"),
        ("Trump administration", "Trump administration"),
    ],
)
def test_lookup_exact(session, name, canonical):
    result = lookup(session, name)
    assert result.exact is True
    assert result.query == name
    assert [card.name for card in result.entities] == [canonical]


def test_lookup_card(session):
    [card] = lookup(session, "Sheinbaum").entities
    assert card.type == "PERSON"
    assert "Sheinbaum" in card.aliases and card.name not in card.aliases
    assert "President-elect" in card.roles
    assert card.article_count == len(card.articles) == 3
    mentions = session.scalar(
        select(func.count()).select_from(Mention).where(Mention.entity_id == card.id)
    )
    assert card.mention_count == mentions == sum(a.mentions for a in card.articles)
    assert card.claims
    for claim in card.claims:
        assert getattr(claim, f"{claim.role}_entity_id") == card.id
    assert {p.alias for p in card.provenance} >= {"Claudia Sheinbaum", "Sheinbaum"}
    assert all(p.rule for p in card.provenance)


def test_card_lists_newest_articles_first_and_undated_last(session, published):
    [card] = lookup(session, "Mexico").entities
    dates = [a.published for a in card.articles]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert dates == dated + [None] * (len(dates) - len(dated))
    assert all(published[a.id] == a.published for a in card.articles)


@pytest.mark.parametrize("limit", [1, 2])
def test_card_limit_keeps_the_newest_and_the_true_totals(session, limit):
    [full] = lookup(session, "Mexico", limit=None).entities
    [card] = lookup(session, "Mexico", limit=limit).entities
    assert card.truncated and not full.truncated
    assert card.article_count == full.article_count == len(full.articles)
    assert card.mention_count == full.mention_count
    assert card.claim_counts == full.claim_counts
    assert sum(full.claim_counts.values()) == len(full.claims)
    assert [a.id for a in card.articles] == [a.id for a in full.articles][:limit]
    for role in ("subject", "object", "source"):
        shown = [c.id for c in card.claims if c.role == role]
        everything = [c.id for c in full.claims if c.role == role]
        assert shown == everything[:limit]


def test_card_limit_zero_means_all(session):
    [card] = lookup(session, "Mexico", limit=0).entities
    assert not card.truncated and len(card.articles) == card.article_count


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cartel", "Jalisco New Generation Cartel"),
        ("generation", "Jalisco New Generation Cartel"),
        ("Enforcement", "Drug Enforcement Administration"),
    ],
)
def test_lookup_close_matches(session, name, expected):
    result = lookup(session, name)
    assert result.exact is False
    assert expected in [card.name for card in result.entities]


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("Sheinbam", "Sheinbaum"),
        ("Mexcio", "Mexico"),
        ("Michoacam", "Michoacán"),
    ],
)
def test_lookup_none_with_suggestions(session, name, suggested):
    with pytest.raises(NotFoundError) as info:
        lookup(session, name)
    message = str(info.value)
    assert message.startswith(f"no entity matches {name!r}; did you mean: ")
    assert suggested in message


@pytest.mark.parametrize("name", ["Xyzzy Qwerty", "", "   ", "..."])
def test_lookup_none_without_suggestions(session, name):
    with pytest.raises(NotFoundError) as info:
        lookup(session, name)
    assert "did you mean" not in str(info.value)
    assert isinstance(info.value, CartelKBError)


# --- list_entities ------------------------------------------------------------------------


def test_list_entities_default_lists_every_mentioned_entity(session):
    rows = list_entities(session)
    mentioned = session.scalar(select(func.count(func.distinct(Mention.entity_id))))
    assert len(rows) == mentioned
    counts = [r.mention_count for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert rows[0].name == "Mexico"
    for r in rows:
        assert r.name not in r.aliases
        assert 1 <= r.article_count <= r.mention_count


@pytest.mark.parametrize(
    ("type_", "types"),
    [
        ("PERSON", {"PERSON"}),
        ("person", {"PERSON"}),
        ("ORG", {"ORG"}),
        ("GPE", {"GPE", "LOC"}),
        ("LOC", {"GPE", "LOC"}),  # GPE and LOC are one class
    ],
)
def test_list_entities_by_type(session, type_, types):
    rows = list_entities(session, type_=type_)
    assert rows
    assert {r.type for r in rows} <= types
    expected = session.scalar(
        select(func.count(func.distinct(Mention.entity_id)))
        .join(Entity, Entity.id == Mention.entity_id)
        .where(Entity.type.in_(types))
    )
    assert len(rows) == expected


@pytest.mark.parametrize("minimum", [0, 1, 2, 5, 40, 1000])
def test_list_entities_min_mentions(session, minimum):
    rows = list_entities(session, min_mentions=minimum)
    assert all(r.mention_count >= minimum for r in rows)
    everything = list_entities(session, min_mentions=0)
    assert len(rows) == sum(1 for r in everything if r.mention_count >= minimum)
    if minimum == 0:
        assert len(rows) == session.scalar(select(func.count()).select_from(Entity))


def test_list_entities_min_mentions_drops_single_mentions(session):
    names = [r.name for r in list_entities(session, min_mentions=2)]
    assert "Mexico" in names and "Claudia Sheinbaum" in names
    assert "Michoacán" not in names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("trump", {"Donald Trump", "Trump administration"}),
        ("Michoacan", {"Michoacán"}),
        ("xyzzy", set()),
    ],
)
def test_list_entities_by_name(session, name, expected):
    assert {r.name for r in list_entities(session, name=name)} == expected


def test_list_entities_limit(session):
    rows = list_entities(session, limit=3)
    assert [r.id for r in rows] == [r.id for r in list_entities(session)][:3]


# --- search_claims ------------------------------------------------------------------------


def test_search_claims_without_filters_returns_all(session, all_claims):
    assert len(all_claims) == session.scalar(select(func.count()).select_from(Claim))
    order = [(c.article_id, c.start) for c in all_claims]
    assert order == sorted(order)


@pytest.mark.parametrize(
    ("field", "value", "column", "word"),
    [
        ("subject", "Sheinbaum", "subject", "sheinbaum"),
        ("subject", "Claudia Sheinbaum", "subject", "sheinbaum"),
        ("object_", "Mexico", "object", "mexico"),
        ("source", "The New York Times", "source", "new york times"),
    ],
)
def test_search_claims_by_party(session, all_claims, field, value, column, word):
    """A party filter matches the resolved entity, or the argument text."""
    ids = {card.id for card in lookup(session, value).entities}
    found = search_claims(session, **{field: value})
    expected = [
        c
        for c in all_claims
        if getattr(c, f"{column}_entity_id") in ids
        or value.lower() in (getattr(c, column) or "").lower()
    ]
    assert [c.id for c in found] == [c.id for c in expected]
    assert found, f"no claim with {column} {value!r}"
    assert all(
        getattr(c, f"{column}_entity_id") in ids or word in (getattr(c, column) or "").lower()
        for c in found
    )


def test_search_claims_by_text_only_party(session, all_claims):
    found = search_claims(session, subject="officials")
    assert [c.id for c in found] == [
        c.id for c in all_claims if "officials" in (c.subject or "").lower()
    ]


def test_search_claims_by_action(session, all_claims):
    found = search_claims(session, action="reject")
    assert found
    assert [c.id for c in found] == [c.id for c in all_claims if "reject" in c.action.lower()]


@pytest.mark.parametrize("flag", ["negated", "hedged"])
def test_search_claims_flags_partition(session, all_claims, flag):
    yes = search_claims(session, **{flag: True})
    no = search_claims(session, **{flag: False})
    assert yes and no
    assert all(getattr(c, flag) for c in yes)
    assert not any(getattr(c, flag) for c in no)
    assert sorted(c.id for c in yes + no) == sorted(c.id for c in all_claims)


@pytest.mark.parametrize(
    ("since", "until"),
    [
        ("2024", None),
        ("2024-08-29", None),
        ("2024-08-30", None),
        (None, "2024"),  # the whole year: includes 2024-08-29
        (None, "2024-08"),
        (None, "2024-07"),
        ("2024-01", "2024-12"),
    ],
)
def test_search_claims_by_date(session, all_claims, published, since, until):
    """The claim's date, else its article's date; `until` compares on the stated prefix."""

    def keep(c) -> bool:
        when = c.date or published[c.article_id]
        if when is None:
            return False
        return (since is None or when >= since) and (until is None or when[: len(until)] <= until)

    found = search_claims(session, since=since, until=until)
    assert [c.id for c in found] == [c.id for c in all_claims if keep(c)]


def test_search_claims_until_includes_the_whole_stated_period(session):
    assert search_claims(session, until="2024")
    assert search_claims(session, since="2024", until="2024-08")
    assert not search_claims(session, until="2024-07")


def test_search_claims_limit_and_combined_filters(session, all_claims):
    assert [c.id for c in search_claims(session, limit=3)] == [c.id for c in all_claims[:3]]
    combined = search_claims(session, subject="Sheinbaum", hedged=False)
    assert combined
    assert all(not c.hedged for c in combined)
    assert {c.id for c in combined} <= {c.id for c in search_claims(session, subject="Sheinbaum")}
