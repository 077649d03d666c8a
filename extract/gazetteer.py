"""Place gazetteer: loads `data/gazetteer.tsv.gz` once and finds place mentions through an index of their names."""

from __future__ import annotations

import csv
import gc
import gzip
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from extract import name_index, table_cache
from extract import patterns as P
from extract.native import PACKAGE  # a compiled module's own __file__ is the path it was compiled from

DATA = PACKAGE / "data"


class Place(NamedTuple):
    """One gazetteer entry. A named tuple: 75k of them unpickle in less than half the time a frozen dataclass's do,
    and its fields read and hash at C speed."""

    key: str
    name: str
    country: str
    level: str  # "city" | "region" | "country"
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    admin1: str
    flags: frozenset[str]

    @property
    def rank(self) -> float:
        """Prior for homonyms: curated and known places first, then population."""
        bonus = 3e7 * ("known" in self.flags) + 1e7 * ("curated" in self.flags)
        return bonus + self.population


@dataclass(slots=True)  # not frozen: a frozen init costs twice as much, and a text makes hundreds
class Mention:
    """A surface match of one or more places in the text."""

    start: int
    end: int
    surface: str
    candidates: tuple[Place, ...]  # best prior first


@dataclass(frozen=True)
class Gazetteer:
    """Places, their surface forms and the index that finds those in a text."""

    places: tuple[Place, ...]
    by_surface: dict[str, tuple[Place, ...]]  # each surface form -> its places, best prior first
    index: name_index.NameIndex
    known: frozenset[tuple[tuple[str, str], tuple[str, str]]]
    known_status: dict[tuple[tuple[str, str], tuple[str, str]], str]  # as the reference states it


def _place(row: list[str], strings: dict[str, str], flag_sets: dict[frozenset[str], frozenset[str]]) -> Place:
    """Build a Place from a gazetteer row. Its country, level and admin1 are the one string of each value in
    `strings`, its flags the one set of each value in `flag_sets`: the table cache then stores each value once."""
    flags = frozenset(row[9].split("|")) if row[9] else frozenset()
    return Place(
        key=row[0],
        name=row[1],
        country=strings.setdefault(row[2], row[2]),
        level=strings.setdefault(row[3], row[3]),
        lat=float(row[4]) if row[4] else None,
        lon=float(row[5]) if row[5] else None,
        geonameid=int(row[6]) if row[6] else None,
        population=int(row[7] or 0),
        admin1=strings.setdefault(row[8], row[8]),
        flags=flag_sets.setdefault(flags, flags),
    )


def _rank(surface: str, cands: list[Place], oblique: set[tuple[str, str]]) -> tuple[Place, ...]:
    """Candidates of one surface, best first: a Russian case form of a place comes after a place the surface names
    in the nominative («Печоры» is Pechory before it is "of Pechora"); then a place whose own name is the surface
    beats one reached through an alias (Stavropol city vs Krai); small towns come last (the tagger keeps them only
    when a qualifier names them: "Moscow, Idaho")."""

    def footing(p: Place) -> tuple[bool, bool, bool]:
        return (surface, p.key) in oblique, "small" in p.flags, p.name != surface

    ranked = sorted(cands, key=lambda p: (*footing(p), -p.rank))
    top = ranked[0]
    if "known" in top.flags and "curated" not in top.flags:
        # A known pair's town (Milan, Tennessee) does not outrank a namesake ten times its size in another country
        # (Milan, Italy) by prior alone; a known partner named in the text still picks it (tagging_hub.one_sense).
        for k, p in enumerate(ranked[1:], 1):
            if (
                footing(p) == footing(top)
                and p.country != top.country
                and p.population > max(10 * top.population, 100_000)
            ):
                return (p, *ranked[:k], *ranked[k + 1 :])
    return tuple(ranked)


PairKey = tuple[tuple[str, str], tuple[str, str]]


def pair_key(a: tuple[str, str], b: tuple[str, str]) -> PairKey:
    """Unordered identity of a pair of (name, country) sides."""
    return (a, b) if a <= b else (b, a)


def _load_known() -> tuple[frozenset[PairKey], dict[PairKey, str]]:
    """Read known_pairs.csv into keys and stated statuses."""
    keys: set[PairKey] = set()
    status: dict[PairKey, str] = {}
    with open(DATA / "known_pairs.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            k = pair_key((r["a"], r["a_country"]), (r["b"], r["b_country"]))
            keys.add(k)
            status[k] = r["status"]
    return frozenset(keys), status


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Load the gazetteer data file and build the automaton (once per process)."""
    # The cyclic collector would walk the growing index again and again while 300k surfaces are added; nothing
    # built here is cyclic garbage, so it is paused for the build (about a third of the load time).
    paused = gc.isenabled()
    gc.disable()
    try:
        gazetteer = _build()
        # The places and their index live as long as the process. Frozen (moved to the collector's permanent
        # generation), they are no longer walked by each full collection while texts are tagged: that walk over a
        # few hundred MB missed the cache on every object and took about a fifth of the tagging time.
        gc.freeze()
        return gazetteer
    finally:
        if paused:
            gc.enable()


Tables = tuple[
    tuple[Place, ...], dict[str, tuple[Place, ...]], name_index.Tables, frozenset[PairKey], dict[PairKey, str]
]


def _build() -> Gazetteer:
    """The places, their surfaces and the name index (from the table cache when it matches the data)."""
    inputs = (
        DATA / "gazetteer.tsv.gz",
        DATA / "known_pairs.csv",
        # the sources that read them
        PACKAGE / "gazetteer.py",
        PACKAGE / "patterns.py",
        PACKAGE / "name_index.py",
    )
    places, by_surface, tables, known, status = table_cache.load_or_build("gazetteer", inputs, _tables)
    return Gazetteer(places, by_surface, name_index.NameIndex(by_surface, tables), known, status)


def _tables() -> Tables:
    """Read the data files into places, each surface's candidates (best first) and the known pairs."""
    index: dict[str, list[Place]] = {}
    places = []
    nominative: dict[str, str] = {}  # place key -> its Russian nominative names, "|"-delimited
    strings: dict[str, str] = {}
    flag_sets: dict[frozenset[str], frozenset[str]] = {}
    with gzip.open(DATA / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = line.rstrip("\n").split("\t")
            place = _place(row, strings, flag_sets)
            places.append(place)
            # Surfaces are filtered to proper names at build time (build_gazetteer.proper_surfaces).
            # English (Latin) and Russian (Cyrillic) surfaces never overlap and each column is unique.
            for column in (row[10], row[11]):
                if column:
                    for surface in column.split("|"):
                        index.setdefault(surface, []).append(place)
            if row[12]:
                nominative[place.key] = f"|{row[12]}|"
    # Only surfaces shared by several places need to know which readings are oblique case forms.
    oblique = {
        (s, p.key)
        for s, c in index.items()
        if len(c) > 1
        for p in c
        if p.key in nominative and f"|{s}|" not in nominative[p.key] and P.CYRILLIC_RE.match(s)
    }
    # The case forms of a place share its one tuple of candidates: the table cache then stores it once.
    candidates: dict[tuple[Place, ...], tuple[Place, ...]] = {}
    by_surface = {}
    for s, c in index.items():
        ranked = (c[0],) if len(c) == 1 else _rank(s, c, oblique)
        by_surface[s] = candidates.setdefault(ranked, ranked)
    known, status = _load_known()
    return tuple(places), by_surface, name_index.index_tables(by_surface), known, status


def _bounded(text: str, start: int, end: int) -> bool:
    """True when the match is a whole word (letters/digits do not continue it on either side)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (
        before.isalnum() or after.isalnum() or before == "'" and start > 1 and text[start - 2].isalnum()
    )


def _longer_name(text: str, end: int, starts: set[int]) -> bool:
    """True when a hyphen after a Latin match goes on with more of the same name ("Saint-Vaast-la-Hougue",
    "Konongo-Odumase", "Kyiv-Mohyla"): a capitalised word or a name connector that no other place starts ("Tver-Osnabrück"
    is two places, "Moscow-based" one)."""
    if text[end : end + 1] != "-" or end + 1 in starts or P.CYRILLIC_RE.match(text, end - 1):
        return False  # Russian compounds are listed whole or are adjectives («Синьцзян-Уйгурский автономный район»)
    m = P.HYPHEN_WORD.match(text, end + 1)
    return m is not None and (m.group()[0].isupper() or m.group() in P.NAME_CONNECTORS)


def _name_tail(text: str, start: int) -> bool:
    """True when a match ends a longer hyphenated name after a name connector ("St Sébastien-sur-Loire",
    "Stratford-upon-Avon") or a name's first word ("Château-Chinon"): the river, region or town in it is not a place of
    the text."""
    if text[start - 1 : start] != "-":
        return False
    head = text[max(0, start - 12) : start - 1].rsplit(" ", 1)[-1]
    if head in P.NAME_HEADS:
        return True  # "Château-Chinon", "Saint-Malo" unknown as a whole: not Chinon
    hyphen = text.rfind("-", 0, start - 1)
    return hyphen > 0 and text[hyphen - 1].isalpha() and text[hyphen + 1 : start - 1] in P.NAME_CONNECTORS


def is_surface(surface: str) -> bool:
    """True when the gazetteer lists this exact spelling of some place."""
    return surface in load().by_surface


def places_named(surface: str) -> tuple[Place, ...]:
    """The places with this exact surface form, best prior first (none when the gazetteer lacks it)."""
    return load().by_surface.get(surface, ())


def _with_head(name: str, nouns: tuple[str, ...]) -> tuple[Place, ...] | None:
    """The places of `name` followed by the first of the head nouns that makes a known surface ("Минской области",
    "Khabarovsk Region"), or None."""
    for noun in nouns:
        places = places_named(f"{name} {noun}")
        if places:
            return places
    return None


def _shared_heads(text: str, found: list[Mention]) -> list[Mention]:
    """The first region of "Ленинградской и Минской областями": its adjective with the singular head noun (where no
    mention `found` already covers it)."""
    out = []
    taken: dict[int, Mention] | None = None  # the mention found covering each character: only for a text with a match
    for m in P.SHARED_HEAD.finditer(text):
        head = next(k for k in P.HEAD_SINGULAR if m.group(3).startswith(k))
        if taken is None:
            taken = {i: f for f in found for i in range(f.start, f.end)}
        for group, end in ((1, m.end(1)), (2, m.end())):  # the second adjective keeps its plural head noun
            f = taken.get(m.start(group))
            # a region found there stays; a town that is only the adjective's spelling ("Смоленской", the stanitsa
            # Smolenskaya) gives way to the region the shared noun names
            if f is not None and (f.end != m.end(group) or any(c.level == "region" for c in f.candidates)):
                continue
            places = _with_head(m.group(group), P.HEAD_SINGULAR[head])
            if places is not None:
                out.append(Mention(m.start(group), end, text[m.start(group) : end], places))
    return out


def find_mentions(text: str) -> list[Mention]:
    """All whole-word place mentions in `text`, left to right, non-overlapping."""
    gaz = load()
    out = [
        Mention(start, end, text[start:end], places)
        for start, end, places in gaz.index.find(text)
        if _bounded(text, start, end)
    ]
    if "-" in text:
        starts = {m.start for m in out}
        out = [m for m in out if not _longer_name(text, m.end, starts) and not _name_tail(text, m.start)]
    if "и" in text and P.CYRILLIC_RE.search(text):
        shared = _shared_heads(text, out)
        if shared:
            replaced = {m.start for m in shared}
            out = sorted([m for m in out if m.start not in replaced] + shared, key=lambda m: m.start)
    if " regions" in text or " oblasts" in text or " provinces" in text or " prefectures" in text:
        out = _english_shared_heads(text, out)
    return out


def _english_shared_heads(text: str, found: list[Mention]) -> list[Mention]:
    """ "the Amur, Khabarovsk and Jewish Autonomous regions": each name with the singular head is a region, in place
    of what the name alone matched (the city of Khabarovsk)."""
    regions: list[Mention] = []
    for m in P.EN_SHARED_HEAD.finditer(text):
        for name in P.EN_SHARED_NAME.finditer(m.group(1)):
            start = m.start(1) + name.start()
            places = _with_head(name.group(), P.EN_HEAD_SINGULAR[m.group(2).lower()])
            if places is not None:
                regions.append(Mention(start, start + len(name.group()), name.group(), places))
    if not regions:
        return found
    spans = [(r.start, r.end) for r in regions]
    kept = [m for m in found if not any(a <= m.start < b or m.start <= a < m.end for a, b in spans)]
    return sorted(kept + regions, key=lambda m: m.start)


@lru_cache(maxsize=1)
def common_english() -> frozenset[str]:
    """Frequent English words, lowercase (data/common_en.txt, written by the gazetteer build from wordfreq)."""
    lines = (DATA / "common_en.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def unlisted_place(name: str, country: str, admin1: str = "", level: str = "city") -> Place:
    """A town the gazetteer lacks, as the text names it with its country ("Dorsheim, Germany"), or a region the text
    names after its centre ("Nakuru County")."""
    return Place(f"u:{name}:{country}", name, country, level, None, None, None, 0, admin1, frozenset({"unlisted"}))


def is_known(a: Place, b: Place) -> bool:
    """True when the two places form a pair of the known-pairs reference."""
    return pair_key((a.name, a.country), (b.name, b.country)) in load().known


@lru_cache(maxsize=1)
def _centres() -> dict[tuple[str, str], Place]:
    """The largest city of each (country, admin1): a Russian region's administrative centre as a rule."""
    out: dict[tuple[str, str], Place] = {}
    for p in load().places:
        if p.level == "city" and p.admin1 and "small" not in p.flags:
            key = (p.country, p.admin1)
            if key not in out or p.population > out[key].population:
                out[key] = p
    return out


def centre(region: Place) -> Place | None:
    """The administrative centre of a region, taken as its largest city ("краевой центр" of Khabarovsk Krai)."""
    if region.level != "region" or not region.admin1:
        return None
    return _centres().get((region.country, region.admin1))
