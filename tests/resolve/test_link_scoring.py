"""The scored cross-article linker: features, score and threshold, one case per feature."""

from __future__ import annotations

import hashlib
import itertools

import pytest
from sqlalchemy import select

from cartelkb.records import MentionRecord
from cartelkb.resolve import cluster_mentions
from cartelkb.resolve.link import LinkIndex, link_cluster
from cartelkb.resolve.names import compare_key
from cartelkb.resolve.score import THRESHOLD, Features, score
from cartelkb.store.db import open_database, session_scope
from cartelkb.store.models import Article, Entity, EntityAlias, Mention


def mentions(*specs: tuple) -> list[MentionRecord]:
    """One mention per "sentence", with real offsets; spec = (text, label[, fields])."""
    out, offset = [], 0
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


_SERIAL = itertools.count()


@pytest.fixture
def engine(db_url):
    engine = open_database(db_url, write=True)
    yield engine
    engine.dispose()


def store(engine, *specs: tuple) -> list[tuple[int, str, str]]:
    """One article: (entity id, name, type) of each mention after linking."""
    clusters, assignment = cluster_mentions(mentions(*specs))
    with session_scope(engine) as session:
        index = LinkIndex(session, clusters)  # one per article, as ingest does
        entities = [link_cluster(session, c, index) for c in clusters]
        index.write_aliases()
        found = mentions(*specs)
        text = "  ".join(m.text for m in found)
        article = Article(
            sha256=hashlib.sha256(f"{text}{next(_SERIAL)}".encode()).hexdigest(),
            source_path="t.txt",
            text=text,
            model="test",
            extractor_version="test",
        )
        session.add(article)
        session.flush()
        for m, a in zip(found, assignment, strict=True):
            session.add(
                Mention(
                    article_id=article.id,
                    entity_id=entities[a].id,
                    text=m.text,
                    label=m.label,
                    source="model",
                    start_char=m.start,
                    end_char=m.end,
                    sentence_start=m.sent_start,
                    sentence_end=m.sent_end,
                )
            )
        return [(entities[a].id, entities[a].name, entities[a].type) for a in assignment]


def count(engine) -> int:
    with session_scope(engine) as session:
        return len(session.scalars(select(Entity.id)).all())


@pytest.mark.parametrize(
    ("name", "label", "key"),
    [
        ("Intel Corp.", "ORG", "intel"),
        ("Intel Corporation", "ORG", "intel"),
        ("Grupo Industrial S.A. de C.V.", "ORG", "grupo industrial"),
        ("Los Cuinis Drug Trafficking Organization", "ORG", "los cuinis"),
        ("Kenneth E. Melson", "PERSON", "kenneth melson"),
        ("Robert S. Mueller III", "PERSON", "robert mueller"),
        ("Sinaloa Cartel", "ORG", "sinaloa cartel"),  # the cartel is not the state
        ("Company", "ORG", "company"),  # never emptied
        ("Michoacán", "GPE", "michoacan"),
    ],
)
def test_compare_key(name, label, key):
    assert compare_key(name, label) == key


def test_score_takes_the_strongest_evidence_times_the_class():
    assert score(Features(exact=True)) == 1.0
    assert score(Features(surname=True)) == 0.85
    assert score(Features(exact=True, type=0.0)) == 0.0
    assert score(Features(similarity=0.99)) == 0.0  # similarity alone is not a near spelling
    assert score(Features(near=True, similarity=0.95)) == 0.95
    assert score(Features(near=True, similarity=0.85)) == 0.0  # under the fuzzy floor
    assert score(Features(title=True, context=3)) == 0.0  # bonuses are never evidence alone
    assert score(Features(surname=True, context=1)) == 0.9
    assert score(Features(surname=True, type=0.9)) < THRESHOLD


def test_legal_form_left_out_links_across_articles(engine):
    [(intel, _, _)] = store(engine, ("Intel Corp.", "ORG"))
    [(again, _, _)] = store(engine, ("Intel", "ORG"))
    assert again == intel


def test_legal_form_left_out_is_one_cluster_in_an_article():
    clusters, assignment = cluster_mentions(mentions(("Intel Corp.", "ORG"), ("Intel", "ORG")))
    assert len(clusters) == 1 and assignment == [0, 0]


def test_middle_initial_left_out_links(engine):
    [(full, _, _)] = store(engine, ("Kenneth E. Melson", "PERSON"))
    [(short, _, _)] = store(engine, ("Kenneth Melson", "PERSON"))
    assert short == full


def test_maternal_surname_left_out_links_and_the_fuller_name_wins(engine):
    [(short, _, _)] = store(engine, ("Osiel Cardenas", "PERSON"))
    [(full, name, _)] = store(engine, ("Osiel Cardenas Guillen", "PERSON"))
    assert full == short and name == "Osiel Cardenas Guillen"


def test_surname_inside_a_compound_one_does_not_link(engine):
    store(engine, ("Juan Reyes Mejia-Gonzalez", "PERSON"))
    store(engine, ("Juan Gonzalez", "PERSON"))
    assert count(engine) == 2


def test_near_spelling_of_a_surname_links_but_not_of_a_given_name(engine):
    [(rait, _, _)] = store(engine, ("Duncan Rait", "PERSON"))
    [(raite, _, _)] = store(engine, ("Duncan Raite", "PERSON"))
    assert raite == rait
    store(engine, ("Pamela Bondi", "PERSON"))
    store(engine, ("Pamelo Bondi", "PERSON"))
    assert count(engine) == 3


def test_another_surname_is_another_person_however_similar_the_names(engine):
    """Same given name and paternal surname, another maternal one: a relative (invented
    names; the near spelling of the whole key is over the fuzzy floor)."""
    [(first, _, _)] = store(engine, ("Ramiro Castaneda Lopez", "PERSON"))
    [(second, _, _)] = store(engine, ("Ramiro Castaneda Loera", "PERSON"))
    assert second != first
    [(third, _, _)] = store(engine, ("Ramiro Castañeda Lopes", "PERSON"))  # misspelled
    assert third == first


def test_nickname_before_the_surname_links_to_the_person(engine):
    [(chapo, _, _), _] = store(
        engine, ("Joaquín Guzmán", "PERSON"), ("El Chapo", "PERSON", {"alias_of": 0})
    )
    store(engine, ("Ovidio Guzmán", "PERSON"))
    [(found, _, _)] = store(engine, ("Chapo Guzmán", "PERSON"))
    assert found == chapo


def test_nickname_tagged_org_is_the_person_not_an_empty_org(engine):
    [(chapo, _, _), _] = store(
        engine, ("Joaquín Guzmán", "PERSON"), ("El Chapo", "PERSON", {"alias_of": 0})
    )
    [(found, _, label)] = store(engine, ("El Chapo", "ORG"))
    assert found == chapo and label == "PERSON"


def test_unknown_org_named_like_a_person_becomes_the_person(engine):
    [(org, _, _)] = store(engine, ("Mark Vinar", "ORG"))
    [(person, _, label)] = store(engine, ("Mark Vinar", "PERSON"))
    assert person == org and label == "PERSON"


def test_known_place_is_not_taken_by_a_person_of_that_name(engine):
    [(place, _, _)] = store(engine, ("Mexico", "GPE", {"canonical": "Mexico"}))
    [(person, _, _)] = store(engine, ("Mexico", "PERSON"))
    assert person != place


def test_unknown_name_tagged_org_then_place_is_one_entity(engine):
    [(org, _, _)] = store(engine, ("Perth", "ORG"))
    [(place, _, _)] = store(engine, ("Perth", "GPE"))
    assert place == org


def test_known_place_is_not_taken_by_an_org_of_that_name(engine):
    [(place, _, _)] = store(engine, ("Sinaloa", "GPE", {"canonical": "Sinaloa"}))
    [(org, _, _)] = store(engine, ("Sinaloa", "ORG"))
    assert org != place


def test_shared_context_tells_two_people_of_one_surname_apart(engine):
    store(engine, ("Joaquín Guzmán Loera", "PERSON"), ("Sinaloa Cartel", "ORG"))
    store(engine, ("Ovidio Guzmán López", "PERSON"), ("Culiacán", "GPE"))
    # Without context neither is linked: tests/test_resolve.py, ambiguous surname.
    [_, (bare, name, _)] = store(engine, ("Sinaloa Cartel", "ORG"), ("Guzmán", "PERSON"))
    assert name == "Joaquín Guzmán Loera"


def test_official_surname_alone_is_the_official():
    clusters, _ = cluster_mentions(mentions(("Trump", "PERSON", {"role": "President"})))
    assert clusters[0].name == "Donald Trump" and clusters[0].from_knowledge
    clusters, _ = cluster_mentions(mentions(("Biden", "ORG")))
    assert (clusters[0].name, clusters[0].label) == ("Joe Biden", "PERSON")


def test_surname_of_a_full_name_in_the_article_is_not_the_official():
    clusters, _ = cluster_mentions(
        mentions(("Iván Archivaldo Guzmán Salazar", "PERSON"), ("Salazar", "PERSON"))
    )
    assert [c.name for c in clusters] == ["Iván Archivaldo Guzmán Salazar"]


def test_accented_spelling_of_a_gazetteer_name_is_preferred():
    [cluster], _ = cluster_mentions(
        mentions(("Joaquín Guzmán Loera", "PERSON", {"canonical": "Joaquin Guzman Loera"}))
    )
    assert cluster.name == "Joaquín Guzmán Loera"


def test_org_mention_of_a_person_in_the_article_is_the_person():
    clusters, assignment = cluster_mentions(
        mentions(("Eduardo Arellano-Felix", "PERSON"), ("Arellano-Felix", "ORG"))
    )
    assert len(clusters) == 1 and clusters[0].label == "PERSON"


def test_merge_records_its_features_and_score(engine):
    store(engine, ("Kenneth E. Melson", "PERSON"))
    store(engine, ("Kenneth Melson", "PERSON"))
    with session_scope(engine) as session:
        evidence = session.scalar(
            select(EntityAlias.evidence).where(EntityAlias.alias == "Kenneth Melson")
        )
    assert evidence.startswith("linked by similar-name (score 0.95 >= 0.80: compare")
