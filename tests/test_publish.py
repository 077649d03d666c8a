"""Publishing: a real Datasette in-process over a real store file (issue 4: serve, facets, search, CSV)."""

from __future__ import annotations

import asyncio
import csv
import io
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from datasette.app import Datasette

from extract.models import Body, Pair
from store.db import StoreError, open_db, save_article
from store.publish import guard_paths, make_datasette, prepare

TEXT = "Tula and Albany signed a sister city agreement. The mayors met in Vologda."


class Analysis:
    """Input value shaped like extract.analyse.Analysis."""

    def __init__(self, text: str, pairs: tuple[Pair, ...], language: str) -> None:
        self.body = Body(
            title=text.split(".")[0],
            text=text,
            published="2024-05-01",
            date_rule="json-ld",
            language=language,
        )
        self.pairs = pairs
        self.status = "ok"
        self.extractor_version = "extract-1"
        self.tagger_version = "tagger-1"


def make_pair(a: str, a_country: str, b: str, b_country: str, relation: str, text: str) -> Pair:
    """Return a pair with the first sentence of `text` as evidence."""
    evidence = text.split(".")[0] + "."
    return Pair(
        a=a,
        a_country=a_country,
        b=b,
        b_country=b_country,
        level="city",
        relation=relation,
        status=None,
        explicit=True,
        evidence=evidence,
        start=0,
        end=len(evidence),
        known=False,
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A store with three articles from two sources and three pairs."""
    path = tmp_path / "twinwatch.db"
    db = open_db(path)
    other = 'Kaluga and Kalamazoo are partner cities. =HYPERLINK("http://x")'
    ru = "Тула и Олбани подписали соглашение о городах-побратимах."
    rows: list[tuple[str, str, str, tuple[Pair, ...], str]] = [
        (
            "https://tass.com/a/1",
            "tass",
            TEXT,
            (make_pair("Tula", "RU", "Albany", "US", "sister", TEXT),),
            "en",
        ),
        (
            "https://tass.com/a/2",
            "tass",
            other,
            (make_pair("Kaluga", "RU", "Kalamazoo", "US", "partner", other),),
            "en",
        ),
        (
            "https://russkiymir.ru/n/3/",
            "russkiymir",
            ru,
            (make_pair("Tula", "RU", "Villingen", "DE", "sister", ru),),
            "ru",
        ),
    ]
    for url, source, text, pairs, lang in rows:
        save_article(
            db,
            url=url,
            source=source,
            fetched_url=url,
            http_status=200,
            raw=text.encode(),
            encoding="utf-8",
            content_type="text/html",
            listing={},
            analysis=Analysis(text, pairs, lang),
            seen_at="2024-05-02",
        )
    db.close()
    return path


def get(ds: Datasette, path: str) -> httpx.Response:
    """GET `path` from the in-process Datasette."""
    return asyncio.run(ds.client.get(path))


def test_table_pages_render_with_metadata(db_path: Path) -> None:
    ds = make_datasette(db_path)
    home = get(ds, "/")
    assert home.status_code == 200 and "twinwatch — twin cities and partner regions" in home.text
    for table in (
        "articles",
        "article_text",
        "pages",
        "pairs",
        "runs",
        "run_sources",
        "pairs_view",
        "source_health",
    ):
        page = get(ds, f"/twinwatch/{table}")
        assert page.status_code == 200, table
    assert "One row per place pair per article" in get(ds, "/twinwatch/pairs").text


def test_json_rows(db_path: Path) -> None:
    rows = get(make_datasette(db_path), "/twinwatch/pairs_view.json?_shape=array&_sort=a").json()
    assert [(r["a"], r["b"], r["source"]) for r in rows] == [
        ("Kaluga", "Kalamazoo", "tass"),
        ("Tula", "Albany", "tass"),
        ("Tula", "Villingen", "russkiymir"),
    ]


def test_metadata_facets_are_applied(db_path: Path) -> None:
    data = get(make_datasette(db_path), "/twinwatch/pairs.json").json()
    facets: dict[str, Any] = data["facet_results"]
    assert {"a_country", "b_country", "relation", "status", "explicit"} <= set(facets)
    b_counts = {item["value"]: item["count"] for item in facets["b_country"]["results"]}
    assert b_counts == {"US": 2, "DE": 1}
    sources = get(make_datasette(db_path), "/twinwatch/articles.json").json()["facet_results"]["source"][
        "results"
    ]
    assert {item["value"]: item["count"] for item in sources} == {"tass": 2, "russkiymir": 1}


def test_search_covers_title_and_body(db_path: Path) -> None:
    ds = make_datasette(db_path)
    by_body = get(ds, "/twinwatch/articles.json?_search=vologda&_shape=array").json()
    assert [r["url"] for r in by_body] == ["https://tass.com/a/1"]
    by_title = get(ds, "/twinwatch/articles.json?_search=kalamazoo&_shape=array").json()
    assert [r["url"] for r in by_title] == ["https://tass.com/a/2"]
    cyrillic = get(ds, "/twinwatch/articles.json?_search=ТУЛА&_shape=array").json()
    assert [r["url"] for r in cyrillic] == ["https://russkiymir.ru/n/3/"]  # unicode61 folds Cyrillic case
    assert [
        r["article_id"] for r in get(ds, "/twinwatch/article_text.json?_search=vologda&_shape=array").json()
    ] == [1]


def test_csv_export_of_table_and_query(db_path: Path) -> None:
    ds = make_datasette(db_path)
    table = get(ds, "/twinwatch/pairs.csv")
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/plain")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert sorted(r["a"] for r in rows) == ["Kaluga", "Tula", "Tula"] and "evidence" in rows[0]
    query = get(ds, "/twinwatch.csv?sql=select+url,+n_pairs+from+articles+order+by+id")
    assert query.text.splitlines() == [
        "url,n_pairs",
        "https://tass.com/a/1,1",
        "https://tass.com/a/2,1",
        "https://russkiymir.ru/n/3/,1",
    ]


def test_canned_queries(db_path: Path) -> None:
    ds = make_datasette(db_path)
    rows = get(ds, "/twinwatch/pairs_by_countries.json?country_a=us&country_b=ru&_shape=array").json()
    assert sorted(r["b"] for r in rows) == ["Albany", "Kalamazoo"]
    counts = get(ds, "/twinwatch/country_pair_counts.json?_shape=array").json()
    assert counts[0] == {"country_1": "RU", "country_2": "US", "pairs": 2, "articles": 2}
    assert get(ds, "/twinwatch/latest_run_health.json").status_code == 200


def test_sql_is_read_only_length_limited_and_db_not_downloadable(db_path: Path) -> None:
    ds = make_datasette(db_path)
    write = get(ds, "/twinwatch.json?sql=delete+from+articles")
    assert write.status_code == 400
    huge = get(ds, "/twinwatch.json?sql=select+length(randomblob(20000000))")
    assert huge.status_code == 400 and "too big" in huge.json()["error"]
    assert get(ds, "/twinwatch.db").status_code == 403
    assert get(ds, "/twinwatch/articles.json?_shape=array").json()[0]["n_pairs"] == 1


def test_database_is_served_mutable_and_sees_new_rows(db_path: Path) -> None:
    ds = make_datasette(db_path)
    assert ds.databases["twinwatch"].is_mutable
    assert get(ds, "/twinwatch/articles.json?_shape=array&_size=max").json().__len__() == 3
    db = open_db(db_path)
    save_article(
        db,
        url="https://tass.com/a/4",
        source="tass",
        fetched_url="",
        http_status=200,
        raw=b"x",
        encoding="utf-8",
        content_type=None,
        listing={},
        analysis=Analysis("Orel and Sacramento.", (), "en"),
        seen_at="2024-05-03",
    )
    assert len(get(ds, "/twinwatch/articles.json?_shape=array&_size=max").json()) == 4


def test_guard_paths_blocks_offsite_redirect_paths(db_path: Path) -> None:
    app = guard_paths(prepare(db_path).app())

    async def fetch(path: bytes) -> tuple[int, dict[str, str]]:
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path.decode(),
            "raw_path": path,
            "query_string": b"",
            "headers": [(b"host", b"127.0.0.1")],
            "server": ("127.0.0.1", 8001),
            "client": ("127.0.0.1", 5000),
            "root_path": "",
        }
        await app(scope, receive, send)
        start = sent[0]
        return start["status"], {k.decode(): v.decode() for k, v in start.get("headers", [])}

    for probe in (
        b"//evil.test/",
        b"/\\evil.test/",
        b"/%5Cevil.test/",
        b"/%2F%2Fevil.test/",
        b"///evil.test/",
    ):
        status, headers = asyncio.run(fetch(probe))
        assert status == 404 and "location" not in headers, probe
    assert asyncio.run(fetch(b"/twinwatch"))[0] == 200


def test_invalid_metadata_is_one_line_naming_the_file(db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "meta.yml"
    bad.write_text("title: x\ndatabases:\n  twinwatch: [unclosed\n")
    with pytest.raises(StoreError) as error:
        make_datasette(db_path, metadata_path=bad)
    assert str(error.value).startswith(f"{bad}: invalid YAML at line ") and "\n" not in str(error.value)
    wrong = tmp_path / "wrong.yml"
    wrong.write_text("title: x\n")
    with pytest.raises(StoreError, match="expected a mapping with databases.twinwatch; fix the file"):
        make_datasette(db_path, metadata_path=wrong)


def test_missing_database_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as error:
        prepare(tmp_path / "none.db")
    assert (
        str(error.value)
        == f"{tmp_path / 'none.db'}: database not found; run a crawl first (twinwatch crawl) or pass --db"
    )


def test_datasette_reads_consistent_rows_while_a_writer_saves(tmp_path: Path) -> None:
    """WAL + one transaction per article: a reader never sees an article without its pairs (T14, small)."""
    path = tmp_path / "live.db"
    open_db(path).close()
    ds = make_datasette(path)
    done = threading.Event()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            db = open_db(path)
            for i in range(150):
                text = f"City{i} and Town{i} are sister cities. " * 50
                pairs = tuple(make_pair(f"City{i}", "RU", f"Town{k}", "US", "sister", text) for k in range(3))
                save_article(
                    db, url=f"https://tass.com/live/{i}", source="tass", fetched_url="", http_status=200,
                    raw=text.encode(), encoding="utf-8", content_type=None, listing={},
                    analysis=Analysis(text, pairs, "en"), seen_at="2024-05-02",
                )  # fmt: skip
            db.close()
        except BaseException as error:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(error)
        finally:
            done.set()

    check = (
        "/twinwatch.json?_shape=array&sql=select+count(*)+as+n,+sum(a.n_pairs+!=+(select+count(*)+from+pairs+p"
        "+where+p.article_id+=+a.id))+as+bad+from+articles+a"
    )
    writer = threading.Thread(target=write)
    writer.start()
    reads, counts = 0, []
    while not done.is_set() or reads == 0:
        response = get(ds, check)
        assert response.status_code == 200, response.text
        row = response.json()[0]
        assert row["bad"] in (None, 0), row
        counts.append(row["n"])
        reads += 1
    writer.join()
    assert errors == []
    assert reads > 1 and counts == sorted(counts) and get(ds, check).json()[0]["n"] == 150
    print(f"{reads} consistent reads during 150 saves, first count {counts[0]}, last {counts[-1]}")
