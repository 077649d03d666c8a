"""Static checks of the TASS replica fixtures (replica/data/tass/{en,ru}/*.json) against replica/README.md."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent.parent / "replica" / "data" / "tass"
MOSCOW = timezone(timedelta(hours=3))  # the dateline day is the Moscow day (sources.md §3.1)
URL_RE = {"en": re.compile(r"^https://tass\.com/[a-z-]+/\d+$"), "ru": re.compile(r"^https://tass\.ru/[a-z-]+/\d{6,}$")}
DATELINE_RE = {  # "WASHINGTON, June 21. /TASS/.", "NEW YORK, November 30./TASS/.", "IGORA /Leningrad Region/, ..."
    "en": re.compile(r"^(?P<place>[A-Z][A-Z .'-]+(?: /[^/]+/)?), (?P<month>[A-Z][a-z]+) (?P<day>\d{1,2})\. ?/TASS/\. "),
    "ru": re.compile(r"^(?P<place>[А-ЯЁ][А-ЯЁ .-]+(?: /[^/]+/)?), (?P<day>\d{1,2}) (?P<month>[а-я]+)\. /ТАСС/\. "),
}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
}
LAYOUTS = {"en": {"news", "article", "interview", "opinion"}, "ru": {"gen1", "gen2", "gen3"}}
SECTION_IDS = {"politics": 4954, "world": 4844, "economy": 4845, "defense": 4953, "science": 4957,
               "emergencies": 4992, "society": 4956, "pressreview": 4981, "sports": 4869}  # sources.md §3.1
REQUIRED = ("url", "language", "title", "published", "layout", "listing", "page", "paragraphs", "origin", "gold")
GOLD_REQUIRED = ("title", "published", "date_only", "language", "canonical_url", "body", "must_not_contain", "pairs")
PAIR_FIELDS = {"a", "a_country", "b", "b_country", "level", "explicit", "relation", "status", "evidence"}
STATUSES = {"active", "suspended", "ended", "restored", None}
TAG_RE = re.compile(r"<[^>]+>")


def _load(lang: str) -> list[tuple[Path, dict[str, Any]]]:
    """Every fixture file of one language folder with its parsed JSON."""
    return [(f, json.loads(f.read_text(encoding="utf-8"))) for f in sorted((DATA / lang).glob("*.json"))]


FIXTURES = [(lang, f, obj) for lang in ("en", "ru") for f, obj in _load(lang)]
IDS = [f"{lang}/{f.stem}" for lang, f, _ in FIXTURES]


def _published(value: str) -> datetime:
    """Parse the fixture's ISO datetime (Z or an explicit offset)."""
    return datetime.fromisoformat(value)  # Python 3.11 reads the "Z" suffix itself


def _shown(obj: dict[str, Any]) -> list[str]:
    """Paragraphs as rendered: a dateline given apart in page.dateline opens the first one (seed style)."""
    paragraphs = list(obj["paragraphs"])
    dateline = obj["page"].get("dateline", "")
    if dateline and not TAG_RE.sub("", paragraphs[0]).startswith(dateline):
        paragraphs[0] = f"{dateline} {paragraphs[0]}"
    return paragraphs


def _non_seed(lang: str) -> list[dict[str, Any]]:
    """The fixtures of one language that are not the copied seed documents."""
    return [obj for lg, _, obj in FIXTURES if lg == lang and not str(obj.get("origin", "")).startswith("seed")]


@pytest.mark.parametrize(("lang", "file", "obj"), FIXTURES, ids=IDS)
def test_fixture_fields_and_url(lang: str, file: Path, obj: dict[str, Any]) -> None:
    """Required fields exist, the URL is canonical and the file is named after the id."""
    assert all(name in obj for name in REQUIRED), [n for n in REQUIRED if n not in obj]
    assert all(name in obj["gold"] for name in GOLD_REQUIRED), [n for n in GOLD_REQUIRED if n not in obj["gold"]]
    assert obj["language"] == lang == obj["gold"]["language"]
    assert URL_RE[lang].match(obj["url"]), obj["url"]
    assert obj["gold"]["canonical_url"] == obj["url"]
    assert obj["url"].rsplit("/", 1)[1] == file.stem
    assert obj["layout"] in LAYOUTS[lang]
    assert obj["gold"]["title"] == obj["title"] and obj["title"].strip()
    section = obj["url"].split("/")[3]
    assert obj["listing"]["section"] == section
    if lang == "en" and "section_id" in obj["listing"]:  # null for sections without a known id (russia)
        assert obj["listing"]["section_id"] == SECTION_IDS.get(section)


@pytest.mark.parametrize(("lang", "file", "obj"), FIXTURES, ids=IDS)
def test_published_and_dateline(lang: str, file: Path, obj: dict[str, Any]) -> None:
    """published carries an offset; the first paragraph opens with a dateline whose day is the Moscow day."""
    published = _published(obj["published"])
    assert published.tzinfo is not None, obj["published"]
    assert obj["gold"]["published"] == obj["published"] and obj["gold"]["date_only"] is False
    seed = str(obj["origin"]).startswith("seed")  # the seed gives its dateline apart, in page.dateline
    first = TAG_RE.sub("", (_shown(obj) if seed else obj["paragraphs"])[0])
    match = DATELINE_RE[lang].match(first)
    assert match, first[:80]
    assert first.startswith(obj["page"].get("dateline", "")), "page.dateline differs from the paragraph's dateline"
    moscow = published.astimezone(MOSCOW)
    assert int(match["day"]) == moscow.day and match["month"] == MONTHS[lang][moscow.month - 1], first[:60]


@pytest.mark.parametrize(("lang", "file", "obj"), FIXTURES, ids=IDS)
def test_gold_body_and_boilerplate(lang: str, file: Path, obj: dict[str, Any]) -> None:
    """gold.body is the paragraphs with inline tags stripped, joined by newlines; no forbidden strings in it."""
    paragraphs = _shown(obj)
    assert 3 <= len(paragraphs) <= 8 or str(obj["origin"]).startswith("seed")
    assert obj["gold"]["body"] == "\n".join(TAG_RE.sub("", p) for p in paragraphs)
    assert "<" not in obj["gold"]["body"] and ">" not in obj["gold"]["body"]
    assert obj["gold"]["must_not_contain"], "gold.must_not_contain is empty"
    for forbidden in obj["gold"]["must_not_contain"]:
        assert forbidden not in obj["gold"]["body"], forbidden
    lead = obj["page"].get("lead")
    if lang == "en" and obj["layout"] != "interview" or lang == "ru" and obj["layout"] in {"gen2", "gen3"}:
        assert lead and lead not in obj["gold"]["body"].split("\n"), "a lead is required and is not a body paragraph"


@pytest.mark.parametrize(("lang", "file", "obj"), FIXTURES, ids=IDS)
def test_gold_pairs_are_well_formed(lang: str, file: Path, obj: dict[str, Any]) -> None:
    """Each gold pair has the annotation fields, two countries, and evidence quoted from the body."""
    seen = set()
    for pair in obj["gold"]["pairs"]:
        assert PAIR_FIELDS <= set(pair), PAIR_FIELDS - set(pair)
        assert re.fullmatch(r"[A-Z]{2}", pair["a_country"]) and re.fullmatch(r"[A-Z]{2}", pair["b_country"])
        assert pair["a_country"] != pair["b_country"], "a pair joins two different countries"
        assert pair["level"] in {"city", "region"} and pair["relation"] in {"sister", "partner"}
        assert pair["status"] in STATUSES and isinstance(pair["explicit"], bool)
        assert pair["evidence"] in obj["gold"]["body"], pair["evidence"][:80]
        key = frozenset({(pair["a"], pair["a_country"]), (pair["b"], pair["b_country"])})
        assert key not in seen, "one entry per unordered pair"
        seen.add(key)
        assert {pair["a"], pair["b"]} != {"Moscow", "Washington"}, "never a twinning claim for Moscow-Washington"


def test_ids_unique_across_folders() -> None:
    """No URL or id is used twice."""
    urls = Counter(obj["url"] for _, _, obj in FIXTURES)
    assert [u for u, n in urls.items() if n > 1] == []
    ids = Counter((lang, f.stem) for lang, f, _ in FIXTURES)
    assert [i for i, n in ids.items() if n > 1] == []


def test_counts_and_mix_meet_the_brief() -> None:
    """Minimum fixture counts, layout spread, zones, and a mix of pair-bearing and pair-free articles."""
    en, ru = _non_seed("en"), _non_seed("ru")
    assert all("section_id" in o["listing"] for o in en)
    assert len(en) >= 27 and len(ru) >= 14, (len(en), len(ru))
    en_layouts, ru_layouts = Counter(o["layout"] for o in en), Counter(o["layout"] for o in ru)
    assert all(en_layouts[name] >= 2 for name in ("article", "interview", "opinion")), en_layouts
    assert en_layouts["news"] > len(en) / 2, en_layouts
    assert all(ru_layouts[name] >= 4 for name in ("gen1", "gen2", "gen3")), ru_layouts
    assert any(o["published"].endswith("Z") for o in en) and any(o["published"].endswith("+03:00") for o in en)
    assert all(o["published"].endswith("+03:00") for o in ru)
    mismatched = [o for o in en if _published(o["published"]).astimezone(UTC).date()
                  < _published(o["published"]).astimezone(MOSCOW).date()]
    assert mismatched, "one fixture needs a UTC date one day before its dateline day"
    for group in (en, ru):
        with_pairs = sum(1 for o in group if o["gold"]["pairs"])
        assert 0.3 <= with_pairs / len(group) <= 0.55, with_pairs
    adapted = sum(1 for o in en + ru if str(o["origin"]).startswith("adapted from pairs_dev.jsonl"))
    assert adapted <= (len(en) + len(ru)) / 4
    assert any("<a href=" in p for o in en for p in o["paragraphs"])
