"""Russian Embassy in the USA: English and Russian press-centre news listings (sources.md §2)."""

from __future__ import annotations

from collections.abc import Iterator

import scrapy
from scrapy.http import Response, TextResponse

from crawler.patterns import DAY_MONTH
from crawler.spiders.base import NewsSpider, listing_items


class EmbassySpider(NewsSpider):
    """Walk both press-centre listings page by page; yield each `/(en|ru)/press-centre/news/{slug}/` article."""

    name = "embassy"
    # The old domain only redirects to washington.mid.ru; it must be allowed for those 301s (§2.1, T05).
    allowed_domains = ("washington.mid.ru", "russianembassy.org")
    start_urls = (
        "https://washington.mid.ru/en/press-centre/news/",
        "https://washington.mid.ru/ru/press-centre/news/",
    )
    LISTING_DATE = DAY_MONTH  # "09 august": day and month only; the year comes from the article [E]

    def parse(self, response: Response) -> Iterator[scrapy.Request]:
        """Parse a press-centre listing page: its article requests, then the pager's next page."""
        if not isinstance(response, TextResponse):
            self.bump("skipped/non_html")
            return
        items = [(url, {"title": meta["title"], "date": meta["date"]})
                 for url, meta in listing_items(response, self.name, self.LISTING_DATE)]  # fmt: skip
        yield from self.article_requests(items)
        following = self.next_page(response, self.parse) if self.keep_paging(response, [u for u, _ in items]) else None
        if following is not None:
            yield following
