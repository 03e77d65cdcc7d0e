"""Domain knowledge shipped as data files: places, agencies, cartels, titles, demonyms."""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

DATA_FILES = ("countries.tsv", "mexico_places.tsv", "us_places.tsv", "agencies.tsv", "cartels.tsv")


@dataclass(frozen=True)
class KnownEntity:
    """One entry of the gazetteer: a canonical name, its class and its other names."""

    canonical: str
    type: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    kind: str = ""  # the data file it comes from: countries, agencies, cartels, ...


@dataclass
class Knowledge:
    """All gazetteer entries, indexed by normalized name."""

    entities: list[KnownEntity] = field(default_factory=list)
    by_key: dict[str, KnownEntity] = field(default_factory=dict)
    demonyms: dict[str, KnownEntity] = field(default_factory=dict)
    titles: tuple[str, ...] = ()
    title_set: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()

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


def strip_accents(text: str) -> str:
    """Remove combining marks: Michoacán -> Michoacan."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Normalize a name for comparison: case, accents, punctuation and a leading "the".

    `U.S.` -> `us`, `Michoacán` -> `michoacan`, `the United States` -> `united states`,
    `Treviño-Morales` -> `trevino morales`.
    """
    text = strip_accents(name).casefold().replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("'"):
        text = text[:-1]
    out = []
    for ch in text:
        if ch.isalnum():
            out.append(ch)
        elif ch in "-/&" or ch.isspace():
            out.append(" ")
        # other punctuation (periods in U.S., apostrophes) is dropped
    words = "".join(out).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _read_tsv(name: str) -> Iterator[dict[str, str]]:
    with resources.files("cartelkb.data").joinpath(name).open(encoding="utf-8") as fh:
        rows = (line for line in fh if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(rows, delimiter="\t")


@lru_cache(maxsize=1)
def load() -> Knowledge:
    """Read the data files once per process."""
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
            kb.entities.append(entry)
            for name in (entry.canonical, *entry.aliases, *entry.acronyms):
                kb.by_key.setdefault(name_key(name), entry)
            for demonym in entry.demonyms:
                kb.demonyms.setdefault(name_key(demonym), entry)
    with resources.files("cartelkb.data").joinpath("titles.txt").open(encoding="utf-8") as fh:
        titles = [t.strip() for t in fh if t.strip() and not t.startswith("#")]
    # Longest first, so "U.S. Secretary of State" wins over "Secretary".
    kb.titles = tuple(sorted(set(titles), key=lambda t: (-len(t), t)))
    kb.title_set = frozenset(titles)
    with resources.files("cartelkb.data").joinpath("categories.txt").open(encoding="utf-8") as fh:
        kb.categories = frozenset(name_key(t) for t in fh if t.strip() and not t.startswith("#"))
    return kb


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
    """
    patterns: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    for entry in load().entities:
        for name in (entry.canonical, *entry.aliases, *entry.acronyms):
            for form in _variants(name):
                if (form, entry.type) in seen:
                    continue
                seen.add((form, entry.type))
                patterns.append({"label": entry.type, "pattern": form, "id": entry.canonical})
    return patterns
