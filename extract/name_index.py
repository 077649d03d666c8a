"""Place names in a text found through an index of the gazetteer's surfaces, looked up at the text's capitalised words.

It gives the whole-word matches an Aho-Corasick automaton over every surface gives (leftmost-longest, non-overlapping),
except that a match starting inside a word no longer hides a name that starts after it. Such an automaton over 300k
surfaces took 1.3-1.5 s to build in every process and cannot be stored; these tables are plain dicts, so the table
cache stores them. The few surfaces that open with a small letter or
a quote («области Абая», "'s-Hertogenbosch") are left to a small automaton, whose matches `find` merges in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import ahocorasick_rs

# A word as str.isalnum() sees one: letters and digits, no underscore (what the tagger's boundary test uses)
_RUN = re.compile(r"[^\W_]+")

# (heads, plus_one, capitals, others): see index_tables
Tables = tuple[dict[str, tuple[int, ...]], frozenset[str], str, tuple[str, ...]]


def index_tables(surfaces: Iterable[str]) -> Tables:
    """The index of these surfaces:
    - heads: a surface's first word and the two characters after it ("Nizhny N") -> the lengths of the surfaces that
      open so, longest first (a surface opening with a capital or a digit);
    - plus_one: first words that some surface goes on from by one character only ("Stettin.");
    - capitals: the characters those surfaces open with, as a regex class;
    - others: the surfaces that open otherwise, for an automaton."""
    heads: dict[str, set[int]] = {}
    plus_one: set[str] = set()
    capitals: set[str] = set()
    others: list[str] = []
    for surface in surfaces:
        first = _RUN.match(surface)
        if first is None or not (surface[0].isupper() or surface[0].isdigit()):
            others.append(surface)
            continue
        capitals.add(surface[0])
        size = first.end()
        if len(surface) >= size + 2:
            heads.setdefault(surface[: size + 2], set()).add(len(surface))
        elif len(surface) == size + 1:
            plus_one.add(first.group())
    return (
        {head: tuple(sorted(lengths, reverse=True)) for head, lengths in heads.items()},
        frozenset(plus_one),
        "".join(re.escape(c) for c in sorted(capitals)),
        tuple(others),
    )


class NameIndex:
    """The index over a mapping of surfaces (surface -> its value, e.g. its places)."""

    def __init__(self, names: Mapping[str, Any], tables: Tables) -> None:
        self.names = names
        self.heads, self.plus_one, capitals, others = tables
        # The surfaces that open with a small letter or a quote: 1.8k of them, an automaton built in milliseconds.
        self._others = ahocorasick_rs.AhoCorasick(others) if others else None
        # a run of letters and digits opening with one of the surfaces' capitals, not inside a word ("McAllen"): the
        # look-behind comes after the capital, so that `re` still skips ahead to the next capital at C speed
        self.capital_run = re.compile(f"[{capitals}](?<![^\\W_].)[^\\W_]*")

    def find(self, text: str) -> list[tuple[int, int, Any]]:
        """(start, end, value) of the surfaces that start words of `text`, left to right, each the longest at its
        start and none overlapping an earlier one. A match may still run on into a word: the caller checks its end."""
        names = self.names
        others = [] if self._others is None else self._others.find_matches_as_indexes(text, overlapping=True)
        pending = _word_starts(text, others)
        out: list[tuple[int, int, Any]] = []
        end = 0
        k = 0
        for m in self.capital_run.finditer(text):
            p = m.start()
            while k < len(pending) and pending[k][0] < p:
                start, stop = pending[k]
                k += 1
                if start >= end:
                    out.append((start, stop, names[text[start:stop]]))
                    end = stop
            if p < end:
                continue  # inside an earlier match
            stop = self._longest(text, p, m.end())
            if stop:
                out.append((p, stop, names[text[p:stop]]))
                end = stop
        for start, stop in pending[k:]:
            if start >= end:
                out.append((start, stop, names[text[start:stop]]))
                end = stop
        return out

    def _longest(self, text: str, p: int, run_end: int) -> int:
        """The end of the longest surface at `p`, whose first word ends at `run_end` (0 when there is none)."""
        names = self.names
        lengths = self.heads.get(text[p : run_end + 2])
        if lengths is not None:
            for n in lengths:
                if p + n <= len(text) and text[p : p + n] in names:
                    return p + n
        run = text[p:run_end]
        if run_end < len(text) and run in self.plus_one and text[p : run_end + 1] in names:
            return run_end + 1
        return run_end if run in names else 0


def _word_starts(text: str, matches: Iterable[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The longest of overlapping matches at each start that opens a word, by start."""
    longest: dict[int, int] = {}
    for _, start, stop in matches:
        if (start == 0 or not text[start - 1].isalnum()) and stop > longest.get(start, 0):
            longest[start] = stop
    return sorted(longest.items())
