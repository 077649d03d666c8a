"""What every source spider shares: article requests, the Page item, paging stops, error accounting."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.items import Page
from crawler.patterns import PAGEN
from crawler.urls import article_kind, canonical_url

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

HTML_TYPES = ("text/html", "application/xhtml+xml")  # the only answers treated as article pages (T06)
STAT = "twinwatch"  # prefix of our own stats keys, read back by crawler.extensions.RunLedger


def content_type(response: Response) -> str:
    """Return the response's media type, lower case, without parameters ('' when absent)."""
    raw = response.headers.get(b"Content-Type") or b""
    return raw.decode("latin-1").split(";", 1)[0].strip().lower()


def page_number(url: str) -> int:
    """Return the Bitrix `PAGEN_1` page of a listing URL (1 when absent)."""
    found = PAGEN.search(urlsplit(url).query)
    return int(found[1]) if found else 1


def listing_key(url: str) -> str:
    """Return a listing URL without its pager parameter: pages of one listing share this key."""
    parts = urlsplit(canonical_url(url))
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith("pagen_1="))
    return f"{parts.netloc}{parts.path}?{query}"


class NewsSpider(scrapy.Spider):
    """Base of the source spiders: navigation helpers only; no extraction, no storage."""

    name: ClassVar[str] = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.configure()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        """Build the spider with its incremental switches read from the settings."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.configure(
            incremental=crawler.settings.getbool("TWINWATCH_INCREMENTAL"),
            full=crawler.settings.getbool("TWINWATCH_FULL"),
            recheck=crawler.settings.getbool("TWINWATCH_RECHECK"),
        )
        return spider

    def configure(self, *, incremental: bool = False, full: bool = False, recheck: bool = False,
                  known: Iterable[str] = ()) -> None:  # fmt: skip
        """Set the incremental switches and the known URLs (RunLedger loads these from the DB at open)."""
        self.incremental, self.full, self.recheck = incremental, full, recheck
        self.known_urls: frozenset[str] = frozenset(known)
        self.listed: set[str] = set()  # article URLs listed this run (known ones included)
        self.listed_known: set[str] = set()  # known article URLs listed and not fetched again
        self.dead: dict[str, int] = {}  # article URLs that answered 404/410 this run -> status
        self.last_pages: dict[str, tuple[str, ...]] = {}  # listing key → article URLs of its last page

    def bump(self, key: str, count: int = 1) -> None:
        """Add to one of our stats counters (no-op outside a crawl, e.g. in callback tests)."""
        if getattr(self, "crawler", None) is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"{STAT}/{key}", count)

    def skip_known(self, url: str) -> bool:
        """Return True when a known article should not be fetched again this run."""
        return self.incremental and not self.recheck and url in self.known_urls

    def article_request(self, url: str, listing: dict[str, str]) -> scrapy.Request | None:
        """Return the request for an article URL of this source, or None (not an article, or known)."""
        canonical = canonical_url(url)
        if article_kind(canonical) != self.name:
            return None
        self.listed.add(canonical)
        if self.skip_known(canonical):
            self.listed_known.add(canonical)
            return None
        return scrapy.Request(canonical, callback=self.parse_article, errback=self.on_error,
                              cb_kwargs={"listing": {k: v for k, v in listing.items() if v}})  # fmt: skip

    def article_requests(self, items: Iterable[tuple[str, dict[str, str]]]) -> Iterator[scrapy.Request]:
        """Yield the requests for listed (url, metadata) pairs, skipping non-articles and known ones."""
        for url, listing in items:
            request = self.article_request(url, listing)
            if request is not None:
                yield request

    def keep_paging(self, response: Response, article_urls: list[str]) -> bool:
        """Return False when paging must stop: empty page, a repeated page, or (incremental) all known."""
        urls = tuple(sorted({canonical_url(u) for u in article_urls if article_kind(u) == self.name}))
        key = listing_key(response.url)
        if not urls:
            return False
        if self.last_pages.get(key) == urls:
            self.bump("listing_repeated")  # Bitrix answers past-the-end with the last page again [G]
            return False
        self.last_pages[key] = urls
        if self.incremental and not self.full and all(u in self.known_urls for u in urls):
            self.bump("listing_all_known")
            return False
        return True

    def next_page(self, response: Response, callback: Any) -> scrapy.Request | None:
        """Return the request for the pager's link to page N+1 of this listing, if the page has one."""
        if not isinstance(response, TextResponse):
            return None
        wanted, key = page_number(response.url) + 1, listing_key(response.url)
        if urlsplit(canonical_url(response.url)).path not in self.listing_paths():
            return None  # a trap page that renders a listing (sources.md §1.2): its pager leads nowhere real
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            if page_number(url) == wanted and listing_key(url) == key:
                return scrapy.Request(canonical_url(url), callback=callback, errback=self.on_error)
        return None

    def listing_paths(self) -> set[str]:
        """Return the paths of the listings this spider pages through (those of its start URLs)."""
        return {urlsplit(url).path for url in getattr(self, "start_urls", ())}

    def parse_article(self, response: Response, listing: dict[str, str]) -> Iterator[Page]:
        """Yield the fetched article page as a `Page` (non-HTML answers and non-articles are counted, skipped)."""
        kind = content_type(response)
        if kind not in HTML_TYPES or not isinstance(response, TextResponse):
            self.bump("skipped/non_html")
            self.logger.warning("%s: skipped, Content-Type %r is not HTML", response.url, kind or "missing")
            return
        url = canonical_url(response.url)
        if article_kind(url) != self.name:  # a redirect can land on a home or section page
            self.bump("skipped/not_article")
            self.logger.warning("%s: skipped, the article URL led to a non-article page %s", response.request
                                and response.request.url, response.url)  # fmt: skip
            return
        yield Page(url=url, source=self.name, raw=response.body, encoding=response.encoding,
                   status=response.status, fetched_url=response.url, listing=listing,
                   content_type=response.headers.get(b"Content-Type", b"").decode("latin-1") or None)  # fmt: skip

    def on_error(self, failure: Failure) -> None:
        """Count and log a failed request: 403 marks the host blocked, 404 a dead link, the rest errors."""
        request = failure.request  # type: ignore[attr-defined]
        host = urlsplit(request.url).hostname or ""
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            self.bump("ignored")  # robots.txt or offsite: counted by Scrapy too; not an error
            self.logger.info("%s: not fetched (%s)", request.url, failure.getErrorMessage())
            return
        if failure.check(HttpError):
            status = failure.value.response.status
            if status == 403:
                # A bot wall: recorded, never retried, and we never change identity to get through.
                self.bump(f"blocked/{host}")
                self.logger.warning("%s: blocked by %s (HTTP 403); host marked blocked for this run", request.url, host)
                return
            if status in (404, 410):
                self.bump("dead_links")
                self.dead[request.url] = status  # remembered: later runs skip it unless --recheck
                self.logger.info("%s: HTTP %s, dead link skipped", request.url, status)
                return
            self.bump("errors")
            self.logger.error("%s: HTTP %s after retries", request.url, status)
            return
        self.bump("errors")
        self.logger.error("%s: request failed: %s", request.url, failure.getErrorMessage())


def block_text(node: Any) -> str:
    """Return the visible text of a selector node, whitespace-collapsed per line."""
    lines = (" ".join(part.split()) for part in "\n".join(node.xpath(".//text()").getall()).splitlines())
    return "\n".join(line for line in lines if line)


def listing_items(response: TextResponse, source: str, date_rule: Any) -> list[tuple[str, dict[str, str]]]:
    """Return (article URL, {title, date, block}) for each article linked from an HTML listing page.

    The item block is the innermost ancestor of the link that shows a date and links no other article,
    found by text anchors rather than class names (the real markup is unknown, sources.md §1.8).
    """
    found: dict[str, dict[str, str]] = {}
    for link in response.xpath("//a[@href]"):
        url = canonical_url(response.urljoin(link.attrib["href"]))
        if article_kind(url) != source:
            continue
        entry = found.setdefault(url, {"title": "", "date": "", "block": ""})
        title = " ".join(" ".join(link.xpath(".//text()").getall()).split())
        if len(title) > len(entry["title"]):
            entry["title"] = title
        if entry["date"]:
            continue
        for ancestor in reversed(link.xpath("ancestor::*")[-5:]):
            linked = {canonical_url(response.urljoin(h)) for h in ancestor.xpath(".//a/@href").getall()}
            if len({u for u in linked if article_kind(u) == source}) > 1:
                break  # reached the list container: the date belongs to another item
            text = block_text(ancestor)
            if date := date_rule.search(text):
                entry["date"], entry["block"] = date[0], text
                break
    return list(found.items())
