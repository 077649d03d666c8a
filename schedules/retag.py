"""`retag`: re-extract and re-tag every stored page, offline, and save through the normal store path."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from store.db import (
    AnalysisLike,
    Database,
    StoredPage,
    StoreError,
    count_pages,
    iter_pages,
    open_db,
    save_article,
    utc_now,
)

if TYPE_CHECKING:
    from extract.analyse import Analysis

Analyse = Callable[[bytes, str, str, Mapping[str, str]], AnalysisLike]
Progress = Callable[[int, int], None]
Result = AnalysisLike | Exception


@dataclass
class RetagSummary:
    """What a retag did: pages read and how each save ended."""

    pages: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)  # new / updated / unchanged / failed
    statuses: Counter[str] = field(default_factory=Counter)  # extraction_status of the new analyses
    failures: list[str] = field(default_factory=list)  # "url: error" for pages whose analysis raised

    def line(self) -> str:
        """Return a one-line human summary."""
        parts = ", ".join(f"{k} {v}" for k, v in sorted(self.outcomes.items()))
        return f"retag: {self.pages} pages: {parts or 'nothing stored'}"


# Statuses that say the analysis did not happen (worker timed out or died), not what the page holds:
# retag keeps the stored row for these instead of overwriting a good body with a transient failure.
TRANSIENT = ("timeout", "error:worker-")
WINDOW_PER_WORKER = 4  # pages in flight per worker: keeps both cores busy without holding every page


def analyse_inline(pages: Iterable[StoredPage], analyse: Analyse) -> Iterator[tuple[StoredPage, Result]]:
    """Yield each page with its analysis, run in this process (or the exception it raised)."""
    for page in pages:
        try:
            yield page, analyse(page.raw, page.encoding, page.url, page.listing)
        except Exception as error:  # noqa: BLE001 - one bad page must not stop the others; it is reported
            yield page, error


def analyse_pooled(
    pages: Iterable[StoredPage], workers: int, timeout_s: float
) -> Iterator[tuple[StoredPage, Result]]:
    """Yield each page with its analysis from `extract.worker.ExtractionPool` (hard timeout), in page order."""
    from extract.worker import ExtractionPool  # late: starting workers loads trafilatura and the gazetteer

    with ExtractionPool(workers, timeout_s) as pool:
        pending: deque[tuple[StoredPage, Future[Analysis]]] = deque()
        for page in pages:
            pending.append((page, pool.submit(page.raw, page.encoding, page.url, page.listing)))
            if len(pending) >= workers * WINDOW_PER_WORKER:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def retag(
    db_path: str | Path,
    sources: Iterable[str] | None = None,
    *,
    workers: int = 2,
    timeout_s: float = 30.0,
    analyse: Analyse | None = None,
    progress: Progress | None = None,
) -> RetagSummary:
    """Re-run extraction and tagging over the stored pages of `sources` (all if None); no network.

    Pages are analysed in an `ExtractionPool` (hard per-page timeout) unless `analyse` is given, which
    then runs inline. Each result is saved through `save_article(fetched=False)`, one transaction each.
    """
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"{path}: database not found; pass --db with the file a crawl wrote")
    wanted = list(sources) if sources else None
    summary = RetagSummary()
    with open_db(path) as db:
        total = count_pages(db, wanted)
        pages = iter_pages(db, wanted)
        results = analyse_inline(pages, analyse) if analyse else analyse_pooled(pages, workers, timeout_s)
        for page, result in results:
            summary.pages += 1
            record(db, summary, page, result)
            if progress is not None:
                progress(summary.pages, total)
    return summary


def record(db: Database, summary: RetagSummary, page: StoredPage, result: Result) -> None:
    """Save one page's new analysis (or count why not) into `summary`."""
    if isinstance(result, BaseException) or result.status.startswith(TRANSIENT):
        reason = f"{type(result).__name__}: {result}" if isinstance(result, BaseException) else result.status
        summary.outcomes["failed"] += 1
        summary.failures.append(f"{page.url}: {reason} (stored row kept)")
        return
    summary.statuses[result.status] += 1
    outcome = save_article(
        db,
        url=page.url,
        source=page.source,
        fetched_url=page.fetched_url,
        http_status=page.http_status,
        raw=page.raw,
        encoding=page.encoding,
        content_type=page.content_type,
        listing=page.listing,
        analysis=result,
        seen_at=utc_now(),
        fetched=False,
    )
    summary.outcomes[outcome] += 1
