"""`retag`: re-extract and re-tag stored pages offline through the real analyser and the store (issue 4)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.analyse import Analysis, analyse_page
from extract.models import Body, Pair
from schedules.cli import cli
from schedules.retag import retag
from store.db import StoreError, db_invariants, open_db, save_article

SENTENCE = "Tula and Albany, New York, are sister cities since 1991. "
HTML = (
    "<html><head><title>Tula and Albany renew ties</title>"
    "<meta name='date' content='2024-05-01'></head><body>"
    "<nav>Menu Home News</nav><article><h1>Tula and Albany renew ties</h1>"
    f"<p>{SENTENCE * 3}Delegations met in Tula this week to discuss student exchanges.</p>"
    "<p>The mayor of Albany said the partnership would continue despite difficulties.</p>"
    "</article><footer>Copyright</footer></body></html>"
).encode()
URLS = ("https://tass.com/society/1", "https://russkiymir.ru/news/2/")


OLD_BODY = Body(title="old", text="old text", published=None, date_rule=None, language="en")


@dataclass(frozen=True)
class OldAnalysis:
    """What an older extractor version stored: a shorter body and no pairs."""

    body: Body | None = OLD_BODY
    pairs: tuple[Pair, ...] = ()
    status: str = "ok"
    extractor_version: str = "body/0"
    tagger_version: str = "tagger/0"


def store_pages(path: Path, analysis_for: dict[str, object]) -> None:
    """Save HTML under both URLs, each with the given analysis (as a crawl would have)."""
    db = open_db(path)
    for url, source in zip(URLS, ("tass", "russkiymir")):
        save_article(
            db,
            url=url,
            source=source,
            fetched_url=url,
            http_status=200,
            raw=HTML,
            encoding="utf-8",
            content_type="text/html",
            listing={"date": "01.05.2024"},
            analysis=analysis_for[url],  # type: ignore[arg-type]
            seen_at="2024-05-02T00:00:00+00:00",
        )
    db.close()


def test_retag_updates_old_rows_to_what_the_crawl_would_store(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    store_pages(old, {url: OldAnalysis() for url in URLS})
    fresh = tmp_path / "fresh.db"
    store_pages(fresh, {url: analyse_page(HTML, "utf-8", url, {"date": "01.05.2024"}) for url in URLS})
    seen: list[tuple[int, int]] = []
    summary = retag(old, progress=lambda done, total: seen.append((done, total)))
    assert (summary.pages, dict(summary.outcomes), summary.failures) == (2, {"updated": 2}, [])
    assert seen == [(1, 2), (2, 2)]
    columns = (
        "url, source, title, published, language, date_rule, extraction_status, n_pairs, text_sha, "
        "content_hash, extractor_version, tagger_version, first_seen, last_seen"
    )
    a, b = open_db(old), open_db(fresh)
    assert (
        a.execute(f"SELECT {columns} FROM articles ORDER BY url").fetchall()
        == b.execute(f"SELECT {columns} FROM articles ORDER BY url").fetchall()
    )
    assert a.execute("SELECT * FROM pages").fetchall() == b.execute("SELECT * FROM pages").fetchall()
    assert db_invariants(a) == []
    again = retag(old)
    assert dict(again.outcomes) == {"unchanged": 2}


def test_retag_one_source(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    store_pages(path, {url: OldAnalysis() for url in URLS})
    assert retag(path, ["russkiymir"]).pages == 1
    versions = dict(open_db(path).execute("SELECT source, extractor_version FROM articles").fetchall())
    assert versions["tass"] == "body/0" and versions["russkiymir"] != "body/0"


def test_retag_reports_a_page_whose_analysis_raises_and_continues(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    store_pages(path, {url: OldAnalysis() for url in URLS})

    def analyse(raw: bytes, encoding: str, url: str, listing: object) -> Analysis:
        if "tass" in url:
            raise RuntimeError("boom")
        return analyse_page(raw, encoding, url, listing)  # type: ignore[arg-type]

    summary = retag(path, analyse=analyse)
    assert dict(summary.outcomes) == {"failed": 1, "updated": 1}
    assert summary.failures == ["https://tass.com/society/1: RuntimeError: boom (stored row kept)"]


def test_retag_keeps_the_stored_row_when_the_worker_times_out(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    store_pages(path, {url: analyse_page(HTML, "utf-8", url, {"date": "01.05.2024"}) for url in URLS})
    before = open_db(path).execute("SELECT * FROM articles ORDER BY id").fetchall()

    def timed_out(raw: bytes, encoding: str, url: str, listing: object) -> Analysis:
        return Analysis(body=None, pairs=(), status="timeout", extractor_version="body/9", tagger_version="")

    summary = retag(path, analyse=timed_out)
    assert dict(summary.outcomes) == {"failed": 2}
    assert summary.failures[0] == "https://tass.com/society/1: timeout (stored row kept)"
    assert open_db(path).execute("SELECT * FROM articles ORDER BY id").fetchall() == before


def test_retag_cli_progress_and_missing_db(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    store_pages(path, {url: OldAnalysis() for url in URLS})
    result = CliRunner().invoke(cli, ["retag", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "retag: 2/2 pages" in result.output and "retag: 2 pages: updated 2" in result.output
    missing = CliRunner().invoke(cli, ["retag", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1
    assert (
        missing.output
        == f"Error: {tmp_path / 'none.db'}: database not found; pass --db with the file a crawl wrote\n"
    )
    with pytest.raises(StoreError):
        retag(tmp_path / "none.db")
