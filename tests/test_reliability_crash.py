"""Crash safety of real crawls (issue 5, reliability T12): SIGKILL `twinwatch crawl` at random moments.

The store-level version (a writer alone) is tests/test_store_crash.py; this one kills the whole CLI
process tree (the CLI, its scrapy child and the extraction workers) mid-crawl against the replica.
"""

from __future__ import annotations

import json
import random
import subprocess
import time
from pathlib import Path

import pytest
from reliability_support import (
    FIXTURES,
    content,
    frozen_source,
    integrity,
    invariants,
    kill_tree,
    query,
    run_crawl,
    spawn_crawl,
)

from schedules.lock import crawl_lock
from store.db import open_db, start_run

KILLS = 5
MAX_ATTEMPTS = 20  # a crawl that ends before its kill moment is not a kill; draw again, boundedly
SEED = 5012


def kill_at(db_path: Path, url: str, after_s: float, env: dict[str, str]) -> tuple[float, int] | None:
    """Start a CLI crawl and SIGKILL its tree `after_s` s in; None if killed, else (duration, exit code)."""
    started = time.monotonic()
    proc = spawn_crawl(db_path, url, env=env)
    try:
        code = proc.wait(timeout=after_s)  # the kill moment: the crawl is either done by then or killed
    except subprocess.TimeoutExpired:
        kill_tree(proc)
        return None
    kill_tree(proc)  # already exited; also reaps anything it left in its group
    return time.monotonic() - started, code


def lock_is_free(db_path: Path) -> bool:
    """Return True if the crawl lock of `db_path` can be taken now (the next crawl would start)."""
    with crawl_lock(db_path):
        return True


@pytest.mark.slow
def test_five_sigkills_then_one_full_crawl_equals_an_uninterrupted_crawl(replica_url: str, tmp_path: Path) -> None:
    golden, env = tmp_path / "golden.db", frozen_source(tmp_path / "src")
    started = time.monotonic()
    done = run_crawl(golden, replica_url, env=env)
    typical_s = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    db_path, rng = tmp_path / "killed.db", random.Random(SEED)
    kills, integrity_ok, invariants_ok, moments, stored = 0, 0, 0, [], []
    upper, attempts, finished = typical_s, 0, []
    for attempts in range(1, MAX_ATTEMPTS + 1):
        moment = rng.uniform(0.5, upper)
        ended = kill_at(db_path, replica_url, moment, env)
        if ended is not None:
            finished.append((round(ended[0], 1), ended[1]))
            assert ended[1] == 0, f"a crawl that was not killed failed: exit {ended[1]}"
            upper = max(0.6, ended[0])  # crawls of an already filled DB are shorter: aim inside them
            continue
        kills += 1
        moments.append(round(moment, 1))
        if db_path.exists():  # a kill before open_db leaves no file; nothing to check then
            integrity_ok += integrity(db_path) == "ok"
            problems = invariants(db_path)
            invariants_ok += problems == []
            assert problems == [], f"after kill {kills} at {moment:.1f} s"
            stored.append(query(db_path, "SELECT count(*) FROM articles")[0][0])
        else:
            integrity_ok, invariants_ok = integrity_ok + 1, invariants_ok + 1
            stored.append(0)
        assert lock_is_free(db_path), f"crawl lock still held after kill {kills}"
        if kills == KILLS:
            break
    assert kills == KILLS, f"only {kills} of {attempts} crawls still ran at their kill moment; ended {finished}"
    last = query(db_path, "SELECT status FROM runs ORDER BY id DESC LIMIT 1") if db_path.exists() else []
    final = run_crawl(db_path, replica_url, env=env)  # a plain re-run: after a killed run it walks every page itself
    assert final.returncode == 0, final.stderr
    # A crawl killed before it recorded its run wrote nothing, so the run before it decides (ok: incremental).
    went_full = "walking every listing page this time (as --full)" in final.stderr
    assert went_full == (last[0][0] in ("running", "killed")), (last, final.stderr)
    want_articles, want_pairs = content(golden)
    got_articles, got_pairs = content(db_path)
    statuses = dict(query(db_path, "SELECT status, count(*) FROM runs GROUP BY 1"))
    print(f"T12 {kills} kills: integrity ok {integrity_ok}/{kills}, invariants ok {invariants_ok}/{kills}; "
          f"final == uninterrupted: articles {len(got_articles & want_articles)}/{len(want_articles)}, "
          f"pairs {len(got_pairs & want_pairs)}/{len(want_pairs)} ({attempts} crawls, kill moments s {moments}, "
          f"articles stored at each kill {stored}, runs {statuses}, final run full {went_full}, "
          f"uninterrupted crawl {typical_s:.1f} s)")
    assert integrity_ok == invariants_ok == KILLS
    assert want_pairs, "the uninterrupted crawl found no pairs: nothing meaningful to compare (extract/ broken?)"
    assert got_articles == want_articles
    assert got_pairs == want_pairs
    assert invariants(db_path) == []
    assert "running" not in statuses  # every killed run was closed as 'killed' by the next crawl
    assert 0 < statuses.get("killed", 0) <= KILLS and statuses.get("ok", 0) >= 1


def oldest_fixture_url(site: str, language: str) -> str:
    """Return the canonical URL of the replica's oldest article fixture of `site` in `language`."""
    fixtures = [json.loads(f.read_text(encoding="utf-8")) for f in (FIXTURES / site / language).glob("*.json")]
    return str(min(fixtures, key=lambda f: str(f["published"]))["gold"]["canonical_url"])


def drop_article(db_path: Path, url: str) -> None:
    """Delete one stored article with its rows, as if the run that should have stored it was killed first."""
    db = open_db(db_path)
    try:
        (article_id,) = db.execute("SELECT id FROM articles WHERE url = ?", [url]).fetchone()
        with db.conn:
            for table in ("pairs", "article_text", "pages"):
                db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
            db.execute("DELETE FROM articles WHERE id = ?", [article_id])
    finally:
        db.close()


def test_after_a_killed_run_a_plain_rerun_fetches_what_it_missed_past_known_pages(
    replica_url: str, tmp_path: Path
) -> None:
    db_path = tmp_path / "gap.db"
    assert run_crawl(db_path, replica_url, "--source", "embassy").returncode == 0
    # The oldest English article sits on a later listing page than a page of articles that are all known.
    missing = oldest_fixture_url("embassy", "en")
    drop_article(db_path, missing)
    after_ok = run_crawl(db_path, replica_url, "--source", "embassy")  # the previous run was ok: incremental
    still_missing = not query(db_path, "SELECT 1 FROM articles WHERE url = ?", missing)
    db = open_db(db_path)
    start_run(db, ["embassy"], {"full": False})  # the 'running' row a SIGKILLed crawl leaves behind
    db.close()
    rerun = run_crawl(db_path, replica_url, "--source", "embassy")
    recovered = bool(query(db_path, "SELECT 1 FROM articles WHERE url = ?", missing))
    print(f"gap past a known page: after an ok run still missing {still_missing}; after a killed run recovered "
          f"{recovered} ({[line for line in rerun.stderr.splitlines() if 'run ' in line][:2]})")
    assert after_ok.returncode == 0 and still_missing  # incremental paging stops at a page of known articles
    assert rerun.returncode == 0, rerun.stderr
    assert "walking every listing page this time (as --full)" in rerun.stderr and recovered
    assert query(db_path, "SELECT status, json_extract(args, '$.full') FROM runs ORDER BY id") == \
        [("ok", 0), ("ok", 0), ("killed", 0), ("ok", 1)]
    assert invariants(db_path) == []
