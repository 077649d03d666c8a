"""`retag`: re-extract and re-tag every stored page, offline, and save through the normal store path."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from store.db import AnalysisLike, StoreError, count_pages, iter_pages, open_db, save_article, utc_now

Analyse = Callable[[bytes, str, str, Mapping[str, str]], AnalysisLike]
Progress = Callable[[int, int], None]


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


def default_analyse() -> Analyse:
    """Return the real `extract.analyse.analyse_page` (imported late: extraction loads big models)."""
    from extract.analyse import analyse_page

    return analyse_page


def retag(
    db_path: str | Path,
    sources: Iterable[str] | None = None,
    *,
    analyse: Analyse | None = None,
    progress: Progress | None = None,
) -> RetagSummary:
    """Re-run extraction and tagging over the stored pages of `sources` (all if None); no network."""
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"{path}: database not found; pass --db with the file a crawl wrote")
    run = analyse or default_analyse()
    wanted = list(sources) if sources else None
    summary = RetagSummary()
    with open_db(path) as db:
        total = count_pages(db, wanted)
        for page in iter_pages(db, wanted):
            summary.pages += 1
            try:
                analysis = run(page.raw, page.encoding, page.url, page.listing)
            except Exception as error:  # noqa: BLE001 - one bad page must not stop the others; it is reported
                summary.outcomes["failed"] += 1
                summary.failures.append(f"{page.url}: {type(error).__name__}: {error}")
                continue
            summary.statuses[analysis.status] += 1
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
                analysis=analysis,
                seen_at=utc_now(),
                fetched=False,
            )
            summary.outcomes[outcome] += 1
            if progress is not None:
                progress(summary.pages, total)
    return summary
