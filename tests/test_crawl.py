"""A real crawl of the replica into a fresh database through `schedules.jobs.crawl` (issue 4 acceptance).

Every Python process of the crawl (the scrapy children and their extraction workers) loads a
`sitecustomize` that records, via an audit hook, any socket connect or name lookup that is not
loopback: the crawl must never leave 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from schedules.jobs import CrawlResult, crawl

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "replica" / "data"
MINIMUM = {"russkiymir": 20, "embassy": 15, "tass": 25}  # issue 4: "what it must show"

NETWORK_GUARD = '''
import os, sys
_LOG = os.environ["TWINWATCH_TEST_NETLOG"]
_LOCAL = {"127.0.0.1", "::1", "localhost", "", None}

def _note(line):
    with open(_LOG, "a", encoding="utf-8") as handle:
        handle.write(line + "\\n")

def _hook(event, args):
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, tuple) and address[0] not in _LOCAL:
            _note(f"connect {address!r} pid={os.getpid()}")
    elif event == "socket.getaddrinfo":
        host = args[0].decode() if isinstance(args[0], bytes) else args[0]
        if host not in _LOCAL:
            _note(f"getaddrinfo {host!r} pid={os.getpid()}")

_note(f"guarded pid={os.getpid()} argv={sys.orig_argv[1:5]!r}")
sys.addaudithook(_hook)
'''


def seed_fixtures() -> list[dict[str, Any]]:
    """Return the replica fixtures built from the five seed documents (their gold records)."""
    files = sorted(FIXTURES.glob("*/*/*.json"))
    fixtures = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    return [f for f in fixtures if str(f.get("origin", "")).startswith("seed")]


def dump(db_path: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Return every articles row minus `last_seen`, and every pairs row, in a stable order."""
    with sqlite3.connect(db_path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(articles)") if row[1] != "last_seen"]
        articles = conn.execute(f"SELECT {', '.join(columns)} FROM articles ORDER BY url").fetchall()
        pairs = conn.execute("SELECT * FROM pairs ORDER BY id").fetchall()
    return articles, pairs


def query(db_path: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Run one read-only query on the crawled database."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def crawled(replica_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, CrawlResult, Path]]:
    """Crawl every source of the replica once, with the network guard loaded in every child process."""
    tmp = tmp_path_factory.mktemp("crawl")
    guard_dir, netlog = tmp / "guard", tmp / "netlog.txt"
    guard_dir.mkdir()
    (guard_dir / "sitecustomize.py").write_text(NETWORK_GUARD, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(guard_dir), os.environ.get("PYTHONPATH")])))
        mp.setenv("TWINWATCH_TEST_NETLOG", str(netlog))
        lines: list[str] = []
        result = crawl(tmp / "twinwatch.db", (), replica_url, echo=lines.append)
        print("\n".join(lines), f"\nfull replica crawl: {result.seconds:.1f} s")
        yield tmp / "twinwatch.db", result, netlog


def test_every_source_finished_and_the_run_is_recorded(crawled: tuple[Path, CrawlResult, Path]) -> None:
    db_path, result, _ = crawled
    assert result.status == "ok", [o.message for o in result.outcomes]
    assert query(db_path, "SELECT status FROM runs WHERE id = ?", result.run_id) == [("ok",)]
    rows = query(db_path, "SELECT source, requests, articles_new FROM run_sources WHERE run_id = ? ORDER BY 1",
                 result.run_id)  # fmt: skip
    assert [r[0] for r in rows] == ["embassy", "russkiymir", "tass"]
    assert all(requests > 0 and new > 0 for _, requests, new in rows)


def test_no_request_left_loopback(crawled: tuple[Path, CrawlResult, Path]) -> None:
    _, _, netlog = crawled
    lines = netlog.read_text(encoding="utf-8").splitlines()
    assert sum("'scrapy', 'crawl'" in line for line in lines if line.startswith("guarded")) == 3  # one per source
    assert [line for line in lines if not line.startswith("guarded")] == []


@pytest.mark.parametrize("source", sorted(MINIMUM))
def test_article_counts_per_source_in_both_languages(crawled: tuple[Path, CrawlResult, Path], source: str) -> None:
    db_path, _, _ = crawled
    per_language = dict(query(db_path, "SELECT language, count(*) FROM articles WHERE source = ? "
                                       "AND extraction_status = 'ok' GROUP BY 1", source))  # fmt: skip
    assert sum(per_language.values()) >= MINIMUM[source], per_language
    assert per_language.get("en", 0) > 0 and per_language.get("ru", 0) > 0, per_language


@pytest.mark.parametrize("seed", seed_fixtures(), ids=lambda f: f["url"].rsplit("/", 2)[-2][:40] or f["url"])
def test_seed_articles_stored_with_gold_title_date_and_clean_body(
    crawled: tuple[Path, CrawlResult, Path], seed: dict[str, Any]
) -> None:
    db_path, _, _ = crawled
    gold = seed["gold"]
    rows = query(db_path, "SELECT a.title, a.published, t.body FROM articles a "
                          "LEFT JOIN article_text t ON t.article_id = a.id WHERE a.url = ?", gold["canonical_url"])  # fmt: skip
    assert len(rows) == 1, gold["canonical_url"]
    title, published, body = rows[0]
    assert title == gold["title"]
    assert (published or "")[:10] == gold["published"][:10]
    assert body and not [chrome for chrome in gold["must_not_contain"] if chrome in body]


def test_seed_count_is_five() -> None:
    assert len(seed_fixtures()) == 5


def test_second_run_changes_no_article_or_pair(replica_url: str, crawled: tuple[Path, CrawlResult, Path]) -> None:
    db_path, _, _ = crawled
    before = dump(db_path)
    again = crawl(db_path, (), replica_url)
    assert again.status == "ok"
    assert sum(o.stats.articles_new + o.stats.articles_updated for o in again.outcomes) == 0
    assert dump(db_path) == before
    # Walking every page and fetching every known article again (--full --recheck) finds each one unchanged.
    rechecked = crawl(db_path, (), replica_url, full=True, recheck=True)
    # (A changed extract/ or tagger version between the runs also shows up here as "updated".)
    versions = query(db_path, "SELECT DISTINCT extractor_version, tagger_version FROM articles")
    assert sum(o.stats.articles_unchanged for o in rechecked.outcomes) == len(before[0]), \
        ([o.line() for o in rechecked.outcomes], versions)
    assert sum(o.stats.articles_new + o.stats.articles_updated for o in rechecked.outcomes) == 0
    assert dump(db_path) == before
