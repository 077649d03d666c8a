"""Canonical URLs and the anchored article rules of the three sources (pure functions, no I/O).

The crawler's URL regexes live here as named constants (the crawler-side counterpart of
`extract/patterns.py`): spiders import the rules from this module and compile nothing themselves.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Host aliases that serve the same content as the canonical host (sources.md §1.1, §2.1, §6.2).
HOST_ALIASES: dict[str, str] = {
    "www.russkiymir.ru": "russkiymir.ru",
    "mail.russkiymir.ru": "russkiymir.ru",
    "xn--h1aaccmufcas.xn--p1ai": "russkiymir.ru",  # the IDN русскиймир.рф
    "www.washington.mid.ru": "washington.mid.ru",
    # russianembassy.org keeps its own name: it only redirects, and where its paths land is unknown (§2.1).
    "www.russianembassy.org": "russianembassy.org",
    "www.tass.com": "tass.com",
    "itar-tass.com": "tass.com",  # historical feed host (§3.1)
    "www.tass.ru": "tass.ru",
}
SLASH_HOSTS = frozenset({"russkiymir.ru", "washington.mid.ru"})  # Bitrix: directory-style URLs end with "/"
NO_SLASH_HOSTS = frozenset({"tass.com", "tass.ru"})  # TASS article URLs never end with "/" (§3.1)

# Query parameters that only track clicks; they never select content.
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "yclid", "_openstat", "mc_cid", "mc_eid", "igshid"})
TRACKING_PREFIXES = ("utm_",)

# Anchored article rules, matched against canonical URLs (sources.md §1.2, §2.2, §3.1, §3.2).
RUSSKIYMIR_ARTICLE = re.compile(r"^https://russkiymir\.ru/(?:en/)?news/\d+/$")
EMBASSY_ARTICLE = re.compile(r"^https://washington\.mid\.ru/(?:en|ru)/press-centre/news/[a-z0-9_]+/$")
TASS_COM_ARTICLE = re.compile(r"^https://tass\.com/[a-z-]+/\d+$")
TASS_RU_ARTICLE = re.compile(r"^https://tass\.ru/[a-z-]+/\d{6,}$")
ARTICLE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("russkiymir", RUSSKIYMIR_ARTICLE),
    ("embassy", EMBASSY_ARTICLE),
    ("tass", TASS_COM_ARTICLE),
    ("tass", TASS_RU_ARTICLE),
)
SOURCES: tuple[str, ...] = ("russkiymir", "embassy", "tass")

FILE_SEGMENT = re.compile(r"\.[A-Za-z0-9]{1,5}$")  # "sitemap.xml", "v2.xml", "x.jpg": files, not directories


def canonical_host(host: str) -> str:
    """Return the canonical name of `host` (lower case, IDN as punycode, mirror aliases folded)."""
    host = host.strip().rstrip(".").lower()
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass  # an undecodable label stays as given; the article rules will not match it
    return HOST_ALIASES.get(host, host)


def is_tracking(name: str) -> bool:
    """Return True for a query parameter that only tracks clicks (`utm_*`, `fbclid`, ...)."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def clean_query(query: str) -> str:
    """Return `query` without tracking parameters, other pairs kept in order with blanks."""
    # Split by hand rather than parse/re-encode: values stay byte-identical (cp1251 Bitrix filters).
    kept = [pair for pair in query.split("&") if pair and not is_tracking(unquote(pair.split("=", 1)[0]))]
    return "&".join(kept)


def slash_rule(host: str, path: str, query: str) -> str:
    """Apply the per-site trailing-slash rule to `path`."""
    if host in NO_SLASH_HOSTS and path != "/":
        return path.rstrip("/") or "/"
    last = path.rsplit("/", 1)[-1]
    # Only a bare directory-style path gains a slash: `/en/publications/139517?PAGEN_1=3` is a Bitrix
    # listing, not the article, and must not be turned into one (sources.md §1.2).
    if host in SLASH_HOSTS and not path.endswith("/") and not query and not FILE_SEGMENT.search(last):
        return path + "/"
    return path or "/"


def canonical_url(url: str) -> str:
    """Return the one spelling of `url` used for dedup and storage (https, canonical host, no tracking)."""
    # w3lib makes percent-encoding and IDN uniform; it also sorts the query, which is fine for
    # listings and a no-op for article URLs (they have no query).
    parts = urlsplit(canonicalize_url(url.strip(), keep_fragments=False))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return url.strip()
    host = canonical_host(parts.hostname)
    query = clean_query(parts.query)
    path = slash_rule(host, parts.path, query)
    return urlunsplit(("https", host, path, query, ""))


def article_kind(url: str) -> str | None:
    """Return the source whose anchored article rule matches canonical `url`, or None."""
    canonical = canonical_url(url)
    for source, rule in ARTICLE_RULES:
        if rule.match(canonical):
            return source
    return None


def is_article(url: str, source: str) -> bool:
    """Return True when `url` is an article URL of `source`."""
    return article_kind(url) == source
