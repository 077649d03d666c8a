"""The replica download handler: real URLs in Scrapy, loopback sockets underneath (issue 4).

`scrapy fetch` runs the project's settings (robots, redirects, the add-on) exactly as a crawl does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.replica import ReplicaConfigError, replica_base, to_replica

ROOT = Path(__file__).resolve().parent.parent


def scrapy_fetch(replica_url: str, url: str) -> subprocess.CompletedProcess[bytes]:
    """Run `scrapy fetch URL` through the replica; stdout is the final body's bytes, stderr the ERROR log."""
    argv = [sys.executable, "-m", "scrapy", "fetch", "-s", "LOG_LEVEL=ERROR", "-s", f"TWINWATCH_REPLICA_URL={replica_url}", url]
    return subprocess.run(argv, cwd=ROOT, capture_output=True, timeout=120, check=False)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://tass.com/politics/1229235", ("http://127.0.0.1:8765/politics/1229235", "tass.com")),
    ("https://russkiymir.ru/en/news/?PAGEN_1=2", ("http://127.0.0.1:8765/en/news/?PAGEN_1=2", "russkiymir.ru")),
    ("http://www.russianembassy.org", ("http://127.0.0.1:8765/", "www.russianembassy.org")),
])  # fmt: skip
def test_to_replica_keeps_path_and_query_and_sends_the_real_host(url: str, expected: tuple[str, str]) -> None:
    assert to_replica(url, "http://127.0.0.1:8765") == expected


@pytest.mark.parametrize("value", ["bogus", "https://127.0.0.1:8765", "http://127.0.0.1", "http://127.0.0.1:8765/x"])
def test_replica_base_rejects_what_is_not_a_base_url(value: str) -> None:
    with pytest.raises(ReplicaConfigError, match="TWINWATCH_REPLICA_URL=.*python -m replica --port 0"):
        replica_base(value)


def test_trailing_slash_redirect_is_followed_under_the_real_url(replica_url: str) -> None:
    fixture = json.loads((ROOT / "replica/data/russkiymir/en/279099.json").read_text(encoding="utf-8"))
    done = scrapy_fetch(replica_url, fixture["url"].rstrip("/"))  # the 301 form (sources.md §6.2)
    assert done.returncode == 0, done.stderr[-1500:]
    assert f"<h1>{fixture['title']}</h1>" in done.stdout.decode("cp1251")  # the article, served as windows-1251


def test_old_embassy_domain_redirects_to_the_new_one(replica_url: str) -> None:
    done = scrapy_fetch(replica_url, "https://www.russianembassy.org/page/visa-info")
    assert done.returncode == 0, done.stderr[-1500:]
    assert b"Embassy of the Russian Federation in the USA" in done.stdout


def test_bad_replica_setting_fails_with_one_clear_line() -> None:
    done = scrapy_fetch("bogus", "https://tass.com/")
    assert done.returncode != 0
    assert "TWINWATCH_REPLICA_URL='bogus' is not a replica base URL" in done.stderr.decode()
