"""The tagger on the second blind challenge corpus (tests/data/pairs_challenge2.jsonl), and that corpus's validity."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extract.evaluate import format_report, norm_key, score
from extract.tagger import tag_pairs

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "pairs_challenge2.jsonl"
FLOORS = DATA / "challenge2_floors.json"

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
MIN_CHARS, MAX_CHARS = 600, 2200  # the length band the corpus was written to


def load_items(path: Path = CORPUS) -> list[dict[str, Any]]:
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


def item_problems(item: dict[str, Any]) -> list[str]:
    """One line per defect of one item: schema, language, length, its pairs, pairs annotated twice."""
    where = str(item.get("id", "?"))
    problems = []
    if set(item) != FIELDS:
        problems.append(f"{where}: fields {sorted(set(item) ^ FIELDS)} differ from the dev format")
    if item.get("language") not in ("en", "ru"):
        problems.append(f"{where}: language {item.get('language')!r} is not 'en' or 'ru'")
    text = item.get("text", "")
    if not MIN_CHARS <= len(text) <= MAX_CHARS:
        problems.append(f"{where}: text length {len(text)} outside {MIN_CHARS}-{MAX_CHARS}")
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


def corpus_problems(items: list[dict[str, Any]]) -> list[str]:
    """One line per annotation defect across the corpus, including duplicate ids."""
    problems: list[str] = []
    seen: set[str] = set()
    for item in items:
        where = str(item.get("id", "?"))
        if where in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(where)
        problems += item_problems(item)
    return problems


def test_challenge2_corpus_is_valid() -> None:
    """48 items, 16 negatives; evidence exact, codes ISO alpha-2, no same-country or repeated pairs, ids unique."""
    items = load_items()
    assert len(items) == 48
    assert sum(1 for i in items if not i["pairs"]) == 16
    assert corpus_problems(items) == []


def test_validator_catches_each_defect() -> None:
    """Each kind of defect the validator claims to check is reported (so the test above can fail)."""
    good = next(i for i in load_items() if len(i["pairs"]) >= 1)
    pair = dict(good["pairs"][0])
    broken_pairs = [
        dict(pair, evidence="this sentence is not in the text"),
        dict(pair, a_country="XX"),
        dict(pair, b_country=pair["a_country"]),
        dict(pair, level="town"),
        {k: v for k, v in pair.items() if k != "evidence"},
        pair,
        pair,
    ]
    bad = dict(good, pairs=broken_pairs, language="de", text=good["text"][:100] + pair["evidence"])
    del bad["notes"]
    found = "\n".join(corpus_problems([good, good, bad]))
    expected = (
        "duplicate id", "exact substring", "'XX' is not", "same-country", "level 'town'",
        "pair fields ['evidence']", "annotated twice", "language 'de'", "text length", "fields ['notes']",
    )
    for phrase in expected:
        assert phrase in found, f"{phrase!r} not reported in:\n{found}"
    assert corpus_problems([good]) == []


@pytest.fixture(scope="module")
def report() -> Any:
    """The scorer's report for the tagger on the second challenge corpus (tagged once per module)."""
    items = load_items()
    return score(items, {i["id"]: tag_pairs(i["text"], i["language"]) for i in items})


def test_challenge2_meets_pinned_floors(report: Any) -> None:
    """Micro F1, recall on pairs not in the known lists and the false-alarm rate stay at their pinned floors."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    summary = format_report(report, verbose=True)
    assert report.negatives == 16, summary
    assert report.f1 >= floors["f1"], summary
    assert report.recall_unlisted >= floors["recall_unlisted"], summary
    assert report.negatives_fired / report.negatives <= floors["max_false_alarm_rate"], summary
