"""extract.name_index: the surfaces that start words, as an Aho-Corasick automaton over every surface finds them."""

from __future__ import annotations

import json
from pathlib import Path

import ahocorasick_rs
import pytest

from extract import gazetteer
from extract.name_index import NameIndex, index_tables

DATA = Path(__file__).resolve().parent / "data"
SURFACES = (
    "Moscow",
    "Nizhny Novgorod",
    "Nizhny",
    "St. Petersburg",
    "St. Paul",
    "Stettin.",
    "Ufa",
    "Omsk",
    "'s-Hertogenbosch",
    "области Абая",
    "Абая",
    "New York",
    "New York Mills",
    "2 de Mayo",
)


def _found(text: str, surfaces: tuple[str, ...] = SURFACES) -> list[str]:
    """The surfaces `find` gives for `text`, in order (each surface's value is itself)."""
    index = NameIndex({s: s for s in surfaces}, index_tables(surfaces))
    return [value for _, _, value in index.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow and Omsk", ["Moscow", "Omsk"]),
        ("in Nizhny Novgorod today", ["Nizhny Novgorod"]),  # the longest at its start
        ("Nizhny Tagil", ["Nizhny"]),
        ("from St. Petersburg to St. Paul", ["St. Petersburg", "St. Paul"]),
        ("New York Mills, New York", ["New York Mills", "New York"]),
        ("the old name Stettin.", ["Stettin."]),  # a surface one character longer than its first word
        ("Stettin", []),
        ("ends in Nizhny Novgo", ["Nizhny"]),  # a longer surface cut off by the end of the text
        ("McAllen and Ufa", ["Ufa"]),  # not inside a word
        ("Ufa_x", ["Ufa"]),  # the underscore is no letter (as str.isalnum has it); the caller checks the end
        ("'s-Hertogenbosch and Moscow", ["'s-Hertogenbosch", "Moscow"]),  # a surface opening with a quote
        ("в области Абая и в Омске", ["области Абая"]),  # one opening with a small letter beats its inner name
        ("xобласти Абая", ["Абая"]),  # a surface inside a word does not hide the name after it
        ("2 de Mayo", ["2 de Mayo"]),
    ],
)
def test_find(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


def test_index_tables() -> None:
    heads, plus_one, capitals, others = index_tables(SURFACES)
    assert heads["Nizhny N"] == (15,) and heads["New Y"] == (14, 8)
    assert plus_one == frozenset({"Stettin"})
    assert others == ("'s-Hertogenbosch", "области Абая")
    assert set(capitals.replace("\\", "")) == {"M", "N", "S", "U", "O", "А", "2"}


def _texts() -> list[str]:
    """The dev corpus and challenge-22's texts: real English and Russian news."""
    files = [DATA / "pairs_dev.jsonl", DATA / "pairs_challenge22a.jsonl", DATA / "pairs_challenge22b.jsonl"]
    return [json.loads(line)["text"] for f in files for line in f.read_text(encoding="utf-8").splitlines() if line]


def test_the_gazetteer_finds_what_an_automaton_over_every_surface_finds() -> None:
    """The reference: leftmost-longest matches of one automaton over all 300k surfaces, kept where they are whole words
    (gazetteer._bounded, the test the tagger puts every match to)."""
    gaz = gazetteer.load()
    surfaces = list(gaz.by_surface)
    automaton = ahocorasick_rs.AhoCorasick(surfaces, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    texts = _texts()
    assert len(texts) > 100
    for text in texts:
        expected = [
            (start, end)
            for _, start, end in automaton.find_matches_as_indexes(text, overlapping=False)
            if gazetteer._bounded(text, start, end)
        ]
        found = gaz.index.find(text)
        assert [(start, end) for start, end, _ in found if gazetteer._bounded(text, start, end)] == expected
