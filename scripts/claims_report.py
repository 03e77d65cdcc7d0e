"""Dev report: print the claims extracted from articles and measure them against the gold.

Usage:
    python scripts/claims_report.py                     # all seeds, scores and misses
    python scripts/claims_report.py --show data/seeds/002_fc6b4eb24bae91d3.txt
    python scripts/claims_report.py --verbose           # also every extracted claim

Matching follows /work/shared/gold/README.md: a gold claim is found when a claim
extracted from the same sentence has a matching action word and a matching subject;
negation, hedging and source are then compared.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = Path("/work/shared/gold/seeds.json")
DEFAULT_SEEDS = ROOT / "data" / "seeds"


def _key(text: str | None) -> str:
    from cartelkb.knowledge import name_key

    return name_key(text or "")


def _norm_ws(text: str) -> str:
    return " ".join(text.split())


def _mentions(doc):  # type: ignore[no-untyped-def]
    try:
        from cartelkb.extract.entities import extract_mentions
    except ImportError:
        return []  # extract_claims falls back to doc.ents
    return list(extract_mentions(doc))


def _dates(doc):  # type: ignore[no-untyped-def]
    try:
        from cartelkb.extract.dates import extract_dates  # type: ignore[attr-defined]
    except ImportError:
        return []
    try:
        return list(extract_dates(doc, None))
    except TypeError:
        return []


def _lemmas(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.lemma_.lower() for t in nlp(text) if t.is_alpha]


_PREPS = {"of", "from", "in", "like", "with", "for", "on", "at", "against", "including"}


def _head_noun(phrase: str) -> str:
    """Head of a phrase: the last word before its first preposition, else the last word."""
    words = _key(phrase).split()
    for n, word in enumerate(words):
        if word in _PREPS and n:
            words = words[:n]
            break
    return words[-1] if words else ""


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _names(arg: dict | None, mentions_by_start: dict) -> list[str]:
    if not arg:
        return []
    names = [arg["text"]]
    ref = mentions_by_start.get((arg.get("ref_start"), arg.get("ref_end")))
    if ref is not None:
        names += [ref["name"], ref["canonical"] or ""]
    return [n for n in names if n]


def arg_matches(gold: str | None, arg: dict | None, mentions_by_start: dict) -> bool:
    """Gold subject/source vs an extracted argument, as the gold README describes."""
    if gold is None:
        return arg is None
    if arg is None:
        return False
    names = _names(arg, mentions_by_start)
    gold_parts = [gold] + [p for p in re.split(r"\s+and\s+", gold) if p != gold]
    for g in gold_parts:
        gk = _key(g)
        # "Government of Mexico" may be linked to the GPE Mexico (lenient, gold notes)
        gov = re.match(r"government of (.+)", gk)
        for name in names:
            nk = _key(name)
            if not nk:
                continue
            if nk == gk or (gov and nk == gov.group(1)):
                return True
            # last-name match for persons: "Sheinbaum" vs "Claudia Sheinbaum"
            if len(gk.split()) > 1 and nk == gk.split()[-1]:
                return True
            if len(nk.split()) > 1 and gk == nk.split()[-1]:
                return True
        # phrases: head nouns match
        if _singular(_head_noun(g)) == _singular(_head_noun(arg["text"])) and _head_noun(g):
            return True
    return False


def action_matches(nlp, gold: str, claim: dict) -> bool:  # type: ignore[no-untyped-def]
    gold_words = set(_lemmas(nlp, gold))
    gold_first = _lemmas(nlp, gold)[:1]
    extracted = claim["action"].split()
    if not extracted:
        return False
    return extracted[0] in gold_words or (bool(gold_first) and gold_first[0] in extracted)


def same_sentence(gold: str, extracted: str) -> bool:
    g, e = _norm_ws(gold), _norm_ws(extracted)
    return bool(g and e) and (g == e or g in e or e in g)


def score(
    files: Iterable[dict], seeds: Path, verbose: bool, use_mentions: bool = True
) -> dict[str, float]:
    from cartelkb.extract.claims import extract_claims
    from cartelkb.extract.claims.mentions import mentions_from_ents
    from cartelkb.extract.nlp import load_pipeline

    nlp = load_pipeline()
    total = found = 0
    neg_ok = hedge_ok = 0
    src_gold = src_ok = 0
    in_gold_sents = matched_extracted = 0
    misses: list[str] = []
    for article in files:
        path = seeds / article["file"]
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        mentions = _mentions(doc) if use_mentions else []
        claims = [c.model_dump() for c in extract_claims(doc, mentions, _dates(doc))]
        # with no mentions, extract_claims links to its doc.ents fallback: score with those
        linked = mentions or mentions_from_ents(doc)
        by_start = {(m.start, m.end): m.model_dump() for m in linked}
        gold_sents = [g["sentence"] for g in article["claims"]]
        used: set[int] = set()
        for gold in article["claims"]:
            total += 1
            candidates = [
                (n, c)
                for n, c in enumerate(claims)
                if same_sentence(gold["sentence"], c["sentence"])
                and action_matches(nlp, gold["action"], c)
                and arg_matches(gold["subject"], c["subject"], by_start)
            ]
            if not candidates:
                same = [c for c in claims if same_sentence(gold["sentence"], c["sentence"])]
                misses.append(
                    f"  MISS {article['file'][:3]} {gold['subject']!r} {gold['action']!r}"
                    f" | {gold['sentence'][:90]}\n"
                    + "".join(f"       got: {_fmt(c)}\n" for c in same)
                )
                continue
            found += 1
            # prefer a candidate whose source also matches
            n, claim = next(
                (
                    (n, c)
                    for n, c in candidates
                    if arg_matches(gold["source"], c["source"], by_start)
                ),
                candidates[0],
            )
            used.add(n)
            neg_ok += claim["negated"] == gold["negated"]
            hedge_ok += claim["hedged"] == gold["hedged"]
            if claim["negated"] != gold["negated"] or claim["hedged"] != gold["hedged"]:
                misses.append(
                    f"  FLAG {gold['action']!r} gold neg={gold['negated']} "
                    f"hedge={gold['hedged']} got {_fmt(claim)}\n"
                )
            if gold["source"] is not None:
                src_gold += 1
                if arg_matches(gold["source"], claim["source"], by_start):
                    src_ok += 1
                else:
                    misses.append(
                        f"  SRC  {gold['action']!r} gold source={gold['source']!r}"
                        f" got {_fmt(claim)}\n"
                    )
        for n, claim in enumerate(claims):
            if any(same_sentence(s, claim["sentence"]) for s in gold_sents):
                in_gold_sents += 1
                matched_extracted += n in used
        if verbose:
            print(f"== {article['file']}: {len(claims)} claims")
            for claim in claims:
                print("  ", _fmt(claim))
    print("".join(misses))
    results = {
        "gold_claims": total,
        "found": found,
        "recall": found / total if total else 0.0,
        "negation_accuracy": neg_ok / found if found else 0.0,
        "hedging_accuracy": hedge_ok / found if found else 0.0,
        "source_recall": src_ok / src_gold if src_gold else 0.0,
        "extracted_in_gold_sentences": in_gold_sents,
        "precision_vs_gold_sentences": matched_extracted / in_gold_sents if in_gold_sents else 0.0,
    }
    return results


def _fmt(c: dict) -> str:
    def t(a: dict | None) -> str:
        if not a:
            return "-"
        ref = f"@{a['ref_start']}" if a.get("ref_start") is not None else ""
        return f"[{a['text']}{ref}]"

    flags = ""
    if c["negated"]:
        flags += f" NEG({c['negation_cue']})"
    if c["hedged"]:
        flags += f" HEDGE({c['hedge_cue']})"
    src = f" <- {t(c['source'])}" if c["source"] else ""
    chain = "".join(f" <- {t(s)}" for s in c["source_chain"])
    date = f" date={c['date']}" if c["date"] else ""
    return f"{t(c['subject'])} {c['action']} {t(c['object'])}{src}{chain}{flags}{date}"


def show(path: Path) -> None:
    from cartelkb.extract.claims import extract_claims
    from cartelkb.extract.nlp import load_pipeline

    nlp = load_pipeline()
    doc = nlp(path.read_text(encoding="utf-8"))
    for claim in extract_claims(doc, _mentions(doc), _dates(doc)):
        print(_fmt(claim.model_dump()))
        print("     |", claim.sentence[:120])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--show", type=Path, help="print the claims of one file and stop")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--no-mentions", action="store_true", help="link with extract_claims' doc.ents fallback"
    )
    args = parser.parse_args(argv)
    if args.show:
        show(args.show)
        return 0
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    results = score(gold, args.seeds, args.verbose, use_mentions=not args.no_mentions)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
