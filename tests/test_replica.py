"""The replica's "must show" list, every gold record served, every article reachable from a spider's start points."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import pairwise
from urllib.parse import urljoin, urlsplit

import pytest
from test_replica_support import Reply, fetch, hrefs, locs, split_url

from replica.fixtures import Article, load_store

STORE = load_store()
SEED_URLS = [
    "https://russkiymir.ru/en/news/279099/",
    "https://russkiymir.ru/en/news/263488/",
    "https://russkiymir.ru/en/news/273090/",
    (
        "https://washington.mid.ru/en/press-centre/news/speech_by_russian_ambassador_to_the_united_states_anatoly_"
        "antonov_at_the_sister_cities_international/"
    ),
    "https://tass.com/politics/1229235",
]
HOSTS = [
    "russkiymir.ru",
    "www.russkiymir.ru",
    "mail.russkiymir.ru",
    "xn--h1aaccmufcas.xn--p1ai",
    "washington.mid.ru",
    "tass.com",
    "tass.ru",
]


def get_url(base: str, url: str, **kw: object) -> Reply:
    """Fetch an absolute real-site URL from the replica."""
    host, target = split_url(url)
    return fetch(base, host, target, **kw)  # type: ignore[arg-type]


def test_seed_279099_is_windows_1251(replica_url: str) -> None:
    reply = fetch(replica_url, "russkiymir.ru", "/en/news/279099/")
    assert reply.status == 200
    assert reply.headers["content-type"] == "text/html; charset=windows-1251"
    assert b'content="text/html; charset=windows-1251"' in reply.body
    page = reply.body.decode("cp1251")
    assert "Russian ambassador to US praised twinning movement between two countries" in page
    assert "Главная" in page and "Select language:" in page and "News by subject" in page
    assert "“Such interaction would help" in page  # curly quotes survive as cp1251 bytes 0x93/0x94
    assert "\u201c".encode("cp1251") in reply.body


@pytest.mark.parametrize("url", SEED_URLS)
def test_every_seed_answers_200_at_its_real_url(replica_url: str, url: str) -> None:
    reply = get_url(replica_url, url)
    assert reply.status == 200
    art = STORE.get(*split_url(url))
    assert art is not None and art.title in reply.visible


def test_seed_chrome_matches_the_seed_text(replica_url: str) -> None:
    emb = get_url(replica_url, SEED_URLS[3]).visible
    header = (
        "Embassy of the Russian Federation in the USA Phone (consular questions): (202) 939-8907 | "
        "Emergency line : (202) 298\u20115700 /Schedule work today: 9:00–18:00"
    )
    assert header in emb
    after = emb[emb.index(header) :]
    assert (
        after.index("13 october / 2020")
        < after.index("Speech by Russian Ambassador")
        < after.index("Dear Friends,")
    )
    assert "concessions fr om Moscow" in emb
    tass = get_url(replica_url, SEED_URLS[4])
    assert '"datePublished": "2020-11-29T21:30:00Z"' in tass.text
    shown = tass.visible[tass.visible.index("All news") :]
    assert shown.index("Updated at:") < shown.index("Russian envoy") < shown.index("NEW YORK, November 30.")
    assert "<p>NEW YORK, November 30./TASS/. The development of contacts" in tass.text
    assert (
        'content="Russian envoy calls for developing contacts between Russian and US cities and regions - '
        'Politics &amp; Diplomacy - TASS"' in tass.text
    )
    text_content = tass.text.split('<div class="text-content">', 1)[1]
    assert 'class="adfox-banner"' in text_content and 'class="recommend"' in text_content
    assert re.search(r'<dateformat time="\d+">', tass.text)


def test_rm_pagination_past_end_and_russian_tree(replica_url: str) -> None:
    pages = {n: fetch(replica_url, "russkiymir.ru", f"/en/news/?PAGEN_1={n}") for n in (1, 2, 6, 7, 99)}
    first = fetch(replica_url, "russkiymir.ru", "/en/news/")
    assert all(r.status == 200 for r in pages.values())
    assert first.body == pages[1].body and first.body != pages[2].body
    assert pages[99].body == pages[7].body == pages[6].body  # past the end: the last page again [G]
    assert "PAGEN_1=2" in first.text and "modern-page-next" in first.text
    assert "modern-page-next" not in pages[6].text
    ru = fetch(replica_url, "russkiymir.ru", "/news/")
    assert ru.status == 200 and "Новости" in ru.text and ru.charset == "windows-1251"


def listing_ids(reply: Reply) -> list[str]:
    """Article links of a Russkiy Mir listing page, in order."""
    return [h for h in hrefs(reply.text) if re.fullmatch(r"/(en/)?news/\d+/", h)]


def test_rm_filter_spellings_give_one_listing(replica_url: str) -> None:
    variants = [
        "/en/news/?arrFilter_pf%5Brazdel%5D%5B%5D=1406&set_filter=Y",
        "/en/news/?arrFilter_pf%5Brazdel%5D%5B0%5D=1406&set_filter=Y",
        (
            "/en/news/?arrFilter_DATE_CREATE_1=&arrFilter_DATE_CREATE_2=&arrFilter_pf%5Brazdel%5D%5B%5D=1406"
            "&set_filter=Show&set_filter=Y"
        ),
        "/en/news/?arrFilter_pf%5Brazdel%5D%5B%5D=1406&set_filter=%CF%EE%EA%E0%E7%E0%F2%FC&set_filter=Y",
        "/en/news/?arrfilter_pf%5Brazdel%5D%5B%5D=1406&set_filter=y",
        "/en/news/?amp%3Bset_filter=Y&arrFilter_pf%5Brazdel%5D%5B%5D=1406",
    ]
    lists = [listing_ids(fetch(replica_url, "russkiymir.ru", v)) for v in variants]
    assert lists[0] and all(ids == lists[0] for ids in lists)
    assert "Rubric: Foundation news" in fetch(replica_url, "russkiymir.ru", variants[0]).visible
    diaspora = fetch(
        replica_url, "russkiymir.ru", "/en/news/?arrFilter_pf%5Bsubject%5D%5B%5D=1546&set_filter=Y"
    )
    assert "Subject: Diaspora" in diaspora.visible and listing_ids(diaspora) != lists[0]


@pytest.mark.parametrize(
    "target",
    [
        "/en/news/279099/www.britishmuseum.org/",
        "/en/news/279099/a/b/c/",
        "/en/publications/139517?PAGEN_1=231",
        "/en/publications/221281/null?PAGEN_1=2",
        "/en/publications/http:/ru.mapryal.org/?PAGEN_1=6",
    ],
)
def test_rm_crawl_traps_answer_listings(replica_url: str, target: str) -> None:
    reply = fetch(replica_url, "russkiymir.ru", target)
    assert reply.status == 200
    assert 'class="news-list"' in reply.text and "<h1>" in reply.text
    assert 'class="news-detail"' not in reply.text  # a listing, never an article


def test_rm_redirects_rss_html_image_and_mirrors(replica_url: str) -> None:
    moved = fetch(replica_url, "russkiymir.ru", "/en/news/279099")
    assert moved.status == 301 and moved.headers["location"] == "https://russkiymir.ru/en/news/279099/"
    old_feed = fetch(replica_url, "russkiymir.ru", "/russkiymir/ru/news/common/rss.html")
    assert old_feed.status == 200 and old_feed.headers["content-type"].startswith("text/html")
    assert fetch(replica_url, "russkiymir.ru", "/russkiymir/ru/news/ruregions/news5380.html").status == 404
    article = fetch(replica_url, "russkiymir.ru", "/en/news/279099/")
    image = next(h for h in hrefs(article.text.replace("src=", "href=")) if h.startswith("/upload/iblock/"))
    assert re.fullmatch(r"/upload/iblock/[0-9a-f]{3}/[0-9a-f]{32}\.jpg", image)
    jpeg = fetch(replica_url, "russkiymir.ru", image)
    assert (
        jpeg.status == 200 and jpeg.headers["content-type"] == "image/jpeg" and jpeg.body[:2] == b"\xff\xd8"
    )
    for mirror in HOSTS[1:4]:
        assert fetch(replica_url, mirror, "/en/news/279099/").body == article.body


def test_rm_entities_and_header_meta_conflict(replica_url: str) -> None:
    lacking = [a for a in STORE.select("russkiymir.ru") if not _cp1251_ok(a.title + "".join(a.paragraphs))]
    assert lacking, "no Russkiy Mir fixture has a character outside cp1251 (sources.md §6.2 asks for one)"
    reply = get_url(replica_url, lacking[0].url)
    assert re.search(rb"&#\d+;", reply.body)
    conflict = [a for a in STORE.select("russkiymir.ru") if a.page.get("meta_charset", "").lower() == "utf-8"]
    assert conflict, "no fixture with page.meta_charset = utf-8"
    reply = get_url(replica_url, conflict[0].url)
    assert reply.headers["content-type"] == "text/html; charset=windows-1251"
    assert b'content="text/html; charset=utf-8"' in reply.body
    assert conflict[0].title in reply.body.decode("cp1251")  # the header wins, as in browsers


def _cp1251_ok(value: str) -> bool:
    """Whether a string encodes to windows-1251 without loss."""
    try:
        value.encode("cp1251")
    except UnicodeEncodeError:
        return False
    return True


def test_embassy_listing_has_yearless_dates_and_a_year_boundary(replica_url: str) -> None:
    months: list[str] = []
    for n in range(1, 5):
        page = fetch(replica_url, "washington.mid.ru", f"/en/press-centre/news/?PAGEN_1={n}")
        assert page.status == 200
        months += re.findall(r'<span class="news-date">\d{2} ([a-z]+)</span>', page.text)
    assert len(months) == 40
    assert any(a == "january" and b == "december" for a, b in pairwise(months))
    past = fetch(replica_url, "washington.mid.ru", "/en/press-centre/news/?PAGEN_1=9")
    assert past.body == fetch(replica_url, "washington.mid.ru", "/en/press-centre/news/?PAGEN_1=4").body
    assert fetch(replica_url, "washington.mid.ru", "/ru/press-centre/news/?PAGEN_1=2").status == 200
    assert fetch(replica_url, "washington.mid.ru", "/sitemap.xml").status == 404
    assert fetch(replica_url, "washington.mid.ru", "/en/consular-services/").status == 200


@pytest.mark.parametrize(
    ("host", "target", "location"),
    [
        ("russianembassy.org", "/", "https://washington.mid.ru/en/"),
        ("www.russianembassy.org", "/page/visa-info", "https://washington.mid.ru/en/"),
        ("russianembassy.org", "/ru/page/%D0%B8%D0%BD%D1%84%D0%BE", "https://washington.mid.ru/ru/"),
        ("www.russianembassy.org", "/ru/", "https://washington.mid.ru/ru/"),
    ],
)
def test_old_embassy_domain_redirects(replica_url: str, host: str, target: str, location: str) -> None:
    reply = fetch(replica_url, host, target)
    assert reply.status == 301 and reply.headers["location"] == location


def test_tass_feeds_and_sitemaps(replica_url: str) -> None:
    rss = fetch(replica_url, "tass.com", "/rss/v2.xml")
    assert rss.status == 200 and "<rss" in rss.text
    links = locs(rss.text, "link")[1:]  # the first <link> is the channel's
    assert len(links) >= 20 and sum("utm_source=rss" in link for link in links) == 2
    index = fetch(replica_url, "tass.com", "/sitemap.xml")
    maps = locs(index.text, "loc")
    assert maps == [f"https://tass.com/sitemap/sitemap_news{n}.xml" for n in range(3)]
    all_locs = [loc for m in maps for loc in locs(get_url(replica_url, m).text, "loc")]
    assert "https://tass.com/today" in all_locs and len(all_locs) > 3
    assert fetch(replica_url, "tass.com", "/sitemap/sitemap_news3.xml").status == 404
    assert fetch(replica_url, "tass.ru", "/rss/v2.xml").status == 200
    yandex = fetch(replica_url, "tass.ru", "/rss/yandex.xml")
    assert 'xmlns:yandex="http://news.yandex.ru"' in yandex.text and "xmlns:turbo" in yandex.text
    assert fetch(replica_url, "tass.ru", "/sitemap/sitemap_news3.xml").status == 404


def test_tass_shell_api_and_redirects(replica_url: str) -> None:
    shell = fetch(replica_url, "tass.com", "/politics")
    assert 'data-ng-app="tassApp"' in shell.text and re.search(r"sectionId = 4954;", shell.text)
    assert len(re.findall(r'class="news-preview"', shell.text)) <= 3
    api = "/userApi/categoryNewsList"
    assert fetch(replica_url, "tass.com", api).status == 405
    first = fetch(replica_url, "tass.com", api, method="POST", body=b'{"sectionId": 4954, "limit": 20}').text
    items = json.loads(first)["newsList"]
    assert len(items) == 20 and any(i["link"].startswith("/world/") for i in items)
    last = items[-1]
    body = json.dumps(
        {
            "sectionId": 4954,
            "limit": 20,
            "timestamp": last["date"],
            "excludeNewsIds": ",".join(str(i["id"]) for i in items),
        }
    ).encode()
    nxt = json.loads(fetch(replica_url, "tass.com", api, method="POST", body=body).text)["newsList"]
    assert nxt and not {i["id"] for i in nxt} & {i["id"] for i in items}
    assert all(i["date"] <= last["date"] for i in nxt)
    wrong = fetch(replica_url, "tass.com", "/world/1229235")
    assert wrong.status == 301 and wrong.headers["location"] == "https://tass.com/politics/1229235"
    assert fetch(replica_url, "tass.com", "/today").status == 200


def test_every_host_has_a_robots_txt(replica_url: str) -> None:
    for host in HOSTS:
        robots = fetch(replica_url, host, "/robots.txt")
        assert robots.status == 200 and robots.headers["content-type"].startswith("text/plain"), host
    for host in ("russianembassy.org", "www.russianembassy.org"):
        moved = fetch(replica_url, host, "/robots.txt")
        assert moved.status == 301 and moved.headers["location"] == "https://washington.mid.ru/robots.txt"


def test_robots_per_host_with_a_linked_disallowed_path(replica_url: str) -> None:
    from urllib.robotparser import RobotFileParser

    pages = {
        "russkiymir.ru": "/en/news/279099/",
        "washington.mid.ru": urlsplit(SEED_URLS[3]).path,
        "tass.com": "/politics/1229235",
        "tass.ru": "/",
    }
    for host, page in pages.items():
        robots = fetch(replica_url, host, "/robots.txt")
        assert robots.status == 200 and "Disallow:" in robots.text, host
        parser = RobotFileParser()
        parser.parse(robots.text.splitlines())
        linked = [urljoin(f"https://{host}{page}", h) for h in hrefs(fetch(replica_url, host, page).text)]
        assert any(not parser.can_fetch("twinwatch", u) for u in linked if urlsplit(u).hostname == host), host


def test_unknown_articles_hosts_and_gzip(replica_url: str) -> None:
    assert fetch(replica_url, "russkiymir.ru", "/en/news/100001/").status == 404
    assert fetch(replica_url, "washington.mid.ru", "/en/press-centre/news/no_such_item/").status == 404
    assert fetch(replica_url, "tass.com", "/politics/1").status == 404
    assert fetch(replica_url, "tass.ru", "/politika/1000001").status == 404
    assert fetch(replica_url, "example.org", "/").status == 404
    plain_reply = fetch(replica_url, "tass.com", "/politics/1229235")
    zipped = fetch(replica_url, "tass.com", "/politics/1229235", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers.get("content-encoding") == "gzip" and zipped.body == plain_reply.body


# --- every gold record is served; every article is reachable from a spider's start points -------------------


@pytest.mark.parametrize("art", STORE.articles, ids=lambda a: f"{a.site}/{a.lang}/{a.key}")
def test_gold_record_page_is_served(replica_url: str, art: Article) -> None:
    gold = art.raw["gold"]
    reply = get_url(replica_url, gold["canonical_url"])
    assert reply.status == 200
    assert gold["title"] in reply.visible
    for line in gold["body"].split("\n"):
        assert " ".join(line.split()) in reply.visible, f"gold body line not on the page: {line[:60]!r}"
    assert not [s for s in gold["must_not_contain"] if s in gold["body"]]


def crawl_listing(base: str, host: str, start: str, article_re: str) -> Iterator[str]:
    """Follow a listing's pager until no new page appears; yield article paths."""
    seen, queue = set(), [start]
    while queue:
        target = queue.pop()
        if target in seen:
            continue
        seen.add(target)
        reply = fetch(base, host, target)
        for href in hrefs(reply.text):
            absolute = urljoin(f"https://{host}{target}", href)
            path = urlsplit(absolute).path
            if re.fullmatch(article_re, path):
                yield path
            elif "PAGEN_1=" in href and path == start and urlsplit(absolute).hostname == host:
                queue.append(f"{path}?{urlsplit(absolute).query}")


def test_every_article_is_reachable_from_spider_start_points(replica_url: str) -> None:
    found: set[tuple[str, str]] = set()
    for start in ("/en/news/", "/news/", "/en/publications/", "/publications/"):
        found |= {
            ("russkiymir.ru", p)
            for p in crawl_listing(replica_url, "russkiymir.ru", start, r"/(en/)?(news|publications)/\d+/")
        }
    for start in ("/en/press-centre/news/", "/ru/press-centre/news/"):
        found |= {
            ("washington.mid.ru", p)
            for p in crawl_listing(
                replica_url, "washington.mid.ru", start, r"/(en|ru)/press-centre/news/[^/]+/"
            )
        }
    for host in ("tass.com", "tass.ru"):
        urls = locs(fetch(replica_url, host, "/rss/v2.xml").text, "link")
        for sitemap in locs(fetch(replica_url, host, "/sitemap.xml").text, "loc"):
            urls += locs(get_url(replica_url, sitemap).text, "loc")
        found |= {(urlsplit(u).hostname or "", urlsplit(u).path) for u in urls}
    missing = [a.url for a in STORE.articles if (a.host, a.path) not in found]
    assert not missing, f"not reachable from listings/feeds/sitemaps: {missing}"
