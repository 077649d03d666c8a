"""What a full crawl of the replica stores, page by page (issue 5, reliability T07, T09, T11).

One module-scoped crawl (`crawl(..., full=True)` against a `--log` replica) is checked three ways:
T09 the request log against the gold map computed from the replica's own tables (no trap, alias, utm or
disallowed URL fetched; requests <= 1.2 x unique gold pages); T11 every stored body against its fixture's
gold (no chrome, character recall/precision floors from tests/data/body_floors.json, pair evidence only
from the gold body); T07 the Russkiy Mir windows-1251 pages plus six hand-made encoding pages run through
Scrapy's `HtmlResponse` -> `analyse_page` -> `save_article` -> Datasette JSON.
"""

from __future__ import annotations

import codecs
import difflib
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from protego import Protego
from reliability_support import FIXTURES, ds_get, invariants, query, read_requests, replica
from scrapy.http import HtmlResponse

from crawler.settings import USER_AGENT
from crawler.urls import article_kind, canonical_url
from extract.analyse import analyse_page
from replica import rm_pages, site_embassy, site_russkiymir, site_tass, site_tass_ru, tass_feeds
from replica.behaviours import Switches
from replica.fixtures import load_store
from replica.site_common import Context, last_page
from schedules.jobs import CrawlResult, crawl
from store.db import open_db, save_article, utc_now
from store.publish import make_datasette

FLOORS_PATH = Path(__file__).parent / "data" / "body_floors.json"
PLAN_FLOOR = 0.95  # reliability.md T11: recall and precision >= 0.95; the pinned floors may only be higher
MAX_REQUEST_RATIO = 1.2  # reliability.md T09
# Mojibake runs: UTF-8 read as Latin-1 (Ã©, Ð¾) and UTF-8 read as windows-1251 (РњРѕ: Р/С + a cp1251 byte 0x80-0xBF).
MOJIBAKE = re.compile(
    r"[ÃÂÐÑ][\u0080-\u00bf]|[РС][ЂЃЉЊЌЋЏђѓљњќћџЎўЈҐЁЄЇІіґёєїјЅѕ‚„…†‡€‰‹›‘’“”•–—™¤¦§©«¬®°±µ¶·№»]"
)
HOSTS = ("russkiymir.ru", "washington.mid.ru", "tass.com", "tass.ru")


@dataclass
class FullCrawl:
    """The module's crawl: its result, DB file, the replica's request log, and the fixtures by URL."""

    result: CrawlResult
    db_path: Path
    requests: list[dict[str, Any]]
    fixtures: dict[str, dict[str, Any]]


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FullCrawl]:
    """One full crawl of a well-behaved replica with a request log, shared by every test here."""
    tmp = tmp_path_factory.mktemp("content")
    log, db_path = tmp / "requests.jsonl", tmp / "twinwatch.db"
    with replica("--log", str(log)) as url:
        result = crawl(db_path, (), url, full=True, timeout_s=300)
    fixtures = {}
    for path in sorted(FIXTURES.glob("*/*/*.json")):
        fixture = json.loads(path.read_text(encoding="utf-8"))
        fixtures[fixture["gold"]["canonical_url"]] = fixture
    yield FullCrawl(result, db_path, read_requests(log), fixtures)


def stored(db_path: Path) -> dict[str, dict[str, Any]]:
    """Return url -> {title, body, status} of every stored article."""
    sql = ("SELECT a.url, a.title, t.body, a.extraction_status FROM articles a "
           "LEFT JOIN article_text t ON t.article_id = a.id")  # fmt: skip
    return {u: {"title": t, "body": b or "", "status": s} for u, t, b, s in query(db_path, sql)}


def normalise(text: str) -> str:
    """Collapse whitespace so the comparison ignores line-break and spacing differences."""
    return " ".join(text.split())


def char_recall_precision(gold: str, got: str) -> tuple[float, float]:
    """Return (matched / gold chars, matched / extracted chars) over difflib's matching blocks."""
    gold, got = normalise(gold), normalise(got)
    matcher = difflib.SequenceMatcher(None, gold, got, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / max(1, len(gold)), matched / max(1, len(got))


# ---------------------------------------------------------------- T09: the gold map and crawl traps


def gold_map() -> tuple[set[tuple[str, str]], dict[str, int]]:
    """Return the (host, path) pages a full crawl needs, from the replica's tables, and each listing's last page."""
    ctx = Context(load_store(), Switches())
    pages = {(host, "/robots.txt") for host in HOSTS}
    last: dict[str, int] = {}
    listings = [("russkiymir.ru", f"{'/en' if lang == 'en' else ''}/news/", site_russkiymir.entries(ctx, lang, "news"))
                for lang in ("en", "ru")]  # fmt: skip
    listings += [("washington.mid.ru", f"/{lang}/press-centre/news/", site_embassy.entries(ctx, lang))
                 for lang in ("en", "ru")]  # fmt: skip
    for host, path, entries in listings:
        last[path] = last_page(len(entries), 10)  # PER_PAGE is 10 on both Bitrix sites
        pages |= {(host, path)} | {(host, f"{path}?PAGEN_1={n}") for n in range(2, last[path] + 1)}
        pages |= {(host, entry.path) for entry in entries}
    for lang in ("en", "ru"):  # the listings' "new publications" sidebar links articles too
        pages |= {("russkiymir.ru", t["href"]) for t in rm_pages.teaser_pool()[lang][:3]
                  if article_kind(canonical_url(f"https://russkiymir.ru{t['href']}"))}  # fmt: skip
    for host in ("tass.com", "tass.ru"):  # RSS, sitemap index, its files, and the 404 that ends the walk
        pages |= {(host, "/rss/v2.xml"), (host, "/sitemap.xml")}
        pages |= {(host, f"/sitemap/sitemap_news{n}.xml") for n in range(tass_feeds.SITEMAP_FILES + 1)}
        pages |= {(host, art.path) for art in ctx.store.select(host)}
    return pages, last


def disallowed(request: dict[str, Any]) -> bool:
    """Return True when the host's robots.txt (as the replica serves it) forbids this request to our UA."""
    robots = {"russkiymir.ru": site_russkiymir.ROBOTS, "washington.mid.ru": site_embassy.ROBOTS,
              "tass.com": site_tass.ROBOTS, "tass.ru": site_tass_ru.ROBOTS}  # fmt: skip
    rules = Protego.parse(robots.get(request["host"], ""))
    return not rules.can_fetch(f"https://{request['host']}{request['path']}", USER_AGENT)


def traps(requests: list[dict[str, Any]], last: dict[str, int]) -> list[str]:
    """Return the requests that hit a crawl trap: junk relative paths, null pagers, aliases, utm, past the end."""
    hit = []
    for r in requests:
        path, query_string = urlsplit(r["path"]).path, urlsplit(r["path"]).query
        pagen = parse_qs(query_string).get("PAGEN_1", ["1"])[0]
        if ("/www." in path or "null" in r["path"] or "utm_" in query_string or r["host"] not in HOSTS
                or (path in last and (not pagen.isdigit() or int(pagen) > last[path] + 1))):  # fmt: skip
            hit.append(f"{r['host']}{r['path']}")
    return hit


def test_t09_requests_are_bounded_by_the_gold_map(full: FullCrawl) -> None:
    pages, last = gold_map()
    requests = full.requests
    unique = Counter((r["host"], r["path"]) for r in requests)
    outside = sorted(f"{h}{p}" for h, p in unique if (h, p) not in pages)
    repeated = sorted(f"{h}{p}" for (h, p), n in unique.items() if n > 1)
    trapped, forbidden = traps(requests, last), [r["path"] for r in requests if disallowed(r)]
    urls = [row[0] for row in query(full.db_path, "SELECT url FROM articles")]
    duplicates = len(urls) - len(set(urls))
    print(
        f"\nT09 traps: {len(requests)} requests <= {MAX_REQUEST_RATIO} x {len(pages)} unique gold pages "
        f"(ratio {len(requests) / len(pages):.2f}); articles stored {len(urls)} = gold {len(full.fixtures)}; "
        f"{duplicates} duplicate canonical URLs; {len(trapped)} trap requests; {len(forbidden)} disallowed; "
        f"{len(outside)} requests outside the map; {len(repeated)} pages fetched twice"
    )
    assert full.result.status == "ok"
    assert len(requests) <= MAX_REQUEST_RATIO * len(pages)
    assert set(urls) == set(full.fixtures) and duplicates == 0
    assert trapped == [] and forbidden == []
    assert outside == [] and repeated == []
    assert invariants(full.db_path) == []


def test_t09_trap_detector_sees_the_replica_traps() -> None:
    """The checks above would catch a crawler that fell into the traps (the detector itself can fail)."""
    _, last = gold_map()
    bad = [{"host": "russkiymir.ru", "path": "/en/news/279099/www.britishmuseum.org/"},
           {"host": "russkiymir.ru", "path": "/en/news/null?PAGEN_1=2"},
           {"host": "russkiymir.ru", "path": f"/en/news/?PAGEN_1={last['/en/news/'] + 2}"},
           {"host": "www.russkiymir.ru", "path": "/en/news/"},
           {"host": "tass.com", "path": "/world/1101296?utm_source=rss"}]  # fmt: skip
    assert len(traps(bad, last)) == len(bad)
    assert disallowed({"host": "russkiymir.ru", "path": "/en/news/print/279099/"})
    assert not disallowed({"host": "russkiymir.ru", "path": "/en/news/279099/"})


# ---------------------------------------------------------------- T11: boilerplate


def test_t11_stored_bodies_match_gold_without_boilerplate(full: FullCrawl) -> None:
    floors = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    rows = stored(full.db_path)
    leaks, scores = {}, {}
    for url, fixture in full.fixtures.items():
        body = rows[url]["body"]
        leaks[url] = [s for s in fixture["gold"]["must_not_contain"] if s in body]
        scores[url] = char_recall_precision(fixture["gold"]["body"], body)
    evidence = query(
        full.db_path, "SELECT a.url, p.evidence FROM pairs p JOIN articles a ON a.id = p.article_id"
    )
    boilerplate_pairs = [
        (u, e) for u, e in evidence if normalise(e) not in normalise(full.fixtures[u]["gold"]["body"])
    ]
    non_articles = [u for u in rows if u not in full.fixtures or article_kind(u) is None]
    recall = min(r for r, _ in scores.values())
    precision = min(p for _, p in scores.values())
    n_leaks = sum(map(len, leaks.values()))
    print(
        f"\nT11 boilerplate: {len(full.fixtures)} fixtures: {n_leaks} must-not-appear strings; body character "
        f"recall min {recall:.3f} and precision min {precision:.3f} vs gold (floors {floors['recall']}/"
        f"{floors['precision']}); {len(boilerplate_pairs)}/{len(evidence)} pairs found only in boilerplate; "
        f"{len(non_articles)} non-article rows"
    )
    assert set(rows) == set(full.fixtures)
    assert n_leaks == 0, {u: s for u, s in leaks.items() if s}
    assert min(floors["recall"], floors["precision"]) >= PLAN_FLOOR
    assert recall >= floors["recall"] and precision >= floors["precision"], sorted(
        scores.items(), key=lambda i: i[1]
    )[:3]
    assert evidence and boilerplate_pairs == []
    assert non_articles == []


# ---------------------------------------------------------------- T07: encodings end to end

TITLE = "Тула и Олбани: тридцать лет дружбы городов-побратимов ({case})"
PARAGRAPHS = (
    "Делегация Тулы посетила Олбани, город-побратим в штате Нью-Йорк, и обсудила обмен школьниками в будущем году.",
    "Мэр Олбани отметил, что «дружба городов» пережила трудные времена; ёлку на площади украсили тульские мастера.",
)
BAD_BYTES = b"\xff\xfe\xc3"  # never valid UTF-8 at this position


def page(case: str, meta: str = "") -> str:
    """Return a small Russian article page; `meta` is an optional charset declaration."""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f'<html lang="ru"><head>{meta}<title>{TITLE.format(case=case)}</title></head><body><article>'
            f"<h1>{TITLE.format(case=case)}</h1>{paragraphs}</article></body></html>")  # fmt: skip


def encoding_cases() -> dict[str, tuple[bytes, str, bool]]:
    """Return case -> (body bytes, Content-Type header, bad bytes expected) for the six hand-made pages."""
    bad = page("bad-bytes").encode("utf-8").replace("трудные".encode(), "трудные".encode() + BAD_BYTES, 1)
    return {
        "cp1251-header": (page("cp1251-header").encode("cp1251"), "text/html; charset=windows-1251", False),
        "header-vs-meta": (
            page("header-vs-meta", '<meta charset="utf-8">').encode("cp1251"),
            "text/html; charset=windows-1251",
            False,
        ),
        "meta-only": (
            page(
                "meta-only", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            ).encode("cp1251"),
            "text/html",
            False,
        ),
        "no-declaration": (page("no-declaration").encode("utf-8"), "text/html", False),
        "bad-bytes": (bad, "text/html; charset=utf-8", True),
        "utf8-bom": (
            codecs.BOM_UTF8 + page("utf8-bom").encode("utf-8"),
            "text/html; charset=windows-1251",
            False,
        ),
    }


def store_case(db_path: Path, number: int, raw: bytes, content_type: str) -> str:
    """Decode like the crawler (HtmlResponse), analyse, save; return the article URL."""
    url = f"https://russkiymir.ru/news/{900000 + number}/"
    response = HtmlResponse(url, body=raw, headers={"Content-Type": content_type})
    analysis = analyse_page(response.body, response.encoding, url, {})
    db = open_db(db_path)
    try:
        save_article(db, url=url, source="russkiymir", fetched_url=url, http_status=200, raw=raw,
                     encoding=response.encoding, content_type=content_type, listing={}, analysis=analysis,
                     seen_at=utc_now())  # fmt: skip
    finally:
        db.close()
    return url


def datasette_rows(db_path: Path) -> dict[str, dict[str, Any]]:
    """Return url -> {title, body} as Datasette's JSON API serves them (in-process client)."""
    ds = make_datasette(db_path)
    articles = ds_get(ds, "/twinwatch/articles.json?_shape=array&_col=url&_col=title&_size=max").json()
    bodies = ds_get(ds, "/twinwatch/article_text.json?_shape=array&_size=max").json()
    out = {row["url"]: {"title": row["title"], "body": ""} for row in articles}
    url_of = {row["id"]: row["url"] for row in articles}
    for row in bodies:
        out[url_of[row["article_id"]]]["body"] = row["body"]
    return out


def test_t07_encodings_end_to_end(full: FullCrawl, tmp_path: Path) -> None:
    rows = stored(full.db_path)
    rm = {u: f for u, f in full.fixtures.items() if u.startswith("https://russkiymir.ru/")}
    rm_titles = sum(rows[u]["title"] == f["gold"]["title"] for u, f in rm.items())
    conflict = [u for u, f in rm.items() if f.get("page", {}).get("meta_charset")]
    crawl_mojibake = [
        u for u, r in rows.items() if MOJIBAKE.search(r["title"] or "") or MOJIBAKE.search(r["body"])
    ]
    crawl_fffd = [u for u, r in rows.items() if "\ufffd" in (r["title"] or "") + r["body"]]
    db_path, cases = tmp_path / "encodings.db", encoding_cases()
    urls = {
        case: store_case(db_path, n, raw, ctype) for n, (case, (raw, ctype, _)) in enumerate(cases.items())
    }
    served = datasette_rows(db_path)
    made_titles = sum(served[urls[c]]["title"] == TITLE.format(case=c) for c in cases)
    made_mojibake = [c for c in cases if MOJIBAKE.search(served[urls[c]]["title"] + served[urls[c]]["body"])]
    fffd = {c for c in cases if "\ufffd" in served[urls[c]]["title"] + served[urls[c]]["body"]}
    bodies_ok = sum(all(normalise(p) in normalise(served[urls[c]]["body"].replace("\ufffd", "")) for p in PARAGRAPHS)
                    for c in cases)  # fmt: skip
    print(
        f"\nT07 encodings: {len(cases)} fixtures + {len(rm)} replica cp1251 articles: "
        f"{made_titles + rm_titles}/{len(cases) + len(rm)} gold titles exact (Datasette JSON for the hand-made); "
        f"{len(crawl_mojibake) + len(made_mojibake)} mojibake; U+FFFD only in {sorted(fffd)}; "
        f"{bodies_ok}/{len(cases)} hand-made bodies intact; conflict fixture {conflict}"
    )
    assert rm_titles == len(rm) > 0
    assert conflict and all(rows[u]["title"] == rm[u]["gold"]["title"] for u in conflict)
    assert all(
        char_recall_precision(rm[u]["gold"]["body"], rows[u]["body"]) >= (0.99, 0.99) for u in conflict
    )
    assert crawl_mojibake == [] and crawl_fffd == []
    assert made_titles == len(cases) and made_mojibake == []
    assert fffd == {c for c, (_, _, bad) in cases.items() if bad}
    assert bodies_ok == len(cases)
    assert invariants(db_path) == []


def test_t07_mojibake_detector_catches_the_classic_runs() -> None:
    """The detector above can fail: it flags UTF-8 read as Latin-1 and as windows-1251, not clean Russian."""
    russian = "Москва и Тула — «побратимы», ёлка, РФ, СССР"
    assert MOJIBAKE.search("café".encode().decode("latin-1"))
    assert MOJIBAKE.search(russian.encode().decode("latin-1"))
    assert MOJIBAKE.search(russian.encode().decode("cp1251", errors="replace"))
    assert not MOJIBAKE.search(russian)
