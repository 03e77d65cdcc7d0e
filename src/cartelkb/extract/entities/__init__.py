"""Doc -> named mentions: people, organizations and places with exact offsets and roles.

The steps, in the order `extract_mentions` runs them (one module each):

- `drafts`: the pipeline's entity spans, trimmed, as drafts (`demonyms`: a "Mexican"
  that mentions Mexico; `titles`: a role before a person's name);
- `aliases`: names the NER split at a quoted nickname rejoined; nicknames, "aka" and
  acronyms in parentheses;
- `people` and `organizations`: labels and names read across the whole article;
- `mentions`: the order of the steps, and the records they become.

Vocabulary lives in `data/lexicons/entities.toml`.
"""

from cartelkb.extract.entities.mentions import extract_mentions

__all__ = ["extract_mentions"]
