"""Publishing: a Datasette instance over the live database, with our metadata, settings and guards."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import yaml
from datasette import hookimpl
from datasette.app import Datasette
from datasette.plugins import pm

from store.connection import StoreError, open_db

DB_NAME = "twinwatch"  # fixed, so URLs (/twinwatch/pairs.csv) do not depend on the file name
METADATA_PATH = Path(__file__).resolve().parent.parent / "datasette-metadata.yml"
# Bounds the memory one SQL query can take (reliability finding 11: randomblob(900000000) cost 858 MB
# with only the time limit). Stored values are small: bodies ~6 KB, compressed pages well under 10 MB.
MAX_VALUE_BYTES = 10_000_000
SETTINGS: dict[str, Any] = {
    # Suggested facets scan every column on every table page: 230-300 ms vs 5-12 ms (performance B5).
    "suggest_facets": False,
    "sql_time_limit_ms": 1000,
    "facet_time_limit_ms": 500,
    # The file holds every raw page; readers get tables and CSV, not a multi-GB download.
    "allow_download": False,
}

ASGIApp = Callable[[MutableMapping[str, Any], Any, Any], Awaitable[None]]


@hookimpl  # type: ignore[untyped-decorator]  # pluggy marker, untyped upstream
def prepare_connection(conn: sqlite3.Connection) -> None:
    """Datasette hook: cap string/blob length so a hostile query fails fast instead of eating memory."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)


def register_plugin() -> None:
    """Register this module as a Datasette plugin, once per process (Datasette wants a module)."""
    module = sys.modules[__name__]
    if not pm.is_registered(module):
        pm.register(module, name="twinwatch-store")


def load_metadata(path: Path = METADATA_PATH) -> dict[str, Any]:
    """Return the parsed metadata file, or raise `StoreError` with a one-line message naming it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise StoreError(
            f"{path}: cannot read Datasette metadata ({error.strerror}); restore the file"
        ) from error
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise StoreError(f"{path}: invalid YAML{line} ({problem}); fix the file") from error
    if not isinstance(data, dict) or not isinstance(data.get("databases", {}).get(DB_NAME), dict):
        raise StoreError(f"{path}: expected a mapping with databases.{DB_NAME}; fix the file")
    return data


def make_datasette(db_path: str | Path, metadata_path: Path = METADATA_PATH) -> Datasette:
    """Return a Datasette serving `db_path` (mutable, never immutable) as /twinwatch with our metadata."""
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"{path}: database not found; run a crawl first (twinwatch crawl) or pass --db")
    register_plugin()
    # Never `immutable`: immutable readers of a file being written saw corrupt pages (reliability finding 7).
    ds = Datasette([str(path)], metadata=load_metadata(metadata_path), settings=SETTINGS)
    default_name = next(name for name, db in ds.databases.items() if db.path == str(path))
    database = ds.databases[default_name]
    ds.remove_database(default_name)
    ds.add_database(database, name=DB_NAME)
    return ds


def is_unsafe_path(raw_path: bytes) -> bool:
    """Return True for paths a browser may resolve off-site (`//host`, `/\\host` and their %-encodings)."""
    lowered = raw_path.split(b"?", 1)[0].lower()
    return lowered.startswith((b"//", b"/\\", b"/%5c", b"/%2f"))


def guard_paths(app: ASGIApp) -> ASGIApp:
    """Wrap `app` so unsafe paths get a plain 404 (Datasette 0.65.5 redirects `/\\x` to `/\\x`, finding 8)."""

    async def guarded(scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        raw = scope.get("raw_path") or str(scope.get("path", "")).encode("utf-8")
        if scope.get("type") == "http" and is_unsafe_path(raw):
            await send(
                {
                    "type": "http.response.start",
                    "status": 404,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8")],
                }
            )
            await send({"type": "http.response.body", "body": b"Not found"})
            return
        await app(scope, receive, send)

    return guarded


def prepare(db_path: str | Path) -> Datasette:
    """Check the DB (WAL, schema current) and return a Datasette for it (startup hooks run on 1st request)."""
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"{path}: database not found; run a crawl first (twinwatch crawl) or pass --db")
    open_db(path).close()  # WAL checked and views/FTS ensured before anyone reads
    return make_datasette(path)


def run_server(ds: Datasette, host: str, port: int) -> None:
    """Run `ds` under uvicorn (as `datasette serve` does) until interrupted."""
    import uvicorn  # Datasette's own server dependency; only needed when actually serving

    uvicorn.run(guard_paths(ds.app()), host=host, port=port, log_level="info", lifespan="on", workers=1)


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Serve the database with Datasette on host:port until interrupted."""
    run_server(prepare(db_path), host, port)
