"""A hand-annotated corpus (seeds, data/dev) ingested into a fresh knowledge base and scored
with `cartelkb.evaluate.evaluate`."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from cartelkb.evaluate import EvalReport

# Metadata from outside the text (publication dates of releases that print none), read
# as `ingest --manifest` reads it.
MANIFESTS = ("manifest.jsonl", "manifest.csv")


def _manifest(corpus: Path) -> tuple[dict[str, Any], str | None]:
    """ingest() keyword arguments for the corpus's manifest, and a note about it."""
    path = next((corpus / n for n in MANIFESTS if (corpus / n).is_file()), None)
    if path is None:
        return {}, None
    from cartelkb.manifest import read_manifest

    return {"manifest": read_manifest(path)}, f"ingested with {path.name}"


def evaluate_corpus(
    corpus: Path, gold: Path, *, model: str, workdir: Path | None = None
) -> tuple[EvalReport, int, str | None]:
    """Ingest `corpus` (its *.txt files) into a temporary SQLite file and score it.

    Returns:
        The evaluation report, the number of files that failed to ingest, and a note on
        the corpus's manifest (None when it has none).
    """
    from sqlalchemy.engine import URL

    from cartelkb.evaluate import evaluate
    from cartelkb.ingest import ingest
    from cartelkb.store.db import open_database, session_scope

    options, note = _manifest(corpus)
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        url = URL.create("sqlite", database=str(Path(tmp) / "kb.db")).render_as_string()
        # The articles only: a corpus folder also holds its gold, sources and manifest.
        ingested = ingest([corpus], db_url=url, model=model, pattern="*.txt", **options)
        engine = open_database(url)
        try:
            with session_scope(engine) as session:
                report = evaluate(session, gold)
        finally:
            engine.dispose()
    return report, len(ingested.failed), note
