"""Replica switches: fault mode, bot mode, behaviour overrides, the request log, clean stops, bad fixtures."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, start_replica, stop
from test_replica_support import fetch

from replica.faults import ALWAYS_503, FLAKY_503
from replica.fixtures import FixtureError, load_store

EMB = "washington.mid.ru"
EMB_ARTICLE = "/en/press-centre/news/ambassador_anatoly_antonov_addressed_compatriots_in_the_twin_cities/"


def test_fault_mode_is_deterministic_and_logged(tmp_path: Path) -> None:
    log = tmp_path / "requests.jsonl"
    proc, base = start_replica("--faults", "--stall-seconds", "0.3", "--log", str(log), "--quiet")
    try:
        statuses = [fetch(base, EMB, "/robots.txt").status for _ in range(14)]
        assert statuses == [200] * 6 + [503] + [200] * 6 + [503]  # every 7th request on the host
        for host, path in sorted(ALWAYS_503 - {(EMB, "/en/consular-services/")}):
            assert [fetch(base, host, path).status for _ in range(4)] == [503] * 4
        for host, path in sorted(FLAKY_503 - {(EMB, p) for _, p in FLAKY_503}):
            assert [fetch(base, host, path).status for _ in range(3)] == [503, 503, 200]
        throttled = fetch(base, "tass.com", "/rss/v2.xml")
        assert throttled.status == 429 and throttled.headers["retry-after"] == "2"
        assert fetch(base, "tass.com", "/rss/v2.xml").status == 200
        started = time.monotonic()
        assert fetch(base, EMB, EMB_ARTICLE).status == 200  # host request 15: neither 7th nor 14th
        assert (
            time.monotonic() - started >= 0.3
        )  # the one stalled article response (a lower bound, not a speed goal)
    finally:
        stop(proc)
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    assert len(lines) == 14 + 4 * 2 + 3 * 2 + 2 + 1
    assert {"method", "host", "path", "ua", "status"} <= set(lines[0])
    assert [r["status"] for r in lines if r["host"] == EMB][:7] == [200] * 6 + [503]
    assert all(r["ua"].startswith("Mozilla/5.0") for r in lines)


def test_embassy_flaky_url_counts_with_the_host_counter() -> None:
    proc, base = start_replica("--faults", "--stall-seconds", "0", "--quiet")
    try:
        path = next(p for h, p in FLAKY_503 if h == EMB)
        assert [fetch(base, EMB, path).status for _ in range(3)] == [503, 503, 200]
        assert [fetch(base, EMB, "/en/consular-services/").status for _ in range(3)] == [503, 503, 503]
        assert fetch(base, EMB, "/robots.txt").status == 503  # 7th request on the host
    finally:
        stop(proc)


def test_bot_mode_blocks_non_browser_agents_on_tass_only() -> None:
    proc, base = start_replica("--bot-mode", "--quiet")
    try:
        for host in ("tass.com", "tass.ru"):
            for agent in ("Scrapy/2.19 (+https://scrapy.org)", "python-requests/2.32.3", "feedparser/6.0.11", ""):
                reply = fetch(base, host, "/rss/v2.xml", headers={"User-Agent": agent})
                assert reply.status == 403 and "Access denied" in reply.text
            assert fetch(base, host, "/rss/v2.xml").status == 200  # browser UA
        scrapy = {"User-Agent": "Scrapy/2.19 (+https://scrapy.org)"}
        assert fetch(base, "russkiymir.ru", "/en/news/", headers=scrapy).status == 200
    finally:
        stop(proc)


def test_default_mode_has_no_faults_or_bot_wall(replica_url: str) -> None:
    scrapy = {"User-Agent": "Scrapy/2.19 (+https://scrapy.org)"}
    assert fetch(replica_url, "tass.com", "/politics/1229235", headers=scrapy).status == 200
    assert {fetch(replica_url, EMB, "/robots.txt").status for _ in range(8)} == {200}


def test_behaviour_switch_turns_on_the_guessed_rm_sitemap(replica_url: str) -> None:
    assert fetch(replica_url, "russkiymir.ru", "/sitemap.xml").status == 404  # off by default [G]
    proc, base = start_replica("--set", "RM_SITEMAP=on", "--quiet")
    try:
        index = fetch(base, "russkiymir.ru", "/sitemap.xml")
        assert index.status == 200 and "sitemap_iblock_1.xml" in index.text
        assert (
            "https://russkiymir.ru/en/news/279099/"
            in fetch(base, "russkiymir.ru", "/sitemap_iblock_1.xml").text
        )
        assert "Sitemap:" in fetch(base, "russkiymir.ru", "/robots.txt").text
    finally:
        stop(proc)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_stops_the_server_with_exit_code_0(sig: signal.Signals) -> None:
    proc, base = start_replica("--quiet")
    assert fetch(base, "tass.com", "/robots.txt").status == 200
    proc.send_signal(sig)
    assert proc.wait(timeout=10) == 0
    stop(proc)


def test_twinwatch_replica_cli_announces_and_stops(tmp_path: Path) -> None:
    cli = [sys.executable, "-c", "from schedules.cli import cli; cli()", "replica"]
    helptext = subprocess.run([*cli, "--help"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert "--faults" in helptext and "--bot-mode" in helptext and "--stall-seconds" in helptext
    proc = subprocess.Popen(
        [*cli, "--port", "0", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        base = proc.stdout.readline().strip()
        assert base.startswith("http://127.0.0.1:")
        assert fetch(base, "russkiymir.ru", "/en/news/279099/").status == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        stop(proc)  # type: ignore[arg-type]


def test_bad_fixture_gives_a_one_line_error_naming_file_and_field(tmp_path: Path) -> None:
    folder = tmp_path / "tass" / "en"
    folder.mkdir(parents=True)
    bad = folder / "1.json"
    bad.write_text(
        json.dumps(
            {
                "url": "https://tass.com/politics/1",
                "language": "en",
                "title": "T",
                "published": "2020-01-01",
                "layout": "news",
                "paragraphs": ["x"],
                "gold": {"title": "T"},
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(FixtureError) as info:
        load_store(tmp_path)
    message = str(info.value)
    assert str(bad) in message and "gold.published" in message and "\n" not in message
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(FixtureError, match="not readable JSON"):
        load_store(tmp_path)


def test_bad_fixture_makes_the_server_exit_2_with_the_message(tmp_path: Path) -> None:
    (tmp_path / "embassy" / "ru").mkdir(parents=True)
    (tmp_path / "embassy" / "ru" / "x.json").write_text("[]", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "replica", "--port", "0", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert "x.json: top level must be a JSON object" in done.stderr
