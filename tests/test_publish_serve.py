"""`twinwatch serve` end to end: a real uvicorn + Datasette process on a free loopback port (issue 4)."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from conftest import ROOT, lines_until

from store.db import open_db

TWINWATCH = (sys.executable, "-c", "from schedules.cli import cli; cli()")  # the installed entry point's code


def announced_url(proc: subprocess.Popen[str], deadline_s: float = 60.0) -> str:
    """Return the URL uvicorn announces on stderr; a watchdog kills the server if it never comes."""
    assert proc.stderr is not None
    line = lines_until(proc, proc.stderr, "Uvicorn running on", deadline_s)[-1]
    match = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", line)
    assert match, f"serve announced no loopback URL: {line!r}"
    return match.group(1)


def test_serve_runs_datasette_on_loopback(tmp_path: Path) -> None:
    path = tmp_path / "twinwatch.db"
    open_db(path).close()
    proc = subprocess.Popen(
        [*TWINWATCH, "serve", "--db", str(path), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        base = announced_url(proc)
        with urllib.request.urlopen(f"{base}/twinwatch/runs.json?_shape=array", timeout=10) as response:
            assert response.status == 200 and response.read() == b"[]"
        with urllib.request.urlopen(f"{base}/twinwatch/pairs.csv", timeout=10) as response:
            assert response.read().decode().startswith("id,article_id,a,a_country,b,b_country")
    finally:
        proc.send_signal(signal.SIGTERM)  # by PID; uvicorn shuts down on SIGTERM
        try:
            out, _ = proc.communicate(timeout=15)  # reads and closes both pipes
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    assert proc.returncode in (0, -signal.SIGTERM)
    assert "serve: open http://127.0.0.1:0/twinwatch" in out


def test_serve_missing_db_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [*TWINWATCH, "serve", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert (
        result.stderr == f"Error: {tmp_path / 'none.db'}: database not found; "
        "run a crawl first (twinwatch crawl) or pass --db\n"
    )
