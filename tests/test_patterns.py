"""Vocabulary rows for the tagger's cue patterns (English and Russian), one row each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_checks import CORPORA as CHALLENGE_CORPORA

from extract import patterns as P
from extract.prefilter import Cue, Cues, fold
from extract.tagging_hub import dateline_of
from extract.tagging_text import split_sentences

CUES = [
    ("Anchorage's sister city", "twin", True),
    ("the cities were twinned in 1991", "twin", True),
    ("a sister-state agreement", "twin", True),
    ("города-побратимы", "twin", True),
    ("породнённые города", "twin", True),
    ("братских отношений с Линцем", "twin", True),
    ("the Twin Cities of Minneapolis", "twin", False),
    ("wishes from residents of the twin cities of Japan", "twin", True),
    ("города-близнецы на Амуре", "twin", False),
    ("a partnership agreement", "partner", True),
    ("дружественных связей двух регионов", "partner", True),
    ("direct flights to Moscow", "near_miss", True),
    ("the embassy in Washington", "near_miss", True),
    ("саммит на Аляске", "near_miss", True),
    ("could become sister cities", "proposal", True),
    ("готовы стать побратимами", "proposal", True),
    ("are not sister cities", "negated", True),
    ("suspended the relationship", "status:suspended", True),
    ("разорвала связи", "status:ended", True),
    ("restoration of sister city relations", "status:restored", True),
    ("its sister city", "coref", True),
    ("the city's first twin, Essen", "twin", True),
    ("a twin-engine plane", "twin", False),
    ("соглашение о торгово-экономическом сотрудничестве", "partner", True),
    ("Россия и Китай расширяют сотрудничество", "partner", False),
    ("talks on cooperation", "partner", False),
    ("the Florida city", "coref", True),
]


@pytest.mark.parametrize(("text", "cue", "expected"), CUES, ids=[c[0] for c in CUES])
def test_cue(text: str, cue: str, expected: bool) -> None:
    """Each phrase does (or does not) carry the cue."""
    (sentence,) = split_sentences(text)
    value = sentence.status == cue.split(":")[1] if cue.startswith("status:") else getattr(sentence, cue)
    assert value is expected


def test_sentences_keep_abbreviations_together() -> None:
    """ "St." and "N.Y." do not end a sentence; offsets point into the text."""
    text = "Albany, N.Y., is twinned with Tula. St. Petersburg is big.\nNext line"
    spans = [text[s.start : s.end] for s in split_sentences(text)]
    assert spans == ["Albany, N.Y., is twinned with Tula.", "St. Petersburg is big.", "Next line"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said.” Next one', ["He said.”", "Next one"]),  # a closing quote ends the sentence too
        ("Ends here.\nNext line", ["Ends here.", "Next line"]),  # the newline is the break after the period
        ("one.\n\n  lower", ["one.", "lower"]),  # a blank line breaks though no capital follows
        ("a list:\n• Tula\n• Tver", ["a list:", "• Tula", "• Tver"]),
        ("Dr. No. 5 items. q? «Да.» Нет", ["Dr. No. 5 items. q?", "«Да.»", "Нет"]),  # abbreviations; a lower "q" goes on
        # a name's initial ends no sentence, in a table cell or in prose; a word's last capital before a period does
        ("Tanga | 2001 | R. Mwangi\nChair: Rev. J. Kollie. Next", ["Tanga | 2001 | R. Mwangi", "Chair: Rev. J. Kollie.", "Next"]),
        ("Мэр С. Иванов приехал. Так", ["Мэр С. Иванов приехал.", "Так"]),
        ("It joined the EU. Then", ["It joined the EU.", "Then"]),
    ],
)
def test_sentence_breaks(text: str, expected: list[str]) -> None:
    """Breaks after final punctuation before a capital or digit, and at line breaks; offsets point into the text."""
    sentences = split_sentences(text)
    assert [s.chunk for s in sentences] == expected
    assert all(text[s.start : s.end] == s.chunk for s in sentences)


def test_patterns_compile_once_as_constants() -> None:
    """The vocabularies are tuples and the regexes module-level constants."""
    assert isinstance(P.TWIN_CUES, tuple) and P.TWIN_RE.search("sister city")


CORPORA = ("pairs_dev.jsonl", *(name for corpus in CHALLENGE_CORPORA for name in corpus.files))


def _pretested() -> list[Cue]:
    """Every regex of the patterns module that carries a literal pre-test, alone or as an alternative of a cue."""
    found: list[Cue] = []
    for value in vars(P).values():
        for item in value.values() if isinstance(value, dict) else [value]:
            if isinstance(item, Cues):
                found += item.parts
            elif isinstance(item, Cue):
                found.append(item)
    return found


def _corpus_texts() -> list[str]:
    """The texts of every annotated corpus in CORPORA."""
    data = Path(__file__).parent / "data"
    return [
        json.loads(line)["text"]
        for path in (data / name for name in CORPORA)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_every_cue_match_holds_one_of_its_anchors() -> None:
    """Each match of every pre-tested regex, over every annotated corpus, contains one of the anchors derived from
    its source, so the pre-test never hides a cue the regex would find."""
    texts = _corpus_texts()
    cues = [c for c in _pretested() if c.anchors is not None]
    assert len(cues) > 150
    matches = [(c, m.group()) for c in cues for text in texts for m in c.regex.finditer(text)]
    assert len(matches) > 2000
    assert [(c.pattern, m) for c, m in matches if not any(a in fold(m) for a in c.anchors or ())] == []


def test_every_end_anchored_cue_match_ends_as_its_endings_say() -> None:
    """For each pre-tested regex anchored at a text's end, over the 30, 40 and 60 characters before every gazetteer
    mention of every annotated corpus (the windows the tagger asks them about): a window the regex matches ends
    with one of the endings derived from its source."""
    from extract.gazetteer import find_mentions

    texts = _corpus_texts()
    windows = [t[max(0, m.start - n) : m.start] for t in texts for m in find_mentions(t) for n in (30, 40, 60)]
    cues = [c for c in _pretested() if c.endings is not None]
    assert len(cues) >= 2 and len(windows) > 10000
    matched = [(c, w) for c in cues for w in windows if c.regex.search(w)]
    assert len(matched) > 50
    assert [(c.pattern, w) for c, w in matched if not fold(w).rstrip().endswith(c.endings or ())] == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ROCHESTER, N.Y. — The city council voted", "ROCHESTER"),
        ("CÓRDOBA, Argentina — The mayor of Córdoba", "CÓRDOBA"),
        ("SÃO PAULO — A delegation from Osaka", "SÃO PAULO"),
        ("ŁÓDŹ – The city signed", "ŁÓDŹ"),
        ("Córdoba renews its twinning — a report", None),
    ],
)
def test_dateline_capitals_with_accents(text: str, place: str | None) -> None:
    """A dateline's place is in capitals, accented ones too; a title-case line is not a dateline."""
    m = P.DATELINE.search(text)
    assert (m.group(1) if m else None) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("HCM CITY - The vice chairman received a delegation", ("Ho Chi Minh City", "VN")),
        ("ROCHESTER, N.Y. — The city council voted", ("Rochester", "US")),
    ],
)
def test_dateline_place_keeps_acronyms(text: str, place: tuple[str, str]) -> None:
    """A capitalised dateline's place is read in title case, an acronym in it kept ("HCM CITY" is "HCM City")."""
    dated = dateline_of(text)
    assert dated is not None and (dated.place.name, dated.place.country) == place
