"""Table-driven phrases for the general rules of the second tagger round (our own sentences, English and Russian):
small towns, ISO regions, list structure, locators and hedges."""

from __future__ import annotations

import pytest

from extract.models import Pair
from extract.tagger import tag_pairs

Side = tuple[str, str]

# (text, expected set of unordered ((name, country), (name, country)) pairs)
POSITIVES: list[tuple[str, set[tuple[Side, Side]]]] = [
    # Small towns (below 40,000) count with a twinning word in their sentence.
    ("Imatra and Svetogorsk are twin towns on either side of the border.", {(("Imatra", "FI"), ("Svetogorsk", "RU"))}),
    ("Светогорск и Иматра давно стали городами-побратимами.", {(("Imatra", "FI"), ("Svetogorsk", "RU"))}),
    # First-level foreign regions (ISO 3166-2) in their English forms.
    ("Maryland and Jalisco have been sister states since 1993.", {(("Jalisco", "MX"), ("Maryland", "US"))}),
    (
        "Kanagawa Prefecture signed a sister-state agreement with Maryland.",
        {(("Kanagawa Prefecture", "JP"), ("Maryland", "US"))},
    ),
    (
        "Новосибирская область и Павлодарская область подписали соглашение о побратимстве.",
        {(("Novosibirsk Oblast", "RU"), ("Pavlodar Region", "KZ"))},
    ),
    # "Besides X, …": X is one more member of the list, not its center.
    (
        ("The Tacoma council met on Tuesday. Tacoma has several sister cities. Besides Vladivostok they include "
        "Kitakyushu (Japan), Taichung (Taiwan) and Davao (Philippines)."),
        {
            (("Tacoma", "US"), ("Vladivostok", "RU")),
            (("Kitakyushu", "JP"), ("Tacoma", "US")),
            (("Taichung", "TW"), ("Tacoma", "US")),
            (("Davao", "PH"), ("Tacoma", "US")),
        },
    ),
    (
        "Кроме Бреста, городами-побратимами Перми являются британский Оксфорд и американский Луисвилл.",
        {(("Brest", "BY"), ("Perm", "RU")), (("Oxford", "GB"), ("Perm", "RU")), (("Louisville", "US"), ("Perm", "RU"))},
    ),
    # Table rows under a sister-state heading pair regions with the page's subject.
    (
        ("Maryland Sister States Program\n\nMaryland has two sister states.\n\nSister State | Country | Year\n"
        "Jalisco | Mexico | 1993\nKanagawa Prefecture | Japan | 1981\n"),
        {(("Jalisco", "MX"), ("Maryland", "US")), (("Kanagawa Prefecture", "JP"), ("Maryland", "US"))},
    ),
    # Bullet lines under a twinning heading are list items, however long.
    (
        ("Hakodate has five sister cities. Hakodate values them.\n"
        "・Halifax (Canada) - Sister City 1982. Both are port cities with a star-shaped fortress.\n"
        "・Vladivostok (Russia) - Sister City 1992. Since 2022 the exchange is pending.\n"),
        {(("Hakodate", "JP"), ("Halifax", "CA")), (("Hakodate", "JP"), ("Vladivostok", "RU"))},
    ),
    # A dateline names the text's home place: the list "The others include …" belongs to it.
    (
        ("ROCHESTER, N.Y. — Rochester volunteers marked the twinning with Veliky Novgorod. Novgorod sent a "
        "letter; a Novgorod choir sang; Novgorod officials did not come. The tie is one of several run by Rochester "
        "council. The others include Caen (France), Hamamatsu (Japan) and Waterford (Ireland)."),
        {
            (("Rochester", "US"), ("Veliky Novgorod", "RU")),
            (("Caen", "FR"), ("Rochester", "US")),
            (("Hamamatsu", "JP"), ("Rochester", "US")),
            (("Rochester", "US"), ("Waterford", "IE")),
        },
    ),
    # A person named later does not erase the same name as a place before it.
    (
        ("Our Sister Cities\nCountry | City | Year\nJapan | Hitachi | 1982\nRussia | Pushkin | 1991\n"
        "Note: the town is named after the poet Alexander Pushkin. Birmingham, Alabama, keeps in touch. Birmingham is proud."),
        {(("Birmingham", "US"), ("Hitachi", "JP")), (("Birmingham", "US"), ("Pushkin", "RU"))},
    ),
    # Canonical English names: the short form of "X am Main" when it is the country's main X; Ukrainian "-ia".
    ("Birmingham and Frankfurt am Main are twin cities.", {(("Birmingham", "GB"), ("Frankfurt", "DE"))}),
    ("Birmingham, Alabama, and Vinnytsia are sister cities.", {(("Birmingham", "US"), ("Vinnytsia", "UA"))}),
    # "Mr. Kotaro Yamaguchi" is a person even though a period precedes the first name.
    (
        "The Mayor of Chitose, Mr. Kotaro Yamaguchi, signed the sister city reaffirmation with Anchorage.",
        {(("Anchorage", "US"), ("Chitose", "JP"))},
    ),
    # Route stops are not partners.
    (
        ("Juneau and Vladivostok are sister cities. A Juneau delegation made the trip by way of Moscow, "
        "Krasnoyarsk and Norilsk."),
        {(("Juneau", "US"), ("Vladivostok", "RU"))},
    ),
    # Foreign names take regular Russian endings; Romanian comma-below letters match their cedilla forms.
    ("Новосибирск связан побратимскими отношениями с Тэджоном.", {(("Daejeon", "KR"), ("Novosibirsk", "RU"))}),
    ("Екатеринбург подписал соглашение о побратимстве с Пльзенем.", {(("Plzeň", "CZ"), ("Yekaterinburg", "RU"))}),
    ("Constanța and Trabzon are sister cities.", {(("Constanţa", "RO"), ("Trabzon", "TR"))}),
    # Parallel clauses in one twinning sentence: "X and Y …, and Z and W …".
    (
        ("Тверская и Гомельская области развивают побратимские связи: Ржев и Жлобин подписали соглашение "
        "о побратимстве в 2019 году, а Торжок и Лида – в 2021-м."),
        {
            (("Rzhev", "RU"), ("Zhlobin", "BY")),
            (("Lida", "BY"), ("Torzhok", "RU")),
            (("Gomel Region", "BY"), ("Tver Oblast", "RU")),
        },
    ),
    # "the Kyiv-region town": a place that locates another is not a side.
    (
        "Albany signed a friendship memorandum with Bucha, the Kyiv-region town, and ended its sister-city tie.",
        {(("Albany", "US"), ("Bucha", "UA"))},
    ),
    # One sense per text: the reading a qualifier gave a name holds for its later bare mentions.
    (
        ("Birmingham, Alabama: Sister Cities. Birmingham signed a sister city agreement with Hitachi in 1982. "
        "Birmingham also counts Anshan among its sister cities."),
        {(("Birmingham", "US"), ("Hitachi", "JP")), (("Anshan", "CN"), ("Birmingham", "US"))},
    ),
    (
        "Moscow, Idaho, became a sister city of Villarrica, Paraguay. Moscow volunteers visited Villarrica.",
        {(("Moscow", "US"), ("Villarrica", "PY"))},
    ),
    # A head noun shared by two adjectives: «Ленинградской и Минской областями».
    (
        "Соглашение о побратимстве между Ленинградской и Минской областями подписано в 2015 году.",
        {(("Leningrad Oblast", "RU"), ("Minsk Region", "BY"))},
    ),
    (
        "Партнёрами Новосибирской области являются Павлодарская область (Казахстан) и Минская область (Беларусь).",
        {(("Novosibirsk Oblast", "RU"), ("Pavlodar Region", "KZ")), (("Minsk Region", "BY"), ("Novosibirsk Oblast", "RU"))},
    ),
    # Demonym adjectives separate list items: both are partners of the text's place, not of each other.
    (
        ("Екатеринбург и Сан-Хосе — побратимы. Екатеринбург гордится. Из европейских побратимов наиболее "
        "стабильны связи с болгарским Пловдивом и чешским Пльзенем."),
        {
            (("San Jose", "US"), ("Yekaterinburg", "RU")),
            (("Plovdiv", "BG"), ("Yekaterinburg", "RU")),
            (("Plzeň", "CZ"), ("Yekaterinburg", "RU")),
        },
    ),
    # «Ровно» (exactly) opening a sentence is a word, not Rivne.
    (
        "Ровно 30 лет назад Екатеринбург и Сан-Хосе подписали соглашение о побратимстве.",
        {(("San Jose", "US"), ("Yekaterinburg", "RU"))},
    ),
    # A domestic member of a partner list does not stop the list pairing with the text's place.
    (
        ("Bucheon has sister cities. Bucheon also keeps friendly cooperation cities:\n"
        "Harbin (China), Bacolod (Philippines), Yeongwol (Gangwon Province), Sanya (China), Ulaanbaatar (Mongolia)\n"),
        {
            (("Bucheon", "KR"), ("Harbin", "CN")),
            (("Bacolod", "PH"), ("Bucheon", "KR")),
            (("Bucheon", "KR"), ("Sanya", "CN")),
            (("Bucheon", "KR"), ("Ulaanbaatar", "MN")),
        },
    ),
    # A Russian title before a genitive place is "head of <place>", not a person.
    (
        "Глава Чебоксар Иван Петров встретил делегацию из Эгера, города-побратима Чебоксар.",
        {(("Cheboksary", "RU"), ("Eger", "HU"))},
    ),
]
NEAR_MISSES: list[str] = [
    "Гостиница «Москва» и отель «Пекин» в Москве стали партнёрами форума.",
    # Route stops, proposals and failed talks are not pairs.
    "Депутаты предложили найти побратима. Подходящими кандидатами могли бы стать Цзиньчжоу или Даньдун.",
    "В 2019 году Бердск обсуждал побратимство с казахстанским Экибастузом, но дальше переписки дело не пошло.",
    "Фонтанка.ру – решение о побратимстве пока не принято, сообщили в Выборге.",
    "Tourists from Imatra often visit Svetogorsk for shopping.",
    "Мэр Кирилл Барнаул выступил на форуме городов-побратимов в Москве.",
    "In March the East wing of the Anchorage museum was closed; a sister city exhibit moved to the Western hall.",
]


def _keys(pairs: list[Pair]) -> set[tuple[Side, Side]]:
    """Unordered name/country keys of tagged pairs."""
    return {tuple(sorted(((p.a, p.a_country), (p.b, p.b_country)))) for p in pairs}  # type: ignore[misc]


@pytest.mark.parametrize(("text", "expected"), POSITIVES, ids=[t[:40] for t, _ in POSITIVES])
def test_positive_phrase(text: str, expected: set[tuple[Side, Side]]) -> None:
    """Each phrase yields exactly its pairs."""
    assert _keys(tag_pairs(text)) == {tuple(sorted(k)) for k in expected}


@pytest.mark.parametrize("text", NEAR_MISSES, ids=[t[:40] for t in NEAR_MISSES])
def test_near_miss_phrase(text: str) -> None:
    """Near misses yield no pair."""
    assert tag_pairs(text) == []
