"""Bounded work filters for the crawl (reliability.md finding 3, T05/T06): content-type allow-list, redirect watch.

Split from crawler/politeness.py (which re-exports both middlewares, so settings name them there).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Request, Response, XmlResponse
from scrapy.utils.httpobj import urlparse_cached
from w3lib.url import safe_url_string

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

log = logging.getLogger("twinwatch.politeness")
STAT = "twinwatch"  # same prefix as crawler.spiders.base.STAT
REDIRECT_CODES = {301, 302, 303, 307, 308}
PAGE_TYPES = ("text/html", "application/xhtml+xml")
XML_TYPES = ("text/xml", "application/xml", "application/rss+xml", "application/atom+xml")  # feeds, sitemaps


def is_robots_request(request: Request) -> bool:
    """Return True for the robots.txt fetch itself (it must pass every filter of ours)."""
    return urlparse_cached(request).path == "/robots.txt" or bool(request.meta.get("dont_obey_robotstxt"))


def media_type(response: Response) -> str:
    """Return the response's media type, lower case, without parameters ('' when absent)."""
    raw = response.headers.get(b"Content-Type") or b""
    return raw.decode("latin-1").split(";", 1)[0].strip().lower()


def looks_binary(body: bytes) -> bool:
    """Return True for bytes no HTML page starts with: gzip magic, or NUL bytes early on."""
    head = body[:1024]
    return head.startswith(b"\x1f\x8b") or b"\x00" in head


def skip_reason(response: Response) -> str | None:
    """Return why a 2xx answer is no page or feed (empty, non-HTML/XML type, binary bytes), or None to keep it."""
    kind = media_type(response)
    if response.status == 204 or not response.body.strip():
        return "empty body"
    if kind and not (kind in PAGE_TYPES or kind in XML_TYPES or kind.endswith("+xml")):
        return f"Content-Type {kind}"
    if not kind and not isinstance(response, (HtmlResponse, XmlResponse)):
        return "no Content-Type and the body does not look like HTML"
    if looks_binary(response.body):
        return f"binary body labelled {kind or 'nothing'}"
    return None


class ContentTypeFilterMiddleware:
    """Count and drop 2xx answers that are not HTML/XML, so article callbacks never see them (T06)."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("TWINWATCH_CONTENT_TYPES_ENABLED", True):
            raise NotConfigured
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build from the crawler's settings."""
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        """Pass pages, feeds and non-2xx answers on; drop the rest with a counted, logged reason."""
        if not 200 <= response.status < 300 or is_robots_request(request):
            return response
        reason = skip_reason(response)
        if reason is None:
            return response
        self.stats.inc_value(f"{STAT}/skipped/non_html")
        log.info("%s: skipped, %s", response.url, reason)
        raise IgnoreRequest(f"not an HTML/XML page: {reason}")


class RedirectWatchMiddleware:
    """Log at WARNING the redirects stock Scrapy ends silently: loops, too-long chains, non-HTTP, off-site."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("TWINWATCH_REDIRECT_WATCH_ENABLED", True):
            raise NotConfigured
        self.crawler = crawler
        self.stats = crawler.stats
        self.max_times = crawler.settings.getint("REDIRECT_MAX_TIMES")
        crawler.signals.connect(self.request_dropped, signal=signals.request_dropped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build from the crawler's settings and listen for requests the dupefilter drops."""
        return cls(crawler)

    def warn(self, kind: str, message: str, *args: Any) -> None:
        """Count a redirect problem under `twinwatch/redirect/<kind>` and log it at WARNING."""
        self.stats.inc_value(f"{STAT}/redirect/{kind}")
        log.warning(message, *args)

    def process_response(self, request: Request, response: Response) -> Response:
        """Inspect a 3xx before RedirectMiddleware acts on it; never change what it does."""
        location = response.headers.get(b"Location")
        if response.status not in REDIRECT_CODES or not location or request.meta.get("dont_redirect"):
            return response
        target = urljoin(request.url, safe_url_string(location))
        chain = [*request.meta.get("redirect_urls", []), request.url]
        scheme = urlsplit(target).scheme
        if scheme not in ("http", "https"):
            self.warn("non_http", "%s: redirect to a non-HTTP URL %s not followed", request.url, target[:200])
        elif target in chain:
            self.warn("loop", "redirect loop ended: %s -> %s", " -> ".join(chain), target)
        elif request.meta.get("redirect_times", 0) >= self.max_times:
            self.warn("max_reached", "%s: redirect chain reached REDIRECT_MAX_TIMES (%d) from %s; dropped",
                      request.url, self.max_times, chain[0])  # fmt: skip
        elif not self.allowed_host(urlsplit(target).hostname or ""):
            self.warn(
                "offsite", "%s: redirect off the allowed domains to %s; not followed", request.url, target
            )
        return response

    def allowed_host(self, host: str) -> bool:
        """Return True if `host` is inside the spider's `allowed_domains` (or the spider sets none)."""
        domains = getattr(self.crawler.spider, "allowed_domains", None) or []
        return not domains or any(host == d or host.endswith("." + d) for d in domains)

    def request_dropped(self, request: Request, **kwargs: Any) -> None:
        """A redirect target the dupefilter dropped: stock Scrapy says so only at DEBUG."""
        if request.meta.get("redirect_urls") and request.url not in request.meta["redirect_urls"]:
            # (A target already in its own chain was reported as a loop when the 3xx arrived.)
            chain = " -> ".join([*request.meta["redirect_urls"], request.url])
            self.warn("duplicate", "redirect to an already-seen URL dropped: %s", chain)
