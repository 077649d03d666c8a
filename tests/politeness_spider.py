"""A tiny spider for the politeness tests: fetch the given URLs, record every callback/errback, dump stats as JSON.

Run by tests with `python -m scrapy runspider tests/politeness_spider.py -a urls=U1,U2 -s OUT_FILE=...` from
a directory without scrapy.cfg, so only these settings apply (plus `-s` overrides).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

# The settings block documented at the top of crawler/politeness.py, plus the replica loopback handler.
POLITENESS_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.politeness.BotWallMiddleware": 95,
    "crawler.politeness.PoliteRobotsMiddleware": 100,
    "crawler.politeness.RetryAfterMiddleware": 560,
    "crawler.politeness.ContentTypeFilterMiddleware": 580,
    "crawler.politeness.RedirectWatchMiddleware": 610,
}



def peak_rss_kb() -> int:
    """Return this process's peak resident set size in KiB (VmHWM), or 0 where /proc is missing."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)

class PolitenessSpider(scrapy.Spider):
    """Fetch `urls` (comma-separated) and record what reached the callback and the errback."""

    name = "politeness"
    custom_settings: ClassVar[dict[str, Any]] = {
        "ADDONS": {"crawler.replica.ReplicaAddon": 0},
        "USER_AGENT": "twinwatch/0.1 (+https://github.com/twinwatch/twinwatch; city-diplomacy news monitor)",
        "ROBOTSTXT_OBEY": True,
        "DOWNLOADER_MIDDLEWARES": POLITENESS_MIDDLEWARES,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_DELAY": 0,
        "RETRY_TIMES": 2,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "LOG_LEVEL": "INFO",
    }

    def __init__(self, urls: str = "", domains: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [u for u in urls.split(",") if u]
        if domains:  # `-a domains=a.test,b.test`: Scrapy's offsite filter then applies
            self.allowed_domains = domains.split(",")
        self.seen: list[dict[str, Any]] = []
        self.failed: list[dict[str, str]] = []

    async def start(self) -> Any:
        """Request every URL once, with our errback."""
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse, errback=self.on_error, dont_filter=False)

    def parse(self, response: Response) -> Iterator[Any]:
        """Record a response that reached the callback (it must be a text page: `.text` is read)."""
        text = response.text if isinstance(response, TextResponse) else None
        self.seen.append(
            {
                "url": response.url,
                "status": response.status,
                "chars": len(text or ""),
                "text_response": text is not None,
                "from": response.request.url if response.request else "",
            }
        )
        yield from ()

    def on_error(self, failure: Failure) -> None:
        """Record a request that ended in the errback."""
        request = failure.request  # type: ignore[attr-defined]
        self.failed.append(
            {"url": request.url, "error": failure.type.__name__, "message": failure.getErrorMessage()}
        )

    def closed(self, reason: str) -> None:
        """Write stats, callbacks and errbacks as JSON to the OUT_FILE setting."""
        stats = {
            k: v if isinstance(v, (int, float, str)) else str(v)
            for k, v in self.crawler.stats.get_stats().items()
        }
        # This process's own peak RSS. Not getrusage: Linux carries ru_maxrss across exec, so it would report
        # the size of the pytest process that forked us; VmHWM belongs to the post-exec address space only.
        peak_kb = peak_rss_kb()
        out = {"reason": reason, "stats": stats, "seen": self.seen, "failed": self.failed, "peak_rss_kb": peak_kb}
        Path(self.settings["OUT_FILE"]).write_text(json.dumps(out, indent=1), encoding="utf-8")
