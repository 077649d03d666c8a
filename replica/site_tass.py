"""tass.com replica (sources.md §3.1, §6.4): shells, the categoryNewsList API, RSS, sitemaps, articles."""

from __future__ import annotations

import json
import re

from replica import tass_feeds, tass_pages
from replica.filler import Entry, from_article, tass_filler
from replica.fixtures import Article
from replica.site_common import Context, esc
from replica.web import Request, Response, html, json_response, method_not_allowed, not_found, redirect, text

HOST = "tass.com"
API_ITEMS = 60  # per section (§6.7)
ARTICLE = re.compile(r"^/([a-z-]+)/(\d+)$")
SECTION = re.compile(r"^/([a-z-]+)$")
CROSS_SECTION = {"politics": "world"}  # the politics list returned a /world/ link [E]
ROBOTS = (
    "User-agent: *\nDisallow: /search\nDisallow: /userApi/search\n\nSitemap: https://tass.com/sitemap.xml\n"
)
NOT_SECTIONS = {"today", "search", "robots", "sitemap", "rss", "userApi"}


def section_of(art: Article) -> str:
    """The canonical section slug of a tass.com article (first path segment)."""
    return art.path.strip("/").split("/")[0]


def sections(ctx: Context) -> dict[str, int]:
    """Known sections: the evidenced table plus any section a fixture uses (ids 5001+ for those [G])."""
    out = {slug: sid for slug, (sid, _) in tass_pages.SECTIONS.items()}
    for art in ctx.store.select(HOST):
        out.setdefault(section_of(art), 5001 + len(out))
    return out


def section_entries(ctx: Context, slug: str) -> list[Entry]:
    """API items of a section: its fixtures, one cross-section fixture [E], then filler to 60, newest first."""
    arts = ctx.store.select(HOST)
    own = [a for a in arts if section_of(a) == slug]
    cross = [a for a in arts if section_of(a) == CROSS_SECTION.get(slug)][:1]
    items = [from_article(a) for a in own + cross]
    if slug in tass_pages.SECTIONS and len(items) < API_ITEMS:
        slot = list(tass_pages.SECTIONS).index(slug)
        items += tass_filler(arts, slug, slot, API_ITEMS - len(items))
    return sorted(items, key=lambda e: (-e.unix, e.path))


def category_news_list(req: Request, ctx: Context) -> Response:
    """POST /userApi/categoryNewsList: limit, timestamp (date <= it) and excludeNewsIds [E fields, I semantics]."""
    if req.method != "POST":
        return method_not_allowed("POST")  # [G]
    try:
        query = json.loads(req.body or b"{}")
        section_id = int(query.get("sectionId", 0))
        limit = int(query.get("limit", 20))
        stamp = int(query["timestamp"]) if query.get("timestamp") else None
        raw_ex = query.get("excludeNewsIds") or ""
        exclude = {
            int(x) for x in (raw_ex.split(",") if isinstance(raw_ex, str) else raw_ex) if str(x).strip()
        }
    except (ValueError, TypeError, AttributeError) as exc:
        return json_response({"error": f"bad request body: {exc}"}, 400)
    slug = next((s for s, sid in sections(ctx).items() if sid == section_id), None)
    items = section_entries(ctx, slug) if slug else []
    out = []
    for entry in items:
        news_id = int(entry.path.rsplit("/", 1)[-1])
        if (stamp is not None and entry.unix > stamp) or news_id in exclude:
            continue
        out.append(
            {
                "id": news_id,
                "title": entry.title,
                "lead": entry.teaser,
                "date": entry.unix,
                "link": entry.path,
            }
        )
        if len(out) >= max(0, limit):
            break
    return json_response({"newsList": out})


def search_api(req: Request, ctx: Context) -> Response:
    """POST /userApi/search (optional [E exists]): searchStr in titles, from/size paging."""
    if req.method != "POST":
        return method_not_allowed("POST")
    try:
        query = json.loads(req.body or b"{}")
        start, size, needle = (
            int(query.get("from", 0)),
            int(query.get("size", 20)),
            str(query.get("searchStr", "")),
        )
    except (ValueError, TypeError, AttributeError) as exc:
        return json_response({"error": f"bad request body: {exc}"}, 400)
    hits = [a for a in ctx.store.select(HOST) if needle.lower() in a.title.lower()]
    return json_response(
        {
            "total": len(hits),
            "result": [
                {"id": a.numeric_id, "title": a.title, "link": a.path, "date": a.unix}
                for a in hits[start : start + size]
            ],
        }
    )


def article(req: Request, ctx: Context, slug: str, news_id: str) -> Response | None:
    """An article, a 301 from a wrong section [G], or None when the id is unknown."""
    art = ctx.store.get(HOST, req.path)
    if art is not None:
        return html(tass_pages.article_page(art, slug))
    moved = next((a for a in ctx.store.select(HOST) if a.path.endswith(f"/{news_id}")), None)
    if moved is not None and ctx.switches.on("TASS_WRONG_SECTION_301"):
        return redirect(moved.url)
    return None


def handle(req: Request, ctx: Context) -> Response:
    """Route one tass.com request."""
    path, arts = req.path, ctx.store.select(HOST)
    if path == "/robots.txt":
        return text(ROBOTS)
    if path == "/userApi/categoryNewsList" and ctx.switches.on("TASS_API"):
        return category_news_list(req, ctx)
    if path == "/userApi/search":
        return search_api(req, ctx)
    if path == "/rss/v2.xml":
        utm = frozenset({1, 3}) if ctx.switches.on("TASS_UTM_IN_RSS") else frozenset()
        return tass_feeds.rss(HOST, "TASS", arts, utm)
    if path == "/sitemap.xml":
        return tass_feeds.sitemap_index(HOST)
    if match := re.fullmatch(r"/sitemap/sitemap_news(\d+)\.xml", path):
        extra = ("https://tass.com/today",) if ctx.switches.on("TASS_TODAY_IN_SITEMAP") else ()
        return tass_feeds.sitemap_news(HOST, int(match.group(1)), arts, extra) or not_found()
    if path == "/":
        links = "".join(f'<a href="/{s}">{esc(tass_pages.section_title(s))}</a> ' for s in sections(ctx))
        return html(tass_pages.simple("Russian News Agency", f"<nav>{links}</nav>"))
    if path == "/today":
        return html(tass_pages.simple("About TASS", "<h1>About TASS</h1><p>TASS is a news agency.</p>"))
    if path == "/search":
        return html(tass_pages.simple("Search", '<form action="/search"><input name="searchStr"></form>'))
    if (match := ARTICLE.match(path)) and (resp := article(req, ctx, *match.groups())) is not None:
        return resp
    known = sections(ctx)
    if (match := SECTION.match(path)) and match.group(1) in known and ctx.switches.on("TASS_SHELLS"):
        slug = match.group(1)
        teasers = [(e.path, e.title) for e in section_entries(ctx, slug) if e.article is not None][:3]
        return html(tass_pages.shell(slug, known[slug], teasers))
    return not_found()
