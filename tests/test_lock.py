"""T22 (lock part): one crawl per database across real processes; a SIGKILLed holder never leaves it stale."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from schedules.lock import CrawlLockedError, crawl_lock, lock_path

ROOT = Path(__file__).resolve().parent.parent

# A launcher: wait for the "go" file (so all start together), try the lock, report, and hold it until stdin closes.
HOLDER = """
import os, sys, time
from schedules.lock import crawl_lock, CrawlLockedError
go, db = sys.argv[1], sys.argv[2]
deadline = time.monotonic() + 60
while not os.path.exists(go) and time.monotonic() < deadline:
    time.sleep(0.005)
try:
    with crawl_lock(db):
        print("won", flush=True)
        sys.stdin.read()
except CrawlLockedError as exc:
    print("lost", exc, flush=True)
    sys.exit(3)
"""


def launch(go: Path, db: Path) -> subprocess.Popen[str]:
    """Start one racing launcher process."""
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(go), str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def test_fifty_racing_launchers_one_winner_and_kill9_frees(tmp_path: Path) -> None:
    db, go = tmp_path / "x.db", tmp_path / "go"
    procs = [launch(go, db) for _ in range(50)]
    try:
        go.touch()
        # Losers exit by themselves; the winner blocks on stdin, so wait with a bound per process.
        deadline = time.monotonic() + 90
        while sum(p.poll() is not None for p in procs) < 49 and time.monotonic() < deadline:
            time.sleep(0.05)
        losers = [p for p in procs if p.poll() is not None]
        winners = [p for p in procs if p.poll() is None]
        loser_lines = [p.stdout.read() for p in losers if p.stdout]  # type: ignore[union-attr]
        assert len(winners) == 1, f"{len(winners)} processes hold the lock"
        assert all(p.returncode == 3 for p in losers)
        assert all("another crawl (pid " in line and "wait for it or stop it" in line for line in loser_lines)
        winner = winners[0]
        # A racer that lost before the winner wrote its line sees "pid unknown"; most name the winner.
        assert any(f"pid {winner.pid}," in line for line in loser_lines)
        winner.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        freed_after = None
        while time.monotonic() - killed_at < 5:
            try:
                with crawl_lock(db):
                    freed_after = time.monotonic() - killed_at
                    break
            except CrawlLockedError:
                time.sleep(0.005)
        print(
            f"\nT22 lock: 50/50 racers, winners {len(winners)}; lock free {freed_after:.3f} s after kill -9"
        )
        assert freed_after is not None and freed_after <= 1.0
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
            p.wait()
            for stream in (p.stdin, p.stdout, p.stderr):
                if stream:
                    stream.close()


def test_same_process_second_entry_refused_with_holder_message(tmp_path: Path) -> None:
    db = tmp_path / "y.db"
    with crawl_lock(db), pytest.raises(CrawlLockedError) as err, crawl_lock(db):
        pass
    message = str(err.value)
    assert f"pid {os.getpid()}, since " in message and str(db) in message
    assert lock_path(db).read_text() == ""  # released holder leaves no claim behind
    with crawl_lock(db):  # and the lock can be taken again
        pass
