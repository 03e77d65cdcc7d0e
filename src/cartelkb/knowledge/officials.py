"""U.S. and Mexican officials (data/officials.tsv): their names, offices and years."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from cartelkb.knowledge.keys import name_key, strip_accents

OFFICIALS_FILE = "officials.tsv"
COUNTRIES = {"US": "United States", "MX": "Mexico"}


@dataclass(frozen=True)
class Office:
    """One tenure: the office, its country and the years (end None: in office)."""

    office: str
    country: str
    start: int
    end: int | None

    @property
    def label(self) -> str:
        """ "U.S. Secretary of State, 2009–2013"; "…, since 2025" while in office."""
        years = f"{self.start}–{self.end}" if self.end else f"since {self.start}"
        return f"{self.office}, {years}"


@dataclass(frozen=True)
class Official:
    """A person of the officials file, with every name reporting uses for them."""

    name: str
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]

    def names(self) -> tuple[str, ...]:
        """The name, its aliases, and their accentless spellings, each once."""
        found = dict.fromkeys((self.name, *self.aliases))
        for name in list(found):
            found.setdefault(strip_accents(name))
        return tuple(found)


class OfficialsError(ValueError):
    """The packaged officials file is malformed (a bug in the data, not a user error)."""


@lru_cache(maxsize=1)
def load_officials() -> tuple[Official, ...]:
    """Every official of the packaged file, rows of one person merged, in file order."""
    with resources.files("cartelkb.data").joinpath(OFFICIALS_FILE).open(encoding="utf-8") as fh:
        rows = [line for line in fh if line.strip() and not line.startswith("#")]
    merged: dict[str, tuple[str, list[str], list[Office]]] = {}
    for number, row in enumerate(csv.DictReader(rows, delimiter="\t"), start=2):
        name = (row.get("canonical") or "").strip()
        country = (row.get("country") or "").strip()
        start = (row.get("start") or "").strip()
        end = (row.get("end") or "").strip()
        if not name or country not in COUNTRIES or not start.isdigit():
            raise OfficialsError(f"{OFFICIALS_FILE} row {number}: {row!r}")
        if end and (not end.isdigit() or int(end) < int(start)):
            raise OfficialsError(f"{OFFICIALS_FILE} row {number}: end {end!r} before start")
        office = Office(row["office"].strip(), country, int(start), int(end) if end else None)
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        _, known, offices = merged.setdefault(name_key(name), (name, [], []))
        known.extend(a for a in aliases if a not in known)
        offices.append(office)
    return tuple(
        Official(name, tuple(aliases), tuple(offices)) for name, aliases, offices in merged.values()
    )


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Official | None]:
    index: dict[str, Official | None] = {}
    for official in load_officials():
        for name in official.names():
            key = name_key(name)
            # A name two officials share points to neither.
            index[key] = official if index.get(key, official) is official else None
    return index


def official_named(name: str) -> Official | None:
    """The official a full name or listed alias denotes (accents and case ignored)."""
    return _by_key().get(name_key(name))
