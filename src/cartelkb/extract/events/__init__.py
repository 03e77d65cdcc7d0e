"""Doc + claims -> typed events and relations an analyst can cite.

`extract_events` (in `extractor`) reads events of the types of `lexicons/events.toml`
(designation, extradition, arrest, charge, plea, conviction, sentence, sanction, reward,
seizure, deployment, tariff, killing, attack) off the claims and the event words of an
article, with normalized quantities (`quantities`, `numbers`). `extract_relations` (in
`relations`) reads leader_of, member_of, relative_of, position and associate_of off
copulas, appositions, possessives and titles. Both are pure: a parsed article and its
records in, records out; `context` holds the look-ups they share, `triggers` what
names an event, `vocab` the lexicon entries.
"""

from __future__ import annotations

from cartelkb.extract.events.extractor import extract_events
from cartelkb.extract.events.relations import extract_relations

__all__ = ["extract_events", "extract_relations"]
