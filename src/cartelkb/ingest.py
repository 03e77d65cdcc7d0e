"""Orchestration: walk -> read -> hash check -> nlp.pipe -> extract -> resolve -> store."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from cartelkb.config import display_db
from cartelkb.errors import CartelKBError, InputError
from cartelkb.records import ArticleExtraction, RawArticle

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from sqlalchemy.engine import Engine

# Bump when extraction rules change in a way that should re-extract on `--force`.
EXTRACTOR_VERSION = "1"


@dataclass
class FileOutcome:
    """What happened to one input file."""

    path: str
    status: str  # added | updated | unchanged | failed
    reason: str | None = None
    article_id: int | None = None


@dataclass
class IngestReport:
    """Summary of one ingest run."""

    db: str
    outcomes: list[FileOutcome] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    interrupted: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


class StrictModeError(CartelKBError):
    """--strict stopped the run at the first failure."""


class _Timer:
    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings

    def add(self, stage: str, start: float) -> float:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - start
        return now


def _published_date(raw: RawArticle) -> date | None:
    if raw.published and raw.published_precision == "day":
        try:
            return date.fromisoformat(raw.published)
        except ValueError:
            return None
    return None


def extract_article(raw: RawArticle, doc: Doc, model: str) -> ArticleExtraction:
    """Run the pure extractors over one parsed article."""
    from cartelkb.extract.claims import extract_claims
    from cartelkb.extract.dates import extract_dates
    from cartelkb.extract.entities import extract_mentions

    mentions = list(extract_mentions(doc))
    dates = list(extract_dates(doc, _published_date(raw)))
    claims = list(extract_claims(doc, mentions, dates))
    return ArticleExtraction(
        article=raw, mentions=mentions, dates=dates, claims=claims, model=model
    )


class Ingestor:
    """One ingest run over a set of paths into one database."""

    def __init__(
        self,
        engine: Engine,
        nlp: Language,
        *,
        force: bool = False,
        strict: bool = False,
        batch_size: int = 32,
        workers: int = 1,
        on_file: Callable[[FileOutcome], None] | None = None,
        on_total: Callable[[int], None] | None = None,
    ) -> None:
        self.engine = engine
        self.nlp = nlp
        self.model = str(nlp.meta.get("cartelkb_model", nlp.meta.get("name", "?")))
        self.force = force
        self.strict = strict
        self.batch_size = batch_size
        self.workers = workers
        self.on_file = on_file
        self.on_total = on_total
        self.report = IngestReport(db=display_db(str(engine.url)))
        self.timer = _Timer(self.report.timings)

    def _record(self, outcome: FileOutcome) -> None:
        self.report.outcomes.append(outcome)
        if self.on_file:
            self.on_file(outcome)
        if outcome.status == "failed" and self.strict:
            raise StrictModeError(f"{outcome.path}: {outcome.reason} (stopped by --strict)")

    def _pending(self, files: Iterator[Path | object]) -> Iterator[tuple[str, RawArticle]]:
        """Read files, settle unchanged ones by hash, yield the ones that need NLP."""
        from cartelkb.extract.reader import InputProblem, read_article
        from cartelkb.store import repository as repo
        from cartelkb.store.db import session_scope

        for item in files:
            t0 = time.perf_counter()
            if isinstance(item, InputProblem):
                self._record(FileOutcome(item.path, "failed", item.reason))
                continue
            assert isinstance(item, Path)
            path = str(item)
            try:
                raw = read_article(item)
            except InputError as exc:
                self._record(FileOutcome(path, "failed", str(exc)))
                continue
            except OSError as exc:
                self._record(FileOutcome(path, "failed", f"cannot read: {exc.strerror or exc}"))
                continue
            t0 = self.timer.add("read", t0)
            with session_scope(self.engine) as session:
                existing = repo.article_by_sha(session, raw.sha256)
                if existing is not None and not self.force:
                    repo.lock_for_write(session)
                    repo.add_path(session, existing, path)
                    self.timer.add("write", t0)
                    self._record(FileOutcome(path, "unchanged", article_id=existing.id))
                    continue
            yield path, raw

    def run(self, paths: Sequence[str | Path], pattern: str = "*.txt") -> IngestReport:
        from cartelkb.extract.reader import discover

        # Discovery yields paths only (cheap), so the total is known for the progress bar.
        files = list(discover([Path(p) for p in paths], pattern))
        if self.on_total:
            self.on_total(len(files))
        stream = self._pending(iter(files))
        texts = ((raw.text, (path, raw)) for path, raw in stream)
        t0 = time.perf_counter()
        try:
            kwargs: dict[str, object] = {"batch_size": self.batch_size, "as_tuples": True}
            if self.workers > 1:
                kwargs["n_process"] = self.workers
            for doc, (path, raw) in self.nlp.pipe(texts, **kwargs):  # type: ignore[call-overload]
                t0 = self.timer.add("spacy", t0)
                self._store(path, raw, doc)
                t0 = time.perf_counter()
        except KeyboardInterrupt:
            self.report.interrupted = True
        self._totals()
        return self.report

    def _store(self, path: str, raw: RawArticle, doc: Doc) -> None:
        from cartelkb.curation import apply_curations
        from cartelkb.resolve import cluster_mentions
        from cartelkb.store import repository as repo
        from cartelkb.store.db import session_scope

        t0 = time.perf_counter()
        try:
            extraction = extract_article(raw, doc, self.model)
            clusters, assignment = cluster_mentions(extraction.mentions)
        except Exception as exc:  # an extractor bug must not lose the rest of the run
            self._record(FileOutcome(path, "failed", f"extraction failed: {exc!r}"))
            return
        t0 = self.timer.add("extract", t0)
        with session_scope(self.engine) as session:
            repo.lock_for_write(session)
            existing = repo.article_by_sha(session, raw.sha256)
            status = "added"
            if existing is not None:
                if not self.force:
                    # Another process stored the same text while we parsed it.
                    repo.add_path(session, existing, path)
                    self._record(FileOutcome(path, "unchanged", article_id=existing.id))
                    return
                repo.delete_article(session, existing.id)
                status = "updated"
            previous = repo.article_by_path(session, path)
            if previous is not None:
                status = "updated"
            article = repo.store_extraction(
                session, extraction, clusters, assignment, extractor_version=EXTRACTOR_VERSION
            )
            apply_curations(session)
            article_id = article.id
        self.timer.add("resolve+write", t0)
        self._record(FileOutcome(path, status, article_id=article_id))

    def _totals(self) -> None:
        from cartelkb.store.db import session_scope
        from cartelkb.store.models import Article, Claim, DateExpression, Entity, Mention

        with session_scope(self.engine) as session:
            for name, model in (
                ("articles", Article),
                ("entities", Entity),
                ("mentions", Mention),
                ("dates", DateExpression),
                ("claims", Claim),
            ):
                self.report.totals[name] = (
                    session.scalar(select(func.count()).select_from(model)) or 0
                )


def ingest(
    paths: Sequence[str | Path],
    *,
    db_url: str,
    model: str,
    pattern: str = "*.txt",
    force: bool = False,
    strict: bool = False,
    batch_size: int = 32,
    workers: int = 1,
    on_file: Callable[[FileOutcome], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest article files and directories into the knowledge base.

    Args:
        paths: files and directories (walked recursively for `pattern`).
        db_url: SQLAlchemy URL; the schema is created or upgraded first.
        model: spaCy pipeline name.
        force: re-extract articles whose text is already stored.
        strict: stop at the first file that fails.
        batch_size: articles per `nlp.pipe` batch.
        workers: spaCy processes (one per core).
        on_file: called after each file with its outcome (progress display).
        on_total: called once with the number of input files found.

    Returns:
        The run's report; failed files are listed there, never silently dropped.
    """
    from cartelkb.extract.nlp import load_pipeline
    from cartelkb.store.db import open_database

    engine = open_database(db_url, write=True)
    nlp = load_pipeline(model)
    return Ingestor(
        engine,
        nlp,
        force=force,
        strict=strict,
        batch_size=batch_size,
        workers=workers,
        on_file=on_file,
        on_total=on_total,
    ).run(paths, pattern)
