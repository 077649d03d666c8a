"""russkiymir.ru replica (sources.md §1, §6.2): the same content on all four hosts, windows-1251 bytes."""

from __future__ import annotations

import dataclasses
import re

from replica import rm_pages
from replica.filler import FOUNDATION_NEWS, Entry, from_article, rm_filler
from replica.fixtures import DATA_DIR
from replica.site_common import Context, chunk, esc, last_page, page_number, pager, plain
from replica.web import Request, Response, html, not_found, redirect, text, xml
from replica.web import Response as Resp

HOST = "russkiymir.ru"
PER_PAGE = 10  # [G]
DEPTH = {("en", "news"): 6, ("ru", "news"): 3, ("en", "publications"): 3, ("ru", "publications"): 3}  # §6.7
RAZDEL = {"1406": "foundation", "1561": "Interview", "1558": "Articles"}  # rubric ids [E]
SUBJECT = {"1546": ("Diaspora", "Диаспора"), "1690": ("Общество", "Общество")}  # subject ids [E]
FILTER_KEY = re.compile(r"arrfilter_pf\[(razdel|subject)\]\[\d*\]")
ARTICLE = re.compile(r"^(/en)?/(news|publications)/(\d+)/$")
NOSLASH = re.compile(r"^(/en)?/(news|publications)/(\d+)$")
JUNK = re.compile(r"^(/en)?/(news|publications)/(.+)$")
UPLOAD = re.compile(r"^/upload/(iblock|medialibrary)/[0-9a-f]{3}/[0-9a-f]{32}\.jpg$")
PRINT = re.compile(r"^(/en)?/news/print/(\d+)/$")
ROBOTS = """User-agent: *
Disallow: /bitrix/
Disallow: /auth/
Disallow: /search/
Disallow: /personal/
Disallow: /*?print=
Disallow: /en/news/print/
Disallow: /news/print/
"""
CP1251 = "windows-1251"


def page(body: str, status: int = 200) -> Response:
    """An HTML page as windows-1251 bytes with the matching header [I]; missing chars become &#NNN; [E-like]."""
    return html(body, CP1251, status)


def entries(ctx: Context, lang: str, section: str) -> list[Entry]:
    """Fixture entries newest first, then listing-only filler up to the listing depth [G]."""
    prefix = f"{'/en' if lang == 'en' else ''}/{section}/"
    arts = ctx.store.select(HOST, lang, prefix)
    items = [from_article(a) for a in arts]
    want = DEPTH[(lang, section)] * PER_PAGE - len(items)
    if ctx.switches.on("RM_LISTING_ONLY_ITEMS") and want > 0:
        slot = list(DEPTH).index((lang, section))  # EN and RU items are separate records with other ids [I]
        filler = rm_filler(ctx.store.select(HOST), lang, prefix, slot, want)
        if section == "publications":  # items carry Rubric Interview/Articles; one 'Array' subject [E]
            filler = [
                dataclasses.replace(
                    e, rubric=("Interview", "Articles")[i % 2], subject="Array" if i == 4 else e.subject
                )
                for i, e in enumerate(filler)
            ]
        items += filler
    return items


def parse_filter(req: Request) -> tuple[str, str] | None:
    """The rubric/subject filter in any of its spellings ([] vs [0], lower case, amp; leak) [E]."""
    for key, value in req.params(CP1251):  # set_filter may be cp1251-encoded "Показать" [E]
        norm = key.lower().removeprefix("amp;")
        match = FILTER_KEY.fullmatch(norm)
        if match and value:
            return match.group(1), value
    return None


def apply_filter(items: list[Entry], lang: str, flt: tuple[str, str]) -> list[Entry]:
    """Keep the items of one rubric or subject (unknown ids give an empty list, as Bitrix does)."""
    kind, value = flt
    if kind == "razdel":
        want = RAZDEL.get(value)
        want = FOUNDATION_NEWS[lang] if want == "foundation" else want
        return [e for e in items if want and e.rubric == want]
    names = SUBJECT.get(value)
    return [e for e in items if names and e.subject == names[0 if lang == "en" else 1]]


def pager_base(req: Request, path: str) -> tuple[str, str]:
    """Pager base URL keeping the other query parameters (filters) as sent."""
    rest = [p for p in req.query.split("&") if p and not p.lower().startswith("pagen_1=")]
    return (f"{path}?{'&'.join(rest)}", "&") if rest else (path, "?")


def listing(req: Request, ctx: Context, lang: str, section: str, junk: bool = False) -> Response:
    """A news/publications listing page, filtered or not, with PAGEN_1 past the end -> last page [G]."""
    items = entries(ctx, lang, section)
    flt = parse_filter(req) if ctx.switches.on("RM_FILTERS") else None
    if flt:
        items = apply_filter(items, lang, flt)
    last = last_page(len(items), PER_PAGE)
    num = page_number(req, last, ctx.switches.on("RM_PAGEN_PAST_END_LAST"))
    if num is None:
        return page(rm_pages.simple_page(lang, "404", "<h1>404</h1>"), 404)
    base, sep = pager_base(req, req.path)
    # Junk pages repeat the relative link that created them, as the real ones do [E].
    extra = (
        '<div class="partners"><a href="www.britishmuseum.org/">British Museum</a></div>\n' if junk else ""
    )
    body = rm_pages.listing_page(
        lang,
        section,
        chunk(items, num, PER_PAGE),
        pager(base, num, last, rm_pages.LABELS[lang]["next"], sep),
        filtered=flt is not None,
        junk=junk,
        extra=extra,
    )
    return page(body)


def home(lang: str) -> Response:
    """The home page: links to the news and publications listings."""
    lab = rm_pages.LABELS[lang]
    links = (
        f'<ul><li><a href="{lab["prefix"]}/news/">{esc(lab["news"])}</a></li>'
        f'<li><a href="{lab["prefix"]}/publications/">{esc(lab["publications"])}</a></li></ul>'
    )
    return page(rm_pages.simple_page(lang, lab["fund"], links))


def sitemap(req: Request, ctx: Context) -> Response:
    """[G, off by default] sitemap index and one iblock sitemap with every article fixture."""
    if req.path == "/sitemap.xml":
        return xml(
            '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/'
            'sitemap/0.9"><sitemap><loc>https://russkiymir.ru/sitemap_iblock_1.xml</loc></sitemap>'
            "</sitemapindex>\n"
        )
    locs = "".join(
        f"<url><loc>{esc(a.url)}</loc><lastmod>{a.day.isoformat()}</lastmod></url>"
        for a in ctx.store.select(HOST)
    )
    return xml(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{locs}</urlset>\n"
    )


def article_or_trap(req: Request, ctx: Context) -> Response | None:
    """Articles, the no-slash 301, the print version and the junk-path listings; None when no rule applies."""
    path, has_pagen = req.path, req.param("PAGEN_1") is not None
    if match := ARTICLE.match(path):
        lang = "en" if match.group(1) else "ru"
        art = ctx.store.get(HOST, path)
        if art is None:
            return page(rm_pages.simple_page(lang, "404", "<h1>404 Not Found</h1>"), 404)
        return page(rm_pages.article_page(art, match.group(2)))
    if match := PRINT.match(path):  # disallowed in robots.txt; served so a violation is visible in the log
        art = ctx.store.get(HOST, f"{match.group(1) or ''}/news/{match.group(2)}/")
        if art is None:
            return not_found()
        return page(rm_pages.simple_page(art.lang, art.title, "".join(f"<p>{p}</p>" for p in art.paragraphs)))
    if (match := NOSLASH.match(path)) and not has_pagen and ctx.switches.on("RM_NOSLASH_301"):
        return redirect(f"https://{HOST}{path}/")
    if (match := JUNK.match(path)) and ctx.switches.on("RM_JUNK_LISTING"):
        return listing(req, ctx, "en" if match.group(1) else "ru", match.group(2), junk=True)
    return None


def handle(req: Request, ctx: Context) -> Response:
    """Route one request for any of the Russkiy Mir hosts."""
    path = req.path
    if path == "/robots.txt":
        return text(
            ROBOTS + ("Sitemap: https://russkiymir.ru/sitemap.xml\n" if ctx.switches.on("RM_SITEMAP") else "")
        )
    if path in ("/sitemap.xml", "/sitemap_iblock_1.xml"):
        return sitemap(req, ctx) if ctx.switches.on("RM_SITEMAP") else not_found()
    if path in ("/", "/en/"):
        return home("en" if path == "/en/" else "ru")
    for lang, prefix in (("en", "/en"), ("ru", "")):
        for section in ("news", "publications"):
            if path == f"{prefix}/{section}/":
                return listing(req, ctx, lang, section)
    if UPLOAD.match(path):
        return Resp(200, (DATA_DIR / "russkiymir" / "upload.jpg").read_bytes(), "image/jpeg")
    if path == "/russkiymir/ru/news/common/rss.html" and ctx.switches.on("RM_OLD_RSS_HTML"):
        return page(
            rm_pages.simple_page("ru", "Новости", "<h1>Новости</h1><p>Лента новостей</p>")
        )  # not RSS [E]
    routed = article_or_trap(req, ctx)
    if routed is not None:
        return routed
    return page(rm_pages.simple_page("ru", "404", f"<h1>404 {esc(plain(path))}</h1>"), 404)
