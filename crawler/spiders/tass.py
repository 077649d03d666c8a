"""TASS: the RSS feeds and news sitemaps of tass.com (English) and tass.ru (Russian) (sources.md §3).

Section pages are JavaScript shells (§3.1), so the spider never reads them: RSS gives the newest items,
the news sitemaps (`sitemap_news0.xml` newest, walked upwards until a 404) give the rest.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.patterns import SITEMAP_NEWS
from crawler.spiders.base import NewsSpider

HOSTS = ("tass.com", "tass.ru")


def iso_datetime(value: str) -> str:
    """Return an RSS (RFC 822) or sitemap (ISO 8601) date as ISO 8601, or '' if it is neither."""
    value = value.strip()
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


def sitemap_number(url: str) -> int | None:
    """Return N of a `sitemap_news{N}.xml` URL, or None for any other URL."""
    found = SITEMAP_NEWS.search(urlsplit(url).path)
    return int(found[1]) if found else None


class TassSpider(NewsSpider):
    """Read /rss/v2.xml and the news sitemaps of both hosts; yield each anchored article URL."""

    name = "tass"
    allowed_domains = HOSTS
    FEED_PATH = "/rss/v2.xml"
    SITEMAP_INDEX_PATH = "/sitemap.xml"
    FIRST_NEWS_SITEMAP = "/sitemap/sitemap_news0.xml"  # used when the index lists no news sitemap

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """Request both feeds and both sitemap indexes."""
        for host in HOSTS:
            yield scrapy.Request(f"https://{host}{self.FEED_PATH}", callback=self.parse_feed, errback=self.on_error)
            yield scrapy.Request(f"https://{host}{self.SITEMAP_INDEX_PATH}", callback=self.parse_index,
                                 errback=self.on_error)  # fmt: skip

    def xml_nodes(self, response: Response, path: str) -> list[scrapy.Selector]:
        """Return the nodes at `path` of an XML answer, namespaces dropped; [] (counted) if it is not XML."""
        if not isinstance(response, TextResponse):
            self.bump("skipped/non_xml")
            self.logger.warning("%s: skipped, expected an XML feed or sitemap", response.url)
            return []
        selector = scrapy.Selector(text=response.text, type="xml")
        selector.remove_namespaces()  # the yandex feed and news sitemaps carry several namespaces (§3.2)
        return selector.xpath(path)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        """Parse an RSS 2.0 feed: one article request per item link."""
        items = []
        for node in self.xml_nodes(response, "//item"):
            listing = {"title": node.xpath("string(title)").get("").strip(),
                       "date": iso_datetime(node.xpath("string(pubDate)").get("")), "feed": "rss"}  # fmt: skip
            items.append((node.xpath("string(link)").get("").strip(), listing))
        yield from self.article_requests(items)

    def parse_index(self, response: Response) -> Iterator[scrapy.Request]:
        """Parse a sitemap index: start the news-sitemap walk at its newest (lowest N) news sitemap."""
        locs = [loc.strip() for loc in (n.xpath("string(loc)").get("") for n in self.xml_nodes(response, "//sitemap"))]
        news = sorted((n, loc) for loc in locs if (n := sitemap_number(loc)) is not None)
        first = response.urljoin(news[0][1] if news else self.FIRST_NEWS_SITEMAP)
        yield self.sitemap_request(first)

    def sitemap_request(self, url: str) -> scrapy.Request:
        """Return the request for one news sitemap; a 404 ends the walk."""
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_sitemap_error)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        """Parse a news sitemap: article requests, then sitemap N+1 unless every URL here is known."""
        items = []
        for node in self.xml_nodes(response, "//url"):
            listing = {"title": node.xpath("string(news/title)").get("").strip(),
                       "date": iso_datetime(node.xpath("string(lastmod)").get("")), "feed": "sitemap"}  # fmt: skip
            items.append((node.xpath("string(loc)").get("").strip(), listing))
        yield from self.article_requests(items)
        number = sitemap_number(response.url)
        if number is not None and self.keep_paging(response, [url for url, _ in items]):
            yield self.sitemap_request(response.url.replace(f"sitemap_news{number}.xml", f"sitemap_news{number + 1}.xml"))

    def on_sitemap_error(self, failure: Failure) -> None:
        """End the sitemap walk quietly at the first 404 (that is how the series ends, §3.2); else count it."""
        if failure.check(HttpError) and failure.value.response.status == 404:
            self.logger.info("%s: 404, end of the news sitemaps", failure.request.url)  # type: ignore[attr-defined]
            return
        self.on_error(failure)
