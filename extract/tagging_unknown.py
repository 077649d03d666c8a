"""Places the gazetteer lacks: Russian transcriptions of foreign names whose country the text gives («немецким
Коттбусом»), towns named right before their country as list entries and locators write them ("Dorsheim,
Germany"), and towns in a twinning list of pairs whose column gives their country ("…, New Quay and Plouguerneau")."""

from __future__ import annotations

import re
from bisect import bisect_left

from extract import patterns as P
from extract.gazetteer import Mention, common_english, unlisted_place
from extract.tagging_text import line_bounds
from extract.tagging_words import common_noun, demonym_before, lemmas, prev_word
from extract.transcription import known_spelling, transcribed_place


def _given_country(text: str, start: int, end: int, following: Mention | None) -> str | None:
    """The country a text gives a name: a demonym before it («немецким Коттбусом») or a country right after it
    («Трумсё (Норвегия)», "Ош | Киргизская Республика")."""
    window = text[max(0, start - 40) : start]
    # Russian country adjectives all hold "ск"/"цк" (немецкий, японским); only then is the long search worth it
    country = demonym_before(text, start) if "ск" in window or "цк" in window else None
    if country:
        return country
    if following is None or following.candidates[0].level != "country":
        return None
    gap = text[end : following.start]
    return following.candidates[0].country if len(gap) <= 32 and P.QUALIFIER_GAP.match(gap) else None


def _neighbours(raw: list[Mention], starts: list[int], pos: int) -> tuple[Mention | None, Mention | None]:
    """The last mention starting before offset `pos` and the first at or after it (mentions are sorted and do not
    overlap)."""
    k = bisect_left(starts, pos)
    return (raw[k - 1] if k else None), (raw[k] if k < len(raw) else None)


def transcribed_mentions(text: str, raw: list[Mention]) -> list[Mention]:
    """Russian names of foreign places the gazetteer lacks, where the text says the country (see transcription)."""
    starts = [m.start for m in raw]
    out = []
    for w in P.RU_NAME.finditer(text):
        before, after = _neighbours(raw, starts, w.end())
        if before is not None and before.end > w.start():
            continue  # inside a mention the gazetteer found
        country = _given_country(text, w.start(), w.end(), after)
        if country is None or country == "RU" or common_noun(w.group()):
            continue
        place = transcribed_place(lemmas(w.group()), country)
        if place is not None:
            out.append(Mention(w.start(), w.end(), w.group(), (place,)))
    return out


def unlisted_mentions(text: str, raw: list[Mention]) -> list[Mention]:
    """Towns the gazetteer lacks, named right before their country as list entries and locators write them
    ("Dorsheim, Germany", "Yateras (Cuba)", "Konongo-Odumase | Ghana"): capitalised words ending in a rare one."""
    starts = [m.start for m in raw]
    out = []
    cells = _table_cells(text, raw)
    for k, q in enumerate(raw):
        top = q.candidates[0]
        in_region = top.level == "region" and "state" not in top.flags  # "with Saint-Vaast-la-Hougue in Normandy"
        if top.level != "country" and "state" not in top.flags and not in_region:
            continue
        if q.start in cells:
            # a flattened table's cell ("… exchange Lake Macquarie Australia March 1992 …"): the town before its
            # country, after the last lowercase or common word of the cell before it ("Mayor's Office Grodno Belarus")
            name = _town_name(text[max(0, q.start - 80) : q.start].rstrip(), trim=True)
            previous, _ = _neighbours(raw, starts, q.start)
            if name and not (previous is not None and previous.end > q.start - 1 - len(name)):
                place = known_spelling(name, top.country)
                if place is None or place.level == "city":
                    place = place or unlisted_place(name, top.country)
                    out.append(Mention(q.start - 1 - len(name), q.start - 1, name, (place,)))
            continue
        before = q.start
        region = raw[k - 1] if k else None
        if region is not None and region.candidates[0].level == "region" and P.QUALIFIER_GAP.match(
            text[region.end : q.start]
        ):
            before = region.start  # "Dorsheim, Rhineland-Palatinate, Germany": the town is named before its region
        gap = P.UNLISTED_GAP_END.search(text, max(0, before - 9), before)
        if gap is None or in_region and not gap.group(1):
            continue  # a region locates an unknown town only after "in" (a list's "Town, Region" is two names)
        end = gap.start()
        # back over the words of a name ("San Pietro in Cariano"), not across punctuation, at most 80 characters
        back = P.UNLISTED_NAME_RUN.match(text[max(0, end - 80) : end][::-1])  # a run, maybe empty: always a match
        run = end - (back.end() if back else 0)
        name = _town_name(text[run:end].strip(" -"))
        if name is None:
            continue
        start = end - len(name)
        previous, _ = _neighbours(raw, starts, end)
        if previous is not None and previous.end > start or prev_word(text, start) in P.PERSON_TITLES:
            continue  # a name the gazetteer found, or a person ("Mayor …")
        if gap.group(1) and prev_word(text, start).lower() not in P.UNLISTED_IN_AFTER:
            continue  # "Lavrov in Russia" is a person; "twinned with Dorsheim in Germany" a town
        if previous is not None and previous.end == start - 2 and text[start - 2 : start] == ", ":
            continue  # "Pátzcuaro, Michoacán, Mexico": a name between a town and its country is the town's region
        # a misspelt town the gazetteer has ("Tromse (Norway)", "Wladimir, Russia"); a region the gazetteer spells
        # otherwise is left alone ("Rhineland-Palatinate, Germany" after a town)
        place = known_spelling(name, top.country)
        if place is not None and place.level != "city":
            continue
        place = place or unlisted_place(name, top.country, top.admin1 if "state" in top.flags else "")
        out.append(Mention(start, end, name, (place,)))
    return out


def _table_cells(text: str, raw: list[Mention]) -> frozenset[int]:
    """Where a country's name fills a cell of a table flattened onto one line, a name before it and a space on either
    side ("Town Country Since Sölvesborg Sweden 1947 … Raahe Finland 1951 …"): lines with three or more such."""
    by_line: dict[int, list[int]] = {}
    for m in raw:
        if (
            m.candidates[0].level == "country"
            and text[m.start - 2 : m.start - 1].isalpha()
            and text[m.start - 1 : m.start] == " "
            and P.CELL_AFTER_COUNTRY.match(text, m.end)
        ):
            by_line.setdefault(line_bounds(text, m.start)[0], []).append(m.start)
    return frozenset(at for ats in by_line.values() if len(ats) >= 3 for at in ats)


def _town_name(words: str, trim: bool = False) -> str | None:
    """The town name that ends a run of words: capitalised words and name connectors, read back from the end,
    ending in a word rarer than common English and opening with a capital ("with Dorsheim" -> "Dorsheim"); with
    `trim`, common words opening the run are left out ("Office Grodno" -> "Grodno")."""
    if trim:
        common = common_english()
        run = re.split(r"[^\w'.-]", words)
        keep = 0
        for token in reversed(run):
            if not (token[:1].isupper() and (token.lower() not in common or token in P.UNLISTED_HEADS)):
                break
            keep += 1
        words = " ".join(run[len(run) - keep :]) if keep else ""
    parts = re.split(r"([ -])", words)
    tokens = parts[::2]
    keep = 0
    for token in reversed(tokens):
        if token[:1].isupper() or token in P.UNLISTED_CONNECTORS:
            keep += 1
        else:
            break
    while keep and not tokens[len(tokens) - keep][:1].isupper():
        keep -= 1  # a name opens with a capital
    if not keep:
        return None
    name_tokens = tokens[len(tokens) - keep :]
    common = common_english()
    if P.CYRILLIC_RE.search(words) or name_tokens[-1].lower() in common or len("".join(name_tokens)) < 4:
        return None
    if any(t[:1].isupper() and t.lower() in common and t not in P.UNLISTED_HEADS for t in name_tokens):
        return None  # "Mayor Smith", "Meetings", "Moreover": words, not a town
    return "".join(parts[2 * (len(tokens) - keep) :])


def _column_country(members: list[Mention | None]) -> str | None:
    """The one country every known town of a column may be in (Bristol may be American beside Pawtucket), or None."""
    readings = [{c.country for c in m.candidates if c.level == "city"} for m in members if m is not None]
    common = set.intersection(*readings) if readings else set()
    return next(iter(common)) if len(common) == 1 else None


def _new_name(name: str) -> bool:
    """True when a capitalised run can be a town's name: its last word no frequent English word ("New Quay", not
    "The Council")."""
    return name.split()[-1].lower() not in common_english() and name.split()[0] not in P.PLACE_NOUNS


def list_slot_mentions(text: str, raw: list[Mention]) -> list[Mention]:
    """Towns the gazetteer lacks, or names of another reading, in a twinning sentence's list of pairs ("Aberystwyth and
    Saint-Brieuc, Cardigan and Brioude, New Quay and Plouguerneau"): each column's known towns are of one country, so a
    town missing from the gazetteer is one of that country, and a homonym takes that country's reading ("Bristol and
    Horta" beside "Pawtucket and Ribeira Grande")."""
    if " and " not in text:
        return []
    by_span = {(m.start, m.end): m for m in raw}
    out = []
    for listed in P.PAIR_LIST.finditer(text):
        start, end = line_bounds(text, listed.start())
        if not P.TWIN_RE.search(text[start:end]):
            continue
        pairs = [(x.span(1), x.span(2)) for x in P.PAIR_LIST_PAIR.finditer(text, listed.start(), listed.end())]
        columns = [[by_span.get(pair[i]) for pair in pairs] for i in (0, 1)]
        left, right = (_column_country(column) for column in columns)
        known = sum(a is not None and b is not None for a, b in zip(*columns))
        if left is None or right is None or left == right or known < 1 or len(pairs) < 3:
            continue
        for side, country in enumerate((left, right)):
            for span, m in zip((pair[side] for pair in pairs), columns[side]):
                name = text[span[0] : span[1]]
                if m is None and _new_name(name) and not any(s < span[1] and span[0] < e for s, e in by_span):
                    out.append(Mention(span[0], span[1], name, (unlisted_place(name, country),)))
                elif m is not None and m.candidates[0].country != country:
                    same = tuple(c for c in m.candidates if c.country == country)
                    if same:
                        out.append(Mention(m.start, m.end, m.surface, same))
    return out
