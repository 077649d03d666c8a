"""Russkiy Mir Foundation: English and Russian news listings, Bitrix `PAGEN_1` pagination (sources.md §1)."""

from __future__ import annotations

from collections.abc import Iterator

import scrapy
from scrapy.http import Response, TextResponse

from crawler.patterns import DMY_DATE, RUBRIC, SUBJECT
from crawler.spiders.base import NewsSpider, listing_items


class RusskiymirSpider(NewsSpider):
    """Walk /en/news/ and /news/ page by page; yield each anchored `/(en/)?news/{id}/` article."""

    name = "russkiymir"
    # Mirror hosts (www., mail., the IDN) are folded by canonical_url before any request is made.
    allowed_domains = ("russkiymir.ru",)
    start_urls = ("https://russkiymir.ru/en/news/", "https://russkiymir.ru/news/")
    LISTING_DATE = DMY_DATE  # "30.09.2020 Subject: Politics" under each listed item [E]

    def parse(self, response: Response) -> Iterator[scrapy.Request]:
        """Parse a news listing page: its article requests, then the pager's next page."""
        if not isinstance(response, TextResponse):
            self.bump("skipped/non_html")
            return
        items = [(url, self.listing_meta(meta)) for url, meta in listing_items(response, self.name, self.LISTING_DATE)]
        yield from self.article_requests(items)
        following = self.next_page(response, self.parse) if self.keep_paging(response, [u for u, _ in items]) else None
        if following is not None:
            yield following

    @staticmethod
    def listing_meta(meta: dict[str, str]) -> dict[str, str]:
        """Return the listing metadata kept on the Page: title, date, subject and rubric."""
        subject, rubric = SUBJECT.search(meta["block"]), RUBRIC.search(meta["block"])
        return {"title": meta["title"], "date": meta["date"],
                "subject": subject[1] if subject else "", "rubric": rubric[1] if rubric else ""}  # fmt: skip
