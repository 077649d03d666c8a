"""The literal pre-test of cue regexes: anchors read from the regex source, and searches equal to the plain regex."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extract.prefilter import anchors, cue, cues, endings, fold, words_ci
from extract.tagging_text import split_sentences


def _dev_texts() -> list[str]:
    """The texts of the dev corpus (copied in tests/data)."""
    lines = (Path(__file__).parent / "data" / "pairs_dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def _dev_sentences() -> list[str]:
    """Every sentence of the dev corpus, as the tagger splits it."""
    return [s.chunk for text in _dev_texts() for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        # a run of literals and small choices: each of its spellings
        (r"sister cit(?:y|ies)", 0, ("sister city", "sister cities")),
        (r"(?:keep|kept) (?:its|the)", re.IGNORECASE, ("keep its", "keep the", "kept its", "kept the")),
        # a class of a few letters is a choice too; a run ends at "\w*", and the longer run wins
        (r"(?<![\w])партн[её]р\w* city", re.IGNORECASE, ("партнер", "партнёр")),
        # a choice needs one literal of each branch; "twin" makes " twin" redundant
        (r"(?:sister|twin|побратим)s?", re.IGNORECASE, ("twin", "sister", "побратим")),
        # a required repeat keeps its anchor; an optional one gives none, so the run after it is taken
        (r"(?:ab)+cde", 0, ("cde",)),
        (r"(?:twin)?city", 0, ("city",)),
        # a branch with an empty or a class-only alternative needs no literal: no pre-test
        (r"(?:sister|)", 0, None),
        (r"(?:sister|\w+)", 0, None),
        # anchors shorter than three letters are in almost every text: no pre-test
        (r"(?:of|to)", 0, None),
        # a lone rare symbol is selective
        (r"£|\bcouncillors?\b", re.IGNORECASE, ("£", "councillor")),
        # case-sensitive parts are folded too: the pre-test compares folded text
        (r"(?-i:Port) of", re.IGNORECASE, ("port of",)),
    ],
)
def test_anchors_are_read_from_the_regex(pattern: str, flags: int, expected: tuple[str, ...] | None) -> None:
    """What the parser yields for literal runs, choices, repeats and options."""
    assert anchors(pattern, flags) == expected


def test_fold_merges_what_re_merges() -> None:
    """Characters `re` matches case-insensitively fold to one string, even where str.lower disagrees (İ, ſ, ς)."""
    for a, b in [("İstanbul", "istanbul"), ("ſister", "SISTER"), ("ΟΔΟΣ", "οδοσ"), ("ПОБРАТИМ", "побратим")]:
        assert re.fullmatch(re.escape(a), b, re.IGNORECASE)
        assert fold(a) == fold(b)


def test_a_cue_finds_what_its_regex_finds() -> None:
    """Texts with and without an anchor, in other cases and scripts: the pre-test changes no result."""
    regex = re.compile(r"(?<![\w])(?:sister[- ]?cit(?:y|ies)|побратим\w*|partn[её]r(?:ship)?)", re.IGNORECASE)
    c = cue(regex)
    assert c.anchors is not None
    texts = ["SISTER CITIES of Perm", "the ſister-city pact", "Побратимы", "no cue here", "sisters", "PARTNЁRSHIP"]
    assert [bool(c.search(t)) for t in texts] == [bool(regex.search(t)) for t in texts] == [
        True, True, True, False, False, True,
    ]


def test_cues_return_the_match_of_the_joined_alternation() -> None:
    """Alternatives searched apart give the joined regex's match: leftmost, and the earlier alternative on a tie."""
    tokens = (r"twin", r"twin town", r"sister city", r"town")
    joined = re.compile(r"(?<![\w])(?:" + "|".join(tokens) + ")", re.IGNORECASE)
    split = cues(re.compile(r"(?<![\w])(?:" + t + ")", re.IGNORECASE) for t in tokens)
    for text in ["a twin town and a sister city", "Town, then Sister City", "nothing", "sister city twin"]:
        a, b = joined.search(text), split.search(text)
        assert (a and a.span()) == (b and b.span()), text


def test_cues_equal_the_joined_regex_on_the_dev_corpus() -> None:
    """Over every sentence of the dev corpus (copied in tests/data), a real cue vocabulary searched apart finds the
    same spans as its joined alternation."""
    from extract import patterns as P

    joined = P.compile_ci(*P.NEAR_MISS_CUES)
    sentences = _dev_sentences()
    found = [(joined.search(s), P.NEAR_MISS_RE.search(s)) for s in sentences]
    assert sum(1 for a, _ in found if a) > 20
    assert [(a and a.span(), b and b.span()) for a, b in found if (a and a.span()) != (b and b.span())] == []


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        # the last run before the trailing spaces, each of its spellings
        (r"(?:\bnear|\bof which)\s*$", re.IGNORECASE, ("near", "of which")),
        (r"(?:sea|bay) of(?: the)?\s*$", 0, ("bay of", "bay of the", "sea of", "sea of the")),
        # a run that may be empty, or a word class at the end: no ending is required
        (r"(?:the)?\s*$", 0, None),
        (r"штат\w*\s*$", 0, None),
        # not anchored at the end: no endings
        (r"near\s*", 0, None),
    ],
)
def test_endings_are_read_from_an_end_anchored_regex(pattern: str, flags: int, expected: tuple[str, ...] | None) -> None:
    """How a text must end for a regex anchored at its end to match it."""
    assert endings(pattern, flags) == expected


def test_an_end_anchored_cue_finds_what_its_regex_finds() -> None:
    """Windows that end with a locator word, with it inside, in capitals, or with trailing spaces."""
    regex = re.compile(r"(?:\bnear|\b(?:north|south)(?:ern)? of(?: the)?|\bнедалеко от)\s*$", re.IGNORECASE)
    c = cue(regex)
    assert c.endings is not None
    windows = ["a town near ", "NEAR", "near the town ", "northern of the  ", "недалеко от ", "south ofa", "nears "]
    assert [bool(c.search(w)) for w in windows] == [bool(regex.search(w)) for w in windows]
    assert [bool(c.search(w)) for w in windows] == [True, True, False, True, True, False, False]


def test_words_find_what_the_lookbehind_regex_finds() -> None:
    """Words searched in the folded text skip a match inside a word and go on to the next start ("its" in "visits",
    then "its"); each span is the one `(?<![\\w])(?:…)(?![\\w])` with IGNORECASE finds, on every dev corpus sentence."""
    from extract import patterns as P

    coref = words_ci(*P.COREF_CUES, whole=True)
    found = coref.search(fold("Delegates visits ITS twin"))
    assert found is not None and found.span() == (17, 20)
    assert coref.search(fold("visits")) is None
    sentences = _dev_sentences()
    for tokens in (P.COREF_CUES, P.RELATION_CUES):
        joined = re.compile(r"(?<![\w])(?:" + "|".join(tokens) + r")(?![\w])", re.IGNORECASE)
        fast = words_ci(*tokens, whole=True)
        found = [(joined.search(s), fast.search(fold(s))) for s in sentences]
        assert sum(1 for a, _ in found if a) > 100
        assert [(a and a.span(), b and b.span()) for a, b in found if (a and a.span()) != (b and b.span())] == []


def test_words_refuse_what_folding_would_change() -> None:
    """An upper-case letter or escape would match something else in folded text: refused when the words are built."""
    with pytest.raises(ValueError, match="lowercase"):
        words_ci(r"\Wtwin")
    with pytest.raises(ValueError, match="lowercase"):
        words_ci("Port of")


def test_one_pass_over_the_text_gives_each_sentence_its_candidates() -> None:
    """The text-wide index of the sentence cue sets gives every dev corpus sentence the candidates its own pass gives
    (an anchor across a sentence break belongs to neither sentence)."""
    from extract.tagging_text import SENTENCE_CUES

    texts = [*_dev_texts(), "Sister\ncities of Tula. Twin."]
    compared = 0
    for text in texts:
        for s in split_sentences(text):
            for cue_set in SENTENCE_CUES.sets:
                assert s.among(cue_set) == cue_set.candidates(fold(s.chunk)), (s.chunk, cue_set.parts[0].pattern)
                compared += 1
    assert compared > 3000


def test_literals_say_whether_a_text_holds_one_of_them() -> None:
    """Plain strings, case as written: the one-sided cue's second pre-test needs a demonym spelled as listed."""
    from extract import patterns as P
    from extract.prefilter import Literals

    words = Literals(["Russian", "российск"])
    assert words.any_in("with their Russian sister cities") and words.any_in("с российскими побратимами")
    assert not words.any_in("with their russian sister cities") and not words.any_in("sister cities")
    sentences = _dev_sentences()
    matched = [s for s in sentences if P.ONE_SIDED.regex.search(s)]
    assert matched and all(P.ONE_SIDED_DEMONYMS.any_in(s) for s in matched)
