"""Orchestration: walk -> read -> hash check -> nlp.pipe -> extract -> resolve -> store."""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from cartelkb.config import display_db
from cartelkb.errors import CartelKBError, InputError
from cartelkb.extract import extract_article
from cartelkb.records import ArticleExtraction, RawArticle

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from sqlalchemy.engine import Engine

    from cartelkb.manifest import Manifest, Metadata
    from cartelkb.resolve import Cluster


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then deliver them (main thread only;
    elsewhere signals reach the main thread anyway)."""
    import signal
    import threading

    wanted = (signal.SIGINT, signal.SIGTERM)
    previous = {s: signal.getsignal(s) for s in wanted}
    if threading.current_thread() is not threading.main_thread() or None in previous.values():
        yield
        return
    pending: list[int] = []

    def hold(signum: int, _frame: object) -> None:
        pending.append(signum)

    for s in wanted:
        signal.signal(s, hold)
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if pending:
            signal.raise_signal(pending[0])


# Bump when extraction rules change in a way that should re-extract on `--force`.
EXTRACTOR_VERSION = "8"
# spaCy's `Language.max_length` default (no packaged pipeline changes it): known without
# loading the model, which a run with nothing new to parse never does.
SPACY_MAX_LENGTH = 1_000_000


@dataclass
class FileOutcome:
    """What happened to one input file."""

    path: str
    status: str  # added | updated | unchanged | failed | other-shard
    reason: str | None = None
    article_id: int | None = None
    warnings: list[str] = field(default_factory=list)  # e.g. decoded as windows-1252


@dataclass
class IngestReport:
    """Summary of one ingest run."""

    db: str
    outcomes: list[FileOutcome] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    interrupted: bool = False
    stale: int = 0  # stored articles extracted by older rules (re-extract with --force)
    skipped: int = 0  # files in the directories walked that match no pattern
    patterns: str = ""  # the patterns they did not match, for the message
    # False when no database was written: the SQLite file did not exist and no input
    # path does (the failures were reported from a database in memory)
    db_kept: bool = True

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


class Ingestor:
    """One ingest run over a set of paths into one database."""

    def __init__(
        self,
        engine: Engine,
        nlp: Language | None = None,
        *,
        model: str | None = None,
        force: bool = False,
        strict: bool = False,
        batch_size: int = 32,
        workers: int = 1,
        shard: tuple[int, int] | None = None,
        manifest: Manifest | None = None,
        published: Metadata | None = None,
        on_file: Callable[[FileOutcome], None] | None = None,
        on_total: Callable[[int], None] | None = None,
    ) -> None:
        from cartelkb.config import DEFAULT_MODEL

        self.engine = engine
        # The pipeline is loaded on first use: a run where every file is unchanged, or
        # one whose workers parse, never loads spaCy in this process.
        self._nlp = nlp
        self.model_name = model or DEFAULT_MODEL
        self.force = force
        self.strict = strict
        self.batch_size = batch_size
        self.workers = workers
        self.shard = shard
        self.manifest = manifest
        self.published = published
        # sha256 of stored articles whose publication date is now stated differently:
        # their relative dates change, so they are extracted again.
        self.restated: set[str] = set()
        self.on_file = on_file
        self.on_total = on_total
        self.report = IngestReport(db=display_db(engine.url))
        self.timer = _Timer(self.report.timings)
        self.stopped: FileOutcome | None = None  # the failure that stopped a --strict run
        self.forced: set[str] = set()  # sha256 re-extracted by this --force run

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from cartelkb.extract.nlp import load_pipeline

            t0 = time.perf_counter()
            self._nlp = load_pipeline(self.model_name)
            self.timer.add("load", t0)
        return self._nlp

    @property
    def model(self) -> str:
        """The pipeline as stored on articles (name and version)."""
        meta = self.nlp.meta
        return str(meta.get("cartelkb_model", meta.get("name", "?")))

    def _failed(self, path: str, reason: str) -> None:
        """A file that cannot be read; with --shard, reported by the shard of its path."""
        from cartelkb.config import in_shard

        if in_shard(path, self.shard):
            self._record(FileOutcome(path, "failed", reason))
        else:
            self._record(FileOutcome(path, "other-shard"))

    def _record(self, outcome: FileOutcome) -> None:
        from cartelkb.extract.reader import is_stdin_path

        if is_stdin_path(outcome.path):
            outcome.path = "<stdin>"  # stored as "<stdin>#<key>", shown as what it was
        self.report.outcomes.append(outcome)
        if self.on_file:
            self.on_file(outcome)
        if outcome.status == "failed" and self.strict and self.stopped is None:
            # Stop reading; files already read still go through NLP and are stored.
            self.stopped = outcome

    def _pending(self, files: Iterator[object]) -> Iterator[tuple[str, RawArticle]]:
        """Read files, settle unchanged ones by hash, yield the ones that need NLP."""
        for item in files:
            if self.stopped is not None:
                return
            reads = self._read(item)
            while self.stopped is None:
                t0 = time.perf_counter()
                found = next(reads, None)
                if found is None:
                    break
                path, read = found
                if isinstance(read, str):
                    self._failed(path, read)
                    continue
                pending = self._check(path, read, t0)
                if pending is not None:
                    yield pending

    def _read(self, item: object) -> Iterator[tuple[str, RawArticle | str]]:
        """The articles of one discovered item, or why they cannot be read: one for a
        file, one per line of a JSON Lines corpus, one for standard input."""
        from cartelkb.extract import reader

        if isinstance(item, reader.InputProblem):
            yield item.path, item.reason
        elif isinstance(item, reader.StdinInput):
            yield from self._guarded("<stdin>", lambda: [("<stdin>", reader.read_stdin())])
        else:
            assert isinstance(item, Path)
            path = str(item)
            if reader.kind_of(item) == "jsonl":
                yield from self._guarded(path, lambda: _corpus(reader.read_corpus(item)))
            else:
                yield from self._guarded(path, lambda: [(path, reader.read_article(item))])

    @staticmethod
    def _guarded(
        path: str, read: Callable[[], Iterable[tuple[str, RawArticle | str]]]
    ) -> Iterator[tuple[str, RawArticle | str]]:
        """What `read` gives; an exception fails `path` with a reason, not the run."""
        try:
            yield from read()
        except InputError as exc:
            yield path, str(exc)
        except OSError as exc:
            yield path, f"cannot read: {exc.strerror or exc}"
        except Exception as exc:  # a reader bug must not lose the rest of the run
            yield path, f"reading failed: {exc!r} (a cartelkb bug)"

    def _check(self, path: str, raw: RawArticle, t0: float) -> tuple[str, RawArticle] | None:
        """Stated metadata applied, the shard and the size checked, an unchanged article
        settled by its hash; returns the article if it needs NLP."""
        from cartelkb.config import in_shard
        from cartelkb.extract.reader import is_stdin_path
        from cartelkb.store import repository as repo
        from cartelkb.store.db import session_scope

        stdin = is_stdin_path(raw.source_path)
        if stdin:
            path = raw.source_path  # "<stdin>#<key>": each text read from stdin its own path
        raw = self._with_metadata(None if stdin else Path(path), raw)
        if not in_shard(raw.sha256, self.shard):
            # Keyed by content: copies of one text land in one shard, never parsed twice.
            self._record(FileOutcome(path, "other-shard"))
            return None
        limit = self._nlp.max_length if self._nlp is not None else SPACY_MAX_LENGTH
        if len(raw.text) > limit:
            # spaCy refuses longer texts (and would need gigabytes for them).
            self._record(
                FileOutcome(
                    path,
                    "failed",
                    f"is {len(raw.text):,} characters long, over the "
                    f"{limit:,}-character limit of the spaCy pipeline; split it "
                    "into one file per article",
                )
            )
            return None
        t0 = self.timer.add("read", t0)
        with session_scope(self.engine) as session:
            existing = repo.article_by_sha(session, raw.sha256)
            if existing is not None and raw.metadata_source != "text":
                if existing.published != raw.published:
                    self.restated.add(raw.sha256)
                elif repo.restate_metadata(session, existing, raw):
                    repo.lock_for_write(session)
            if (
                existing is not None
                and (not self.force or raw.sha256 in self.forced)
                and raw.sha256 not in self.restated
            ):
                repo.lock_for_write(session)
                repo.add_path(session, existing, path)
                self.timer.add("write", t0)
                self._record(FileOutcome(path, "unchanged", article_id=existing.id))
                return None
        return path, raw

    def _with_metadata(self, path: Path | None, raw: RawArticle) -> RawArticle:
        """What the manifest (for a file) or `--published` states wins over what the text
        and the file suggested."""
        if self.manifest is not None and path is not None:
            stated = self.manifest.lookup(path)
            if stated is not None:
                raw = stated.apply(raw)
        if self.published is not None:
            raw = self.published.apply(raw, "option")
        return raw

    def run(
        self, paths: Sequence[str | Path], pattern: str | Sequence[str] | None = None
    ) -> IngestReport:
        """Ingest `paths` ("-" for standard input) into the database.

        Args:
            paths: files and directories; directories are walked for `pattern`.
            pattern: file-name pattern(s); by default the kinds the reader supports.
        """
        from cartelkb.extract.reader import DEFAULT_PATTERNS, describe_patterns, discover, kind_of

        patterns = DEFAULT_PATTERNS if pattern is None else pattern
        # The manifest is not an article, even when it sits among the articles.
        exclude = [Path(self.manifest.origin)] if self.manifest is not None else []

        def skipped(_: Path) -> None:
            self.report.skipped += 1

        self.report.patterns = describe_patterns(patterns)
        if self.on_total:
            # Discovery yields paths only (cheap): walk once to count for the progress bar
            # and again to ingest, rather than hold every path for the whole run. A JSON
            # Lines corpus holds an unknown number of articles: then there is no total.
            total, corpora = 0, False
            for item in discover(paths, patterns, exclude=exclude):
                total += 1
                corpora = corpora or (isinstance(item, Path) and kind_of(item) == "jsonl")
            if not corpora:
                self.on_total(total)
        stream = self._pending(discover(paths, patterns, exclude=exclude, on_skip=skipped))
        try:
            if self.workers > 1:
                self._run_workers(stream)
            else:
                self._run_here(stream)
        except KeyboardInterrupt:
            self.report.interrupted = True
        if self.stopped is not None:
            raise StrictModeError(
                f"{self.stopped.path}: {self.stopped.reason} (stopped by --strict)"
            )
        if not self.report.interrupted and (
            self.report.count("added") or self.report.count("updated")
        ):
            self._after_articles()
        self._totals()
        return self.report

    def _run_here(self, stream: Iterator[tuple[str, RawArticle]]) -> None:
        """Parse, extract and store in this process."""
        first = next(stream, None)
        if first is None:
            return  # nothing new: spaCy is not even loaded
        from cartelkb.parallel import Writer

        nlp = self.nlp
        texts = ((raw.text, (path, raw)) for path, raw in itertools.chain([first], stream))

        def store(path: str, raw: RawArticle, doc: Doc) -> bool:
            self._store(path, raw, doc)
            return self.stopped is None

        # Extraction and writing run in a second thread, overlapping spaCy's GIL-free work.
        writer = Writer(store, depth=self.batch_size)
        try:
            t0, inner = time.perf_counter(), self._reading()
            for doc, (path, raw) in nlp.pipe(texts, batch_size=self.batch_size, as_tuples=True):
                # nlp.pipe pulls files through _pending: that time is read/write, not spaCy.
                now, reading = time.perf_counter(), self._reading()
                self.report.timings["spacy"] = (
                    self.report.timings.get("spacy", 0.0) + (now - t0) - (reading - inner)
                )
                writer.put(path, raw, doc)
                t0 = self.timer.add("wait", now)  # the writer is a full queue behind
                if self.stopped is not None:
                    break
                inner = self._reading()
        except BaseException:
            writer.close(finish=False)  # the article being written is committed, no more
            raise
        writer.close()

    def _reading(self) -> float:
        return self.report.timings.get("read", 0.0) + self.report.timings.get("write", 0.0)

    def _run_workers(self, stream: Iterator[tuple[str, RawArticle]]) -> None:
        """Parse and extract in worker processes; store here, in input order."""
        from cartelkb.parallel import run_pool

        def store(path: str, raw: RawArticle, result: object) -> bool:
            if isinstance(result, str):
                self._record(FileOutcome(path, "failed", result))
            else:
                extraction, clusters, assignment = cast(
                    "tuple[ArticleExtraction, list[Cluster], list[int]]", result
                )
                self._save(path, raw, extraction, clusters, assignment, time.perf_counter())
            return self.stopped is None

        run_pool(
            stream,
            model=self.model_name,
            workers=self.workers,
            batch_size=self.batch_size,
            store=store,
            timings=self.report.timings,
        )

    def _store(self, path: str, raw: RawArticle, doc: Doc) -> None:
        from cartelkb.resolve import cluster_mentions

        t0 = time.perf_counter()
        try:
            extraction = extract_article(raw, doc, self.model)
            clusters, assignment = cluster_mentions(extraction.mentions)
        except Exception as exc:  # an extractor bug must not lose the rest of the run
            self._record(
                FileOutcome(path, "failed", f"extraction failed: {exc!r} (a cartelkb bug)")
            )
            return
        t0 = self.timer.add("extract", t0)
        self._save(path, raw, extraction, clusters, assignment, t0)

    def _save(
        self,
        path: str,
        raw: RawArticle,
        extraction: ArticleExtraction,
        clusters: list[Cluster],
        assignment: list[int],
        t0: float,
    ) -> None:
        """Write one extracted article (retrying what PostgreSQL asks to) and record it.

        Ctrl-C and SIGTERM wait for the article's transaction and its record: raised in
        the middle of a commit, a KeyboardInterrupt could leave a connection holding the
        write lock, and the run's last reads would wait for it.
        """
        from cartelkb.resolve import cluster_mentions
        from cartelkb.store.db import WRITE_ATTEMPTS, is_retryable

        with _signals_deferred():
            for attempt in range(1, WRITE_ATTEMPTS + 1):
                try:
                    status, article_id = self._write(path, raw, extraction, clusters, assignment)
                    break
                except DBAPIError as exc:
                    # PostgreSQL: a deadlock, or another writer stored this text or path first
                    # (a unique violation); run the article's transaction again, which finds it.
                    if attempt == WRITE_ATTEMPTS or not is_retryable(exc, unique=True):
                        raise
                    time.sleep(0.05 * attempt)
                    clusters, assignment = cluster_mentions(extraction.mentions)  # linking mutates
            if status == "unchanged":
                self._record(FileOutcome(path, "unchanged", article_id=article_id))
                return
            if self.force:
                self.forced.add(raw.sha256)
            self.restated.discard(raw.sha256)
            self.timer.add("resolve+write", t0)
            self._record(FileOutcome(path, status, article_id=article_id, warnings=raw.warnings))

    def _write(
        self,
        path: str,
        raw: RawArticle,
        extraction: ArticleExtraction,
        clusters: Sequence[Cluster],
        assignment: Sequence[int],
    ) -> tuple[str, int]:
        """One article's transaction; returns its status and article id."""
        from cartelkb.curation import apply_curations
        from cartelkb.store import repository as repo
        from cartelkb.store.db import session_scope

        with session_scope(self.engine) as session:
            repo.lock_for_write(session)
            existing = repo.article_by_sha(session, raw.sha256)
            status = "added"
            old_paths: list[str] = []
            # Entities of the text stored before: kept while the new extraction links
            # (so an entity keeps its id across `--force`), pruned after if orphaned.
            old_entities: set[int] = set()
            keep_id: int | None = None  # a re-extracted article keeps its id
            if existing is not None:
                if (
                    not self.force or raw.sha256 in self.forced
                ) and raw.sha256 not in self.restated:
                    # Another process stored the same text while we parsed it.
                    repo.add_path(session, existing, path)
                    return "unchanged", existing.id
                old_paths = [p.path for p in existing.paths]  # deleted with the article
                # Where it was published is never read off the text: what was stated
                # before stays unless it is stated anew.
                kept = {
                    f: getattr(existing, f) for f in ("url", "outlet") if getattr(raw, f) is None
                }
                if any(kept.values()):
                    extraction = extraction.model_copy(
                        update={"article": raw.model_copy(update=kept)}
                    )
                keep_id = existing.id
                old_entities = repo.delete_article(session, existing.id, prune=False)
                status = "updated"
            previous = repo.article_by_path(session, path)
            if previous is not None:
                status = "updated"
            article = repo.store_extraction(
                session,
                extraction,
                clusters,
                assignment,
                extractor_version=EXTRACTOR_VERSION,
                article_id=keep_id,
            )
            for old in old_paths:
                repo.add_path(session, article, old)
            apply_curations(session, article.id)
            repo.prune_entities(session, old_entities)
            return status, article.id

    def _after_articles(self) -> None:
        """Once per run, after the articles: find the names the knowledge base now knows
        where the NER missed them, match the entities to the sanctions list and geocode
        the new places (whole-table steps, so not per article). An interrupted run skips
        them; the next run (or `knowledge match`, `places update`) does them."""
        from cartelkb.geocode import geocode_places
        from cartelkb.resolve.known_names import link_known_names
        from cartelkb.sanctions import link_sanctions
        from cartelkb.store import repository as repo
        from cartelkb.store.db import session_scope

        t0 = time.perf_counter()
        with session_scope(self.engine) as session:
            repo.lock_for_write(session)
            link_known_names(session)
            link_sanctions(session)
            geocode_places(session)
        self.timer.add("knowledge", t0)

    def _totals(self) -> None:
        from cartelkb.store.db import session_scope
        from cartelkb.store.models import (
            KNOWN_NAME_SOURCE,
            Article,
            Claim,
            DateExpression,
            Entity,
            Mention,
        )

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
            # of the mentions: names the knowledge base knows, where the NER tagged nothing
            self.report.totals["known_name_mentions"] = (
                session.scalar(select(func.count()).where(Mention.source == KNOWN_NAME_SOURCE)) or 0
            )
            self.report.stale = (
                session.scalar(
                    select(func.count()).where(Article.extractor_version != EXTRACTOR_VERSION)
                )
                or 0
            )


def ingest(
    paths: Sequence[str | Path],
    *,
    db_url: str,
    model: str,
    pattern: str | Sequence[str] | None = None,
    force: bool = False,
    strict: bool = False,
    batch_size: int = 32,
    workers: int = 1,
    shard: tuple[int, int] | None = None,
    manifest: Manifest | None = None,
    published: Metadata | None = None,
    on_file: Callable[[FileOutcome], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest article files and directories into the knowledge base.

    Args:
        paths: files and directories (walked recursively for `pattern`); "-" (a str)
            reads one article from standard input.
        db_url: SQLAlchemy URL; the schema is created or upgraded first.
        model: spaCy pipeline name.
        pattern: file-name pattern(s) for files inside directories; by default the kinds
            the reader supports (`cartelkb.extract.reader.DEFAULT_PATTERNS`).
        force: re-extract articles whose text is already stored.
        strict: stop at the first file that fails.
        batch_size: articles per `nlp.pipe` batch.
        workers: processes that parse and extract (one per core); this one writes.
        shard: (K, N): take only the K-th of N parts of the inputs, split by content
            (sha256), so N processes or hosts given the same inputs share the work
            without overlap.
        manifest: metadata of input files (title, published, author, url, outlet),
            which wins over what the reader finds in the text.
        published: metadata stated for every input (`--published`, for one file).
        on_file: called after each file with its outcome (progress display).
        on_total: called once with the number of input files found.

    Returns:
        The run's report; failed files are listed there, never silently dropped.
    """
    from cartelkb.store.db import open_database

    new_file = _new_sqlite_file(db_url)
    # Every path mistyped: nothing can be stored, so the failures are reported from a
    # database in memory, and no empty file is left for the next query to answer from.
    nothing = new_file is not None and _none_exists(paths)
    engine = open_database("sqlite://" if nothing else db_url, write=True)
    report = Ingestor(
        engine,
        model=model,
        force=force,
        strict=strict,
        batch_size=batch_size,
        workers=workers,
        shard=shard,
        manifest=manifest,
        published=published,
        on_file=on_file,
        on_total=on_total,
    ).run(paths, pattern)
    if nothing:
        report.db, report.db_kept = display_db(db_url), False
    return report


def _none_exists(paths: Sequence[str | Path]) -> bool:
    """No input path exists (standard input, "-", always does)."""
    from cartelkb.extract.reader import STDIN

    return bool(paths) and all(str(p) != STDIN and not os.path.lexists(p) for p in paths)


def _new_sqlite_file(db_url: str) -> Path | None:
    """The SQLite file `db_url` names, when it does not exist yet (else None)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(db_url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.query.get("mode") == "memory":
        return None
    path = Path(parsed.database)
    return None if path.exists() else path


def _corpus(
    lines: Iterable[tuple[str, RawArticle | InputError]],
) -> Iterator[tuple[str, RawArticle | str]]:
    """The lines of a JSON Lines corpus, a bad one as its reason."""
    for where, result in lines:
        yield where, result if isinstance(result, RawArticle) else str(result)
