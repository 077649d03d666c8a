"""Validation of the annotated tagger corpora (dev format, ../shared/eval/README.md rules), shared by their tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
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


# The annotated corpora scored by tests/test_tagger_corpora.py (the dev corpus aside), also read by tests/test_patterns.py.
@dataclass(frozen=True)
class Corpus:
    """One annotated corpus (one or more files scored together), floors file, size, negatives, length band."""

    files: tuple[str, ...]
    floors: str
    items: int
    negatives: int
    band: tuple[int, int]


CORPORA = [
    Corpus(("pairs_challenge.jsonl",), "challenge_floors.json", 60, 19, (800, 2500)),
    Corpus(("pairs_challenge2.jsonl",), "challenge2_floors.json", 48, 16, (600, 2200)),
    # Written in two halves by two engineers each; the tagger's authors saw only challenge-3's summary figures and
    # studied challenge-4's errors (see the floors files).
    Corpus(("pairs_challenge3a.jsonl", "pairs_challenge3b.jsonl"), "challenge3_floors.json", 72, 24, (600, 2200)),
    Corpus(("pairs_challenge4a.jsonl", "pairs_challenge4b.jsonl"), "challenge4_floors.json", 72, 24, (600, 2200)),
    # Sealed when scored once at the end of the third round (both halves); its errors are studied from round four on.
    Corpus(("pairs_challenge5a.jsonl", "pairs_challenge5b.jsonl"), "challenge5_floors.json", 72, 24, (600, 2200)),
    # Sealed when first scored in the fourth round (summary only); challenge-6's errors were studied after that.
    Corpus(("pairs_challenge6a.jsonl", "pairs_challenge6b.jsonl"), "challenge6_floors.json", 72, 24, (600, 2200)),
    Corpus(("pairs_challenge7a.jsonl", "pairs_challenge7b.jsonl"), "challenge7_floors.json", 72, 24, (600, 2200)),
    Corpus(("pairs_challenge8a.jsonl", "pairs_challenge8b.jsonl"), "challenge8_floors.json", 72, 24, (600, 2200)),
    Corpus(("pairs_challenge9a.jsonl", "pairs_challenge9b.jsonl"), "challenge9_floors.json", 72, 24, (600, 2200)),
    Corpus(("pairs_challenge10a.jsonl", "pairs_challenge10b.jsonl"), "challenge10_floors.json", 72, 24, (600, 2200)),
    Corpus(("pairs_challenge11a.jsonl", "pairs_challenge11b.jsonl"), "challenge11_floors.json", 72, 24, (600, 2200)),
    # Round five: challenge-12 scored once mid-round and then studied; challenge-13 and -14 scored once at its end.
    Corpus(("pairs_challenge12a.jsonl", "pairs_challenge12b.jsonl"), "challenge12_floors.json", 72, 24, (600, 2200)),
    Corpus(("pairs_challenge13a.jsonl", "pairs_challenge13b.jsonl"), "challenge13_floors.json", 72, 24, (600, 2200)),
    Corpus(("pairs_challenge14a.jsonl", "pairs_challenge14b.jsonl"), "challenge14_floors.json", 72, 23, (600, 2200)),
    # Round six: challenge-15 and -16 scored once at its end (written in round five, sealed until then).
    Corpus(("pairs_challenge15a.jsonl", "pairs_challenge15b.jsonl"), "challenge15_floors.json", 72, 24, (600, 2200)),
    Corpus(("pairs_challenge16a.jsonl", "pairs_challenge16b.jsonl"), "challenge16_floors.json", 72, 24, (600, 2200)),
    # Challenge-17 and -18, written in round six, scored once at its very end after challenge-15/16 were studied.
    Corpus(("pairs_challenge17a.jsonl", "pairs_challenge17b.jsonl"), "challenge17_floors.json", 72, 24, (600, 2200)),
    Corpus(("pairs_challenge18a.jsonl", "pairs_challenge18b.jsonl"), "challenge18_floors.json", 72, 24, (600, 2200)),
    # Challenge-19 and -20, written at the end of round six, scored once in round seven (same pairs as its final tagger).
    Corpus(("pairs_challenge19a.jsonl", "pairs_challenge19b.jsonl"), "challenge19_floors.json", 72, 24, (600, 2200)),
    Corpus(("pairs_challenge20a.jsonl", "pairs_challenge20b.jsonl"), "challenge20_floors.json", 72, 23, (600, 2200)),
    Corpus(("pairs_challenge21a.jsonl", "pairs_challenge21b.jsonl"), "challenge21_floors.json", 72, 23, (600, 2200)),
    # Written in round eight, scored once at the end of round nine (summary only).
    Corpus(("pairs_challenge22a.jsonl", "pairs_challenge22b.jsonl"), "challenge22_floors.json", 72, 23, (600, 2200)),
    # Written in round nine, scored once at the end of round ten (summary only).
    Corpus(("pairs_challenge23a.jsonl", "pairs_challenge23b.jsonl"), "challenge23_floors.json", 72, 24, (600, 2200)),
    # Written in round ten, scored once at the start of round eleven (summary only), studied since.
    Corpus(("pairs_challenge24a.jsonl", "pairs_challenge24b.jsonl"), "challenge24_floors.json", 72, 24, (600, 2200)),
    # Written in round eleven, scored once mid-round with its tagger at 0c5fe4c (summary only), studied since.
    Corpus(("pairs_challenge25a.jsonl", "pairs_challenge25b.jsonl"), "challenge25_floors.json", 72, 24, (600, 2200)),
    # Written in round eleven, scored once with its tagger at 421cc2d (summary only), studied since.
    Corpus(("pairs_challenge26a.jsonl", "pairs_challenge26b.jsonl"), "challenge26_floors.json", 72, 24, (600, 2200)),
    # Written in round eleven, scored once with its tagger at 108e287 (summary only), studied since.
    Corpus(("pairs_challenge27a.jsonl", "pairs_challenge27b.jsonl"), "challenge27_floors.json", 72, 24, (600, 2200)),
    # Written in round eleven, scored once with its final tagger 6741329 (summary only).
    Corpus(("pairs_challenge28a.jsonl", "pairs_challenge28b.jsonl"), "challenge28_floors.json", 72, 24, (600, 2200)),
    # Written in round eleven, scored once at the start of round twelve with 5a22f12 (summary only).
    Corpus(("pairs_challenge29a.jsonl", "pairs_challenge29b.jsonl"), "challenge29_floors.json", 72, 24, (600, 2200)),
    # Written in round twelve, scored once mid-round with 5fd1f9f (summary only).
    Corpus(("pairs_challenge30a.jsonl", "pairs_challenge30b.jsonl"), "challenge30_floors.json", 72, 24, (600, 2200)),
    # Written in round twelve, scored once at its end with its final tagger 3bdee93 (summary only).
    Corpus(("pairs_challenge31a.jsonl", "pairs_challenge31b.jsonl"), "challenge31_floors.json", 72, 24, (600, 2200)),
    # Written in round twelve, scored once at the start of round thirteen with 5458ff2, round twelve's final (summary only).
    Corpus(("pairs_challenge32a.jsonl", "pairs_challenge32b.jsonl"), "challenge32_floors.json", 72, 24, (600, 2200)),
    # Written in round thirteen, scored once at its end with its final tagger 5dbfdcd (summary only).
    Corpus(("pairs_challenge33a.jsonl", "pairs_challenge33b.jsonl"), "challenge33_floors.json", 72, 24, (600, 2200)),
    # Written in round thirteen, scored once at the start of round fourteen with da79e5b, round thirteen's final (summary only).
    Corpus(("pairs_challenge34a.jsonl", "pairs_challenge34b.jsonl"), "challenge34_floors.json", 72, 24, (600, 2200)),
    # Written in round fourteen, scored once at its end with its final tagger 11d4b78 (summary only).
    Corpus(("pairs_challenge35a.jsonl", "pairs_challenge35b.jsonl"), "challenge35_floors.json", 72, 24, (600, 2200)),
    # Written in round fourteen, scored once at the start of round fifteen with 4c5dc01, round fourteen's final (summary only).
    Corpus(("pairs_challenge36a.jsonl", "pairs_challenge36b.jsonl"), "challenge36_floors.json", 72, 24, (600, 2200)),
    # Written in round fifteen (37 texts a half), scored once at its end with its final tagger 5eb9211 (summary only).
    Corpus(("pairs_challenge37a.jsonl", "pairs_challenge37b.jsonl"), "challenge37_floors.json", 74, 24, (600, 2200)),
]
