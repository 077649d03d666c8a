"""Listing entries: fixture articles plus deterministic listing-only filler whose pages answer 404.

Why filler: sources.md §6.7 asks for deep listings (6 pages on Russkiy Mir, 4 on the Embassy, ~60 API items
per TASS section) but only ~20 full pages per site, "so the spider copes with dead links" [G]. Filler is built
from fixed word lists and arithmetic on the fixtures' ids and dates: no clock, no randomness.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from replica.fixtures import MOSCOW, Article
from replica.site_common import plain, teaser_of


@dataclass(frozen=True)
class Entry:
    """One item of a listing, feed or API page."""

    path: str
    title: str
    day: date
    unix: int
    teaser: str
    subject: str = ""
    rubric: str = ""
    credit: str = ""
    article: Article | None = None  # None: listing-only filler (its page is a 404)


RM_EVENTS = {
    "en": (
        "Russian Language Week opened",
        "Pushkin reading contest held",
        "Exhibition of Russian icons opened",
        "Compatriots' forum held",
        "Russian Centre marked its anniversary",
        "Summer camp for young compatriots opened",
        "Total Dictation written",
        "Festival of Russian books took place",
        "Folk ensemble gave a concert",
        "Teachers of Russian gathered for a seminar",
    ),
    "ru": (
        "Открылась Неделя русского языка",
        "Прошёл конкурс чтецов имени Пушкина",
        "Открылась выставка икон",
        "Состоялся форум соотечественников",
        "Русский центр отметил юбилей",
        "Открылся лагерь для юных соотечественников",
        "Написан Тотальный диктант",
        "Прошёл фестиваль русской книги",
        "Фольклорный ансамбль дал концерт",
        "Преподаватели русского языка собрались на семинар",
    ),
}
RM_PLACES = {
    "en": (
        "Belgrade",
        "Yerevan",
        "Hanoi",
        "Buenos Aires",
        "Riga",
        "Bishkek",
        "Sofia",
        "Rome",
        "Prague",
        "Lima",
        "Baku",
    ),
    "ru": (
        "в Белграде",
        "в Ереване",
        "в Ханое",
        "в Буэнос-Айресе",
        "в Риге",
        "в Бишкеке",
        "в Софии",
        "в Риме",
        "в Праге",
        "в Лиме",
        "в Баку",
    ),
}
RM_SUBJECTS = {  # "Общество" on the English site is an untranslated label [E]
    "en": (
        "Culture",
        "Education",
        "Diaspora",
        "Russian Language",
        "Community",
        "History",
        "Общество",
        "Religion",
    ),
    "ru": ("Культура", "Образование", "Диаспора", "Русский язык", "Общество", "История"),
}
FOUNDATION_NEWS = {"en": "Foundation news", "ru": "Новости Фонда"}
EMB_TOPICS = {
    "en": (
        "Comment by the Embassy on the new sanctions",
        "Ambassador Anatoly Antonov met with members of Congress",
        "Statement of the Embassy regarding the visa situation",
        "Consular reception for compatriots",
        "The Embassy held a wreath-laying ceremony",
        "Answer of the Embassy to a media question",
        "Ambassador gave an interview to a US newspaper",
        "Russian diplomats visited a detained compatriot",
    ),
    "ru": (
        "Комментарий Посольства в связи с новыми санкциями",
        "Посол А.И.Антонов встретился с конгрессменами",
        "Заявление Посольства о визовой ситуации",
        "Консульский приём для соотечественников",
        "В Посольстве прошла церемония возложения венков",
        "Ответ Посольства на вопрос СМИ",
    ),
}
TASS_TOPICS = (
    "Kremlin comments on talks",
    "Lavrov holds phone call with counterpart",
    "Duma passes bill in first reading",
    "Security Council discusses regional issues",
    "Ministry reports on consultations",
    "Diplomat briefs reporters on visit",
    "Envoy meets with delegation",
    "Senator comments on report",
)


def from_article(art: Article) -> Entry:
    """A listing entry for a fixture, using its optional `listing` metadata."""
    return Entry(
        path=art.path,
        title=art.title,
        day=art.day,
        unix=art.unix,
        teaser=art.listing.get("teaser") or teaser_of(art.paragraphs),
        subject=art.listing.get("subject", ""),
        rubric=art.listing.get("rubric", ""),
        credit=art.page.get("photo_credit", ""),
        article=art,
    )


def _unix(day: date, hour: int = 12) -> int:
    """Unix seconds of a Moscow hour on a day."""
    return int(datetime(day.year, day.month, day.day, hour, tzinfo=MOSCOW).timestamp())


def _start(articles: list[Article], default_id: int, default_day: date) -> tuple[int, date]:
    """Filler continues below the smallest fixture id and before the oldest fixture date."""
    ids = [a.numeric_id for a in articles if a.numeric_id]
    days = [a.day for a in articles]
    return (min(ids) if ids else default_id), (min(days) if days else default_day)


def rm_filler(articles: list[Article], lang: str, prefix: str, slot: int, count: int) -> list[Entry]:
    """Russkiy Mir listing-only items under prefix, older than every fixture; slot keeps id ranges apart [I]."""
    low_id, low_day = _start(articles, 270000, date(2020, 1, 15))
    taken = {a.numeric_id for a in articles}
    out, next_id = [], low_id - 8000 * slot
    for i in range(count):
        next_id -= 89 + i % 7
        while next_id in taken:
            next_id -= 1
        day = low_day - timedelta(days=2 + 3 * i)
        title = f"{RM_EVENTS[lang][i % 10]} {'in ' if lang == 'en' else ''}{RM_PLACES[lang][(3 * i) % 11]}"
        teaser = (
            f"{title}. The event brought together compatriots, teachers and students, the organisers "
            f"report..."
            if lang == "en"
            else f"{title}. В мероприятии приняли участие соотечественники, преподаватели и студенты..."
        )
        out.append(
            Entry(
                path=f"{prefix}{next_id}/",
                title=title,
                day=day,
                unix=_unix(day),
                teaser=teaser,
                subject=RM_SUBJECTS[lang][i % len(RM_SUBJECTS[lang])],
                rubric=FOUNDATION_NEWS[lang] if i % 3 == 0 else "",
                credit="konsulmir.com" if i % 4 == 1 else "",
            )
        )
    return out


def bitrix_slug(title: str) -> str:
    """The Embassy slug rule [E, measured]: lower case, non-alphanumeric runs -> '_', cut at 100 characters."""
    out, prev_sep = [], False
    for ch in title.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            prev_sep = False
        elif not prev_sep:
            out.append("_")
            prev_sep = True
    return "".join(out).strip("_")[:100]


def embassy_filler(articles: list[Article], lang: str, count: int) -> list[Entry]:
    """Embassy listing-only items, 9 days apart so the listing crosses at least one New Year [G]."""
    _, low_day = _start(articles, 0, date(2020, 3, 1))
    out = []
    for i in range(count):
        day = low_day - timedelta(days=5 + 9 * i)
        topic = EMB_TOPICS[lang][i % len(EMB_TOPICS[lang])]
        slug = (
            f"{bitrix_slug(topic)[:80]}_{day.strftime('%d%m%y')}" if lang == "en" else f"novost_{day:%Y%m%d}"
        )
        teaser = f"{topic}."
        out.append(
            Entry(
                path=f"/{lang}/press-centre/news/{slug}/",
                title=topic,
                day=day,
                unix=_unix(day),
                teaser=teaser,
            )
        )
    return out


def tass_filler(articles: list[Article], section: str, slot: int, count: int) -> list[Entry]:
    """TASS API items of one section (slot keeps ids apart); items 9/10, 19/20, ... share a timestamp [E]."""
    low_id, low_day = _start(articles, 1200000, date(2020, 10, 1))
    out, stamp = [], _unix(low_day, 9)
    for i in range(count):
        if i % 10 != 0:  # no step at 10, 20, ...: a shared unix time across a page boundary of 10 or 20
            stamp -= 3 * 3600 + 17 * (i % 5)
        day = datetime.fromtimestamp(stamp, MOSCOW).date()
        title = f"{TASS_TOPICS[i % len(TASS_TOPICS)]} ({section}, item {i + 1})"
        out.append(
            Entry(
                path=f"/{section}/{low_id - 7 - 13 * (slot * count + i)}",
                title=title,
                day=day,
                unix=stamp,
                teaser=plain(title) + ".",
            )
        )
    return out
