"""`twinwatch demo` end to end, as a user runs it: replica, crawl, summary, Datasette; then a no-op re-run."""

from __future__ import annotations

import json
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import lines_until

from store.publish import DB_NAME

ROOT = Path(__file__).resolve().parent.parent
TWINWATCH = [str(Path(sys.executable).parent / "twinwatch")]  # the installed console script, as users run it
DEADLINE_S = 300.0  # a bound for the whole crawl on a loaded 2-core machine, not a speed goal


def dump(db_path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Return every articles row minus `last_seen`, and every pairs row, in a stable order."""
    with sqlite3.connect(db_path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(articles)") if row[1] != "last_seen"]
        articles = conn.execute(f"SELECT {', '.join(columns)} FROM articles ORDER BY url").fetchall()
        pairs = conn.execute("SELECT * FROM pairs ORDER BY id").fetchall()
    return articles, pairs


def free_port() -> int:
    """Return a loopback port that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str) -> tuple[int, str, bytes]:
    """GET a loopback URL; return status, content type and body."""
    with urllib.request.urlopen(url, timeout=30) as answer:  # our own Datasette on 127.0.0.1
        return answer.status, answer.headers.get("Content-Type", ""), answer.read()


def check_serving(proc: subprocess.Popen[str], port: int) -> list[str]:
    """Wait for the demo to serve, check pairs rows and CSV export over HTTP; return the output so far."""
    assert proc.stdout is not None
    deadline = time.monotonic() + DEADLINE_S
    output = lines_until(proc, proc.stdout, f"Open http://127.0.0.1:{port}/", deadline - time.monotonic())
    # uvicorn announces itself once its socket listens: the signal that requests can go in.
    output += lines_until(proc, proc.stdout, "Uvicorn running on", deadline - time.monotonic())
    status, _, _ = get(f"http://127.0.0.1:{port}/")
    assert status == 200
    _, _, body = get(f"http://127.0.0.1:{port}/{DB_NAME}/pairs.json?_shape=array&_size=5")
    assert len(json.loads(body)) == 5
    status, ctype, csv = get(f"http://127.0.0.1:{port}/{DB_NAME}/pairs.csv?_size=max")
    assert status == 200 and ctype.startswith("text/")
    header, *rows = csv.decode("utf-8").strip().splitlines()
    assert "a_country" in header and len(rows) >= 5
    return output


def test_demo_serves_pairs_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    db_path, port = tmp_path / "demo.db", free_port()
    with subprocess.Popen([*TWINWATCH, "demo", "--db", str(db_path), "--port", str(port)], cwd=ROOT,
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True) as proc:  # fmt: skip
        try:
            output = check_serving(proc, port)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    text = "\n".join(output)
    for source in ("russkiymir", "embassy", "tass"):
        assert f"{source}: crawling the replica" in text
    assert "run 1: ok" in text and "pairs:" in text

    before = dump(db_path)
    again = subprocess.run([*TWINWATCH, "demo", "--no-serve", "--db", str(db_path)], cwd=ROOT, capture_output=True,
                           text=True, timeout=DEADLINE_S, check=False)  # fmt: skip
    assert again.returncode == 0, again.stderr[-2000:]
    assert "run 2: ok" in again.stdout and "Open http" not in again.stdout
    assert dump(db_path) == before


def test_lines_until_sees_lines_already_read_ahead() -> None:
    # Two lines in one write land in the pipe buffer together; the second must be found without new output.
    script = "import sys, time; sys.stdout.write('first\\nsecond\\n'); sys.stdout.flush(); time.sleep(60)"
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        try:
            assert lines_until(proc, proc.stdout, "second", 30.0) == ["first", "second"]
        finally:
            proc.kill()
            proc.wait()
