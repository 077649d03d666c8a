"""Russian case forms of place names with pymorphy3 (build time only; used by build_gazetteer.py)."""

from __future__ import annotations

import itertools

import pymorphy3

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Paradigm donors for names pymorphy3 cannot analyse as a singular noun (Хэфэй, Сухум): the endings of a
# dictionary city with the same final letter are applied to the unknown name.
ANALOGS = {"й": "Шанхай", "ь": "Ярославль", "а": "Тула", "я": "Филадельфия"}
DEFAULT_ANALOG = "Магадан"

MORPH = pymorphy3.MorphAnalyzer()


def pick_parse(word: str, adjective: bool) -> pymorphy3.analyzer.Parse | None:
    """Choose the nominative singular analysis of a name word (Geox first), or None."""
    best = None
    for p in MORPH.parse(word):
        t = p.tag
        if "nomn" not in t or ("sing" not in t and "Pltm" not in t):
            continue
        if adjective != (t.POS == "ADJF"):
            continue
        rank = ("Geox" in t) * 4 + (t.POS in ("NOUN", "ADJF")) * 2 + p.score
        if best is None or rank > best[0]:
            best = (rank, p)
    return best[1] if best else None


def analog_forms(word: str) -> list[str]:
    """Decline an unknown name with the paradigm of a dictionary city that ends the same way."""
    donor = ANALOGS.get(word[-1].lower(), DEFAULT_ANALOG)
    p = pick_parse(donor, False)
    if p is None:
        return [word]
    cut = 1 if donor[-1].lower() in ANALOGS else 0  # vowel/soft endings are replaced, consonants kept
    stem, donor_stem = word[: len(word) - cut], donor[: len(donor) - cut].lower()
    forms = [f.word for c in CASES if (f := p.inflect({c})) is not None and f.word.startswith(donor_stem)]
    return [stem + f[len(donor_stem) :] for f in forms] or [word]


def regular_forms(word: str) -> list[str]:
    """Regular masculine endings of a foreign name (no fleeting vowel: Тэджон -> Тэджоном, Пльзень -> Пльзенем),
    added to pymorphy3's forms, which may guess a Russian-style fleeting vowel (Тэджна)."""
    last = word[-1].lower()
    if last == "ь":
        return [word[:-1] + e for e in ("я", "ю", "ем", "е")]
    if last in "бвгджзклмнпрстфхцчшщ":
        soft = last in "жчшщц"
        return [word + e for e in ("а", "у", "ем" if soft else "ом", "е")]
    return []


def word_forms(word: str, adjective: bool) -> list[str]:
    """All case forms of one word of a name, keeping its capitalisation."""
    head, _, tail = word.rpartition("-")
    if adjective and head and pick_parse(tail, True) is not None:
        # Compound adjectives decline their last part only: Восточно-Казахстанской, Ханты-Мансийского.
        return list(dict.fromkeys([word] + [f"{head}-{f}" for f in word_forms(tail, True)]))
    p = pick_parse(word, adjective)
    if p is not None and "-" in word and "Geox" not in p.tag:
        p = None  # hyphenated foreign names (Сан-Хосе, Де-Мойн): pymorphy guesses split them badly
    if p is None:
        if adjective or len(word) < 4 or word[-1].lower() in "оиеуэюы":
            return [word]  # indeclinable foreign names (Сочи, Сан-Диего, Олбани)
        forms = analog_forms(word) + [f.lower() for f in regular_forms(word)]  # Бюсси-Сен-Жоржем, not -ом
    elif "Fixd" in p.tag:
        return [word]
    else:
        forms = [(p.inflect({c, "sing"}) or p.inflect({c}) or p).word for c in CASES]
        if not adjective and len(word) >= 4 and ("Geox" in p.tag or not MORPH.word_is_known(word.lower())):
            # The paradigm may give a foreign name a fleeting vowel (Тэджна): add the regular one too (not to
            # common nouns such as "область", whose dictionary paradigm is right).
            forms += [f.lower() for f in regular_forms(word)]
    return list(dict.fromkeys([word] + [recase(f, word) for f in forms]))


def recase(form: str, original: str) -> str:
    """Give a generated form the capitals of the original, part by hyphenated part (Нью-йорка -> Нью-Йорка)."""
    parts, orig = form.split("-"), original.split("-")
    if len(parts) != len(orig):
        return form[0].upper() + form[1:] if original[0].isupper() else form
    return "-".join(p[0].upper() + p[1:] if o[:1].isupper() and p else p for p, o in zip(parts, orig))


def agreed_forms(adj: str, noun: str) -> list[str] | None:
    """Case forms of "adjective + common noun" names with both words in the same case (Брестской области,
    Выруским уездом), or None for other names (then every combination is kept)."""
    head, _, tail = adj.rpartition("-")  # a compound adjective declines its last part: Восточно-Казахстанской
    pa, pn = pick_parse(tail, True), pick_parse(noun, False)
    if pa is None or pn is None or "-" in noun or "Geox" in pn.tag:
        return None  # city names keep every combination: texts write "с Нижнем Новгородом"
    out = [f"{adj} {noun}"]
    for case in CASES:
        # The accusative of an adjective follows its noun's animacy (Нижний Новгород, not "Нижнего Новгород").
        a = pa.inflect({case, "inan"} if case == "accs" and "masc" in pa.tag else {case}) or pa.inflect({case})
        n = pn.inflect({case, "sing"}) or pn.inflect({case})
        if a is None or n is None:
            return None
        word = recase(a.word, tail)
        out.append(f"{head}-{word} {recase(n.word, noun)}" if head else f"{word} {recase(n.word, noun)}")
    return list(dict.fromkeys(out))


def plural_forms(words: list[str]) -> list[str] | None:
    """Case forms of a name whose every word is a plural nominative (Великие Луки -> Великих Луках, Набережные
    Челны, Карловы Вары), its words agreeing in case; None for other names."""
    parses = []
    for i, w in enumerate(words):
        pos = ("ADJF", "NOUN") if i < len(words) - 1 else ("NOUN",)
        found = [p for p in MORPH.parse(w) if {"plur", "nomn"} <= p.tag.grammemes and p.tag.POS in pos]
        if not found:
            return None
        parses.append(max(found, key=lambda p: (p.tag.POS == pos[0], p.score)))
    out = [" ".join(words)]
    for case in CASES:
        # a town is inanimate: its accusative is its nominative (Великие Луки, not "Великих Луки")
        wanted = {case, "plur", "inan"} if case == "accs" else {case, "plur"}
        forms = [p.inflect(wanted) or p.inflect({case, "plur"}) for p in parses]
        if any(f is None for f in forms):
            return None
        out.append(" ".join(recase(f.word, w) for f, w in zip(forms, words) if f is not None))
    return list(dict.fromkeys(out))


def ru_forms(name: str) -> list[str]:
    """Case forms of a (possibly multi-word) Russian name; two-word names also in mixed cases."""
    words = name.split()
    if len(words) >= 2 and (plural := plural_forms(words)):
        return plural
    if len(words) == 1:
        # Adjectival town names (Пограничный, Октябрьский) decline as adjectives: Пограничного, Пограничным.
        adjective = pick_parse(name, False) is None and pick_parse(name, True) is not None
        return word_forms(name, adjective)
    kinds = [pick_parse(w, True) is not None and i < len(words) - 1 for i, w in enumerate(words)]
    if len(words) == 2 and kinds[0] and (agreed := agreed_forms(words[0], words[1])):
        return agreed
    per = [word_forms(w, k) for w, k in zip(words, kinds)]
    if len(words) == 2:
        return [" ".join(c) for c in itertools.product(*per)]
    width = max(len(f) for f in per)
    return list(dict.fromkeys(" ".join(f[min(i, len(f) - 1)] for f in per) for i in range(width)))


def russian_rank(name: str) -> tuple[bool, int, str]:
    """Order of a city's Cyrillic alternates: names the Russian dictionary knows as places first (Чебоксары before
    the Chuvash Шупашкар, Бобруйск before the Belarusian Бабруйск), then short ones, then alphabetical (a fixed
    order: sets iterate by string hash)."""
    # Only dictionary analyses: pymorphy3 guesses Geox for any unknown word in -ск (Belarusian Бабруйск).
    geox = any(p.is_known and "Geox" in p.tag and "nomn" in p.tag for p in MORPH.parse(name.split()[-1]))
    return (not geox, len(name), name)


def russian_word(surface: str) -> bool:
    """True when every word of a surface is in the Russian dictionary as a common word («Курьер»), not a name."""
    return all(
        MORPH.word_is_known(w.lower()) and not any(p.tag.grammemes & NAME_TAGS for p in MORPH.parse(w))
        for w in surface.replace("-", " ").split()
    )


NAME_TAGS = {"Geox", "Name", "Surn", "Patr", "Orgn"}


TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "_", "y", "_", "e", "yu", "ya"],
        strict=True,
    )
)


def is_dictionary_place(name: str) -> bool:
    """True when the Russian dictionary knows every word of the name as a place name (Рогачёв, Марьина Горка)."""
    return all(any(p.is_known and "Geox" in p.tag for p in MORPH.parse(w)) for w in name.replace("-", " ").split())


def romanise(name: str) -> str:
    """English news romanisation of a Russian name (Рогачёв -> Rogachev, Мозырь -> Mozyr, Жодино -> Zhodino)."""
    low = name.lower()
    for ending in ("ий", "ый"):  # Октябрьский -> Oktyabrsky, not -skiy
        low = " ".join(w[:-2] + "y" if w.endswith(ending) else w for w in low.split(" "))
    latin = "".join(TRANSLIT.get(c, c) for c in low).replace("_", "")
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in latin.split(" "))
