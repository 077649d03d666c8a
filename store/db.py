"""The store's public API in one place: open the DB, save articles, record runs, check invariants."""

from __future__ import annotations

from sqlite_utils import Database

from store.articles import (
    Outcome,
    StoredPage,
    count_pages,
    iter_pages,
    known_urls,
    mark_seen,
    save_article,
)
from store.connection import DatabaseLockedError, StoreError, db_path_of, open_db, require_wal, write_txn
from store.dead_links import dead_link_urls, record_dead_links
from store.invariants import db_invariants
from store.records import AnalysisLike
from store.runs import (
    SourceStats,
    close_abandoned_runs,
    finish_run,
    flag_health,
    incomplete_previous_run,
    source_history,
    start_run,
    utc_now,
)
from store.schema import apply_migrations, ensure_db_shape

__all__ = [
    "AnalysisLike",
    "Database",
    "DatabaseLockedError",
    "Outcome",
    "SourceStats",
    "StoreError",
    "StoredPage",
    "apply_migrations",
    "close_abandoned_runs",
    "count_pages",
    "db_invariants",
    "db_path_of",
    "dead_link_urls",
    "ensure_db_shape",
    "finish_run",
    "flag_health",
    "incomplete_previous_run",
    "iter_pages",
    "known_urls",
    "mark_seen",
    "open_db",
    "record_dead_links",
    "require_wal",
    "save_article",
    "source_history",
    "start_run",
    "utc_now",
    "write_txn",
]
