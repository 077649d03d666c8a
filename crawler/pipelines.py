"""Thin adapters: analyse each Page in worker processes (extract/), then save it (store/)."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro

from extract.worker import ExtractionPool
from store.db import StoreError, open_db, save_article, utc_now

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

    from crawler.items import Page


class ExtractPipeline:
    """Run `analyse_page` (extraction + tagging) in an `ExtractionPool`, off the reactor thread."""

    def __init__(self, workers: int, timeout_s: float) -> None:
        self.workers, self.timeout_s = workers, timeout_s
        self.pool: ExtractionPool | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Read the pool size and the hard per-page timeout from the settings."""
        settings = crawler.settings
        return cls(settings.getint("TWINWATCH_EXTRACT_WORKERS"), settings.getfloat("TWINWATCH_EXTRACT_TIMEOUT"))

    def open_spider(self) -> None:
        """Start the worker processes."""
        self.pool = ExtractionPool(self.workers, self.timeout_s)

    def close_spider(self) -> None:
        """Finish queued pages and stop the workers."""
        if self.pool is not None:
            self.pool.close()

    async def process_item(self, item: Page) -> Page:
        """Attach the page's Analysis (body, pairs, status); the pool's future never raises."""
        assert self.pool is not None, "ExtractPipeline used before open_spider"
        analysis = await asyncio.wrap_future(self.pool.submit(item.raw, item.encoding, item.url, item.listing))
        item.analysis, item.body, item.pairs = analysis, analysis.body, list(analysis.pairs)
        item.extraction_status = analysis.status
        return item


class StorePipeline:
    """Upsert each analysed Page into the SQLite store and count what happened."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler, self.db_path = crawler, crawler.settings["TWINWATCH_DB_PATH"]
        self.seen_at = utc_now()  # one timestamp per run: every page of the run is "seen" at its start

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Bind to the crawler (stats) and its database path."""
        return cls(crawler)

    def open_spider(self) -> None:
        """Open the database (WAL, migrated)."""
        self.db = open_db(self.db_path)

    def close_spider(self) -> None:
        """Close the database connection."""
        self.db.close()

    def process_item(self, item: Page) -> Page:
        """Save the article, its text and pairs in one transaction; count new/updated/unchanged and pairs."""
        stats = self.crawler.stats
        assert stats is not None
        try:
            outcome = save_article(
                self.db, url=item.url, source=item.source, fetched_url=item.fetched_url, http_status=item.status,
                raw=item.raw, encoding=item.encoding, content_type=item.content_type, listing=item.listing,
                analysis=item.analysis, seen_at=self.seen_at,  # type: ignore[arg-type]
            )  # fmt: skip
        except StoreError as error:
            # Disk full, a lock held past the busy timeout, a read-only file: every later save fails the
            # same way, so stop the crawl (close reason "store_error" fails the source) instead of
            # dropping page after page while the run still reads "ok, 0 errors".
            stats.inc_value("twinwatch/errors")
            log.error("crawl stopped: %s (while storing %s)", error, item.url)
            assert self.crawler.engine is not None
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="store_error"))
            raise DropItem(f"{item.url}: not stored ({error})") from error
        stats.inc_value(f"twinwatch/articles_{outcome}")
        stats.inc_value("twinwatch/pairs", len(item.pairs))
        stats.inc_value(f"twinwatch/extraction/{item.extraction_status.split(':', 1)[0]}")
        return item
