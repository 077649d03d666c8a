"""Pinned-floor test: the tagger over the dev corpus must not fall below the stored floors (floors are only raised)."""

from __future__ import annotations

import json
from pathlib import Path

from extract.evaluate import format_report, score
from extract.tagger import tag_pairs

DATA = Path(__file__).parent / "data"


def test_dev_corpus_meets_pinned_floors() -> None:
    """Micro precision, recall, F1 and false alarms on negatives stay at or above tests/data/tagger_floors.json."""
    floors = json.loads((DATA / "tagger_floors.json").read_text(encoding="utf-8"))
    items = [
        json.loads(line)
        for line in (DATA / "pairs_dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    report = score(items, {i["id"]: tag_pairs(i["text"], i["language"]) for i in items})
    summary = format_report(report, verbose=True)
    assert report.negatives == 11, summary
    assert report.precision >= floors["precision"], summary
    assert report.recall >= floors["recall"], summary
    assert report.f1 >= floors["f1"], summary
    assert report.negatives_fired <= floors["max_negatives_fired"], summary


def test_evidence_is_exact_substring_on_dev_corpus() -> None:
    """Every predicted pair's evidence is text[start:end] of its article."""
    for line in (DATA / "pairs_dev.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        for pair in tag_pairs(item["text"], item["language"]):
            assert item["text"][pair.start : pair.end] == pair.evidence


REPLICA = Path(__file__).parent.parent / "replica" / "data"


def _replica_items() -> list[dict]:
    """Replica fixtures (written by the crawler work) whose gold record lists the pairs of the body."""
    items = []
    for path in sorted(REPLICA.rglob("*.json")):
        fixture = json.loads(path.read_text(encoding="utf-8"))
        gold = fixture.get("gold") or {}
        if "pairs" in gold and "body" in gold:
            items.append(
                {
                    "id": str(path.relative_to(REPLICA)),
                    "text": gold["body"],
                    "pairs": gold["pairs"],
                    "language": fixture.get("language"),
                }
            )
    return items


def test_replica_fixture_pairs_meet_floor() -> None:
    """On the replica's gold bodies (seed articles included) the tagger keeps F1 >= 0.95 and no false alarms."""
    items = _replica_items()
    assert len(items) >= 50, "replica fixtures with gold pairs are missing"
    report = score(items, {i["id"]: tag_pairs(i["text"], i["language"]) for i in items})
    summary = format_report(report, verbose=True)
    assert report.f1 >= 0.95 and report.negatives_fired == 0, summary
