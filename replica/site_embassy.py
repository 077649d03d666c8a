"""washington.mid.ru replica (sources.md §2, §6.3) and the old russianembassy.org redirects. UTF-8 [G]."""

from __future__ import annotations

import re

from replica.filler import Entry, embassy_filler, from_article
from replica.fixtures import Article
from replica.site_common import MONTHS_EN, MONTHS_RU_GEN, Context, chunk, esc, last_page, page_number, pager
from replica.web import Request, Response, html, not_found, redirect, text

HOST = "washington.mid.ru"
PER_PAGE = 10  # [G]
DEPTH = {"en": 4, "ru": 2}  # listing pages (§6.7)
ARTICLE = re.compile(r"^/(en|ru)/press-centre/news/([^/]+)/$")
NOSLASH = re.compile(r"^/(en|ru)/press-centre/news/([^/]+)$")
HEADER = {  # EN exactly as stored [E] (note U+2011 in 298‑5700); RU wording [G]
    "en": (
        "Embassy of the Russian Federation in the USA",
        "Phone (consular questions): (202) 939-8907 | Emergency line : (202) 298\u20115700",
        "/Schedule work today: 9:00–18:00",
    ),
    "ru": (
        "Посольство Российской Федерации в США",
        "Телефон (консульские вопросы): (202) 939-8907 | Экстренная линия : (202) 298\u20115700",
        "/График работы сегодня: 9:00–18:00",
    ),
}
NAV = {  # non-article pages linked from the header (real paths [E])
    "en": (
        ("Consular services", "/en/consular-services/"),
        ("Contacts", "/en/consular-services/consulate/contacts/"),
        ("Russian consulates in the US", "/en/consular-services/consulate/russian-consulates-in-the-us/"),
        ("News", "/en/press-centre/news/"),
    ),
    "ru": (
        ("Консульские вопросы", "/ru/consular-services/citizens-russia/"),
        ("Выездные консульские приёмы", "/ru/consular-services/consulate/consul_sessions/"),
        ("Новости", "/ru/press-centre/news/"),
    ),
}
STATIC = {path: label for lang in NAV for label, path in NAV[lang] if "consular" in path}
FOOTER = {"en": ("Print", "Share:", "Русский"), "ru": ("Версия для печати", "Поделиться:", "English")}
ROBOTS = "User-agent: *\nDisallow: /bitrix/\n"  # [G] minimal; /bitrix/ is linked from every footer


def day_line(art: Article) -> str:
    """The article date line `13 october / 2020` (RU: `13 октября / 2020` [G])."""
    months = MONTHS_EN if art.lang == "en" else MONTHS_RU_GEN
    return f"{art.day.day:02d} {months[art.day.month - 1]} / {art.day.year}"


def frame(lang: str, title: str, main: str, switch_href: str) -> str:
    """Header block, navigation, main content and footer around a page body."""
    name, phones, schedule = HEADER[lang]
    nav = " ".join(f'<a href="{href}">{esc(label)}</a>' for label, href in NAV[lang])
    print_label, share, other = FOOTER[lang]
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<title>{esc(title)}</title>\n'
        f'</head>\n<body>\n<header class="site-header">\n<div class="site-name"><a href="/{lang}/">{esc(name)}'
        f'</a></div>\n<div class="header-contacts">{esc(phones)}</div>\n<div class="header-schedule">'
        f'{esc(schedule)}</div>\n<nav class="header-nav">{nav}</nav>\n</header>\n<main>\n{main}</main>\n'
        f'<footer class="page-footer">\n<a href="javascript:window.print()" class="print-link">{esc(print_label)}</a>\n'
        f'<span class="share">{esc(share)} <a href="https://vk.com/share.php">VK</a> '
        f'<a href="https://t.me/share/url">Telegram</a></span>\n<a class="lang-switch" href="{esc(switch_href)}">'
        f'{esc(other)}</a>\n<a href="/bitrix/rk.php?goto=https%3A%2F%2Fmid.ru%2F">mid.ru</a>\n'
        "</footer>\n</body>\n</html>\n"
    )


def translation(art: Article, ctx: Context) -> str:
    """Language-switch target: the paired article (`listing.translation_of`, either side) or the other listing."""
    own = art.page.get("translation_url") or art.listing.get("translation_of")
    if own:
        return str(own)
    paired = next((a.url for a in ctx.store.select(HOST) if a.listing.get("translation_of") == art.url), None)
    return paired or f"/{'ru' if art.lang == 'en' else 'en'}/press-centre/news/"


def article_page(art: Article, switch: str) -> str:
    """Date line, title, then paragraphs as <p> or as <br>-separated lines (layout `p` | `br` [I])."""
    if art.layout == "br":
        body = "<br>\n".join(art.paragraphs)  # fixture paragraphs are HTML fragments
    else:
        body = "\n".join(f"<p>{p}</p>" for p in art.paragraphs)
    main = (
        f'<div class="news-detail">\n<div class="news-date">{day_line(art)}</div>\n<h1>{esc(art.title)}</h1>\n'
        f'<div class="news-text">\n{body}\n</div>\n</div>\n'
    )
    return frame(art.lang, art.title, main, switch)


def entries(ctx: Context, lang: str) -> list[Entry]:
    """Fixtures newest first, then listing-only filler (404 pages) to fill the listing depth [G]."""
    items = [from_article(a) for a in ctx.store.select(HOST, lang)]
    want = DEPTH[lang] * PER_PAGE - len(items)
    return items + (embassy_filler(ctx.store.select(HOST), lang, want) if want > 0 else [])


def listing(req: Request, ctx: Context, lang: str) -> Response:
    """`DD month` items without a year [E], title link, lead; ?PAGEN_1=N pages [G]."""
    items = entries(ctx, lang)
    last = last_page(len(items), PER_PAGE) if ctx.switches.on("EMB_PAGEN") else 1
    num = page_number(req, last, ctx.switches.on("EMB_PAGEN_PAST_END_LAST"))
    if num is None:
        return not_found()
    months = MONTHS_EN if lang == "en" else MONTHS_RU_GEN
    shown = chunk(items, num, PER_PAGE) if ctx.switches.on("EMB_PAGEN") else items
    rows = "".join(
        f'<div class="news-item"><span class="news-date">{e.day.day:02d} {months[e.day.month - 1]}'
        f"{'' if ctx.switches.on('EMB_YEARLESS_DATES') else f' {e.day.year}'}</span>\n"
        f'<a class="news-title" href="{esc(e.path)}">{esc(e.title)}</a>\n<p>{esc(e.teaser)}</p></div>\n'
        for e in shown
    )
    label = "Next" if lang == "en" else "Следующая"
    pages = pager(req.path, num, last, label) if ctx.switches.on("EMB_PAGEN") else ""
    title = "News" if lang == "en" else "Новости"
    other = "ru" if lang == "en" else "en"
    return html(
        frame(
            lang,
            title,
            f'<h1>{title}</h1>\n<div class="news-list">\n{rows}</div>\n{pages}\n',
            f"/{other}/press-centre/news/",
        )
    )


def static_page(lang: str, path: str) -> Response:
    """A consular-services page: real path, not an article."""
    label = STATIC[path]
    return html(
        frame(
            lang,
            label,
            f"<h1>{esc(label)}</h1>\n<p>{esc(label)}: see the contacts above.</p>\n",
            f"/{'ru' if lang == 'en' else 'en'}/",
        )
    )


def handle(req: Request, ctx: Context) -> Response:
    """Route one washington.mid.ru request."""
    path = req.path
    if path == "/robots.txt":
        return text(ROBOTS)
    if path == "/sitemap.xml" and ctx.switches.on("EMB_NO_SITEMAP"):
        return not_found()
    if path == "/":
        return redirect(f"https://{HOST}/en/", 302)  # [G] language root
    if path in ("/en/", "/ru/"):
        lang = path.strip("/")
        return html(
            frame(
                lang,
                HEADER[lang][0],
                f'<p><a href="/{lang}/press-centre/news/">{"News" if lang == "en" else "Новости"}</a></p>\n',
                f"/{'ru' if lang == 'en' else 'en'}/",
            )
        )
    if path in ("/en/press-centre/news/", "/ru/press-centre/news/"):
        return listing(req, ctx, path[1:3])
    if path in STATIC:
        return static_page(path[1:3], path)
    if ARTICLE.match(path):
        art = ctx.store.get(HOST, path)
        return html(article_page(art, translation(art, ctx))) if art else not_found()
    if NOSLASH.match(path) and ctx.switches.on("EMB_NOSLASH_301") and ctx.store.get(HOST, path + "/"):
        return redirect(f"https://{HOST}{path}/")
    return not_found()


def handle_old_domain(req: Request, ctx: Context) -> Response:
    """russianembassy.org and www.: everything -> 301 to the new home, /ru/... -> /ru/ [I/G]."""
    if not ctx.switches.on("EMB_OLD_DOMAIN_301"):
        return not_found()
    if req.path == "/robots.txt":  # robots.txt follows the move to the new host's file [G]; RFC 9309 allows 5 hops
        return redirect(f"https://{HOST}/robots.txt")
    lang = "ru" if req.path == "/ru" or req.path.startswith("/ru/") else "en"
    return redirect(f"https://{HOST}/{lang}/")
