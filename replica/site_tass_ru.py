"""tass.ru replica (sources.md §3.2, §6.4): feeds, sitemaps, rubric shells, articles in three HTML generations."""

from __future__ import annotations

import json
import re

from replica import tass_feeds
from replica.fixtures import MOSCOW, Article
from replica.site_common import MONTHS_RU_GEN, Context, esc
from replica.web import Request, Response, html, json_response, not_found, redirect, text

HOST = "tass.ru"
ARTICLE = re.compile(r"^/([a-z-]+)/(\d{6,})$")
RUBRIC = re.compile(r"^/([a-z-]+)$")
RUBRICS = (
    "politika",
    "ekonomika",
    "mezhdunarodnaya-panorama",
    "obschestvo",
    "v-strane",
    "kosmos",
    "moskva",
)  # [E]
ROBOTS = "User-agent: *\nDisallow: /search\n\nSitemap: https://tass.ru/sitemap.xml\n"  # [G]
OFF_SCOPE = ("/sport/", "/ads/")  # links that scope rules may exclude [E]


def ru_time(art: Article) -> str:
    """`13 октября 2020, 19:05` in Moscow time (visible date of gen1/gen3) [G wording]."""
    msk = art.published.astimezone(MOSCOW)
    return f"{msk.day} {MONTHS_RU_GEN[msk.month - 1]} {msk.year}, {msk:%H:%M}"


def frame(title: str, head_extra: str, body: str) -> str:
    """Document with the tass.ru header (search link, language switch to tass.com)."""
    return (
        f'<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n<title>{esc(title)}</title>\n'
        f'<meta property="og:title" content="{esc(title)}">\n{head_extra}\n</head>\n<body>\n'
        '<header><a href="/">ТАСС</a> <a href="/politika">Политика</a> <a href="/ekonomika">Экономика</a> '
        '<a href="/search">Поиск</a> <a href="https://tass.com/">English</a></header>\n'
        f"{body}\n</body>\n</html>\n"
    )


def paragraphs_html(art: Article) -> str:
    """Body paragraphs with the dateline opening the first one [E]."""
    return "\n".join(f"<p>{p}</p>" for p in tass_feeds.body_paragraphs(art))


def gen1(art: Article) -> str:
    """About 2014–2018: b-material-text__l js-mediator-article, span.b-material__date [E]."""
    return (
        f'<div class="b-material"><h1 class="b-material__title">{esc(art.title)}</h1>\n'
        f'<span class="b-material__date">{ru_time(art)}</span>\n<div class="b-material-text">'
        f'<div class="b-material-text__l js-mediator-article">\n{paragraphs_html(art)}\n</div></div></div>'
    )


def gen2(art: Article) -> str:
    """About 2019–2022: news-header__title/lead, dateformat mode=abs with ISO time, text-block, tags [E]."""
    tags = "".join(
        f'<a class="tags__item" href="/tag/{i}">{esc(t)}</a>' for i, t in enumerate(art.page.get("tags", []))
    )
    return (
        f'<div class="news-header"><h1 class="news-header__title">{esc(art.title)}</h1>\n'
        f'<div class="news-header__lead">{esc(tass_feeds.lead(art))}</div>\n'
        f'<dateformat mode="abs" time="{tass_feeds.msk_iso(art)}"></dateformat></div>\n'
        f'<div class="text-content"><div class="text-block">\n{paragraphs_html(art)}\n</div></div>\n'
        f'<div class="tags">{tags}</div>'
    )


def gen3(art: Article) -> str:
    """2022+ Next.js: hashed classes, <article>, <summary>, <time datetime> [E]."""
    data = json.dumps({"props": {"pageProps": {"id": art.numeric_id}}, "page": "/[rubric]/[id]"})
    return (
        f'<article class="ContentPageContainer_content__Ab3dE"><div class="tass_pkg_title_wrapper__x1Y2z">'
        f'<h1 class="ds_ext_title__yT7kq">{esc(art.title)}</h1></div>\n'
        f'<summary class="ds_ext_lead__Qw3e1">{esc(tass_feeds.lead(art))}</summary>\n'
        f'<time datetime="{tass_feeds.msk_iso(art)}">{ru_time(art)}</time>\n'
        f'<div class="Message_text__kP9sZ">\n{paragraphs_html(art)}\n</div></article>\n'
        f'<script id="__NEXT_DATA__" type="application/json">{data}</script>'
    )


def article_page(art: Article) -> str:
    """One tass.ru article in its generation's markup; gen3 also carries article:published_time [E]."""
    body = {"gen1": gen1, "gen2": gen2, "gen3": gen3}[art.layout](art)
    head = f'<link rel="canonical" href="{esc(art.url)}">'
    if art.layout == "gen3":
        head += f'\n<meta property="article:published_time" content="{tass_feeds.msk_iso(art)}">'
    return frame(f"{art.title} - ТАСС", head, body)


def rubric_shell(slug: str, arts: list[Article]) -> str:
    """A rubric page: links of its articles plus /sport/ and /ads/ links [E]; 404 pages behind the latter."""
    links = [(a.path, a.title) for a in arts if a.path.startswith(f"/{slug}/")][:10]
    base = min([a.numeric_id for a in arts] or [10000000])
    links += [
        (f"{OFF_SCOPE[0]}{base - 11}", "Спорт: результаты матчей"),
        (f"{OFF_SCOPE[1]}{base - 12}", "Реклама"),
    ]
    items = "".join(f'<div class="news-item"><a href="{esc(h)}">{esc(t)}</a></div>\n' for h, t in links)
    return frame(f"{slug} - ТАСС", "", f'<div id="__next"><h1>{esc(slug)}</h1>\n{items}</div>')


def tbp_api(req: Request, arts: list[Article]) -> Response:
    """GET /tbp/api/v1/content?limit&offset&rubrics=/x [E endpoint, G response shape]: offset paging."""
    try:
        limit, offset = int(req.param("limit") or 20), int(req.param("offset") or 0)
    except ValueError:
        return json_response({"error": "limit and offset must be integers"}, 400)
    rubric = (req.param("rubrics") or "").rstrip("/")
    hits = [a for a in arts if not rubric or a.path.startswith(f"{rubric}/")]
    return json_response(
        {
            "total": len(hits),
            "result": [
                {"id": a.numeric_id, "title": a.title, "url": a.path, "es_updated_dt": tass_feeds.msk_iso(a)}
                for a in hits[offset : offset + limit]
            ],
        }
    )


def handle(req: Request, ctx: Context) -> Response:
    """Route one tass.ru request."""
    path, arts = req.path, ctx.store.select(HOST)
    if path == "/robots.txt":
        return text(ROBOTS)
    if path == "/rss/v2.xml":
        return tass_feeds.rss(HOST, "ТАСС", arts, frozenset())
    if path == "/rss/yandex.xml":
        return tass_feeds.yandex_rss(arts)
    if path == "/sitemap.xml":
        return tass_feeds.sitemap_index(HOST)
    if match := re.fullmatch(r"/sitemap/sitemap_news(\d+)\.xml", path):
        return tass_feeds.sitemap_news(HOST, int(match.group(1)), arts, ()) or not_found()
    if path == "/tbp/api/v1/content" and ctx.switches.on("TASS_RU_TBP_API"):
        return tbp_api(req, arts)
    if path == "/":
        links = "".join(f'<a href="/{r}">{r}</a> ' for r in RUBRICS)
        return html(frame("ТАСС", "", f"<nav>{links}</nav>"))
    if path == "/search":
        return html(frame("Поиск - ТАСС", "", '<form action="/search"><input name="text"></form>'))
    if ARTICLE.match(path):
        art = ctx.store.get(HOST, path)
        if art is not None:
            return html(article_page(art))
        moved = next((a for a in arts if a.path.endswith("/" + path.rsplit("/", 1)[-1])), None)
        return redirect(moved.url) if moved and ctx.switches.on("TASS_WRONG_SECTION_301") else not_found()
    rubrics = set(RUBRICS) | {a.path.strip("/").split("/")[0] for a in arts}
    if (match := RUBRIC.match(path)) and match.group(1) in rubrics:
        return html(rubric_shell(match.group(1), arts))
    return not_found()
