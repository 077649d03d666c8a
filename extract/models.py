"""Typed values handed between stages: the extracted body and the tagged place pairs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Body:
    """What `extract_body` returns for one article page."""

    title: str | None
    text: str
    published: str | None  # ISO 8601: a date ("2020-10-13") or a datetime with offset
    date_rule: str | None  # the rule that found `published`, e.g. "dd.mm.yyyy", "json-ld", "htmldate"
    language: str | None  # "en" | "ru" | None


@dataclass(frozen=True)
class Pair:
    """One pair of places that a text presents as twins or partners."""

    a: str  # canonical English name
    a_country: str  # ISO 3166-1 alpha-2
    b: str
    b_country: str
    level: str  # "city" | "region" (region when either side is a region/state/county)
    relation: str  # "sister" | "partner" | ...
    status: str | None  # "active" | "suspended" | "ended" | "restored" | None when unstated
    explicit: bool
    evidence: str  # the sentence supporting the pair, an exact substring of the text
    start: int  # character offsets of `evidence` in the text
    end: int
    known: bool  # the pair is in the curated known-pairs reference

    def key(self) -> tuple[tuple[str, str], tuple[str, str]]:
        """Return the unordered identity of the pair: sorted (name, country) sides."""
        sides = sorted([(self.a, self.a_country), (self.b, self.b_country)])
        return (sides[0], sides[1])
