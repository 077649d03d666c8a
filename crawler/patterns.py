"""Listing-text anchors of the three sites as named, compiled constants (the crawler's patterns module).

URL rules live in `crawler/urls.py`; these read metadata out of listing items by text, not by class
names, because the real class names are unknown or guessed (sources.md §1.8, §2.3).
"""

from __future__ import annotations

import re

DMY_DATE = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")  # Russkiy Mir listing and article dates [E]
EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december")  # fmt: skip
RU_MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                      "октября", "ноября", "декабря")  # fmt: skip
# Embassy listing dates: "09 august" with no year [E]; "09 августа" on the Russian tree [G].
DAY_MONTH = re.compile(
    r"(?<!\d)(\d{1,2})\s+(" + "|".join(EN_MONTHS + RU_MONTHS_GENITIVE) + r")\b(?:\s*/\s*(\d{4}))?",
    re.IGNORECASE,
)
SUBJECT = re.compile(r"(?:Subject|Тема):\s*([^\n]+?)\s*$", re.MULTILINE)  # "Subject: Politics" [E]
RUBRIC = re.compile(r"(?:Rubric|Рубрика):\s*([^\n]+?)\s*$", re.MULTILINE)
PAGEN = re.compile(r"(?:^|&)PAGEN_1=(\d+)(?:&|$)", re.IGNORECASE)  # Bitrix pager parameter [E]
SITEMAP_NEWS = re.compile(r"/sitemap_news(\d+)\.xml$")  # TASS news sitemaps, N = 0 newest [E]
