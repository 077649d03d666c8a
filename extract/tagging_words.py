"""The words around a place mention: the word before and after it, sentence starts, a demonym before it, and the
Russian analyser's readings of a word (shared by the place filters and the passes for names the gazetteer lacks)."""

from __future__ import annotations

from functools import lru_cache

import pymorphy3

from extract import patterns as P
from extract.gazetteer import common_english


@lru_cache(maxsize=1024)
def prev_word(text: str, start: int) -> str:
    """The word right before `start` on the same line (with a trailing period kept: "Gov."); cached, as several
    filters ask it of the same mention (a text's hash is computed once)."""
    head = text[max(0, start - 40) : start]
    trimmed = head.rstrip(" \t")
    if trimmed == head or not trimmed or trimmed.endswith("\n"):
        return ""
    return trimmed.split()[-1] if trimmed.split() else ""


def next_word(text: str, end: int) -> str:
    """The word right after `end` on the same line."""
    tail = text[end : end + 40]
    if not tail.startswith(" "):
        return ""
    return tail[1:].split(" ")[0].split("\n")[0].strip(',.;:)»"')


def is_sentence_start(text: str, pos: int) -> bool:
    """True when only punctuation/space separates `pos` from a line start or sentence end."""
    i = pos - 1
    while i >= 0 and text[i] in ' \t"“«(•*-–—':
        i -= 1
    if i >= 0 and text[i] == "." and text[max(0, i - 4) : i + 1].split(" ")[-1] in P.PERSON_TITLES:
        return False  # "Mr. Kotaro Yamaguchi": the period ends a title, not a sentence
    return i < 0 or text[i] in "\n.!?:;"


@lru_cache(maxsize=1)
def morph() -> pymorphy3.MorphAnalyzer:
    """The Russian analyser (loaded once, only when a text needs it)."""
    return pymorphy3.MorphAnalyzer()


def preload() -> None:
    """Load the Russian analyser and the English word list now rather than on first use."""
    morph()
    common_english()


@lru_cache(maxsize=65536)
def has_grammeme(word: str, grammeme: str) -> bool:
    """True when some reading of a Russian word carries the grammeme (Name, Patr); cached, as names repeat."""
    return any(grammeme in x.tag for x in morph().parse(word))


@lru_cache(maxsize=65536)
def function_word(word: str) -> bool:
    """True for a dictionary word of a function class (adverb, preposition…); cached, as sentence openers repeat."""
    # Only dictionary words: pymorphy3's guesses for foreign names (Эссен, Хэфэй) are unreliable.
    return morph().word_is_known(word) and morph().parse(word)[0].tag.POS in P.RU_WORD_CLASSES


def demonym_before(text: str, start: int) -> str | None:
    """Country of a demonym right before offset `start` ("Russian city of Stavropol", "китайским Хэфэем")."""
    window = text[max(0, start - 40) : start]
    head = window.rstrip(" \t")
    if head == window:
        return None  # the pattern ends in a space or tab
    k = len(head)
    while k and (head[k - 1].isalnum() or head[k - 1] == "_"):
        k -= 1
    if not head[k:].startswith(P.DEMONYM_LAST_WORDS) and not head[k:].lower().startswith(P.DEMONYM_LAST_WORDS):
        return None  # the word before is neither a demonym nor the end of "city of", «городом», «сестрой»
    hit = P.DEMONYM_BEFORE.search(window)
    if hit is None and P.RU_CAPITAL_WORD.search(window):  # the second search only where lowering can change the window
        lowered = _opening_lowered(text, start - len(window), start)
        hit = P.DEMONYM_BEFORE.search(lowered) if lowered != window else None
    if not hit:
        return None
    return demonym_country(hit.group(1))


def _opening_lowered(text: str, offset: int, end: int) -> str:
    """The text from `offset` to `end` with a sentence's capitalised first Russian word in lower case: «Итальянский
    Фраскати — побратим …» opens with a demonym adjective, whose stem the demonym table has in lower case."""
    window = text[offset:end]
    return P.RU_CAPITAL_WORD.sub(
        lambda m: m.group().lower() if is_sentence_start(text, offset + m.start()) else m.group(), window
    )


def demonym_country(word: str) -> str | None:
    """The country of a demonym: an English word, or a Russian adjective by its stem ("китайским" -> CN)."""
    return P.DEMONYMS.get(word) or next((c for k, c in P.DEMONYMS.items() if word.lower().startswith(k)), None)


@lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """The word and its dictionary forms (of its first part when hyphenated), lowercase, for transcription; cached,
    as names repeat."""
    head, sep, rest = word.lower().partition("-")
    forms = {head} | {p.normal_form for p in morph().parse(head)[:4]}
    return tuple(sorted(f + sep + rest for f in forms))


@lru_cache(maxsize=65536)
def common_noun(word: str) -> bool:
    """True for a dictionary common noun («Конгресс», «Мэрия»): a word, not a foreign name."""
    return any(
        p.is_known and p.tag.POS == "NOUN" and not {"Geox", "Name", "Surn", "Orgn"} & p.tag.grammemes
        for p in morph().parse(word)[:1]
    )
