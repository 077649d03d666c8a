"""Static checks of the Russkiy Mir and Embassy article fixtures (`replica/data/{russkiymir,embassy}/{en,ru}/`).

Each fixture is a page the replica serves plus the gold record the pipeline is scored against, so a wrong
URL, a gold body that differs from the paragraphs, or a pair the text does not support would silently
corrupt every crawl and tagging test built on top of them. These checks read only the fixture files and
the engine's own loader (`replica.fixtures.load_article`); no server is started.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from replica.fixtures import load_article

DATA = Path(__file__).resolve().parent.parent / "replica" / "data"
SITES = ("russkiymir", "embassy")
LANGS = ("en", "ru")
URL_RULE = {  # anchored article rules (sources.md §1.2, §2.2): anything else is not an article
    "russkiymir": re.compile(r"^https://russkiymir\.ru/(en/)?news/\d{6}/$"),
    "embassy": re.compile(r"^https://washington\.mid\.ru/(en|ru)/press-centre/news/[a-z0-9_]+/$"),
}
MINIMUM = {("russkiymir", "en"): 18, ("russkiymir", "ru"): 12, ("embassy", "en"): 14, ("embassy", "ru"): 8}
PAIR_KEYS = {"a", "a_country", "b", "b_country", "level", "explicit", "relation", "status"}
STATUSES = {"active", "suspended", "ended", "restored", None}
# Bitrix CUtil::translit default Russian table [I] (sources.md §2.2: slugs are transliterated titles).
TRANSLIT = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
            "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
            "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "",
            "э": "e", "ю": "yu", "я": "ya"}
# How a canonical name may appear in a body: Latin variants and Cyrillic stems (case forms share the stem).
# Names not listed here must appear as their first letters (all but the last two characters).
FORMS: dict[str, tuple[str, ...]] = {
    "Saint Petersburg": ("Petersburg", "Петербург"), "Leningrad Oblast": ("Leningrad", "Ленинградск"),
    "Nizhny Novgorod Oblast": ("Nizhny Novgorod Region", "Нижегородск"), "Nizhny Novgorod": ("Nizhny", "Нижн"),
    "Volgograd": ("Volgograd", "Stalingrad", "Волгоград", "Сталинград"), "Sakha Republic": ("Sakha", "Саха"),
    "Stavropol Krai": ("Stavropol Krai", "Ставропольск"), "Tromsø": ("Troms", "Тромсё"),
    "Magadan": ("Магадан",), "Anchorage": ("Анкоридж",), "Essen": ("Эссен",), "Maryland": ("Мэриленд",),
    "Kymenlaakso": ("Кюменлааксо",), "Kostroma": ("Костром",), "Fermo": ("Фермо",), "Murmansk": ("Мурманск",),
    "Akureyri": ("Акюрейри",), "Harbin": ("Харбин",), "Alanya": ("Алан",), "Blagoveshchensk": ("Благовещенск",),
    "Heihe": ("Хэйхэ",), "Khabarovsk": ("Хабаровск",), "Tver": ("Твер",), "Buffalo": ("Буффало",),
    "Yaroslavl": ("Ярослав",), "Burlington": ("Берлингтон",), "Yekaterinburg": ("Екатеринбург",),
    "San Jose": ("Сан-Хосе",), "Los Angeles": ("Лос-Анджелес",), "Alaska": ("Аляск",), "Stavropol": ("Ставропол",),
    "Des Moines": ("Де-Мойн",), "Tula": ("Тул",), "Albany": ("Олбани",),
}


def fixture_files() -> list[Path]:
    """All article fixture files of the two sites, in a stable order."""
    return sorted(p for site in SITES for lang in LANGS for p in (DATA / site / lang).glob("*.json"))


def read(path: Path) -> dict[str, Any]:
    """One fixture as a dict."""
    obj: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return obj


def site_lang(path: Path) -> tuple[str, str]:
    """(site, language) from the fixture's folder."""
    return path.parent.parent.name, path.parent.name


def strip_tags(fragment: str) -> str:
    """Plain text of an HTML paragraph fragment (tags dropped, their text and entities kept)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def bitrix_slug(title: str) -> str:
    """The Bitrix slug: lower-cased, transliterated, non-alphanumeric runs → `_`, cut at 100 characters."""
    latin = "".join(TRANSLIT.get(ch, ch) for ch in title.lower())
    return re.sub(r"[^a-z0-9]+", "_", latin).strip("_")[:100]


def name_occurs(name: str, body: str) -> bool:
    """True when the canonical name, one of its variants, or its stem occurs in the body."""
    forms = FORMS.get(name, ()) + (name if len(name) <= 5 else name[:-2],)
    low = body.casefold()
    return any(form.casefold() in low for form in forms)


def is_seed(obj: dict[str, Any]) -> bool:
    """Seed fixtures (written by the engine author from /work/shared/seeds) are not counted as content."""
    return str(obj.get("origin", "")).startswith("seed")


FILES = fixture_files()
IDS = [f"{p.parent.parent.name}/{p.parent.name}/{p.stem[:40]}" for p in FILES]


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_fixture_is_well_formed(path: Path) -> None:
    """Parses with the engine's loader, and gold repeats the page's title, date, language and URL."""
    site, lang = site_lang(path)
    obj = read(path)
    art = load_article(path, site, lang)  # raises a one-line FixtureError naming the file
    gold = obj["gold"]
    assert gold["canonical_url"] == obj["url"] == art.url
    assert (gold["title"], gold["published"], gold["language"]) == (obj["title"], obj["published"], lang)
    assert gold["date_only"] is True and re.fullmatch(r"\d{4}-\d{2}-\d{2}", obj["published"])
    assert obj["origin"] and isinstance(gold["must_not_contain"], list) and gold["must_not_contain"]


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_url_follows_the_site_rule(path: Path) -> None:
    """The URL matches the anchored article rule, its language tree and the file name."""
    site, lang = site_lang(path)
    url = read(path)["url"]
    assert URL_RULE[site].match(url), url
    assert url.rstrip("/").rsplit("/", 1)[-1] == path.stem
    if site == "russkiymir":
        assert ("/en/news/" in url) == (lang == "en")
    else:
        assert f"/{lang}/press-centre/news/" in url


@pytest.mark.parametrize("path", [p for p in FILES if "embassy" in p.parts and not p.stem.isdigit()],
                         ids=lambda p: f"{p.parent.name}/{p.stem[:40]}")
def test_embassy_slug_obeys_the_100_character_rule(path: Path) -> None:
    """A slug is the Bitrix slug of the title, or that slug plus `_1` when an older page took it."""
    obj = read(path)
    expected = bitrix_slug(obj["title"])
    assert path.stem in (expected, expected + "_1"), (path.stem, expected)
    assert len(expected) <= 100


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_gold_body_is_the_plain_paragraphs(path: Path) -> None:
    """The body equals the tag-stripped paragraphs joined by newlines and contains no page chrome."""
    obj = read(path)
    body = obj["gold"]["body"]
    assert body == "\n".join(strip_tags(p) for p in obj["paragraphs"])
    assert "<" not in body and ">" not in body
    leaked = [s for s in obj["gold"]["must_not_contain"] if s in body]
    assert not leaked, leaked
    if site_lang(path)[0] == "russkiymir" and not is_seed(obj):
        assert 3 <= len(obj["paragraphs"]) <= 8


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_gold_pairs_follow_the_annotation_rules(path: Path) -> None:
    """Each pair is well formed (eval/README.md rules), supported by the body, and never Moscow–Washington."""
    obj = read(path)
    body = obj["gold"]["body"]
    # The brief fixes relation to sister|partner; the engine author's seeds also use "twin" (reported, not ours).
    relations = {"sister", "partner", "twin"} if is_seed(obj) else {"sister", "partner"}
    seen: set[frozenset[tuple[str, str]]] = set()
    for pair in obj["gold"]["pairs"]:
        assert PAIR_KEYS <= set(pair), pair
        assert re.fullmatch(r"[A-Z]{2}", pair["a_country"]) and re.fullmatch(r"[A-Z]{2}", pair["b_country"])
        assert pair["a_country"] != pair["b_country"], "a pair needs two different countries"
        assert pair["level"] in {"city", "region"} and isinstance(pair["explicit"], bool)
        assert pair["relation"] in relations and pair["status"] in STATUSES
        key = frozenset({(pair["a"], pair["a_country"]), (pair["b"], pair["b_country"])})
        assert key not in seen, f"duplicate pair {sorted(key)}"
        seen.add(key)
        assert {pair["a"], pair["b"]} != {"Moscow", "Washington"}
        if "evidence" in pair:
            assert pair["evidence"] in body, pair["evidence"]
        assert name_occurs(pair["a"], body) and name_occurs(pair["b"], body), (pair["a"], pair["b"])


def test_urls_are_unique_across_all_fixtures() -> None:
    """No two fixture files of any site (TASS included) claim the same URL."""
    urls = [read(p)["url"] for p in sorted(DATA.glob("*/*/*.json"))]
    assert len(urls) == len(set(urls)), sorted(u for u in set(urls) if urls.count(u) > 1)


def test_site_counts_meet_the_minima() -> None:
    """Enough non-seed articles per site and language, and a realistic mix of pair / no-pair pages."""
    for (site, lang), minimum in MINIMUM.items():
        objs = [read(p) for p in (DATA / site / lang).glob("*.json")]
        content = [o for o in objs if not is_seed(o)]
        assert len(content) >= minimum, (site, lang, len(content))
        with_pairs = sum(1 for o in content if o["gold"]["pairs"])
        assert 0.3 <= with_pairs / len(content) <= 0.65, (site, lang, with_pairs, len(content))


def test_russkiymir_tricky_cases_are_present() -> None:
    """The Russkiy Mir cases of sources.md §6.2 and §6.6 exist in the fixtures."""
    objs = [read(p) for p in FILES if p.parts[-3] == "russkiymir"]
    en = [o for o in objs if o["language"] == "en"]
    text = "\n".join(p for o in en for p in o["paragraphs"])
    subjects = {o.get("listing", {}).get("subject") for o in en}
    assert {"Общество", "Array", "Politics", "Culture", "Diaspora", "Community", "Education"} <= subjects
    assert '<a href="www.britishmuseum.org/">British Museum</a>' in text
    assert 'href="/en/news/print/"' in text
    assert all(ch in text for ch in "«»—№“”ö")
    assert any(o.get("page", {}).get("meta_charset") == "utf-8" for o in en)
    assert any(o.get("page", {}).get("show_date") is False for o in objs)
    credits = [o.get("page", {}).get("photo_credit", "") for o in en]
    assert "" in credits and "konsulmir.com" in credits and max(map(len, credits)) > 60
    assert {o["published"][:4] for o in objs} >= {str(y) for y in range(2018, 2025)}


def test_embassy_tricky_cases_are_present() -> None:
    """The Embassy cases of sources.md §2.2–2.4 and §6.3 exist in the fixtures."""
    paths = [p for p in FILES if p.parts[-3] == "embassy"]
    objs = {p: read(p) for p in paths}
    stems = {p.stem for p in paths}
    assert "remarks_by_ambassador_of_the_russian_federation_to_the_united_states_of_america_dr_anatoly_antonov_a" in stems
    assert any(s.endswith("_1") and s[:-2] in stems and len(s[:-2]) == 100 for s in stems)
    assert sum(s.isdigit() for s in stems) >= 1
    assert sum(o["layout"] == "br" for o in objs.values()) >= 2
    assert any(" fr om " in o["gold"]["body"] for o in objs.values())
    days = {o["published"] for o in objs.values()}
    assert any(d[5:] >= "12-20" and f"{int(d[:4]) + 1}-01-0" in " ".join(days) for d in days)
    en_urls = {o["url"] for o in objs.values() if o["language"] == "en"}
    ru = [o for o in objs.values() if o["language"] == "ru"]
    paired = [o for o in ru if o.get("listing", {}).get("translation_of")]
    assert all(o["listing"]["translation_of"] in en_urls for o in paired)
    assert 0.3 <= len(paired) / len(ru) <= 0.7
