"""Quality measurement: score the knowledge base against a hand annotation (gold JSON)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from cartelkb.errors import GoldFormatError
from cartelkb.knowledge import name_key
from cartelkb.store.models import (
    Article,
    ArticlePath,
    Claim,
    DateExpression,
    Entity,
    EntityAlias,
    Mention,
)

CLASS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE"}
# Words that carry no action meaning when matching an action phrase.
ACTION_STOP = {
    "to",
    "with",
    "for",
    "on",
    "in",
    "of",
    "be",
    "the",
    "a",
    "an",
    "and",
    "against",
    "about",
    "into",
    "by",
    "at",
    "as",
    "from",
    "over",
    "their",
    "its",
    "have",
}


class Ratio(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hit: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return round(self.hit / self.total, 3) if self.total else None

    def show(self) -> str:
        v = self.value
        return "n/a" if v is None else f"{v:.3f}"


class EvalReport(BaseModel):
    """Precision/recall figures; `problems` lists each miss for a human to read."""

    model_config = ConfigDict(extra="forbid")
    articles_scored: int = 0
    articles_missing: list[str] = Field(default_factory=list)
    entity_recall: Ratio = Field(default_factory=Ratio)
    entity_precision: Ratio = Field(default_factory=Ratio)
    resolution_exactly_one: Ratio = Field(default_factory=Ratio)
    over_merged_entities: int = 0
    cross_article_ok: Ratio = Field(default_factory=Ratio)
    date_value_recall: Ratio = Field(default_factory=Ratio)
    date_value_precision: Ratio = Field(default_factory=Ratio)
    vague_dates_given_value: int = 0
    claim_recall: Ratio = Field(default_factory=Ratio)
    claim_precision: Ratio = Field(default_factory=Ratio)
    negation_accuracy: Ratio = Field(default_factory=Ratio)
    hedging_accuracy: Ratio = Field(default_factory=Ratio)
    source_recall: Ratio = Field(default_factory=Ratio)
    title_accuracy: Ratio = Field(default_factory=Ratio)
    author_accuracy: Ratio = Field(default_factory=Ratio)
    published_accuracy: Ratio = Field(default_factory=Ratio)
    boilerplate_removed: Ratio = Field(default_factory=Ratio)
    problems: list[str] = Field(default_factory=list)

    def rows(self) -> list[tuple[str, str, str]]:
        def r(label: str, ratio: Ratio) -> tuple[str, str, str]:
            return (label, ratio.show(), f"{ratio.hit}/{ratio.total}")

        return [
            ("articles scored", str(self.articles_scored), ", ".join(self.articles_missing)),
            r("entity recall", self.entity_recall),
            r("entity precision", self.entity_precision),
            r("gold entities resolved to exactly one", self.resolution_exactly_one),
            ("KB entities matching two gold entities", str(self.over_merged_entities), ""),
            r("cross-article entities merged", self.cross_article_ok),
            r("date value recall", self.date_value_recall),
            r("date value precision", self.date_value_precision),
            ("vague dates given a value", str(self.vague_dates_given_value), ""),
            r("claim recall", self.claim_recall),
            r("claim precision (gold sentences)", self.claim_precision),
            r("negation accuracy (matched)", self.negation_accuracy),
            r("hedging accuracy (matched)", self.hedging_accuracy),
            r("source recall (matched)", self.source_recall),
            r("title", self.title_accuracy),
            r("author", self.author_accuracy),
            r("published", self.published_accuracy),
            r("boilerplate removed", self.boilerplate_removed),
        ]


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Read and check a gold file (a JSON list of article objects with a `file`)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldFormatError(f"gold file {path} does not exist") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"cannot read gold file {path}: {exc}") from None
    if not isinstance(data, list) or not all(isinstance(a, dict) and "file" in a for a in data):
        raise GoldFormatError(f"{path}: expected a JSON list of objects with a 'file' field")
    return data


def _norm_space(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ations", "ation", "ions", "ion", "ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if suffix in {"ing", "ed"} and stem[-1] == stem[-2] and stem[-1] not in "aeioulsz":
                stem = stem[:-1]  # committed -> commit, planned -> plan (killed -> kill)
            return stem
    return word


def _action_words(action: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[A-Za-z]+", action) if w.lower() not in ACTION_STOP}


def action_matches(extracted: str, gold: str) -> bool:
    """The extracted action's head word appears in the gold action, or the gold's head in ours."""
    ours = [w for w in re.findall(r"[A-Za-z]+", extracted) if w.lower() not in ACTION_STOP]
    theirs = [w for w in re.findall(r"[A-Za-z]+", gold) if w.lower() not in ACTION_STOP]
    if not ours or not theirs:
        return False
    return _stem(ours[0]) in _action_words(gold) or _stem(theirs[0]) in _action_words(extracted)


class _KB:
    """The knowledge base loaded for scoring."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.names: dict[int, set[str]] = defaultdict(set)
        self.types: dict[int, str] = {}
        for e in session.scalars(select(Entity)):
            self.names[e.id].add(e.name_key)
            self.types[e.id] = e.type
        for entity_id, key in session.execute(select(EntityAlias.entity_id, EntityAlias.alias_key)):
            self.names[entity_id].add(key)
        self.by_file: dict[str, Article] = {}
        for article, path in session.execute(select(Article, ArticlePath.path).join(ArticlePath)):
            self.by_file.setdefault(Path(path).name, article)


def _gold_keys(entity: dict[str, Any]) -> set[str]:
    return {name_key(n) for n in [entity["canonical"], *entity.get("aliases", [])] if n}


def evaluate(session: Session, gold_path: Path) -> EvalReport:
    """Score the database against `gold_path` (format: shared gold README)."""
    gold = load_gold(gold_path)
    kb = _KB(session)
    report = EvalReport()
    # gold entity (canonical key, class) -> KB entity ids matching it, across the corpus
    resolution: dict[tuple[str, str], set[int]] = defaultdict(set)
    matched_gold_of: dict[int, set[tuple[str, str]]] = defaultdict(set)
    gold_names: dict[tuple[str, str], str] = {}
    for g in gold:
        article = kb.by_file.get(g["file"])
        if article is None:
            report.articles_missing.append(g["file"])
            continue
        report.articles_scored += 1
        _score_metadata(report, g, article)
        entity_ids = set(
            session.scalars(select(Mention.entity_id).where(Mention.article_id == article.id))
        )
        gold_entities = g.get("entities", [])
        matched_kb: set[int] = set()
        for ge in gold_entities:
            cls = CLASS.get(ge["type"], ge["type"])
            keys = _gold_keys(ge)
            gid = (name_key(ge["canonical"]), cls)
            gold_names[gid] = ge["canonical"]
            hits = {e for e in entity_ids if CLASS.get(kb.types[e]) == cls and kb.names[e] & keys}
            report.entity_recall.total += 1
            if hits:
                report.entity_recall.hit += 1
            else:
                report.problems.append(f"{g['file']}: missed entity {ge['canonical']} ({cls})")
            matched_kb |= hits
            resolution[gid] |= hits
            for e in hits:
                matched_gold_of[e].add(gid)
        for e in entity_ids:
            report.entity_precision.total += 1
            if e in matched_kb:
                report.entity_precision.hit += 1
            else:
                name = next(iter(session.scalars(select(Entity.name).where(Entity.id == e))))
                report.problems.append(f"{g['file']}: extra entity {name} ({kb.types[e]})")
        _score_dates(report, g, article, session)
        _score_claims(report, g, article, session, kb, gold_entities)
    for gid, ids in resolution.items():
        report.resolution_exactly_one.total += 1
        if len(ids) == 1:
            report.resolution_exactly_one.hit += 1
        elif ids:
            report.problems.append(f"{gold_names[gid]} is split over KB entities {sorted(ids)}")
    for e, gids in matched_gold_of.items():
        if len(gids) > 1:
            report.over_merged_entities += 1
            report.problems.append(
                f"KB entity #{e} merges {', '.join(sorted(gold_names[g] for g in gids))}"
            )
    cross = gold[0].get("cross_article_same_entity", []) if gold else []
    for name in cross:
        ids = {e for gid, es in resolution.items() if gid[0] == name_key(name) for e in es}
        report.cross_article_ok.total += 1
        if len(ids) == 1:
            report.cross_article_ok.hit += 1
        else:
            report.problems.append(f"cross-article entity {name} is {len(ids)} KB entities")
    return report


def _score_metadata(report: EvalReport, g: dict[str, Any], article: Article) -> None:
    for field_name, ratio in (
        ("title", report.title_accuracy),
        ("author", report.author_accuracy),
        ("published", report.published_accuracy),
    ):
        if field_name == "published" and g.get("published_in_text") is False:
            continue
        ratio.total += 1
        ours = getattr(article, field_name)
        theirs = g.get(field_name)
        if (ours and _norm_space(ours)) == (theirs and _norm_space(theirs)):
            ratio.hit += 1
        else:
            report.problems.append(f"{g['file']}: {field_name} {ours!r} != gold {theirs!r}")
    lines = {line.strip() for line in article.text.splitlines()}
    for phrase in g.get("boilerplate", []):
        report.boilerplate_removed.total += 1
        if "\u00a0" in phrase:  # the gold marks a duplicate line by its exact spacing
            present = phrase in article.text
        else:
            present = phrase.strip() in lines or (
                len(phrase.split()) > 2 and phrase.strip() in article.text
            )
        if not present:
            report.boilerplate_removed.hit += 1
        else:
            report.problems.append(f"{g['file']}: boilerplate kept: {phrase.strip()!r}")


def _score_dates(report: EvalReport, g: dict[str, Any], article: Article, session: Session) -> None:
    """Date value recall (gold dates with a value found with it), date value precision
    (extracted dates with a value that overlap a gold date and carry its value, over all
    extracted dates with a value) and vague gold dates given a value."""
    dates = list(
        session.scalars(select(DateExpression).where(DateExpression.article_id == article.id))
    )
    text = article.text
    gold_spans: list[tuple[int, int, str | None]] = []
    for gd in g.get("dates", []):
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(gd["text"]), text)]
        gold_spans += [(s, e, gd.get("value")) for s, e in spans]
        overlapping = [d for d in dates for s, e in spans if d.start_char < e and s < d.end_char]
        if gd.get("value"):
            report.date_value_recall.total += 1
            if any(d.value == gd["value"] for d in overlapping):
                report.date_value_recall.hit += 1
            else:
                got = [d.value for d in overlapping]
                report.problems.append(
                    f"{g['file']}: date {gd['text']!r} expected {gd['value']}, got {got}"
                )
        elif any(d.value for d in overlapping):
            report.vague_dates_given_value += 1
            report.problems.append(f"{g['file']}: vague date {gd['text']!r} was given a value")
    for d in dates:
        if not d.value:
            continue
        report.date_value_precision.total += 1
        if any(d.start_char < e and s < d.end_char and v == d.value for s, e, v in gold_spans):
            report.date_value_precision.hit += 1
        elif not any(d.start_char < e and s < d.end_char for s, e, _ in gold_spans):
            report.problems.append(
                f"{g['file']}: extracted date {d.text!r} = {d.value} is no gold date"
            )


def _entity_match(
    kb: _KB,
    entity_id: int | None,
    text: str | None,
    gold_value: str,
    gold_entities: list[dict[str, Any]],
) -> bool:
    """Does an extracted party (linked entity and/or text) denote the gold party?"""
    parts = [p for p in re.split(r"\band\b|,", gold_value) if p.strip()]
    for part in parts:
        key = name_key(part)
        keys = {key}
        for ge in gold_entities:
            if key in _gold_keys(ge):
                keys |= _gold_keys(ge)
        if entity_id is not None and kb.names.get(entity_id, set()) & keys:
            return True
        if text:
            ours = name_key(text)
            if ours and (ours in keys or any(k and (k in ours or ours in k) for k in keys)):
                return True
            words = key.split()
            if words and words[-1] in ours.split():
                return True
    return False


def _score_claims(
    report: EvalReport,
    g: dict[str, Any],
    article: Article,
    session: Session,
    kb: _KB,
    gold_entities: list[dict[str, Any]],
) -> None:
    claims = list(session.scalars(select(Claim).where(Claim.article_id == article.id)))
    gold_sentences = {_norm_space(c["sentence"]) for c in g.get("claims", [])}
    used: set[int] = set()
    for gc in g.get("claims", []):
        sentence = _norm_space(gc["sentence"])
        report.claim_recall.total += 1
        candidates = [
            c
            for c in claims
            if sentence in _norm_space(c.sentence) or _norm_space(c.sentence) in sentence
        ]
        match = None
        for c in candidates:
            if not action_matches(c.action, gc["action"]):
                continue
            if gc.get("subject") is None:
                ok = c.subject_text is None
            else:
                ok = _entity_match(
                    kb, c.subject_entity_id, c.subject_text, gc["subject"], gold_entities
                )
            if ok:
                match = c
                if c.id not in used:
                    break
        if match is None:
            found = (
                "; ".join(f"{c.subject_text} | {c.action} | {c.object_text}" for c in candidates)
                or "no claim from that sentence"
            )
            report.problems.append(
                f"{g['file']}: missed claim {gc['subject']} | {gc['action']} | {gc['object']} "
                f"(found: {found})"
            )
            continue
        used.add(match.id)
        report.claim_recall.hit += 1
        report.negation_accuracy.total += 1
        report.negation_accuracy.hit += int(match.negated == bool(gc.get("negated")))
        report.hedging_accuracy.total += 1
        if match.hedged == bool(gc.get("hedged")):
            report.hedging_accuracy.hit += 1
        else:
            report.problems.append(
                f"{g['file']}: hedged={match.hedged} (gold {gc.get('hedged')}) for "
                f"{gc['subject']} | {gc['action']}"
            )
        if gc.get("source"):
            report.source_recall.total += 1
            if match.source_text and _entity_match(
                kb, match.source_entity_id, match.source_text, gc["source"], gold_entities
            ):
                report.source_recall.hit += 1
            else:
                report.problems.append(
                    f"{g['file']}: source {match.source_text!r} != gold {gc['source']!r} for "
                    f"{gc['subject']} | {gc['action']}"
                )
    in_gold = [c for c in claims if _norm_space(c.sentence) in gold_sentences]
    report.claim_precision.total += len(in_gold)
    report.claim_precision.hit += sum(1 for c in in_gold if c.id in used)
