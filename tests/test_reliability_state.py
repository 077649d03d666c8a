"""Idempotency and run health through the real CLI (issue 5, reliability T13 + the health flag).

Each test runs `twinwatch crawl --db X --replica URL` as users do, against replicas this module starts
itself (with `--log`, so every request the crawl made can be counted, and `--data-dir` for edits).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from reliability_support import (
    article_url,
    copy_fixtures,
    ds_get,
    frozen_source,
    invariants,
    pairs_by_url,
    query,
    read_requests,
    replica,
    rows_by_url,
    run_crawl,
)

from store.publish import make_datasette

EDITED = "embassy/en/delegation_of_tver_visited_its_sister_city_buffalo.json"
REMOVED = "tass/en/1100348.json"


@dataclass
class TwoRuns:
    """Two CLI crawls of one unchanged replica into one database, with what was seen in between."""

    db_path: Path
    data_dir: Path
    env: dict[str, str]  # runs the CLI on a frozen copy of the source (same extractor/tagger versions)
    first: dict[str, dict[str, Any]]  # articles rows by URL after run 1
    first_pairs: dict[str, set[tuple[Any, ...]]]
    second: dict[str, dict[str, Any]]
    second_pairs: dict[str, set[tuple[Any, ...]]]
    requests_1: list[dict[str, Any]]
    requests_2: list[dict[str, Any]]


def snapshot(db_path: Path, dest: Path) -> Path:
    """Copy a database with SQLite's backup API (WAL content included) and return the copy."""
    src, dst = sqlite3.connect(db_path), sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return dest


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TwoRuns]:
    """Crawl an unchanged replica twice through the CLI, keeping the request log of each run apart."""
    tmp = tmp_path_factory.mktemp("twice")
    data_dir, log, db_path = copy_fixtures(tmp / "data"), tmp / "requests.jsonl", tmp / "twinwatch.db"
    env = frozen_source(tmp / "src")
    with replica("--data-dir", str(data_dir), "--log", str(log)) as url:
        first = run_crawl(db_path, url, env=env)
        assert first.returncode == 0, first.stderr
        n_first = len(read_requests(log))
        rows_1, pairs_1 = rows_by_url(db_path), pairs_by_url(db_path)
        second = run_crawl(db_path, url, env=env)
        assert second.returncode == 0, second.stderr
        requests = read_requests(log)
    yield TwoRuns(db_path, data_dir, env, rows_1, pairs_1, rows_by_url(db_path), pairs_by_url(db_path),
                  requests[:n_first], requests[n_first:])  # fmt: skip


def test_second_run_fetches_no_article_again_and_changes_nothing(two_runs: TwoRuns) -> None:
    r = two_runs
    stored = set(r.first)
    refetched = [url for url in map(article_url, r.requests_2) if url in stored]
    dead_again = sorted({u for u in map(article_url, r.requests_2) if u is not None and u not in stored})
    run_2 = query(r.db_path, "SELECT requests, articles_new, articles_updated, articles_unchanged, pairs, status "
                             "FROM runs ORDER BY id DESC LIMIT 1")[0]  # fmt: skip
    first_seen_changes = sum(r.first[u]["first_seen"] != r.second[u]["first_seen"] for u in stored)
    last_seen_updates = sum(r.second[u]["last_seen"] > r.first[u]["last_seen"] for u in stored)
    print(f"T13 2nd run: article fetches {len(refetched)}, inserts {run_2[1]}, first_seen changes "
          f"{first_seen_changes}, last_seen updates {last_seen_updates}/{len(stored)} "
          f"(requests {len(r.requests_1)} -> {run_2[0]}; dead links asked again {len(dead_again)})")
    assert len(stored) > 50 and run_2[5] == "ok"
    assert refetched == []
    assert dead_again == []  # a listed URL that answered 404/410 is remembered (dead_links), not asked again
    assert run_2[0] == len(r.requests_2)  # the request count in `runs` is what the replica answered
    assert run_2[1:5] == (0, 0, 0, 0)  # no article new, updated or even re-read
    assert set(r.second) == stored and first_seen_changes == 0
    assert {u: {k: v for k, v in row.items() if k != "last_seen"} for u, row in r.second.items()} == \
        {u: {k: v for k, v in row.items() if k != "last_seen"} for u, row in r.first.items()}
    assert r.second_pairs == r.first_pairs
    # last_seen moves for every article the second run saw listed (an incremental run stops paging early).
    listed_known = {u for u in map(article_url, r.requests_1) if u in stored}
    assert 0 < last_seen_updates <= len(listed_known)
    assert all(r.second[u]["last_seen"] >= r.first[u]["last_seen"] for u in stored)
    assert invariants(r.db_path) == []


def edit_fixtures(data_dir: Path) -> str:
    """Edit one article's paragraphs and delete another fixture; return the deleted article's URL."""
    edited = data_dir / EDITED
    fixture = json.loads(edited.read_text(encoding="utf-8"))
    fixture["paragraphs"][-1] += " The visit ended with a joint concert of the two cities' youth orchestras."
    edited.write_text(json.dumps(fixture, ensure_ascii=False, indent=1), encoding="utf-8")
    removed = data_dir / REMOVED
    url = str(json.loads(removed.read_text(encoding="utf-8"))["url"])
    removed.unlink()
    return url


def test_edited_article_updates_once_and_a_removed_one_keeps_its_history(two_runs: TwoRuns, tmp_path: Path) -> None:
    db_path = snapshot(two_runs.db_path, tmp_path / "edit.db")
    data_dir = tmp_path / "data"
    shutil.copytree(two_runs.data_dir, data_dir)
    edited_url = json.loads((data_dir / EDITED).read_text(encoding="utf-8"))["url"]
    removed_url = edit_fixtures(data_dir)
    before, pairs_before = rows_by_url(db_path), pairs_by_url(db_path)
    assert edited_url in before and removed_url in before
    with replica("--data-dir", str(data_dir)) as url:
        done = run_crawl(db_path, url, "--recheck", "--full", env=two_runs.env)
        assert done.returncode == 0, done.stderr
        # The edit is taken once, not on every run.
        again = run_crawl(db_path, url, "--recheck", "--full", env=two_runs.env)
        assert again.returncode == 0, again.stderr
    after, pairs_after = rows_by_url(db_path), pairs_by_url(db_path)
    counts = query(db_path, "SELECT articles_new, articles_updated, articles_unchanged FROM runs ORDER BY id")[-2:]
    changed = sorted(u for u in before if {k: v for k, v in after[u].items() if k != "last_seen"}
                     != {k: v for k, v in before[u].items() if k != "last_seen"})  # fmt: skip
    old, new = before[edited_url], after[edited_url]
    print(f"T13 edit/remove: recheck runs (new, updated, unchanged) {counts}; changed rows {len(changed)}; "
          f"edited hash changed {old['text_sha'] != new['text_sha']}; removed kept {removed_url in after}")
    assert counts[0][:2] == (0, 1) and counts[1][:2] == (0, 0)
    # Every other stored article still listed was fetched again and found unchanged (the edited one too, later).
    assert (counts[0][2], counts[1][2]) == (len(before) - 2, len(before) - 1)
    assert changed == [edited_url]
    assert old["text_sha"] != new["text_sha"] and old["content_hash"] != new["content_hash"]
    assert new["first_seen"] == old["first_seen"] and new["last_changed"] > old["last_changed"]
    assert after[removed_url] == before[removed_url]  # nothing deletes history; last_seen stays where it was
    assert pairs_after.get(removed_url) == pairs_before.get(removed_url)
    assert {u: p for u, p in pairs_after.items() if u != edited_url} == \
        {u: p for u, p in pairs_before.items() if u != edited_url}
    assert invariants(db_path) == []  # n_pairs equals the edited article's pair rows, text_sha its text


def test_source_that_drops_to_zero_is_flagged_in_runs_log_and_datasette(two_runs: TwoRuns, tmp_path: Path) -> None:
    db_path = snapshot(two_runs.db_path, tmp_path / "health.db")
    data_dir = tmp_path / "data"
    shutil.copytree(two_runs.data_dir, data_dir)
    for fixture in (data_dir / "tass").glob("*/*.json"):
        fixture.unlink()  # TASS publishes nothing: its listings, feeds and sitemaps come back empty
    with replica("--data-dir", str(data_dir)) as url:
        done = run_crawl(db_path, url, "--source", "tass", env=two_runs.env)
    assert done.returncode == 0, done.stderr
    run_id, flags = query(db_path, "SELECT id, health_flags FROM runs ORDER BY id DESC LIMIT 1")[0]
    flagged = query(db_path, "SELECT source, articles_seen, flagged, flag_reason FROM run_sources WHERE run_id = ?",
                    run_id)  # fmt: skip
    ds = make_datasette(db_path)
    response = ds_get(ds, f"/twinwatch/runs.json?_shape=array&id={run_id}")
    shown = response.json()[0]["health_flags"] if response.status_code == 200 else response.text
    health = ds_get(ds, "/twinwatch/source_health.json?_shape=array&flagged=1").json()
    print(f"health: {flagged}; runs.health_flags {flags}; CLI said {[l for l in done.stderr.splitlines() if 'health' in l]}")
    assert flagged == [("tass", 0, 1, "zero articles")]
    assert json.loads(flags) == ["tass: zero articles"] and json.loads(shown) == ["tass: zero articles"]
    assert "health: tass: zero articles" in done.stderr.splitlines()
    assert [(row["run_id"], row["source"]) for row in health] == [(run_id, "tass")]
    # The two earlier healthy runs were not flagged.
    assert query(db_path, "SELECT count(*) FROM run_sources WHERE flagged = 1") == [(1,)]
