"""Helpers shared by the site modules: the per-run context, pagination, escaping, date words."""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from typing import TypeVar

from replica.behaviours import Switches
from replica.fixtures import Store
from replica.web import Request

T = TypeVar("T")
TAG = re.compile(r"<[^>]+>")

MONTHS_EN = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTHS_RU_GEN = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


@dataclass(frozen=True)
class Context:
    """What a site module needs to answer: the fixtures and the behaviour switches."""

    store: Store
    switches: Switches


def esc(value: str) -> str:
    """Escape text for HTML element content and attribute values."""
    return htmllib.escape(value, quote=True)


def plain(fragment: str) -> str:
    """Visible text of an HTML fragment (fixture paragraphs may hold inline links)."""
    return htmllib.unescape(TAG.sub("", fragment))


def teaser_of(paragraphs: tuple[str, ...] | list[str], limit: int = 180) -> str:
    """A listing teaser: the first paragraph cut at a word boundary and ended with '...' [E]."""
    first = plain(paragraphs[0]).strip()
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "..."


def page_number(req: Request, last: int, past_end_is_last: bool) -> int | None:
    """The Bitrix PAGEN_1 page asked for (1 when absent); None means 'answer 404'."""
    raw = None
    for key, value in req.params():
        if key.lower() == "pagen_1":
            raw = value
    if raw is None or raw == "":
        return 1
    if not raw.isdigit() or int(raw) < 1:
        return 1  # Bitrix ignores junk page numbers and shows page 1 [G]
    if int(raw) > last:
        return last if past_end_is_last else None
    return int(raw)


def chunk(items: list[T], page: int, per_page: int) -> list[T]:
    """The items of one 1-based page."""
    return items[(page - 1) * per_page : page * per_page]


def last_page(count: int, per_page: int) -> int:
    """Number of pages for count items (at least 1, an empty listing still renders)."""
    return max(1, -(-count // per_page))


def pager(base: str, page: int, last: int, next_label: str, sep: str = "?") -> str:
    """Bitrix-style pager: page 1 has no parameter, then PAGEN_1=N, plus a 'next' link [G markup]."""
    links = []
    for n in range(1, last + 1):
        href = base if n == 1 else f"{base}{sep}PAGEN_1={n}"
        links.append(f"<b>{n}</b>" if n == page else f'<a href="{esc(href)}">{n}</a>')
    if page < last:
        links.append(
            f'<a class="modern-page-next" href="{esc(base)}{sep}PAGEN_1={page + 1}">{next_label}</a>'
        )
    return '<div class="modern-page-navigation">' + " ".join(links) + "</div>"
