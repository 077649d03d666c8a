"""TASS RSS feeds and news sitemaps, shared by tass.com and tass.ru (sources.md §3, §6.4). UTF-8 [E]."""

from __future__ import annotations

import json
from email.utils import format_datetime
from xml.sax.saxutils import escape

from replica.fixtures import MOSCOW, Article
from replica.site_common import plain
from replica.web import Response, xml

RSS_TYPE = "application/rss+xml; charset=utf-8"  # [G] exact header not seen
SITEMAP_FILES = 3  # sitemap_news0..2; the next number answers 404 [E pattern]
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def body_paragraphs(art: Article) -> list[str]:
    """The paragraphs as shown: the dateline opens the first one when the fixture gives it apart [E]."""
    paras = list(art.paragraphs)
    dateline = art.page.get("dateline", "")
    if dateline and not plain(paras[0]).startswith(dateline):
        paras[0] = f"{dateline} {paras[0]}"
    return paras


def lead(art: Article) -> str:
    """The lead line (page.lead, else listing.teaser, else the first paragraph)."""
    return art.page.get("lead") or art.listing.get("teaser") or plain(art.paragraphs[0])


def iso(art: Article) -> str:
    """Publication time as ISO with offset; the fixture's own offset is kept (Z or +03:00) [E]."""
    raw = str(art.raw["published"])
    return raw if len(raw) > 10 else art.published.isoformat()


def msk_iso(art: Article) -> str:
    """Publication time in Moscow time, as sitemaps give lastmod (`2020-10-13T19:05:00+03:00`) [E]."""
    return art.published.astimezone(MOSCOW).isoformat()


def rss(host: str, channel_title: str, articles: list[Article], utm_positions: frozenset[int]) -> Response:
    """RSS 2.0 of every fixture of a host, newest first; some links carry ?utm_source=rss [G]."""
    items = []
    for pos, art in enumerate(articles):
        link = art.url + ("?utm_source=rss" if pos in utm_positions else "")
        category = art.listing.get("subject") or art.path.strip("/").split("/")[0]
        items.append(
            f"<item><title>{escape(art.title)}</title><link>{escape(link)}</link>"
            f'<guid isPermaLink="true">{escape(art.url)}</guid><description>{escape(lead(art))}'
            f"</description><pubDate>{format_datetime(art.published.astimezone(MOSCOW))}</pubDate>"
            f"<category>{escape(category)}</category></item>\n"
        )
    return xml(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n<title>{channel_title}'
        f"</title>\n<link>https://{host}</link>\n<description>{channel_title}</description>\n"
        f"<language>{'en' if host == 'tass.com' else 'ru'}</language>\n{''.join(items)}</channel>\n</rss>\n",
        RSS_TYPE,
    )


def yandex_rss(articles: list[Article]) -> Response:
    """tass.ru/rss/yandex.xml: yandex/media/turbo namespaces and <yandex:full-text> with HTML [E]."""
    items = []
    for art in articles:
        full = "".join(f"<p>{plain(p)}</p>" for p in body_paragraphs(art))
        items.append(
            f"<item><title>{escape(art.title)}</title><link>{escape(art.url)}</link>"
            f"<pdalink>{escape(art.url)}</pdalink><description>{escape(lead(art))}</description>"
            f"<pubDate>{format_datetime(art.published.astimezone(MOSCOW))}</pubDate>"
            f'<media:content url="https://cdn-media.tass.ru/width/1020_b9261fa1/{art.numeric_id}.jpg" '
            f'type="image/jpeg"/><yandex:genre>message</yandex:genre>'
            f"<yandex:full-text>{escape(full)}</yandex:full-text></item>\n"
        )
    return xml(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:yandex="http://news.yandex.ru" '
        'xmlns:media="http://search.yahoo.com/mrss/" xmlns:turbo="http://turbo.yandex.ru">\n<channel>\n'
        "<title>ТАСС</title>\n<link>https://tass.ru</link>\n<description>ТАСС</description>\n"
        f"{''.join(items)}</channel>\n</rss>\n",
        RSS_TYPE,
    )


def sitemap_index(host: str) -> Response:
    """/sitemap.xml: an index of the news sitemaps, 0 newest [E]."""
    maps = "".join(
        f"<sitemap><loc>https://{host}/sitemap/sitemap_news{n}.xml</loc></sitemap>"
        for n in range(SITEMAP_FILES)
    )
    return xml(f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex {NS}>{maps}</sitemapindex>\n')


def sitemap_news(
    host: str, number: int, articles: list[Article], extra_locs: tuple[str, ...]
) -> Response | None:
    """/sitemap/sitemap_news{N}.xml: the N-th third of the fixtures (newest first); None past the last file."""
    if not 0 <= number < SITEMAP_FILES:
        return None
    size = max(1, -(-len(articles) // SITEMAP_FILES))
    part = articles[number * size : (number + 1) * size]
    urls = [f"<url><loc>{escape(a.url)}</loc><lastmod>{msk_iso(a)}</lastmod></url>" for a in part]
    if number == SITEMAP_FILES - 1:
        urls += [f"<url><loc>{escape(loc)}</loc></url>" for loc in extra_locs]  # non-articles in sitemaps [G]
    return xml(f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {NS}>{"".join(urls)}</urlset>\n')


def json_ld(art: Article, modified: str) -> str:
    """JSON-LD NewsArticle block (headline, datePublished with zone, dateModified) [E]."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": art.title,
        "datePublished": iso(art),
        "dateModified": modified,
        "mainEntityOfPage": art.url,
        "publisher": {"@type": "Organization", "name": "TASS"},
    }
    return (
        '<script type="application/ld+json">'
        + json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        + "</script>"
    )
