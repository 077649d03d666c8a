"""Every replica behaviour that is not plain "serve the page", with its evidence mark (sources.md §6.1.4).

[E] evidenced, [I] inferred, [G] guessed. A behaviour can be switched off when evidence contradicts it:
`python -m replica --set RM_SITEMAP=on --set EMB_PAGEN_PAST_END_LAST=off`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Behaviour:
    """One switchable behaviour: default state, evidence mark, and what it does."""

    default: bool
    mark: str
    what: str


BEHAVIOURS: dict[str, Behaviour] = {
    # Russkiy Mir (sources.md §1, §6.2)
    "RM_MIRROR_HOSTS": Behaviour(
        True, "E", "www., mail. and the IDN host serve the same content, no redirect"
    ),
    "RM_CP1251": Behaviour(True, "I", "pages are windows-1251 bytes, header + meta; other chars as &#NNN;"),
    "RM_PAGEN_PAST_END_LAST": Behaviour(
        True, "G", "PAGEN_1 above the last page answers 200 with the last page"
    ),
    "RM_NOSLASH_301": Behaviour(
        True, "G", "/en/news/{id} without slash (and no PAGEN_1) -> 301 to the slash form"
    ),
    "RM_JUNK_LISTING": Behaviour(
        True, "E", "anything under /en/news/{id}/... or /{id}?PAGEN_1 answers a listing"
    ),
    "RM_FILTERS": Behaviour(True, "E", "arrFilter_pf[razdel|subject] filters in all their spellings"),
    "RM_OLD_RSS_HTML": Behaviour(True, "E", "/russkiymir/ru/news/common/rss.html answers HTML, not RSS"),
    "RM_SITEMAP": Behaviour(False, "G", "/sitemap.xml -> sitemap_iblock_1.xml (off: 404)"),
    "RM_ROBOTS": Behaviour(True, "G", "Bitrix-default robots.txt plus /en/news/print/ disallowed"),
    "RM_LISTING_ONLY_ITEMS": Behaviour(
        True, "G", "listing filler items whose article pages answer 404 (§6.7)"
    ),
    # Embassy (sources.md §2, §6.3)
    "EMB_OLD_DOMAIN_301": Behaviour(
        True, "I", "russianembassy.org/* -> 301 https://washington.mid.ru/en/ (/ru/...->/ru/)"
    ),
    "EMB_PAGEN": Behaviour(True, "G", "listing pagination with ?PAGEN_1=N"),
    "EMB_PAGEN_PAST_END_LAST": Behaviour(True, "G", "PAGEN_1 above the last page answers the last page"),
    "EMB_YEARLESS_DATES": Behaviour(True, "E", "listing dates 'DD month' without a year"),
    "EMB_FOOTER": Behaviour(True, "G", "Print / share / language links under the article"),
    "EMB_NO_SITEMAP": Behaviour(True, "G", "/sitemap.xml answers 404"),
    "EMB_NOSLASH_301": Behaviour(True, "G", "article path without trailing slash -> 301"),
    # TASS (sources.md §3, §6.4)
    "TASS_SHELLS": Behaviour(
        True, "E", "section pages are AngularJS shells with sectionId and <=3 teasers [G count]"
    ),
    "TASS_API": Behaviour(
        True, "E", "POST /userApi/categoryNewsList JSON (limit/timestamp/excludeNewsIds [I])"
    ),
    "TASS_UTM_IN_RSS": Behaviour(True, "G", "two tass.com RSS links carry ?utm_source=rss"),
    "TASS_TODAY_IN_SITEMAP": Behaviour(True, "G", "one sitemap <loc> is https://tass.com/today"),
    "TASS_WRONG_SECTION_301": Behaviour(
        True, "G", "/{other section}/{known id} -> 301 to the canonical section"
    ),
    "TASS_ROBOTS": Behaviour(True, "G", "robots.txt: Disallow /search and /userApi/search, Sitemap line"),
    "TASS_RU_TBP_API": Behaviour(True, "G", "tass.ru /tbp/api/v1/content JSON [E endpoint, G shape]"),
    # All hosts
    "GZIP": Behaviour(True, "I", "gzip text responses when the client sends Accept-Encoding: gzip"),
}


class Switches:
    """The behaviour states of one server run (defaults plus --set overrides)."""

    def __init__(self, overrides: dict[str, bool] | None = None) -> None:
        unknown = set(overrides or {}) - set(BEHAVIOURS)
        if unknown:
            raise ValueError(f"unknown behaviour {sorted(unknown)}; known: {', '.join(sorted(BEHAVIOURS))}")
        self.state = {name: b.default for name, b in BEHAVIOURS.items()} | dict(overrides or {})

    def on(self, name: str) -> bool:
        """Whether a behaviour is enabled (KeyError for a typo, so it cannot silently stay off)."""
        return self.state[name]


def parse_override(item: str) -> tuple[str, bool]:
    """Parse 'NAME=on|off' from the command line."""
    name, _, value = item.partition("=")
    if value.lower() not in {"on", "off", "1", "0", "true", "false"}:
        raise ValueError(f"--set {item!r}: use NAME=on or NAME=off")
    return name.strip().upper(), value.lower() in {"on", "1", "true"}
