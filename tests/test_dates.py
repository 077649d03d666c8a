"""Date rules: per-source formats, TASS metadata with zones, listing dates, and the month tables."""

from __future__ import annotations

import pytest
from babel.dates import get_month_names

from extract import page_patterns as pp
from extract.body import parse_html
from extract.dates import find_published, normalise_iso, parse_listing_date


def tree(html: str):
    """Parse a test document."""
    parsed = parse_html(html)
    assert parsed is not None
    return parsed


def test_russian_genitive_months_match_cldr() -> None:
    """The hand-kept genitive table equals Babel's CLDR format-context month names."""
    assert pp.RU_MONTHS_GENITIVE == tuple(get_month_names("wide", context="format", locale="ru").values())


@pytest.mark.parametrize(
    ("text", "year_hint", "expected"),
    [
        ("16.03.2020", None, "2020-03-16"),
        ("30.09.2020 Subject: Politics", None, "2020-09-30"),
        ("29.03.12 14:02", None, "2012-03-29"),
        ("13 october / 2020", None, "2020-10-13"),
        ("13 октября / 2020", None, "2020-10-13"),
        ("09 august", 2018, "2018-08-09"),
        ("03 january", 2019, "2019-01-03"),
        ("09 августа", 2018, "2018-08-09"),
        ("09 august", None, None),  # no year on the listing: the article page must supply it
        ("2020-10-13", None, "2020-10-13"),
        ("31.02.2020", None, None),  # not a calendar date
        ("09 smarch", 2018, None),
        ("", None, None),
    ],
)
def test_parse_listing_date(text: str, year_hint: int | None, expected: str | None) -> None:
    """Listing dates of every source format parse to ISO; impossible or yearless ones give None."""
    assert parse_listing_date(text, year_hint=year_hint) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-11-29T21:48:00+00:00", "2020-11-29T21:48:00+00:00"),
        ("2020-11-29T21:30:00Z", "2020-11-29T21:30:00Z"),  # the source's zone notation is kept
        ("2020-10-13T19:05:00+03:00", "2020-10-13T19:05:00+03:00"),
        ("2020-10-13T190500+0300", "2020-10-13T19:05:00+03:00"),  # tass.ru gen 2 without colons
        ("2020-10-13T19:05+03:00", "2020-10-13T19:05:00+03:00"),
        ("2020-10-13T19:05:00", "2020-10-13"),  # no zone: only the date is certain
        ("2020-10-13", "2020-10-13"),
        ("yesterday", None),
        ("2020-13-45", None),
    ],
)
def test_normalise_iso(value: str, expected: str | None) -> None:
    """ISO values keep their offset; zone-less datetimes are cut to the date."""
    assert normalise_iso(value) == expected


TASS_DATELINE = "<p>NEW YORK, November 30./TASS/. Text of the story about Tula and Albany.</p>"


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", '
          '"datePublished": "2020-11-29T21:48:00+00:00"}</script>'), "", ("2020-11-29T21:48:00+00:00", "json-ld")),
        (('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
          '{"@type": "NewsArticle", "datePublished": "2020-11-29T21:48:00Z"}]}</script>'), "",
         ("2020-11-29T21:48:00Z", "json-ld")),
        ("", '<dateformat time="1606686480"></dateformat>', ("2020-11-29T21:48:00+00:00", "dateformat-unix")),
        ("", '<dateformat mode="abs" time="2020-10-13T190500+0300"></dateformat>',
         ("2020-10-13T19:05:00+03:00", "dateformat-iso")),
        ('<meta property="article:published_time" content="2020-10-13T19:05:00+03:00">', "",
         ("2020-10-13T19:05:00+03:00", "meta-published")),
        ("", '<time datetime="2020-10-13T19:05:00+03:00">13 октября 2020, 19:05</time>',
         ("2020-10-13T19:05:00+03:00", "time-datetime")),
        ("", '<span class="b-material__date">15 июня 2017, 12:30</span>', ("2017-06-15T12:30:00+03:00", "visible-msk")),
        ("", '<span>10 марта 2013, 09:00</span>', ("2013-03-10T09:00:00+04:00", "visible-msk")),  # MSK was +4
        ('<script type="application/ld+json">{broken json</script>', '<dateformat time="1606686480"></dateformat>',
         ("2020-11-29T21:48:00+00:00", "dateformat-unix")),
    ],
)  # fmt: skip
def test_tass_metadata_dates_never_the_dateline(head: str, body: str, expected: tuple[str, str]) -> None:
    """TASS dates come from metadata with their zone; the 'November 30' dateline is never used."""
    html = f"<html><head>{head}</head><body><h1>T</h1>{body}<div class='text-block'>{TASS_DATELINE}</div></body></html>"
    assert find_published(tree(html), "https://tass.com/politics/1229235", "tass") == expected


def test_tass_without_metadata_has_no_date_from_dateline() -> None:
    """A TASS page whose only date is the dateline gets no date rather than the wrong day."""
    html = f"<html><body><h1>T</h1>{TASS_DATELINE}</body></html>"
    assert find_published(tree(html), "https://tass.com/politics/1", "tass") is None


def test_russkiymir_date_follows_the_title_not_the_teasers() -> None:
    """The dd.mm.yyyy under the H1 is the date; without it, teaser dates after 'News by subject' are ignored."""
    teasers = "<h3>News by subject</h3><div>30.09.2020</div><div>28.09.2020 Subject: Culture</div>"
    dated = f"<html><body><h1>T</h1><div>16.03.2020</div><p>Text.</p><div>Russkiy Mir</div>{teasers}</body></html>"
    undated = f"<html><body><h1>T</h1><p>Text.</p><div>Russkiy Mir</div>{teasers}</body></html>"
    url = "https://russkiymir.ru/en/news/279099/"
    assert find_published(tree(dated), url, "russkiymir") == ("2020-03-16", "dd.mm.yyyy")
    assert find_published(tree(undated), url, "russkiymir") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("13 october / 2020", "2020-10-13"),
        ("12 june / 2019", "2019-06-12"),
        ("13 октября / 2020", "2020-10-13"),
    ],
)
def test_embassy_date_line(line: str, expected: str) -> None:
    """The embassy's `13 october / 2020` line, English or Russian genitive month."""
    html = f"<html><body><div>Embassy of the Russian Federation in the USA</div><div>{line}</div><h1>T</h1></body></html>"
    assert find_published(tree(html), "https://washington.mid.ru/en/press-centre/news/x/", "embassy") == (
        expected,
        "dd month / yyyy",
    )


def test_generic_fallback_is_htmldate() -> None:
    """A site we have no rules for is dated by htmldate (original date), with the rule named."""
    html = ('<html><head><meta name="date" content="2019-04-03"></head><body><h1>T</h1>'
            "<p>The editors wrote this.</p></body></html>")  # fmt: skip
    assert find_published(tree(html), "https://example.org/story", None) == ("2019-04-03", "htmldate")
