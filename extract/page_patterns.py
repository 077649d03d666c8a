"""Every regex and text marker used by body, date, language and cleanup code, compiled once at import.

Markers come from the stored page texts described in `docs/sources.md` (§1.4, §1.5, §2.4, §3.1, §3.2 of the
research notes, copied into the project as rules, not read at run time). The tagger's vocabularies live in
`extract/patterns.py`; this module holds only page-structure patterns.
"""

from __future__ import annotations

import re

# --- dates -------------------------------------------------------------------------------------------------

# Russian genitive month names, as they follow a day number ("13 октября"). Kept as data (not derived from a
# locale at run time) so parsing does not depend on which CLDR version is installed; a test checks them
# against Babel's CLDR data.
RU_MONTHS_GENITIVE: tuple[str, ...] = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip

# Russkiy Mir articles and listings: "16.03.2020" (§1.5); the old site "29.03.12 14:02".
DMY_DATE = re.compile(r"(?<![\d.])(\d{2})\.(\d{2})\.(\d{4})(?![\d.])")
DMY_DATE_LINE = re.compile(r"^\s*(\d{2})\.(\d{2})\.(\d{4})\s*$")
DMY_SHORT_DATE = re.compile(r"(?<![\d.])(\d{2})\.(\d{2})\.(\d{2})(?:\s+\d{1,2}:\d{2})?(?![\d.])")

# Embassy articles: "13 october / 2020", "13 октября / 2020" (§2.4): the whole element text is the date.
DAY_MONTH_SLASH_YEAR_LINE = re.compile(r"^\s*(\d{1,2})\s+([^\W\d_]+)\s*/\s*(\d{4})\s*$")
# Embassy listings: "09 august", no year (§2.3).
DAY_MONTH_LINE = re.compile(r"^\s*(\d{1,2})\s+([^\W\d_]+)\.?\s*$")
# tass.ru visible date "13 октября 2020, 19:05", Moscow time (generation 1 `span.b-material__date`, §3.2).
DAY_MONTH_YEAR_TIME_LINE = re.compile(r"^\s*(\d{1,2})\s+([^\W\d_]+)\s+(\d{4}),?\s+(\d{1,2}):(\d{2})\s*$")
# RFC 3339 shape: kept exactly as the source wrote it (Z or ±HH:MM), as the gold records do.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")
# ISO 8601 date or datetime as found in JSON-LD, meta tags and `<time datetime>`.
ISO_DATETIME = re.compile(
    r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$"
)
# `<dateformat time=...>` on tass.com holds unix seconds (§3.1).
UNIX_SECONDS = re.compile(r"^\s*(\d{9,11})\s*$")
# tass.ru generation 2 writes ISO with the colons sometimes removed: "2020-10-13T190500+0300" (§3.2).
ISO_COMPACT_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):?(\d{2}):?(\d{2})([+-]\d{2}):?(\d{2})$")

# --- titles ------------------------------------------------------------------------------------------------

# og:title / <title> on TASS: "{Title} - Politics & Diplomacy - TASS" or "{Title} - TASS" (§3.1).
TASS_TITLE_SUFFIX = re.compile(r"\s+[-–—]\s+(?:[^-–—]{1,60}\s+[-–—]\s+)?(?:TASS|ТАСС)\s*$")

# --- language ----------------------------------------------------------------------------------------------

CYRILLIC_LETTER = re.compile(r"[\u0400-\u04FF]")
ANY_LETTER = re.compile(r"[^\W\d_]")
LANG_CODE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")

# --- page sanity -------------------------------------------------------------------------------------------

# A page is HTML if a tag of the document skeleton or of body content appears near the start.
HTML_TAG = re.compile(
    r"<\s*(?:!doctype|html|head|body|meta|title|div|p|h1|article|main|section|span|table)\b", re.IGNORECASE
)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

# --- cleanup: Russkiy Mir (§1.4) ---------------------------------------------------------------------------

RM_SELECT_LANGUAGE = re.compile(r"^\s*(?:Select language|Выберите язык|Выбрать язык)\s*:?\s*$", re.IGNORECASE)
RM_BREADCRUMB = re.compile(r"^\s*/?\s*Главная\s*/")
RM_PHOTO_CREDIT = re.compile(r"^\s*(?:Photo credit|Фото)\s*:.*$", re.DOTALL)
RM_CALENDAR = re.compile(r"^\s*(?:Select date\s*:?\s*)?(?:Выбрать дату в календаре\s*)+$")
RM_SELECT_DATE = re.compile(r"^\s*(?:Select date|Выбрать дату)\s*:?\s*$")
# Everything from these lines on is signature, related news or sidebar (§1.4), matched as whole lines.
RM_STOP_LINE = re.compile(
    r"^\s*(?:Russkiy Mir|Русский мир|News by subject|Новости по теме|Publications|Публикации"
    r"|New Publications|Новые публикации)\s*:?\s*$"
)

# --- cleanup: Embassy (§2.4) -------------------------------------------------------------------------------

EMB_HEADER_LINE = re.compile(
    r"^\s*(?:Embassy of the Russian Federation in the USA|Посольство Российской Федерации в США"
    r"|Phone \(consular questions\)|Телефон|/?\s*Schedule work today|/?\s*Режим работы)",
    re.IGNORECASE,
)
EMB_DATE_LINE = DAY_MONTH_SLASH_YEAR_LINE
# Footer: print and share links, the language switch.
EMB_FOOTER_LINE = re.compile(
    r"^\s*(?:Print|Версия для печати|Печать|Share|Поделиться|English|Русский|EN|RU)\s*:?\s*(?:\|.*)?$",
    re.IGNORECASE,
)
EMB_STOP_LINE = re.compile(r"^\s*(?:Print|Версия для печати|Печать|Share|Поделиться)\s*:?\s*$", re.IGNORECASE)

# --- cleanup: TASS (§3.1, §3.2) ----------------------------------------------------------------------------

TASS_CHROME_LINE = re.compile(r"^\s*(?:All news|Все новости|Updated at:?|Обновлено:?)(?:\s+.{0,40})?$")
# Elements whose class contains one of these are ads or related-news blocks inside the text (§3.1).
TASS_DROP_CLASS_TOKENS: tuple[str, ...] = ("advert", "adfox", "recommend")

# --- text post-filter --------------------------------------------------------------------------------------

WHITESPACE_RUN = re.compile(r"[ \t\u00a0]+")
BLANK_LINES = re.compile(r"\n\s*\n+")
