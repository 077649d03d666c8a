"""Shared fixtures: a real replica server on a free loopback port, real SQLite files."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

ROOT = Path(__file__).resolve().parent.parent


def start_replica(*flags: str) -> tuple[subprocess.Popen[str], str]:
    """Start `python -m replica --port 0 FLAGS` and return the process and its announced base URL."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "replica", "--port", "0", *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()  # the server announces itself; no sleeping
    if not line.startswith("http://127.0.0.1:"):
        proc.kill()
        raise RuntimeError(f"replica did not announce its URL, got {line!r}")
    return proc, line


def lines_until(proc: subprocess.Popen[str], stream: IO[str], marker: str, timeout_s: float) -> list[str]:
    """Return `stream`'s lines up to and including the first containing `marker`; kill `proc` after `timeout_s`."""
    # Plain readline plus a watchdog: select() on a buffered text pipe misses lines already read ahead into the
    # buffer, and then waits out its whole timeout (seen in CI: 'Uvicorn running on' was in the buffer).
    watchdog = threading.Timer(max(0.0, timeout_s), proc.kill)
    watchdog.start()
    lines: list[str] = []
    try:
        for line in stream:
            lines.append(line.rstrip("\n"))
            if marker in line:
                return lines
    finally:
        watchdog.cancel()
    raise AssertionError(f"{marker!r} not seen within {timeout_s:.0f} s; output so far:\n" + "\n".join(lines))


def stop(proc: subprocess.Popen[str]) -> None:
    """Stop a server started by a test, by PID, and reap it."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()  # else the pipe's ResourceWarning fails the run (filterwarnings = error)


@pytest.fixture(scope="session")
def replica_url() -> Iterator[str]:
    """Base URL of a replica in its default (well-behaved) mode, shared by the session."""
    proc, url = start_replica()
    yield url
    stop(proc)


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh SQLite database file."""
    return tmp_path / "twinwatch.db"
