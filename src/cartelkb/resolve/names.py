"""Name keys both clustering and linking compare: surnames of persons, initials of
organizations, and which entity classes may be one entity."""

from __future__ import annotations

from functools import lru_cache

from cartelkb.knowledge import name_key
from cartelkb.lexicon import lexicon

_LEXICON = lexicon("resolve")
COMPATIBLE = {"PERSON": {"PERSON"}, "ORG": {"ORG"}, "GPE": {"GPE", "LOC"}, "LOC": {"GPE", "LOC"}}
NAME_PARTICLES = _LEXICON.words("name_particles")
ACRONYM_SKIP = _LEXICON.words("acronym_skip")
# Longest first, so "drug trafficking organization" goes before a shorter suffix.
ORG_SUFFIXES = tuple(sorted(_LEXICON.phrases("org_suffixes"), key=lambda p: (-len(p), p)))
PERSON_SUFFIXES = _LEXICON.words("person_suffixes")
NICKNAME_ARTICLES = _LEXICON.words("nickname_articles")


def compatible(a: str, b: str) -> bool:
    """Classes that may be one entity (GPE and LOC count as the same class)."""
    return b in COMPATIBLE.get(a, {a})


def person_partial_keys(name: str) -> list[str]:
    """Keys a person may be called by alone: surnames of a full name.

    Spanish names carry two surnames ("Joaquín Guzmán Loera": paternal Guzmán,
    maternal Loera); news style uses the paternal one or both, so every surname run
    after the given name is a key. Particles ("de la") stay attached.
    """
    # Initials ("Brian E. Nelson") are no surname: a one-letter key would link strangers.
    words = [w for w in name_key(name).split() if len(w) > 1]
    if len(words) < 2:
        return []
    keys = []
    for i in range(1, len(words)):
        if words[i] in NAME_PARTICLES:
            # "Miguel de la Madrid" is "De la Madrid": the particle run starts a surname.
            if words[i - 1] not in NAME_PARTICLES and i < len(words) - 1:
                keys.append(" ".join(words[i:]))
            continue
        keys.append(" ".join(words[i:]))
        if i < len(words) - 1:
            keys.append(words[i])
    return list(dict.fromkeys(keys))


def org_initials(name: str) -> str | None:
    """Initials of a multi-word organization name ("Drug Enforcement Administration" -> DEA).

    Used as a look-up key only, so "DEA" in an article that never spells the name out
    still finds the agency; three letters at least, to keep collisions rare.
    """
    words = [w for w in name.replace("-", " ").split() if w.lower() not in ACRONYM_SKIP]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).upper()


@lru_cache(maxsize=1 << 14)
def compare_key(name: str, label: str) -> str:
    """The key two names of one entity share once forms that vary are left out.

    Organizations lose their legal form and generic head ("Intel Corp." and "Intel" are
    `intel`; "Grupo X S.A. de C.V." is `grupo x`), through `rigour.names.remove_org_types`
    (the legal forms of many countries, from OpenSanctions) and the `org_suffixes` of the
    lexicon; persons lose middle initials and generational suffixes ("Kenneth E. Melson"
    and "Kenneth Melson" are `kenneth melson`). Other classes keep their name key. A
    name that would be left empty keeps its key.
    """
    key = name_key(name)
    if label == "ORG":
        from rigour.names import remove_org_types

        stripped = name_key(remove_org_types(key))
        words = stripped.split()
        for suffix in ORG_SUFFIXES:
            tail = suffix.split()
            if len(words) > len(tail) and words[-len(tail) :] == tail:
                words = words[: -len(tail)]
                break
        return " ".join(words) or key
    if label == "PERSON":
        words = [w for w in key.split() if len(w) > 1 and w not in PERSON_SUFFIXES]
        return " ".join(words) if len(words) >= 2 else key
    return key


def nickname_forms(key: str) -> set[str]:
    """A nickname's key with and without its Spanish article ("el chapo" -> chapo)."""
    words = key.split()
    forms = {key}
    if len(words) >= 2 and words[0] in NICKNAME_ARTICLES:
        forms.add(" ".join(words[1:]))
    return forms
