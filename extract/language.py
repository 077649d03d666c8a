"""Page language (en/ru): the page's own declaration, checked against the share of Cyrillic letters."""

from __future__ import annotations

from lxml.html import HtmlElement

from extract import page_patterns as pp

SUPPORTED = frozenset({"en", "ru"})
CYRILLIC_RU = 0.5  # above this share of Cyrillic letters the text is Russian
MIN_LETTERS = 200  # below this, a text sample is too short to overrule the page's declaration
# A declaration is wrong when the text is this far on the other side (e.g. lang="ru" on an English text).
CONTRADICTION = 0.2


def declared_language(tree: HtmlElement) -> str | None:
    """Return the language the page declares in `<html lang>`, `og:locale` or `content-language`."""
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("http-equiv") or meta.get("name") or "").lower()
        if key in ("og:locale", "content-language", "language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        m = pp.LANG_CODE.match(value or "")
        if m and m[1].lower() in SUPPORTED:
            return m[1].lower()
    return None


def cyrillic_share(text: str) -> tuple[float, int]:
    """Return the share of Cyrillic among the letters of the text, and the number of letters."""
    letters = len(pp.ANY_LETTER.findall(text))
    if not letters:
        return 0.0, 0
    return len(pp.CYRILLIC_LETTER.findall(text)) / letters, letters


def text_language(text: str) -> str | None:
    """Return "ru" or "en" from the share of Cyrillic letters, or None when the text has no letters."""
    share, letters = cyrillic_share(text)
    if not letters:
        return None
    return "ru" if share > CYRILLIC_RU else "en"


def detect_language(tree: HtmlElement, text: str) -> str | None:
    """Return the declared language unless a long text clearly contradicts it, else the text's language."""
    declared = declared_language(tree)
    share, letters = cyrillic_share(text)
    if declared is None or letters < MIN_LETTERS:
        return declared or text_language(text)
    # why: CMS templates often hard-code one `lang` for both trees (an English page saying lang="ru")
    if declared == "ru" and share < CONTRADICTION or declared == "en" and share > 1 - CONTRADICTION:
        return text_language(text)
    return declared
