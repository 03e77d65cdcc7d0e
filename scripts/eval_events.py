"""Score the event extractor against data/dev/events_gold.json (hand annotation).

    python scripts/eval_events.py [--gold data/dev/events_gold.json] [--errors]

Prints precision / recall / F1 of event type + patient, of type alone, of quantities,
and agent accuracy on matched events, and the time the event and relation extractors
take on the whole dev corpus (spaCy and the other extractors excluded).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "data" / "dev" / "events_gold.json")
    parser.add_argument("--errors", action="store_true", help="list misses and spurious events")
    args = parser.parse_args()

    from cartelkb.extract import published_date
    from cartelkb.extract.claims import extract_claims
    from cartelkb.extract.dates import extract_dates
    from cartelkb.extract.entities import extract_mentions
    from cartelkb.extract.events import extract_events, extract_relations
    from cartelkb.extract.events.evaluation import score_article, total
    from cartelkb.extract.nlp import load_pipeline
    from cartelkb.extract.reader import read_article

    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    wanted = {a["file"]: a for a in gold["articles"]}
    nlp = load_pipeline()
    folder = args.gold.parent
    scores = []
    spent = 0.0
    counts = {"events": 0, "relations": 0, "articles": 0}
    for path in sorted(folder.glob("*.txt")):
        raw = read_article(path)
        doc = nlp(raw.text)
        mentions = list(extract_mentions(doc))
        dates = list(extract_dates(doc, published_date(raw)))
        claims = list(extract_claims(doc, mentions, dates))
        began = time.perf_counter()
        events = list(extract_events(doc, mentions, claims, dates))
        relations = list(extract_relations(doc, mentions, claims))
        spent += time.perf_counter() - began
        counts["events"] += len(events)
        counts["relations"] += len(relations)
        counts["articles"] += 1
        if path.name in wanted:
            scores.append(score_article(path.name, raw.text, wanted[path.name]["events"], events))
    all_ = total(scores)
    print(
        f"Events against {args.gold.name} ({len(scores)} articles, {all_.events.gold} gold events)"
    )
    print(f"{'measure':<24}{'P':>7}{'R':>7}{'F1':>7}  detail")
    for name, s in (
        ("type + patient", all_.events),
        ("type (in the sentence)", all_.types),
        ("quantities", all_.quantities),
        ("agent (matched events)", all_.agents),
    ):
        print(
            f"{name:<24}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}  "
            f"{s.correct} correct, {s.found} found, {s.gold} gold"
        )
    print(
        f"extraction: {counts['events']} events and {counts['relations']} relations in "
        f"{counts['articles']} articles, {spent * 1000:.0f} ms for events + relations "
        f"({spent * 1000 / max(counts['articles'], 1):.1f} ms an article)"
    )
    if args.errors:
        for s in scores:
            for e in s.errors:
                print(f"  - {s.file}: {e}")


if __name__ == "__main__":
    main()
