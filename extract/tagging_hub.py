"""The place a text is about (its hub): datelines, titles, the municipality naming itself, mention counts; and one
sense per text for homonyms."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from typing import NamedTuple

from extract import patterns as P
from extract.gazetteer import Place, centre, find_mentions, is_known, places_named
from extract.tagging_pairs import side
from extract.tagging_places import Located, dateline_span, one_place
from extract.tagging_text import Sentence, line_bounds
from extract.tagging_words import demonym_before

Resolved = list[tuple[Located, Place, int]]  # a place mention, its chosen reading, its sentence
Identity = tuple[str, str, str, str]  # name, country, admin1, level: namesakes in one country are two places


def text_place(
    text: str,
    resolved: Resolved,
    cue_sentences: frozenset[int],
    folded: str,
    table_rows: frozenset[int] = frozenset(),
    home: frozenset[str] = frozenset(),
    dated: Dateline | None = None,
) -> Place | None:
    """The place the text is about, if any: see _doc_hub for how the evidence is weighed (`folded` is `fold(text)`,
    `table_rows` the sentences that are rows of a flattened table, `home` the countries the text's own wording points
    to: "£", "Town Council"; `dated` the text's dateline, from dateline_of)."""
    first_line = text.lstrip().split("\n", 1)[0]
    offset = len(text) - len(text.lstrip())
    in_title = [(loc, p) for loc, p, _ in resolved if loc.end <= offset + len(first_line)]
    titled = frozenset(side(p) for _, p in in_title)
    if len(titled) > 1:
        # "Рязань и сербский Крушевац …": the place the title introduces with a demonym is the partner
        titled = frozenset(side(p) for loc, p in in_title if not loc.qualified)
    dateline = side(dated.place) if dated is not None else None
    # "BRISTOL —" over a story about "Bristol, Virginia": the dateline takes the reading the text qualifies
    senses = Counter(side(p) for loc, p, _ in resolved if loc.qualified and dateline and p.name == dateline[0])
    ranked = senses.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        dateline = ranked[0][0]
    official = Counter(
        side(p) for loc, p, _ in resolved if _official(text, folded, loc.start) or _self_named(text, loc)
    )
    heads = _list_heads(text, resolved)
    official.update(heads + heads)  # a twinning list's heading names whose list it is: two mentions more
    # the site's header naming its owner ("Ramla Municipality – Minutes of …", or only "Tottori Prefecture"): the
    # municipality speaking
    official.update(
        side(p)
        for loc, p in in_title
        if P.OWNER_AFTER.match(text, loc.end) or text[loc.start : loc.end] == first_line.strip()
    )
    official.update(_council_towns(text))
    if P.CYRILLIC_RE.search(text):
        named = {side(p) for _, p, _ in resolved if p.country == "RU" and p.level == "city"}
        official.update(c for c in _adjective_centres(text) if c in named)
    title = titled if len(titled) == 1 else frozenset()
    # a row of a flattened table ("Дулут (штат Миннесота) | США | 1987") names a partner, not what the text is about,
    # when the rest of the text names a place often enough to be its subject
    outside = [x for x in resolved if x[2] not in table_rows]
    # "STIRLING COUNCIL … REQUEST FROM STIRLING, SOUTH AUSTRALIA": of two readings of one name, the one in the
    # country the text's own wording points to is its home
    if home:  # only texts with such wording (most have none) pay for counting the names
        names = Counter(p.name for p in {side(p): p for _, p, _ in resolved}.values())
        official.update(side(p) for _, p, _ in resolved if p.country in home and names[p.name] > 1)
    hub = _doc_hub(outside, cue_sentences, dateline, title, official) if len(outside) < len(resolved) else None
    return hub or _doc_hub(resolved, cue_sentences, dateline, title, official)


def _official(text: str, folded: str, start: int) -> bool:
    """True when a municipality's name for itself comes right before `start` ("The City of Kenai", «Правительство
    Хабаровского края»); the pre-test on the 40 characters first, as the regex reads no further back."""
    window = max(0, start - 40)
    return P.OFFICIAL_BEFORE.possible(folded[window:start]) and bool(P.OFFICIAL_BEFORE.regex.search(text, window, start))


def _self_named(text: str, loc: Located) -> bool:
    """True when the name heads its own twinning body or ties ("Kendal Twinning Association", "Stirling's twinning
    with …"), not when it ends an "X-Y" pair's name."""
    return text[loc.start - 1 : loc.start] not in P.PAIR_DASHES and bool(P.SELF_NAMED_AFTER.match(text, loc.end))


def _list_heads(text: str, resolved: Resolved) -> list[tuple[str, str]]:
    """Places heading a twinning list on their own ("Novosibirsk is twinned with:[71]", "Sister cities of Kanazawa"):
    the text's subject."""
    by_line: dict[tuple[int, int], list[tuple[Located, Place]]] = {}
    for loc, p, _ in resolved:
        by_line.setdefault(line_bounds(text, loc.start), []).append((loc, p))
    heads = []
    for (start, end), places in by_line.items():
        line = text[start:end]
        if len(places) != 1 or not P.TWIN_RE.search(line):
            continue
        loc, place = places[0]
        owner = P.HEADING_OWNER_BEFORE.search(text, start, loc.start) and P.HEADING_OWNER_AFTER.match(text, loc.end, end)
        if owner or P.HEADING_END.search(line):
            heads.append(side(place))
    return heads


def _council_towns(text: str) -> list[tuple[str, str]]:
    """Russian towns whose council, administration or district the text names with the town's adjective («Брянского
    городского Совета», «Петрозаводского городского округа»): the municipality speaking, as (name, country) sides."""
    out: list[tuple[str, str]] = []
    for noun in P.RU_MUNICIPAL_NOUN.finditer(text):
        m = P.RU_TOWN_ADJECTIVE.search(text, max(0, noun.start() - 40), noun.start())
        if m is None:
            continue
        stem = m.group(1)  # «Брянск» of «Брянского», «Тверск» of «Тверской», «Псковск» of «Псковская»
        # the adjective is the name itself (Брянск), or the name before its suffix (Псков, Тверь, Костомукша, Днепр of
        # «Днепровского»); a Russian town first, then a town abroad with a Russian name («Нарвское городское собрание»)
        names = (stem, stem[:-2], stem[:-2] + "ь", stem[:-2] + "а", stem[:-4] if stem.endswith(("овск", "евск")) else "")
        towns = [p for name in names if name for p in places_named(name) if p.level == "city"]
        for home in ("RU", None):
            town = next((p for p in towns if p.country == (home or p.country)), None)
            if town is not None:
                out.append(side(town))
                break
    return out


def _adjective_centres(text: str) -> list[tuple[str, str]]:
    """The regional centres a Russian text names by its region's adjective («в Нижегородском кремле», «нижегородские
    школьники» for Nizhny Novgorod): the place the text speaks from, as (name, country) sides, once per use."""
    out: list[tuple[str, str]] = []
    found: dict[str, tuple[str, str] | None] = {}
    for m in P.RU_PLACE_ADJECTIVE.finditer(text):
        stem = m.group(1).lower()
        if stem not in found:
            top = next(iter(places_named(f"{stem[:1].upper()}{stem[1:]}ая область")), None)
            city = centre(top) if top is not None and top.level == "region" and top.country == "RU" else None
            found[stem] = side(city) if city is not None else None
        if (hit := found[stem]) is not None:
            out.append(hit)
    return out


class Dateline(NamedTuple):
    """The place a news dateline names ("ROCHESTER, N.Y. — ")."""

    key: str  # the name as written, casefolded
    place: Place  # its reading
    qualified: bool  # a state or country after the name chose the reading ("CÓRDOBA, Argentina —", "BRISTOL, Tenn. –")


def dateline_of(text: str) -> Dateline | None:
    """The text's news dateline, if it has one (asked once per text: the hub and one_sense both use it)."""
    m = P.DATELINE.search(text[:800])
    if not m:
        return None
    start, end = dateline_span(m)
    place = one_place(text[start:end])
    if place is None:
        return None
    candidates = place.candidates
    # "BRISTOL, Tenn./Va. –": a state abbreviation after the name says which Bristol
    if P.STATE_ABBREV_RE.match(text, end):
        candidates = tuple(c for c in candidates if c.country == "US") or candidates
    elif text.startswith(",", end) and (country := one_place(text[end + 1 : m.end()].strip(" —–-"))) is not None:
        code = country.candidates[0].country if country.candidates[0].level == "country" else ""
        candidates = tuple(c for c in candidates if c.country == code) or candidates
    return Dateline(text[start:end].casefold(), candidates[0], len(candidates) < len(place.candidates))


def _doc_hub(
    places: list[tuple[Located, Place, int]],
    cue_sentences: frozenset[int],
    dateline: tuple[str, str] | None,
    title: frozenset[tuple[str, str]] = frozenset(),
    official: Counter[tuple[str, str]] | None = None,
) -> Place | None:
    """The place the text is about: the most mentioned one (at least twice), a dateline counting as two more
    mentions of a place the text names, a title, a municipality naming itself and a twinning-list heading as one
    more each; ties go to the dateline's place, then to the one named more often in twinning sentences, then to the
    one named first."""
    # First names that are also places (Vladimir, Eugene) count only when nothing else is named twice, or when the
    # dateline or the municipality's own voice names them ("EUGENE — Eugene's oldest sister-city relationship …").
    vouched = {dateline, *(official or ())}
    strong = [x for x in places if not x[0].weak or side(x[1]) in vouched]
    counts = Counter(side(p) for _, p, _ in strong)
    if not counts or max(counts.values()) < 2:
        counts = Counter(side(p) for _, p, _ in places)
    if dateline is not None and dateline in counts:
        counts[dateline] += 2  # the home of a local news text, even when its partner is named more often
    for home in title:
        if home in counts:
            counts[home] += 1  # a title naming one place names the text's subject ("Three days in Perth")
    for home, n in (official or Counter()).items():
        if home in counts:
            counts[home] += n  # "The City of Kenai …", "© City of Kenai": the site's owner speaks
    in_cues = Counter(side(p) for _, p, i in places if i in cue_sentences)
    first: dict[tuple[str, str], tuple[int, Place]] = {}
    for loc, p, _ in places:
        if side(p) not in first or loc.start < first[side(p)][0]:
            first[side(p)] = (loc.start, p)
    ranked = sorted(counts, key=lambda k: (-counts[k], k != dateline, -in_cues[k], first[k][0]))
    if not ranked or counts[ranked[0]] < 2:
        return None
    return first[ranked[0]][1]


def one_sense(
    text: str,
    resolved: Resolved,
    sentences: list[Sentence],
    folded: str,
    home: frozenset[str] = frozenset(),
    cued: frozenset[int] = frozenset(),
    dated: Dateline | None = None,
) -> Resolved:
    """One sense per text: a bare mention takes the country a dateline's qualifier gives the name ("CÓRDOBA, Argentina
    —"), else not a reading the text's qualifiers set apart from its own place (_contrasted), else the reading that a
    qualifier ("Birmingham, Alabama", "Moscow, Idaho") gave the same name earlier in the text; and a region's short
    name takes its full name's ("Amur Region" … "Amur"). `dated` is the text's dateline, from dateline_of."""
    sense: dict[str, Place] = {}
    short: dict[str, Place] = {}  # "Amur" beside "Amur Region", before or after it: the region's short name
    for loc, p, _ in resolved:
        if p.level == "region" and (m := P.REGION_WORD_END.search(name := text[loc.start : loc.end])):
            short.setdefault(name[: m.start()], p)
    # "Alcalá" beside "Alcalá de Henares": a city's first word, when that is the name of cities only, is its short name
    cities = {p.name: p for _, p, _ in resolved if p.level == "city" and " " in p.name}
    for loc, p, _ in resolved:
        name = text[loc.start : loc.end]
        if " " not in name and all(c.level == "city" for c in loc.candidates):
            longer = [c for n, c in cities.items() if n.startswith(name + " ") and c.country != p.country]
            if len(longer) == 1:
                short.setdefault(name, longer[0])
    # A homonym takes the reading that forms a known pair with a place named anywhere in the text ("Perth" in a text
    # naming Pskov is the Scottish town), when exactly one of its readings does.
    named = {side(p): p for _, p, _ in resolved}
    by_pair: dict[str, Place] = {}
    for loc, p, _ in resolved:
        name = text[loc.start : loc.end]
        # a curated reading (Saint Petersburg, Russia) is kept: the reference lists few of its many pairs
        if loc.qualified or name in by_pair or len({c.country for c in loc.candidates}) < 2 or "curated" in p.flags:
            continue
        fits = {side(c): c for c in loc.candidates if any(is_known(c, q) for q in named.values() if q.country != c.country)}
        if len(fits) == 1:
            by_pair[name] = next(iter(fits.values()))
    counts = Counter(text[loc.start : loc.end].casefold() for loc, _, _ in resolved)  # how often each name is written
    contrasted = _contrasted(text, folded, resolved, sentences, counts)
    if dated is not None:
        # a dateline naming another place says the most named one is not the text's home: its qualifiers only name it
        # in full ("HCM CITY - … a delegation from St Petersburg, Russia, on the occasion of the Days of St Petersburg")
        contrasted = {k: v for k, v in contrasted.items() if k == dated.key}
    for key, apart in _set_apart(text, resolved, counts).items():
        contrasted.setdefault(key, set()).update(apart)
    # "CÓRDOBA, Argentina — The mayor of Córdoba …": a dateline's state or country says which country the name is in
    countries = {dated.key: frozenset((dated.place.country,))} if dated is not None and dated.qualified else {}
    if home:  # "Lincoln City Council … £4,500": the text's own wording says which country its most named place is in
        leading = _most_named(counts)
        if leading is not None and counts[leading] >= 2:
            countries.setdefault(leading, home)
    levels: dict[int, set[tuple[str, str]]] = {}  # sentence -> (country, level) of its places
    for _, p, i in resolved:
        levels.setdefault(i, set()).add((p.country, p.level))
    out = []
    for loc, p, i in sorted(resolved, key=lambda x: x[0].start):
        name = text[loc.start : loc.end]
        key = name.casefold()  # "CÓRDOBA, Argentina" in a heading qualifies "Córdoba" below it
        if loc.qualified:
            sense.setdefault(key, p)
        elif key in countries:
            # (British usage is also Irish, Australian and New Zealand usage: it sets aside an American reading only)
            british = "GB" in countries[key]
            same = [c for c in loc.candidates if c.country in countries[key]] or [
                c for c in loc.candidates if british and c.country in P.BRITISH_USAGE
            ]
            if not (p.country in countries[key] or british and p.country in P.BRITISH_USAGE):
                p = next((c for c in same if c.level == p.level), same[0] if same else p)
        elif key in contrasted:
            left = [c for c in loc.candidates if _identity(c) not in contrasted[key] and c.level == "city"]
            p = by_pair.get(name) or (p if _identity(p) not in contrasted[key] or not left else left[0])
        elif key in sense and any(side(c) == side(sense[key]) for c in loc.candidates):
            p = sense[key]
        elif name in by_pair:
            p = by_pair[name]
        elif name in short and (
            all(c.country != short[name].country for c in loc.candidates)
            or i in cued
            and _among_regions(short[name], levels[i])
        ):
            # when the name has no reading in the region's country ("Moscow" stays the city), or its partners in the
            # twinning sentence are regions only ("Primorye, Japan's Toyama mark 30 years of sister-region ties")
            p = short[name]
        out.append((loc, p, i))
    return out


def _set_apart(text: str, resolved: Resolved, counts: Counter[str]) -> dict[str, set[Identity]]:
    """The readings a text says its names do not mean: "not to be confused with Birmingham in England's West
    Midlands", and for its most named place "its namesake in the United States" (`counts`: how often the text writes
    each name, casefolded)."""
    contrasted: dict[str, set[Identity]] = {}
    if "onfus" in text:
        ordered = sorted(resolved, key=lambda x: x[0].start)
        for m in P.NOT_CONFUSED.finditer(text):
            # "Not to be confused with Birmingham in England's West Midlands": that reading is not the bare name's
            k = next((k for k, x in enumerate(ordered) if x[0].start == m.end()), None)
            if k is None:
                continue
            loc, p, _ = ordered[k]
            key = text[loc.start : loc.end].casefold()
            if counts[key] < 2:
                continue
            if loc.qualified:
                contrasted.setdefault(key, set()).add(_identity(p))
            elif gap := P.LOCATED_IN.match(text, loc.end):
                # the place after it says where it is ("in England's West Midlands", "in Spain")
                there = find_mentions(text[gap.end() : gap.end() + 40])
                if there and there[0].start == 0:
                    country = there[0].candidates[0].country
                    apart = {_identity(c) for c in loc.candidates if c.country == country}
                    contrasted.setdefault(key, set()).update(apart)
    abroad = _namesake_countries(text) if "amesake" in text else set()
    if abroad and (leading := _most_named(counts)) is not None:
        # "the city regularly received emails meant for its namesake in the United States": the text's most named
        # place is not that country's place of its name
        readings = {c for loc, _, _ in resolved if text[loc.start : loc.end].casefold() == leading for c in loc.candidates}
        if any(c.country not in abroad for c in readings):
            contrasted.setdefault(leading, set()).update(_identity(c) for c in readings if c.country in abroad)
    return contrasted


def _most_named(counts: Counter[str]) -> str | None:
    """The name the text writes more often than any other (casefolded), if one leads."""
    ranked = counts.most_common(2)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]) else None


def _namesake_countries(text: str) -> set[str]:
    """The countries a text places its place's namesake in ("its namesake in the US", "our namesake in Castilla-La
    Mancha", "its American namesake")."""
    out = set()
    for m in P.NAMESAKE.finditer(text):
        country = demonym_before(text, m.start())
        if country is None and (after := P.NAMESAKE_IN.match(text, m.end())):
            words = after.group().split()
            # "… the United States." ends a sentence; "the U.S." keeps its stop
            tries = [f for w in (" ".join(words[-2:]), words[-1]) for f in (w.rstrip("."), w)]
            named = next((found for f in tries if (found := one_place(f))), None)
            top = named.candidates[0] if named is not None else None
            country = top.country if top is not None and top.level in ("country", "region") else None
        if country is not None:
            out.add(country)
    return out


def _identity(p: Place) -> Identity:
    """One gazetteer place, told apart from its namesakes in the same country (Albany, New York and Albany, Georgia)."""
    return p.name, p.country, p.admin1, p.level


def _contrasted(
    text: str, folded: str, resolved: Resolved, sentences: list[Sentence], counts: Counter[str]
) -> dict[str, set[Identity]]:
    """The city readings a text's qualifiers set apart from its most named place, when it first names that bare
    ("Perth has a long tradition of twinning … Perth (Western Australia) – friendship link"): the qualified place is
    another of that name, so the bare mentions are not it.

    Only a qualifier beside the bare name counts: in a list entry, or in a sentence that also names it bare ("Perth,
    Ontario … are not twinned with Perth"). Elsewhere a qualifier may be the text's own place named in full ("the City
    of Toledo, Ohio"), and one after the municipality's name for itself always is (`counts`: how often the text writes
    each name, casefolded)."""
    top = max(counts.values(), default=0)
    if top < 2:
        return {}
    bare_in: dict[str, set[int]] = {}  # name -> the sentences naming it bare
    for loc, _, i in resolved:
        if not loc.qualified:
            bare_in.setdefault(text[loc.start : loc.end].casefold(), set()).add(i)
    bare_first: dict[str, bool] = {}
    beside: dict[str, set[Identity]] = {}
    apart: set[Identity] = set()  # qualified in a sentence of their own
    official: set[str] = set()
    for loc, p, i in sorted(resolved, key=lambda x: x[0].start):
        key = text[loc.start : loc.end].casefold()
        # only the most named place: a twin named bare in a story and again in the list below is one place ("the
        # English city Coventry" … "Coventry (Great Britain) - 1944" in a Volgograd text)
        if counts[key] != top or not bare_first.setdefault(key, not loc.qualified) or not loc.qualified:
            continue
        if _official(text, folded, loc.start):
            official.add(key)
        elif p.level == "city" and (sentences[i].item or i in bare_in.get(key, ())):
            beside.setdefault(key, set()).add(_identity(p))
        else:
            apart.add(_identity(p))
    return {k: v - apart for k, v in beside.items() if k not in official and v - apart}


def _among_regions(region: Place, levels: set[tuple[str, str]]) -> bool:
    """True when the other countries' places of a sentence are all regions (at least one)."""
    others = {level for country, level in levels if country != region.country}
    return others == {"region"}


def add_region_centre(
    text: str, hub: Place | None, sentences: list[Sentence], in_sentence: dict[int, list[tuple[Located, Place]]]
) -> None:
    """In a text about a region, «краевой центр» / "the regional capital" names the region's centre city: add it as a
    place mention of its sentence ("краевой центр связан побратимскими отношениями с японским Ниигатой")."""
    city = centre(hub) if hub is not None and hub.level == "region" and P.REGION_CENTRE_RE.search(text) else None
    if city is None:
        return
    starts = [s.start for s in sentences]
    for m in P.REGION_CENTRE_RE.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0:
            seq = in_sentence.setdefault(k, [])
            seq.append((Located(m.start(), m.end(), (city,), False), city))
            seq.sort(key=lambda x: x[0].start)
