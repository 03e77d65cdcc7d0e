"""The features of a candidate merge (a cluster into a knowledge-base entity) and its score.

Each linking rule of `link` proposes candidates; every candidate is described by the
same features, scored by `score`, and linked only at `THRESHOLD` or above. The features
and the score are written on the aliases the merge adds (`explain`), so `cartelkb query
--entity X --why` shows why each name joined the entity.

The weights are the evidence one feature alone gives that two names are one entity, in
the spirit of the Fellegi-Sunter record-linkage model (a match weight per agreeing
field) and of name matchers such as OpenSanctions' `nomenklatura` (exact name > same name
without legal form > acronym > fuzzy): the strongest piece of evidence counts, scaled by
type compatibility, plus a small bonus for shared context. They and the threshold were
chosen on the development corpus (data/dev) only.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

# Evidence of each feature alone (1.0 is certainty).
WEIGHTS = {
    "exact": 1.0,  # a name key both have (surface, gazetteer or curated alias)
    "knowledge": 1.0,  # both are the same gazetteer, officials or SDN entry
    "compare": 0.95,  # the same name once legal forms or middle initials are left out
    "acronym": 0.9,  # one is the other's acronym or initials
    "nickname": 0.9,  # a nickname the entity goes by, alone or before its surname
    "subname": 0.85,  # the shorter name's words, in order, with the same given name
    "surname": 0.85,  # a bare name that is the one known person's surname
    "variant": 0.85,  # a short form of the same given name (Pam / Pamela)
    "title": 0.05,  # the same title (role) held: a bonus, never enough alone
    "context": 0.05,  # per entity the article shares with the candidate's articles
}
BONUSES = {"title", "context"}  # add to the evidence, never evidence alone
CONTEXT_CAP = 0.1
# Fuzzy similarity (rapidfuzz ratio of the keys, 0-1) counts as evidence from FUZZY_FLOOR
# up: above it a near-identical spelling ("Duncan Rait" / "Duncan Raite").
FUZZY_FLOOR = 0.9
# ... and, for persons, every word of one name at least this similar to its counterpart
# in the other (a misspelled surname, not another one).
WORD_FLOOR = 0.8
THRESHOLD = 0.8
# Two candidates closer than this are ambiguous: neither is linked.
MARGIN = 0.05


@dataclass
class Features:
    """What a cluster and a candidate entity agree on."""

    similarity: float = 0.0  # best rapidfuzz ratio between their name keys, 0-1
    exact: bool = False
    knowledge: bool = False
    compare: bool = False
    acronym: bool = False
    nickname: bool = False
    subname: bool = False
    surname: bool = False
    variant: bool = False
    near: bool = False  # a near spelling: `similarity` itself is the evidence
    title: bool = False
    context: int = 0  # entities of the article also named with the candidate
    type: float = 1.0  # 1 same class; less for a class the NER confuses; 0 incompatible

    def evidence(self) -> float:
        """The strongest single piece of name evidence."""
        held = [w for name, w in WEIGHTS.items() if name not in BONUSES and getattr(self, name)]
        best = max(held, default=0.0)
        if self.near and self.similarity >= FUZZY_FLOOR:
            best = max(best, self.similarity)
        return best


def similarity(a: str, b: str) -> float:
    """rapidfuzz's normalized Indel similarity of two keys, word order ignored (0-1)."""
    return fuzz.token_sort_ratio(a, b) / 100.0


def score(f: Features) -> float:
    """The merge score: name evidence times type compatibility, plus bonuses (at most 1)."""
    bonus = min(CONTEXT_CAP, WEIGHTS["context"] * f.context)
    if f.title:
        bonus += WEIGHTS["title"]
    base = f.evidence()
    if base == 0.0:
        return 0.0
    return round(min(1.0, base * f.type + bonus), 3)


def explain(f: Features, value: float) -> str:
    """One line for the alias's evidence: the score and the features that held."""
    parts = [
        name
        for name in (
            "exact",
            "knowledge",
            "compare",
            "acronym",
            "nickname",
            "subname",
            "surname",
            "variant",
            "near",
            "title",
        )
        if getattr(f, name)
    ]
    parts.append(f"similarity {f.similarity:.2f}")
    parts.append(f"type {f.type:.2f}")
    if f.context:
        parts.append(f"context {f.context}")
    return f"score {value:.2f} >= {THRESHOLD:.2f}: " + ", ".join(parts)
