"""Writing and reading articles: one transaction per article, upsert by canonical URL."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from sqlite_utils import Database

from store.connection import write_txn
from store.records import AnalysisLike, ArticleRecord, build_record, page_row

Outcome = Literal["new", "updated", "unchanged"]


@dataclass(frozen=True)
class StoredPage:
    """One stored raw page with what `analyse_page` needs to re-run offline."""

    article_id: int
    url: str
    source: str
    fetched_url: str
    fetched_at: str
    http_status: int
    encoding: str
    content_type: str | None
    listing: dict[str, str]
    raw: bytes


def save_article(
    db: Database,
    *,
    url: str,
    source: str,
    fetched_url: str,
    http_status: int,
    raw: bytes,
    encoding: str,
    content_type: str | None,
    listing: Mapping[str, str],
    analysis: AnalysisLike,
    seen_at: str,
    fetched: bool = True,
) -> Outcome:
    """Upsert one article, its page, text, FTS row and pairs in ONE transaction; return what happened.

    An unchanged article (same raw bytes, derived columns, pairs and versions) only gets `last_seen`
    moved forward: it is the one column a re-run touches. `fetched=False` (retag) re-analyses a stored
    page: the page row and `last_seen` are left alone, and an unchanged result writes nothing at all.
    """
    record = build_record(
        url=url,
        source=source,
        fetched_url=fetched_url,
        http_status=http_status,
        raw=raw,
        encoding=encoding,
        content_type=content_type,
        listing=listing,
        analysis=analysis,
    )
    with write_txn(db):
        existing = db.execute("SELECT id, content_hash FROM articles WHERE url = ?", [url]).fetchone()
        db.execute("DELETE FROM dead_links WHERE url = ?", [url])  # a dead link that came back is an article
        if existing is not None and existing[1] == record.article["content_hash"]:
            if fetched:
                touch_last_seen(db, [url], seen_at)
            return "unchanged"
        if existing is None:
            article_id = insert_article(db, record, seen_at)
        else:
            article_id = int(existing[0])
            update_article(db, article_id, record, seen_at, fetched)
        if fetched or existing is None:
            write_row(db, "pages", page_row(record, article_id, seen_at))
        write_text(db, article_id, record)
        write_pairs(db, article_id, record)
    return "new" if existing is None else "updated"


def insert_article(db: Database, record: ArticleRecord, seen_at: str) -> int:
    """Insert a new `articles` row and return its id."""
    row = {**record.article, "first_seen": seen_at, "last_seen": seen_at, "last_changed": seen_at}
    cursor = db.execute(
        f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", list(row.values())
    )
    return int(cursor.lastrowid or 0)


def update_article(db: Database, article_id: int, record: ArticleRecord, seen_at: str, fetched: bool) -> None:
    """Rewrite an existing row's derived columns; `first_seen` and `id` never change."""
    row = {**record.article, "last_changed": seen_at}
    assignments = ", ".join(f"{column} = ?" for column in row)
    db.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*row.values(), article_id])
    if fetched:
        touch_last_seen(db, [record.url], seen_at)


def touch_last_seen(db: Database, urls: Iterable[str], seen_at: str) -> int:
    """Move `last_seen` forward (never back) for known `urls`; return how many rows matched."""
    matched = 0
    for url in urls:
        cursor = db.execute("UPDATE articles SET last_seen = max(last_seen, ?) WHERE url = ?", [seen_at, url])
        matched += cursor.rowcount
    return matched


def write_text(db: Database, article_id: int, record: ArticleRecord) -> None:
    """Replace the body (absent when extraction found no body); triggers keep the FTS index in step."""
    db.execute("DELETE FROM article_text WHERE article_id = ?", [article_id])
    if record.body is not None:
        db.execute(
            "INSERT INTO article_text (article_id, body, title) VALUES (?, ?, ?)",
            [article_id, record.body, record.article["title"]],
        )


def write_pairs(db: Database, article_id: int, record: ArticleRecord) -> None:
    """Replace the article's pairs with the new set (inside the caller's transaction)."""
    db.execute("DELETE FROM pairs WHERE article_id = ?", [article_id])
    for row in record.pairs:
        write_row(db, "pairs", {**row, "article_id": article_id})


def write_row(db: Database, table: str, row: dict[str, object]) -> None:
    """Insert or replace one full row with plain SQL (sqlite-utils' upsert re-reads the schema per call)."""
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    db.execute(f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({marks})", list(row.values()))


def mark_seen(db: Database, urls: Iterable[str], seen_at: str) -> int:
    """Record that known `urls` were listed again (not re-fetched); return how many were known."""
    with write_txn(db):
        return touch_last_seen(db, urls, seen_at)


def known_urls(db: Database, source: str | None = None) -> set[str]:
    """Return the canonical URLs already stored (for one source, or all)."""
    if source is None:
        return {row[0] for row in db.execute("SELECT url FROM articles")}
    return {row[0] for row in db.execute("SELECT url FROM articles WHERE source = ?", [source])}


PAGE_SELECT = (
    "SELECT articles.id, articles.url, articles.source, pages.fetched_url, pages.fetched_at, "
    "pages.http_status, pages.encoding, pages.content_type, pages.listing_json, pages.raw_gz "
    "FROM pages JOIN articles ON articles.id = pages.article_id WHERE articles.id = ?"
)


def page_ids(db: Database, sources: Iterable[str] | None = None) -> list[int]:
    """Return the ids of stored pages, optionally only for `sources`, in id order."""
    wanted = sorted(set(sources)) if sources is not None else []
    where = f"WHERE articles.source IN ({', '.join('?' for _ in wanted)})" if wanted else ""
    sql = f"SELECT articles.id FROM pages JOIN articles ON articles.id = pages.article_id {where} ORDER BY 1"
    return [int(row[0]) for row in db.execute(sql, wanted)]


def iter_pages(db: Database, sources: Iterable[str] | None = None) -> Iterator[StoredPage]:
    """Yield every stored page (optionally only `sources`) with its raw bytes decompressed, by article id."""
    # Ids first, then one row at a time: the caller writes between yields (retag), and holding a
    # SELECT cursor open across those writes would also keep every page's blob in flight.
    for article_id in page_ids(db, sources):
        row = db.execute(PAGE_SELECT, [article_id]).fetchone()
        yield StoredPage(
            article_id=row[0],
            url=row[1],
            source=row[2],
            fetched_url=row[3],
            fetched_at=row[4],
            http_status=row[5],
            encoding=row[6],
            content_type=row[7],
            listing=json.loads(row[8] or "{}"),
            raw=zlib.decompress(row[9]),
        )


def count_pages(db: Database, sources: Iterable[str] | None = None) -> int:
    """Return how many stored pages `iter_pages` would yield."""
    return len(page_ids(db, sources))
