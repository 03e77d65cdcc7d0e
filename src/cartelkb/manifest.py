"""Article metadata from outside the text: a manifest file, or `--published` for one file.

A crawl or an archive usually knows what the text does not say: the publication date of
a release that prints none, its outlet and URL. `ingest --manifest FILE` reads them from
CSV (a header row) or JSON Lines (one object per line) with the columns

    path, title, published, author, url, outlet

(`path` required; the others optional, empty meaning unknown). A path is relative to
the manifest's folder, or absolute; a bare file name also matches when only one input
has it. `published` is ISO: YYYY-MM-DD, YYYY-MM or YYYY. What a manifest states wins
over what the reader guessed from the text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from cartelkb.errors import InputError
from cartelkb.records import MetadataSource, Precision, RawArticle

_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
FIELDS = ("path", "title", "published", "author", "url", "outlet")


@dataclass(frozen=True)
class Metadata:
    """What a manifest row (or an option) says about one article; None = not stated."""

    title: str | None = None
    published: str | None = None
    published_precision: Precision | None = None
    author: str | None = None
    url: str | None = None
    outlet: str | None = None

    def apply(self, raw: RawArticle, source: MetadataSource = "manifest") -> RawArticle:
        """`raw` with every stated field replaced (the text and its identity unchanged)."""
        changes: dict[str, object] = {}
        for name in ("title", "author", "url", "outlet"):
            value = getattr(self, name)
            if value is not None:
                changes[name] = value
        if self.published is not None:
            changes["published"] = self.published
            changes["published_precision"] = self.published_precision
        if changes:
            changes["metadata_source"] = source
        return raw.model_copy(update=changes)


def parse_published(value: str, where: str) -> tuple[str, Precision]:
    """An ISO publication date at its precision ("2024-08-29" -> day)."""
    from cartelkb.timespan import interval

    text = value.strip()
    precisions: dict[int, Precision] = {10: "day", 7: "month", 4: "year"}
    precision = precisions.get(len(text))
    if precision is None or not _ISO.fullmatch(text) or interval(text) is None:
        raise InputError(f"{where} {value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    return text, precision


def _metadata(row: dict[str, object], where: str) -> tuple[str, Metadata]:
    unknown = set(row) - set(FIELDS)
    if unknown:
        raise InputError(
            f"{where}: unknown column(s) {', '.join(sorted(unknown))}; the columns are "
            + ", ".join(FIELDS)
        )
    values: dict[str, str | None] = {}
    for name in FIELDS:
        value = row.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: {name} must be text, got {value!r}")
        values[name] = value.strip() if value and value.strip() else None
    path = values.pop("path")
    if not path:
        raise InputError(f"{where}: the path is missing")
    published: str | None = None
    precision: Precision | None = None
    if values["published"]:
        published, precision = parse_published(values["published"], f"{where}: published")
    return path, Metadata(
        title=values["title"],
        published=published,
        published_precision=precision,
        author=values["author"],
        url=values["url"],
        outlet=values["outlet"],
    )


class Manifest:
    """Metadata by input path, read from a CSV or JSON Lines file."""

    def __init__(self, rows: dict[Path, Metadata], origin: str) -> None:
        self.origin = origin
        self._by_path = rows
        names: dict[str, list[Path]] = {}
        for path in rows:
            names.setdefault(path.name, []).append(path)
        self._by_name = {name: paths[0] for name, paths in names.items() if len(paths) == 1}
        self.used: set[Path] = set()

    def __len__(self) -> int:
        return len(self._by_path)

    def lookup(self, path: Path | str) -> Metadata | None:
        """The row for an input file: by its resolved path, else by its file name."""
        resolved = Path(path).resolve()
        key = resolved if resolved in self._by_path else self._by_name.get(resolved.name)
        if key is None:
            return None
        self.used.add(key)
        return self._by_path[key]

    def unused(self) -> list[Path]:
        """Rows that named no input file (a typo, or a file not given this time)."""
        return sorted(set(self._by_path) - self.used)


def read_manifest(path: Path | str) -> Manifest:
    """Read a manifest (CSV with a header row, or JSON Lines: by content, not by name).

    Raises:
        InputError: the file cannot be read, or a row is malformed (its line is named).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read manifest {path}: {exc}") from None
    base = path.resolve().parent
    rows: dict[Path, Metadata] = {}
    for where, row in _rows(text, path):
        name, meta = _metadata(row, where)
        key = (base / name).resolve()
        if key in rows:
            raise InputError(f"{where}: {name} is listed twice")
        rows[key] = meta
    return Manifest(rows, str(path))


def _rows(text: str, path: Path) -> list[tuple[str, dict[str, object]]]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    if first.lstrip().startswith("{"):
        found = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path} line {number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: not a JSON object ({exc.msg})") from None
            if not isinstance(row, dict):
                raise InputError(f"{where}: not a JSON object")
            found.append((where, row))
        return found
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "path" not in reader.fieldnames:
        raise InputError(
            f"{path}: a manifest is CSV with a header row naming a 'path' column (and any of "
            f"{', '.join(FIELDS[1:])}), or JSON Lines"
        )
    out = []
    for row in reader:
        where = f"{path} line {reader.line_num}"
        if None in row:
            raise InputError(f"{where}: more cells than the header has columns")
        out.append((where, dict(row)))
    return out
