"""Ingest concurrency: worker processes for `--workers N`, a writer thread for one process.

With `--workers N` the parent reads files, settles unchanged ones by hash, and sends
batches of articles to a pool of N processes, one per core. Each worker parses a batch
with `nlp.pipe`, runs the pure extractors and the in-article clustering, and sends back
pydantic records; the parent stays the one writer, storing one article per transaction
in input order. So the knowledge base is the same as with one process (same order, same
entity ids).

spaCy's own `nlp.pipe(n_process=N)` would send Docs back to the parent and leave the
extractors there, making the parent the bottleneck; a worker's result is a few kB of
records instead.

With one process, `Writer` runs extraction and storage in a second thread while the main
thread runs `nlp.pipe` (see its docstring).
"""

from __future__ import annotations

import itertools
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cartelkb.records import ArticleExtraction, RawArticle
    from cartelkb.resolve import Cluster

    Item = tuple[str, RawArticle]
    # (extraction, clusters, assignment) or a failure reason
    Result = tuple[ArticleExtraction, list[Cluster], list[int]] | str

_WORKER: dict[str, Any] = {}


def _init_worker(model: str) -> None:
    # Ctrl-C reaches the whole process group: the parent alone handles it (it records the
    # interruption and stops the pool), so a worker must not die with a traceback first.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from cartelkb.extract.nlp import limit_blas_threads, load_pipeline

    limit_blas_threads()  # one process per core: no BLAS thread pool on top

    nlp = load_pipeline(model)
    _WORKER["nlp"] = nlp
    _WORKER["model"] = str(nlp.meta.get("cartelkb_model", nlp.meta.get("name", "?")))


def extract_batch(items: list[Item]) -> tuple[list[Result], dict[str, float]]:
    """Parse and extract a batch in a worker process.

    Returns:
        One result per item, in order (records, or the reason it failed), and the
        seconds spent in spaCy and in the extractors.
    """
    from cartelkb.extract import extract_article
    from cartelkb.resolve import cluster_mentions

    nlp, model = _WORKER["nlp"], _WORKER["model"]
    timings = {"spacy": 0.0, "extract": 0.0}
    results: list[Result] = []
    t0 = time.perf_counter()
    docs = nlp.pipe((raw.text for _, raw in items), batch_size=len(items))
    for (_, raw), doc in zip(items, docs, strict=True):
        t1 = time.perf_counter()
        timings["spacy"] += t1 - t0
        try:
            extraction = extract_article(raw, doc, model)
            clusters, assignment = cluster_mentions(extraction.mentions)
            results.append((extraction, clusters, assignment))
        except Exception as exc:  # an extractor bug must not lose the rest of the run
            results.append(f"extraction failed: {exc!r}")
        t0 = time.perf_counter()
        timings["extract"] += t0 - t1
    return results, timings


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_pool(
    items: Iterable[Item],
    *,
    model: str,
    workers: int,
    batch_size: int,
    store: Callable[[str, RawArticle, Result], bool],
    timings: dict[str, float],
) -> None:
    """Send `items` through `workers` processes and `store` each result in input order.

    At most two batches per worker are in flight, so memory does not grow with the
    number of files. `store` returns False to stop (a --strict failure); an exception
    (KeyboardInterrupt included) stops the workers at once and propagates.

    Args:
        items: (path, raw article) pairs that need NLP.
        model: spaCy pipeline each worker loads.
        store: writes one result; called in the parent, in the order of `items`.
        timings: stage seconds to add to (worker spaCy and extraction time are summed
            over workers; `wait` is the writer's idle time).
    """
    batches = _batches(items, batch_size)
    first = next(batches, None)
    if first is None:
        return  # nothing new: no worker is started, spaCy is not loaded
    import multiprocessing

    from cartelkb.extract.nlp import resolve_model

    resolve_model(model)  # a missing model is reported here, not as a broken pool
    # spawn, not fork: the parent holds database connections and maybe a progress thread.
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(model,),
    )
    inflight: deque[tuple[list[Item], Future]] = deque()
    finished = False

    def drain_one() -> bool:
        batch, future = inflight.popleft()
        t0 = time.perf_counter()
        results, spent = future.result()
        timings["wait"] = timings.get("wait", 0.0) + time.perf_counter() - t0
        for stage, seconds in spent.items():
            timings[stage] = timings.get(stage, 0.0) + seconds
        for (path, raw), result in zip(batch, results, strict=True):
            if not store(path, raw, result):
                return False
        return True

    try:
        for batch in itertools.chain([first], batches):
            inflight.append((batch, pool.submit(extract_batch, batch)))
            if len(inflight) > 2 * workers and not drain_one():
                break
        else:
            while inflight and drain_one():
                pass
        finished = True
    finally:
        for _, future in inflight:
            future.cancel()
        if inflight or not finished:
            # Stopped, interrupted or failed: do not wait for batches nobody will store.
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


_DONE = object()


class Writer:
    """A thread that stores parsed articles in order while the caller's thread parses on.

    spaCy releases the GIL in its matrix products and parser loops; the extractors and the
    SQLite writes of earlier articles run in those gaps (on a second core, if there is
    one) instead of after each document. Still one process and one writer.
    """

    def __init__(self, store: Callable[..., bool], depth: int) -> None:
        """Args:
        store: called with each item, in order; returns False to drop the rest (a
            --strict stop). Its exceptions are re-raised in the caller's thread.
        depth: items queued at most (parsed Docs held in memory).
        """
        self._queue: queue.Queue[object] = queue.Queue(maxsize=max(depth, 1))
        self._store = store
        self._error: BaseException | None = None
        self._dropping = False
        self._thread = threading.Thread(target=self._loop, name="cartelkb-writer", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is _DONE:
                return
            if self._dropping or self._error is not None:
                continue
            try:
                if not self._store(*item):  # type: ignore[misc]
                    self._dropping = True
            except BaseException as exc:  # re-raised by put() or close()
                self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def put(self, *item: object) -> None:
        """Queue an item; waits while the queue is full; raises the writer's error."""
        self._raise()
        self._queue.put(item)

    def close(self, *, finish: bool = True) -> None:
        """Stop the thread: after storing what is queued (finish) or after the article
        being written now (its transaction completes; the rest is dropped)."""
        if not finish:
            self._dropping = True
        self._queue.put(_DONE)
        self._thread.join()
        if finish:
            self._raise()
