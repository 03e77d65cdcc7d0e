"""Pre-tokenized benchmark sentences back to plain text, keeping every token's offsets.

Benchmarks ship sentences as tokens (CaRB: PTB-style, "-LRB-", "``", "n't"; ECB+: news
tokens with plain quotes). cartelkb reads plain text, so the tokens are joined the way
the text was written: brackets and quotes unescaped, no space before closing punctuation
and clitics, none after opening brackets, quotes and currency signs. `Detokenized.spans`
maps each token to its characters, so an extraction's character span can be turned back
into the benchmark's tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# PTB bracket escapes (CaRB undoes these when it keys sentences), then quote escapes.
BRACKET_ESCAPES = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}
UNESCAPE = {
    **BRACKET_ESCAPES,
    "``": '"',
    "''": '"',
    "`": "'",
}
# Tokens written against the previous token: closing punctuation and English clitics.
NO_SPACE_BEFORE = frozenset(
    {".", ",", ";", ":", "?", "!", "%", ")", "]", "}", "-RRB-", "-RSB-", "-RCB-", "...", "''", "'"}
    | {"'s", "'S", "'re", "'ve", "'ll", "'d", "'m", "n't", "N'T", "'RE", "'VE", "'LL", "'D"}
)
# Tokens written against the next one: opening brackets and quotes, currency signs.
NO_SPACE_AFTER = frozenset(
    {"(", "[", "{", "-LRB-", "-LSB-", "-LCB-", "``", "`", "$", "#", "US$", "C$", "A$", "£", "€"}
)


@dataclass(frozen=True)
class Detokenized:
    """Plain text and, per input token, its (start, end) character span in it."""

    text: str
    spans: tuple[tuple[int, int], ...]

    def tokens_in(self, start: int, end: int) -> list[int]:
        """Indexes of the tokens overlapping characters [start, end)."""
        return [i for i, (s, e) in enumerate(self.spans) if s < end and start < e]


def detokenize(tokens: Sequence[str]) -> Detokenized:
    """Join tokens as running text.

    Args:
        tokens: the benchmark's tokens (PTB escapes allowed).

    Returns:
        The text and each token's character span (`text[s:e]` is the token, unescaped:
        "-LRB-" spans the one character "(").
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    glue_next = True  # no space before the first token
    open_quote = False  # a plain '"' token opens, the next one closes
    for raw in tokens:
        token = raw.replace("\\/", "/").replace("\\*", "*")
        surface = UNESCAPE.get(token, token)
        attach_left = token in NO_SPACE_BEFORE
        attach_right = token in NO_SPACE_AFTER
        if token == '"':
            attach_left, attach_right = open_quote, not open_quote
            open_quote = not open_quote
        if not glue_next and not attach_left:
            parts.append(" ")
            length += 1
        parts.append(surface)
        spans.append((length, length + len(surface)))
        length += len(surface)
        glue_next = attach_right
    return Detokenized("".join(parts), tuple(spans))
