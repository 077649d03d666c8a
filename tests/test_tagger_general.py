"""Table-driven phrases for the general rules of the second tagger round (our own sentences, English and Russian):
small towns, ISO regions, list structure, locators and hedges."""

from __future__ import annotations

import pytest

from extract.models import Pair
from extract.tagger import tag_pairs

Side = tuple[str, str]

# (text, expected set of unordered ((name, country), (name, country)) pairs)
POSITIVES: list[tuple[str, set[tuple[Side, Side]]]] = [
    # Small towns (below 40,000) count with a twinning word in their sentence.
    ("Imatra and Svetogorsk are twin towns on either side of the border.", {(("Imatra", "FI"), ("Svetogorsk", "RU"))}),
    ("Светогорск и Иматра давно стали городами-побратимами.", {(("Imatra", "FI"), ("Svetogorsk", "RU"))}),
    # First-level foreign regions (ISO 3166-2) in their English forms.
    ("Maryland and Jalisco have been sister states since 1993.", {(("Jalisco", "MX"), ("Maryland", "US"))}),
    (
        "Kanagawa Prefecture signed a sister-state agreement with Maryland.",
        {(("Kanagawa Prefecture", "JP"), ("Maryland", "US"))},
    ),
    (
        "Новосибирская область и Павлодарская область подписали соглашение о побратимстве.",
        {(("Novosibirsk Oblast", "RU"), ("Pavlodar Oblast", "KZ"))},
    ),
]
NEAR_MISSES: list[str] = [
    "Tourists from Imatra often visit Svetogorsk for shopping.",
    "In March the East wing of the Anchorage museum was closed; a sister city exhibit moved to the Western hall.",
]


def _keys(pairs: list[Pair]) -> set[tuple[Side, Side]]:
    """Unordered name/country keys of tagged pairs."""
    return {tuple(sorted(((p.a, p.a_country), (p.b, p.b_country)))) for p in pairs}  # type: ignore[misc]


@pytest.mark.parametrize(("text", "expected"), POSITIVES, ids=[t[:40] for t, _ in POSITIVES])
def test_positive_phrase(text: str, expected: set[tuple[Side, Side]]) -> None:
    """Each phrase yields exactly its pairs."""
    assert _keys(tag_pairs(text)) == {tuple(sorted(k)) for k in expected}


@pytest.mark.parametrize("text", NEAR_MISSES, ids=[t[:40] for t in NEAR_MISSES])
def test_near_miss_phrase(text: str) -> None:
    """Near misses yield no pair."""
    assert tag_pairs(text) == []
