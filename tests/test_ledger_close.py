"""RunLedger at spider close: its counts reach the run record even when its own database writes fail."""

from __future__ import annotations

import json
from pathlib import Path

from scrapy.utils.test import get_crawler
from test_reliability_faults import finish, hold_lock

from crawler.extensions import RunLedger
from crawler.spiders.embassy import EmbassySpider
from store.db import open_db


def close_ledger(db_path: Path, stats_file: Path) -> dict[str, object]:
    """Close a RunLedger for an embassy spider that listed one known article; return the counts file it wrote."""
    crawler = get_crawler(EmbassySpider, {"TWINWATCH_DB_PATH": str(db_path), "TWINWATCH_STATS_FILE": str(stats_file)})
    crawler.stats.set_value("downloader/request_count", 3)
    spider = EmbassySpider.from_crawler(crawler)
    spider.listed_known = {"https://washington.mid.ru/en/press-centre/news/known/"}
    RunLedger(crawler).spider_closed(spider, "finished")
    return dict(json.loads(stats_file.read_text(encoding="utf-8")))


def test_counts_are_written_after_the_close_updates(tmp_path: Path) -> None:
    """A normal close: the counts file says the run finished."""
    db_path = tmp_path / "ok.db"
    open_db(db_path).close()
    payload = close_ledger(db_path, tmp_path / "stats.json")
    assert payload["extra"]["close_reason"] == "finished"  # type: ignore[index]
    assert payload["stats"]["requests"] == 3 and payload["stats"]["errors"] == 0  # type: ignore[index]


def test_a_failed_close_update_is_counted_not_lost(tmp_path: Path) -> None:
    """A close update that cannot write (another process holds the write lock past the 10 s busy timeout) still
    writes the counts, with one error and a close reason that is not 'finished': the run is recorded as failed, with
    its cause in the log, instead of losing what it stored (a full disk at close did that)."""
    db_path = tmp_path / "locked.db"
    open_db(db_path).close()
    holder = hold_lock(db_path, 15)
    try:
        payload = close_ledger(db_path, tmp_path / "stats.json")
    finally:
        finish(holder)
    assert payload["extra"]["close_reason"] == "store error"  # type: ignore[index]
    assert payload["stats"]["errors"] == 1 and payload["stats"]["requests"] == 3  # type: ignore[index]
