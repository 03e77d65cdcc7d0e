"""Doc -> claims: who did or said what to whom, according to whom, from the parse.

`extract_claims` (in `extractor`) is the entry point. One article is read by one
collaborator per concern, all over the same `context.Article` (tokens, sentences,
mentions, date spans; built once, never changed):

- `clauses`: the predicate of a verb or a copula, and appositive relations (`Pred`);
- `nominals`: event nouns verbalized ("her rejection of ..." -> reject);
- `roles`: a verb's subject, patient and voice, inherited across clauses;
- `arguments`: noun-phrase bounds (`Arg`), built once per head token, and linked by
- `reference`: pronouns, descriptions and group nouns -> the mention they name;
- `attribution` and `quotes`: a claim's source, and the speakers of quotations;
- `modality`: negation and hedging; `dating`: the date inside a clause;
- `syntax`: look-ups on the dependency parse; `mentions`: NER fallback mentions.

The vocabulary (reporting verbs, event nouns, pronouns, hedges, ...) is data, in
`cartelkb/data/lexicons/{claims,attribution,modality,reference}.toml`, named in `vocab`.
"""

from __future__ import annotations

from cartelkb.extract.claims.extractor import extract_claims

__all__ = ["extract_claims"]
