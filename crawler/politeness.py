"""Politeness and bounded work where stock Scrapy 2.19 falls short (reliability.md finding 2 and 3, T02/T05/T06/T08).

Each component is small, reads its settings in `from_crawler`, and can be switched off with its own setting.
The settings block that enables them (add to `crawler/settings.py`):

    ROBOTSTXT_OBEY = True
    DOWNLOADER_MIDDLEWARES = {
        "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,  # replaced by ours, same slot
        "crawler.politeness.BotWallMiddleware": 95,            # before robots: a walled host gets nothing more
        "crawler.politeness.PoliteRobotsMiddleware": 100,      # RFC 9309 5xx/timeout -> host skipped; Crawl-delay
        "crawler.politeness.RetryAfterMiddleware": 560,        # responses: before RetryMiddleware (550) retries them
        "crawler.politeness.ContentTypeFilterMiddleware": 580, # responses: after redirect (600) and gunzip (590)
        "crawler.politeness.RedirectWatchMiddleware": 610,     # responses: before RedirectMiddleware (600)
    }
    TWINWATCH_RETRY_AFTER_MAX = 120      # seconds; a longer Retry-After is capped (then Scrapy's retry logic)
    TWINWATCH_CRAWL_DELAY_MAX = 30       # seconds; a longer robots.txt Crawl-delay is capped, with a warning
    # Switches (all default True): TWINWATCH_RETRY_AFTER_ENABLED, TWINWATCH_ROBOTS_RFC9309,
    # TWINWATCH_BOTWALL_ENABLED, TWINWATCH_CONTENT_TYPES_ENABLED, TWINWATCH_REDIRECT_WATCH_ENABLED

Stats written (prefix `twinwatch/`, read by RunLedger): `blocked/<host>` (403 wall or robots.txt unreachable),
`robots_unreachable/<host>`, `robots_refused`, `blocked_dropped`, `retry_after/waits`, `retry_after/capped`,
`crawl_delay/<host>`, `skipped/non_html`, `redirect/{loop,max_reached,non_http,offsite,duplicate}`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from crawler.politeness_filters import (  # re-exported: settings name every middleware in this module
    REDIRECT_CODES,
    STAT,
    ContentTypeFilterMiddleware,
    RedirectWatchMiddleware,
    is_robots_request,
)

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.robotstxt import RobotParser

__all__ = [
    "BotWallMiddleware",
    "ContentTypeFilterMiddleware",
    "PoliteRobotsMiddleware",
    "RedirectWatchMiddleware",
    "RetryAfterMiddleware",
]
log = logging.getLogger("twinwatch.politeness")
PROBE = "twinwatch_probe"  # meta key: this request decides whether its host is a bot wall


def host_of(request: Request) -> str:
    """Return the request's host name (the key of Scrapy's per-host download slot)."""
    return urlparse_cached(request).hostname or ""


def parse_retry_after(value: bytes | str | None, now: datetime) -> float | None:
    """Return the wait in seconds a `Retry-After` value asks for (seconds or HTTP-date), or None if unusable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


async def pause(seconds: float) -> None:
    """Wait without blocking the reactor (works with both the asyncio and the default Twisted reactor)."""
    waiter: Deferred[None] = Deferred()
    call_later(seconds, waiter.callback, None)
    await maybe_deferred_to_future(waiter)


def pause_slot(crawler: Crawler, key: str, seconds: float) -> bool:
    """Hold the host's download slot for `seconds`; return False if the slot is gone.

    Requests already queued in the slot never pass through middlewares again, so only the slot itself can
    hold them. This uses the slot's own delay timer (`Slot.latercall`, `Downloader._latercall`, Scrapy 2.19
    internals; test T02 fails if an upgrade changes them).
    """
    downloader = crawler.engine.downloader if crawler.engine else None
    slot = downloader.slots.get(key) if downloader else None
    if downloader is None or slot is None:
        return False
    if slot.latercall:
        slot.latercall.cancel()
    slot.latercall = call_later(seconds, downloader._latercall, slot)
    return True


class RetryAfterMiddleware:
    """Honour `Retry-After` on 429/503: nothing goes to that host until then (capped); Scrapy's retry follows."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("TWINWATCH_RETRY_AFTER_ENABLED", True):
            raise NotConfigured
        self.crawler = crawler
        self.stats = crawler.stats
        self.cap = crawler.settings.getfloat("TWINWATCH_RETRY_AFTER_MAX", 120.0)
        self.codes = {429, 503}
        self.until: dict[str, float] = {}  # host -> monotonic time before which nothing is sent to it

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build from the crawler's settings; watch responses as they leave the download handler."""
        middleware = cls(crawler)
        # response_downloaded fires before the slot sends its next queued request: the only moment to stop it.
        crawler.signals.connect(middleware.response_downloaded, signal=signals.response_downloaded)
        return middleware

    async def process_request(self, request: Request) -> None:
        """Hold a request to a host that asked us to back off (it may not be in the paused slot yet)."""
        host = host_of(request)
        wait = self.until.get(host, 0.0) - monotonic()
        if wait > 0:
            self.stats.inc_value(f"{STAT}/retry_after/waits")
            await pause(wait)
            await self.process_request(request)  # a later 429 may have moved the deadline while we slept

    def response_downloaded(self, response: Response, request: Request, **kwargs: Any) -> None:
        """On 429/503 with Retry-After: record the host's deadline and pause its slot until then."""
        if response.status not in self.codes:
            return
        wait = parse_retry_after(response.headers.get(b"Retry-After"), datetime.now(UTC))
        if wait is None:
            return
        if wait > self.cap:
            self.stats.inc_value(f"{STAT}/retry_after/capped")
            log.warning("%s asked to retry after %.0f s; capped at %.0f s (TWINWATCH_RETRY_AFTER_MAX)",
                        request.url, wait, self.cap)  # fmt: skip
            wait = self.cap
        host = host_of(request)
        self.until[host] = max(self.until.get(host, 0.0), monotonic() + wait)
        paused = pause_slot(
            self.crawler, request.meta.get("download_slot", host), self.until[host] - monotonic()
        )
        self.stats.inc_value(f"{STAT}/retry_after/honoured")
        log.info("%s answered %s with Retry-After %.1f s: holding requests to %s (slot paused: %s)", request.url,
                 response.status, wait, host, paused)  # fmt: skip


class DisallowAll:
    """A robots parser that refuses everything: the stand-in for an unreachable robots.txt (RFC 9309 §2.3.1.4)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        """Refuse every URL."""
        return False

    def crawl_delay(self, user_agent: str | bytes) -> float | None:
        """No delay: nothing is fetched anyway."""
        return None


class PoliteRobotsMiddleware(RobotsTxtMiddleware):
    """RobotsTxtMiddleware with RFC 9309 errors (5xx/timeout: skip the host, 4xx: allow) and `Crawl-delay`."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.rfc9309 = crawler.settings.getbool("TWINWATCH_ROBOTS_RFC9309", True)
        self.delay_cap = crawler.settings.getfloat("TWINWATCH_CRAWL_DELAY_MAX", 30.0)
        self.delays: dict[str, float] = {}  # host -> crawl delay applied to its slot

    def user_agent(self) -> str:
        """Return the user agent whose robots.txt group applies to us."""
        return self._robotstxt_useragent or self._default_useragent

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        """Parse a robots.txt answer: 5xx means unreachable, other 4xx means no rules, 2xx gets parsed."""
        if self.rfc9309 and response.status >= 500:
            self._stats.inc_value("robotstxt/response_count")
            self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
            self.mark_unreachable(netloc, host_of(request), f"robots.txt answered HTTP {response.status}")
            return
        if self.rfc9309 and response.status >= 400:  # "unavailable": crawl as if there were no rules
            response = response.replace(body=b"")
        await super()._parse_robots(response, netloc, request)
        parser = self._parsers.get(netloc)
        if parser is not None and not isinstance(parser, Deferred):
            self.apply_crawl_delay(host_of(request), parser)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        """A robots.txt that cannot be fetched (timeout, refused, reset) makes the host off limits for the run."""
        if not self.rfc9309 or isinstance(exc, IgnoreRequest):
            super()._robots_error(exc, netloc)
            return
        self._stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        self.mark_unreachable(netloc, netloc.split(":")[0], f"robots.txt fetch failed: {type(exc).__name__}")

    def mark_unreachable(self, netloc: str, host: str, reason: str) -> None:
        """Resolve the host's parser to DisallowAll and record the host as blocked for this run."""
        self._stats.set_value(f"{STAT}/robots_unreachable/{host}", 1)
        self._stats.set_value(f"{STAT}/blocked/{host}", 1)
        log.warning("%s: %s; skipping the host for this run (RFC 9309)", host, reason)
        waiting = self._parsers.get(netloc)
        self._parsers[netloc] = DisallowAll(reason)  # type: ignore[assignment]
        if isinstance(waiting, Deferred):
            waiting.callback(self._parsers[netloc])

    def apply_crawl_delay(self, host: str, parser: RobotParser) -> None:
        """Set the host's download slot delay to the robots.txt Crawl-delay (capped), without jitter."""
        delay = parser.crawl_delay(self.user_agent())
        if not delay or delay <= 0:
            return
        if delay > self.delay_cap:
            log.warning("%s: Crawl-delay %.0f s capped at %.0f s (TWINWATCH_CRAWL_DELAY_MAX)", host, delay,
                        self.delay_cap)  # fmt: skip
            delay = self.delay_cap
        downloader = self.crawler.engine.downloader
        slot_settings = downloader.per_slot_settings.setdefault(host, {})
        # Jitter 0: Scrapy's default ±50 % would put half the gaps below the delay the site asked for.
        slot_settings.update(delay=max(float(slot_settings.get("delay", 0.0)), delay), jitter=0.0)
        slot = downloader.slots.get(host)
        if slot is not None:  # the robots.txt fetch already created it
            slot.delay, slot.jitter = max(slot.delay, delay), 0.0
        self.delays[host] = delay
        self._stats.set_value(f"{STAT}/crawl_delay/{host}", delay)
        log.info("%s: robots.txt Crawl-delay %.1f s applied to its download slot", host, delay)

    def process_request_2(self, rp: RobotParser | None, request: Request) -> None:
        """Refuse requests to unreachable-robots hosts; keep AutoThrottle from lowering a Crawl-delay."""
        if isinstance(rp, DisallowAll):
            self._stats.inc_value(f"{STAT}/robots_refused")
            log.info("%s: not fetched, %s", request.url, rp.reason)
            raise IgnoreRequest(f"host skipped for this run: {rp.reason}")
        if host_of(request) in self.delays:
            request.meta["autothrottle_dont_adjust_delay"] = True
        super().process_request_2(rp, request)


class BotWallMiddleware:
    """A 403 marks the host `blocked`: no retry, no new identity, and no further requests to it this run.

    Until a host's first page answer is known, its other requests wait here (not in the download slot, where
    nothing could recall them), so a wall met on the first page costs exactly one request.
    """

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("TWINWATCH_BOTWALL_ENABLED", True):
            raise NotConfigured
        self.stats = crawler.stats
        self.max_wait = crawler.settings.getfloat("DOWNLOAD_TIMEOUT", 180.0) * 2 + 5
        self.blocked: dict[str, str] = {}  # host -> the URL that answered 403
        self.probing: dict[str, list[Deferred[None]]] = {}  # host -> requests waiting for the first verdict
        self.cleared: set[str] = set()  # hosts whose first page answer was not a wall

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build from the crawler's settings; judge hosts as responses leave the download handler."""
        middleware = cls(crawler)
        crawler.signals.connect(middleware.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(middleware.request_dropped, signal=signals.request_dropped)
        return middleware

    async def process_request(self, request: Request) -> None:
        """Drop requests to a walled host; let one request probe a new host while the others wait."""
        host = host_of(request)
        if is_robots_request(request):
            return
        if host not in self.cleared and host not in self.blocked:
            if host not in self.probing or request.meta.get(PROBE):
                self.probing.setdefault(host, [])
                request.meta[PROBE] = True  # copied to its retries and redirects, which keep probing
                return
            waiter: Deferred[None] = Deferred()
            self.probing[host].append(waiter)
            timer = call_later(self.max_wait, self.settle, host)  # never wait forever on a lost probe
            await maybe_deferred_to_future(waiter)
            timer.cancel()
        if host in self.blocked:
            self.stats.inc_value(f"{STAT}/blocked_dropped")
            log.info("%s: not fetched, %s answered 403 to %s earlier in this run", request.url, host,
                     self.blocked[host])  # fmt: skip
            raise IgnoreRequest(f"{host} is blocking us (403)")

    def settle(self, host: str) -> None:
        """End the probe of `host`: release every waiting request (they then see `blocked` or pass)."""
        if host not in self.blocked:
            self.cleared.add(host)
        for waiter in self.probing.pop(host, []):
            if not waiter.called:
                waiter.callback(None)

    def response_downloaded(self, response: Response, request: Request, **kwargs: Any) -> None:
        """A 403 page answer walls the host off; any other page answer clears it."""
        host = host_of(request)
        if is_robots_request(request):
            return
        if response.status == 403 and host not in self.blocked:
            self.blocked[host] = request.url
            self.stats.set_value(f"{STAT}/blocked/{host}", 1)
            log.warning("%s: answered 403 to %s; host marked blocked, no further requests this run", host,
                        request.url)  # fmt: skip
        if (
            host in self.probing
            and response.status not in REDIRECT_CODES
            and response.status not in (429, 503)
        ):
            self.settle(host)

    def process_response(self, request: Request, response: Response) -> Response:
        """A probe's final answer (after retries and redirects) ends the probe."""
        self.end_probe(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        """A probe that failed (timeout, refused, robots.txt or offsite refusal) still ends the probe: fail open."""
        self.end_probe(request)

    def request_dropped(self, request: Request, **kwargs: Any) -> None:
        """A probe's redirect dropped by the dupefilter ends the probe."""
        self.end_probe(request)

    def end_probe(self, request: Request) -> None:
        """Settle the host of a probing request, if it is still being probed."""
        host = host_of(request)
        if request.meta.get(PROBE) and host in self.probing:
            self.settle(host)
