"""The name a pair gives a place: the canonical name, or the spelling the text itself uses for it."""

from __future__ import annotations

from difflib import SequenceMatcher

from extract import patterns as P
from extract.gazetteer import Place, is_surface
from extract.tagging_places import Located
from extract.transcription import plain_words


def _same_name(written: str, canonical: str) -> bool:
    """True when `written` is another romanisation of the canonical name ("Ghent" for Gent, "Beit Jala" for Bayt
    Jala), not another name for the place, nor the name with or without its region word or a last letter."""
    w, c = plain_words(written), plain_words(canonical)
    short, long = sorted((w, c), key=len)
    if long.startswith(short):  # the same name, with a region word ("Washington State") or a letter lost ("Roanok")
        return False
    return SequenceMatcher(None, w, c).ratio() >= P.WRITTEN_SPELLING_RATIO


def written_names(text: str, resolved: list[tuple[Located, Place, int]]) -> dict[str, str]:
    """Place key -> the spelling the text uses, where the annotation rule keeps it: a foreign place (outside the
    countries whose English names follow Russian transliteration) written in Latin letters in a close variant of its
    canonical name and never in the canonical form itself."""
    seen: dict[str, list[str]] = {}
    for loc, place, _ in sorted(resolved, key=lambda r: r[0].start):
        surface = text[loc.start : loc.end]
        if surface == place.name or place.country in P.TRANSLITERATED_COUNTRIES:
            continue  # the canonical spelling itself (most mentions), or a name the annotation rule fixes
        # only a spelling the gazetteer lists: a misspelling it was matched by sound ("Tromse") is normalised
        if not P.CYRILLIC_RE.search(surface) and is_surface(surface):
            seen.setdefault(place.key, []).append(surface)
    out = {}
    plain_text = ""
    places = {p.key: p for _, p, _ in resolved}
    for key, surfaces in seen.items():
        place = places[key]
        first = next((s for s in surfaces if _same_name(s, place.name)), None)
        if first is None:
            continue
        plain_text = plain_text or f" {plain_words(text)} "  # only for texts with such a spelling
        if f" {plain_words(place.name)} " not in plain_text:  # the text also writes the canonical name ("Kunsan (Gunsan)")
            out[key] = first
    return out
