"""Lock contention and a full disk during real CLI crawls (issue 5, reliability T15).

tests/test_store.py covers the same faults on one `save_article` call; these go through
`twinwatch crawl`: another process holds `BEGIN IMMEDIATE` (2 s: waited out; past the 10 s busy
timeout: one-line error, non-zero exit, no partial rows), and `PRAGMA max_page_count` stands in for a
full disk (set in every crawl process by a `sitecustomize` on PYTHONPATH, as test_crawl's guard is).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT
from reliability_support import FIXTURES, crawl_argv, crawl_env, invariants, query, run_crawl

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))  # the fault itself: another writer keeps the lock this long
conn.execute("COMMIT")
print("released", flush=True)
"""
DISK_FULL = """
import os, sqlite3
_limit, _connect = int(os.environ["TWINWATCH_TEST_MAX_PAGES"]), sqlite3.connect
def connect(*args, **kwargs):
    conn = _connect(*args, **kwargs)
    conn.execute(f"PRAGMA max_page_count = {_limit}")  # this connection may not grow the file: a full disk
    return conn
sqlite3.connect = connect
"""
BUSY_TIMEOUT_S = 10  # open_db's default, used by the crawl


def hold_lock(db_path: Path, seconds: float) -> subprocess.Popen[str]:
    """Start another process that holds the write lock of `db_path` for `seconds`; return once it holds it."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path), str(seconds)], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def finish(proc: subprocess.Popen[str]) -> str:
    """Wait for a lock holder to release and exit; return what it printed last."""
    out, _ = proc.communicate(timeout=60)
    return out.strip()


def start_crawl(db_path: Path, url: str, *flags: str, stderr: Path) -> subprocess.Popen[bytes]:
    """Start the CLI crawl with its stderr going to a file (read after it exits)."""
    with stderr.open("wb") as sink:
        return subprocess.Popen(crawl_argv(db_path, url, *flags), cwd=ROOT, env=crawl_env(), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=sink)  # fmt: skip


def wait_for_articles(db_path: Path, proc: subprocess.Popen[bytes], at_least: int, timeout_s: float = 120) -> int:
    """Poll (bounded) until the crawl has committed `at_least` articles; return the count seen."""
    deadline = time.monotonic() + timeout_s
    while True:
        assert proc.poll() is None, "the crawl ended before the fault could be injected"
        assert time.monotonic() < deadline, f"no {at_least} articles within {timeout_s} s"
        try:
            count = query(db_path, "SELECT count(*) FROM articles")[0][0] if db_path.exists() else 0
        except sqlite3.OperationalError:
            count = 0  # the file exists but the crawl has not created its tables yet
        if count >= at_least:
            return int(count)
        time.sleep(0.05)  # polling a file another process writes; no event to wait on


def store_error_lines(db_path: Path) -> list[str]:
    """Return the crawl log lines (all runs, all sources) that report a failed save."""
    logs = sorted((db_path.parent / "logs").glob("run-*.log"))
    lines = [line for log in logs for line in log.read_text(encoding="utf-8", errors="replace").splitlines()]
    return [line for line in lines if "crawl stopped:" in line or "database is locked" in line]


def last_run(db_path: Path) -> tuple[str, int, int, str | None]:
    """Return (status, articles_new, errors, message) of the newest run."""
    row = query(db_path, "SELECT status, articles_new, errors, message FROM runs ORDER BY id DESC LIMIT 1")[0]
    return row[0], row[1], row[2], row[3]


def fixture_count(site: str) -> int:
    """Return how many article fixtures the replica serves for `site`."""
    return len(list((FIXTURES / site).glob("*/*.json")))


def test_a_two_second_lock_mid_crawl_is_waited_out(replica_url: str, tmp_path: Path) -> None:
    db_path, stderr = tmp_path / "short.db", tmp_path / "stderr.txt"
    every = sum(fixture_count(site) for site in ("russkiymir", "embassy", "tass"))
    crawl = start_crawl(db_path, replica_url, stderr=stderr)  # all sources: a wide window for the lock
    before = wait_for_articles(db_path, crawl, 3)
    holder = hold_lock(db_path, 2.0)
    running_while_held = crawl.poll() is None
    assert finish(holder) == "released"
    crawl.wait(timeout=300)
    status, new, errors, message = last_run(db_path)
    stored = query(db_path, "SELECT count(*) FROM articles")[0][0]
    store_errors = store_error_lines(db_path)
    print(f"T15 2 s lock: crawl exit {crawl.returncode}, {len(store_errors)} store errors ({errors} errors in all), "
          f"articles {before} before the lock -> {stored}/{every}, run {status}")
    assert running_while_held and before < every, "the lock did not fall mid-crawl"
    assert crawl.returncode == 0, stderr.read_text(encoding="utf-8")
    assert (status, message, store_errors) == ("ok", None, [])
    # (errors also counts extraction failures, stored with their status; a store error would be logged above.)
    assert stored == new == every
    assert invariants(db_path) == []


def test_a_lock_longer_than_the_busy_timeout_stops_the_crawl_with_one_line(replica_url: str, tmp_path: Path) -> None:
    db_path, stderr = tmp_path / "long.db", tmp_path / "stderr.txt"
    crawl = start_crawl(db_path, replica_url, "--source", "tass", stderr=stderr)
    wait_for_articles(db_path, crawl, 3)
    holder = hold_lock(db_path, BUSY_TIMEOUT_S + 3)
    crawl.wait(timeout=120)
    assert finish(holder) == "released"
    status, new, errors, message = last_run(db_path)
    stored = query(db_path, "SELECT count(*) FROM articles")[0][0]
    locked = f"database is locked (another process held the write lock for more than {BUSY_TIMEOUT_S} s)"
    lines = stderr.read_text(encoding="utf-8").splitlines()
    print(f"T15 {BUSY_TIMEOUT_S + 3} s lock: crawl exit {crawl.returncode}, run {status}, {errors} errors, "
          f"stored {stored} = committed {new}; CLI: {lines[-1]!r}")
    assert crawl.returncode != 0 and status == "failed"
    assert lines[-1].startswith("Error: run ") and "every source failed" in lines[-1]
    assert any(line.startswith("tass: ") and "FAILED" in line and locked in line for line in lines)
    assert message is not None and locked in message and errors >= 1
    assert stored == new < fixture_count("tass")  # only whole, counted articles: nothing partial
    assert invariants(db_path) == []
    again = run_crawl(db_path, replica_url, "--source", "tass")  # lock gone: the next run stores the rest
    assert again.returncode == 0, again.stderr
    assert query(db_path, "SELECT count(*) FROM articles")[0][0] == fixture_count("tass")


def test_a_lock_held_when_the_crawl_starts_fails_it_at_once_with_one_line(replica_url: str, tmp_path: Path) -> None:
    db_path = tmp_path / "start.db"
    done = run_crawl(db_path, replica_url, "--source", "tass")
    assert done.returncode == 0, done.stderr
    runs_before = query(db_path, "SELECT count(*) FROM runs")[0][0]
    holder = hold_lock(db_path, BUSY_TIMEOUT_S + 2)
    try:
        blocked = run_crawl(db_path, replica_url, "--source", "tass")
    finally:
        finish(holder)
    lines = blocked.stderr.strip().splitlines()
    print(f"T15 lock at start: exit {blocked.returncode}; {lines[-1] if lines else ''}")
    assert blocked.returncode == 1
    expected = (f"Error: {db_path}: database is locked (another process held the write lock for more than "
                f"{BUSY_TIMEOUT_S} s); wait for the other writer (a running crawl or retag) to finish, then retry")
    assert lines == [expected]
    assert query(db_path, "SELECT count(*) FROM runs")[0][0] == runs_before  # no half-started run row
    assert invariants(db_path) == []


def test_a_full_disk_stops_the_crawl_with_a_clear_message_and_rolls_back(replica_url: str, tmp_path: Path) -> None:
    db_path, guard = tmp_path / "full.db", tmp_path / "guard"
    done = run_crawl(db_path, replica_url, "--source", "tass")
    assert done.returncode == 0, done.stderr
    pre = query(db_path, "SELECT count(*) FROM articles")[0][0]
    pages = query(db_path, "PRAGMA page_count")[0][0]
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(DISK_FULL, encoding="utf-8")
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(guard), os.environ.get("PYTHONPATH")])),
           "TWINWATCH_TEST_MAX_PAGES": str(pages + 20)}  # room for a few articles, then the disk is full
    full = run_crawl(db_path, replica_url, "--source", "embassy", env=env)
    status, new, errors, message = last_run(db_path)
    stored = query(db_path, "SELECT count(*) FROM articles")[0][0]
    disk_full = "database or disk is full; free disk space and re-run (the failed write was rolled back)"
    print(f"T15 disk full: exit {full.returncode}, run {status}, {errors} errors, articles {pre} before -> {stored} "
          f"(= {pre} + {new} committed), integrity {'ok' if not invariants(db_path) else 'BROKEN'}")
    assert full.returncode != 0 and status == "failed" and errors >= 1
    assert message is not None and disk_full in message and disk_full in full.stderr
    assert stored == pre + new < pre + fixture_count("embassy")  # the failed transactions left nothing
    assert invariants(db_path) == []
    again = run_crawl(db_path, replica_url, "--source", "embassy")  # space freed: the next run stores the rest
    assert again.returncode == 0, again.stderr
    assert query(db_path, "SELECT count(*) FROM articles WHERE source = 'embassy'")[0][0] == fixture_count("embassy")
    assert invariants(db_path) == []
