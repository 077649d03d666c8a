"""Score tagged pairs against an annotated corpus, as ../shared/eval/README.md describes."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from extract.gazetteer import load, pair_key
from extract.models import Pair

Key = tuple[tuple[str, str], tuple[str, str]]


@dataclass(frozen=True)
class Report:
    """Corpus-level figures."""

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    macro_f1: float
    recall_explicit: float
    recall_implicit: float
    recall_listed: float
    recall_unlisted: float
    negatives: int
    negatives_fired: int
    articles: int
    errors: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # id -> {"fp": [...], "fn": [...]}


def norm_name(name: str) -> str:
    """Normalise a place name for comparison: accents, case, Saint/St., hyphens."""
    s = name.replace("ø", "o").replace("Ø", "O").replace("ł", "l")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()
    s = s.replace("-", " ").replace("saint ", "st ").replace("st. ", "st ")
    return " ".join(s.split())


def norm_key(a: str, a_country: str, b: str, b_country: str) -> Key:
    """Unordered, normalised identity of a pair."""
    return pair_key((norm_name(a), a_country.upper()), (norm_name(b), b_country.upper()))


def _key(p: Pair | Mapping[str, Any]) -> Key:
    """Key of a Pair or of a pair dict."""
    if isinstance(p, Pair):
        return norm_key(p.a, p.a_country, p.b, p.b_country)
    return norm_key(p["a"], p["a_country"], p["b"], p["b_country"])


def _ratio(n: int, d: int) -> float:
    """n/d, or 1.0 when there is nothing to find."""
    return n / d if d else 1.0


def _f1(p: float, r: float) -> float:
    """Harmonic mean."""
    return 2 * p * r / (p + r) if p + r else 0.0


def score(
    gold_items: Iterable[Mapping[str, Any]], predicted: Mapping[str, Iterable[Pair | Mapping[str, Any]]]
) -> Report:
    """Compare predicted pairs (by item id) with the gold pairs of each annotated item."""
    listed = {norm_key(a[0], a[1], b[0], b[1]) for a, b in load().known}
    tp = fp = fn = neg = neg_fired = 0
    macro: list[float] = []
    found = {"explicit": [0, 0], "implicit": [0, 0], "listed": [0, 0], "unlisted": [0, 0]}
    errors: dict[str, dict[str, list[str]]] = {}
    items = list(gold_items)
    for item in items:
        gold = {_key(p): p for p in item.get("pairs", [])}
        pred = {_key(p) for p in predicted.get(item["id"], [])}
        hit = pred & set(gold)
        tp, fp, fn = tp + len(hit), fp + len(pred - set(gold)), fn + len(set(gold) - pred)
        for k, p in gold.items():
            for bucket in (
                "explicit" if p.get("explicit") else "implicit",
                "listed" if k in listed else "unlisted",
            ):
                found[bucket][0] += k in hit
                found[bucket][1] += 1
        if not gold:
            neg += 1
            neg_fired += bool(pred)
        else:
            pr, rc = _ratio(len(hit), len(pred)) if pred else 0.0, _ratio(len(hit), len(gold))
            macro.append(_f1(pr, rc))
        if pred ^ set(gold):
            errors[item["id"]] = {
                "fp": [f"{a[0]}–{b[0]}" for a, b in sorted(pred - set(gold))],
                "fn": [f"{a[0]}–{b[0]}" for a, b in sorted(set(gold) - pred)],
            }
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return Report(
        tp,
        fp,
        fn,
        precision,
        recall,
        _f1(precision, recall),
        sum(macro) / len(macro) if macro else 0.0,
        recall_explicit=_ratio(*found["explicit"]),
        recall_implicit=_ratio(*found["implicit"]),
        recall_listed=_ratio(*found["listed"]),
        recall_unlisted=_ratio(*found["unlisted"]),
        negatives=neg,
        negatives_fired=neg_fired,
        articles=len(items),
        errors=errors,
    )


def format_report(r: Report, verbose: bool = False) -> str:
    """Human-readable report (one figure per line; errors per article when verbose)."""
    lines = [
        f"articles {r.articles}  gold pairs {r.tp + r.fn}  predicted {r.tp + r.fp}",
        f"micro precision {r.precision:.3f}  recall {r.recall:.3f}  F1 {r.f1:.3f}",
        f"macro F1 (positive articles) {r.macro_f1:.3f}",
        f"recall explicit {r.recall_explicit:.3f}  implicit {r.recall_implicit:.3f}",
        f"recall listed in known pairs {r.recall_listed:.3f}  not listed {r.recall_unlisted:.3f}",
        (
            f"false alarms on negatives {r.negatives_fired}/{r.negatives}"
            f" ({_ratio(r.negatives_fired, r.negatives) if r.negatives else 0.0:.3f})"
        ),
    ]
    if verbose:
        for item_id, e in sorted(r.errors.items()):
            lines.append(f"  {item_id}: FP {e['fp']}  FN {e['fn']}")
    return "\n".join(lines)
