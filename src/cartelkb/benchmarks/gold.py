"""A hand-annotated corpus (seeds, data/dev) ingested into a fresh knowledge base and scored
with `cartelkb.evaluate.evaluate`."""

from __future__ import annotations

import tempfile
from pathlib import Path

from cartelkb.evaluate import EvalReport


def evaluate_corpus(
    corpus: Path, gold: Path, *, model: str, workdir: Path | None = None
) -> tuple[EvalReport, int]:
    """Ingest `corpus` (its *.txt files) into a temporary SQLite file and score it.

    Returns:
        The evaluation report and the number of files that failed to ingest.
    """
    from sqlalchemy.engine import URL

    from cartelkb.evaluate import evaluate
    from cartelkb.ingest import ingest
    from cartelkb.store.db import open_database, session_scope

    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        url = URL.create("sqlite", database=str(Path(tmp) / "kb.db")).render_as_string()
        ingested = ingest([corpus], db_url=url, model=model)
        engine = open_database(url)
        try:
            with session_scope(engine) as session:
                report = evaluate(session, gold)
        finally:
            engine.dispose()
    return report, len(ingested.failed)
