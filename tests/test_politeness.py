"""T02/T05/T06/T08: our politeness middlewares in real Scrapy crawls (subprocess) against the fault server."""

from __future__ import annotations

import itertools
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from faultserver import FaultServer  # tests/ is on sys.path (rootdir conftest, no package)

ROOT = Path(__file__).resolve().parent.parent
SPIDER = ROOT / "tests" / "politeness_spider.py"
UA = "twinwatch/0.1 (+https://github.com/twinwatch/twinwatch; city-diplomacy news monitor)"


@pytest.fixture()
def fault() -> Iterator[FaultServer]:
    """A running fault server, stopped after the test."""
    with FaultServer() as server:
        yield server


def run_crawl(server: FaultServer, urls: list[str], tmp_path: Path, timeout_s: float = 120, domains: str = "",
              **settings: Any) -> dict[str, Any]:  # fmt: skip
    """Crawl `urls` with the politeness spider in a fresh process; return its JSON record (+ the log text)."""
    out, log_file = tmp_path / "out.json", tmp_path / "crawl.log"
    argv = [
        sys.executable,
        "-m",
        "scrapy",
        "runspider",
        str(SPIDER),
        "-a",
        "urls=" + ",".join(urls),
        "-s",
        f"TWINWATCH_REPLICA_URL={server.url}",
        "-s",
        f"OUT_FILE={out}",
        "-s",
        f"LOG_FILE={log_file}",
    ]
    if domains:
        argv += ["-a", f"domains={domains}"]
    for key, value in settings.items():
        argv += ["-s", f"{key}={value}"]
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(ROOT)
    # cwd without scrapy.cfg: only the spider's settings apply (no project pipelines or database).
    proc = subprocess.run(
        argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=timeout_s, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    record = json.loads(out.read_text(encoding="utf-8"))
    record["log"] = log_file.read_text(encoding="utf-8", errors="replace")
    return record


def test_t02_retry_after_and_bot_wall(fault: FaultServer, tmp_path: Path) -> None:
    urls = [
        "http://throttled.test/retry-after/seconds/1",
        "http://throttled.test/page/a",
        "http://throttled.test/page/b",
        "http://dated.test/retry-after/date/1",
        "http://dated.test/page/c",
    ]
    urls += [f"http://blocked.test/page/{i}" for i in range(5)]
    record = run_crawl(fault, urls, tmp_path, RETRY_TIMES=2, CONCURRENT_REQUESTS=8)
    inside, waited = 0, []
    for host, path in (("throttled.test", "/retry-after/seconds/1"), ("dated.test", "/retry-after/date/1")):
        first = fault.hits_for(host, path)[0]
        later = [h for h in fault.hits_for(host) if h.at > first.at]
        # The date form is whole seconds: a 3 s date can mean 2.0 s; allow the rounding, not a burst.
        window = 2.9 if "seconds" in path else 1.95
        inside += sum(h.at - first.at < window for h in later)
        waited.append(min(h.at for h in later) - first.at)
    ok_after_wait = sum(1 for s in record["seen"] if "/retry-after/" in s["url"] and s["status"] == 200)
    blocked_hits = fault.hits_for("blocked.test")
    uas = {h.user_agent for h in fault.hits}
    print(
        f"\nT02 retry-after: requests inside window {inside}; success after wait {ok_after_wait}/2 "
        f"(first gaps {[round(w, 2) for w in waited]} s); 403 host: {len(blocked_hits)} requests total, "
        f"blocked records {sum(k.startswith('twinwatch/blocked/') for k in record['stats'])}; UAs seen {len(uas)}"
    )
    assert inside == 0 and ok_after_wait == 2
    assert len(blocked_hits) <= 3 and record["stats"].get("twinwatch/blocked/blocked.test") == 1
    assert [k for k in record["stats"] if k.startswith("twinwatch/blocked/")] == [
        "twinwatch/blocked/blocked.test"
    ]
    assert uas == {UA}
    assert not any("/page/" in s["url"] and "blocked.test" in s["url"] for s in record["seen"])


def test_t02_stock_scrapy_ignores_retry_after_and_walls(fault: FaultServer, tmp_path: Path) -> None:
    urls = [
        "http://throttled.test/retry-after/seconds/1",
        "http://throttled.test/page/a",
        "http://throttled.test/page/b",
    ] + [f"http://blocked.test/page/{i}" for i in range(5)]
    run_crawl(fault, urls, tmp_path, TWINWATCH_RETRY_AFTER_ENABLED=False, TWINWATCH_BOTWALL_ENABLED=False)
    first = fault.hits_for("throttled.test", "/retry-after/")[0]
    inside = sum(0 < h.at - first.at < 2.9 for h in fault.hits_for("throttled.test"))
    walled = len(fault.hits_for("blocked.test", "/page/"))
    print(
        f"\nT02 stock (ours off): requests inside the Retry-After window {inside}; 403 host page requests {walled}"
    )
    assert inside >= 1 and walled == 5  # the baseline our middlewares fix


def test_t08_robots_rules_errors_and_crawl_delay(fault: FaultServer, tmp_path: Path) -> None:
    urls = [
        "http://disallow.test/private/1",
        "http://disallow.test/private/2",
        "http://disallow.test/page/ok",
        "http://robots404.test/page/x",
        "http://robotshang.test/page/1",
        "http://robotshang.test/page/2",
    ]
    urls += [f"http://robots503.test/page/{i}" for i in range(3)]
    urls += [f"http://crawldelay.test/page/{i}" for i in range(5)]
    record = run_crawl(fault, urls, tmp_path, DOWNLOAD_TIMEOUT=2, CONCURRENT_REQUESTS=16)
    disallowed = len(fault.hits_for("disallow.test", "/private/"))
    unreachable = len(fault.hits_for("robots503.test", "/page/")) + len(
        fault.hits_for("robotshang.test", "/page/")
    )
    delayed = sorted(h.at for h in fault.hits_for("crawldelay.test", "/page/"))
    gaps = [b - a for a, b in itertools.pairwise(delayed)]
    ua_share = sum(h.user_agent == UA for h in fault.hits) / len(fault.hits)
    fetched = {s["url"] for s in record["seen"]}
    stats = record["stats"]
    print(
        f"\nT08 robots: disallowed URLs requested {disallowed}; article requests to robots-5xx/timeout hosts "
        f"{unreachable}; 404 host fetched {int('http://robots404.test/page/x' in fetched)}/1; crawl-delay host "
        f"{len(delayed)} requests, median gap {statistics.median(gaps):.2f} s (min {min(gaps):.2f}); "
        f"UA match {ua_share:.0%} of {len(fault.hits)} requests"
    )
    assert disallowed == 0 and "http://disallow.test/page/ok" in fetched
    assert unreachable == 0
    assert stats.get("twinwatch/robots_unreachable/robots503.test") == 1
    assert stats.get("twinwatch/robots_unreachable/robotshang.test") == 1
    assert "http://robots404.test/page/x" in fetched
    assert len(delayed) == 5 and statistics.median(gaps) >= 1.8 and min(gaps) >= 1.8
    assert ua_share == 1.0
    assert (
        "robots.txt answered HTTP 503" in record["log"] and "skipping the host for this run" in record["log"]
    )


def test_t08_stock_robots_5xx_means_allow(fault: FaultServer, tmp_path: Path) -> None:
    urls = [f"http://robots503.test/page/{i}" for i in range(3)]
    run_crawl(fault, urls, tmp_path, TWINWATCH_ROBOTS_RFC9309=False)
    fetched = len(fault.hits_for("robots503.test", "/page/"))
    print(f"\nT08 stock (RFC 9309 rule off): article requests to the robots-503 host {fetched}")
    assert fetched == 3


REDIRECT_TRAPS = {  # trap -> the path prefix of all its requests, and whether it is hostile
    "loop-a": ("/redirect/loop-", True),
    "self": ("/redirect/self", True),
    "chain/0": ("/redirect/chain/", True),
    "file": ("/redirect/file", True),
    "data": ("/redirect/data", True),
    "ftp": ("/redirect/ftp", True),
    "offsite": ("/redirect/offsite", True),
    "ok": ("/redirect/ok", False),
}


def test_t05_redirect_traps_end_and_are_logged(fault: FaultServer, tmp_path: Path) -> None:
    urls = [f"http://{trap.replace('/', '-')}.test/redirect/{trap}" for trap in REDIRECT_TRAPS]
    domains = ",".join(f"{trap.replace('/', '-')}.test" for trap in REDIRECT_TRAPS)
    record = run_crawl(fault, urls, tmp_path, domains=domains, REDIRECT_MAX_TIMES=20)
    per_trap = {trap: len(fault.hits_for(f"{trap.replace('/', '-')}.test", prefix))
                for trap, (prefix, _) in REDIRECT_TRAPS.items()}  # fmt: skip
    stats = record["stats"]
    logged = {
        kind: stats.get(f"twinwatch/redirect/{kind}", 0)
        for kind in ("loop", "max_reached", "non_http", "offsite")
    }
    warnings = [line for line in record["log"].splitlines() if "WARNING" in line and "redirect" in line]
    hostile = [t for t, (_, bad) in REDIRECT_TRAPS.items() if bad]
    hostile_logged = sum(any(f"/redirect/{t}" in w for w in warnings) for t in hostile)
    followed = any(s["url"].endswith("/page/redirected") for s in record["seen"])
    print(
        f"\nT05 redirects: {len(REDIRECT_TRAPS)} traps, requests each {per_trap} (max {max(per_trap.values())}); "
        f"{hostile_logged}/{len(hostile)} hostile ones logged at WARNING {logged}; allowed 301 followed "
        f"{int(followed)}/1; crawl finished: {record['reason']}"
    )
    assert max(per_trap.values()) <= 21 and record["reason"] == "finished"
    assert hostile_logged == len(hostile)
    assert logged == {"loop": 2, "max_reached": 1, "non_http": 3, "offsite": 1}
    assert followed and not fault.hits_for("evil.example")


NON_PAGES = ["pdf", "jpeg", "json", "text", "empty", "204", "octet-html"]


def test_t06_non_html_answers_counted_and_skipped(fault: FaultServer, tmp_path: Path) -> None:
    urls = [f"http://types.test/type/{kind}" for kind in [*NON_PAGES, "xml", "html"]]
    record = run_crawl(fault, urls, tmp_path)
    stats = record["stats"]
    reached = sorted(s["url"].rsplit("/", 1)[1] for s in record["seen"])
    exceptions = sum(v for k, v in stats.items() if k.startswith("spider_exceptions"))
    print(
        f"\nT06 content types: {len(urls)} fixtures: {exceptions} spider exceptions, callbacks reached {reached}, "
        f"skipped/non_html = {stats.get('twinwatch/skipped/non_html', 0)} (expected {len(NON_PAGES)})"
    )
    assert exceptions == 0 and reached == ["html", "xml"]
    assert all(s["text_response"] for s in record["seen"])
    assert stats.get("twinwatch/skipped/non_html") == len(NON_PAGES)
    assert all(
        len(fault.hits_for("types.test", f"/type/{k}")) == 1 for k in NON_PAGES
    )  # counted, not retried


BOUNDED = [
    "/slow/drip",
    "/slow/never",
    "/truncated/length",
    "/big/length",
    "/big/chunked",
    "/bomb/gzip",
    "/bomb/gzip-as-html",
]


def test_t03_t04_timeouts_truncation_oversize_and_bombs(fault: FaultServer, tmp_path: Path) -> None:
    import time

    hosts = {
        path: "b" + path.replace("/", "-") + ".test" for path in BOUNDED
    }  # one host each: run in parallel
    urls = [f"http://{hosts[p]}{p}" for p in BOUNDED]
    started = time.monotonic()
    record = run_crawl(fault, urls, tmp_path, DOWNLOAD_TIMEOUT=3, DOWNLOAD_MAXSIZE=10 * 1024 * 1024,
                       DOWNLOAD_WARNSIZE=2 * 1024 * 1024, CONCURRENT_REQUESTS=16)  # fmt: skip
    wall = time.monotonic() - started
    peak_mb = record["peak_rss_kb"] / 1024  # the crawl child's own peak, reported by the spider
    attempts = {p: len(fault.hits_for(hosts[p], p)) for p in BOUNDED}
    drip = fault.hits_for(hosts["/slow/drip"], "/slow/drip")
    drip_gaps = [round(b.at - a.at, 1) for a, b in itertools.pairwise(drip)]
    failed = {f["url"].split(".test", 1)[1]: f["error"] for f in record["failed"]}
    print(
        f"\nT03/T04 bounded: {len(BOUNDED)} hostile answers, {len(record['seen'])} reached a callback; attempts "
        f"{attempts}; drip retry gaps {drip_gaps} s (timeout 3 s); errbacks {failed}; crawl wall {wall:.1f} s; "
        f"peak child RSS {peak_mb:.0f} MB"
    )
    assert record["seen"] == [] and record["reason"] == "finished"
    assert max(attempts.values()) <= 3
    assert set(failed) == set(BOUNDED)
    assert peak_mb <= 200  # the 60 MB bomb and 30 MB bodies never sit in memory whole


def test_t05_stock_redirect_loops_are_silent(fault: FaultServer, tmp_path: Path) -> None:
    urls = ["http://loop-a.test/redirect/loop-a", "http://self.test/redirect/self"]
    record = run_crawl(fault, urls, tmp_path, TWINWATCH_REDIRECT_WATCH_ENABLED=False)
    warnings = [
        line for line in record["log"].splitlines() if "WARNING" in line and "redirect" in line.lower()
    ]
    print(
        f"\nT05 stock (watch off): 2 redirect loops, {len(warnings)} WARNING lines, "
        f"{len(record['seen']) + len(record['failed'])} callbacks/errbacks"
    )
    assert warnings == [] and record["seen"] == [] and record["failed"] == []  # dropped without a word
