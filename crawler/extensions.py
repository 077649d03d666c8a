"""RunLedger: hands the spider its known URLs at open; at close records listed-known URLs and the run's counts."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import Spider, signals

from crawler.spiders.base import STAT, NewsSpider
from store.db import (
    SourceStats,
    StoreError,
    dead_link_urls,
    known_urls,
    mark_seen,
    open_db,
    record_dead_links,
    utc_now,
)

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector


def prefixed(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    """Return the integer stats under `prefix`, keyed by the rest of their name."""
    return {key[len(prefix):]: int(value) for key, value in stats.items() if key.startswith(prefix)}


def source_stats(stats: dict[str, Any], articles_seen: int) -> SourceStats:
    """Return the `run_sources` counts of one spider run from its Scrapy stats."""
    extraction = prefixed(stats, f"{STAT}/extraction/")
    errors = (stats.get(f"{STAT}/errors", 0) + sum(prefixed(stats, "spider_exceptions/").values())
              + extraction.get("error", 0) + extraction.get("timeout", 0))  # fmt: skip
    return SourceStats(
        requests=int(stats.get("downloader/request_count", 0)),
        status_counts=prefixed(stats, "downloader/response_status_count/"),
        articles_seen=articles_seen,
        articles_new=int(stats.get(f"{STAT}/articles_new", 0)),
        articles_updated=int(stats.get(f"{STAT}/articles_updated", 0)),
        articles_unchanged=int(stats.get(f"{STAT}/articles_unchanged", 0)),
        pairs=int(stats.get(f"{STAT}/pairs", 0)),
        errors=int(errors),
        blocked=sorted(prefixed(stats, f"{STAT}/blocked/")),
        duration_s=float(stats.get("elapsed_time_seconds", 0.0)),
    )


class RunLedger:
    """Load known article URLs into the spider at open; at close mark them seen and write the counts file."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.db_path: str = crawler.settings["TWINWATCH_DB_PATH"]
        self.stats_file: str = crawler.settings["TWINWATCH_STATS_FILE"]
        self.seen_at = utc_now()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Connect to the open/close signals."""
        ledger = cls(crawler)
        crawler.signals.connect(ledger.spider_opened, signal=signals.spider_opened)
        # spider_closed fires after the pipelines closed, so every article is already counted.
        crawler.signals.connect(ledger.spider_closed, signal=signals.spider_closed)
        return ledger

    def spider_opened(self, spider: Spider) -> None:
        """Give the spider the URLs of its source already in the database."""
        if isinstance(spider, NewsSpider) and spider.incremental:
            db = open_db(self.db_path)
            try:
                # Dead links count as known: not asked again, and a listing page of them ends paging.
                spider.known_urls = frozenset(known_urls(db, spider.name) | dead_link_urls(db, spider.name))
            finally:
                db.close()
            spider.logger.info("%d known %s articles in %s", len(spider.known_urls), spider.name, self.db_path)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        """Move `last_seen` of listed-but-not-refetched articles, remember dead links; write the counts as JSON.

        The counts are written even when those updates fail (a full disk): what the run stored and why it failed
        must reach the run's record, not vanish with the process."""
        listed_known, dead = getattr(spider, "listed_known", set()), getattr(spider, "dead", {})
        failed = False
        if listed_known or dead:
            try:
                db = open_db(self.db_path)
                try:
                    mark_seen(db, sorted(listed_known), self.seen_at)
                    record_dead_links(db, spider.name, dead, self.seen_at)
                finally:
                    db.close()
            except StoreError as error:
                spider.logger.error("%s", error)  # the one-line cause and fix, for the run's message
                failed = True
        stats_collector: StatsCollector | None = self.crawler.stats
        stats = stats_collector.get_stats() if stats_collector is not None else {}
        counts = source_stats(stats, len(getattr(spider, "listed", ())))
        if failed:
            counts.errors += 1
            reason = "store error"  # not "finished": the run must not read as complete
        if self.stats_file:
            extra = {"listed_known": len(listed_known), "close_reason": reason, **prefixed(stats, f"{STAT}/skipped/"),
                     "dead_links": int(stats.get(f"{STAT}/dead_links", 0)),
                     "robots_forbidden": int(stats.get("robotstxt/forbidden", 0))}  # fmt: skip
            payload = {"source": spider.name, "stats": asdict(counts), "extra": extra}
            Path(self.stats_file).write_text(json.dumps(payload, sort_keys=True), encoding="utf-8")
