"""Validation of the annotated tagger corpora (dev format, ../shared/eval/README.md rules), shared by their tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extract.evaluate import norm_key

# ISO 3166-1 alpha-2 officially assigned codes (copied here so the check needs no extra dependency).
_ISO_CODES = """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV
    BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET
    FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM
    IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD
    ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE
    PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST
    SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS
    YE YT ZA ZM ZW"""
ISO_ALPHA2 = frozenset(_ISO_CODES.split())
FIELDS = {"id", "url", "language", "title", "published", "truncated", "text", "pairs", "notes"}
PAIR_FIELDS = {"a", "a_country", "b", "b_country", "level", "explicit", "evidence"}


def load_items(path: Path) -> list[dict[str, Any]]:
    """The annotated items of a JSON Lines corpus, one per non-empty line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def pair_problems(where: str, pair: dict[str, Any], text: str) -> list[str]:
    """One line per defect of a single gold pair: fields, exact evidence, ISO codes, same country, level/explicit."""
    label = f"{where}: {pair.get('a')}–{pair.get('b')}"
    if set(pair) != PAIR_FIELDS:
        return [f"{label}: pair fields {sorted(set(pair) ^ PAIR_FIELDS)} differ from the dev format"]
    problems = []
    if not pair["evidence"] or pair["evidence"] not in text:
        problems.append(f"{label}: evidence is not an exact substring of text")
    for code in (pair["a_country"], pair["b_country"]):
        if code not in ISO_ALPHA2:
            problems.append(f"{label}: {code!r} is not an ISO 3166-1 alpha-2 code")
    if pair["a_country"] == pair["b_country"]:
        problems.append(f"{label}: both sides in {pair['a_country']} (same-country pairs are excluded)")
    if pair["level"] not in ("city", "region") or not isinstance(pair["explicit"], bool):
        problems.append(f"{label}: level {pair['level']!r} / explicit {pair['explicit']!r}")
    return problems


def item_problems(item: dict[str, Any], band: tuple[int, int]) -> list[str]:
    """One line per defect of one item: schema, language, length, its pairs, pairs annotated twice."""
    where = str(item.get("id", "?"))
    problems = []
    if set(item) != FIELDS:
        problems.append(f"{where}: fields {sorted(set(item) ^ FIELDS)} differ from the dev format")
    if item.get("language") not in ("en", "ru"):
        problems.append(f"{where}: language {item.get('language')!r} is not 'en' or 'ru'")
    text = item.get("text", "")
    if not band[0] <= len(text) <= band[1]:
        problems.append(f"{where}: text length {len(text)} outside {band[0]}-{band[1]}")
    keys = set()
    for pair in item.get("pairs", []):
        found = pair_problems(where, pair, text)
        problems += found
        if set(pair) != PAIR_FIELDS:
            continue  # a malformed pair has no key to compare
        key = norm_key(pair["a"], pair["a_country"], pair["b"], pair["b_country"])
        if key in keys:
            problems.append(f"{where}: {pair['a']}–{pair['b']}: pair annotated twice in one item")
        keys.add(key)
    return problems


def corpus_problems(items: list[dict[str, Any]], band: tuple[int, int] = (600, 2500)) -> list[str]:
    """One line per annotation defect across the corpus, including duplicate ids."""
    problems: list[str] = []
    seen: set[str] = set()
    for item in items:
        where = str(item.get("id", "?"))
        if where in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(where)
        problems += item_problems(item, band)
    return problems
