"""HTML of the Russkiy Mir replica (1C-Bitrix look): article and listing pages, sources.md §1.4 order."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

from replica.filler import Entry
from replica.fixtures import DATA_DIR, Article
from replica.site_common import esc

LABELS: dict[str, dict[str, str]] = {  # EN labels [E]; RU wording [G] (sources.md §1.4)
    "en": {
        "select": "Select language:",
        "home": "Главная",
        "fund": "Russkiy Mir Foundation",
        "news": "News",
        "publications": "Publications",
        "credit": "Photo credit:",
        "signature": "Russkiy Mir",
        "by_subject": "News by subject",
        "new_pubs": "New Publications",
        "subject": "Subject:",
        "rubric": "Rubric:",
        "select_date": "Select date:",
        "next": "Next",
        "prefix": "/en",
    },
    "ru": {
        "select": "Выберите язык:",
        "home": "Главная",
        "fund": "Фонд «Русский мир»",
        "news": "Новости",
        "publications": "Публикации",
        "credit": "Фото:",
        "signature": "Русский мир",
        "by_subject": "Новости по теме",
        "new_pubs": "Новые публикации",
        "subject": "Тема:",
        "rubric": "Рубрика:",
        "select_date": "Выберите дату:",
        "next": "След.",
        "prefix": "",
    },
}
CALENDAR = "Выбрать дату в календаре"  # untranslated on the English site too [E]


@lru_cache(maxsize=1)
def teaser_pool() -> dict[str, list[dict[str, str]]]:
    """The related-news teasers (`replica/data/russkiymir/teasers.json`), per language."""
    data: dict[str, list[dict[str, str]]] = json.loads(
        (DATA_DIR / "russkiymir" / "teasers.json").read_text("utf-8")
    )
    return data


def pick_teasers(art: Article) -> list[dict[str, str]]:
    """Five teasers for an article: those pinned in `page.teasers` first, then a fixed rotation by id."""
    pool = teaser_pool()[art.lang]
    by_id = {t["id"]: t for t in pool}
    chosen = [by_id[t] for t in art.page.get("teasers", []) if t in by_id]
    start = int(hashlib.md5(art.path.encode()).hexdigest(), 16) % len(pool)
    for i in range(len(pool)):
        cand = pool[(start + i) % len(pool)]
        if len(chosen) >= 5:
            break
        if cand not in chosen:
            chosen.append(cand)
    return chosen[:5]


def image_path(key: str) -> str:
    """A Bitrix upload path `/upload/iblock/{3 hex}/{32 hex}.jpg` [E] derived from a key."""
    digest = hashlib.md5(key.encode()).hexdigest()
    return f"/upload/iblock/{digest[:3]}/{digest}.jpg"


def head(title: str, meta_charset: str = "windows-1251", canonical: str = "") -> str:
    """The <head>, with the charset meta the page declares."""
    link = f'<link rel="canonical" href="{esc(canonical)}">' if canonical else ""
    return (
        f'<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; '
        f'charset={esc(meta_charset)}">\n<title>{esc(title)}</title>\n{link}\n'
        '<link href="/bitrix/templates/rm/styles.css" type="text/css" rel="stylesheet">\n</head>\n<body>\n'
    )


def top(lang: str, crumbs: list[tuple[str, str]], title_copy: str = "") -> str:
    """Language switcher, optional header copy of the title, breadcrumbs (all chrome)."""
    lab = LABELS[lang]
    parts = [
        '<div class="header"><div class="lang-select">',
        esc(lab["select"]),
        ' <a href="/">Русский</a> <a href="/en/">English</a></div>',
    ]
    if title_copy:
        parts.append(f'<div class="header-title">{esc(title_copy)}</div>')
    parts.append('</div>\n<div class="breadcrumbs"> / ')
    parts.append(
        " / ".join(
            f'<a href="{esc(href)}">{esc(label)}</a>' if href else f"<span>{esc(label)}</span>"
            for label, href in crumbs
        )
    )
    parts.append("</div>\n")
    return "".join(parts)


def base_crumbs(lang: str, section: str) -> list[tuple[str, str]]:
    """Breadcrumbs down to a section: / Главная / Russkiy Mir Foundation / News."""
    lab = LABELS[lang]
    return [
        (lab["home"], "/"),
        (lab["fund"], f"{lab['prefix']}/fund/"),
        (lab[section], f"{lab['prefix']}/{section}/"),
    ]


def teaser_block(label: str, teasers: list[dict[str, str]], css: str) -> str:
    """A related-news or sidebar teaser block."""
    items = "".join(
        f'<div class="teaser"><a href="{esc(t["href"])}">{esc(t["text"])}</a></div>\n' for t in teasers
    )
    return f'<div class="{css}"><h3>{esc(label)}</h3>\n{items}</div>\n'


def article_page(art: Article, section: str) -> str:
    """An article page in the order of sources.md §1.4 (title copy, crumbs, H1, date, credit, body, chrome)."""
    lab = LABELS[art.lang]
    teasers = pick_teasers(art)
    num = art.numeric_id
    out = [
        head(art.title, art.page.get("meta_charset", "windows-1251"), art.url),
        top(art.lang, base_crumbs(art.lang, section) + [(art.title, "")], art.title),
        f'<div class="news-detail">\n<h1>{esc(art.title)}</h1>\n',
    ]
    if art.page.get("show_date", True):
        out.append(f'<span class="news-date-time">{art.day:%d.%m.%Y}</span>\n')
    out.append(f'<div class="news-detail-picture"><img src="{image_path(art.path)}" alt=""></div>\n')
    out.append(
        f'<div class="photo-credit">{esc(lab["credit"])} {esc(art.page.get("photo_credit", ""))}</div>\n'
    )
    out.append('<div class="news-detail-text">\n')
    out.extend(f"<p>{para}</p>\n" for para in art.paragraphs)  # fixture paragraphs are HTML fragments
    out.append(f'</div>\n<div class="signature">{esc(lab["signature"])}</div>\n</div>\n')
    out.append(teaser_block(lab["by_subject"], teasers[:3], "news-by-subject"))
    out.append(teaser_block(lab["publications"], teasers[3:5], "sidebar-publications"))
    # Print link: a news-like path disallowed in robots.txt [G], to test ROBOTSTXT_OBEY; no visible text.
    out.append(
        f'<a class="print" href="{lab["prefix"]}/news/print/{num}/" rel="nofollow">'
        '<img src="/bitrix/images/print.gif" alt=""></a>\n</body>\n</html>\n'
    )
    return "".join(out)


def entry_html(entry: Entry, lang: str, filtered: bool) -> str:
    """One listing item: [credit] linked title + teaser, then 'dd.mm.yyyy Subject: X' or rubric lines [E]."""
    lab = LABELS[lang]
    credit = (
        f'<div class="photo-credit">{esc(lab["credit"])} {esc(entry.credit)}</div>' if entry.credit else ""
    )
    if filtered:
        meta = (
            f'<div class="news-meta">{esc(lab["rubric"])} {esc(entry.rubric or lab["news"])}<br>'
            f"{esc(lab['subject'])} {esc(entry.subject)}</div>"
        )
    else:
        meta = (
            f'<div class="news-meta"><span class="news-date-time">{entry.day:%d.%m.%Y}</span> '
            f"{esc(lab['subject'])} {esc(entry.subject)}</div>"
        )
    return (
        f'<div class="news-item">{credit}<a href="{esc(entry.path)}"><img src="{image_path(entry.path)}" '
        f'alt=""></a>\n<p><a href="{esc(entry.path)}">{esc(entry.title)}</a> {esc(entry.teaser)}</p>\n'
        f"{meta}</div>\n"
    )


def listing_page(
    lang: str,
    section: str,
    entries: list[Entry],
    pager_html: str,
    *,
    filtered: bool = False,
    junk: bool = False,
    extra: str = "",
) -> str:
    """A news or publications listing; junk pages repeat the section crumb (`News / News`) [E]."""
    lab = LABELS[lang]
    crumbs = base_crumbs(lang, section) + ([(lab[section], "")] if junk else [])
    pubs: list[dict[str, Any]] = teaser_pool()[lang][:3]
    return "".join(
        [
            head(lab[section]),
            top(lang, crumbs),
            f'<h1>{esc(lab[section])}</h1>\n<div class="news-list">\n',
            *(entry_html(e, lang, filtered) for e in entries),
            "</div>\n",
            pager_html,
            extra,
            f'<div class="sidebar"><div class="calendar">{esc(lab["select_date"])}<br>{CALENDAR}{CALENDAR}</div>\n',
            teaser_block(lab["new_pubs"], pubs, "new-publications"),
            "</div>\n</body>\n</html>\n",
        ]
    )


def simple_page(lang: str, title: str, body: str) -> str:
    """A non-article page (home, old feed URL that answers HTML, print version)."""
    return head(title) + top(lang, [(LABELS[lang]["home"], "/")]) + body + "\n</body>\n</html>\n"
