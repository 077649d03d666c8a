"""Place mentions for the tagger: drop persons/institutions, attach qualifiers, resolve homonyms by context."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extract import patterns as P
from extract.gazetteer import Mention, Place, find_mentions, is_known, places_named, unlisted_place
from extract.prefilter import fold
from extract.tagging_text import line_bounds
from extract.tagging_unknown import list_slot_mentions, transcribed_mentions, unlisted_mentions
from extract.tagging_words import (
    demonym_before,
    function_word,
    has_grammeme,
    is_sentence_start,
    next_word,
    prev_word,
)


@dataclass(slots=True)  # not frozen, as Mention
class Located:
    """A place mention after filtering: its candidates narrowed by qualifiers, and the chosen place."""

    start: int
    end: int
    candidates: tuple[Place, ...]
    qualified: bool  # followed by ", Country" / "(State)" / preceded by a demonym
    weak: bool = False  # also a first name or surname (Vladimir, Eugene): only in a known pair
    city_noun: bool = False  # right after "city of"/«города»: the city, not a region of the same name


def _russian_word(text: str, m: Mention) -> bool:
    """True for a capitalised Russian function word or adverb that opens a sentence («Ровно» = exactly, not Rivne)."""
    if " " in m.surface or not P.CYRILLIC_RE.match(m.surface) or not is_sentence_start(text, m.start):
        return False
    return function_word(m.surface.lower())


def _institution(text: str, m: Mention) -> bool:
    """True when the mention names an institution or team ("Yakutsk State University", "Вашингтон Кэпиталз")."""
    if P.WEBSITE_AFTER.match(text, m.end):
        return True  # a news site named after its city
    if text[m.start - 1 : m.start] in "«„" and text[m.end : m.end + 1] == "»" and m.start > 0:
        return True  # a quoted name is a brand: hotel «Москва», newspaper «Находка»
    if P.INSTITUTION_AFTER.match(text, m.end):
        return True
    # "the German University of Administrative Sciences Speyer": the end of an institution's capitalised name
    return "niversit" in text[max(0, m.start - 60) : m.start] and bool(
        P.INSTITUTION_BEFORE.search(text, max(0, m.start - 60), m.start)
    )


def _organisation(text: str, m: Mention) -> bool:
    """True for an uncurated name used as an organisation: "the Union of Russian Cities"."""
    return (
        not m.candidates[0].flags & {"curated", "known"}
        and m.candidates[0].level == "city"
        and prev_word(text, m.start).lower() == "the"
        and text[m.end : m.end + 1] not in P.PAIR_DASHES  # "the Boulder-Kisumu Sister City Project": the pair
        and next_word(text, m.end) not in P.PLACE_NOUNS  # "the Kharkiv City Council" acts for the city
        and not P.REGION_NAME_AFTER.match(text, m.end)  # "the Žilina Self-Governing Region": a region's name
        and not P.BRACKET_AFTER.match(text, m.end)  # "the Meissen (Germany)": a place with its country
    )


def _initial_before(text: str, start: int) -> bool:
    """True when a first name's initial comes right before `start` ("K. ", «С.»), not an abbreviation's last letter
    ("U.S. ") or a word's."""
    k = start - 1 if start > 0 and text[start - 1] == " " else start
    return (
        k >= 2
        and text[k - 1] == "."
        and text[k - 2].isupper()
        and (k == 2 or not (text[k - 3].isalnum() or text[k - 3] in "._"))
    )


def _person(text: str, m: Mention, places_at: set[int], countries_at: frozenset[int] = frozenset()) -> bool:
    """True when the mention is part of a personal name ("Mayor Franklin", "Айсен Николаев"); `countries_at` holds
    where a country's name starts."""
    prev, nxt = prev_word(text, m.start), next_word(text, m.end)
    if _initial_before(text, m.start):
        return True  # a surname after an initial: "K. Schroeder", «С. Иванов»
    if prev in P.NAME_PARTICLES and "small" in m.candidates[0].flags:
        before = prev_word(text, m.start - len(prev) - 1)
        if before[:1].isupper() and before not in P.TOWN_BEFORE_PARTICLE:
            return True  # a small town's name as a surname after its particle: "Miguel de Cervantes"
    if P.RU_TITLES.match(prev.lower()):
        # "мэр Кирилл Барнаул" is a person; "глава Чебоксар" and "глава Чебоксар Станислав Кучеренко" head the city.
        after = next_word(text, m.end + 1 + len(nxt)) if nxt else ""
        return nxt[:1].isupper() and not after[:1].isupper()
    if prev in P.PERSON_TITLES or prev.lower() in P.PERSON_TITLES:
        return True
    if prev[:1].isupper() and prev.isalpha() and (
        prev_word(text, m.start - len(prev) - 1) in P.PERSON_TITLES  # the surname in "Treasurer Ann Moss"
        or m.candidates[0].level == "city"
        and (P.TITLE_AFTER.match(text, m.end) or P.CREDIT_BEFORE.search(text, max(0, m.start - 40), m.start))
    ):
        return True  # a first name and surname: also "Gill Thornton, Chair", "Photos: Dylan Vaughan"
    top = m.candidates[0]
    if nxt[:1].isupper() and P.CYRILLIC_RE.match(nxt) and has_grammeme(nxt, "Patr"):
        return True  # a first name before a patronymic («Милан Петрович»), whatever else it names
    if (
        nxt[:1].isupper()
        and nxt.isalpha()
        and nxt not in P.PLACE_NOUNS
        and m.end + 1 not in places_at  # "Heihe Suifenhe Pogranichny": a run of place names, not "First Last"
        and top.level == "city"
        and ("needs_cue" in top.flags or not top.flags & {"curated", "known"})
        # a Russian town's case form is a first name only if the dictionary knows it as one («Владимир Путин»;
        # not «глава управы Калуги Дмитрий Денисов»)
        and (not P.CYRILLIC_RE.match(m.surface) or has_grammeme(m.surface, "Name"))
    ):
        return True  # an uncurated name before a capitalised word is a first name: "Brandon Locke"
    prev_start = m.start - len(prev) - 1
    prev = prev.lstrip("(«\"“")  # "(Prensa Latina)": a name opening a parenthesis is still two words
    # A capitalised non-place word right before (not a sentence start): "Aisen Nikolaev", "Kim Reynolds"; not the last
    # word of a flattened table's cell before a town and its country ("… Culture & Leisure Kristiansund Norway 1947")
    return (
        bool(prev)
        and not P.BREADCRUMB_AFTER.match(text, m.end)  # "Home > Discover Landerneau > International relations"
        and m.end + 1 not in countries_at
        # "… Twinning Río Cuarto (Córdoba) Argentina 2010": a cell too
        and ((bracket := P.BRACKETED_LOCATOR.match(text, m.end)) is None or bracket.end() not in countries_at)
        and prev[0].isupper()
        and prev.isalpha()
        and prev_start not in places_at
        and not is_sentence_start(text, prev_start)
        and prev not in P.DEMONYMS
        and prev.lower() not in P.PLACE_PREPOSITIONS | {"the", "a", "an", "on", "by"}  # "- The Kharkiv City Council"
        and m.candidates[0].level == "city"
    )


def _qualifier(text: str, m: Mention, nxt: Mention | None) -> set[str] | None:
    """Countries / US states that qualify a mention right after it (", Russia", " (New York State)")."""
    gap = text[m.end : nxt.start] if nxt else ""
    if (
        nxt
        and text[nxt.end : nxt.end + 2] not in ("'s", "’s")  # "China's Jiamusi, Russia's Birobidzhan": the next item's
        and len(gap) <= 32
        and P.QUALIFIER_GAP.match(gap)
        and nxt.candidates[0].level in ("country", "region")
    ):
        q = nxt.candidates[0]
        if q.level == "country":
            return {q.country}
        if m.candidates[0].level == "region" and all(c.country != q.country for c in m.candidates):
            return None  # "Kostanay region, Chelyabinsk region": a region locates only a place of its own country
        if P.OPEN_PAREN_GAP.match(gap) and text[nxt.end : nxt.end + 1] == ")":
            return {q.country}  # "Nord-Pas de Calais (Hauts-de-France)": the bracketed region only locates or renames it
        if m.candidates[0].level == "region" and "state" not in q.flags and "county" not in m.candidates[0].flags:
            return None  # "the Amur, Khabarovsk and Jewish Autonomous regions": a list of regions, not a locator
        if "state" in q.flags or q.country == "US":
            return {"US:" + q.admin1, "US"} if q.admin1 else {"US"}
        return {q.country}
    state = next((c for c in nxt.candidates if "state" in c.flags), None) if nxt and gap in (", ", " (") else None
    if state is not None and any(c.country == "US" and c.admin1 == state.admin1 for c in m.candidates):
        return {"US:" + state.admin1, "US"}  # "Albany, New York": a state whose name is also a city's, and a town in it
    abbr = P.STATE_ABBREV_RE.match(text, m.end)
    if abbr:
        return {"US:" + P.STATE_ABBREVIATIONS[abbr.group(1)], "US"}
    return None


def _bracket_locator(text: str, raw: list[Mention], i: int) -> str | None:
    """The country of "Town (Place, Country)" or "Town (Place) Country" (a table's cells) when a place of that country
    is in the brackets: it locates the town ("Santo André (São Paulo, Brazil)", "San Francisco (Córdoba) Argentina");
    None otherwise."""
    if i + 2 >= len(raw) or raw[i].candidates[0].level != "city":
        return None
    place, country = raw[i + 1], raw[i + 2]
    if country.candidates[0].level != "country" or not P.OPEN_PAREN_GAP.match(text[raw[i].end : place.start]):
        return None
    inside = text[place.end : country.start].strip() == "," and text[country.end : country.end + 1] == ")"
    code = country.candidates[0].country
    after = text[place.end : country.start].strip() == ")" and any(c.country == code for c in place.candidates)
    if not (inside or after):
        return None
    return code if any(c.country == code for c in raw[i].candidates) else None


def _possessive(m: Mention) -> Mention:
    """ "St. Paul's sister-city committee": a name with a possessive that is also a smaller place's name (St. Paul's,
    Antigua) is the possessive of the bigger place named without it."""
    if not m.surface.endswith(("'s", "’s")):
        return m
    base = places_named(m.surface[:-2])
    if base and base[0].rank > m.candidates[0].rank:
        return Mention(m.start, m.end - 2, m.surface[:-2], base)
    return m


def _as_region(cands: tuple[Place, ...]) -> tuple[Place, ...]:
    """The region readings of a name after a region noun: its own region candidates, or the region named after the
    city ("Matanzas" -> Matanzas Province); the candidates unchanged when there is none."""
    regions = tuple(c for c in cands if c.level == "region")
    if regions:
        return regions
    for city in cands[:3]:
        for head in P.REGION_NAME_HEADS:
            found = tuple(p for p in places_named(f"{city.name} {head}") if p.country == city.country)
            if found:
                return found
    return cands


def _region_named(cands: tuple[Place, ...], head: str | None) -> tuple[Place, ...]:
    """The region readings of a city's name beside a region noun (_as_region), or, where the gazetteer has none, the
    region named after the city with that head noun ("Siem Reap province" -> Siem Reap Province, "Nakuru County")."""
    regions = _as_region(cands)
    if regions is cands and head:
        return (unlisted_place(f"{cands[0].name} {head}", cands[0].country, level="region"),)
    return regions


def _narrow(cands: tuple[Place, ...], codes: set[str]) -> tuple[Place, ...]:
    """Keep candidates matching a qualifier set; unchanged if none match."""
    hit = tuple(c for c in cands if f"{c.country}:{c.admin1}" in codes)
    hit = hit or tuple(c for c in cands if c.country in codes)
    return hit or cands


def _title_caps(text: str) -> str:
    """Headings set in capitals in title case ("WICHITA SISTER CITIES" -> "Wichita Sister Cities"), same length;
    words under five letters are left alone (acronyms: TASS, NATO, USA), and so are capitalised words inside
    ordinary lines (shouted words, agency names), which are rarely places."""

    def title(line: re.Match[str]) -> str:
        return P.ALL_CAPS_WORD.sub(lambda m: m.group()[0] + m.group()[1:].lower(), line.group())

    text = P.CAPS_LINE.sub(title, text)
    # "PLYMOUTH'S Lord Mayor": the capitalised lede word, and its possessive ('S -> 's keeps the length)
    text = P.CAPS_LEAD.sub(lambda m: m.group(1) + m.group(2).lower(), text)
    if "'S" not in text and "’S" not in text:
        return text  # the possessive pattern needs one; most texts have none, and the scan is not free
    return P.CAPS_LEAD_POSSESSIVE.sub(r"\1\2s", text)


def one_place(name: str) -> Mention | None:
    """The mention when the whole (title-cased) name is a single place ("ROCHESTER", "Владимир"), else None."""
    forms = [name.title().replace("’S", "’s")]
    if any(len(w) <= 3 and w.isupper() for w in name.split()):
        # an acronym in a capitalised dateline stays one: "HCM CITY" is "HCM City"
        forms.append(" ".join(w if len(w) <= 3 and w.isupper() else w.title() for w in name.split(" ")))
    for form in forms:
        found = find_mentions(form)
        if len(found) == 1 and (found[0].start, found[0].end) == (0, len(form)):
            return found[0]
    return None


def dateline_span(m: re.Match[str]) -> tuple[int, int]:
    """Where the place of a DATELINE match is (it has two forms, each with its own group); "ASTANA. KAZINFORM –"
    names the place before the agency."""
    a, b = m.span(1 if m.group(1) else 2)
    head, sep, agency = m.string[a:b].rpartition(". ")
    if sep and " " not in agency and one_place(m.string[a:b]) is None and one_place(head) is not None:
        return a, a + len(head)
    return a, b


def locate(text: str, folded: str | None = None) -> tuple[list[Located], Counter[str]]:
    """Place mentions (cities/regions) of `text`, plus the countries and US states it names (for homonyms);
    `folded` is `fold(text)` if the caller has it."""
    # A dateline ("ALMATY – …", "KHARKIV (Ukrinform) -") says where the story was filed: the hub's evidence, not a
    # side of a pair in its sentence.
    # Only a dateline that is one place's name: "SALT LAKE CITY SISTER CITIES — SPRING NEWSLETTER" is a heading.
    # The state or country after a dateline's place only locates it ("HARRIS COUNTY, Texas –"): the whole dateline
    # up to its dash is left out.
    datelines = [
        range(a, m.end() if m.group(1) else b)
        for m in P.DATELINE.finditer(text)
        for a, b in [dateline_span(m)]
        if one_place(text[a:b])
    ]
    titled = _title_caps(text)  # same offsets; the filters below read the words around each name in this form too
    # Title case changes letters' case only, so the fold is the same unless a capital lowered to two characters
    # (as "İ" does) moved the offsets.
    folded = fold(titled) if folded is None or len(titled) != len(text) else folded
    text = titled
    raw = [_possessive(m) for m in find_mentions(text)]
    if P.CYRILLIC_RE.search(text):
        raw = sorted(raw + transcribed_mentions(text, raw), key=lambda m: m.start)
    raw = sorted(raw + unlisted_mentions(text, raw), key=lambda m: m.start)
    if slots := list_slot_mentions(text, raw):  # a twinning list of pairs: its columns' countries
        replaced = {m.start for m in slots}
        raw = sorted([m for m in raw if m.start not in replaced] + slots, key=lambda m: m.start)
    if datelines:  # most texts have none
        raw = [m for m in raw if not any(m.start in span for span in datelines)]
    starts = {m.start for m in raw}
    out: list[Located] = []
    context: Counter[str] = Counter()
    for country, cue in P.COUNTRY_WORD_CUES.items():
        if cue.search(text, folded):
            context[country] += 1  # "£18,000", "Town Council", "councillors": a British text's Durham is the British one
            context[f"cue:{country}"] += 1
    consumed: set[int] = set()
    # once per city mention, as the loop below asks again; other mentions only when the loop gets that far
    countries_at = frozenset(m.start for m in raw if m.candidates[0].level == "country")
    is_person = {m.start: _person(text, m, starts, countries_at) for m in raw if m.candidates[0].level == "city"}
    person_at = {at for at, person in is_person.items() if person}
    persons: dict[str, int] = {}  # surface -> where it is first a person's name
    tables = "|" in text  # flattened table rows: only then can a mention fill a cell
    # A place used after a preposition in any of its forms ("в Барнауле") is not a person's name elsewhere.
    as_place = {m.candidates[0].key for m in raw if prev_word(text, m.start).lower() in P.PLACE_PREPOSITIONS}
    for m in raw:
        top = m.candidates[0]
        # (not a place ending an institution's name: "… University of Administrative Sciences Speyer")
        if (
            m.start in person_at
            and not top.flags & {"curated", "known"}
            and top.key not in as_place
            and not (_institution(text, m) or _organisation(text, m))
        ):
            persons.setdefault(m.surface, m.start)
    for i, m in enumerate(raw):
        top = m.candidates[0]
        if top.level == "country" and len(m.candidates) > 1:
            m = _country_or_town(text, m, raw[i + 1] if i + 1 < len(raw) else None)
            raw[i], top = m, m.candidates[0]
        if i in consumed and top.level == "region" and "state" not in top.flags:
            # "Perth, Western Australia": the region locates its city only, not the text's other places (a US state
            # still speaks for them: "St. Petersburg, Florida" … "St. Petersburg")
            continue
        if top.level == "country" or "state" in top.flags:
            context[top.country] += 1
            context[f"{top.country}:{top.admin1}"] += 1
        elif top.level == "region" and len({c.country for c in m.candidates}) == 1:
            context[top.country] += 1  # "Brittany" says the text's Brest is the French one
            if m_end := P.NAMED_REGION_END.search(top.name):  # "Durham County" says nothing of which Durham
                context[f"named:{top.country}:{top.name[: m_end.start()]}"] += 1
        if i in consumed or top.level == "country":
            continue
        before = text[max(0, m.start - 30) : m.start]
        if (
            "state" in top.flags
            and _after_city(raw, i, text)
            and (P.STATE_LOCATOR_BEFORE.search(before) or P.STATE_LOCATOR_AFTER.match(text, m.end))
        ):
            continue  # "Дьюбука в американском штате Айова": the state only locates the city
        if top.level == "region" and P.ADJECTIVE_AFTER.match(text, m.end):
            continue  # "the Florida city": an adjective pointing at a city named elsewhere
        if "landform" in top.flags and " " not in m.surface and not P.LANDFORM_REGION_AFTER.match(text, m.end):
            continue  # "the port closest to Sakhalin", «приехали на Сахалин»: the island, not Sakhalin Oblast
        if (
            top.level == "city"
            and P.RU_ADJECTIVE_NAME.match(m.surface)
            and P.RU_LOWER_AFTER.match(text, m.end)
            and not P.RU_SETTLEMENT_BEFORE.search(before)
        ):
            continue  # «Кировская городская дума»: an adjective agreeing with its noun, not the town Kirovskaya
        if "capital" in top.flags and (
            P.CAPITAL_METONYMY_AFTER.match(text, m.end) or P.CAPITAL_METONYMY_BEFORE.search(before)
        ):
            continue  # "since Moscow's invasion", "a close ally of Moscow": the government, not the city
        if top.level == "city" and P.LOCATOR_AFTER.match(text, m.end):
            continue  # "the Kyiv-region town": a locator of the place meant
        folded_before = folded[max(0, m.start - 30) : m.start]
        if P.LOCATOR_BEFORE.search(before, folded_before) or (
            top.level == "region"
            and (P.REGION_LOCATOR_BEFORE.search(before, folded_before) or P.REGION_AFTER_NAME_IN.search(text[max(0, m.start - 60) : m.start]))
        ):
            continue  # "near Moscow", "the capital of Shandong": a locator, not a side of a pair
        if (
            m.start >= persons.get(m.surface, len(text))  # a person named later does not erase a place before
            or _institution(text, m)
            or (is_person[m.start] if m.start in is_person else _person(text, m, starts, countries_at))
            or _organisation(text, m)
            or _russian_word(text, m)
        ):
            continue  # once "Aisen Nikolaev" is a person, a later bare "Nikolaev" is the same person
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if nxt is not None and P.OPEN_PAREN_GAP.match(text[m.end : nxt.start]):
            same = tuple(c for c in m.candidates if any(c.key == d.key for d in nxt.candidates))
            if same:  # "Kunsan (Gunsan)", "Dnepropetrovsk (Dnipro)": one place under two names
                m = Mention(m.start, m.end, m.surface, same)
                consumed.add(i + 1)
        codes = _qualifier(text, m, nxt)
        if codes is None and (located_in := _bracket_locator(text, raw, i)) is not None:
            consumed.add(i + 1)  # "Mindelo (São Vicente, Cape Verde)": the island or state only locates the town
            codes = {located_in}
        if codes and nxt is not None and P.QUALIFIER_GAP.match(text[m.end : nxt.start]):
            consumed.add(i + 1)  # "Fairbanks, Alaska", "Фэрбенкс на Аляске": the state only locates the city
            context[f"named:{nxt.candidates[0].country}:{m.candidates[0].name}"] += 1  # nor of its bare namesakes
        elif (
            nxt is not None
            and len(m.candidates) == 1
            and P.IN_THE_GAP.match(text, m.end, nxt.start)
            and all(c.country == m.candidates[0].country and c.level == "city" for c in nxt.candidates)
        ):
            consumed.add(i + 1)  # "Sainte-Agathe-des-Monts in the Laurentians": a town of its country locates it
        demonym = demonym_before(text, m.start)
        if demonym and all(c.country != demonym for c in m.candidates):
            continue  # "the Russian Duma" is not Douma, Syria: a demonym of another country names something else
        if demonym:
            codes = (codes or set()) | {demonym}
        if not codes and (
            m.surface in P.WORD_PLACES or m.surface in P.OPENING_WORD_PLACES and is_sentence_start(text, m.start)
        ):
            continue  # "Most of the delegates…", "Al-Farabi University": a word, unless a qualifier names the place
        if codes and len(codes) == 1 and not any(c.country in codes for c in m.candidates):
            continue  # "Villa El Salvador, Peru" when only Argentina's is known: another place, not a known one
        if codes and "US" in codes and not any(c.country == "US" for c in m.candidates):
            # "Cheltenham, Pennsylvania" when only England's is known: the American town, under the text's name
            state = next((code[3:] for code in codes if code.startswith("US:")), "")
            m = Mention(m.start, m.end, m.surface, (unlisted_place(m.candidates[0].name, "US", state),))
        cands = _narrow(m.candidates, codes) if codes else m.candidates
        window = text[max(0, m.start - 40) : m.start]
        noun_at = (
            P.REGION_NOUN_BEFORE.search(window, folded[max(0, m.start - 40) : m.start]) or P.REGION_NOUN_AFTER.match(text, m.end)
            if cands[0].level == "city"
            else None
        )
        if noun_at is not None:
            # "Siem Reap province", "the Province of Caserta": a province the gazetteer lacks, named after its centre
            head = next((h for stem, h in P.UNLISTED_REGION_HEADS.items() if stem in noun_at[0].lower()), None)
            cands = _region_named(cands, head)
        elif cands[0].level == "city" and (noun := P.REGION_NAME_AFTER.match(text, m.end)):
            # "Nakuru County", "Stara Zagora Province": the region, even one the gazetteer lacks, named as the text does
            cands = _region_named(cands, noun[1].capitalize())
        weak = (
            "needs_cue" in cands[0].flags
            and not codes
            and not P.PLACE_CUE_BEFORE.search(text[max(0, m.start - 30) : m.start])
            and prev_word(text, m.start).lower() not in P.WEAK_PLACE_PREPOSITIONS  # "во Владимире", "in Eugene"
            and not (nxt and text[m.end : nxt.start] in "-–—/")
        )
        city_noun = P.CITY_NOUN_BEFORE.search(text, max(0, m.start - 12), m.start) is not None
        out.append(Located(m.start, m.end, cands, bool(codes) or (tables and _table_cell(text, m)), weak, city_noun))
        if cands[0].level == "city" and len({c.country for c in cands}) == 1:
            context[f"place:{cands[0].country}"] += 1  # a town of one country only: where the text's homonyms lie
            context[f"named:{cands[0].country}:{cands[0].name}"] += 1  # but "Durham in England" not for "Durham"
    return out, context


def _country_or_town(text: str, m: Mention, nxt: Mention | None) -> Mention:
    """A country's name that is also a town's, read as the town when a state or country after it, or a demonym of
    another country before it, locates the town («американской Колумбией (штат Южная Каролина)»)."""
    towns = tuple(c for c in m.candidates if c.level == "city")
    codes = _qualifier(text, m, nxt) or set()
    if nxt is not None and not (text[m.end : nxt.start].lstrip().startswith("(") or "state" in nxt.candidates[0].flags):
        codes = set()  # "regions in China, Japan, South Korea and Mexico": a list of countries, not a town in one
    demonym = demonym_before(text, m.start)
    if demonym and demonym != m.candidates[0].country:
        codes.add(demonym)
    # (_narrow gives its input back when no town is in a qualifying country)
    if towns and codes and (narrowed := _narrow(towns, codes)) is not towns:
        return Mention(m.start, m.end, m.surface, narrowed)
    return m


def _after_city(raw: list[Mention], i: int, text: str) -> bool:
    """True when the place named last before mention `i`, over countries between them, is a city at most 40
    characters before it in the same sentence ("Портленд (США, штат Орегон)"; not "… с Магаданом. Отношения между
    штатом Айова …")."""
    j = next((j for j in range(i - 1, -1, -1) if raw[j].candidates[0].level != "country"), -1)
    return (
        j >= 0
        and raw[j].candidates[0].level == "city"
        and raw[i].start - raw[j].end <= 40
        and P.SENTENCE_END.search(text, raw[j].end, raw[i].start) is None
    )


def _table_cell(text: str, m: Mention) -> bool:
    """True when the mention fills a cell of a flattened table row ("Congleton | Trappes | France | 1979"): the
    table's layout vouches for the name as a qualifier does."""
    line_start, line_end = line_bounds(text, m.start)
    if text.count("|", line_start, line_end) < 2:
        return False
    before = text[line_start : m.start].rstrip(" \t")
    after = text[m.end : line_end].lstrip(" \t")
    return (not before or before.endswith("|")) and (not after or after.startswith("|"))


def _besides_namesake(loc: Located, others: list[Located]) -> tuple[Place, ...]:
    """The readings of a bare name left when the same sentence names it again later with a qualifier ("Durham has
    sister cities — Arusha, Toyama and of course Durham in England"): a sentence naming it twice names two places, so
    the qualifier's country is not this one's (empty when nothing is left out)."""
    if loc.qualified:
        return ()
    taken = {
        o.candidates[0].country
        for o in others
        if o.qualified and o.start > loc.end and o.candidates[0].name == loc.candidates[0].name
    }
    left = tuple(c for c in loc.candidates if c.country not in taken)
    return left if taken and left else ()


def choose(loc: Located, others: list[Located], context: Counter[str]) -> Place:
    """Resolve a homonym: a known pair with a place in the same sentence, then region/state agreement, then
    countries/states named in the text, then its country's words and one-country towns (_by_named_places), then the
    prior (curated, population)."""
    cands = loc.candidates
    if len(cands) == 1 or len({(c.name, c.country, c.level) for c in cands}) == 1:
        return cands[0]
    cands = _besides_namesake(loc, others) or cands
    for c in cands:
        if any(is_known(c, o.candidates[0]) for o in others if o is not loc):
            return c
    # beside a region, a name that is also a region's is the region; not a national capital ("relations between Tokyo
    # and Seoul", "Tokyo and Gyeonggi Province")
    if (
        "capital" not in cands[0].flags
        # (a province the gazetteer lacks, named only by its centre's name, is too weak a sign: "emigrants from the
        # province of Cuneo")
        and any(o.candidates[0].level == "region" and "unlisted" not in o.candidates[0].flags for o in others if o is not loc)
        and not (cands[0].level == "city" and loc.city_noun)
    ):
        regions = [c for c in cands if c.level == "region"]
        if regions:
            return regions[0]
    if not loc.qualified:
        top = cands[0]
        if context[f"{top.country}:{top.admin1}"] == 0 and context[top.country] == 0:
            for c in cands[1:]:
                if "small" in c.flags and not context[f"cue:{c.country}"]:
                    break  # a small homonym never beats a bigger place without its own qualifier or its country's words
                if context[f"{c.country}:{c.admin1}"] or (context[c.country] and c.country != "US"):
                    return c
        rival = _by_named_places(cands, context)
        if rival is not None:
            return rival
    return cands[0]


def _by_named_places(cands: tuple[Place, ...], context: Counter[str]) -> Place | None:
    """In a text with its country's words ("Town Council", "£"), the reading of that country when its countries and
    one-country towns clearly outnumber the first reading's ("Durham" beside Peterlee, Newton Aycliffe, "councillors");
    the homonym's own namesakes, their qualifiers and regions named after it ("Durham County") count for neither."""

    def weight(c: Place) -> int:
        return context[c.country] + context[f"place:{c.country}"] - context[f"named:{c.country}:{c.name}"]

    best = max(cands, key=weight)
    if context[f"cue:{best.country}"] and weight(best) >= weight(cands[0]) + P.HOMONYM_MARGIN:
        return best
    return None
