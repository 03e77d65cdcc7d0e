"""Tests for cartelkb.resolve: clustering an article's mentions, and linking across articles."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from cartelkb.knowledge import name_key
from cartelkb.records import MentionRecord
from cartelkb.resolve import cluster_mentions, compatible, org_initials, person_partial_keys
from cartelkb.resolve.link import Candidates, LinkIndex, candidates, decide, link_cluster
from cartelkb.store.db import open_database, session_scope
from cartelkb.store.models import Entity

# A mention spec: (text, label) or (text, label, {other MentionRecord fields}).
Spec = tuple


def mentions(*specs: Spec) -> list[MentionRecord]:
    """Hand-built mentions laid out one per "sentence", in order, with real offsets."""
    out: list[MentionRecord] = []
    offset = 0
    for spec in specs:
        text, label = spec[0], spec[1]
        extra = dict(spec[2]) if len(spec) > 2 else {}
        extra.setdefault("name", text)
        out.append(
            MentionRecord(
                text=text,
                start=offset,
                end=offset + len(text),
                label=label,
                sent_start=offset,
                sent_end=offset + len(text) + 1,
                **extra,
            )
        )
        offset += len(text) + 2
    return out


def partition(assignment: list[int]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for index, cluster in enumerate(assignment):
        groups.setdefault(cluster, set()).add(index)
    return {frozenset(g) for g in groups.values()}


# --- clustering within one article -------------------------------------------------------


@pytest.mark.parametrize(
    ("specs", "expected"),
    [
        pytest.param(
            [("Mexico", "GPE"), ("Mexico", "GPE")],
            [{0, 1}],
            id="same-name",
        ),
        pytest.param(
            [("Claudia Sheinbaum", "PERSON"), ("Sheinbaum", "PERSON")],
            [{0, 1}],
            id="surname-after-full-name",
        ),
        pytest.param(
            [("Sheinbaum", "PERSON"), ("Claudia Sheinbaum", "PERSON")],
            [{0, 1}],
            id="surname-before-full-name",
        ),
        pytest.param(
            [("Dana Whitlock", "PERSON"), ("Dana", "PERSON")],
            [{0, 1}],
            id="given-name-after-full-name",
        ),
        pytest.param(
            [("Dana", "PERSON"), ("Dana Whitlock", "PERSON")],
            [{0}, {1}],
            id="given-name-before-any-full-name-stays-apart",
        ),
        pytest.param(
            [("Dana Whitlock", "PERSON"), ("Dana Ruiz", "PERSON"), ("Dana", "PERSON")],
            [{0}, {1}, {2}],
            id="given-name-two-people-share-stays-apart",
        ),
        pytest.param(
            [
                ("Joaquín Guzmán Loera", "PERSON"),
                ("Ovidio Guzmán López", "PERSON"),
                ("Guzmán", "PERSON"),
            ],
            [{0}, {1, 2}],
            id="shared-surname-links-nearest-preceding",
        ),
        pytest.param(
            [
                ("Ovidio Guzmán López", "PERSON"),
                ("Joaquín Guzmán Loera", "PERSON"),
                ("Guzmán", "PERSON"),
            ],
            [{0}, {1, 2}],
            id="shared-surname-order-swapped",
        ),
        pytest.param(
            [
                ("Joaquín Guzmán Loera", "PERSON"),
                ("Guzmán", "PERSON"),
                ("Ovidio Guzmán López", "PERSON"),
                ("Guzmán", "PERSON"),
            ],
            [{0, 1}, {2, 3}],
            id="each-bare-surname-follows-its-own-person",
        ),
        pytest.param(
            [
                ("Joaquín Guzmán Loera", "PERSON"),
                ("Ovidio Guzmán López", "PERSON"),
                ("Guzmán", "PERSON"),
                ("Joaquín Guzmán Loera", "PERSON"),
                ("Guzmán", "PERSON"),
            ],
            [{0, 3, 4}, {1, 2}],
            id="bare-surname-follows-the-latest-mention",
        ),
        pytest.param(
            [
                ("Joaquín Guzmán Loera", "PERSON"),
                ("Ovidio Guzmán López", "PERSON"),
                ("Guzmán Loera", "PERSON"),
            ],
            [{0, 2}, {1}],
            id="both-surnames-pick-the-one-person",
        ),
        pytest.param(
            [
                ("Drug Enforcement Administration", "ORG", {"acronym": "DEA"}),
                ("DEA", "ORG"),
            ],
            [{0, 1}],
            id="acronym-defined-in-text",
        ),
        pytest.param(
            [("Nemesio Oseguera Cervantes", "PERSON"), ("El Mencho", "PERSON", {"alias_of": 0})],
            [{0, 1}],
            id="nickname-alias-of",
        ),
        pytest.param(
            [
                ("U.S.", "GPE", {"canonical": "United States"}),
                ("United States", "GPE", {"canonical": "United States"}),
            ],
            [{0, 1}],
            id="same-gazetteer-entry",
        ),
        pytest.param(
            [("Mexico", "GPE"), ("Mexico", "LOC")],
            [{0, 1}],
            id="gpe-and-loc-are-one-class",
        ),
        pytest.param(
            [("Trump", "PERSON"), ("Trump", "ORG")],
            [{0}, {1}],
            id="person-and-org-never-same-name",
        ),
        pytest.param(
            [
                ("Donald Trump", "PERSON"),
                ("Trump administration", "ORG"),
                ("Trump", "PERSON"),
            ],
            [{0, 2}, {1}],
            id="administration-is-not-the-person",
        ),
        pytest.param(
            [("Sinaloa", "GPE"), ("Sinaloa Cartel", "ORG")],
            [{0}, {1}],
            id="place-and-cartel-named-after-it",
        ),
        pytest.param(
            [
                ("Jorge Ramirez-Soto", "PERSON"),
                ("Ramirez-Soto", "ORG", {"acronym": "RSO"}),
                ("RSO", "ORG"),
            ],
            [{0}, {1, 2}],
            id="a-surname-defining-an-acronym-is-the-organization",
        ),
        pytest.param(
            [("Marco Rubio", "PERSON"), ("Claudia Sheinbaum", "PERSON")],
            [{0}, {1}],
            id="different-people",
        ),
    ],
)
def test_cluster_mentions_groups(specs, expected):
    clusters, assignment = cluster_mentions(mentions(*specs))
    assert partition(assignment) == {frozenset(g) for g in expected}
    assert len(clusters) == len(expected)
    for index, cluster in enumerate(clusters):
        assert sorted(cluster.mention_indices) == sorted(
            i for i, a in enumerate(assignment) if a == index
        )


@pytest.mark.parametrize(
    ("specs", "index", "name", "label"),
    [
        pytest.param(
            [("Sheinbaum", "PERSON"), ("Claudia Sheinbaum", "PERSON")],
            0,
            "Claudia Sheinbaum",
            "PERSON",
            id="fullest-name",
        ),
        pytest.param(
            [("Joaquin Guzman Loera", "PERSON"), ("Joaquín Guzmán Loera", "PERSON")],
            0,
            "Joaquín Guzmán Loera",
            "PERSON",
            id="accented-spelling-preferred",
        ),
        pytest.param(
            [
                ("U.S.", "GPE", {"canonical": "United States"}),
                ("America", "GPE", {"canonical": "United States"}),
            ],
            0,
            "United States",
            "GPE",
            id="gazetteer-canonical",
        ),
        pytest.param(
            [("DEA", "ORG", {"canonical": "Drug Enforcement Administration"})],
            0,
            "Drug Enforcement Administration",
            "ORG",
            id="gazetteer-beats-surface",
        ),
        pytest.param(
            [("Nemesio Oseguera Cervantes", "PERSON"), ("El Mencho", "PERSON", {"alias_of": 0})],
            1,
            "Nemesio Oseguera Cervantes",
            "PERSON",
            id="nickname-is-not-canonical",
        ),
        pytest.param(
            [("Ovidio Guzmán López", "PERSON"), ("Guzmán", "ORG")],
            0,
            "Ovidio Guzmán López",
            "PERSON",
            id="stray-org-tag-does-not-win",
        ),
        pytest.param(
            [
                ("Ramiro Castaneda Lopez", "PERSON", {"canonical": "Ramiro Castaneda Lopez"}),
                ("Castaneda Lopez", "ORG"),
            ],
            1,
            "Ramiro Castaneda Lopez",
            "PERSON",
            id="both-surnames-of-a-known-person-tagged-org-are-the-person",
        ),
    ],
)
def test_cluster_canonical_name(specs, index, name, label):
    clusters, assignment = cluster_mentions(mentions(*specs))
    cluster = clusters[assignment[index]]
    assert cluster.name == name
    assert cluster.label == label
    assert cluster.key == name_key(name)


def test_cluster_aliases_record_rule_and_keys():
    clusters, assignment = cluster_mentions(
        mentions(
            ("Drug Enforcement Administration", "ORG", {"acronym": "DEA"}),
            ("DEA", "ORG"),
            ("Nemesio Oseguera Cervantes", "PERSON"),
            ("El Mencho", "PERSON", {"alias_of": 2}),
        )
    )
    dea = clusters[assignment[0]]
    assert "dea" in dea.keys({"derived"})
    assert any(a.rule == "acronym" for a in dea.aliases)
    mencho = clusters[assignment[2]]
    assert {"el mencho", "nemesio oseguera cervantes"} <= mencho.keys({"surface"})
    assert {"oseguera", "oseguera cervantes"} <= mencho.keys({"derived"})
    assert next(a for a in mencho.aliases if a.key == "el mencho").rule == "alias-in-text"


def test_cluster_mentions_empty():
    assert cluster_mentions([]) == ([], [])


# --- helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "included", "excluded"),
    [
        (
            "Nemesio Oseguera Cervantes",
            {"oseguera", "oseguera cervantes", "cervantes"},
            {"nemesio"},
        ),
        ("Joaquín Guzmán Loera", {"guzman", "guzman loera", "loera"}, {"joaquin"}),
        ("Claudia Sheinbaum", {"sheinbaum"}, {"claudia", "claudia sheinbaum"}),
        ("Juan Guzmán de la Cruz", {"guzman", "guzman de la cruz"}, {"de", "la", "juan"}),
        ("Sheinbaum", set(), {"sheinbaum"}),
        pytest.param(
            "Miguel de la Madrid",
            {"de la madrid"},
            {"de", "la"},
        ),
        pytest.param("Brian E. Nelson", {"nelson"}, {"e", "e nelson"}, id="initial-is-no-key"),
    ],
)
def test_person_partial_keys(name, included, excluded):
    keys = person_partial_keys(name)
    assert included <= set(keys)
    assert not excluded & set(keys)
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("U.S.", "us"),
        ("US", "us"),
        ("Michoacán", "michoacan"),
        ("MICHOACAN", "michoacan"),
        ("the United States", "united states"),
        ("The United States", "united states"),
        ("Treviño-Morales", "trevino morales"),
        ("Sheinbaum's", "sheinbaum"),
        ("Sheinbaum’s", "sheinbaum"),
        ("  Claudia   Sheinbaum ", "claudia sheinbaum"),
        ("AT&T", "at t"),
        ("The", "the"),
        ("", ""),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("GPE", "LOC", True),
        ("LOC", "GPE", True),
        ("GPE", "GPE", True),
        ("PERSON", "PERSON", True),
        ("PERSON", "ORG", False),
        ("ORG", "PERSON", False),
        ("ORG", "GPE", False),
        ("PERSON", "GPE", False),
    ],
)
def test_compatible(a, b, expected):
    assert compatible(a, b) is expected


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Drug Enforcement Administration", "DEA"),
        ("Jalisco New Generation Cartel", "JNGC"),
        ("Office of Foreign Assets Control", "OFAC"),
        ("Sinaloa Cartel", None),  # two words: too short to be a safe key
        ("the drug enforcement administration", None),  # not a proper name
    ],
)
def test_org_initials(name, initials):
    assert org_initials(name) == initials


# --- linking across articles (a fresh database) --------------------------------------------


@pytest.fixture()
def engine(db_url):
    engine = open_database(db_url, write=True)
    yield engine
    engine.dispose()


def store(engine, *specs: Spec) -> list[tuple[int, str, str]]:
    """Cluster one article's mentions and link each cluster; (id, name, type) per mention."""
    found = mentions(*specs)
    clusters, assignment = cluster_mentions(found)
    with session_scope(engine) as session:
        entities = [link_cluster(session, c) for c in clusters]
        return [(entities[a].id, entities[a].name, entities[a].type) for a in assignment]


def entity_rows(engine) -> list[tuple[int, str, str]]:
    with session_scope(engine) as session:
        return [
            tuple(row)
            for row in session.execute(
                select(Entity.id, Entity.name, Entity.type).order_by(Entity.id)
            )
        ]


def test_link_surname_then_full_name_renames_the_entity(engine):
    # Not an official's surname: "Trump" alone is Donald Trump from the start (below).
    [(first, name, _)] = store(engine, ("Macha", "PERSON"))
    assert name == "Macha"
    [(second, name, _)] = store(engine, ("Hector Macha", "PERSON"))
    assert second == first
    assert entity_rows(engine) == [(first, "Hector Macha", "PERSON")]


def test_link_full_name_then_surname(engine):
    [(first, _, _)] = store(engine, ("Donald Trump", "PERSON"))
    [(second, name, _)] = store(engine, ("Trump", "PERSON"))
    assert second == first
    assert name == "Donald Trump"
    assert len(entity_rows(engine)) == 1


def test_link_same_full_name(engine):
    [(first, _, _)] = store(engine, ("Claudia Sheinbaum", "PERSON"))
    [(second, _, _)] = store(engine, ("Claudia Sheinbaum", "PERSON"), ("Sheinbaum", "PERSON"))[:1]
    assert second == first
    assert len(entity_rows(engine)) == 1


def test_link_ambiguous_surname_is_not_merged_into_either_person(engine):
    (joaquin, _, _), (ovidio, _, _) = store(
        engine, ("Joaquín Guzmán Loera", "PERSON"), ("Ovidio Guzmán López", "PERSON")
    )
    assert joaquin != ovidio
    [(bare, name, _)] = store(engine, ("Guzmán", "PERSON"))
    assert bare not in {joaquin, ovidio}
    assert name == "Guzmán"
    rows = entity_rows(engine)
    assert {r[1] for r in rows} == {"Joaquín Guzmán Loera", "Ovidio Guzmán López", "Guzmán"}


def test_link_administration_org_never_merges_with_the_person(engine):
    [(person, _, _)] = store(engine, ("Donald Trump", "PERSON"))
    org, trump = store(engine, ("Trump administration", "ORG"), ("Trump", "PERSON"))
    assert org[0] != person and org[2] == "ORG"
    assert trump[0] == person
    [(again, _, kind)] = store(engine, ("Trump administration", "ORG"))
    assert again == org[0] and kind == "ORG"
    assert {(name, kind) for _, name, kind in entity_rows(engine)} == {
        ("Donald Trump", "PERSON"),
        ("Trump administration", "ORG"),
    }


def test_link_person_after_administration_org(engine):
    [(org, _, _)] = store(engine, ("Trump administration", "ORG"))
    [(person, _, kind)] = store(engine, ("Trump", "PERSON"))
    assert person != org
    assert kind == "PERSON"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            ("Drug Enforcement Administration", "ORG", {"acronym": "DEA"}),
            ("DEA", "ORG"),
            id="acronym-defined-earlier",
        ),
        pytest.param(
            ("Drug Enforcement Administration", "ORG"),
            ("DEA", "ORG"),
            id="initials-of-a-known-org",
        ),
        pytest.param(("Mexico", "GPE"), ("Mexico", "LOC"), id="gpe-then-loc"),
        pytest.param(
            ("U.S.", "GPE", {"canonical": "United States"}),
            ("United States", "GPE", {"canonical": "United States"}),
            id="gazetteer-entry",
        ),
        pytest.param(
            ("Claudia Sheinbaum", "PERSON"),
            ("Sheinbaum", "ORG"),
            id="surname-mistagged-org-links-to-the-person",
        ),
        pytest.param(("Pam Bondi", "PERSON"), ("Pamela Bondi", "PERSON"), id="short-given-name"),
        pytest.param(
            ("Robert Smith", "PERSON"), ("Rob Smith", "PERSON"), id="long-given-name-first"
        ),
    ],
)
def test_link_across_articles(engine, first, second):
    [(a, _, type_a)] = store(engine, first)
    [(b, _, type_b)] = store(engine, second)
    assert a == b
    assert type_a == type_b
    assert len(entity_rows(engine)) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(("Sinaloa", "GPE"), ("Sinaloa Cartel", "ORG"), id="place-vs-cartel"),
        pytest.param(("Marco Rubio", "PERSON"), ("Claudia Sheinbaum", "PERSON"), id="two-people"),
        pytest.param(("Claudia Sheinbaum", "PERSON"), ("Claudia", "PERSON"), id="given-name"),
        pytest.param(("Mexico", "GPE"), ("Mexico", "ORG"), id="place-vs-org"),
        pytest.param(
            ("Joaquín Guzmán", "PERSON"), ("Jo Guzmán", "PERSON"), id="two-letters-is-no-short-form"
        ),
        pytest.param(
            ("Ovidio Guzmán", "PERSON"), ("Joaquín Guzmán", "PERSON"), id="other-given-name"
        ),
    ],
)
def test_link_keeps_different_entities_apart(engine, first, second):
    [(a, _, _)] = store(engine, first)
    [(b, _, _)] = store(engine, second)
    assert a != b
    assert len(entity_rows(engine)) == 2


def test_short_given_name_with_two_candidates_links_neither(engine):
    store(engine, ("Pamela Bondi", "PERSON"))
    store(engine, ("Pamelo Bondi", "PERSON"))
    [(c, _, _)] = store(engine, ("Pam Bondi", "PERSON"))
    assert len(entity_rows(engine)) == 3 and c == entity_rows(engine)[-1][0]


def test_link_is_idempotent_for_a_repeated_article(engine):
    specs = (("Claudia Sheinbaum", "PERSON"), ("Sheinbaum", "PERSON"), ("Mexico", "GPE"))
    first = store(engine, *specs)
    second = store(engine, *specs)
    assert first == second
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(Entity)) == 2


# --- the linker's two steps: candidates, then the decision ---------------------------------


def steps(engine, *specs: Spec) -> list[tuple[str, int, tuple[int, str] | None]]:
    """For the one cluster `specs` form: (rule step, candidates found, the link it
    decides as (entity id, rule) or None) per step `candidates` proposes, up to the
    first that decides."""
    clusters, _ = cluster_mentions(mentions(*specs))
    [cluster] = clusters
    with session_scope(engine) as session:
        index = LinkIndex(session, [cluster])
        out = []
        for group in candidates(cluster, index):
            link = decide(cluster, group, index)
            out.append(
                (group.step, len(group.found), (link.entity_id, link.rule) if link else None)
            )
            if link is not None:
                break  # as `choose` does: a weaker rule is not even looked up
        return out


@pytest.mark.parametrize(
    ("known", "specs", "expected"),
    [
        pytest.param(
            [("Claudia Sheinbaum", "PERSON")],
            [("Claudia Sheinbaum", "PERSON")],
            [("same-name", 1, (1, "same-name"))],
            id="same-name-decides-at-once",
        ),
        pytest.param(
            [("El Mencho", "PERSON")],
            [("Nemesio Oseguera Cervantes", "PERSON"), ("El Mencho", "PERSON", {"alias_of": 0})],
            [("same-name", 1, (1, "alias"))],
            id="found-by-another-name-of-the-cluster",
        ),
        pytest.param(
            [("Joaquín Guzmán Loera", "PERSON"), ("Ovidio Guzmán López", "PERSON")],
            [("Guzmán", "PERSON")],
            [("surname-of", 2, None)],
            id="a-surname-two-people-share-links-neither",
        ),
        pytest.param(
            [("Hector Macha", "PERSON")],
            [("Macha", "ORG")],
            [("surname-of", 1, (1, "surname"))],
            id="bare-name-tagged-org-is-the-persons-surname",
        ),
        pytest.param(
            [("Macha", "PERSON")],
            [("Hector Macha", "PERSON")],
            [("completes-surname", 1, (1, "surname"))],
            id="full-name-completes-a-surname",
        ),
        pytest.param(
            [("Pamela Bondi", "PERSON"), ("Pamelo Bondi", "PERSON")],
            [("Pam Bondi", "PERSON")],
            [("completes-surname", 0, None), ("similar-name", 2, None)],
            id="two-given-name-variants-link-neither",
        ),
        pytest.param(
            [("Sinaloa", "GPE")],
            [("Sinaloa Cartel", "ORG")],
            [],
            id="no-rule-for-an-unknown-multi-word-org",
        ),
    ],
)
def test_candidates_and_decision(engine, known, specs, expected):
    for spec in known:
        store(engine, spec)
    assert steps(engine, *specs) == expected


def test_completing_a_surname_needs_a_person_known_by_surname_only(engine):
    """The decision, not the candidate look-up, refuses a person already named in full."""
    [(full, _, _)] = store(engine, ("Donald Trump", "PERSON"))
    clusters, _ = cluster_mentions(mentions(("Melania Trump", "PERSON")))
    with session_scope(engine) as session:
        index = LinkIndex(session, clusters)
        group = Candidates("completes-surname", {full: {"donald trump"}})
        assert decide(clusters[0], group, index) is None
        variant = Candidates("similar-name", {full: set()}, flags={full: {"variant"}})
        link = decide(clusters[0], variant, index)
        assert link is not None and (link.entity_id, link.rule) == (full, "given-name-variant")
