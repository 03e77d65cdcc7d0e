"""Word lists, mappings and cue patterns shipped as data files, read by one validated loader.

Every extractor's vocabulary lives in `cartelkb/data/lexicons/<name>.toml`, so a word is
added without touching code, and every file is checked the same way when it is loaded:
each top-level table is one entry with a one-line `about` (what the list is for) and
exactly one of

- `words`: a set of single words, written as one whitespace-separated string or a
  list; lowercase unless the entry says `case = "sensitive"`; no word twice;
- `phrases`: a list of strings that may contain spaces (kept in file order);
- `map`: a table from a word or phrase to a string, number or boolean;
- `patterns`: spaCy `Matcher` token patterns (a list of patterns, each a list of
  token specifications), validated against spaCy's pattern schema.

An entry that breaks these rules, or a look-up of an entry that is not there or is of
another kind, raises `LexiconError` naming the file and the entry. Loading is cached per
process.

Example (`data/lexicons/claims.toml`):

    [speech_verbs]
    about = "Reporting verbs: their subject is the source of their complement clause."
    words = '''say tell announce state'''
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any, Literal

from cartelkb.errors import CartelKBError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

Kind = Literal["words", "phrases", "map", "patterns"]
KINDS: tuple[Kind, ...] = ("words", "phrases", "map", "patterns")
_PACKAGE = "cartelkb.data.lexicons"
_ALLOWED_KEYS = {"about", "case", *KINDS}


class LexiconError(CartelKBError):
    """A lexicon data file is malformed, or code asked for an entry it does not have."""


class Lexicon:
    """The validated entries of one lexicon file."""

    def __init__(self, name: str, entries: Mapping[str, tuple[Kind, Any]]) -> None:
        self.name = name
        self._entries = dict(entries)

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def keys(self) -> list[str]:
        return list(self._entries)

    def kind(self, key: str) -> Kind:
        return self._get(key, None)[0]

    def _get(self, key: str, kind: Kind | None) -> tuple[Kind, Any]:
        try:
            found = self._entries[key]
        except KeyError:
            raise LexiconError(
                f"lexicons/{self.name}.toml has no entry [{key}]; add it to the data file"
            ) from None
        if kind is not None and found[0] != kind:
            raise LexiconError(
                f"lexicons/{self.name}.toml: [{key}] is a {found[0]} entry, not {kind}"
            )
        return found

    def words(self, key: str) -> frozenset[str]:
        """A set of single words."""
        return self._get(key, "words")[1]  # type: ignore[no-any-return]

    def phrases(self, key: str) -> tuple[str, ...]:
        """Strings that may hold spaces, in file order."""
        return self._get(key, "phrases")[1]  # type: ignore[no-any-return]

    def mapping(self, key: str) -> dict[str, Any]:
        """A table from word or phrase to a scalar (a fresh copy, safe to change)."""
        return dict(self._get(key, "map")[1])

    def patterns(self, key: str) -> list[list[dict[str, Any]]]:
        """spaCy Matcher token patterns."""
        return [[dict(tok) for tok in pattern] for pattern in self._get(key, "patterns")[1]]


def _problem(name: str, key: str, message: str) -> LexiconError:
    return LexiconError(f"lexicons/{name}.toml: [{key}] {message}")


def _validate_words(name: str, key: str, value: Any, sensitive: bool) -> frozenset[str]:
    if isinstance(value, str):
        items = value.split()
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = list(value)
    else:
        raise _problem(name, key, "words must be a string of words or a list of strings")
    seen: set[str] = set()
    for word in items:
        if not word or any(ch.isspace() for ch in word):
            raise _problem(name, key, f"word {word!r} holds a space; use a phrases entry")
        if not sensitive and word != word.lower():
            raise _problem(name, key, f"word {word!r} is not lowercase (or set case = 'sensitive')")
        if word in seen:
            raise _problem(name, key, f"lists {word!r} twice")
        seen.add(word)
    if not seen:
        raise _problem(name, key, "is empty")
    return frozenset(seen)


def _validate_phrases(name: str, key: str, value: Any, sensitive: bool) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _problem(name, key, "phrases must be a list of non-empty strings")
    if not sensitive and any(v != v.lower() for v in value):
        raise _problem(name, key, "phrases must be lowercase (or set case = 'sensitive')")
    if len(set(value)) != len(value):
        raise _problem(name, key, "lists a phrase twice")
    return tuple(value)


def _validate_map(name: str, key: str, value: Any, sensitive: bool) -> dict[str, Any]:
    if not isinstance(value, dict) or not value:
        raise _problem(name, key, "map must be a non-empty table")
    for k, v in value.items():
        if not isinstance(v, (str, int, float, bool)):
            raise _problem(name, key, f"value of {k!r} must be a string, number or boolean")
        if not sensitive and k != k.lower():
            raise _problem(name, key, f"key {k!r} is not lowercase (or set case = 'sensitive')")
    return dict(value)


def _validate_patterns(name: str, key: str, value: Any, sensitive: bool) -> tuple[Any, ...]:
    if not isinstance(value, list) or not value:
        raise _problem(name, key, "patterns must be a non-empty list of token patterns")
    from spacy.schemas import validate_token_pattern

    for number, pattern in enumerate(value, 1):
        if not isinstance(pattern, list) or not pattern:
            raise _problem(name, key, f"pattern {number} must be a non-empty list of tokens")
        errors = validate_token_pattern(pattern)
        if errors:
            raise _problem(name, key, f"pattern {number} is not a spaCy pattern: {errors[0]}")
    return tuple(tuple(tok for tok in pattern) for pattern in value)


_VALIDATORS = {
    "words": _validate_words,
    "phrases": _validate_phrases,
    "map": _validate_map,
    "patterns": _validate_patterns,
}


def parse(name: str, data: Mapping[str, Any]) -> Lexicon:
    """Validate the parsed TOML of lexicon `name` (see the module docstring)."""
    entries: dict[str, tuple[Kind, Any]] = {}
    for key, table in data.items():
        if not isinstance(table, dict):
            raise _problem(name, key, "must be a table with `about` and one list")
        unknown = set(table) - _ALLOWED_KEYS
        if unknown:
            raise _problem(name, key, f"has unknown keys: {', '.join(sorted(unknown))}")
        about = table.get("about")
        if not isinstance(about, str) or not about.strip():
            raise _problem(name, key, "needs `about`: one line saying what the list is for")
        case = table.get("case", "lower")
        if case not in ("lower", "sensitive"):
            raise _problem(name, key, "case must be 'lower' or 'sensitive'")
        kinds = [k for k in KINDS if k in table]
        if len(kinds) != 1:
            raise _problem(name, key, f"needs exactly one of {', '.join(KINDS)}")
        kind = kinds[0]
        entries[key] = (kind, _VALIDATORS[kind](name, key, table[kind], case == "sensitive"))
    return Lexicon(name, entries)


def available() -> list[str]:
    """Names of the packaged lexicon files."""
    folder = resources.files(_PACKAGE)
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


@cache
def lexicon(name: str) -> Lexicon:
    """The packaged lexicon `data/lexicons/<name>.toml`, validated (cached per process)."""
    path = resources.files(_PACKAGE).joinpath(f"{name}.toml")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LexiconError(
            f"no lexicon {name!r}: cartelkb/data/lexicons/{name}.toml is missing "
            f"(packaged lexicons: {', '.join(available()) or 'none'})"
        ) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"lexicons/{name}.toml is not valid TOML: {exc}") from None
    return parse(name, data)
