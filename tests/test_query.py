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
        # A nickname without its article, misspelt; shown with the entity's name.
        ("Menco", "El Mencho (Nemesio Oseguera Cervantes)"),
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
        # An alias, a nickname, a gazetteer name: the entity goes by them.
        ("Mencho", {"Nemesio Oseguera Cervantes"}),
        ("AP News", {"Associated Press"}),
        ("Wall Street", {"The Wall Street Journal"}),
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


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("officials", {"own-day", "own-month"}),  # contains, any case
        ("OFFICIAL", {"own-day", "own-month", "own-year"}),
        ("both", {"own-month"}),
        ("nobody", set()),
    ],
)
def test_search_claims_by_text_only_party(dated_session, subject, expected):
    found = search_claims(dated_session, subject=subject)
    assert {c.action for c in found} == expected


@pytest.mark.parametrize(
    ("action", "expected"),
    [("own-day", {"own-day"}), ("OWN-DAY", {"own-day"}), ("own", set()), ("day", set())],
)
def test_search_claims_by_exact_action(dated_session, action, expected):
    assert {c.action for c in search_claims(dated_session, action=action)} == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [("own", {"own-day", "own-month", "own-year"}), ("DAY", {"own-day", "article-day"})],
)
def test_search_claims_by_action_contains(dated_session, words, expected):
    assert {c.action for c in search_claims(dated_session, action_contains=words)} == expected


def test_search_claims_by_article_and_own_voice(session):
    in_two = search_claims(session, article=2)
    assert in_two and {c.article_id for c in in_two} == {2}
    own = search_claims(session, article=2, sourced=False)
    assert own and all(c.source is None for c in own)
    attributed = search_claims(session, article=2, sourced=True)
    assert attributed and all(c.source is not None for c in attributed)
    assert {c.id for c in own} | {c.id for c in attributed} == {c.id for c in in_two}
    assert not {c.id for c in own} & {c.id for c in attributed}
    assert search_claims(session, article=999) == []


def test_claims_carry_entity_names_and_article_title(session):
    [reported] = [c for c in search_claims(session, action="reject") if c.subject == "her"]
    assert reported.subject_entity == "Claudia Sheinbaum"
    assert reported.source_entity == "The New York Times"
    assert reported.article_published is None and reported.article_title is None  # article 2


def test_search_claims_by_action_on_the_seeds(session):
    found = search_claims(session, action_contains="reject")
    assert {(c.action, c.article_id) for c in found} == {("reject", 2)}
    assert "President Claudia Sheinbaum" in {c.subject for c in found}


@pytest.mark.parametrize("flag", ["negated", "hedged"])
def test_search_claims_flags_partition(session, all_claims, flag):
    yes = search_claims(session, **{flag: True})
    no = search_claims(session, **{flag: False})
    assert yes and no
    assert all(getattr(c, flag) for c in yes)
    assert not any(getattr(c, flag) for c in no)
    assert sorted(c.id for c in yes + no) == sorted(c.id for c in all_claims)


@pytest.fixture(scope="module")
def dated_session(tmp_path_factory):
    """Claims with known dates: their own date, else their article's, else none."""
    from cartelkb.store.models import Claim
    from cartelkb.timespan import interval

    engine = open_database(f"sqlite:///{tmp_path_factory.mktemp('dated') / 'kb.db'}")
    with session_scope(engine) as s:
        for n, published in enumerate(["2024-08-29", None]):
            span = interval(published)
            s.add(
                Article(
                    sha256=f"{n:064d}",
                    source_path=f"a{n}.txt",
                    published=published,
                    published_precision="day" if published else None,
                    published_start=span and span[0],
                    published_end=span and span[1],
                    text="x",
                    model="m",
                    extractor_version="v",
                )
            )
        s.flush()
        rows = [  # (action, article, claim date, subject text)
            ("own-day", 2, "2023-05-04", "U.S. officials"),
            ("own-month", 2, "2024-07", "Officials from both countries"),
            ("own-year", 2, "2025", "the official"),
            ("article-day", 1, None, None),
            ("undated", 2, None, "police"),
            ("season", 2, "2024-SU", None),  # summer 2024: June to August
            ("decade", 2, "202", None),  # the 2020s
        ]
        for action, article_id, when, subject in rows:
            span = interval(when)
            s.add(
                Claim(
                    article_id=article_id,
                    subject_text=subject,
                    action=action,
                    action_text=action,
                    date_value=when,
                    date_start=span and span[0],
                    date_end=span and span[1],
                    sentence="x",
                    start_char=0,
                    end_char=1,
                )
            )
    with session_scope(engine) as s:
        yield s
    engine.dispose()


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2024", None, {"own-month", "own-year", "article-day", "season", "decade"}),
        ("2024-08-29", None, {"own-year", "article-day", "season", "decade"}),
        ("2024-08-30", None, {"own-year", "season", "decade"}),
        (None, "2024", {"own-day", "own-month", "article-day", "season", "decade"}),
        (None, "2024-07", {"own-day", "own-month", "season", "decade"}),
        (None, "2024-08-28", {"own-day", "own-month", "season", "decade"}),
        ("2024-01", "2024-12", {"own-month", "article-day", "season", "decade"}),
        ("2024-09", "2024-12", {"decade"}),  # summer ended in August; 2024-07 too
        ("2026", None, {"decade"}),
    ],
)
def test_search_claims_by_date(dated_session, since, until, expected):
    """The claim's date, else its article's date, as the interval of days it covers; a
    filter keeps what overlaps the period it names; an undated claim matches none."""
    found = search_claims(dated_session, since=since, until=until)
    assert {c.action for c in found} == expected


@pytest.mark.parametrize("bad", ["2024-13", "2024-02-30", "yesterday", "24", "2024-SU", ""])
def test_search_claims_refuses_a_date_that_is_not_one(dated_session, bad):
    with pytest.raises(CartelKBError, match="is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"):
        search_claims(dated_session, since=bad)


def test_search_claims_without_date_filters_keeps_undated(dated_session):
    assert len(search_claims(dated_session)) == 7


def test_search_claims_until_includes_the_whole_stated_period(session):
    assert search_claims(session, until="2024")
    assert search_claims(session, since="2024", until="2024-08")
    assert not search_claims(session, until="2024-07")  # the seeds' one date is 2024-08-29


def test_search_claims_limit_and_combined_filters(session, all_claims):
    assert [c.id for c in search_claims(session, limit=3)] == [c.id for c in all_claims[:3]]
    combined = search_claims(session, subject="Sheinbaum", hedged=False)
    assert combined
    assert all(not c.hedged for c in combined)
    assert {c.id for c in combined} <= {c.id for c in search_claims(session, subject="Sheinbaum")}


def test_list_articles_newest_first_with_counts(session):
    from cartelkb.query import list_articles

    found = list_articles(session)
    assert len(found) == 5
    assert found[0].published == "2024-08-29"  # the one dated seed first, undated after
    assert all(a.published is None for a in found[1:])
    assert [a.id for a in found[1:]] == sorted((a.id for a in found[1:]), reverse=True)
    for a in found:
        claims_of = search_claims(session, article=a.id)
        assert a.claims == len(claims_of)
        assert a.mentions >= a.entities > 0
    assert [a.id for a in list_articles(session, since="2024-08")] == [found[0].id]
    assert list_articles(session, until="2024-07") == []
    assert {a.title for a in list_articles(session, title="cartels")} == {
        "Trump’s Stance on Mexican Cartels: What It Means for U.S.-Mexico Relations",
        "U.S. and Mexican Cooperation in Combating Drug Cartels",
    }
    assert len(list_articles(session, limit=2)) == 2
