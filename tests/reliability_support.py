"""Helpers shared by the `test_reliability_*` files: the real CLI against our own replicas, and DB dumps."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from conftest import ROOT, start_replica, stop

from crawler.urls import article_kind, canonical_url
from store.db import db_invariants, open_db

TWINWATCH = Path(sys.executable).parent / "twinwatch"  # the installed console script users run
FIXTURES = ROOT / "replica" / "data"
# What "the same result" means across databases (ids and timestamps differ by design).
ARTICLE_COLUMNS = ("url", "title", "published", "language", "text_sha", "n_pairs", "extraction_status")
PAIR_COLUMNS = ("a", "b", "a_country", "b_country", "relation", "explicit", "evidence")

Row = tuple[Any, ...]


@contextmanager
def replica(*flags: str) -> Iterator[str]:
    """Run a replica of our own (`--quiet` plus `flags`) for the block and yield its base URL."""
    proc, url = start_replica("--quiet", *flags)
    try:
        yield url
    finally:
        stop(proc)


def copy_fixtures(dest: Path) -> Path:
    """Copy the replica's fixture tree to `dest` (for `--data-dir` edits) and return it."""
    shutil.copytree(FIXTURES, dest)
    return dest


PACKAGES = ("crawler", "extract", "store", "schedules", "replica")  # pyproject's package list
ROOT_FILES = ("scrapy.cfg", "datasette-metadata.yml")


def frozen_source(dest: Path) -> dict[str, str]:
    """Copy the project's packages to `dest` and return the env that makes CLI crawls import that copy.

    Crawls that are compared with each other must run the same extractor and tagger: the versions are
    hashes of the source, and a shared checkout can change under a test that runs for a minute.
    """
    for package in PACKAGES:
        shutil.copytree(ROOT / package, dest / package, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ROOT_FILES:
        shutil.copy2(ROOT / name, dest / name)
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(dest), os.environ.get("PYTHONPATH")]))}


def crawl_argv(db_path: Path, url: str, *flags: str) -> list[str]:
    """Return the argv of `twinwatch crawl --db DB --replica URL FLAGS`."""
    return [str(TWINWATCH), "crawl", "--db", str(db_path), "--replica", url, *flags]


def crawl_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return the environment of a CLI crawl (ours plus `extra`)."""
    return {**os.environ, **(extra or {})}


def run_crawl(db_path: Path, url: str, *flags: str, env: Mapping[str, str] | None = None,
              timeout_s: float = 180) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """Run the real CLI crawl to completion and return its process result (stdout, stderr, exit code)."""
    return subprocess.run(crawl_argv(db_path, url, *flags), cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout_s, env=crawl_env(env), check=False, stdin=subprocess.DEVNULL)  # fmt: skip


def spawn_crawl(db_path: Path, url: str, *flags: str, env: Mapping[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start the CLI crawl in its own session, so the whole tree (scrapy, workers) can be killed at once."""
    return subprocess.Popen(crawl_argv(db_path, url, *flags), cwd=ROOT, start_new_session=True, env=crawl_env(env),
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip


def group_members(pgid: int) -> list[int]:
    """Return the live (non-zombie) processes of process group `pgid`, from /proc."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # exited while we looked
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def kill_tree(proc: subprocess.Popen[bytes], timeout_s: float = 20) -> None:
    """SIGKILL the crawl's process group and return once no member of it is left (bounded poll)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=timeout_s)
    deadline = time.monotonic() + timeout_s
    while group_members(proc.pid):
        assert time.monotonic() < deadline, f"process group {proc.pid} survived SIGKILL: {group_members(proc.pid)}"
        time.sleep(0.05)  # the kernel is tearing the children down; nothing to read from them


def query(db_path: Path, sql: str, *params: object) -> list[Row]:
    """Run one query on a database file and return every row."""
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def invariants(db_path: Path) -> list[str]:
    """Return the store's DB invariant violations of the file ([] = ok)."""
    db = open_db(db_path)
    try:
        return db_invariants(db)
    finally:
        db.close()


def integrity(db_path: Path) -> str:
    """Return `PRAGMA integrity_check` of the file, its lines joined."""
    return "; ".join(row[0] for row in query(db_path, "PRAGMA integrity_check"))


def content(db_path: Path) -> tuple[set[Row], set[Row]]:
    """Return the comparable content: article rows and pair rows (keyed by article URL, no ids)."""
    articles = set(query(db_path, f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles"))
    columns = ", ".join(f"p.{c}" for c in PAIR_COLUMNS)
    pairs = set(query(db_path, f"SELECT a.url, {columns} FROM pairs p JOIN articles a ON a.id = p.article_id"))
    return articles, pairs


def rows_by_url(db_path: Path) -> dict[str, dict[str, Any]]:
    """Return every `articles` row as a dict, keyed by URL."""
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return {row["url"]: dict(row) for row in conn.execute("SELECT * FROM articles")}
    finally:
        conn.close()


def pairs_by_url(db_path: Path) -> dict[str, set[Row]]:
    """Return each article URL's pair rows (all columns but the article id)."""
    out: dict[str, set[Row]] = {}
    sql = "SELECT a.url, p.* FROM pairs p JOIN articles a ON a.id = p.article_id"
    for url, *rest in query(db_path, sql):
        out.setdefault(url, set()).add(tuple(rest))
    return out


def read_requests(log_path: Path) -> list[dict[str, Any]]:
    """Return the replica's request log (one JSON object per request)."""
    if not log_path.exists():
        return []
    return [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines() if line.strip()]


def article_url(entry: Mapping[str, Any]) -> str | None:
    """Return the canonical article URL a logged request asked for, or None for listings/feeds/robots."""
    url = canonical_url(f"https://{entry['host']}{entry['path']}")
    return url if article_kind(url) is not None else None


def ds_get(ds: Any, path: str) -> Any:
    """GET `path` from an in-process Datasette (its ASGI client, no socket) and return the httpx response."""
    return asyncio.run(ds.client.get(path))
