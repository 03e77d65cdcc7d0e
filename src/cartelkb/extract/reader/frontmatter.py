"""YAML front matter at the top of a text or Markdown file, as Jekyll, Hugo and Pandoc write it.

The block is a first line `---`, YAML `key: value` lines, and a closing `---` (or `...`)
line. A first line `---` with no closing line is not front matter (a rule line of a
plain-text file). The keys read are those of `stated.KEYS`; the block is removed from
the text, so every offset refers to the text after it.
"""

from __future__ import annotations

from cartelkb.extract.reader.stated import FieldError

_OPEN = "---"
_CLOSE = ("---", "...")


def split_front_matter(text: str) -> tuple[dict[str, object] | None, str]:
    """Split a leading front matter block off `text` (newlines already normalized).

    Returns:
        (the block's mapping, the text after its closing line), or (None, text) when the
        text has no block. An empty block gives an empty mapping.

    Raises:
        FieldError: the block is not YAML, or not a mapping of keys to values.
    """
    if not text.startswith(_OPEN):
        return None, text
    lines = text.split("\n")
    if lines[0].rstrip() != _OPEN:
        return None, text
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSE), None)
    if close is None:
        return None, text
    import yaml

    block = "\n".join(lines[1:close])
    try:
        fields = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FieldError(
            f"its front matter (the block between the first two '---' lines) is not valid "
            f"YAML: {problem}{where}; fix the block or remove it"
        ) from None
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        raise FieldError(
            "its front matter (the block between the first two '---' lines) is not a YAML "
            f"mapping of 'key: value' lines but {type(fields).__name__} {fields!r:.60}; fix "
            "the block or remove it"
        )
    return fields, "\n".join(lines[close + 1 :])
