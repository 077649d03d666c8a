"""Text structure for the tagger: sentences with offsets and the twinning cues each one carries."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

from mypy_extensions import mypyc_attr

from extract import patterns as P
from extract.prefilter import CueIndex, Cues, fold

R = TypeVar("R")


class cached(Generic[R]):  # lowercase: used as a decorator, like the property it replaces
    """A property computed once per instance and stored in its __dict__: functools.cached_property without the lock
    Python 3.11 takes on every first access (several cues of every sentence are asked once each)."""

    def __init__(self, func: Callable[[Any], R]) -> None:
        self.func = func
        self.name = ""
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name  # from the class, not func.__name__: a mypyc-compiled method has none

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached[R]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> R: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> R | cached[R]:
        if instance is None:
            return self
        value = self.func(instance)
        instance.__dict__[self.name] = value  # the instance attribute now shadows this (non-data) descriptor
        return value


# The cue sets asked of (almost) every sentence: one automaton pass over the text finds their anchors in all of them.
SENTENCE_CUES = CueIndex((P.TWIN_RE, P.PARTNER_RE, P.NEAR_MISS_RE, P.PROPOSAL_RE, P.NEGATION_RE, P.STATUS_RE))


class TextCues:
    """A text's folded form and, found on first use, each sentence's candidate alternatives of SENTENCE_CUES."""

    def __init__(self, folded: str, starts: list[int], ends: list[int]) -> None:
        self.folded = folded  # fold(text): folding is per character, so a sentence's slice is its fold
        self._starts, self._ends = starts, ends
        self._found: list[dict[int, set[int]]] | None = None

    def candidates(self, cue_set: Cues, index: int) -> list[int]:
        """Sentence `index`'s candidate alternatives of one of SENTENCE_CUES."""
        if self._found is None:
            self._found = SENTENCE_CUES.scan(self.folded, self._starts, self._ends)
        return SENTENCE_CUES.candidates(self._found, cue_set, index)


@mypyc_attr(native_class=False)  # compiled (extract/native.py), it stays a Python class: `cached` needs a __dict__
@dataclass  # not frozen (as Mention) and not slotted: cues are cached in its __dict__
class Sentence:
    """One sentence (or list line) of the text; its cues are computed on first use (most sentences need few)."""

    index: int
    start: int
    end: int
    chunk: str  # text[start:end]
    line: bool = False  # the sentence is a whole line of the text (a list entry, a heading, a table row)
    entry: bool = False  # opens a line with a qualified place and a note ("Xining (China). The agreement …")
    doc: TextCues | None = field(default=None, repr=False, compare=False)  # the whole text's cues, when split from one

    @cached
    def folded(self) -> str:
        """The chunk lowercased for the cue pre-tests (see prefilter)."""
        return fold(self.chunk) if self.doc is None else self.doc.folded[self.start : self.end]

    def among(self, cue_set: Cues) -> list[int]:
        """The alternatives of one of SENTENCE_CUES that may match the chunk."""
        return cue_set.candidates(self.folded) if self.doc is None else self.doc.candidates(cue_set, self.index)

    @cached
    def twin(self) -> bool:
        """A twinning word (sister/twin/побратим…); "the Twin Cities" and «города-близнецы» are not."""
        among = self.among(P.TWIN_RE)
        if not among:
            return False
        chunk = _without_names(self.chunk)
        low = self.folded
        academic = any(k in low for k in ("twinning pro", "twinning sch", "twinning deg"))
        if academic and P.ACADEMIC_RE.search(chunk):
            chunk = P.ACADEMIC_TWINNING.sub(" ", chunk)  # universities' "twinning programme": an exchange
        # the same candidates serve unless a name was taken out of the chunk (then a fresh pre-test of what is left)
        return bool(P.TWIN_RE.search(chunk, among=among if chunk is self.chunk else None))

    @cached
    def partner(self) -> bool:
        """A formal partnership word (partner city, cooperation agreement, дружественные связи…)."""
        chunk = _without_names(self.chunk)
        return bool(P.PARTNER_RE.search(chunk, among=self.among(P.PARTNER_RE) if chunk is self.chunk else None))

    @cached
    def related(self) -> bool:
        """A relationship word (ties, relations, delegation, связи, отношения…)."""
        return bool(P.RELATION_RE.search(self.folded))

    @cached
    def near_miss(self) -> bool:
        """Flights, summits, embassies, universities, sports…"""
        return bool(P.NEAR_MISS_RE.search(self.chunk, among=self.among(P.NEAR_MISS_RE)))

    @cached
    def proposal(self) -> bool:
        """ "could become sister cities", "предложил"."""
        return self.proposal_at >= 0

    @cached
    def proposal_at(self) -> int:
        """Where in the text the sentence's first proposal cue starts (-1: it has none)."""
        m = P.PROPOSAL_RE.search(self.chunk, among=self.among(P.PROPOSAL_RE))
        return -1 if m is None else self.start + m.start()

    def proposes(self, text: str, after: int) -> bool:
        """True when a proposal cue concerns what the sentence names up to `after`: not one in a later clause of its
        own ("… maintains relationships with Hebei …, and suggested that the Commission coordinate …")."""
        if self.proposal_at < after:
            return self.proposal
        return not P.CLAUSE_BREAK.search(text, after, self.proposal_at)

    @cached
    def negated(self) -> bool:
        """ "are not sister cities"."""
        return bool(P.NEGATION_RE.search(self.chunk, among=self.among(P.NEGATION_RE)))

    @cached
    def coref(self) -> bool:
        """ "its", "them", "the city"… pointing to an adjacent sentence."""
        return bool(P.COREF_RE.search(self.folded))

    @cached
    def status(self) -> str | None:
        """The relationship status the sentence states, if any."""
        return status_of(self.chunk, self.among(P.STATUS_RE))

    @cached
    def item(self) -> bool:
        """A list line: short ("Whitby, England Representative", a table cell) or bulleted ("・Halifax (Canada) - …")."""
        if self.entry:
            return True
        short = len(self.chunk) <= 60 and not self.chunk.endswith((".", "!", "?"))
        # A line of few lowercase words is a list entry even with a final period ("Юджин (США) — с 1988 г.").
        return short or (self.line and len(self.chunk) <= 100 and self.terse) or bool(P.BULLET_START.match(self.chunk))

    @cached
    def heading(self) -> bool:
        """A heading over a list: a line ending with a colon ("Partner cities:", "Perm is twinned with:[71]"), a list's
        title on its own line, or a table's header row naming a twinning or partnership column."""
        if ":" in self.chunk:  # most sentences have no colon
            return P.HEADING_END.search(self.chunk) is not None
        # a line that is only a list's title: "Partner cities", "Our Sister Cities", «Города-побратимы»; a table's header
        # row with a twinning or partnership column: "Country | Partner region | Agreement signed"
        if not self.line:
            return False
        if "|" in self.chunk:
            return self.terse and (self.twin or self.partner)
        return len(self.chunk) <= 40 and P.LIST_TITLE.match(self.chunk) is not None

    @cached
    def terse(self) -> bool:
        """Few lowercase words: a list or table row of names ("Цзинань (Китай); Линц (Австрия); …")."""
        for count, _ in enumerate(P.LOWER_WORD.finditer(self.chunk), 1):  # stops at the fifth: most have many
            if count > 4:
                return False
        return True


def _without_names(chunk: str) -> str:
    """The chunk without names that contain a twinning word but name no pair ("the Twin Cities", "Sister Cities
    International"); the cheap test first, as most sentences have none."""
    if "Twin Cit" in chunk or "International" in chunk or "близнец" in chunk or "ссоциаци" in chunk:
        return P.TWIN_CITIES_METRO.sub(" ", chunk)
    return chunk


def _ends_with_abbreviation(text: str, pos: int) -> bool:
    """True when the text before `pos` ends with an abbreviation such as "St." or "N.Y.", or a name's initial
    ("K. Schroeder", «С. Иванов»): one capital letter after a space or a line start."""
    if pos >= 2 and text[pos - 1] == "." and text[pos - 2].isupper() and (pos == 2 or not text[pos - 3].isalnum()):
        return True
    if not text.endswith(P.ABBREVIATIONS, 0, pos):
        return False  # one C call for the common case; the loop below checks the word boundary
    for abbr in P.ABBREVIATIONS:
        at = pos - len(abbr)
        if at >= 0 and text[at:pos] == abbr and (at == 0 or not text[at - 1].isalnum()):
            return True
    return False


def _splits(text: str) -> list[int]:
    """Offsets where a new sentence starts."""
    cuts = [0]
    for m in P.SENTENCE_END.finditer(text):
        start = m.start() if m.group(1) is None else m.start(1)  # the break after final punctuation is its spaces
        if "\n" not in text[start : m.end()] and _ends_with_abbreviation(text, start):
            continue
        cuts.append(m.end())
    return cuts


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the line holding offset `pos` (end excludes the newline)."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, end if end >= 0 else len(text)


def status_of(chunk: str, among: list[int] | None = None) -> str | None:
    """The status a piece of text states for a relationship, if any (`among`: STATUS_RE's candidates for the chunk,
    if the caller has them): the first cue in STATUS_RE's order that matches."""
    for i in P.STATUS_RE.candidates(fold(chunk)) if among is None else among:
        if P.STATUS_RE.parts[i].regex.search(chunk):
            return P.STATUS_LABELS[i]
    return None


def split_sentences(text: str, folded: str | None = None) -> list[Sentence]:
    """Split `text` into non-empty sentences with their cues (`folded`: `fold(text)` if the caller has it)."""
    spans: list[tuple[int, int, str]] = []
    for a, b in itertools.pairwise([*_splits(text), len(text)]):
        piece = text[a:b]
        chunk = piece.strip()  # str.strip drops exactly the characters str.isspace accepts
        if chunk:
            a += len(piece) - len(piece.lstrip())
            spans.append((a, a + len(chunk), chunk))
    doc = TextCues(fold(text) if folded is None else folded, [a for a, _, _ in spans], [b for _, b, _ in spans])
    return [
        Sentence(
            index=k,
            start=a,
            end=b,
            chunk=chunk,
            line=(a == 0 or text[a - 1] == "\n") and (b == len(text) or text[b] in "\r\n"),
            doc=doc,
        )
        for k, (a, b, chunk) in enumerate(spans)
    ]


def contexts(
    sentences: list[Sentence], with_places: set[int], window: int = 3, entries: frozenset[int] = frozenset()
) -> dict[int, str]:
    """Which sentences are twinning contexts: "own" (cue in it), "partner", or "inherited" from a cue before it.

    The inherited context lasts for `window` sentences that name places: a paragraph listing sister cities keeps
    its topic across sentences without places ("You can talk about each of them…"). A list line naming a qualified
    place (`entries`: "Jalisco, Mexico (1993)") renews it: notes between the entries do not end the list. Later, a
    sentence opening with "In addition"/«Кроме того» and a relationship word adds to what the text has listed.
    """
    out: dict[int, str] = {}
    left = 0
    seen = False  # a twinning sentence came before
    for s in sentences:
        placed = s.index in with_places
        heading = s.heading
        if s.twin:
            out[s.index] = "own"
            left = window
            seen = True
        elif not placed and not heading:
            continue  # without places a sentence only matters when it opens a context (saves two regexes a sentence)
        elif s.near_miss:
            continue  # flights, summits, sports: not a twinning statement without a twinning word
        elif left > 0:
            out[s.index] = "inherited"
            if s.item and s.index in entries:
                left = window
        elif s.partner:
            out[s.index] = "partner"
            if heading:
                left = window  # "Partner cities:" heads a list of partners
        elif seen and P.ADDITIVE_OPEN.match(s.chunk) and s.related:
            out[s.index] = "inherited"  # «Кроме того, край поддерживает связи с …» adds to the text's twinning list
        if not s.twin and placed and not s.item:
            left -= 1  # list lines do not use up the window: a list under a heading is one statement
    return out
