"""One crawl per database at a time, across processes: an `flock` on `<db>.crawl.lock` that dies with its holder."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path


class CrawlLockedError(RuntimeError):
    """Raised when another process already holds the crawl lock of a database."""


def lock_path(db_path: str | Path) -> Path:
    """Return the lock file that guards `db_path` (next to it, so it names the same database everywhere)."""
    db = Path(db_path).resolve()
    return db.with_name(db.name + ".crawl.lock")  # the name schedules/jobs.py already uses


def holder_text(path: Path) -> str:
    """Return the holder line ("pid N, since T") recorded in a lock file, or a neutral phrase if unreadable."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    return text or "pid unknown, since unknown"


def locked_message(db_path: str | Path, holder: str) -> str:
    """Return the one-line message shown when the database is already being crawled."""
    return f"another crawl ({holder}) holds {Path(db_path)}; wait for it or stop it"


@contextmanager
def crawl_lock(db_path: str | Path) -> Iterator[Path]:
    """Hold the exclusive crawl lock of `db_path` for the block; raise CrawlLockedError if it is taken.

    `flock` locks belong to the open file description, so the kernel drops the lock when the holder
    exits or is SIGKILLed: a stale lock file on disk never blocks the next crawl.
    """
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CrawlLockedError(locked_message(db_path, holder_text(path))) from None
        # Truncate only after winning: the loser must still be able to read who holds it.
        since = datetime.now(UTC).isoformat(timespec="seconds")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, since {since}\n".encode(), 0)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)  # the content only describes a live holder
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
