"""Pairing inside one sentence: structural pairs ("X–Y", "X and Y, Z and W") and a center with its partners."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from extract import patterns as P
from extract.gazetteer import Place, is_known
from extract.prefilter import fold
from extract.tagging_places import Located
from extract.tagging_text import Sentence

Seq = list[tuple[Located, Place]]


@dataclass(frozen=True)
class Scope:
    """What a sentence can refer back to."""

    hub: Place | None  # the text's main place, or the last sentence's subject
    item_hub: Place | None  # what a list line pairs with (the text's place or a list head)
    prev_twin: bool  # the previous sentence has a twinning word
    prev_place: Place | None  # the only place of the previous sentence, if exactly one
    list_open: bool = False  # the previous sentence paired several places with one ("The big ones are X, Y and Z.")
    home: Place | None = None  # the text's main place, also where a link or a one-sided mention sets `hub` aside


def side(p: Place) -> tuple[str, str]:
    """The (name, country) identity of a place."""
    return (p.name, p.country)


def follows_in(text: str, start: int) -> bool:
    """True when the bare locative "in"/«в» comes right before `start`: the place named there is where something is."""
    return P.IN_WORD_BEFORE.search(text[max(0, start - 4) : start]) is not None


def drop_enclosing_regions(seq: Seq, text: str = "") -> Seq:
    """Drop a region named right next to a city inside it ("Crimea's capital of Simferopol", "Simferopol, Crimea"),
    or after "in" anywhere in a sentence naming a city inside it ("Ivangorod and Kingisepp, its neighbours across the
    border in Russia's Leningrad Oblast")."""

    def encloses(k: int) -> bool:
        loc, p = seq[k]
        if p.level != "region" or "state" in p.flags:
            return False
        inside = [(cl, c) for cl, c in seq if c.level == "city" and (c.country, c.admin1) == (p.country, p.admin1)]
        after_in = P.IN_BEFORE.search(text[max(0, loc.start - 40) : loc.start])
        if after_in and (inside or not p.admin1 and any(c.country == p.country and c.level == "city" for _, c in seq)):
            return True  # a region without an admin1 code locates any city of its country named with it
        # not a city after the region that is where something happened ("Павлодарской области подписали в Павлодаре")
        # nor a venue before it with words between ("прошёл в Омске, делегации Омской и Павлодарской областей"), unlike
        # "in Simferopol, Crimea"
        near = [
            seq[j]
            for j in (k - 1, k + 1)
            if 0 <= j < len(seq)
            and not (j > k and follows_in(text, seq[j][0].start))
            and not (j < k and follows_in(text, seq[j][0].start) and P.WORD_RE.search(text, seq[j][0].end, loc.start))
        ]
        # a region without an admin1 code ("Xining (China, Qinghai province)") locates a city of its country beside it
        return any(
            ((cl, c) in inside or not p.admin1 and c.level == "city" and c.country == p.country and cl.end <= loc.start)
            and min(abs(loc.start - cl.end), abs(cl.start - loc.end)) <= 30
            for cl, c in near
        )

    return [x for k, x in enumerate(seq) if not encloses(k)]


def _isolated(text: str, seq: Seq, k: int) -> bool:
    """True when "X and Y" at k, k+1 is not part of a longer enumeration of places."""
    before = k == 0 or not _is_enumeration_gap(text[seq[k - 1][0].end : seq[k][0].start])
    after = k + 2 >= len(seq) or not _is_enumeration_gap(text[seq[k + 1][0].end : seq[k + 2][0].start])
    return before and after


def respective(text: str, seq: Seq) -> list[tuple[Place, Place]]:
    """ "A and B … C and D respectively" (two pairs of places, each pair from one country): A–C and B–D. Places
    between the two (venues: «подписали в Минске соглашения … с Минской и Витебской областями соответственно») are
    not in the pairs."""
    if len(seq) < 4:
        return []
    if len(seq) > 4:
        # the second pair is the two places right before the word
        word = P.RESPECTIVELY.search(text, seq[0][0].end)
        ends = [k for k, (loc, _) in enumerate(seq) if word and loc.end <= word.start()]
        if not word or len(ends) < 4 or word.start() - seq[ends[-1]][0].end > 40:
            return []
        seq = [seq[0], seq[1], seq[ends[-1] - 1], seq[ends[-1]]]
    elif not P.RESPECTIVELY.search(text[seq[0][0].start : seq[-1][0].end + 40]):
        return []
    (_, a), (lb, b), (lc, c), (ld, d) = seq
    joined = P.AND_CONNECTOR.match(text[seq[0][0].end : lb.start]) and P.AND_CONNECTOR.match(text[lc.end : ld.start])
    if not joined or a.country != b.country or c.country != d.country or a.country == c.country:
        return []
    return [(a, c), (b, d)]


def structural(
    text: str, seq: Seq, hub: Place | None, twin: bool = False, coref: bool = False
) -> tuple[list[tuple[Place, Place]], set[int], int]:
    """Pairs stated by structure: "X–Y", "X/Y", "X with its sister city Y", lists of "X and Y, Z and W", and a
    lone "X and Y" (unless both are partners of the text's main place: "magnificent Barcelona and Paris"); also how
    many of them a "between X and Y" states."""
    pairs = respective(text, seq)
    if pairs:
        return pairs, set(range(len(seq))), 0
    used: set[int] = _dash_chains(text, seq)  # "Tottori-Gangwon-Jilin-Primorye-Tov": a group's name, not pairs
    pairs += _between(text, seq, used) if twin else []
    # "a memorandum on twinning between X and Y" states the sentence's pair; "amid a thaw in relations between Tokyo
    # and Seoul" does not
    n_between = len(pairs) if pairs and _twin_between(text, seq, used) else 0
    ands: list[int] = []
    for k in range(len(seq) - 1):
        (la, pa), (lb, pb) = seq[k], seq[k + 1]
        if k in used or k + 1 in used:
            continue
        gap = text[la.end : lb.start]
        if P.DASH_CONNECTOR.match(gap) and P.DASH_THING_AFTER.match(text, lb.end):
            used |= {k, k + 1}  # "the Normandy-Neman regiment", "the Moscow–Beijing express": a name, not a pair
            continue
        twinned = P.TWIN_VERB_CONNECTOR.match(gap)
        gapped = P.GAPPING_GAP.match(gap) and P.GAPPING_OPEN.search(text, max(0, la.start - 30), la.start)
        if _apposition(text, gap, lb.end) and pa.country != pb.country:
            pairs.append((pa, pb))
            # "Niigata, a sister city of Khabarovsk and Vladivostok"
            for j in _listed_after(text, seq, k + 1, pa.country):
                pairs.append((pa, seq[j][1]))
                used.add(j)
            # "X … its sister city Y, and its partner Z": a subject may head more of the sentence; an apposition
            # ("X, a sister city of Y") does not
            used |= {k + 1} if P.SUBJECT_POSSESSIVE.search(gap) else {k, k + 1}
        elif P.SIGNED_WITH.match(gap) and pa.country != pb.country:
            # the signatories ("Lipetsk and Tambov regions") each with the partner and those listed after it, up to a
            # place of their own country (", а Пензенская область — с Гродненской": the next clause)
            signers = [k, *_listed_before(text, seq, k)]
            partners = [k + 1, *_listed_after(text, seq, k + 1, pa.country, gapped=True)]
            pairs += [(seq[i][1], seq[j][1]) for i in signers for j in partners]
            used |= {*signers, *partners}
        elif (
            P.DASH_CONNECTOR.match(gap) or P.WITH_CONNECTOR.match(gap) or P.AT_CONNECTOR.match(gap) or twinned or gapped
        ) and pa.country != pb.country:
            pairs.append((pa, pb))
            used |= {k, k + 1}
            # "Perm is twinned with Oxford, England, and with Louisville"; «… — корейского Пусана и японского Хакодате»
            if twinned or gapped:
                for j in _listed_after(text, seq, k + 1, pa.country):
                    if j + 1 < len(seq) and text[seq[j][0].end : seq[j + 1][0].start].lstrip()[:1] in P.PAIR_DASHES:
                        break  # «Эгер — побратим Чебоксар, Рюссельсхайм — Пензы»: a name before a dash opens a clause
                    pairs.append((pa, seq[j][1]))
                    used.add(j)
        elif P.AND_CONNECTOR.match(gap) and pa.country != pb.country:
            ands.append(k)
    chained = [k for k in ands if k - 2 in ands or k + 2 in ands]
    # A pair-list needs the pairs joined by list separators ("X and Y, Z and W").
    chained = [
        k
        for k in chained
        if any(
            j in ands and _pair_separator(text[seq[min(k, j) + 1][0].end : seq[max(k, j)][0].start])
            for j in (k - 2, k + 2)
        )
    ]
    if not chained:
        alone = [k for k in ands if _isolated(text, seq, k)]
        # Parallel clauses of a twinning sentence ("Rzhev and Zhlobin signed …, and Kimry and Rogachev …") state
        # each pair; a single "X and Y" pairs only with the text's place in it (not "magnificent Barcelona and Paris").
        parallel = twin and len(alone) >= 2 and len({side(seq[j][1]) for k in alone for j in (k, k + 1)}) == 2 * len(alone)
        # "relations with the Serbian Kragujevac and the Belarusian Mogilev": partners of someone else
        others = {k for k in alone if P.WITH_BEFORE.search(text[max(0, seq[k][0].start - 40) : seq[k][0].start])}
        chained = [
            k
            for k in alone
            if parallel
            or hub is None
            and k not in others
            or hub is not None
            and side(hub) in (side(seq[k][1]), side(seq[k + 1][1]))
            # "The first twinned pair were Tashkent and Seattle": a twinning sentence naming only the two of them
            or (
                twin
                and not coref
                and len(seq) == 2
                and hub is not None
                and side(hub) not in {side(p) for _, p in seq}
                and k not in others
            )
            or is_known(seq[k][1], seq[k + 1][1])
        ]
    for k in chained:
        if k not in used and k + 1 not in used:
            pairs.append((seq[k][1], seq[k + 1][1]))
            used |= {k, k + 1}
    return pairs, used, n_between


def mutual(text: str, seq: Seq, at: int) -> list[int]:
    """Indexes of the places listed right before offset `at` ("Esbjerg, Stavanger and Eskilstuna| are each other's
    twins"), when there are at least three."""
    before = [k for k, (loc, _) in enumerate(seq) if loc.end <= at]
    if not before:
        return []
    group = [before[-1]]
    while group[0] > 0 and _is_enumeration_gap(text[seq[group[0] - 1][0].end : seq[group[0]][0].start]):
        group.insert(0, group[0] - 1)
    return group if len(group) >= 3 else []


def _pair_separator(gap: str) -> bool:
    """True when the text between two "X and Y" pairs only separates them, a qualifier of the first pair's last place
    included ("Tainan and Columbus, Ohio, and Yilan County and Placer County")."""
    return bool(P.LIST_SEPARATOR.match(gap) or P.LIST_SEPARATOR.match(P.QUALIFIER_WORDS.sub("", gap)))


def _between(text: str, seq: Seq, used: set[int]) -> list[tuple[Place, Place]]:
    """ "cooperation between the Grodno Region and the Leningrad and Tver regions": the place right after a relationship
    word and "between" is one side, the places listed after its "and" the other (`used` gains their indexes)."""
    pairs: list[tuple[Place, Place]] = []
    for k in range(len(seq) - 1):
        (la, pa), (lb, _) = seq[k], seq[k + 1]
        if k in used or k + 1 in used or not P.AND_CONNECTOR.match(text[la.end : lb.start]):
            continue
        if not P.BETWEEN_BEFORE.search(text[max(0, la.start - 60) : la.start]):
            continue
        group = [k + 1, *_enumerated(text, seq, k + 1)]
        if any(seq[j][1].country == pa.country for j in group[1:]):
            group = group[:1]  # "between X and A, Y and B, Z and C": a list of pairs, each paired by the "and"s
        others = [j for j in group if seq[j][1].country != pa.country]
        if others:
            pairs += [(pa, seq[j][1]) for j in others]
            used |= {k, *group}
    return pairs


def _twin_between(text: str, seq: Seq, used: set[int]) -> bool:
    """True when a twinning or partnership word comes right before the "between" of the first place `_between` took."""
    first = min(used, default=None)
    if first is None:
        return False
    window = text[max(0, seq[first][0].start - 60) : seq[first][0].start]
    return bool(P.TWIN_RE.search(window) or P.PARTNER_RE.search(window))


def _apposition(text: str, gap: str, after: int) -> bool:
    """ "X, a sister city of Y", "X … to its sister city Y", "X, Y's sister city": a twin noun between (or right after)
    two places within one clause."""
    if len(gap) > 100 or P.CLAUSE_BREAK.search(gap):
        return False
    return bool(P.TWIN_APPOSITION_GAP.search(gap) or (gap.strip() == "," and P.TWIN_POSSESSIVE_AFTER.match(text, after)))


def _dash_chains(text: str, seq: Seq) -> set[int]:
    """Indexes of places in runs of three or more joined by dashes ("Tottori-Gangwon-Jilin-Primorye")."""
    out: set[int] = set()
    run = [0]
    for k in range(1, len(seq) + 1):
        if k < len(seq) and P.DASH_CONNECTOR.match(text[seq[k - 1][0].end : seq[k][0].start]):
            run.append(k)
            continue
        if len(run) >= 3:
            out |= set(run)
        run = [k]
    return out


def _enumerated(text: str, seq: Seq, k: int) -> list[int]:
    """Indexes of the places listed right after seq[k] ("Oxford, England, and with Louisville": Louisville)."""
    out = []
    for j in range(k + 1, len(seq)):
        gap = P.WITH_WORD.sub(" ", text[seq[j - 1][0].end : seq[j][0].start])
        if not _is_enumeration_gap(gap):
            break
        out.append(j)
    return out


def _listed_after(text: str, seq: Seq, k: int, own: str, gapped: bool = False) -> list[int]:
    """Indexes of the places listed right after seq[k] (as _enumerated), up to a place of the subject's country `own`,
    which opens the next clause («…, а Туркестан — Коньи»); `gapped`: also over a clause whose verb is left out
    («…, а в 2023 году — с иранской провинцией Гилян»)."""
    out = []
    for j in range(k + 1, len(seq)):
        gap = text[seq[j - 1][0].end : seq[j][0].start]
        listed = _is_enumeration_gap(P.WITH_WORD.sub(" ", gap)) or gapped and bool(P.GAPPED_PARTNER.match(gap))
        if not listed or seq[j][1].country == own:
            break
        out.append(j)
    return out


def _listed_before(text: str, seq: Seq, k: int) -> list[int]:
    """Indexes of the places of seq[k]'s country listed right before it with "and" or commas ("Липецкой и Тамбовской":
    Lipetsk)."""
    out = []
    for j in range(k - 1, -1, -1):
        gap = text[seq[j][0].end : seq[j + 1][0].start]
        if seq[j][1].country != seq[k][1].country or not (P.AND_CONNECTOR.match(gap) or _is_enumeration_gap(gap)):
            break
        out.append(j)
    return out


@lru_cache(maxsize=4096)
def _is_enumeration_gap(gap: str) -> bool:
    """True when the text between two places only separates list items ("; ", ", Australia; ", " (Китай); ",
    " in Austria, "); cached, as the same few gaps (", ", " and ") come back in every list."""
    if len(gap) > 48 + 80:
        return False
    # a note in parentheses ("Bordeaux (since 1947, one of the oldest links), Hanover") is part of its entry
    bare = P.LIST_WORDS.sub(" ", P.PARENTHESES.sub(" ", P.IN_COUNTRY.sub(" ", gap)))
    return len(bare) <= 48 and not P.LOWER_WORD.search(bare)


def enumerates(text: str, seq: Seq) -> bool:
    """True when the sentence is a bare list of three or more places ("Linz in Austria, Trondheim in Norway, Kaunas,
    Odense, Mwanza in Tanzania and so on.")."""
    return len(seq) >= 3 and all(
        _is_enumeration_gap(text[a.end : b.start]) for (a, _), (b, _) in pairwise(seq)
    )


def _center(
    text: str,
    seq: Seq,
    rest_seq: Seq,
    sentence: Sentence,
    scope: Scope,
) -> Place | None:
    """The place the others of the sentence are paired with, or None."""
    hub = scope.hub
    names = {side(p) for _, p in seq}
    # "Besides X, …": X is one more list member, never the center.
    besides = {side(p) for loc, p in seq if P.BESIDES_BEFORE.search(text[max(0, loc.start - 20) : loc.start])}
    owner = next((p for loc, p in seq if P.WHOSE_TWINS_AFTER.match(text, loc.end)), None)
    if owner is not None:
        return owner  # "X, whose twin cities include A, B and C"
    if hub is not None and side(hub) in names and side(hub) not in besides:
        loc, opener = seq[0]
        namesake = opener.name == hub.name and side(opener) != side(hub) and loc.qualified
        if namesake and _opens(text[sentence.start : loc.start]):
            return opener  # "Albany, New York, dissolved its own tie with Tula …, and the City of Albany …"
        return hub
    if hub is not None and P.POSSESSIVE_TWINS.match(text, sentence.start):
        return hub  # "Its sister cities also include Yuzhno-Sakhalinsk on Sakhalin Island and Halifax in Canada"
    rest_seq = [(loc, p) for loc, p in rest_seq if side(p) not in besides]
    rest = [p for _, p in rest_seq]
    if len(names) == 1:
        # "Its relationship with Magadan…": the text's main place, through coreference or a cue just before.
        if sentence.coref and (sentence.twin or sentence.partner or scope.prev_twin):
            # "its sister city", or a pronoun right after a twinning sentence: the place just named, else the hub
            return _referent(seq[0][1], scope.prev_place, hub)
        if sentence.item:
            return scope.item_hub
        if P.TWIN_COMPLEMENT.search(text[max(0, seq[0][0].start - 60) : seq[0][0].start]):
            return None  # "…стал побратимом Курска": the twin is the sentence's subject, which it does not name
        level_ok = hub is None or seq[0][1].level == hub.level  # "делегации бывали в Колорадо": a state, not a twin
        if level_ok and (sentence.twin or sentence.partner or (sentence.related or sentence.terse) and seq[0][0].qualified):
            # "Среди первых – французский Дижон", "связи с японским Саппоро": the one place named is a partner of
            # the place the paragraph is about (with a relationship word only, when a demonym or country qualifies it:
            # "cooperating with the Houston City Council" is not a partnership)
            return _referent(seq[0][1], scope.prev_place, hub)
        return None
    if len(rest) < 2:
        return None
    first, second = rest_seq[0][0], rest_seq[1][0]
    head = text[sentence.start : first.start]
    if hub is not None and ":" in head and (P.TWIN_RE.search(head) or P.PARTNER_RE.search(head)):
        return hub  # "Города-партнёры: Ангарск (Россия), Минск (Беларусь)": a heading before a list of partners
    cue = P.TWIN_RE.search(head)
    if (
        hub is not None
        and cue
        and not P.TWIN_OF_AFTER.match(head, cue.end())
        and all(p.country != hub.country for p in rest)
    ):
        # "sculptures given by the twin cities - there's one from Tübingen, …, Duluth": the text's twins, named
        # after the twinning word with no place before it
        return hub
    # the rows of a table flattened onto one line are the partners of the text's place (one row of its own country is
    # just not a partner: "… Daqing China 2008 Zhigulyovsk Russia 2005 neighbouring town")
    domestic = sum(p.country == hub.country for p in rest) if hub is not None else len(rest)
    if domestic <= 1 and sentence.line and flattened_table(text, [loc for loc, _ in rest_seq]):
        return hub
    gap = text[first.end : second.start]
    if hub is not None and P.YEAR_CELL_GAP.match(gap):
        return hub  # "Changchun (China), 2010 | Kragujevac (Serbia), 2017": entries each with its year, not a pair
    if ":" in gap or not _is_enumeration_gap(gap):
        if ":" in gap or not P.WITH_BEFORE.search(text[max(0, first.start - 20) : first.start]):
            return rest[0]  # "Anchorage … relationships with Darwin, Australia; Chitose, Japan; …"
        # "С Буффало контакты прекратились, с Хямеэнлинной – ещё раньше": partners of the text's place
        return hub if hub is not None and all(p.country != hub.country for p in rest) else None
    others = {p.country for p in rest[1:]}
    foreign = sum(p.country != hub.country for p in rest) if hub is not None else 0
    # One domestic member in a longer list ("Yeongwol (Gangwon Province)") is just not a partner.
    listed = foreign == len(rest) or len(rest) >= 3 and foreign >= len(rest) - 1
    # Places of one country opening the sentence are its subject ("In 2021 Yekaterinburg and Nizhny Tagil will
    # host …"), not partners of the text's place, unless a pronoun ties them to it.
    # (a pronoun after them is theirs: "Palmerston North and New Plymouth have had good experiences with their …")
    theirs = sentence.coref and P.COREF_RE.search(fold(head)) is not None
    subject = rest[0].country == rest[1].country and _opens(head) and not theirs
    if hub is not None and listed and not subject:
        return hub  # a bare list of partners of the text's place ("болгарским Пловдивом и чешским Пльзенем")
    if len(others) == 1 and rest[0].country not in others:
        if P.WITH_BEFORE.search(text[max(0, first.start - 40) : first.start]):
            return None  # "ties with Birmingham and Frankfurt": partners of the sentence's unnamed subject
        return rest[0]  # "between Moscow, Chicago and Los Angeles"
    return None


def flattened_table(text: str, locs: list[Located]) -> bool:
    """True when a line holds a table flattened onto it, each row a place and its country's name ("Region Country Year
    … Paraná Brazil 1970 … Western Australia Australia 1981 …"): at least three countries' worth of such rows."""
    cells = {loc.candidates[0].country for loc in locs if loc.qualified and P.CELL_GAP.match(text, loc.end)}
    return len(cells) >= 3


def _opens(head: str) -> bool:
    """True when only a date or a preposition comes before the first place: it opens the sentence."""
    return all(w.lower() in P.OPENING_WORDS for w in P.WORD.findall(head)) and ":" not in head


def _referent(place: Place, prev: Place | None, hub: Place | None) -> Place | None:
    """What "its"/"the city" points to: the place just named when it is on the text's own side (Magadan in a
    Moscow-centred text), else the text's main place."""
    if prev is not None and (hub is None or prev.country == hub.country) and prev.country != place.country:
        return prev
    return hub


def _nearest(seq: Seq, center: Place, partner: Place) -> Place:
    """The center-country place of the partner's level named last before `partner` when the center is of the other
    level ("Des Moines … Stavropol, and Iowa … Stavropol Krai"), else the center."""
    spots = {side(p): loc for loc, p in seq}
    if side(center) not in spots or side(partner) not in spots or center.level == partner.level:
        return center
    target = spots[side(partner)].start
    before = [
        (loc.start, p)
        for loc, p in seq
        if p.country == center.country and p.level == partner.level and loc.start < target
    ]
    return max(before, key=lambda x: x[0])[1] if before else center


def hub_pairs(
    text: str, seq: Seq, used: set[int], sentence: Sentence, scope: Scope
) -> list[tuple[Place, Place]]:
    """Pair the sentence's center (the text's main place, a local subject or a list head) with the others."""
    rest_seq = [x for k, x in enumerate(seq) if k not in used]
    rest = [p for _, p in rest_seq]
    if used and len(rest) < 2 and not (scope.hub and rest):
        return []
    center = _center(text, seq, rest_seq, sentence, scope)
    if center is None:
        return []
    partners = [p for p in rest if p.country != center.country and side(p) != side(center)]
    if scope.hub is not None and center.name == scope.hub.name and side(center) != side(scope.hub):
        # a namesake's own ties, not ties with the text's place
        partners = [p for p in partners if side(p) != side(scope.hub)]
    return [(_nearest(seq, center, p), p) for p in partners]
