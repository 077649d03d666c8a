"""Dead links: listed article URLs that answered 404/410, remembered so a nightly run skips them."""

from __future__ import annotations

from collections.abc import Mapping

from sqlite_utils import Database

from store.connection import write_txn


def record_dead_links(db: Database, source: str, dead: Mapping[str, int], checked_at: str) -> int:
    """Store (or refresh) the dead `url -> HTTP status` of one source's run; return how many."""
    with write_txn(db):
        for url, status in sorted(dead.items()):
            # first_seen survives a re-check; status and last_checked follow the latest answer.
            db.execute(
                "INSERT INTO dead_links (url, source, http_status, first_seen, last_checked) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET http_status = excluded.http_status, "
                "last_checked = excluded.last_checked",
                [url, source, status, checked_at, checked_at],
            )
    return len(dead)


def dead_link_urls(db: Database, source: str) -> set[str]:
    """Return the URLs of `source` known to be dead."""
    return {row[0] for row in db.execute("SELECT url FROM dead_links WHERE source = ?", [source])}
