"""Opening the database: WAL checked, busy timeout set, schema migrated; one-line errors for lock and mode."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from store.schema import apply_migrations, ensure_db_shape


class StoreError(Exception):
    """A database problem the user can fix; `str()` is one line naming the file and the fix."""


class DatabaseLockedError(StoreError):
    """Another process held the write lock for longer than the busy timeout."""


def db_path_of(db: Database) -> str:
    """Return the file behind `db` (or ':memory:'), for messages."""
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] or ":memory:"


def locked_message(path: str, busy_timeout_s: float) -> str:
    """Return the one-line message for a database that stayed locked past the busy timeout."""
    return (
        f"{path}: database is locked (another process held the write lock for more than "
        f"{busy_timeout_s:g} s); wait for the other writer (a running crawl or retag) to finish, then retry"
    )


def busy_timeout_of(db: Database) -> float:
    """Return the connection's busy timeout in seconds."""
    return float(db.execute("PRAGMA busy_timeout").fetchone()[0]) / 1000.0


def is_locked_error(error: sqlite3.OperationalError) -> bool:
    """Return True for SQLite's 'database is locked' / 'database is busy' errors."""
    text = str(error).lower()
    return "database is locked" in text or "database is busy" in text


def storage_error(error: sqlite3.OperationalError, db: Database) -> StoreError | None:
    """Return the one-line `StoreError` for a lock, full disk or read-only file; None for other errors."""
    text = str(error).lower()
    path = db_path_of(db)
    if is_locked_error(error):
        return DatabaseLockedError(locked_message(path, busy_timeout_of(db)))
    if "database or disk is full" in text:
        return StoreError(
            f"{path}: database or disk is full; free disk space and re-run (the failed write was rolled back)"
        )
    if "readonly database" in text:
        return StoreError(
            f"{path}: database is read-only; fix the file's permissions or pass a writable --db"
        )
    return None


@contextmanager
def write_txn(db: Database) -> Iterator[Database]:
    """Run the block in one `BEGIN IMMEDIATE` transaction; roll back on any error; map storage errors."""
    # IMMEDIATE takes the write lock up front, so the busy timeout applies; a deferred transaction
    # that reads first and then writes can fail at once with SQLITE_BUSY in WAL mode.
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise (storage_error(error, db) or error) from error
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException as error:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        mapped = storage_error(error, db) if isinstance(error, sqlite3.OperationalError) else None
        if mapped is not None:
            raise mapped from error
        raise


def require_wal(db: Database) -> None:
    """Switch `db` to WAL and raise `StoreError` if the mode did not take."""
    mode = db.execute("PRAGMA journal_mode=wal").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(
            f"{db_path_of(db)}: journal_mode is {mode}, not wal; "
            "Datasette cannot read while the crawl writes. "
            "Use a file on a local disk (not :memory:, a network share or a read-only directory) "
            "and make sure no other process holds it open in another mode"
        )


def connect(path: Path, busy_timeout_s: float) -> sqlite3.Connection:
    """Return a raw connection with the busy timeout and pragmas set."""
    # timeout= is sqlite3's busy handler: a short lock by another writer is waited out.
    conn = sqlite3.connect(str(path), timeout=busy_timeout_s)
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def open_db(path: str | Path, *, busy_timeout_s: float = 10.0) -> Database:
    """Open (creating if needed) the twinwatch database at `path`: WAL, migrated, shaped."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"{path}: cannot create directory {path.parent} ({error.strerror}); choose a writable --db"
        ) from error
    try:
        db = Database(connect(path, busy_timeout_s))
        require_wal(db)
        # NORMAL is safe in WAL mode (no corruption on power loss, at most the last commits lost).
        db.execute("PRAGMA synchronous=NORMAL")
        apply_migrations(db)
        ensure_db_shape(db)
    except sqlite3.OperationalError as error:
        if is_locked_error(error):
            raise DatabaseLockedError(locked_message(str(path), busy_timeout_s)) from error
        raise StoreError(
            f"{path}: cannot open database ({error}); check the path and its permissions"
        ) from error
    except sqlite3.DatabaseError as error:
        raise StoreError(
            f"{path}: not a usable SQLite database ({error}); point --db at a twinwatch database"
        ) from error
    return db
