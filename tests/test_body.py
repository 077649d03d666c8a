"""extract_body and analyse_page on hand-written pages: per-source cleanup, titles, dates, language, statuses."""

from __future__ import annotations

import codecs

import pytest

from extract.analyse import analyse_page
from extract.body import MAX_HTML_CHARS, PageTooLarge, extract_body
from extract.models import Body

P1 = "Russian Ambassador Anatoly Antonov spoke at the Sister Cities International conference on partnerships."
P2 = "He said that the twinning movement between Tula and Albany has been active for more than thirty years."
P3 = "The diplomat also noted that direct contacts between people are the basis of mutual understanding."

RM_PAGE = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Ambassador praised twinning</title></head><body>
<div>Select language: <a href="/">Русский</a> <a href="/en/">English</a></div>
<div>Ambassador praised twinning</div>
<div> / <a href="/">Главная</a> / <a>Russkiy Mir Foundation</a> / <a>News</a> / <span>Ambassador praised twinning</span></div>
<div><h1>Ambassador praised twinning</h1>{{date}}
<div>Photo credit: konsulmir.com</div>
<div><p>{P1}</p><p>{P2} «Мост» — № 1, “quoted”, G&#246;ttingen.</p><p>{P3}</p></div>
<div>Russkiy Mir</div></div>
<div><h3>News by subject</h3><div><a>Meet BRICS Art, a festival of young artists from many countries.</a>
30.09.2020 Subject: Politics</div><div><a>Italian entrepreneur Marco Maggi's book about Russia.</a></div></div>
<div><h3>Publications</h3><div><a>New Publications: an interview about the Russian language abroad.</a></div></div>
<div>Select date: Выбрать дату в календареВыбрать дату в календаре</div></body></html>"""
RM_URL = "https://russkiymir.ru/en/news/279099/"
RM_CHROME = ("Select language", "Главная", "Photo credit", "Russkiy Mir", "News by subject", "Meet BRICS",
             "Marco Maggi", "Publications", "Выбрать дату", "16.03.2020", "Ambassador praised twinning")  # fmt: skip


def extract(html: str, url: str) -> Body:
    """Return the body, failing the test when there is none."""
    body = extract_body(html, url)
    assert body is not None
    return body


def test_russkiymir_cleanup_title_date() -> None:
    """Russkiy Mir: chrome before the H1, credit, signature, teasers and calendar go; date and H1 stay."""
    body = extract(RM_PAGE.replace("{date}", "<div>16.03.2020</div>"), RM_URL)
    assert body.title == "Ambassador praised twinning"
    assert (body.published, body.date_rule, body.language) == ("2020-03-16", "dd.mm.yyyy", "en")
    assert body.text.splitlines() == [P1, f"{P2} «Мост» — № 1, “quoted”, Göttingen.", P3]
    assert [s for s in RM_CHROME if s in body.text] == []


def test_russkiymir_without_date_line_does_not_borrow_teaser_dates() -> None:
    """An undated Russkiy Mir article has no date (the listing date fills it later), not a teaser's."""
    body = extract(RM_PAGE.replace("{date}", ""), RM_URL)
    assert (body.published, body.date_rule) == (None, None)


def test_russkiymir_russian_labels() -> None:
    """Russian-tree labels: 'Фото:', 'Русский мир', 'Новости по теме', 'Публикации'."""
    html = (RM_PAGE.replace("{date}", "<div>21.07.2020</div>").replace("Photo credit:", "Фото:")
            .replace("Russkiy Mir</div>", "Русский мир</div>").replace("News by subject", "Новости по теме")
            .replace("Publications", "Публикации"))  # fmt: skip
    body = extract(html, "https://russkiymir.ru/news/274618/")
    assert body.published == "2020-07-21"
    assert [
        s for s in ("Фото", "Русский мир", "Новости по теме", "Публикации", "Meet BRICS") if s in body.text
    ] == []


EMB_HEADER = (
    "<div>Embassy of the Russian Federation in the USA</div>"
    "<div>Phone (consular questions): (202) 939-8907 | Emergency line : (202) 298\u20115700</div>"
    "<div>/Schedule work today: 9:00–18:00</div>"
)
EMB_FOOTER = '<div><a href="?print=Y">Print</a></div><div><a>Share</a> <a>Facebook</a> <a>Twitter</a></div>'


@pytest.mark.parametrize("layout", ["p", "br"])
def test_embassy_header_date_footer(layout: str) -> None:
    """Embassy: the 3-line header, the date line and Print/share go; <p> and <br> bodies both survive."""
    paras = [P1, P2 + " concessions fr om Moscow.", P3]
    text = (
        "".join(f"<p>{p}</p>" for p in paras) if layout == "p" else "<div>" + "<br>\n".join(paras) + "</div>"
    )
    html = (f'<html lang="en"><body>{EMB_HEADER}<div>13 october / 2020</div><h1>Speech by the Ambassador</h1>'
            f"{text}{EMB_FOOTER}</body></html>")  # fmt: skip
    body = extract(html, "https://washington.mid.ru/en/press-centre/news/speech_by_the_ambassador/")
    assert (body.title, body.published, body.date_rule) == (
        "Speech by the Ambassador",
        "2020-10-13",
        "dd month / yyyy",
    )
    assert body.text.splitlines() == paras  # the "fr om" split word is kept raw (sources.md §2.4)
    assert [
        s for s in ("Embassy of", "Phone", "Schedule", "13 october", "Print", "Share") if s in body.text
    ] == []


def test_embassy_russian_page() -> None:
    """Russian embassy page: genitive month date, Russian language from the text."""
    ru = "Посол России Анатолий Антонов выступил на конференции о побратимских связях городов России и США."
    html = (f"<html><body><div>Посольство Российской Федерации в США</div><div>13 октября / 2020</div>"
            f"<h1>Выступление Посла</h1><p>{ru}</p><p>{ru}</p></body></html>")  # fmt: skip
    body = extract(html, "https://washington.mid.ru/ru/press-centre/news/vystuplenie_posla/")
    assert (body.title, body.published, body.language) == ("Выступление Посла", "2020-10-13", "ru")
    assert "Посольство" not in body.text


TASS_HEAD = (
    '<meta property="og:title" content="Antonov lists sister cities - Politics &amp; Diplomacy - TASS">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Antonov lists sister cities",'
    ' "datePublished": "2020-11-29T21:48:00+00:00"}</script>'
)
DATELINE = "NEW YORK, November 30./TASS/. Russian Ambassador Anatoly Antonov named the sister cities."


def tass_page(h1: str, extra_text: str = "") -> str:
    """A tass.com news page with chrome, an adfox banner and a recommend block inside the text."""
    return (f'<html lang="en"><head>{TASS_HEAD}</head><body><div class="news"><a>All news</a>'
            f"<div>Updated at: 30 Nov 2020</div>{h1}"
            '<div class="news-header__lead">Antonov lists sister cities.</div>'
            '<dateformat time="1606686480"></dateformat><div class="text-content"><div class="text-block">'
            f"<p>{DATELINE}</p><p>{P2}</p>"
            '<div class="adfox-banner">Advertisement: buy our tours to Sochi now</div>'
            '<div class="recommend-block"><a>You may also like: Salem delegation visits Simferopol</a></div>'
            f'<div class="b-advert__inline">Sponsored content from partners</div>{extra_text}'
            f"<p>{P3}</p></div></div></div></body></html>")  # fmt: skip


@pytest.mark.parametrize("h1", ['<h1 class="news-header__title">Antonov lists sister cities</h1>', ""])
def test_tass_cleanup_keeps_dateline(h1: str) -> None:
    """TASS: adfox/recommend/advert blocks, All news, Updated at go; the dateline stays; title with or without H1."""
    body = extract(tass_page(h1), "https://tass.com/politics/1229235")
    assert body.title == "Antonov lists sister cities"  # H1, else JSON-LD headline
    assert (body.published, body.date_rule) == ("2020-11-29T21:48:00+00:00", "json-ld")
    assert body.text.splitlines()[0] == DATELINE
    assert P3 in body.text
    assert [
        s
        for s in ("All news", "Updated at", "Advertisement", "You may also like", "Sponsored")
        if s in body.text
    ] == []


def test_tass_title_from_og_title_suffix_stripped() -> None:
    """Without H1 and JSON-LD, og:title loses its ' - Section - TASS' suffix."""
    html = tass_page("").replace(TASS_HEAD.split("<script")[1], "").replace("<script", "")
    body = extract(html, "https://tass.com/politics/1229235")
    assert body.title == "Antonov lists sister cities"
    assert body.date_rule == "dateformat-unix"


@pytest.mark.parametrize(
    ("html_attrs", "head", "text", "expected"),
    [
        ('lang="en"', "", P1, "en"),
        (
            'lang="ru-RU"',
            "",
            "Текст статьи о городах-побратимах России и США, и о дружбе между людьми.",
            "ru",
        ),
        (
            "",
            '<meta property="og:locale" content="ru_RU">',
            "Текст статьи о городах-побратимах России и США.",
            "ru",
        ),
        ("", '<meta http-equiv="content-language" content="en">', P1, "en"),
        ("", "", "Текст статьи о городах-побратимах России и США, и о дружбе между людьми и странами.", "ru"),
        ("", "", P1, "en"),
        # a long English text overrules a template's lang="ru"
        ('lang="ru"', "", f"{P1} {P2} {P3}", "en"),
    ],
)
def test_language(html_attrs: str, head: str, text: str, expected: str) -> None:
    """Language from <html lang>, og:locale, content-language, else the Cyrillic share of the text."""
    html = f"<html {html_attrs}><head>{head}</head><body><h1>Title</h1><p>{text}</p></body></html>"
    assert extract(html, "https://example.org/a").language == expected


def test_too_large_refused_with_reason() -> None:
    """HTML over the cap is refused with a message naming the URL and the limit."""
    with pytest.raises(PageTooLarge, match=r"https://example.org/big: .* over the 2,000,000 limit"):
        extract_body("<html><body>" + "x" * MAX_HTML_CHARS + "</body></html>", "https://example.org/big")


RM_TREE_URL = "https://russkiymir.ru/news/274618/"


def test_analyse_cp1251_bytes() -> None:
    """cp1251 bytes decode with the given encoding; entities for characters cp1251 lacks survive."""
    raw = RM_PAGE.replace("{date}", "<div>16.03.2020</div>").encode("cp1251")
    analysis = analyse_page(raw, "windows-1251", RM_URL, {})
    assert analysis.status == "ok" and analysis.body is not None
    assert "«Мост» — № 1, “quoted”, Göttingen." in analysis.body.text
    assert analysis.extractor_version.startswith("body/") and analysis.tagger_version


def test_analyse_bom_wins_over_declared_encoding() -> None:
    """A UTF-8 BOM decides the encoding even when the header said windows-1251."""
    raw = codecs.BOM_UTF8 + RM_PAGE.replace("{date}", "").encode("utf-8")
    analysis = analyse_page(raw, "windows-1251", RM_URL, {})
    assert analysis.body is not None and "«Мост»" in analysis.body.text


def test_analyse_listing_date_fallback_and_pairs() -> None:
    """An undated page takes the listing date (rule 'listing'); the tagger runs on the body."""
    raw = RM_PAGE.replace("{date}", "").encode("cp1251")
    analysis = analyse_page(raw, "cp1251", RM_URL, {"date": "22.10.2019"})
    assert analysis.body is not None
    assert (analysis.body.published, analysis.body.date_rule) == ("2019-10-22", "listing")
    assert {(p.a, p.b) for p in analysis.pairs} & {("Tula", "Albany"), ("Albany", "Tula")}


@pytest.mark.parametrize(
    ("raw", "encoding", "status"),
    [
        (b"%PDF-1.4 binary", "utf-8", "not_html"),
        (b"", "utf-8", "not_html"),
        (bytes(range(256)) * 10, "utf-8", "not_html"),
        (b'{"json": true}', "utf-8", "not_html"),
        (b"<html><body><div>Menu</div></body></html>", "utf-8", "no_body"),
        (b"<html><body><script>var a = 1;</script></body></html>", "utf-8", "no_body"),
        (b"<html><body>" + b"<p>x</p>" * (MAX_HTML_CHARS // 8 + 1) + b"</body></html>", "utf-8", "too_large"),
        (b"<html><body>\x00\x00<h1>T</h1><p>" + P1.encode() + b"</p></body></html>", "no-such-codec", "ok"),
    ],
)
def test_analyse_statuses(raw: bytes, encoding: str, status: str) -> None:
    """Bad input never raises: it becomes a status."""
    analysis = analyse_page(raw, encoding, "https://example.org/x", {})
    assert analysis.status == status
    assert (analysis.body is None) == (status != "ok")


def test_analyse_error_status_names_the_exception() -> None:
    """An unexpected failure becomes `error:<Name>: <message>` instead of an exception."""
    analysis = analyse_page("not bytes", "utf-8", "https://example.org/x", {})  # type: ignore[arg-type]
    assert analysis.status.startswith("error:TypeError: ")
