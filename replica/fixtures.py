"""Load and validate the article fixtures under `replica/data/<site>/<lang>/*.json` (read once at start)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DATA_DIR = Path(__file__).resolve().parent / "data"
MOSCOW = timezone(timedelta(hours=3))  # Russian sites show Moscow dates; no DST since 2014

SITES: dict[str, dict[str, str]] = {  # site -> language -> canonical host of its articles
    "russkiymir": {"en": "russkiymir.ru", "ru": "russkiymir.ru"},
    "embassy": {"en": "washington.mid.ru", "ru": "washington.mid.ru"},
    "tass": {"en": "tass.com", "ru": "tass.ru"},
}
LAYOUTS: dict[str, set[str]] = {
    "russkiymir.ru": {"default"},
    "washington.mid.ru": {"p", "br"},
    "tass.com": {"news", "article", "interview", "opinion"},
    "tass.ru": {"gen1", "gen2", "gen3"},
}
REQUIRED = ("url", "language", "title", "published", "layout", "paragraphs", "gold")
GOLD_REQUIRED = ("title", "published", "language", "canonical_url", "body", "must_not_contain", "pairs")


class FixtureError(ValueError):
    """A fixture file is unusable; the message is one line naming the file and the fix."""


@dataclass(frozen=True)
class Article:
    """One article fixture: where it is served, what it shows, and its raw JSON (gold included)."""

    site: str
    lang: str
    key: str
    file: Path
    url: str
    host: str
    path: str
    title: str
    published: datetime  # aware; date-only values are midnight Moscow time
    date_only: bool
    layout: str
    paragraphs: tuple[str, ...]
    listing: dict[str, Any] = field(default_factory=dict)
    page: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def day(self) -> date:
        """The publication day in Moscow time (what Russian sites print)."""
        return self.published.astimezone(MOSCOW).date()

    @property
    def unix(self) -> int:
        """Publication time as unix seconds (TASS `dateformat` and API)."""
        return int(self.published.timestamp())

    @property
    def numeric_id(self) -> int:
        """The trailing number of the URL path (0 for slug URLs)."""
        tail = self.path.rstrip("/").rsplit("/", 1)[-1]
        return int(tail) if tail.isdigit() else 0


def parse_published(value: str) -> tuple[datetime, bool]:
    """Parse an ISO date or an ISO datetime with offset; return (aware datetime, date_only)."""
    if len(value) == 10:
        return datetime.combine(date.fromisoformat(value), datetime.min.time(), MOSCOW), True
    parsed = datetime.fromisoformat(value)  # 3.11 reads "Z"
    if parsed.tzinfo is None:
        raise ValueError("datetime without an offset")
    return parsed, False


def _fail(file: Path, problem: str) -> FixtureError:
    """Build the one-line error naming the file, the problem and where the schema is."""
    return FixtureError(f"{file}: {problem} (schema: replica/README.md)")


def _check_fields(obj: dict[str, Any], file: Path) -> None:
    """Raise when a documented required field is missing."""
    for name in REQUIRED:
        if name not in obj:
            raise _fail(file, f"missing field '{name}'")
    if not isinstance(obj["gold"], dict):
        raise _fail(file, "field 'gold' must be an object")
    for name in GOLD_REQUIRED:
        if name not in obj["gold"]:
            raise _fail(file, f"missing field 'gold.{name}'")
    if not isinstance(obj["paragraphs"], list) or not obj["paragraphs"]:
        raise _fail(file, "field 'paragraphs' must be a non-empty list of strings")


def load_article(file: Path, site: str, lang: str) -> Article:
    """Read and validate one fixture file."""
    try:
        obj = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(file, f"not readable JSON ({exc})") from exc
    if not isinstance(obj, dict):
        raise _fail(file, "top level must be a JSON object")
    _check_fields(obj, file)
    parts = urlsplit(obj["url"])
    host = parts.hostname or ""
    if host != SITES[site][lang]:
        raise _fail(file, f"url host {host!r} should be {SITES[site][lang]!r} for {site}/{lang}")
    if obj["language"] != lang:
        raise _fail(file, f"language {obj['language']!r} does not match its folder {lang!r}")
    if obj["layout"] not in LAYOUTS[host]:
        raise _fail(file, f"layout {obj['layout']!r} not one of {sorted(LAYOUTS[host])}")
    try:
        published, date_only = parse_published(str(obj["published"]))
    except ValueError as exc:
        raise _fail(file, f"field 'published' {obj['published']!r} is not ISO ({exc})") from exc
    return Article(
        site=site,
        lang=lang,
        key=file.stem,
        file=file,
        url=obj["url"],
        host=host,
        path=parts.path + (f"?{parts.query}" if parts.query else ""),
        title=obj["title"],
        published=published,
        date_only=date_only,
        layout=obj["layout"],
        paragraphs=tuple(obj["paragraphs"]),
        listing=dict(obj.get("listing") or {}),
        page=dict(obj.get("page") or {}),
        raw=obj,
    )


class Store:
    """All fixtures, indexed by (host, path) and listed per site and language newest first."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = sorted(articles, key=lambda a: (-a.published.timestamp(), a.path))
        self.by_url: dict[tuple[str, str], Article] = {}
        for art in self.articles:
            if (art.host, art.path) in self.by_url:
                other = self.by_url[(art.host, art.path)].file
                raise _fail(art.file, f"url {art.url} is also used by {other}")
            self.by_url[(art.host, art.path)] = art

    def get(self, host: str, path: str) -> Article | None:
        """The fixture served at this canonical host and path, if any."""
        return self.by_url.get((host, path))

    def select(self, host: str, lang: str | None = None, prefix: str = "") -> list[Article]:
        """Fixtures of one host (and language, path prefix), newest first."""
        return [
            a
            for a in self.articles
            if a.host == host and (lang is None or a.lang == lang) and a.path.startswith(prefix)
        ]


def load_store(root: Path = DATA_DIR) -> Store:
    """Read every fixture under root once; raise FixtureError on the first bad file."""
    articles = []
    for site, langs in SITES.items():
        for lang in langs:
            for file in sorted((root / site / lang).glob("*.json")):
                articles.append(load_article(file, site, lang))
    return Store(articles)
