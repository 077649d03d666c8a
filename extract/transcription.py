"""Foreign places that a Russian text names in a transcription the gazetteer lacks («немецким Коттбусом»,
«Трумсё (Норвегия)»): matched by sound skeleton among the places of the country the text gives them."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import cache, lru_cache
from itertools import groupby

from extract import patterns as P
from extract.gazetteer import Place, load, places_named


def plain_words(name: str) -> str:
    """Lowercase accent-free words, one space between them ("Bandar-e Anzalī" -> "bandar e anzali")."""
    folded = unicodedata.normalize("NFKD", name.translate(P.UNFOLDABLE)).encode("ascii", "ignore").decode()
    return " ".join(_NOT_WORD.sub(" ", folded.lower()).split())


def _plain(name: str) -> str:
    """The letters of plain_words only ("Tromsø" -> "tromso", "Veliko Tarnovo" -> "velikotarnovo")."""
    return _NOT_LETTER.sub("", plain_words(name))


_NOT_WORD = re.compile(r"[^a-z0-9]")
_NOT_LETTER = re.compile(r"[^a-z]")


def romanise(word: str) -> str:
    """Russian letters to Latin ones (Коттбус -> kottbus)."""
    return "".join(P.RU_LATIN.get(c, c) for c in word.lower())


def skeleton(latin: str) -> str:
    """The consonants a transcription keeps, spelled one way ("cheltenham" and "cheltnem" -> "kltnm")."""
    return _consonants(_spelled(latin))


def _consonants(spelled: str) -> str:
    """Vowels and h dropped, doubled letters merged."""
    return "".join(letter for letter, _ in groupby(P.SKELETON_DROP.sub("", spelled)))


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[Place, ...]]:
    """Country -> its cities (a region is named with its region word, «провинция», «префектура»)."""
    out: dict[str, list[Place]] = {}
    for place in load().places:
        if place.level == "city":
            out.setdefault(place.country, []).append(place)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _by_skeleton(country: str) -> dict[str, tuple[Place, ...]]:
    """Skeleton -> the cities of `country` whose name has it, largest first (built per country on first use); a name
    with "ng" is also filed without the g, as Russian writes Korean and Chinese names («Донхэ» for Donghae), and every
    name under "=" and its plain spelling."""
    index: dict[str, list[Place]] = {}
    for place in _cities().get(country, ()):
        plain = _plain(place.name)
        spellings = {_rewrite(plain), _rewrite(plain.replace("ng", "n"))} if "ng" in plain else {_rewrite(plain)}
        # also under the voiceless onset, where Russian writes it so ("Donghae" also under «Тонхэ»'s "tn")
        keys = {_consonants(x) for x in spellings | {_devoiced(x, country) for x in spellings}} | {"=" + plain}
        for key in keys:
            if len(key) >= 2:
                index.setdefault(key, []).append(place)
    return {k: tuple(sorted(v, key=lambda p: -p.rank)) for k, v in index.items()}


@lru_cache(maxsize=65536)
def transcribed_place(lemmas: tuple[str, ...], country: str) -> Place | None:
    """The place of `country` whose name a Russian lemma transcribes, when one is close enough, else None."""
    best: tuple[float, Place] | None = None
    for lemma in lemmas:
        latin = romanise(lemma)
        exact = _by_skeleton(country).get("=" + _plain(latin))
        if exact:  # «Ош» is Osh: too short for a skeleton, but spelled the same
            return exact[0]
        found = _closest(latin, country, P.TRANSCRIPTION_RATIO, voiceless=True)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return best[1] if best else None


@lru_cache(maxsize=65536)
def known_spelling(name: str, country: str) -> Place | None:
    """The gazetteer place of `country` that a Latin name not found as written spells: the same letters
    ("Rhineland-Palatinate") or a close misspelling of a city ("Tromse" for Tromsø, "Wladimir" for Vladimir);
    cached, as list pages and crawls name the same towns again."""
    for form in (name, name.replace("-", " ")):
        exact = [p for p in places_named(form) if p.country == country]
        if exact:
            return exact[0]
    least = P.MISSPELLING_RATIO
    found = _closest(name, country, least) or _closest(name, country, least, transposed=True)
    return found[1] if found else None


def _closest(
    latin: str, country: str, least: float, voiceless: bool = False, transposed: bool = False
) -> tuple[float, Place] | None:
    """The city of `country` with the same skeleton whose spelling is closest to `latin` (and at least `least`
    alike), with that likeness; «Вёрт» is not Overath: a name starts with the same sound in both spellings (a
    Russian transcription, `voiceless`, may write the country's voiced onsets voiceless: «Тонхэ» ~ Donghae).
    `transposed`: the skeleton with two neighbouring consonants swapped instead, a typing slip ("Khabarovks")."""
    spelled = _spelled(latin)
    mine = _devoiced(spelled, country) if voiceless else spelled
    skeleton = _consonants(spelled)
    keys = [skeleton]
    if transposed:  # only asked when the plain skeleton found nothing
        keys = [skeleton[:i] + skeleton[i + 1] + skeleton[i] + skeleton[i + 2 :] for i in range(len(skeleton) - 1)]
    index = _by_skeleton(country)
    best: tuple[float, Place] | None = None
    for key in keys:
        for place in index.get(key, ()):
            other = _devoiced(_spelled(place.name), country) if voiceless else _spelled(place.name)
            if _onset(mine) != _onset(other):
                continue
            ratio = SequenceMatcher(None, mine, other).ratio()
            if ratio >= least and (best is None or ratio > best[0]):
                best = (ratio, place)
    return best


def _devoiced(spelled: str, country: str) -> str:
    """The name with a voiced onset written voiceless, where the country's Russian transcription does so
    (patterns.VOICELESS_ONSETS); unchanged elsewhere."""
    onsets = P.VOICELESS_ONSETS.get(country)
    if not onsets or not spelled or spelled[0] not in onsets:
        return spelled
    return onsets[spelled[0]] + spelled[1:]


def _onset(spelled: str) -> str:
    """How a name starts: its first consonant, or "V" for a vowel (a silent h aside: Holguín ~ «Ольгин»)."""
    s = spelled.lstrip("h")
    return "V" if not s or s[0] in "aeiouy" else s[0]


def _spelled(latin: str) -> str:
    """The name with one spelling per sound but its vowels kept, to rank places of one skeleton ("vort" for Wörth is
    closer to «Вёрт» than "overat")."""
    return _rewrite(_plain(latin))


def _rewrite(plain: str) -> str:
    """One spelling per sound (see patterns.SKELETON_REWRITES)."""
    for old, new in P.SKELETON_REWRITES:
        plain = plain.replace(old, new)
    return plain
