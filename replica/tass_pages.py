"""HTML of tass.com: AngularJS shells and server-rendered articles in the four wrappers (sources.md §3.1)."""

from __future__ import annotations

from replica.fixtures import Article
from replica.site_common import esc
from replica.tass_feeds import body_paragraphs, iso, json_ld, lead

SECTIONS: dict[
    str, tuple[int, str]
] = {  # slug -> (sectionId [E], og:title section name [E politics, G others])
    "politics": (4954, "Politics & Diplomacy"),
    "world": (4844, "World"),
    "economy": (4845, "Business & Economy"),
    "defense": (4953, "Military & Defense"),
    "science": (4957, "Science & Space"),
    "emergencies": (4992, "Emergencies"),
    "society": (4956, "Society & Culture"),
    "pressreview": (4981, "Press Review"),
    "sports": (4869, "Sports"),
}
RECOMMEND = (  # default "recommend" teasers inside text-content [E block, G texts]; fixtures may pin page.recommend
    {"title": "Kremlin says Russia open to dialogue on strategic stability", "href": "/politics/1229101"},
    {"title": "Russian diplomats to attend UN General Assembly events online", "href": "/politics/1229088"},
    {"title": "Foreign Ministry comments on new US visa restrictions", "href": "/politics/1229047"},
)
ADFOX = (
    '<div class="adfox-banner" id="adfox_160000000000000001"><div class="advert">Advertisement</div></div>'
)
TITLE_CLASSES = {  # wrapper -> (title wrapper, h1 class, lead class or "" when the wrapper has no lead) [E]
    "news": ("news-header", "news-header__title", "news-header__lead"),
    "article": ("article__title-wrap", "article__title", "article-lead"),
    "interview": ("interview-header__title-wrapper", "interview-header__title", ""),
    "opinion": ("opinion-header__title-wrapper", "opinion-header__title", "opinion-header__lead"),
}


def section_title(slug: str) -> str:
    """The section's display name (table, else the slug in title case [G])."""
    return SECTIONS.get(slug, (0, slug.replace("-", " ").title()))[1]


def head(title: str, extra: str = "") -> str:
    """Document start of the AngularJS app [E], with a page title and extra head tags."""
    return (
        '<!DOCTYPE html>\n<html lang="en" data-ng-app="tassApp" data-ng-controller="mainController">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{esc(title)}</title>\n{extra}\n</head>\n<body>\n'
        '<header class="header"><a class="logo" href="/">TASS</a> <nav>'
        + "".join(f'<a href="/{s}">{esc(n)}</a> ' for s, (_, n) in list(SECTIONS.items())[:5])
        + '</nav> <a class="search" href="/search">Search</a> <a href="https://tass.ru/">Русский</a></header>\n'
    )


def shell(slug: str, section_id: int, teasers: list[tuple[str, str]]) -> str:
    """A section page: only a shell with sectionId in ng-init and at most 3 teaser links [E/G]."""
    links = "".join(
        f'<div class="news-preview"><a href="{esc(h)}">{esc(t)}</a></div>\n' for h, t in teasers[:3]
    )
    name = section_title(slug)
    return (
        head(f"{name} - TASS") + '<div class="container"><div class="section-page" '
        f"ng-init=\"sectionPage = true; sectionId = {section_id}; sectionSlug = '{slug}';\">\n"
        f'<h1 class="section-title">{esc(name)}</h1>\n{links}<div ng-repeat="item in newsList"></div>\n'
        "</div></div>\n</body>\n</html>\n"
    )


def article_page(art: Article, section: str) -> str:
    """An article in its wrapper, with All news/Updated at above the title and ads inside text-content [E]."""
    wrapper = art.layout
    title_wrap, h1_class, lead_class = TITLE_CLASSES[wrapper]
    full_title = f"{art.title} - {section_title(section)} - TASS"
    modified = art.page.get("modified") or iso(art)
    meta = (
        f'<meta property="og:title" content="{esc(full_title)}">\n<meta property="og:url" content="'
        f'{esc(art.url)}">\n<link rel="canonical" href="{esc(art.url)}">\n{json_ld(art, modified)}'
    )
    paras = [f"<p>{p}</p>" for p in body_paragraphs(art)]  # fixture paragraphs are HTML fragments
    recs = art.page.get("recommend") or [RECOMMEND[art.numeric_id % len(RECOMMEND)]]
    rec_html = "".join(
        f'<a class="recommend__item" href="{esc(r["href"])}">{esc(r["title"])}</a>' for r in recs
    )
    lead_html = f'<div class="{lead_class}">{esc(lead(art))}</div>\n' if lead_class else ""
    return (
        head(full_title, meta)
        + f'<div class="container"><div class="{wrapper}">\n<div class="{title_wrap}">\n'
        f'<div class="news-header__top"><a class="news-header__all" href="/{section}">All news</a> '
        f'<span class="news-header__date">Updated at: <dateformat time="{art.unix}"></dateformat></span></div>\n'
        f'<h1 class="{h1_class}">{esc(art.title)}</h1>\n</div>\n{lead_html}'
        f'<div class="news-media"><img src="https://cdn-media.tass.ru/width/1020_b9261fa1/tass/m2/en/uploads/i/'
        f'{art.day:%Y%m%d}/{art.numeric_id}.jpg" alt=""></div>\n'
        '<div class="text-content">\n<div class="text-block">\n'
        + "\n".join(paras[:2])
        + f"\n</div>\n{ADFOX}\n"
        '<div class="text-block">\n' + "\n".join(paras[2:]) + "\n</div>\n"
        f'<div class="recommend"><div class="recommend__title">Read also</div>{rec_html}</div>\n'
        "</div>\n</div></div>\n</body>\n</html>\n"
    )


def simple(title: str, body: str) -> str:
    """A non-article page (/today, /search) inside the app frame."""
    return head(f"{title} - TASS") + f'<div class="container">{body}</div>\n</body>\n</html>\n'
