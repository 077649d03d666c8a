"""Store: migrations, upsert by canonical URL, one transaction per article, FTS, locks, WAL (issues 4, 5)."""

from __future__ import annotations

import sqlite3
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from extract.models import Body, Pair
from store.db import (
    DatabaseLockedError,
    StoreError,
    apply_migrations,
    db_invariants,
    db_path_of,
    iter_pages,
    known_urls,
    mark_seen,
    open_db,
    require_wal,
    save_article,
)
from store.schema import MIGRATIONS

URL = "https://tass.com/society/1000001"
TEXT = "Tula and Albany signed a sister city agreement. The mayors met in Vologda."


@dataclass(frozen=True)
class Analysis:
    """Input value shaped like extract.analyse.Analysis (the store's input contract)."""

    body: Body | None
    pairs: tuple[Pair, ...]
    status: str
    extractor_version: str = "extract-1"
    tagger_version: str = "tagger-1"


def pair(a: str = "Tula", b: str = "Albany", relation: str = "sister") -> Pair:
    """Return a pair whose evidence is the first sentence of TEXT."""
    evidence = TEXT.split(". ")[0] + "."
    return Pair(
        a=a,
        a_country="RU",
        b=b,
        b_country="US",
        level="city",
        relation=relation,
        status=None,
        explicit=True,
        evidence=evidence,
        start=0,
        end=len(evidence),
        known=True,
    )


def analysis(text: str = TEXT, pairs: tuple[Pair, ...] | None = None, **kw: Any) -> Analysis:
    """Return an ok analysis of `text` with `pairs` (default: one Tula–Albany pair)."""
    body = Body(
        title="Tula and Albany", text=text, published="2024-05-01", date_rule="json-ld", language="en"
    )
    return Analysis(body=body, pairs=(pair(),) if pairs is None else pairs, status="ok", **kw)


def save(
    db: Database,
    result: Analysis | None = None,
    *,
    url: str = URL,
    raw: bytes = b"<html>v1</html>",
    seen_at: str = "2024-05-02T00:00:00+00:00",
    fetched: bool = True,
    source: str = "tass",
) -> str:
    """Save one article with defaults for everything the test does not vary."""
    return save_article(
        db,
        url=url,
        source=source,
        fetched_url=url + "?utm_source=x",
        http_status=200,
        raw=raw,
        encoding="utf-8",
        content_type="text/html",
        listing={"date": "01.05.2024", "title": "Listing title"},
        analysis=result or analysis(),
        seen_at=seen_at,
        fetched=fetched,
    )


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of every data table, for whole-database comparisons."""
    tables = ["articles", "article_text", "pages", "pairs", "article_text_fts"]
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


@pytest.fixture
def db(tmp_path: Path) -> Database:
    """A fresh store in a real file."""
    return open_db(tmp_path / "data" / "t.db")


def test_open_db_creates_tables_in_wal_and_migrations_apply_once(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dir" / "t.db"
    first = open_db(path)
    assert {"articles", "article_text", "pages", "pairs", "runs", "run_sources", "dead_links", "article_text_fts"} <= set(
        first.table_names()
    )
    assert {"pairs_view", "source_health"} <= set(first.view_names())
    assert first.journal_mode == "wal"
    applied = first.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    first.close()
    second = open_db(path)
    assert apply_migrations(second) == []
    assert second.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == applied == 6
    assert db_invariants(second) == []


def test_save_new_then_unchanged_touches_only_last_seen(db: Database) -> None:
    assert save(db) == "new"
    before = snapshot(db)
    assert save(db, seen_at="2024-06-01T00:00:00+00:00") == "unchanged"
    after = snapshot(db)
    assert after["pairs"] == before["pairs"] and after["pages"] == before["pages"]
    assert (
        after["article_text"] == before["article_text"]
        and after["article_text_fts"] == before["article_text_fts"]
    )
    row = db["articles"].get(1)
    assert (row["first_seen"], row["last_seen"], row["last_changed"]) == (
        "2024-05-02T00:00:00+00:00",
        "2024-06-01T00:00:00+00:00",
        "2024-05-02T00:00:00+00:00",
    )
    # Only last_seen differs between the two snapshots.
    strip = [
        tuple(v for k, v in zip(db["articles"].columns_dict, r) if k != "last_seen")
        for r in after["articles"]
    ]
    assert strip == [
        tuple(v for k, v in zip(db["articles"].columns_dict, r) if k != "last_seen")
        for r in before["articles"]
    ]
    assert db_invariants(db) == []


def test_same_save_twice_is_idempotent(db: Database) -> None:
    save(db)
    first = snapshot(db)
    assert save(db) == "unchanged"
    assert snapshot(db) == first  # same seen_at: not a single byte changed
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_last_seen_never_moves_back(db: Database) -> None:
    save(db, seen_at="2024-06-01T00:00:00+00:00")
    save(db, seen_at="2024-05-01T00:00:00+00:00")
    assert db["articles"].get(1)["last_seen"] == "2024-06-01T00:00:00+00:00"


def test_changed_text_updates_row_replaces_pairs_and_keeps_first_seen(db: Database) -> None:
    save(db)
    new_text = TEXT + " Kaluga and Kalamazoo are partner cities."
    new_pairs = (pair(), pair("Kaluga", "Kalamazoo", "partner"))
    outcome = save(
        db, analysis(new_text, new_pairs), raw=b"<html>v2</html>", seen_at="2024-07-01T00:00:00+00:00"
    )
    assert outcome == "updated"
    row = db["articles"].get(1)
    assert (row["first_seen"], row["last_changed"], row["n_pairs"]) == (
        "2024-05-02T00:00:00+00:00",
        "2024-07-01T00:00:00+00:00",
        2,
    )
    assert {r["a"] for r in db["pairs"].rows} == {"Tula", "Kaluga"}
    assert db["article_text"].get(1)["body"] == new_text
    assert zlib.decompress(db["pages"].get(1)["raw_gz"]) == b"<html>v2</html>"
    # Back to one pair: the stale row goes, in the same save.
    assert save(db, analysis(), seen_at="2024-08-01T00:00:00+00:00") == "updated"
    assert [r["a"] for r in db["pairs"].rows] == ["Tula"]
    assert db_invariants(db) == []


def test_pair_ids_are_content_hashes_stable_across_databases(tmp_path: Path) -> None:
    one, two = open_db(tmp_path / "1.db"), open_db(tmp_path / "2.db")
    save(two, url="https://tass.com/other/1")  # shifts article ids in the second DB
    save(one)
    save(two)
    ids_one = {r["id"] for r in one["pairs"].rows}
    ids_two = {r["id"] for r in two.query("SELECT id FROM pairs WHERE article_id = 2")}
    assert ids_one == ids_two and len(next(iter(ids_one))) == 40


def test_duplicate_pair_rows_collapse_and_n_pairs_matches(db: Database) -> None:
    save(db, analysis(pairs=(pair(), pair())))
    assert db["articles"].get(1)["n_pairs"] == db["pairs"].count == 1


def test_version_change_alone_is_an_update(db: Database) -> None:
    save(db)
    assert save(db, analysis(tagger_version="tagger-2")) == "updated"
    assert db["articles"].get(1)["tagger_version"] == "tagger-2"


def test_crash_inside_the_transaction_leaves_nothing_partial(db: Database) -> None:
    # A real SQLite failure on the last write of the save (the pairs insert).
    db.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON pairs WHEN NEW.a = 'Boom' "
        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="injected failure"):
        save(db, analysis(pairs=(pair("Boom"),)))
    assert all(rows == [] for rows in snapshot(db).values())
    # And an update that fails keeps the previous version whole.
    save(db)
    before = snapshot(db)
    with pytest.raises(sqlite3.IntegrityError):
        save(db, analysis(TEXT + " more", (pair("Boom"),)), raw=b"<html>v2</html>")
    assert snapshot(db) == before
    assert not db.conn.in_transaction
    assert db_invariants(db) == []


def test_no_body_is_stored_with_status_and_listing_title(db: Database) -> None:
    result = Analysis(body=None, pairs=(), status="no_body")
    assert save(db, result) == "new"
    row = db["articles"].get(1)
    assert (row["extraction_status"], row["title"], row["text_sha"], row["n_pairs"]) == (
        "no_body",
        "Listing title",
        None,
        0,
    )
    assert db["article_text"].count == 0 and db["pages"].count == 1
    assert db_invariants(db) == []


def test_fts_finds_a_body_word_and_follows_updates(db: Database) -> None:
    save(db)
    search = "SELECT rowid FROM article_text_fts WHERE article_text_fts MATCH ?"
    assert db.execute(search, ["vologda"]).fetchall() == [(1,)]
    save(db, analysis("Smolensk and Hagerstown are sister cities."), raw=b"v2")
    assert db.execute(search, ["vologda"]).fetchall() == []
    assert db.execute(search, ["hagerstown"]).fetchall() == [(1,)]


def test_fts_rebuilt_if_dropped(tmp_path: Path) -> None:
    db = open_db(tmp_path / "t.db")
    save(db)
    db.execute("DROP TABLE article_text_fts")
    db.close()
    db = open_db(tmp_path / "t.db")
    assert db.execute(
        "SELECT rowid FROM article_text_fts WHERE article_text_fts MATCH 'albany'"
    ).fetchall() == [(1,)]


def test_iter_pages_round_trips_raw_and_listing(db: Database) -> None:
    raw = "<html>Тула — побратим</html>".encode("cp1251")
    save_article(
        db,
        url=URL,
        source="tass",
        fetched_url="",
        http_status=200,
        raw=raw,
        encoding="cp1251",
        content_type=None,
        listing={"date": "1 May"},
        analysis=analysis(),
        seen_at="2024-05-02",
    )
    save(db, url="https://russkiymir.ru/news/1/", source="russkiymir")
    pages = list(iter_pages(db))
    first = pages[0]
    assert (first.url, first.raw, first.encoding, first.listing, first.fetched_url) == (
        URL,
        raw,
        "cp1251",
        {"date": "1 May"},
        URL,
    )
    assert [p.url for p in iter_pages(db, ["tass"])] == [URL]


def test_mark_seen_and_known_urls(db: Database) -> None:
    save(db)
    save(db, url="https://russkiymir.ru/news/1/", source="russkiymir")
    assert known_urls(db, "tass") == {URL}
    assert len(known_urls(db)) == 2
    assert mark_seen(db, [URL, "https://tass.com/unknown"], "2025-01-01T00:00:00+00:00") == 1
    assert db["articles"].get(1)["last_seen"] == "2025-01-01T00:00:00+00:00"


def test_retag_mode_writes_nothing_when_unchanged_and_keeps_page(db: Database) -> None:
    save(db)
    before = snapshot(db)
    assert save(db, seen_at="2030-01-01", fetched=False) == "unchanged"
    assert snapshot(db) == before
    assert save(db, analysis(tagger_version="tagger-2"), seen_at="2030-01-01", fetched=False) == "updated"
    row = db["articles"].get(1)
    assert (row["last_seen"], row["last_changed"]) == ("2024-05-02T00:00:00+00:00", "2030-01-01")
    assert snapshot(db)["pages"] == before["pages"]


def test_non_wal_database_is_refused_with_one_line() -> None:
    with pytest.raises(StoreError) as error:
        require_wal(Database(memory=True))
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith(":memory:: journal_mode is memory, not wal;")


def hold_write_lock(path: Path, release: threading.Event, held: threading.Event) -> None:
    """Hold `BEGIN IMMEDIATE` on `path` from another connection until `release` is set."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    held.set()
    release.wait(timeout=30)
    conn.execute("COMMIT")
    conn.close()


def test_short_lock_is_waited_out(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    db = open_db(path, busy_timeout_s=10)
    release, held = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(path, release, held))
    holder.start()
    assert held.wait(timeout=10)
    timer = threading.Timer(0.3, release.set)  # the other writer finishes 0.3 s later
    timer.start()
    try:
        assert save(db) == "new"
    finally:
        release.set()
        holder.join()
    assert db["articles"].count == 1


def test_long_lock_gives_one_line_error_and_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    db = open_db(path, busy_timeout_s=1)
    release, held = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(path, release, held))
    holder.start()
    assert held.wait(timeout=10)
    try:
        with pytest.raises(DatabaseLockedError) as error:
            save(db)
    finally:
        release.set()
        holder.join()
    assert str(error.value) == (
        f"{path}: database is locked (another process held the write lock for more than 1 s); "
        "wait for the other writer (a running crawl or retag) to finish, then retry"
    )
    assert db["articles"].count == 0 and not db.conn.in_transaction
    assert save(db) == "new"  # the connection is usable once the lock is gone


def test_invariants_catch_broken_rows(db: Database) -> None:
    save(db)
    db.execute("UPDATE articles SET n_pairs = 5")
    db.execute("UPDATE article_text SET body = 'tampered'")
    problems = db_invariants(db)
    assert any(p.startswith("article whose n_pairs differs from its rows in pairs: 1") for p in problems)
    assert any(p.startswith("article whose text_sha does not match its text: 1") for p in problems)
    db.execute("DELETE FROM article_text")
    assert any(p.startswith("article with extraction_status 'ok' but empty text") for p in db_invariants(db))


def test_invariants_catch_orphan_pair(db: Database) -> None:
    save(db)
    db.execute("PRAGMA foreign_keys=OFF")
    db.execute(
        "INSERT INTO pairs (id, article_id, a, a_country, b, b_country, relation, explicit, known) "
        "VALUES ('x', 99, 'A', 'RU', 'B', 'US', 'sister', 1, 0)"
    )
    assert any(p.startswith("foreign_key_check: 1 rows, first in table pairs") for p in db_invariants(db))


def test_open_db_on_a_non_database_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not sqlite at all " * 100)
    with pytest.raises(StoreError) as error:
        open_db(path)
    assert str(error.value).startswith(f"{path}: ") and "\n" not in str(error.value)


def test_foreign_keys_enforced(db: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO article_text (article_id, body) VALUES (42, 'x')")


def test_open_db_does_not_need_the_write_lock_once_migrated(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    open_db(path).close()
    release, held = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(path, release, held))
    holder.start()
    assert held.wait(timeout=10)
    try:
        db = open_db(path, busy_timeout_s=1)  # a crawl writing must not stop `serve` or a reader from opening
        assert db["articles"].count == 0
    finally:
        release.set()
        holder.join()


def test_disk_full_rolls_back_with_one_line(db: Database) -> None:
    save(db)
    before = snapshot(db)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # this connection may not grow the file: a full disk
    big = " ".join(f"word{i}" for i in range(200_000))
    with pytest.raises(StoreError) as error:
        save(db, analysis(big), url="https://tass.com/big", raw=big.encode())
    assert str(error.value) == (
        f"{db_path_of(db)}: database or disk is full; "
        "free disk space and re-run (the failed write was rolled back)"
    )
    assert snapshot(db) == before and db_invariants(db) == []


def test_migration_from_the_copy_holding_fts_keeps_search_working(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(str(path))
    MIGRATIONS.apply(old, stop_before="m005_fts_external_content")  # the shape before external-content FTS
    old.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, body)")
    old.execute(
        "INSERT INTO articles (id, url, source, title, extraction_status, n_pairs, content_hash, first_seen, "
        "last_seen) VALUES (1, ?, 'tass', 'Tula and Albany', 'ok', 0, 'h', 'x', 'x')",
        [URL],
    )
    old.execute("INSERT INTO article_text (article_id, body) VALUES (1, ?)", [TEXT])
    old.close()
    db = open_db(path)
    assert "articles_fts" not in db.table_names()
    assert db["article_text"].get(1)["title"] == "Tula and Albany"
    search = "SELECT rowid FROM article_text_fts WHERE article_text_fts MATCH ?"
    assert (
        db.execute(search, ["vologda"]).fetchall()
        == db.execute(search, ["title:albany"]).fetchall()
        == [(1,)]
    )


def test_invariants_catch_fts_out_of_step_with_text(db: Database) -> None:
    save(db)
    db.execute("DROP TRIGGER article_text_au")  # a write that bypasses the index
    db.execute("UPDATE article_text SET body = 'completely different words'")
    problems = db_invariants(db)
    assert any(p.startswith("full-text index article_text_fts does not match article_text") for p in problems)


def test_dead_links_are_remembered_refreshed_and_forgotten_when_the_page_comes_back(tmp_path: Path) -> None:
    """A 404 is kept with its first sighting; a re-check refreshes it; saving the URL as an article drops it."""
    from store.db import dead_link_urls, record_dead_links

    db = open_db(tmp_path / "t.db")
    url = "https://russkiymir.ru/en/news/100001/"
    record_dead_links(db, "russkiymir", {url: 404}, "2024-01-01T00:00:00+00:00")
    record_dead_links(db, "russkiymir", {url: 410}, "2024-01-02T00:00:00+00:00")
    row = db.execute("SELECT http_status, first_seen, last_checked FROM dead_links").fetchone()
    assert row == (410, "2024-01-01T00:00:00+00:00", "2024-01-02T00:00:00+00:00")
    assert dead_link_urls(db, "russkiymir") == {url} and dead_link_urls(db, "tass") == set()
    save(db, url=url, source="russkiymir")
    assert dead_link_urls(db, "russkiymir") == set()
