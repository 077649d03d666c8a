"""City-pair tagger: which places a text presents as twins or partners (English and Russian)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from extract import patterns as P
from extract import tagging_words
from extract.gazetteer import PairKey, Place, is_known, load, pair_key
from extract.models import Pair
from extract.prefilter import fold
from extract.tagging_hub import add_region_centre, dateline_of, one_sense, text_place
from extract.tagging_names import written_names
from extract.tagging_pairs import (
    Scope,
    drop_enclosing_regions,
    enumerates,
    flattened_table,
    follows_in,
    hub_pairs,
    mutual,
    side,
    structural,
)
from extract.tagging_places import Located, choose, locate
from extract.tagging_text import Sentence, contexts, line_bounds, split_sentences, status_of
from extract.tagging_words import demonym_country


@dataclass(slots=True)  # not frozen, as Mention
class Hit:
    """One pair found in one sentence."""

    a: Place
    b: Place
    sentence: Sentence
    explicit: bool
    status: str | None  # stated between the two names, or by the sentence when it holds only this pair
    position: int  # where the later of the two places is named: pairs keep text order


def _allowed(
    a: Place, b: Place, s: Sentence, by_structure: bool, both_named: bool, listing: bool = False, proposed: bool = True
) -> bool:
    """Suppress same-country pairs, capitals as governments, proposals, and country-level places."""
    if a.country == b.country or "country" in (a.level, b.level) or s.negated:
        return False
    if s.chunk.endswith("?") and not P.WH_QUESTION.search(s.chunk):
        return False  # a yes/no question states no tie ("St. Pete and St. Petersburg Russia - sister cities?"); a
        # "why" question takes it as given ("Why is Bath twinned with Alkmaar?")
    entry = s.item and ">" not in s.chunk and not s.chunk.isupper()  # not a breadcrumb or a capitals heading
    if a.name == b.name and s.chunk.count(a.name) < 2 and not P.NAMESAKE_RE.search(s.chunk) and not entry:
        return False  # namesakes (Perth and Perth) are twins only when the sentence names both, or calls one so, or
        # a list entry names the other ("Perth (Western Australia) – friendship link" on Perth's twinning page)
    # "Moscow and Washington" are governments unless a twinning word says otherwise, without state wording.
    # Two national capitals are governments ("Moscow and Beijing reaffirmed…") unless the sentence itself has a
    # twinning word ("twin city relations with Ankara"), even when they are twinned in the known-pairs list.
    # Only when the sentence names both: "Moscow" alone is not Washington's twin.
    # A list line under a twinning heading ("Astana is twinned with:\nAnkara, Turkey") or a twinning sentence with a
    # pronoun for the text's capital ("Its sister cities also include Ankara") names a twin, capital or not; a line
    # naming both capitals ("Lavrov: Moscow open to dialogue with Washington") is still about governments.
    if "capital" in a.flags and "capital" in b.flags:
        # (also a bare list going on from a twinning sentence: «… 25 городов-побратимов. Среди них Анкара, Москва …»)
        list_entry = (s.item or s.coref and s.twin or listing) and not both_named
        government = s.near_miss or not s.twin or P.GOVERNMENT_RE.search(P.TWIN_RELATIONS.sub(" ", s.chunk))
        if not list_entry and (government or not both_named):
            return False
    if "region" in (a.level, b.level) and not (s.twin or s.partner or by_structure or s.item):
        return False  # states and regions are paired by a twinning word, an "X–Y" compound or a list line
    if not (s.proposal and proposed) or is_known(a, b):
        return True
    # a proposal is concluded only when a status says so, and "a proposal … put on hold" is not concluded
    return s.status is not None and not P.DEFERRED_PROPOSAL.search(s.chunk)


def _not_venues(text: str, seq: list[tuple[Located, Place]]) -> list[tuple[Located, Place]]:
    """Drop the places named after "in"/«в» and the ones listed with them («переговоры в Ханое и Хошимине»): without a
    twinning or partnership word in the sentence, they are where something happened."""
    out, venue = [], False
    for k, (loc, p) in enumerate(seq):
        gap = text[seq[k - 1][0].end : loc.start] if k else ""
        # a Russian list goes on after «в» («в Ханое и Хошимине»); an English one may name partners ("our colleagues
        # in Tromsø, Vadsø and Luleå")
        venue = follows_in(text, loc.start) or (
            venue and bool(P.CYRILLIC_RE.match(text, loc.start)) and bool(P.AND_CONNECTOR.match(gap) or gap.strip() == ",")
        )
        if not venue:
            out.append((loc, p))
    return out


def _sentence_hits(
    text: str, s: Sentence, kind: str, seq: list[tuple[Located, Place]], scope: Scope
) -> list[Hit]:
    """All pairs stated in one context sentence."""
    if kind == "inherited" and not s.partner:
        seq = _not_venues(text, drop_enclosing_regions(seq, text))
    else:
        if "подписал" in s.chunk or "signed in" in s.chunk or "заключил" in s.chunk:
            # «Губернаторы … подписали в Минске соглашения … с Минской областью»: where they signed is not a side, nor
            # a city that locates the region named after it (so it goes first)
            seq = [x for x in seq if not P.SIGNED_IN_BEFORE.search(text, max(0, x[0].start - 24), x[0].start)]
        seq = drop_enclosing_regions(seq, text)
    pairs, used, n_between = structural(text, seq, scope.hub, s.twin or s.partner, s.coref)
    if s.twin and (each := P.EACH_OTHER.search(text, s.start, s.end)):
        group = mutual(text, seq, each.start())
        pairs += [(seq[i][1], seq[j][1]) for i in group for j in group if i < j and (i not in used or j not in used)]
        used |= set(group)
    n_structural = len(pairs)
    # A pronoun continues a twinning statement only right after one ("Its sister city…"); "their commitment" later on
    # does not.
    coref = s.coref and (scope.prev_twin or bool(P.STRONG_COREF_RE.search(s.folded)))
    # a list right after its heading, or going on from a list sentence ("Then there are Tbilisi in Georgia, Guangzhou …")
    listing = kind == "inherited" and (scope.prev_twin or scope.list_open) and enumerates(text, seq)
    if n_between and not s.item:
        pass  # "… signed a memorandum on twinning between Shymkent and Namangan": the sentence names its pair
    elif kind != "inherited" or coref or s.item or s.terse or s.related or s.status or s.partner or listing:
        pairs += hub_pairs(text, seq, used, s, scope)
    elif n_structural < 2:
        return []  # a co-mention after a twinning sentence ("Kharkiv thanked Brno for convoys") claims no tie;
        # a list of pairs ("The most active are X and Y, Z and W") still states them
    # Partnership wording is implicit by the annotation rule; a pronoun right after a twinning sentence is explicit.
    explicit = s.twin or (kind == "inherited" and scope.prev_twin and s.coref and not s.partner)
    # a first name that is the text's own place ("Vladimir also has partnership agreements with …") is the place
    own = {side(h) for h in (scope.hub, scope.item_hub, scope.home) if h is not None}
    weak = {side(p) for loc, p in seq if loc.weak} - own
    # Small towns are often homonyms of words and names: a twinning word in the sentence vouches for them; a list
    # line or a sentence continuing a twinning paragraph only with a qualifier ("Chitose, Japan", "Bacolod
    # (Philippines)"; "Brandon Nakasato" is a person).
    cued = s.twin or s.partner
    listed = s.item or kind == "inherited"
    # (the text's own place is vouched for by the text: "Varaždin - Ravensburg (Germany)" under "Sister cities")
    small = {side(p) for loc, p in seq if "small" in p.flags and not cued and not (listed and loc.qualified)} - own
    at = {side(p): loc.start for loc, p in reversed(seq)}
    ends = {side(p): loc.end for loc, p in reversed(seq)}

    def proposes(a: Place, b: Place) -> bool:
        # a proposal cue in a later clause of the sentence is not about this pair
        return not s.proposal or s.proposes(text, max(ends.get(side(a), s.end), ends.get(side(b), s.end)))

    def status(a: Place, b: Place) -> str | None:
        # The clause of the later-named side: from the place named just before it up to it.
        if side(a) in at and side(b) in at:
            later = max(at[side(a)], at[side(b)])
            start = max((e for e in ends.values() if e <= later), default=s.start)
            clause = status_of(text[start:later])
            if clause:
                return clause
        return s.status if len(pairs) == 1 else None

    qualified = {side(p) for loc, p in seq if loc.qualified}

    def vouched(a: Place, b: Place) -> bool:
        # a small town paired by structure with a qualified partner («Ивангород — с эстонской Нарвой»), or in a list
        # of such pairs ("The oldest pairs — Chania and Ayvalık, Rethymno and Bodrum — …"): the form vouches for it,
        # as a twinning word would
        return bool({side(a), side(b)} & qualified or n_structural >= 2) and not {side(a), side(b)} & weak

    # "Relations between Washington and Moscow are at a low point": capitals of two countries named with government
    # wording, and no twinning word, are their governments, partners of no one (not of the text's place either)
    capitals = {side(p) for _, p in seq if "capital" in p.flags}
    worded = not cued and len({c for _, c in capitals}) > 1
    governments = capitals if worded and P.GOVERNMENT_RE.search(P.TWIN_RELATIONS.sub(" ", s.chunk)) else set()
    return [
        Hit(a, b, s, explicit, status(a, b), max(at.get(side(a), s.start), at.get(side(b), s.start)))
        for k, (a, b) in enumerate(pairs)
        if _allowed(a, b, s, k < n_structural, side(a) in at and side(b) in at, listing, proposes(a, b))
        and (not {side(a), side(b)} & (weak | small) or is_known(a, b) or k < n_structural and vouched(a, b))
        and not {side(a), side(b)} & governments
    ]


def _next_anchor(
    found: list[Hit],
    last: Place | None,
    seq: list[tuple[Located, Place]],
    s: Sentence,
    strong: bool = False,
    hub: Place | None = None,
) -> tuple[Place | None, bool]:
    """The place a following sentence may refer back to, and whether it heads a list: the side shared by several
    pairs or a heading that ends with a colon ("Perm is twinned with:") head lists; a single pair's first-named
    side (its subject) is only a coreference target ("The Florida city is also twinned with …")."""
    if not found:
        # "Perm is twinned with:" heads a list; "Volgograd has twenty twin towns." is what the next sentence is about
        # "… поддерживает дружеские связи с городами:" (or without the colon) introduces its list
        intro = bool(P.LIST_INTRO.search(s.folded))
        if len(seq) == 1 and (s.twin or s.heading or s.partner and intro):
            return seq[0][1], s.heading or intro
        if strong and s.item and last is not None:
            return last, True  # a list entry that gave no pair (a doubtful name) does not end its list
        return None, False
    sides = [{side(h.a), side(h.b)} for h in found]
    # the side shared with the sentence before heads a list, unless each pair is that side with the text's own place
    # ("Annecy (France): the twinning link …" then "The Cheltenham–Annecy Twinning Association …")
    if last is not None and all(side(last) in x for x in sides) and not (hub is not None and all(side(hub) in x for x in sides)):
        return last, True
    common = set.intersection(*sides)
    if len(found) == 1:
        return next(p for _, p in seq if side(p) in common), False
    if len(common) == 1:
        return next(p for h in found for p in (h.a, h.b) if side(p) in common), True
    return None, False


def _both_places(s: Sentence, before: list[tuple[Located, Place]]) -> list[Hit]:
    """ "In addition, Pavlodar and Omsk … The two cities have been twinned for 20 years.": a twinning sentence naming
    no place pairs the only two places of the sentence before it, when they are of two countries."""
    sides = {side(p): (loc, p) for loc, p in before}
    if len(sides) != 2:
        return []
    (la, a), (lb, b) = sides.values()
    if not _allowed(a, b, s, True, True):
        return []
    return [Hit(a, b, s, True, s.status, max(la.start, lb.start))]


def _pair_list(text: str, s: Sentence, seq: list[tuple[Located, Place]]) -> list[Hit]:
    """Three or more pairs of places of two countries listed "X and Y, Z and W, …" in a sentence of a twinning text
    with no twinning word of its own ("The awards went to Charlotte and Arequipa (Peru), Toledo and Poznań
    (Poland), and Tulsa and Zelenograd (Russia)"): the list states its pairs, implicitly."""
    pairs, _, _ = structural(text, seq, None)
    # each pair with one side's country named, as such lists do ("… links Boise and Calgary, Omaha and Cancún" is a
    # route map)
    qualified = {side(p) for loc, p in seq if loc.qualified}
    if len(pairs) < 3 or any(a.country == b.country or not {side(a), side(b)} & qualified for a, b in pairs):
        return []
    at = {side(p): loc.start for loc, p in seq}  # structural pairs only places of `seq`
    return [Hit(a, b, s, False, None, max(at[side(a)], at[side(b)])) for a, b in pairs]


def _one_sided(s: Sentence, seq: list[tuple[Located, Place]]) -> bool:
    """ "with their Russian sister cities", «с российскими побратимами»: the other side named only by its country
    (the pattern's pre-tests first: it needs one of its nouns and one of the demonyms). Not when it refers back to a
    place of that country named before it ("Dortmund (Germany) … contacts with the German twin town have been
    frozen")."""
    if not P.ONE_SIDED.possible(s.folded) or not P.ONE_SIDED_DEMONYMS.any_in(s.chunk):
        return False
    for m in P.ONE_SIDED.regex.finditer(s.chunk):
        country = demonym_country(m.group(1))
        before = [p for loc, p in seq if loc.start < s.start + m.start()]
        # (twins named before it, of other countries, are still named: "… its other twin towns, among them Turku in
        # Finland and Uppsala in Sweden, and … Tartu's Ukrainian partner city")
        if not any(p.country == country for p in before) and len({p.country for p in before}) < 3:
            return True
    return False


def _section_head(
    text: str, s: Sentence, seq: list[tuple[Located, Place]], below: list[tuple[Located, Place]]
) -> bool:
    """A line that is only a place's name, over a list entry of another country's place ("Mogilev" over "Eisenach,
    Germany"): the head of a section of a list of twin towns by country."""
    if not s.line or len(seq) != 1 or not below:
        return False
    loc, place = seq[0]
    entry_loc, entry = below[0]
    return (
        (loc.start, loc.end) == (s.start, s.end)
        and not loc.qualified
        and entry_loc.qualified
        and entry.country != place.country
        and not text[line_bounds(text, entry_loc.start)[0] : entry_loc.start].strip(" \t•*·-–—")  # opens its line
    )


def _entry_line(text: str, s: Sentence, locs: list[Located] | None) -> bool:
    """A list line that opens with a qualified place and goes on with a note ("Oklahoma City (the USA) — the
    agreement about the twin relations is signed in 1992.", "* Matsumoto (Japan): The taiko workshop …")."""
    if not locs or (s.start > 0 and text[s.start - 1] != "\n"):
        return False
    first = min(locs, key=lambda loc: loc.start)
    return (
        first.qualified
        and bool(P.ENTRY_OPENING.match(text[s.start : first.start]))
        and bool(P.ENTRY_AFTER.match(text, first.end))
    ) or (s.line and flattened_table(text, locs))


def _collect(text: str) -> tuple[list[Hit], list[tuple[Located, Place, int]]]:
    """Hits over all context sentences of the text, and every mention with its chosen place."""
    folded = fold(text)  # once: the sentence cues, place filters and hub share it
    sentences = split_sentences(text, folded)
    if not any(s.twin or s.partner for s in sentences):
        return [], []  # every context opens at a twinning or partnership word: without one there is no pair
    located, country_context = locate(text, folded)
    by_sentence: dict[int, list[Located]] = {}
    starts = [s.start for s in sentences]
    for loc in located:
        k = bisect_right(starts, loc.start) - 1  # the sentence starting last at or before the mention
        if k >= 0 and loc.start < sentences[k].end:
            if "tiny" in loc.candidates[0].flags and not (loc.qualified or sentences[k].twin or sentences[k].partner):
                continue  # a village's name is a place only beside its country or a twinning word ("Loctudy, France")
            by_sentence.setdefault(k, []).append(loc)
    sentences = [replace(s, entry=True) if _entry_line(text, s, by_sentence.get(s.index)) else s for s in sentences]
    entries = frozenset(i for i, locs in by_sentence.items() if any(loc.qualified for loc in locs))
    ctx = contexts(sentences, set(by_sentence), entries=entries)
    resolved = [
        (loc, choose(loc, by_sentence.get(i, []), country_context), i)
        for i, locs in by_sentence.items()
        for loc in locs
    ]
    # the text's home country: its own wording twice ("£12 … £20", "Councillors … Town Council"); once may be a
    # partner's ("a delegation from Durham County Council" in an American newsletter)
    home = frozenset(
        c for c, cue in P.COUNTRY_WORD_CUES.items() if country_context[f"cue:{c}"] and len(cue.regex.findall(text)) >= 2
    )
    dated = dateline_of(text)
    cued = frozenset(i for i, kind in ctx.items() if kind in ("own", "partner"))
    resolved = one_sense(text, resolved, sentences, folded, home, cued, dated)
    in_sentence: dict[int, list[tuple[Located, Place]]] = {}
    for loc, p, i in resolved:
        in_sentence.setdefault(i, []).append((loc, p))
    own = frozenset(i for i, kind in ctx.items() if kind == "own")
    rows = frozenset(s.index for s in sentences if s.item and "|" in s.chunk)
    hub = text_place(text, resolved, own, folded, rows, home, dated)
    add_region_centre(text, hub, sentences, in_sentence)
    hits: list[Hit] = []
    last: Place | None = None  # the subject of the previous context sentence: a list may go on after a break
    strong = False  # `last` heads a list (a colon heading or the shared side of several pairs)
    proposed = False  # the twinning context was opened by a proposal ("wants Bend to become a sister city of …")
    links = False  # inside a block of story links under a "Read also" line
    section: Place | None = None  # a bare place line heading the list entries below it
    listed = False  # the last context sentence paired its places with one list head
    for s in sentences:
        links = (links and s.line) or bool(s.line and len(s.chunk) <= 40 and P.READ_ALSO.match(s.chunk))
        kind = ctx.get(s.index)
        if kind == "own":
            proposed = s.proposal and s.status is None
        if kind == "own" and s.index not in in_sentence and P.BOTH_PLACES.search(s.folded):
            hits += _both_places(s, in_sentence.get(s.index - 1, []))
        if kind is None and len(in_sentence.get(s.index, ())) >= 6 and not s.near_miss:
            hits += _pair_list(text, s, in_sentence[s.index])
        if kind is None or s.index not in in_sentence:
            last = None if s.index in in_sentence else last
            listed = listed and s.index not in in_sentence
            continue
        seq = in_sentence[s.index]
        seq = [x for k, x in enumerate(seq) if k == 0 or side(x[1]) != side(seq[k - 1][1])]
        if _section_head(text, s, seq, in_sentence.get(s.index + 1, [])):
            section, last, strong = seq[0][1], seq[0][1], True
            continue
        section = section if s.item else None
        before = {side(p): p for _, p in in_sentence.get(s.index - 1, [])}
        # A link to another story, or a sentence whose other side is only "their Russian sister cities": its
        # places are not partners of the text's place.
        link = links or bool(P.READ_ALSO.match(s.chunk) or P.TAG_LINE.match(s.chunk))
        linked = link or _one_sided(s, seq)
        # A paragraph continuing a list keeps the list's head ("…Новосибирска: с Саппоро… Связи с Миннеаполисом…").
        topic = last if kind == "inherited" and strong and last is not None else hub or last
        scope = Scope(
            hub=None if linked else section or topic,
            item_hub=None if linked else section or hub or (last if strong else None),
            prev_twin=s.index > 0 and sentences[s.index - 1].twin,
            prev_place=next(iter(before.values())) if len(before) == 1 else None,
            list_open=listed,
            home=hub,
        )
        # another story's headline states a tie only in its own words ("Also interesting: Nuremberg suspends contact
        # with Krasnodar"; not "Read also: Jiangxi opens first rail freight service to Hanoi")
        stated = not link or s.twin or s.partner or s.status is not None
        found = _sentence_hits(text, s, kind, seq, scope) if stated else []
        if kind == "inherited" and proposed:
            found = [h for h in found if is_known(h.a, h.b)]  # what follows a proposal is still only proposed
        hits += found
        last, strong = _next_anchor(found, last, seq, s, strong, hub)
        listed = strong and len(found) >= 2
    return hits, resolved


def _to_pairs(text: str, hits: list[Hit], names: dict[str, str]) -> list[Pair]:
    """Merge hits into one Pair per unordered pair (explicit if any mention is), in text order."""
    gaz = load()
    merged: dict[PairKey, list[Hit]] = {}
    order: dict[PairKey, tuple[int, int]] = {}
    for h in hits:
        merged.setdefault(pair_key(side(h.a), side(h.b)), []).append(h)
    out = []
    for key, group in merged.items():
        best = next((h for h in group if h.explicit), group[0])
        order[key] = (best.sentence.start, best.position)
        a, b = sorted((best.a, best.b), key=lambda p: (p.country != "RU", p.name))
        status = next((h.status for h in group if h.status), None)
        out.append(
            Pair(
                a=names.get(a.key, a.name),
                a_country=a.country,
                b=names.get(b.key, b.name),
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


def preload() -> None:
    """Build the tables the tagger otherwise builds on first use (gazetteer and its name index, Russian analyser,
    English word list); a country's transcription index is still built when a text first needs it."""
    load()
    tagging_words.preload()


def tag_pairs(text: str, lang: str | None = None) -> list[Pair]:
    """Return the place pairs that `text` presents as twins or partners (lang "en"/"ru"/None: both scripts)."""
    if not text or not text.strip():
        return []
    # "<br />" left in extracted text ends a line: read as a line break of the same length (carriage returns, then a
    # newline), so the offsets, and the evidence cut from the text, stay the text's own
    analysed = P.BR_TAG.sub(_line_break, text) if "<br" in text or "<BR" in text else text
    hits, resolved = _collect(analysed)
    return _to_pairs(text, hits, written_names(analysed, resolved))


def _line_break(m: re.Match[str]) -> str:
    """A line break as long as the matched tag."""
    return "\r" * (len(m.group()) - 1) + "\n"
