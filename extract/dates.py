"""Publication dates: per-source rules first (sources.md §1.5, §2.4, §3.1, §3.2), then htmldate as fallback."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import get_month_names
from htmldate import find_date
from lxml.html import HtmlElement

from extract import page_patterns as pp
from extract.cleanup import first_h1, iter_text_chunks

MOSCOW = ZoneInfo("Europe/Moscow")  # historical offsets too: +04:00 between 2011 and October 2014
DateFound = tuple[str, str]  # (ISO value, rule name)
DateRule = Callable[[HtmlElement], DateFound | None]


@cache
def month_numbers() -> dict[str, int]:
    """Return lower-case month names (English wide/abbreviated from CLDR, Russian genitive) → month number."""
    table: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for num, name in get_month_names(width, context="format", locale="en").items():
            table[name.lower().rstrip(".")] = num
    for num, name in enumerate(pp.RU_MONTHS_GENITIVE, start=1):
        table[name] = num
    return table


def iso_date(year: int, month: int, day: int) -> str | None:
    """Return YYYY-MM-DD, or None when the parts are not a real calendar date."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_dmy(text: str) -> str | None:
    """Parse a whole-text `dd.mm.yyyy` (Russkiy Mir) into an ISO date."""
    m = pp.DMY_DATE_LINE.match(text)
    return iso_date(int(m[3]), int(m[2]), int(m[1])) if m else None


def parse_day_month_year(text: str) -> str | None:
    """Parse a whole-text `13 october / 2020` or `13 октября / 2020` (Embassy) into an ISO date."""
    m = pp.DAY_MONTH_SLASH_YEAR_LINE.match(text)
    if not m or (month := month_numbers().get(m[2].lower())) is None:
        return None
    return iso_date(int(m[3]), month, int(m[1]))


def parse_listing_date(text: str, *, year_hint: int | None = None) -> str | None:
    """Parse a listing date (`30.09.2020`, `29.03.12 14:02`, `13 october / 2020`, `09 august`) into ISO.

    A day and month without a year (Embassy listings) need `year_hint`; without it the answer is None,
    because the year must come from the article page (sources.md §2.3).
    """
    text = text.strip()
    if found := parse_dmy(text) or parse_day_month_year(text) or normalise_iso(text):
        return found
    if m := pp.DMY_DATE.search(text):
        return iso_date(int(m[3]), int(m[2]), int(m[1]))
    if m := pp.DMY_SHORT_DATE.search(text):
        return iso_date(2000 + int(m[3]), int(m[2]), int(m[1]))
    m = pp.DAY_MONTH_LINE.match(text)
    if m and year_hint is not None and (month := month_numbers().get(m[2].lower())) is not None:
        return iso_date(year_hint, month, int(m[1]))
    return None


def normalise_iso(value: str) -> str | None:
    """Return an ISO date, or an ISO datetime with its UTC offset kept; a zone-less datetime gives its date."""
    value = value.strip()
    if m := pp.ISO_COMPACT_TIME.match(value):
        value = f"{m[1]}T{m[2]}:{m[3]}:{m[4]}{m[5]}:{m[6]}"
    m = pp.ISO_DATETIME.match(value)
    if not m:
        return None
    try:
        if m[2] is None:
            return date.fromisoformat(m[1]).isoformat()
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.date().isoformat()  # Body.published promises an offset on every datetime
    return value if pp.RFC3339.match(value) else parsed.isoformat()  # keep the source's own zone notation


def from_unix(seconds: str) -> str | None:
    """Return the ISO datetime in UTC for a unix timestamp string."""
    m = pp.UNIX_SECONDS.match(seconds)
    return datetime.fromtimestamp(int(m[1]), tz=UTC).isoformat() if m else None


def json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Yield every JSON object in the page's JSON-LD scripts, flattening lists and @graph."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue  # broken JSON-LD is common; the other date hooks still apply
        todo = data if isinstance(data, list) else [data]
        while todo:
            obj = todo.pop(0)
            if isinstance(obj, dict):
                yield obj
                graph = obj.get("@graph")
                todo.extend(graph if isinstance(graph, list) else [])


def rule_json_ld(tree: HtmlElement) -> DateFound | None:
    """Return JSON-LD `datePublished` with its zone."""
    for obj in json_ld_objects(tree):
        value = obj.get("datePublished")
        if isinstance(value, str) and (iso := normalise_iso(value)):
            return iso, "json-ld"
    return None


def rule_dateformat(tree: HtmlElement) -> DateFound | None:
    """Return the first `<dateformat time>`: unix seconds (tass.com) or ISO with mode=abs (tass.ru gen 2)."""
    for el in tree.iter("dateformat"):
        value = el.get("time") or ""
        if iso := from_unix(value):
            return iso, "dateformat-unix"
        if iso := normalise_iso(value):
            return iso, "dateformat-iso"
    return None


def rule_meta_published(tree: HtmlElement) -> DateFound | None:
    """Return `meta[property=article:published_time]` (tass.ru gen 3 and many CMSs)."""
    for meta in tree.iter("meta"):
        if meta.get("property") == "article:published_time" and (
            iso := normalise_iso(meta.get("content") or "")
        ):
            return iso, "meta-published"
    return None


def rule_time_datetime(tree: HtmlElement) -> DateFound | None:
    """Return the first `<time datetime>` value."""
    for el in tree.iter("time"):
        if iso := normalise_iso(el.get("datetime") or ""):
            return iso, "time-datetime"
    return None


def rule_moscow_visible_time(tree: HtmlElement) -> DateFound | None:
    """Return the visible `13 октября 2020, 19:05` date (TASS shows Moscow time) with Moscow's offset."""
    for chunk in iter_text_chunks(tree):
        m = pp.DAY_MONTH_YEAR_TIME_LINE.match(chunk)
        if not m or (month := month_numbers().get(m[2].lower())) is None:
            continue
        try:
            local = datetime(int(m[3]), month, int(m[1]), int(m[4]), int(m[5]), tzinfo=MOSCOW)
        except ValueError:
            continue
        return local.isoformat(), "visible-msk"
    return None


def rule_dmy_after_title(tree: HtmlElement) -> DateFound | None:
    """Return the `dd.mm.yyyy` line that follows the H1 (Russkiy Mir); teaser dates come after a stop line."""
    for chunk in iter_text_chunks(tree, first_h1(tree)):
        if pp.RM_STOP_LINE.match(chunk):
            return None  # related-news teasers carry their own dates
        if iso := parse_dmy(chunk):
            return iso, "dd.mm.yyyy"
    return None


def rule_day_month_year(tree: HtmlElement) -> DateFound | None:
    """Return the `13 october / 2020` line (Embassy, English or Russian months)."""
    for chunk in iter_text_chunks(tree):
        if iso := parse_day_month_year(chunk):
            return iso, "dd month / yyyy"
    return None


# TASS: the metadata hooks in order of trust; the dateline day ("November 30.") is never used (§3.1).
METADATA_RULES: tuple[DateRule, ...] = (
    rule_json_ld,
    rule_dateformat,
    rule_meta_published,
    rule_time_datetime,
)
SOURCE_DATE_RULES: dict[str, tuple[DateRule, ...]] = {
    "russkiymir": (rule_dmy_after_title,),
    "embassy": (rule_day_month_year, *METADATA_RULES),
    "tass": (*METADATA_RULES, rule_moscow_visible_time),
}
# Sources whose own rule is authoritative: an undated Russkiy Mir page must not borrow a teaser's date.
NO_GENERIC_FALLBACK = frozenset({"russkiymir"})


def generic_date(tree: HtmlElement, url: str) -> DateFound | None:
    """Return htmldate's original-publication date for a page we have no rule for (never fetches)."""
    found = find_date(tree, original_date=True, extensive_search=True, url=url)
    return (found, "htmldate") if found else None


def find_published(tree: HtmlElement, url: str, source: str | None) -> DateFound | None:
    """Return (ISO date, rule name) from the source's rules, then the generic fallback, or None."""
    for rule in SOURCE_DATE_RULES.get(source or "", METADATA_RULES):
        if found := rule(tree):
            return found
    if source in NO_GENERIC_FALLBACK:
        return None
    return generic_date(tree, url)
