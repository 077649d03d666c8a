"""The tagger on the blind challenge corpora (pinned floors), and each corpus's validity.

Each corpus was written by an engineer who had not read the tagger (see its CHALLENGE*.md). Floors are only ever
raised (the false-alarm ceiling only lowered); the held-out targets are F1 >= 0.80, unlisted recall >= 0.70 and
pairs on at most 15% of negatives.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from corpus_checks import CORPORA, Corpus, corpus_problems, load_items

from extract.evaluate import Report, format_report, score
from extract.tagger import tag_pairs

DATA = Path(__file__).parent / "data"


IDS = ["+".join(c.files) for c in CORPORA]


def _items(files: tuple[str, ...]) -> list[dict[str, Any]]:
    """The items of all files of one corpus."""
    return [item for name in files for item in load_items(DATA / name)]


@cache
def _report(files: tuple[str, ...]) -> Report:
    """The scorer's report for the tagger on one corpus (tagged once per session)."""
    items = _items(files)
    return score(items, {i["id"]: tag_pairs(i["text"], i["language"]) for i in items})


@pytest.mark.parametrize("corpus", CORPORA, ids=IDS)
def test_corpus_is_valid(corpus: Corpus) -> None:
    """Size and negatives as documented; evidence exact, ISO codes, no same-country or repeated pairs, ids unique."""
    items = _items(corpus.files)
    assert len(items) == corpus.items
    assert sum(1 for i in items if not i["pairs"]) == corpus.negatives
    assert corpus_problems(items, corpus.band) == []


@pytest.mark.parametrize("corpus", CORPORA, ids=IDS)
def test_meets_pinned_floors(corpus: Corpus) -> None:
    """Micro F1, recall on pairs not in the known lists and the false-alarm rate stay at their pinned floors."""
    report = _report(corpus.files)
    floors = json.loads((DATA / corpus.floors).read_text(encoding="utf-8"))
    summary = format_report(report, verbose=True)
    assert report.negatives == corpus.negatives, summary
    assert report.f1 >= floors["f1"], summary
    assert report.recall_unlisted >= floors["recall_unlisted"], summary
    assert report.negatives_fired / report.negatives <= floors["max_false_alarm_rate"], summary


def test_validator_catches_each_defect() -> None:
    """Each kind of defect the validator claims to check is reported (so the validity test can fail)."""
    good: dict[str, Any] = next(i for i in _items(CORPORA[0].files) if i["pairs"])
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
    found = "\n".join(corpus_problems([good, good, bad], (800, 2500)))
    expected = (
        "duplicate id", "exact substring", "'XX' is not", "same-country", "level 'town'",
        "pair fields ['evidence']", "annotated twice", "language 'de'", "text length", "fields ['notes']",
    )
    for phrase in expected:
        assert phrase in found, f"{phrase!r} not reported in:\n{found}"
    assert corpus_problems([good], (800, 2500)) == []
