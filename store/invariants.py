"""The reliability doc's DB invariants, as one function that returns every violation found."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from store.records import sha256_text
from store.schema import FTS_TABLE

# Each query returns offending rows; its message explains what a row means.
ROW_CHECKS: tuple[tuple[str, str], ...] = (
    (
        (
            "SELECT a.url FROM articles a LEFT JOIN article_text t ON t.article_id = a.id "
            "WHERE a.extraction_status = 'ok' AND coalesce(t.body, '') = ''"
        ),
        "article with extraction_status 'ok' but empty text",
    ),
    (
        (
            "SELECT a.url FROM articles a "
            "WHERE a.n_pairs != (SELECT count(*) FROM pairs p WHERE p.article_id = a.id)"
        ),
        "article whose n_pairs differs from its rows in pairs",
    ),
    ("SELECT url FROM articles GROUP BY url HAVING count(*) > 1", "canonical URL stored more than once"),
    (
        "SELECT a.url FROM articles a LEFT JOIN pages p ON p.article_id = a.id WHERE p.article_id IS NULL",
        "article without its raw page",
    ),
    (
        (
            "SELECT a.url FROM articles a JOIN article_text t ON t.article_id = a.id "
            f"LEFT JOIN {FTS_TABLE}_docsize f ON f.id = a.id WHERE f.id IS NULL"
        ),
        "article text missing from the full-text index",
    ),
    (
        (
            f"SELECT f.id FROM {FTS_TABLE}_docsize f LEFT JOIN article_text t ON t.article_id = f.id "
            "WHERE t.article_id IS NULL"
        ),
        "full-text entry without article text",
    ),
)


def db_invariants(db: Database) -> list[str]:
    """Return one line per broken invariant (integrity, FKs, WAL, text/pairs/hash consistency); [] = ok."""
    problems: list[str] = []
    integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        problems.append(f"integrity_check: {'; '.join(integrity[:5])}")
    fk_rows = db.execute("PRAGMA foreign_key_check").fetchall()
    if fk_rows:
        problems.append(
            f"foreign_key_check: {len(fk_rows)} rows, first in table {fk_rows[0][0]} rowid {fk_rows[0][1]}"
        )
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        problems.append(f"journal_mode is {mode}, not wal")
    for sql, meaning in ROW_CHECKS:
        bad = [str(row[0]) for row in db.execute(sql)]
        if bad:
            problems.append(f"{meaning}: {len(bad)} (first: {bad[0]})")
    problems.extend(text_sha_problems(db))
    problems.extend(fts_problems(db))
    return problems


def fts_problems(db: Database) -> list[str]:
    """Return a line if the full-text index disagrees with article_text (FTS5 integrity-check, rank=1)."""
    try:
        # rank=1 also compares the index with its external content table; it writes nothing.
        db.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as error:
        rebuild = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"
        return [
            f"full-text index {FTS_TABLE} does not match article_text ({error}); rebuild it with {rebuild}"
        ]
    return []


def text_sha_problems(db: Database) -> list[str]:
    """Return a line if any stored body's sha256 differs from its `text_sha` (or text_sha lacks a body)."""
    bad: list[str] = []
    sql = (
        "SELECT a.url, a.text_sha, t.body FROM articles a LEFT JOIN article_text t ON t.article_id = a.id "
        "WHERE a.text_sha IS NOT NULL OR t.body IS NOT NULL"
    )
    for url, text_sha, body in db.execute(sql):
        if body is None or text_sha is None or sha256_text(body) != text_sha:
            bad.append(url)
    return [f"article whose text_sha does not match its text: {len(bad)} (first: {bad[0]})"] if bad else []
