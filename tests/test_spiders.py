"""Spider callbacks fed real replica answers (fetched over loopback) and small inline pages (issue 4).

Responses are built with the *real* URL, as the replica download handler delivers them in a crawl.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterable
from urllib.parse import urlsplit

import pytest
import scrapy
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.responsetypes import responsetypes
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawler.items import Page
from crawler.spiders.base import NewsSpider
from crawler.spiders.embassy import EmbassySpider
from crawler.spiders.russkiymir import RusskiymirSpider
from crawler.spiders.tass import TassSpider
from crawler.urls import EMBASSY_ARTICLE, RUSSKIYMIR_ARTICLE, TASS_COM_ARTICLE, TASS_RU_ARTICLE, canonical_url

SPIDERS = (RusskiymirSpider, EmbassySpider, TassSpider)


def fetch(replica_url: str, real_url: str) -> Response:
    """GET `real_url` from the replica (Host header = real host) and return it as Scrapy would."""
    parts = urlsplit(real_url)
    target = replica_url + parts.path + (f"?{parts.query}" if parts.query else "")
    request = urllib.request.Request(target, headers={"Host": parts.netloc, "User-Agent": "twinwatch-tests"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:  # loopback replica only
            status, headers, body = answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, dict(error.headers), error.read()
    cls = responsetypes.from_args(headers=headers, url=real_url, body=body)
    return cls(url=real_url, status=status, headers=headers, body=body, request=Request(real_url))


def make_spider(cls: type[NewsSpider], **settings: object) -> NewsSpider:
    """Return a spider bound to a real (unstarted) crawler, so stats counters work."""
    crawler = get_crawler(cls, dict(settings))
    return cls.from_crawler(crawler)


def requests_of(results: Iterable[object]) -> list[scrapy.Request]:
    """Return the requests among a callback's results."""
    return [r for r in results if isinstance(r, scrapy.Request)]


def article_and_pager(spider: NewsSpider, response: Response) -> tuple[list[scrapy.Request], list[scrapy.Request]]:
    """Split a listing callback's requests into article requests and pager requests."""
    requests = requests_of(spider.parse(response))
    articles = [r for r in requests if r.callback == spider.parse_article]
    return articles, [r for r in requests if r.callback == spider.parse]


def html(url: str, body: str, content_type: str = "text/html; charset=utf-8") -> HtmlResponse:
    """Return an inline HTML response at `url`."""
    return HtmlResponse(url=url, body=body.encode("utf-8"), headers={"Content-Type": content_type},
                        request=Request(url))  # fmt: skip


# --- Russkiy Mir -------------------------------------------------------------------------------------------


def test_russkiymir_first_page_yields_anchored_articles_with_listing_metadata_and_page_2(replica_url: str) -> None:
    spider = make_spider(RusskiymirSpider)
    articles, pager = article_and_pager(spider, fetch(replica_url, "https://russkiymir.ru/en/news/"))
    assert len(articles) >= 5
    assert all(RUSSKIYMIR_ARTICLE.match(r.url) for r in articles)
    listing = articles[0].cb_kwargs["listing"]
    assert listing["title"] and listing["date"] and listing["subject"]
    assert [r.url for r in pager] == ["https://russkiymir.ru/en/news/?PAGEN_1=2"]


def test_russkiymir_paging_ends_without_next_link_and_past_the_end_repeat_stops(replica_url: str) -> None:
    spider = make_spider(RusskiymirSpider)
    url, visited = "https://russkiymir.ru/en/news/", []
    while url and len(visited) < 50:
        visited.append(url)
        _, pager = article_and_pager(spider, fetch(replica_url, url))
        url = pager[0].url if pager else ""
    assert 2 <= len(visited) < 50, visited
    last = int(visited[-1].rsplit("=", 1)[1])
    # Bitrix answers a page past the end with the last page again: the spider must notice the repeat.
    _, pager = article_and_pager(spider, fetch(replica_url, f"https://russkiymir.ru/en/news/?PAGEN_1={last + 1}"))
    assert pager == []
    assert spider.crawler.stats.get_value("twinwatch/listing_repeated") == 1


def test_russkiymir_trap_listing_yields_only_anchored_article_urls(replica_url: str) -> None:
    spider = make_spider(RusskiymirSpider)
    trap = fetch(replica_url, "https://russkiymir.ru/en/news/230396/www.britishmuseum.org/")
    assert trap.status == 200  # the trap answers a listing, as on the real site (sources.md §1.2)
    for request in requests_of(spider.parse(trap)):
        assert RUSSKIYMIR_ARTICLE.match(request.url) or request.callback == spider.parse
        assert "britishmuseum" not in request.url


def test_article_page_yields_one_page_and_never_follows_its_links(replica_url: str) -> None:
    spider = make_spider(RusskiymirSpider)
    url = "https://russkiymir.ru/en/news/277411/"  # its body links "www.britishmuseum.org/" without a scheme
    response = fetch(replica_url, url)
    assert b"britishmuseum" in response.body
    results = list(spider.parse_article(response, {"date": "01.01.2020"}))
    assert len(results) == 1 and isinstance(results[0], Page)
    page = results[0]
    assert (page.url, page.source, page.listing) == (url, "russkiymir", {"date": "01.01.2020"})
    assert page.encoding == "cp1251" and page.raw == response.body  # the bytes as served, windows-1251


def test_incremental_skips_known_articles_and_stops_paging_unless_full_or_recheck(replica_url: str) -> None:
    response = fetch(replica_url, "https://russkiymir.ru/en/news/")
    fresh = make_spider(RusskiymirSpider)
    listed = {r.url for r in article_and_pager(fresh, response)[0]}

    def run(**switches: bool) -> tuple[list[scrapy.Request], list[scrapy.Request]]:
        spider = make_spider(RusskiymirSpider)
        spider.configure(incremental=True, known=listed, **switches)
        return article_and_pager(spider, response)

    assert run() == ([], [])
    articles, pager = run(full=True)
    assert articles == [] and len(pager) == 1
    articles, pager = run(recheck=True)
    assert {r.url for r in articles} == listed and pager == []


def test_mirror_host_listing_links_are_canonicalised(replica_url: str) -> None:
    spider = make_spider(RusskiymirSpider)
    articles, pager = article_and_pager(spider, fetch(replica_url, "http://www.russkiymir.ru/en/news/"))
    assert articles and all(r.url.startswith("https://russkiymir.ru/en/news/") for r in articles)
    assert [r.url for r in pager] == ["https://russkiymir.ru/en/news/?PAGEN_1=2"]


# --- Embassy -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_embassy_listing_keeps_yearless_dates_and_skips_non_articles(replica_url: str, lang: str) -> None:
    spider = make_spider(EmbassySpider)
    response = fetch(replica_url, f"https://washington.mid.ru/{lang}/press-centre/news/")
    articles, _ = article_and_pager(spider, response)
    assert articles and all(EMBASSY_ARTICLE.match(r.url) for r in articles)
    dates = [r.cb_kwargs["listing"].get("date", "") for r in articles]
    assert all(d and not any(ch.isdigit() for ch in d.split()[-1]) for d in dates), dates  # "09 august": no year
    consular = [u for u in response.css("a::attr(href)").getall() if "consular-services" in u]
    assert not any("consular-services" in r.url for r in articles), consular


def test_embassy_old_domain_is_allowed() -> None:
    assert "russianembassy.org" in EmbassySpider.allowed_domains


# --- TASS --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["tass.com", "tass.ru"])
def test_tass_feed_yields_canonical_article_requests(replica_url: str, host: str) -> None:
    spider = make_spider(TassSpider)
    response = fetch(replica_url, f"https://{host}/rss/v2.xml")
    requests = requests_of(spider.parse_feed(response))
    rule = TASS_COM_ARTICLE if host == "tass.com" else TASS_RU_ARTICLE
    assert requests and all(rule.match(r.url) for r in requests)
    assert all(r.cb_kwargs["listing"]["date"][:2] in ("19", "20") for r in requests)  # ISO, not RFC 822


def test_tass_sitemap_walk_goes_to_n_plus_1_and_ends_quietly_at_404(replica_url: str) -> None:
    spider = make_spider(TassSpider)
    index = requests_of(spider.parse_index(fetch(replica_url, "https://tass.com/sitemap.xml")))
    assert [r.url for r in index] == ["https://tass.com/sitemap/sitemap_news0.xml"]
    first = requests_of(spider.parse_sitemap(fetch(replica_url, index[0].url)))
    assert first[-1].url == "https://tass.com/sitemap/sitemap_news1.xml"
    assert all(TASS_COM_ARTICLE.match(r.url) for r in first[:-1])
    missing = fetch(replica_url, "https://tass.com/sitemap/sitemap_news999.xml")
    assert missing.status == 404
    spider.on_sitemap_error(http_failure(missing))
    assert spider.crawler.stats.get_value("twinwatch/errors") is None


def test_tass_feed_strips_tracking_and_skips_non_articles() -> None:
    feed = (b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            b"<item><title>A</title><link>https://tass.com/world/1108912?utm_source=rss</link>"
            b"<pubDate>Tue, 13 Oct 2020 19:05:00 +0300</pubDate></item>"
            b"<item><title>About</title><link>https://tass.com/today</link></item>"
            b"<item><title>B</title><link>https://tass.com/politics/1229235</link></item></channel></rss>")  # fmt: skip
    spider = make_spider(TassSpider)
    response = responsetypes.from_args(url="https://tass.com/rss/v2.xml", body=feed)(
        url="https://tass.com/rss/v2.xml", body=feed, request=Request("https://tass.com/rss/v2.xml"))
    requests = requests_of(spider.parse_feed(response))
    assert [r.url for r in requests] == ["https://tass.com/world/1108912", "https://tass.com/politics/1229235"]
    assert requests[0].cb_kwargs["listing"] == {"title": "A", "date": "2020-10-13T19:05:00+03:00", "feed": "rss"}


# --- shared behaviour (inline pages) -----------------------------------------------------------------------


def http_failure(response: Response) -> Failure:
    """Return the Failure Scrapy hands an errback for a filtered non-2xx response."""
    failure = Failure(HttpError(response, "Ignoring non-200 response"))
    failure.request = response.request  # type: ignore[attr-defined]
    return failure


def test_listing_dates_belong_to_their_own_item() -> None:
    page = html("https://russkiymir.ru/en/news/", """<div class="list">
        <div><a href="/en/news/100001/">First story</a><p>teaser</p><span>01.02.2020 Subject: Culture</span></div>
        <div><a href="/en/news/100002/">Second story</a><span>03.04.2021 Subject: Politics</span></div>
        <div><a href="/en/news/100003/">No date here</a></div>
        <a href="/en/news/?PAGEN_1=2">2</a></div>""")
    spider = make_spider(RusskiymirSpider)
    articles, pager = article_and_pager(spider, page)
    listings = {r.url.rsplit("/", 2)[1]: r.cb_kwargs["listing"] for r in articles}
    assert listings["100001"] == {"title": "First story", "date": "01.02.2020", "subject": "Culture"}
    assert listings["100002"]["date"] == "03.04.2021" and listings["100002"]["subject"] == "Politics"
    assert listings["100003"] == {"title": "No date here"}
    assert [r.url for r in pager] == ["https://russkiymir.ru/en/news/?PAGEN_1=2"]


def test_listing_without_articles_stops_paging() -> None:
    page = html("https://russkiymir.ru/en/news/?PAGEN_1=3", '<a href="/en/news/?PAGEN_1=4">next</a>')
    assert article_and_pager(make_spider(RusskiymirSpider), page) == ([], [])


@pytest.mark.parametrize("spider_cls", SPIDERS)
def test_non_html_answer_is_counted_and_skipped(spider_cls: type[NewsSpider]) -> None:
    url = {"russkiymir": "https://russkiymir.ru/news/1/", "embassy": "https://washington.mid.ru/en/press-centre/news/a/",
           "tass": "https://tass.com/world/1"}[spider_cls.name]  # fmt: skip
    spider = make_spider(spider_cls)
    pdf = Response(url=url, body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"}, request=Request(url))
    as_text = TextResponse(url=url, body=b"{}", headers={"Content-Type": "application/json"}, request=Request(url))
    assert list(spider.parse_article(pdf, {})) == [] and list(spider.parse_article(as_text, {})) == []
    assert spider.crawler.stats.get_value("twinwatch/skipped/non_html") == 2


def test_redirect_to_a_non_article_is_skipped() -> None:
    spider = make_spider(EmbassySpider)
    home = html("https://washington.mid.ru/en/", "<h1>Embassy</h1>")
    assert list(spider.parse_article(home, {})) == []
    assert spider.crawler.stats.get_value("twinwatch/skipped/not_article") == 1


def test_403_marks_the_host_blocked_and_404_is_a_dead_link() -> None:
    spider = make_spider(TassSpider)
    spider.on_error(http_failure(html("https://tass.ru/politika/7999199", "denied", "text/html")
                                 .replace(status=403)))  # fmt: skip
    spider.on_error(http_failure(html("https://tass.com/world/1", "gone").replace(status=404)))
    stats = spider.crawler.stats
    assert stats.get_value("twinwatch/blocked/tass.ru") == 1
    assert stats.get_value("twinwatch/dead_links") == 1
    assert stats.get_value("twinwatch/errors") is None


@pytest.mark.parametrize("spider_cls", SPIDERS)
def test_start_urls_are_real_and_allowed(spider_cls: type[NewsSpider]) -> None:
    urls = list(getattr(spider_cls, "start_urls", [])) or [
        f"https://{host}{path}" for host in ("tass.com", "tass.ru")
        for path in (TassSpider.FEED_PATH, TassSpider.SITEMAP_INDEX_PATH)
    ]
    for url in urls:
        assert canonical_url(url) == url
        assert urlsplit(url).hostname in spider_cls.allowed_domains
