"""The claim extractor's lexicons: every entry is read by vocab.py."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims import vocab
from cartelkb.lexicon import lexicon

FILES = ("claims", "attribution", "modality", "reference")


def _read_values() -> list[object]:
    return [getattr(vocab, name) for name in dir(vocab) if name.isupper()]


@pytest.mark.parametrize("name", FILES)
def test_every_entry_is_read(name: str) -> None:
    """An entry no constant holds is a word list the extractor silently ignores."""
    lex = lexicon(name)
    values = _read_values()
    unread = []
    keys = lex.keys()
    for key in keys:
        kind = lex.kind(key)
        if kind == "words":
            value: object = lex.words(key)
        elif kind == "phrases":
            value = frozenset(lex.phrases(key))
        else:
            value = lex.mapping(key)
        if not any(
            v is value
            or (kind != "words" and v == value)
            # a map read into another shape keeps its keys ("attack" -> {"on", "against"})
            or (kind == "map" and isinstance(v, dict) and v.keys() == value.keys())  # type: ignore[attr-defined]
            for v in values
        ):
            unread.append(key)
    assert not unread, f"{name}.toml entries not read by vocab.py: {unread}"
