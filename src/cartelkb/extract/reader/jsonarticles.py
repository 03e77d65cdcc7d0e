"""JSON articles: a news-please object (one .json file) or one line of a JSON Lines corpus.

An article object holds its text in the first of these fields that is not empty:

    maintext (news-please), text, content, body

and its metadata in the fields of `stated.KEYS` (title, date_publish/published/date,
authors/author, url, outlet/source/publisher/source_domain). `description` (a teaser
that often repeats the first paragraph) and the other fields news-please writes are not
read. The text handed on is the title, a blank line, then the text (unless the text
already starts with the title), so the headline is part of the article as in a .txt
copy. A `language` other than English is warned about: the pipeline is English.
"""

from __future__ import annotations

from collections.abc import Mapping

from cartelkb.extract.reader.decoding import normalize_newlines
from cartelkb.extract.reader.lines import line_key
from cartelkb.extract.reader.stated import FieldError, stated_metadata
from cartelkb.manifest import Metadata

TEXT_FIELDS = ("maintext", "text", "content", "body")


def json_article(obj: object) -> tuple[str, Metadata, list[str]]:
    """The text, stated metadata and warnings of one JSON article object.

    Raises:
        FieldError: not an object, no text field, or a field of the wrong type.
    """
    if not isinstance(obj, Mapping):
        raise FieldError(
            f"holds a JSON {_json_type(obj)}, not an article object "
            f'({{"title": ..., "{TEXT_FIELDS[0]}": ...}})'
        )
    fields = {str(k).lower(): v for k, v in obj.items()}
    body: str | None = None
    for name in TEXT_FIELDS:
        value = fields.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise FieldError(f"its {name} must be text, got a JSON {_json_type(value)}")
        body = value
        break
    if body is None or not body.strip():
        raise FieldError(
            "is JSON but not an article: it has none of the text fields "
            + ", ".join(TEXT_FIELDS)
            + (
                " (it looks like a manifest row; pass manifests with --manifest)"
                if "path" in fields
                else ""
            )
        )
    meta = stated_metadata(fields)
    text = normalize_newlines(body).strip("\n")
    first_line = next((line for line in text.split("\n") if line.strip()), "")
    if meta.title and line_key(first_line).casefold() != line_key(meta.title).casefold():
        text = f"{meta.title}\n\n{text}"
    warnings = []
    language = fields.get("language")
    if isinstance(language, str) and language.strip() and not language.lower().startswith("en"):
        warnings.append(
            f"its language is {language!r}; the pipeline is English, so names, dates and "
            "claims may be missed"
        )
    return text, meta, warnings


def _json_type(value: object) -> str:
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    return "number"
