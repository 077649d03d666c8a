"""Shared fixtures: a real replica server on a free loopback port, real SQLite files."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

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
