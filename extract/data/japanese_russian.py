"""Russian spellings of Japanese place names from their Hepburn romanisation (build time only).

Russian texts write Japanese towns in the Polivanov system (Maizuru -> Маидзуру, Wakkanai -> Вакканай, Otaru -> Отару),
and GeoNames gives a Russian name to only about a third of Japan's cities. The system is a fixed syllable table, so
it is written here once rather than listed town by town. Russian usage also writes "е" for Polivanov's "э" after a
consonant (Немуро), so both spellings are returned.
"""

from __future__ import annotations

import unicodedata

# Hepburn syllables (longest first) -> Polivanov.
SYLLABLES = {
    **{c + v: r for c, row in {
        "ky": ("кя", "кю", "кё"), "gy": ("гя", "гю", "гё"), "sh": ("ся", "сю", "сё"), "ch": ("тя", "тю", "тё"),
        "ny": ("ня", "ню", "нё"), "hy": ("хя", "хю", "хё"), "my": ("мя", "мю", "мё"), "ry": ("ря", "рю", "рё"),
        "by": ("бя", "бю", "бё"), "py": ("пя", "пю", "пё"), "j": ("дзя", "дзю", "дзё"),
    }.items() for v, r in zip("auo", row)},
    "shi": "си", "chi": "ти", "tsu": "цу", "ji": "дзи", "fu": "фу",
    **{c + v: r + s for c, r in {
        "k": "к", "g": "г", "s": "с", "z": "дз", "t": "т", "d": "д", "n": "н", "h": "х", "b": "б", "p": "п",
        "m": "м", "r": "р",
    }.items() for v, s in zip("aiueo", "аиуэо")},
    "zu": "дзу", "ya": "я", "yu": "ю", "yo": "ё", "wa": "ва", "wo": "о",
    "a": "а", "i": "и", "u": "у", "e": "э", "o": "о",
}
VOWELS = "aiueo"


def _fold(name: str) -> str:
    """Lowercase ASCII romaji: macrons dropped (Ōtsu -> otsu), apostrophes and hyphens removed."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain.lower().replace("'", "").replace("-", "").replace("’", "")


def polivanov(name: str) -> list[str]:
    """Russian spellings of a one-word Hepburn name, or [] when it does not parse as Japanese syllables."""
    s, out, i = _fold(name), [], 0
    if not s.isalpha() or not s.isascii() or "-" in name:
        return []  # "Shin-Yokohama": compounds are written with their own hyphen rules
    glides = []
    while i < len(s):
        if s[i] == "n" and (i + 1 == len(s) or s[i + 1] not in VOWELS + "y"):
            out.append("м" if i + 1 < len(s) and s[i + 1] in "bmp" else "н")  # syllabic n (Gunma -> Гумма)
            i += 1
            continue
        if s[i] == "m" and i + 1 < len(s) and s[i + 1] in "bp":
            out.append("м")  # Hepburn's "m" for syllabic n before b/p (Shimbashi -> Симбаси)
            i += 1
            continue
        if i + 1 < len(s) and s[i] == s[i + 1] and s[i] not in VOWELS + "n":
            following = next((SYLLABLES[s[i + 1 : i + 1 + k]] for k in (3, 2) if s[i + 1 : i + 1 + k] in SYLLABLES), "")
            if not following:
                return []
            out.append(following[:1])  # a doubled consonant (Wakkanai -> Вакканай, Nisshin -> Ниссин)
            i += 1
            continue
        if s[i] == "t" and s[i + 1 : i + 3] == "ch":
            out.append("т")  # Hepburn "tch" (Hatchōbori): a doubled ch
            i += 1
            continue
        for size in (3, 2, 1):
            piece = s[i : i + size]
            if piece in SYLLABLES:
                # "i" after a vowel is the glide "й" (Wakkanai -> Вакканай, Oita -> Оита keeps its syllable)
                glide = piece == "i" and i > 0 and s[i - 1] in "aueo" and (i + 1 == len(s) or s[i + 1] not in VOWELS)
                if glide:
                    glides.append(len(out))
                out.append("й" if glide else SYLLABLES[piece])
                i += size
                break
        else:
            return []
    # Russian usage also keeps a glide inside a word as a vowel (Майдзуру / Маидзуру, Ойта / Оита).
    vowel = ["и" if k in glides and k + 1 < len(out) else c for k, c in enumerate(out)]
    spellings = []
    for parts in (out, vowel):
        word = "".join(parts)
        word = word[:1].upper() + word[1:]
        spellings += [word, _e_after_consonant(word)]
    return list(dict.fromkeys(spellings))


def _e_after_consonant(s: str) -> str:
    """Russian habit: "е" for Polivanov's "э" after a consonant (Нэмуро -> Немуро)."""
    low = s.lower()
    return "".join("е" if c == "э" and k > 0 and low[k - 1] not in "аиуэоёюяй" else c for k, c in enumerate(s))
