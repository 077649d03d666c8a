"""Run a crawl: one `python -m scrapy crawl <source>` subprocess per source, framed by a `runs` row.

Always subprocesses: Twisted's reactor cannot be restarted in one process (ReactorNotRestartable,
reliability.md finding 1), and a child can be killed when it hangs without taking the caller down.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from crawler.urls import SOURCES
from schedules.lock import CrawlLockedError, crawl_lock
from store.db import (
    SourceStats,
    close_abandoned_runs,
    finish_run,
    incomplete_previous_run,
    open_db,
    start_run,
)

ROOT = Path(__file__).resolve().parent.parent  # the project root: scrapy.cfg lives here
# A replica is local and ours: no delay, several requests at a time (real sites keep settings.py's limits).
REPLICA_SETTINGS: dict[str, str] = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
}


class CrawlError(Exception):
    """A crawl could not start; `str()` is one line naming the input and the fix."""


@dataclass
class SourceOutcome:
    """What one source's subprocess did."""

    source: str
    ok: bool
    stats: SourceStats
    seconds: float
    log_file: Path
    message: str = ""  # why it failed ('' when ok)
    extra: dict[str, object] = field(default_factory=dict)

    def line(self) -> str:
        """Return the one-line progress summary printed for this source."""
        s = self.stats
        head = f"{self.source}: {s.requests} requests, {s.articles_seen} articles listed, {s.articles_new} new, " \
               f"{s.articles_updated} updated, {s.articles_unchanged} unchanged, {s.pairs} pairs, {s.errors} errors"
        blocked = f", blocked by {', '.join(s.blocked)}" if s.blocked else ""
        tail = f" ({self.seconds:.1f} s)" if self.ok else f" FAILED: {self.message}"
        return head + blocked + tail


@dataclass
class CrawlResult:
    """The outcome of `crawl`: the run row, its status, and each source's outcome."""

    run_id: int
    status: str  # "ok" | "partial" | "failed"
    outcomes: list[SourceOutcome]
    seconds: float
    health_flags: list[str] = field(default_factory=list)


def check_replica(url: str | None, timeout_s: float = 5.0) -> None:
    """Raise a one-line error unless `url` is None or an http://host:port that accepts connections."""
    if url is None:
        return
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname or parts.port is None or parts.path not in ("", "/"):
        raise CrawlError(f"--replica {url!r} is not a replica base URL; pass what `twinwatch replica --port 0` "
                         "prints, e.g. http://127.0.0.1:8765")  # fmt: skip
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=timeout_s).close()
    except OSError as error:
        raise CrawlError(f"--replica {url}: nothing answers there ({error.strerror or error}); "
                         "start one with `twinwatch replica --port 0` and pass the URL it prints") from error  # fmt: skip


def check_sources(sources: Sequence[str]) -> list[str]:
    """Return the sources to crawl (all when empty), or raise naming the unknown one and the valid names."""
    for name in sources:
        if name not in SOURCES:
            raise CrawlError(f"unknown source {name!r}; choose from {', '.join(SOURCES)}")
    return list(dict.fromkeys(sources)) or list(SOURCES)


def scrapy_command(source: str, settings: Mapping[str, str]) -> list[str]:
    """Return the argv of one source's crawl subprocess."""
    argv = [sys.executable, "-m", "scrapy", "crawl", source]
    for key, value in settings.items():
        argv += ["-s", f"{key}={value}"]
    return argv


def crawl_settings(db_path: Path, run_id: int, replica_url: str | None, *, full: bool, recheck: bool,
                   log_level: str, extra: Mapping[str, str]) -> dict[str, str]:  # fmt: skip
    """Return the `-s` overrides shared by every source of one run."""
    settings = {
        "TWINWATCH_DB_PATH": str(db_path), "TWINWATCH_RUN_ID": str(run_id), "LOG_LEVEL": log_level,
        "TWINWATCH_FULL": str(full), "TWINWATCH_RECHECK": str(recheck),
    }
    if replica_url:
        settings |= {"TWINWATCH_REPLICA_URL": replica_url, **REPLICA_SETTINGS}
    return settings | dict(extra)


def last_errors(log_file: Path, limit: int = 3) -> str:
    """Return the last ERROR/CRITICAL lines of a crawl log (for a failure message)."""
    try:
        lines = log_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    bad = [line for line in lines if " ERROR: " in line or " CRITICAL: " in line or "Error" in line[:40]]
    # 500, not less: a store error line (timestamp, DB path, cause, fix) runs ~250 characters, and its
    # cause must reach runs.message and the CLI, not be cut inside the path.
    return " | ".join(line.strip()[:500] for line in bad[-limit:])


def run_source(source: str, settings: Mapping[str, str], log_dir: Path, timeout_s: float | None) -> SourceOutcome:
    """Run one source's crawl subprocess and read back the counts its RunLedger wrote."""
    log_file = log_dir / f"run-{settings['TWINWATCH_RUN_ID']}-{source}.log"
    with tempfile.TemporaryDirectory(prefix="twinwatch-") as tmp:
        stats_file = Path(tmp) / "stats.json"
        argv = scrapy_command(source, {**settings, "TWINWATCH_STATS_FILE": str(stats_file), "LOG_FILE": str(log_file)})
        started = time.monotonic()
        try:
            proc = subprocess.run(argv, cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
                                  timeout=timeout_s, env={**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"})  # fmt: skip
            code, stderr = proc.returncode, proc.stderr
        except subprocess.TimeoutExpired:
            code, stderr = -1, f"killed after {timeout_s:g} s"
        seconds = time.monotonic() - started
        payload = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else None
    stats = SourceStats(**payload["stats"]) if payload else SourceStats()
    extra = dict(payload["extra"]) if payload else {}
    reason = str(extra.get("close_reason", ""))
    answered = any(code.startswith("2") for code in stats.status_counts)
    ok = code == 0 and payload is not None and reason == "finished" and answered
    why = f"exit code {code}, close reason {reason or 'none'}" if code != 0 or reason != "finished" else \
        "no page answered with 2xx" + (f" (blocked by {', '.join(stats.blocked)})" if stats.blocked else "")
    message = "" if ok else f"{why}; {last_errors(log_file) or stderr.strip()[-300:] or 'no error logged'} (log: {log_file})"
    return SourceOutcome(source, ok, stats, seconds, log_file, message, extra)


def run_status(outcomes: Sequence[SourceOutcome]) -> str:
    """Return the run's status: ok when every source finished, failed when none did, else partial."""
    good = sum(outcome.ok for outcome in outcomes)
    return "ok" if good == len(outcomes) else "failed" if good == 0 else "partial"


def crawl(
    db_path: str | Path,
    sources: Sequence[str] = (),
    replica_url: str | None = None,
    *,
    full: bool = False,
    recheck: bool = False,
    log_level: str = "INFO",
    echo: Callable[[str], None] | None = None,
    settings: Mapping[str, str] | None = None,
    timeout_s: float | None = None,
) -> CrawlResult:
    """Crawl `sources` (all when empty) into the database at `db_path`, one subprocess per source."""
    names, db_path = check_sources(sources), Path(db_path)
    check_replica(replica_url)
    say = echo or (lambda line: None)
    db = open_db(db_path)  # creates and migrates the file first, so children never race on migrations
    log_dir = db_path.parent / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with ExitStack() as stack:
        stack.callback(db.close)
        try:
            stack.enter_context(crawl_lock(db_path))
        except CrawlLockedError as error:
            raise CrawlError(str(error)) from None
        abandoned = close_abandoned_runs(db)
        if abandoned:
            say(f"marked {abandoned} earlier run(s) left 'running' by a killed crawl as 'killed'")
        previous = incomplete_previous_run(db)
        if previous is not None and not full:
            # An incremental run stops paging at a listing page of known articles; articles a killed or
            # failed run never stored can sit past such a page and would stay missing for good.
            full = True
            say(f"run {previous[0]} ended '{previous[1]}': walking every listing page this time (as --full)")
        args = {"replica": replica_url, "full": full, "recheck": recheck, "settings": dict(settings or {})}
        run_id = start_run(db, names, args)
        shared = crawl_settings(db_path, run_id, replica_url, full=full, recheck=recheck, log_level=log_level,
                                extra=settings or {})  # fmt: skip
        outcomes = []
        for name in names:
            say(f"{name}: crawling{' the replica at ' + replica_url if replica_url else ''} ...")
            outcomes.append(run_source(name, shared, log_dir, timeout_s))
            say(outcomes[-1].line())
        status = run_status(outcomes)
        failures = "; ".join(f"{o.source}: {o.message}" for o in outcomes if not o.ok)
        flags = finish_run(db, run_id, status=status, per_source={o.source: o.stats for o in outcomes},
                           message=failures or None)  # fmt: skip
    return CrawlResult(run_id, status, outcomes, time.monotonic() - started, flags)


@contextmanager
def replica_server(port: int = 0, start_timeout_s: float = 60.0) -> Iterator[str]:
    """Run `python -m replica --port PORT` for the block and yield the base URL it announces."""
    proc = subprocess.Popen([sys.executable, "-m", "replica", "--port", str(port), "--quiet"], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        yield read_announced_url(proc, start_timeout_s)
    finally:
        stop_process(proc)


def read_announced_url(proc: subprocess.Popen[str], timeout_s: float) -> str:
    """Return the first stdout line of a starting server, waiting at most `timeout_s` (no sleeping)."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout_s)
    line = proc.stdout.readline().strip() if ready else ""
    if not line.startswith("http://"):
        stop_process(proc)
        stderr = proc.stderr.read().strip()[-300:] if proc.stderr else ""
        raise CrawlError(f"the replica did not announce its URL within {timeout_s:g} s (got {line!r}; {stderr})")
    return line


def stop_process(proc: subprocess.Popen[str]) -> None:
    """Stop a server we started, by its PID: SIGTERM, then SIGKILL after 10 s; reap it."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
