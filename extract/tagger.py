"""City-pair tagger: which places a text presents as twins or partners (English and Russian)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from extract import patterns as P
from extract.gazetteer import Place, is_known, load, pair_key
from extract.models import Pair
from extract.tagging_places import Located, choose, locate
from extract.tagging_text import Sentence, contexts, split_sentences, status_of


@dataclass(frozen=True)
class Hit:
    """One pair found in one sentence."""

    a: Place
    b: Place
    sentence: Sentence
    explicit: bool
    status: str | None  # stated between the two names, or by the sentence when it holds only this pair
    position: int  # where the later of the two places is named: pairs keep text order


@dataclass(frozen=True)
class Scope:
    """What a sentence can refer back to."""

    hub: Place | None  # the text's main place, or the last sentence's subject
    item_hub: Place | None  # what a list line pairs with (the text's place or a list head)
    prev_twin: bool  # the previous sentence has a twinning word
    prev_place: Place | None  # the only place of the previous sentence, if exactly one


def _side(p: Place) -> tuple[str, str]:
    """The (name, country) identity of a place."""
    return (p.name, p.country)


def _doc_hub(places: list[tuple[Located, Place, int]], cue_sentences: set[int]) -> Place | None:
    """The place the text is about: the most mentioned one (at least twice); ties go to the one named more often in
    twinning sentences, then to the one named first."""
    counts = Counter(_side(p) for _, p, _ in places)
    in_cues = Counter(_side(p) for _, p, i in places if i in cue_sentences)
    first: dict[tuple[str, str], tuple[int, Place]] = {}
    for loc, p, _ in places:
        if _side(p) not in first or loc.start < first[_side(p)][0]:
            first[_side(p)] = (loc.start, p)
    ranked = sorted(counts, key=lambda k: (-counts[k], -in_cues[k], first[k][0]))
    if not ranked or counts[ranked[0]] < 2:
        return None
    return first[ranked[0]][1]


def _isolated(text: str, seq: list[tuple[Located, Place]], k: int) -> bool:
    """True when "X and Y" at k, k+1 is not part of a longer enumeration of places."""
    before = k == 0 or not _is_enumeration_gap(text[seq[k - 1][0].end : seq[k][0].start])
    after = k + 2 >= len(seq) or not _is_enumeration_gap(text[seq[k + 1][0].end : seq[k + 2][0].start])
    return before and after


def _structural(
    text: str, seq: list[tuple[Located, Place]], hub: Place | None
) -> tuple[list[tuple[Place, Place]], set[int]]:
    """Pairs stated by structure: "X–Y", "X/Y", "X with its sister city Y", lists of "X and Y, Z and W", and a
    lone "X and Y" (unless both are partners of the text's main place: "magnificent Barcelona and Paris")."""
    pairs, used, ands = [], set(), []
    for k in range(len(seq) - 1):
        (la, pa), (lb, pb) = seq[k], seq[k + 1]
        gap = text[la.end : lb.start]
        if (P.DASH_CONNECTOR.match(gap) or P.WITH_CONNECTOR.match(gap)) and pa.country != pb.country:
            pairs.append((pa, pb))
            used |= {k, k + 1}
        elif P.AND_CONNECTOR.match(gap) and pa.country != pb.country:
            ands.append(k)
    chained = [k for k in ands if k - 2 in ands or k + 2 in ands]
    # A pair-list needs the pairs joined by list separators ("X and Y, Z and W").
    chained = [
        k
        for k in chained
        if any(
            j in ands and P.LIST_SEPARATOR.match(text[seq[min(k, j) + 1][0].end : seq[max(k, j)][0].start])
            for j in (k - 2, k + 2)
        )
    ]
    if not chained:
        chained = [
            k
            for k in ands
            if _isolated(text, seq, k)
            and (
                hub is None
                or _side(hub) in (_side(seq[k][1]), _side(seq[k + 1][1]))
                or is_known(seq[k][1], seq[k + 1][1])
            )
        ]
    for k in chained:
        if k not in used and k + 1 not in used:
            pairs.append((seq[k][1], seq[k + 1][1]))
            used |= {k, k + 1}
    return pairs, used


def _is_enumeration_gap(gap: str) -> bool:
    """True when the text between two places only separates list items ("; ", ", Australia; ", " (Китай); ")."""
    bare = P.LIST_WORDS.sub(" ", P.PARENTHESES.sub(" ", gap))
    return len(gap) <= 48 and not P.LOWER_WORD.search(bare)


def _center(
    text: str,
    seq: list[tuple[Located, Place]],
    rest_seq: list[tuple[Located, Place]],
    sentence: Sentence,
    scope: Scope,
) -> Place | None:
    """The place the others of the sentence are paired with, or None."""
    hub = scope.hub
    names = {_side(p) for _, p in seq}
    rest = [p for _, p in rest_seq]
    if hub is not None and _side(hub) in names:
        return hub
    if len(names) == 1:
        # "Its relationship with Magadan…": the text's main place, through coreference or a cue just before.
        if sentence.coref and (sentence.twin or sentence.partner or scope.prev_twin):
            # "its sister city", or a pronoun right after a twinning sentence: the place just named, else the hub
            return _referent(seq[0][1], scope.prev_place, hub)
        return scope.item_hub if sentence.item else None
    if len(rest) < 2:
        return None
    first, second = rest_seq[0][0], rest_seq[1][0]
    gap = text[first.end : second.start]
    if ":" in gap or not _is_enumeration_gap(gap):
        return rest[0]  # "Anchorage … relationships with Darwin, Australia; Chitose, Japan; …"
    others = {p.country for p in rest[1:]}
    if len(others) == 1 and rest[0].country not in others:
        return rest[0]  # "between Moscow, Chicago and Los Angeles"
    if hub is not None and all(p.country != hub.country for p in rest):
        return hub  # a bare list of partners of the text's place
    return None


def _referent(place: Place, prev: Place | None, hub: Place | None) -> Place | None:
    """What "its"/"the city" points to: the place just named when it is on the text's own side (Magadan in a
    Moscow-centred text), else the text's main place."""
    if prev is not None and (hub is None or prev.country == hub.country) and prev.country != place.country:
        return prev
    return hub


def _nearest(seq: list[tuple[Located, Place]], center: Place, partner: Place) -> Place:
    """The center-country place named last before `partner` ("Des Moines … Stavropol, and Iowa … Stavropol Krai"),
    else the center."""
    spots = {_side(p): loc for loc, p in seq}
    if _side(center) not in spots or _side(partner) not in spots:
        return center
    target = spots[_side(partner)].start
    before = [(loc.start, p) for loc, p in seq if p.country == center.country and loc.start < target]
    return max(before, key=lambda x: x[0])[1] if before else center


def _hub_pairs(
    text: str, seq: list[tuple[Located, Place]], used: set[int], sentence: Sentence, scope: Scope
) -> list[tuple[Place, Place]]:
    """Pair the sentence's center (the text's main place, a local subject or a list head) with the others."""
    rest_seq = [x for k, x in enumerate(seq) if k not in used]
    rest = [p for _, p in rest_seq]
    if used and len(rest) < 2 and not (scope.hub and rest):
        return []
    center = _center(text, seq, rest_seq, sentence, scope)
    if center is None:
        return []
    partners = [p for p in rest if p.country != center.country and _side(p) != _side(center)]
    return [(_nearest(seq, center, p), p) for p in partners]


def _allowed(a: Place, b: Place, s: Sentence, structural: bool) -> bool:
    """Suppress same-country pairs, capitals as governments, proposals, and country-level places."""
    if a.country == b.country or "country" in (a.level, b.level) or s.negated:
        return False
    if "capital" in a.flags and "capital" in b.flags and (s.near_miss or not s.twin):
        return False  # "Moscow and Washington" are governments unless a twinning word says otherwise
    if "region" in (a.level, b.level) and not (s.twin or s.partner or structural):
        return False  # states and regions are paired only by a twinning word or an "X–Y" compound
    return not (s.proposal and s.status is None and not is_known(a, b))


def _sentence_hits(
    text: str, s: Sentence, kind: str, seq: list[tuple[Located, Place]], scope: Scope
) -> list[Hit]:
    """All pairs stated in one context sentence."""
    seq = _drop_enclosing_regions(seq)
    pairs, used = _structural(text, seq, scope.hub)
    n_structural = len(pairs)
    pairs += _hub_pairs(text, seq, used, s, scope)
    # Partnership wording is implicit by the annotation rule; a pronoun right after a twinning sentence is explicit.
    explicit = s.twin or (kind == "inherited" and scope.prev_twin and s.coref and not s.partner)
    weak = {_side(p) for loc, p in seq if loc.weak}
    at = {_side(p): loc.start for loc, p in reversed(seq)}
    ends = {_side(p): loc.end for loc, p in reversed(seq)}

    def status(a: Place, b: Place) -> str | None:
        # The clause of the later-named side: from the place named just before it up to it.
        if _side(a) in at and _side(b) in at:
            later = max(at[_side(a)], at[_side(b)])
            start = max((e for e in ends.values() if e <= later), default=s.start)
            clause = status_of(text[start:later])
            if clause:
                return clause
        return s.status if len(pairs) == 1 else None

    return [
        Hit(a, b, s, explicit, status(a, b), max(at.get(_side(a), s.start), at.get(_side(b), s.start)))
        for k, (a, b) in enumerate(pairs)
        if _allowed(a, b, s, k < n_structural) and (not {_side(a), _side(b)} & weak or is_known(a, b))
    ]


def _drop_enclosing_regions(seq: list[tuple[Located, Place]]) -> list[tuple[Located, Place]]:
    """Drop a region named right next to a city inside it ("Crimea's capital of Simferopol", "Simferopol, Crimea")."""

    def encloses(k: int) -> bool:
        loc, p = seq[k]
        if p.level != "region" or "state" in p.flags:
            return False
        near = [seq[j] for j in (k - 1, k + 1) if 0 <= j < len(seq)]
        return any(
            c.level == "city"
            and (c.country, c.admin1) == (p.country, p.admin1)
            and min(abs(loc.start - cl.end), abs(cl.start - loc.end)) <= 30
            for cl, c in near
        )

    return [x for k, x in enumerate(seq) if not encloses(k)]


def _next_anchor(
    found: list[Hit], last: Place | None, seq: list[tuple[Located, Place]], chunk: str
) -> tuple[Place | None, bool]:
    """The place a following sentence may refer back to, and whether it heads a list: the side shared by several
    pairs or a heading that ends with a colon ("Perm is twinned with:") head lists; a single pair's first-named
    side (its subject) is only a coreference target ("The Florida city is also twinned with …")."""
    if not found:
        return (seq[0][1], True) if len(seq) == 1 and chunk.rstrip().endswith(":") else (None, False)
    sides = [{_side(h.a), _side(h.b)} for h in found]
    if last is not None and all(_side(last) in x for x in sides):
        return last, True
    common = set.intersection(*sides)
    if len(found) == 1:
        return next(p for _, p in seq if _side(p) in common), False
    if len(common) == 1:
        return next(p for h in found for p in (h.a, h.b) if _side(p) in common), True
    return None, False


def _collect(text: str) -> list[Hit]:
    """Hits over all context sentences of the text."""
    sentences = split_sentences(text)
    located, country_context = locate(text)
    by_sentence: dict[int, list[Located]] = {}
    bounds = [(s.start, s.end, s.index) for s in sentences]
    for loc in located:
        idx = next((i for a, b, i in bounds if a <= loc.start < b), None)
        if idx is not None:
            by_sentence.setdefault(idx, []).append(loc)
    ctx = contexts(sentences, set(by_sentence))
    resolved = [
        (loc, choose(loc, by_sentence.get(i, []), country_context), i)
        for i, locs in by_sentence.items()
        for loc in locs
    ]
    hub = _doc_hub(resolved, {i for i, kind in ctx.items() if kind == "own"})
    hits: list[Hit] = []
    last: Place | None = None  # the subject of the previous context sentence: a list may go on after a break
    strong = False  # `last` heads a list (a colon heading or the shared side of several pairs)
    for s in sentences:
        kind = ctx.get(s.index)
        if kind is None or s.index not in by_sentence:
            last = None if s.index in by_sentence else last
            continue
        seq = [(loc, p) for loc, p, i in resolved if i == s.index]
        seq = [x for k, x in enumerate(seq) if k == 0 or _side(x[1]) != _side(seq[k - 1][1])]
        before = {_side(p): p for _, p, i in resolved if i == s.index - 1}
        scope = Scope(
            hub=hub or last,
            item_hub=hub or (last if strong else None),
            prev_twin=s.index > 0 and sentences[s.index - 1].twin,
            prev_place=next(iter(before.values())) if len(before) == 1 else None,
        )
        found = _sentence_hits(text, s, kind, seq, scope)
        hits += found
        last, strong = _next_anchor(found, last, seq, text[s.start : s.end])
    return hits


def _to_pairs(text: str, hits: list[Hit]) -> list[Pair]:
    """Merge hits into one Pair per unordered pair (explicit if any mention is), in text order."""
    gaz = load()
    merged: dict[tuple, list[Hit]] = {}
    order: dict[tuple, tuple[int, int]] = {}
    for h in hits:
        merged.setdefault(pair_key(_side(h.a), _side(h.b)), []).append(h)
    out = []
    for key, group in merged.items():
        best = next((h for h in group if h.explicit), group[0])
        order[key] = (best.sentence.start, best.position)
        a, b = sorted((best.a, best.b), key=lambda p: (p.country != "RU", p.name))
        status = next((h.status for h in group if h.status), None)
        out.append(
            Pair(
                a=a.name,
                a_country=a.country,
                b=b.name,
                b_country=b.country,
                level="region" if "region" in (a.level, b.level) else "city",
                relation="sister"
                if any(h.sentence.twin or not h.sentence.partner for h in group)
                else "partner",
                status=status,
                explicit=best.explicit,
                evidence=text[best.sentence.start : best.sentence.end],
                start=best.sentence.start,
                end=best.sentence.end,
                known=key in gaz.known,
            )
        )
    return [p for _, p in sorted(zip(order.values(), out), key=lambda x: x[0])]


def tag_pairs(text: str, lang: str | None = None) -> list[Pair]:
    """Return the place pairs that `text` presents as twins or partners (lang "en"/"ru"/None: both scripts)."""
    if not text or not text.strip():
        return []
    return _to_pairs(text, _collect(text))
