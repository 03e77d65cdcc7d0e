"""Domain knowledge shipped as data files: places, agencies, cartels, titles, demonyms,
officials (data/officials.tsv) and the narcotics entries of OFAC's SDN list
(data/sdn_narcotics.jsonl, written by scripts/build_sdn.py).

`load()` gathers them into one index of `KnownEntity` entries; the EntityRuler
(`ruler_patterns`) and the resolver read it. `keys`, `officials` and `sdn` are the
modules behind it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from cartelkb.knowledge.keys import name_key, strip_accents

if TYPE_CHECKING:
    from cartelkb.knowledge.sdn import SdnEntry

DATA_FILES = ("countries.tsv", "mexico_places.tsv", "us_places.tsv", "agencies.tsv", "cartels.tsv")
SANCTIONS_FILE = "sdn_narcotics.jsonl"

__all__ = [
    "DATA_FILES",
    "Knowledge",
    "KnownEntity",
    "SANCTIONS_FILE",
    "load",
    "name_key",
    "ruler_patterns",
    "strip_accents",
]


@dataclass(frozen=True)
class KnownEntity:
    """One entry of the gazetteer: a canonical name, its class and its other names."""

    canonical: str
    type: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    kind: str = ""  # where it comes from: countries, agencies, cartels, officials, sanctions...
    ref: str = ""  # an identifier in its source ("SDN 17674" for an entry of the SDN list)


@dataclass
class Knowledge:
    """All gazetteer entries, indexed by normalized name."""

    entities: list[KnownEntity] = field(default_factory=list)
    by_key: dict[str, KnownEntity] = field(default_factory=dict)
    demonyms: dict[str, KnownEntity] = field(default_factory=dict)
    titles: tuple[str, ...] = ()
    title_set: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    # surname key -> the one official it is the surname of (None: several share it)
    surnames: dict[str, KnownEntity | None] = field(default_factory=dict)
    # first words (name_key) of the persons' names: officials' and SDN entries' given names
    given_names: frozenset[str] = frozenset()

    def person_by_surname(self, name: str) -> KnownEntity | None:
        """The one known official a bare surname denotes ("Trump" -> Donald Trump).

        Officials only (data/officials.tsv): the SDN list's surnames are shared by too
        many entries to name anyone alone. None when two officials share the surname.
        """
        return self.surnames.get(name_key(name))

    def is_category(self, name: str) -> bool:
        """True for designation categories that look like names but are not entities."""
        key = name_key(name)
        return key in self.categories or key.rstrip("s") in self.categories

    def is_cartel(self, canonical: str) -> bool:
        """True for an entry of the cartels file (criminal organizations)."""
        entry = self.by_key.get(name_key(canonical))
        return entry is not None and entry.kind == "cartels"

    def lookup(self, name: str) -> KnownEntity | None:
        """The known entity a name denotes, compared as `name_key` does."""
        return self.by_key.get(name_key(name))

    def demonym(self, word: str) -> KnownEntity | None:
        """The country a demonym denotes ("Mexican" -> Mexico), if known."""
        return self.demonyms.get(name_key(word))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _read_tsv(name: str) -> Iterator[dict[str, str]]:
    with resources.files("cartelkb.data").joinpath(name).open(encoding="utf-8") as fh:
        rows = (line for line in fh if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(rows, delimiter="\t")


@lru_cache(maxsize=1)
def load() -> Knowledge:
    """Read the data files once per process.

    Gazetteer files first, then officials, then SDN entries: a name keeps the first
    entry that claims it, so "Cartel de Sinaloa" stays the gazetteer's Sinaloa Cartel
    and the SDN's entry of that name adds nothing (`sanctions.match_entities` links the
    two in the database).
    """
    kb = Knowledge()
    for file_name in DATA_FILES:
        for row in _read_tsv(file_name):
            entry = KnownEntity(
                canonical=row["canonical"].strip(),
                type=row["type"].strip(),
                aliases=_split(row.get("aliases")),
                acronyms=_split(row.get("acronyms")),
                demonyms=_split(row.get("demonyms")),
                kind=file_name.removesuffix(".tsv"),
            )
            _add(kb, entry)
    for entry in _official_entries():
        _add(kb, entry)
        for surname in {name_key(n).split()[-1] for n in (entry.canonical, *entry.aliases)}:
            if len(surname) > 2 and surname not in {"jr", "sr", "ii", "iii"}:
                same = kb.surnames.get(surname, entry)
                kb.surnames[surname] = entry if same == entry else None
    for entry in _sanctions_entries(kb):
        _add(kb, entry)
    kb.given_names = frozenset(
        key.split()[0]
        for e in kb.entities
        if e.type == "PERSON"
        for key in [name_key(e.canonical)]
        if key and len(key.split()) >= 2
    )
    with resources.files("cartelkb.data").joinpath("titles.txt").open(encoding="utf-8") as fh:
        titles = [t.strip() for t in fh if t.strip() and not t.startswith("#")]
    # Longest first, so "U.S. Secretary of State" wins over "Secretary".
    kb.titles = tuple(sorted(set(titles), key=lambda t: (-len(t), t)))
    kb.title_set = frozenset(titles)
    with resources.files("cartelkb.data").joinpath("categories.txt").open(encoding="utf-8") as fh:
        kb.categories = frozenset(name_key(t) for t in fh if t.strip() and not t.startswith("#"))
    return kb


def _add(kb: Knowledge, entry: KnownEntity) -> None:
    kb.entities.append(entry)
    for name in (entry.canonical, *entry.aliases, *entry.acronyms):
        kb.by_key.setdefault(name_key(name), entry)
    for demonym in entry.demonyms:
        kb.demonyms.setdefault(name_key(demonym), entry)


def _official_entries() -> Iterator[KnownEntity]:
    """Officials as persons: a known person is never an organization."""
    from cartelkb.knowledge.officials import load_officials

    for official in load_officials():
        yield KnownEntity(official.name, "PERSON", aliases=official.aliases, kind="officials")


@lru_cache(maxsize=1)
def sanctions_list() -> tuple[dict[str, Any], list[SdnEntry]]:
    """(about, entries) of the packaged SDN file (`sdn.SdnEntry` records)."""
    from cartelkb.knowledge.sdn import read_jsonl

    with resources.files("cartelkb.data").joinpath(SANCTIONS_FILE).open(encoding="utf-8") as fh:
        about, entries = read_jsonl(fh)
    return about, entries


def _sanctions_entries(kb: Knowledge) -> Iterator[KnownEntity]:
    """The SDN list's persons and organizations as known entities (kind "sanctions").

    Only names that can stand for the entry alone are kept: the listed name when it has
    two words or more and no other entry has it, and the a.k.a.s marked distinctive
    ("El Mencho", "Mencho"; not "Mayo", an English word, nor "El Chino", which several
    entries go by). An entry whose name the gazetteer or the officials file already
    has is left to that entry; an alias another entry has is dropped.
    """
    _, entries = sanctions_list()
    listed: dict[str, int] = {}
    for entry in entries:
        key = name_key(entry.name)
        listed[key] = listed.get(key, 0) + 1
    for entry in entries:
        key = name_key(entry.name)
        if len(key.split()) < 2 or listed[key] > 1 or key in kb.by_key:
            continue
        aliases = tuple(
            dict.fromkeys(
                a.name for a in entry.aliases if a.distinctive and name_key(a.name) not in kb.by_key
            )
        )
        yield KnownEntity(
            entry.name, entry.type, aliases=aliases, kind="sanctions", ref=f"SDN {entry.sdn_id}"
        )


def _variants(name: str) -> set[str]:
    forms = {name, strip_accents(name)}
    for form in list(forms):
        if form.endswith(" Cartel"):
            forms.add(form[: -len("Cartel")] + "cartel")
        if "-" in form:
            forms.add(form.replace("-", " "))
    return forms


def ruler_patterns() -> list[dict[str, object]]:
    """Phrase patterns for spaCy's EntityRuler, one per known name and spelling variant.

    Matching is case-sensitive (ORTH) so the pronoun "us" never becomes the country.
    Of the SDN entries only names of two words or more become patterns ("El Mencho",
    "Nemesio Oseguera Cervantes"): a one-word a.k.a. ("Mencho") is known to the
    resolver when the NER finds it, but would cost a false entity wherever the word
    occurs in another sense.
    """
    patterns: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    for entry in load().entities:
        for name in (entry.canonical, *entry.aliases, *entry.acronyms):
            if entry.kind == "sanctions" and len(name.split()) < 2:
                continue
            for form in _variants(name):
                if (form, entry.type) in seen:
                    continue
                seen.add((form, entry.type))
                patterns.append({"label": entry.type, "pattern": form, "id": entry.canonical})
    return patterns
