"""Literal pre-tests for cue regexes: the strings one of which every match must contain, read from the regex itself.

A big case-insensitive alternation costs Python's `re` a try at every word start; testing a few plain substrings
first (`str.__contains__`, in C) skips most sentences. The anchors are derived from the parsed regex, never written
by hand, and the pre-test only ever says "cannot match": a `Cue` finds exactly what its regex finds.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import ahocorasick_rs

# `re`'s own parser, opcodes and case table (private modules, stable from 3.11 on; typeshed has no stubs for them).
# Anything unfamiliar they yield only turns the pre-test off for that regex (see `anchors`).
_parser: Any = importlib.import_module("re._parser")
C: Any = importlib.import_module("re._constants")
_casefix: Any = importlib.import_module("re._casefix")  # characters `re` folds beyond lower() (ı/i, ſ/s, ς/σ …)

MIN_ANCHOR = 3  # shorter anchors ("he", "с") are in almost every sentence: no pre-test is cheaper then

Anchors = frozenset[str] | None  # None: no set of literals every match must contain


def _fold_tables() -> tuple[dict[int, int], dict[int, int], str]:
    """How `str.lower` differs from `re`'s case folding: characters whose full lowercase is longer than one ("İ" is
    "i" to `re`, "i̇" to str.lower), mapped before lowering; `re`'s extra case variants (ı/i, ſ/s, ς/σ …), merged
    after it; and every character that leads to either (the scan that finds none in almost every text)."""
    after: dict[int, int] = {}
    for a, eqs in _casefix._EXTRA_CASES.items():
        group = {chr(c).lower() for c in (a, *eqs)}
        canonical = min(group)
        after.update({ord(g): ord(canonical) for g in group if len(g) == 1 and g != canonical})
    before: dict[int, int] = {}
    rare: list[str] = []
    for c in range(0x10000):  # one pass over the basic plane, each character lowered once
        low = chr(c).lower()
        if len(low) > 1:
            before[c] = ord(low[0])
        if len(low) > 1 or any(ord(ch) in after for ch in low):
            rare.append(chr(c))
    return before, after, "".join(rare)


_BEFORE, _AFTER, _RARE_CHARS = _fold_tables()
_RARE = re.compile("[" + re.escape(_RARE_CHARS) + "]")


def fold(text: str) -> str:
    """Lowercase `text` as the pre-test compares it: `str.lower`, with the characters `re` folds otherwise mapped
    (only when a cheap scan finds one: almost no text has any)."""
    if not text.isascii() and _RARE.search(text):  # isascii is a flag lookup: no scan for English text
        return text.translate(_BEFORE).lower().translate(_AFTER)
    return text.lower()


def _selective(anchor: str) -> bool:
    """An anchor rare enough to test: three characters, or one symbol that is neither a letter nor ASCII ("£")."""
    return len(anchor) >= MIN_ANCHOR or (not anchor.isascii() and not any(ch.isalnum() for ch in anchor))


def _minimal(found: frozenset[str]) -> frozenset[str]:
    """Drop anchors that contain another anchor: the shorter one is in every text the longer one is."""
    return frozenset(a for a in found if not any(b != a and b in a for b in found))


def _best(candidates: list[frozenset[str]]) -> Anchors:
    """The most selective of several sufficient anchor sets: longest shortest member, then fewest members."""
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


MAX_SPELLINGS = 32  # a run of literals and small choices is kept as a set of spellings up to this many


def _cross(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    """Every spelling of `left` followed by one of `right`, or None when there would be too many."""
    if len(left) * len(right) > MAX_SPELLINGS:
        return None
    return frozenset(a + b for a in left for b in right)


def _union(sets: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """The union of what each alternative of a choice yields, or None when one yields None (a choice is only as
    definite as its vaguest alternative)."""
    union: set[str] = set()
    for found in sets:
        if found is None:
            return None
        union |= found
    return frozenset(union)


def _spellings(op: object, av: Any) -> frozenset[str] | None:
    """All the strings a node can match when they are few and plain ("kept", "(?:its|the)", "[её]", "s?"), else
    None."""
    if op is C.LITERAL:
        return frozenset({chr(av)})
    if op is C.SUBPATTERN:
        return _sequence_spellings(av[3])
    if op is C.IN and av and all(kind is C.LITERAL for kind, _ in av):
        return frozenset(chr(code) for _, code in av) if len(av) <= MAX_SPELLINGS else None
    if op is C.BRANCH:
        union = _union(_sequence_spellings(branch) for branch in av[1])
        return union if union is not None and len(union) <= MAX_SPELLINGS else None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] == 0 and av[1] == 1:
        item = _sequence_spellings(av[2])  # an optional part: "s?", "(?: the)?"
        return None if item is None else item | {""}
    return None


def _sequence_spellings(items: Any) -> frozenset[str] | None:
    """All the strings a sequence can match when each part has few plain spellings, else None."""
    out: frozenset[str] | None = frozenset({""})
    for op, av in items:
        part = _spellings(op, av)
        out = None if part is None or out is None else _cross(out, part)
        if out is None:
            return None
    return out


def _sequence(items: Any) -> Anchors:  # a parsed SubPattern: (opcode, argument) pairs
    """Anchors of a sequence: the spellings of any run of plain parts ("kee" + "p|pt|ps" + " " + "its|the"), or any
    required part's own anchors, will do; the most selective is kept."""
    candidates: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({""})

    def close(run: frozenset[str]) -> None:
        if "" not in run:  # a run that may match nothing requires nothing
            candidates.append(run)

    for op, av in items:
        part = _spellings(op, av)
        if part is not None:
            joined = _cross(run, part)
            if joined is None:  # too many spellings: the run so far is one candidate, a new run starts here
                close(run)
                joined = part
            run = joined
            continue
        close(run)
        run = frozenset({""})
        inner = _node(op, av)
        if inner is not None:
            candidates.append(inner)
    close(run)
    return _best(candidates)


def _node(op: object, av: Any) -> Anchors:
    """Anchors of one parsed node; None for anything that may match without a literal (classes, options, asserts)."""
    if op is C.SUBPATTERN:
        return _sequence(av[3])
    if op is C.ATOMIC_GROUP:
        return _sequence(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, item = av
        return _sequence(item) if low >= 1 else None
    if op is C.BRANCH:
        return _union(_sequence(branch) for branch in av[1])  # an alternative needing no literal: the choice neither
    return None


@cache
def anchors(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Folded literals one of which every match of the regex contains, or None when there is no useful set."""
    try:
        found = _sequence(_parser.parse(pattern, flags))
    except (re.error, TypeError, ValueError, IndexError):
        return None  # an unfamiliar construct: no pre-test, the regex alone decides
    if found is None:
        return None
    folded = _minimal(frozenset(fold(a) for a in found))
    if not all(_selective(a) for a in folded):
        return None
    return tuple(sorted(folded, key=lambda a: (len(a), a)))


def _tail(items: Any) -> frozenset[str] | None:
    """The strings one of which every match of a sequence ends with (the spellings of its last run of plain parts),
    or None."""
    found: frozenset[str] = frozenset({""})
    seq: list[tuple[Any, Any]] = list(items)
    seq.reverse()  # not reversed(list(items)): mypyc cannot unpack (op, av) from an iterator of Any
    for op, av in seq:
        part = _spellings(op, av)
        if part is None:
            if found == {""} and op is C.SUBPATTERN:
                return _tail(av[3])
            if found == {""} and op is C.BRANCH:
                return _union(_tail(branch) for branch in av[1])
            break
        joined = _cross(part, found)
        if joined is None:
            break  # too many spellings: what is collected so far still ends every match
        found = joined
    return None if "" in found else found


def _space_star(op: object, av: Any) -> bool:
    r"""True for the node `\s*`."""
    return op is C.MAX_REPEAT and av[0] == 0 and list(av[2]) == [(C.IN, [(C.CATEGORY, C.CATEGORY_SPACE)])]


@cache
def endings(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    r"""For a regex that ends at the end of the text, after optional spaces ("…(?:near|outside)\s*$"): the folded
    strings one of which every text it matches ends with (trailing spaces stripped), or None."""
    try:
        items = list(_parser.parse(pattern, flags))
    except (re.error, TypeError, ValueError, IndexError):
        return None
    if not items or items[-1] not in ((C.AT, C.AT_END), (C.AT, C.AT_END_STRING)):
        return None
    items.pop()
    while items and _space_star(*items[-1]):
        items.pop()
    found = _tail(items)
    if found is None:
        return None
    ends = {fold(e).rstrip() for e in found}
    return None if "" in ends else tuple(sorted(ends))


@dataclass(frozen=True)
class Cue:
    """A compiled regex with its literal pre-test: `search` finds what the regex finds, skipping texts that lack
    every anchor."""

    regex: re.Pattern[str]
    anchors: tuple[str, ...] | None
    endings: tuple[str, ...] | None = None  # for a regex anchored at the text's end: how such a text must end

    def possible(self, folded: str) -> bool:
        """False when the folded text holds none of the anchors or lacks every ending, so the regex cannot match."""
        if self.endings is not None:
            return folded.rstrip().endswith(self.endings)  # the sharper test of the two, and enough alone
        if self.anchors is None:
            return True
        for anchor in self.anchors:  # a plain loop: twice as fast as any() over a generator here
            if anchor in folded:
                return True
        return False

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        """`regex.search(text)`, after the pre-test (`folded` is `fold(text)` when the caller has it)."""
        if (self.anchors is not None or self.endings is not None) and not self.possible(
            fold(text) if folded is None else folded
        ):
            return None
        return self.regex.search(text)

    @property
    def pattern(self) -> str:
        """The regex's source."""
        return self.regex.pattern


def cue(regex: re.Pattern[str]) -> Cue:
    """Wrap a compiled regex with the pre-test its own source allows."""
    return Cue(regex, anchors(regex.pattern, regex.flags), endings(regex.pattern, regex.flags))


@dataclass(frozen=True)
class Cues:
    """The alternatives of one cue, each with its own pre-test: one automaton pass over the folded text picks the
    alternatives worth running. `search` returns the match the joined alternation would (leftmost, then first)."""

    parts: tuple[Cue, ...]
    _always: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _by_anchor: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)
    _automaton: ahocorasick_rs.AhoCorasick | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        owners: dict[str, list[int]] = {}
        for i, part in enumerate(self.parts):
            for anchor in part.anchors or ():
                owners.setdefault(anchor, []).append(i)
        always = tuple(i for i, part in enumerate(self.parts) if part.anchors is None)
        object.__setattr__(self, "_always", always)
        object.__setattr__(self, "_by_anchor", tuple(tuple(v) for v in owners.values()))
        # overlapping matches: an anchor inside another's match ("link" in "links") must still be seen
        automaton = ahocorasick_rs.AhoCorasick(list(owners)) if owners else None
        object.__setattr__(self, "_automaton", automaton)

    def candidates(self, folded: str) -> list[int]:
        """Indexes of the alternatives that may match a text (given folded), in their order."""
        found = set(self._always)
        if self._automaton is not None:
            for k, _, _ in self._automaton.find_matches_as_indexes(folded, overlapping=True):
                found.update(self._by_anchor[k])
        return sorted(found)

    def joined(self, anchored: set[int] | None) -> list[int]:
        """The candidates when `anchored` are the alternatives whose anchors a text holds: those and the ones
        without anchors, in their order."""
        return sorted(anchored.union(self._always)) if anchored else list(self._always)

    def search(
        self, text: str, folded: str | None = None, among: list[int] | None = None
    ) -> re.Match[str] | None:
        """The leftmost match of any alternative (the earlier alternative on a tie), as the joined regex finds it
        (`among`: the text's candidates when the caller has them)."""
        best: re.Match[str] | None = None
        if among is None:
            among = self.candidates(fold(text) if folded is None else folded)
        for i in among:
            m = self.parts[i].regex.search(text)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best


class Literals:
    """A set of plain strings, tested for presence in one automaton pass (a regex's required words, case as written)."""

    def __init__(self, strings: Iterable[str]) -> None:
        self._automaton = ahocorasick_rs.AhoCorasick(sorted(set(strings)))

    def any_in(self, text: str) -> bool:
        """True when `text` holds one of the strings."""
        return bool(self._automaton.find_matches_as_indexes(text))


class CueIndex:
    """The anchors of several cue sets in one automaton: one pass over a whole folded text gives, for each of its
    sentences, the candidate alternatives of every set (what `Cues.candidates` gives for the sentence alone). Sets
    asked of most sentences pay one pass a text instead of one a sentence and set."""

    def __init__(self, sets: Sequence[Cues]) -> None:
        owners: dict[str, list[tuple[int, int]]] = {}
        for k, cue_set in enumerate(sets):
            for i, part in enumerate(cue_set.parts):
                for anchor in part.anchors or ():
                    owners.setdefault(anchor, []).append((k, i))
        self.sets = tuple(sets)
        self._position = {id(cue_set): k for k, cue_set in enumerate(sets)}
        self._owners = tuple(tuple(v) for v in owners.values())
        self._automaton = ahocorasick_rs.AhoCorasick(list(owners))

    def scan(self, folded: str, starts: Sequence[int], ends: Sequence[int]) -> list[dict[int, set[int]]]:
        """Per set, sentence index -> the alternatives with an anchor inside that sentence (sentences given by sorted,
        non-overlapping `starts`/`ends` offsets of `folded`; alternatives without anchors are left to `candidates`)."""
        found: list[dict[int, set[int]]] = [{} for _ in self.sets]
        for k, a, b in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            i = bisect_right(starts, a) - 1
            if i < 0 or b > ends[i]:
                continue  # between sentences, or across a break: in no sentence's own text
            for which, alternative in self._owners[k]:
                found[which].setdefault(i, set()).add(alternative)
        return found

    def candidates(self, found: list[dict[int, set[int]]], cue_set: Cues, index: int) -> list[int]:
        """A sentence's candidate alternatives of one set, from `scan`'s result, in their order."""
        return cue_set.joined(found[self._position[id(cue_set)]].get(index))


def cues(alternatives: Iterable[re.Pattern[str]]) -> Cues:
    """The alternatives of one cue, compiled apart, each with its pre-test."""
    return Cues(tuple(cue(regex) for regex in alternatives))


@dataclass(frozen=True)
class Words:
    r"""Words (regex fragments) at a word start, case-insensitive, searched in the folded text. A leading
    `(?<![\w])` and IGNORECASE both stop `re` from skipping to the words' first letters at C speed; here the regex
    is plain lowercase and the word start is tested on each match, the search going on from the next character when
    it fails, so the first match is the one the original regex finds."""

    regex: re.Pattern[str]

    def search(self, folded: str) -> re.Match[str] | None:
        r"""The first match in `folded` (`fold(text)`) that starts a word, as `(?<![\w])(?:…)` with IGNORECASE."""
        pos = 0
        while (m := self.regex.search(folded, pos)) is not None:
            at = m.start()
            if at == 0 or not (folded[at - 1].isalnum() or folded[at - 1] == "_"):  # `re`'s \w is isalnum or "_"
                return m
            pos = at + 1
        return None


def words_ci(*tokens: str, whole: bool = False) -> Words:
    """Case-insensitive words at a word start (`whole`: ending at a word end too), for `Words.search`."""
    source = "(?:" + "|".join(tokens) + ")" + (r"(?![\w])" if whole else "")
    if fold(source) != source:  # an upper-case letter or escape (\W, \S) would mean something else once folded
        raise ValueError(f"words_ci needs lowercase tokens: {source!r}")
    return Words(re.compile(source))

