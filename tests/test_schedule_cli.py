"""`twinwatch schedule` and `twinwatch crawl` end to end against the replica: runs finish ok, never overlap."""

from __future__ import annotations

import itertools
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TWINWATCH = [sys.executable, "-c", "from schedules.cli import cli; cli(prog_name='twinwatch')"]


def ok_runs(db: Path) -> list[tuple[datetime, datetime]]:
    """Return (started, finished) of every `ok` run, oldest first."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT started, finished FROM runs WHERE status = 'ok' ORDER BY id").fetchall()
    return [(datetime.fromisoformat(a), datetime.fromisoformat(b)) for a, b in rows]


@pytest.mark.slow
def test_schedule_every_15_seconds_for_70_seconds(replica_url: str, tmp_path: Path) -> None:
    db = tmp_path / "sched.db"
    proc = subprocess.Popen(
        [*TWINWATCH, "schedule", "--cron", "*/15 * * * * *", "--db", str(db), "--replica", replica_url,
         "--timeout", "120"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        try:
            proc.wait(timeout=70)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGINT)  # Ctrl-C: the scheduler stops its child and exits
        output, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    runs = ok_runs(db)
    overlaps = sum(later[0] < earlier[1] for earlier, later in itertools.pairwise(runs))
    print(
        f"\nschedule */15 s for 70 s: {len(runs)} ok runs, {overlaps} overlapping, "
        f"{output.count('skipped: maximum number of running instances')} fire times skipped while busy, "
        f"exit {proc.returncode}"
    )
    assert "next: " in output and "run start: crawl" in output
    assert len(runs) >= 2 and overlaps == 0
    assert proc.returncode == 0


@pytest.mark.slow
def test_two_crawls_at_once_one_runs_other_refused(replica_url: str, tmp_path: Path) -> None:
    db = tmp_path / "race.db"
    subprocess.run([*TWINWATCH, "crawl", "--db", str(db), "--replica", replica_url, "--source", "embassy"],
                   cwd=ROOT, capture_output=True, timeout=300, check=True)  # fmt: skip  # creates the DB first
    argv = [*TWINWATCH, "crawl", "--db", str(db), "--replica", replica_url, "--source", "embassy"]
    procs = [subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]  # fmt: skip
    results = [p.communicate(timeout=300) for p in procs]
    codes = [p.returncode for p in procs]
    refused = [err for (out, err), code in zip(results, codes) if code != 0]
    print(
        f"\ntwo crawls at once: exit codes {codes}; refusal: {refused[0].strip().splitlines()[-1] if refused else '-'}"
    )
    assert sorted(code == 0 for code in codes) == [False, True]
    assert "another crawl" in refused[0]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--at", "02:30", "--timezone", "Europe/Berlin"], "daylight-saving change of Europe/Berlin"),
        (["--cron", "*/15 * * * * *", "--source", "nope"], "unknown source 'nope'"),
        (["--cron", "* * *"], "has 3 fields"),
    ],
)
def test_schedule_rejects_bad_options_in_one_line(args: list[str], needle: str, tmp_path: Path) -> None:
    proc = subprocess.run(
        [*TWINWATCH, "schedule", "--db", str(tmp_path / "x.db"), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode != 0 and needle in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_schedule_stops_on_sigint_even_when_started_with_sigint_ignored(tmp_path: Path) -> None:
    """A scheduler started in a script's background (the shell leaves SIGINT ignored there) still stops on SIGINT."""
    # a wrapper ignores SIGINT and execs the CLI, which inherits the ignored disposition, as from `twinwatch … &`
    ignoring = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); os.execv(sys.executable, sys.argv[1:])"
    proc = subprocess.Popen(
        [sys.executable, "-c", ignoring, *TWINWATCH, "schedule", "--at", "03:30", "--db", str(tmp_path / "bg.db")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(2)]  # the banner and the first "next:" line: it is running
        assert any("next: " in line for line in lines), lines
        proc.send_signal(signal.SIGINT)
        output, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "schedule: stopping" in output
    assert proc.returncode == 0
