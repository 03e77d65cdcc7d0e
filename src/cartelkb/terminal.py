"""Text from articles made safe to print: control characters and bidi overrides as escapes.

Article text is untrusted input. Printed raw, an ESC sequence in a scraped page could
recolour, retitle or clear the reader's terminal (OSC 0/52 even set the clipboard), and
a right-to-left override (U+202E) could make a sentence read differently from what is
stored ("Trojan Source", Boucher & Anderson 2021). Everything cartelkb prints for people
goes through `printable`; JSON output through `json_safe`, which keeps the data
identical (a JSON escape is the same character) but never emits the raw character.
"""

from __future__ import annotations

import re

# Bidirectional embeddings, overrides and isolates, and the invisible direction marks.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
_UNSAFE_EXCEPT_SPACE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
# What json.dumps(ensure_ascii=False) leaves raw: DEL, C1 controls and bidi controls.
_JSON_RAW = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}]")


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_whitespace: bool = False) -> str:
    """`text` with every control character and bidi control shown as an escape (`\\x1b`).

    Args:
        keep_whitespace: leave tabs and newlines (for text that is wrapped afterwards,
            where they become spaces).
    """
    pattern = _UNSAFE_EXCEPT_SPACE if keep_whitespace else _UNSAFE
    return pattern.sub(_escape, text)


def is_printable(text: str) -> bool:
    """Whether `printable(text)` would leave `text` as it is."""
    return _UNSAFE.search(text) is None


def json_safe(dumped: str) -> str:
    """A JSON document (as json.dumps wrote it) with DEL, C1 and bidi controls escaped."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
