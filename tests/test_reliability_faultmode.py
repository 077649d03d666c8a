"""The replica's fault and bot modes through the real crawl (issue 5, reliability T01 and the bot wall of T02).

One normal crawl gives the set of articles the replica serves; a crawl of a `--faults` replica (every 7th
embassy request 503, one 3 s stall past a 2 s download timeout, 429 + Retry-After, three always-503 and
three twice-503 URLs; replica/faults.py) must store that same set minus articles whose URL is always 503,
retry the transient failures and record them in `run_sources`. A `--bot-mode` replica walls the TASS hosts
for a bot User-Agent: the hosts are recorded `blocked`, get at most 3 requests, and the UA never changes.
(tests/test_reliability_faults.py, T15, belongs to another engineer; hence this file's name.)
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from reliability_support import article_url, invariants, query, read_requests, replica

from crawler.settings import USER_AGENT
from crawler.urls import SOURCES, canonical_url
from replica.faults import ALWAYS_503, FLAKY_503
from schedules.jobs import CrawlResult, crawl

FAULT_SETTINGS = {"DOWNLOAD_TIMEOUT": "2"}  # the replica stalls 3 s: the stalled request must time out
STALL_S = "3"
MAX_ATTEMPTS = 3  # RETRY_TIMES = 2 in crawler/settings.py: first try + 2 retries
# A User-Agent the replica's bot mode walls (it walls "Scrapy" and "python-requests"; ours passes, see below).
WALLED = ("tass.com", "tass.ru")


@dataclass
class Crawled:
    """One crawl of one replica: its result, the DB file, the replica's request log and the crawl logs."""

    result: CrawlResult
    db_path: Path
    requests: list[dict[str, Any]]

    def urls(self) -> set[str]:
        """Return the stored article URLs."""
        return {row[0] for row in query(self.db_path, "SELECT url FROM articles")}

    def run_sources(self) -> dict[str, dict[str, Any]]:
        """Return this run's `run_sources` rows by source (JSON columns parsed)."""
        cols = ("source", "errors", "status_counts", "blocked", "articles_new", "requests")
        rows = query(
            self.db_path, f"SELECT {', '.join(cols)} FROM run_sources WHERE run_id = ?", self.result.run_id
        )
        out = {row[0]: dict(zip(cols, row, strict=True)) for row in rows}
        for row in out.values():
            row["status_counts"], row["blocked"] = (
                json.loads(row["status_counts"]),
                json.loads(row["blocked"]),
            )
        return out

    def crawl_log(self) -> str:
        """Return every source's Scrapy log of this run, concatenated."""
        return "\n".join(
            o.log_file.read_text(encoding="utf-8", errors="replace") for o in self.result.outcomes
        )


def run_against(tmp: Path, name: str, flags: tuple[str, ...], settings: dict[str, str],
                sources: tuple[str, ...] = ()) -> Crawled:  # fmt: skip
    """Start a replica with `flags` and a request log, crawl it in full into a fresh DB, stop the replica."""
    log, db_path = tmp / f"{name}-requests.jsonl", tmp / name / "twinwatch.db"
    db_path.parent.mkdir()
    with replica("--log", str(log), *flags) as url:
        result = crawl(db_path, sources, url, full=True, settings=settings, timeout_s=300)
    return Crawled(result, db_path, read_requests(log))


@pytest.fixture(scope="module")
def normal(tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    """A full crawl of a well-behaved replica: the articles a crawl reaches."""
    return run_against(tmp_path_factory.mktemp("modes"), "normal", (), FAULT_SETTINGS)


@pytest.fixture(scope="module")
def faulty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    """A full crawl of a `--faults` replica with a 3 s stall and a 2 s download timeout."""
    yield run_against(tmp_path_factory.mktemp("modes"), "faults", ("--faults", "--stall-seconds", STALL_S),
                      FAULT_SETTINGS)  # fmt: skip


def always_503_urls() -> set[str]:
    """Return the canonical URLs the fault plan answers 503 on every request."""
    return {canonical_url(f"https://{host}{path}") for host, path in ALWAYS_503}


def spider_exceptions(log_text: str) -> int:
    """Return the spider exceptions a crawl log reports (its stats dump and 'Spider error' lines)."""
    counted = sum(int(n) for n in re.findall(r"'spider_exceptions/[^']+': (\d+)", log_text))
    return max(counted, log_text.count("Spider error processing"))


def test_t01_fault_mode_loses_no_reachable_article(normal: Crawled, faulty: Crawled) -> None:
    reachable = normal.urls() - always_503_urls()
    stored = faulty.urls()
    by_url = Counter((r["host"], r["path"]) for r in faulty.requests)
    gave_up = {key for key in ALWAYS_503 if by_url[key]}  # always-503 URLs the crawl asked for at all
    retried_articles = {article_url(r) for r in faulty.requests if r["status"] == 503} & reachable
    statuses = Counter(r["status"] for r in faulty.requests)
    per_source = faulty.run_sources()
    recorded_503 = sum(row["status_counts"].get("503", 0) for row in per_source.values())
    exceptions = spider_exceptions(faulty.crawl_log())
    problems = invariants(faulty.db_path)
    # The plan's every-7th 503 can fall on each of one URL's attempts when its retries queue behind the same number of
    # requests (seen once in CI: one embassy article, three 503s). The crawler then gives up after MAX_ATTEMPTS and
    # counts an error; the article is not marked dead, so the next run asks for it again. Anything else is a loss.
    tries: dict[str | None, list[int]] = {}
    for r in faulty.requests:
        tries.setdefault(article_url(r), []).append(r["status"])
    exhausted = {url for url in reachable - stored if tries.get(url) == [503] * MAX_ATTEMPTS}
    print(
        f"\nT01 faults: {len(reachable & stored)}/{len(reachable)} reachable stored; gave up on {len(gave_up)} "
        f"always-503 URLs and {len(exhausted)} articles whose every attempt met the every-7th 503; {exceptions} spider "
        f"exceptions; invariants {'ok' if not problems else problems}; replica answered {statuses[503]}x503, "
        f"{statuses[429]}x429; {len(retried_articles)} articles stored after a 503; run {faulty.result.status} in "
        f"{faulty.result.seconds:.1f} s"
    )
    assert normal.result.status == "ok" and len(reachable) == len(normal.urls()) > 100
    assert stored == reachable - exhausted  # nothing lost, nothing extra
    assert sum(row["errors"] for row in per_source.values()) >= len(gave_up) + len(exhausted)
    assert not exhausted & {row[0] for row in query(faulty.db_path, "SELECT url FROM dead_links")}
    assert faulty.result.status == "ok", [o.message for o in faulty.result.outcomes]
    assert query(faulty.db_path, "SELECT status FROM runs WHERE id = ?", faulty.result.run_id) == [("ok",)]
    assert exceptions == 0 and problems == []
    # Transient faults really happened and were retried through: each twice-503 URL asked 3 times, got its 200 (unless
    # its third attempt met the every-7th 503 as well, seen once here: then it is one of `exhausted`, checked above).
    assert statuses[503] > 0 and statuses[429] == 1
    for host, path in FLAKY_503:
        tries = [r["status"] for r in faulty.requests if (r["host"], r["path"]) == (host, path)]
        given_up = canonical_url(f"https://{host}{path}") in exhausted
        assert tries.count(503) >= 2 and (tries[-1] == 200 or given_up), (path, tries)
    assert retried_articles and retried_articles <= stored
    # Permanent failures end after MAX_ATTEMPTS and are counted as errors, not dropped silently.
    assert all(by_url[key] <= MAX_ATTEMPTS for key in ALWAYS_503)
    assert sum(row["errors"] for row in per_source.values()) >= len(gave_up)
    # What failed is recorded: run_sources holds exactly the 503s and 429 the replica logged.
    assert recorded_503 == statuses[503]
    assert per_source["tass"]["status_counts"].get("429") == 1
    assert "DownloadTimeoutError" in faulty.crawl_log()  # the 3 s stall hit the 2 s timeout, then was retried


def test_bot_mode_walls_tass_and_the_rest_completes(normal: Crawled, tmp_path: Path) -> None:
    walled = run_against(tmp_path, "bot", ("--bot-mode",), {})  # our own identifying UA, as on the real site
    per_source = walled.run_sources()
    to_host = Counter(r["host"] for r in walled.requests)
    uas = {r["ua"] for r in walled.requests}
    runs_blocked = json.loads(query(walled.db_path, "SELECT blocked_hosts FROM runs")[0][0])
    others = {u for u in normal.urls() if not u.startswith(tuple(f"https://{h}/" for h in WALLED))}
    problems = invariants(walled.db_path)
    print(
        f"\nbot mode: blocked {runs_blocked}; requests to walled hosts "
        f"{', '.join(f'{h} {to_host[h]}' for h in WALLED)}; UA unchanged in {len(walled.requests)}/"
        f"{len(walled.requests)} requests; other sources {len(walled.urls() & others)}/{len(others)} articles; "
        f"run {walled.result.status}"
    )
    assert sorted(per_source["tass"]["blocked"]) == sorted(runs_blocked) == sorted(WALLED)
    assert all(0 < to_host[host] <= 3 for host in WALLED)
    assert uas == {USER_AGENT}  # never a new identity to get through the wall
    assert walled.urls() == others  # the other sources complete; nothing from the walled hosts
    assert walled.result.status == "partial"
    assert [o.ok for o in walled.result.outcomes] == [s != "tass" for s in SOURCES]
    assert problems == []
