"""The nightly schedule: APScheduler 3 fires one cron job that runs the crawl in a fresh, time-limited subprocess.

The scheduler holds no crawl logic (architecture.md lesson 15). APScheduler's defaults lose a missed night
(`misfire_grace_time` is 1 s, reliability.md finding 9) and its job stores cannot be shared between processes,
so a night missed while the scheduler was down is caught up from the database's `runs` table, exactly once.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

log = logging.getLogger("twinwatch.schedule")

MISFIRE_GRACE_S = 6 * 3600  # a run delayed (busy executor, suspend) up to 6 h still happens, once (coalesce)
KILL_GRACE_S = 10.0  # after SIGTERM, how long a timed-out crawl gets to close before SIGKILL
JOB_ID = "nightly-crawl"
_children: set[subprocess.Popen[bytes]] = set()  # running crawl children, stopped on shutdown
_children_lock = threading.Lock()


class ScheduleError(ValueError):
    """A schedule option is invalid; `str()` is one line naming the input and the fix."""


def zone(name: str) -> ZoneInfo:
    """Return the IANA time zone `name`, or raise ScheduleError naming it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(
            f"--timezone {name!r} is not an IANA time zone; use e.g. UTC or Europe/Berlin"
        ) from None


def parse_at(at: str) -> tuple[int, int]:
    """Return (hour, minute) of an `HH:MM` string, or raise ScheduleError."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", at.strip())
    if not match:
        raise ScheduleError(f"--at {at!r} is not a time of day; use HH:MM, e.g. 03:30")
    return int(match[1]), int(match[2])


def dst_conflict(hour: int, minute: int, tz: ZoneInfo, start: date, days: int = 366) -> date | None:
    """Return the first day within `days` of `start` when local HH:MM is skipped or repeated by a DST change."""
    for offset in range(days):
        local = datetime.combine(start + timedelta(days=offset), datetime.min.time()).replace(
            hour=hour, minute=minute, tzinfo=tz
        )
        # A wall time inside a gap or an overlap maps to two different UTC offsets depending on `fold`.
        if local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset():
            return local.date()
    return None


def build_trigger(*, cron: str | None, at: str, timezone: str, today: date | None = None) -> CronTrigger:
    """Return the CronTrigger for `--cron` (5 fields, or 6 with seconds first) or for a daily `--at` time."""
    tz = zone(timezone)
    if cron is None:
        hour, minute = parse_at(at)
        clash = dst_conflict(hour, minute, tz, today or datetime.now(tz).date())
        if clash is not None:
            raise ScheduleError(
                f"--at {at} falls in a daylight-saving change of {timezone} on {clash} (the run would be skipped "
                f"or doubled); pick a time outside it, e.g. 04:00, or use --timezone UTC"
            )
        return CronTrigger(hour=hour, minute=minute, second=0, timezone=tz)
    fields = cron.split()
    if len(fields) not in (5, 6):
        raise ScheduleError(
            f"--cron {cron!r} has {len(fields)} fields; use 5 (m h dom mon dow) or 6 (s m h dom mon dow)"
        )
    if re.search(r"\d", fields[-1]):
        # APScheduler 3 numbers weekdays from Monday=0, crontab from Sunday=0: names avoid the off-by-one.
        raise ScheduleError(f"--cron {cron!r}: write the day of week as names (mon-fri, sun), not numbers")
    names = ["second", "minute", "hour", "day", "month", "day_of_week"][6 - len(fields) :]
    try:
        return CronTrigger(
            timezone=tz, **dict(zip(names, fields)), **({"second": 0} if len(fields) == 5 else {})
        )
    except ValueError as error:
        raise ScheduleError(f"--cron {cron!r} is invalid: {error}") from None


def fire_times(trigger: CronTrigger, after: datetime, count: int) -> list[datetime]:
    """Return the next `count` fire times of `trigger` strictly after `after`."""
    times: list[datetime] = []
    current = trigger.get_next_fire_time(None, after + timedelta(microseconds=1))
    while current is not None and len(times) < count:
        times.append(current)
        # Step one second past it in UTC: cron has 1 s resolution, and local-time arithmetic loses `fold`
        # in a DST overlap (APScheduler 3.11 then returns the same fire time again).
        current = trigger.get_next_fire_time(current, current.astimezone(UTC) + timedelta(seconds=1))
    return times


def missed_fire_time(last_ok: datetime | None, trigger: CronTrigger, now: datetime) -> datetime | None:
    """Return the latest fire time in (last_ok, now] — the one night to catch up — or None if nothing was missed.

    No ok run at all is not a missed night: a fresh database waits for its first scheduled run.
    """
    if last_ok is None:
        return None
    first: datetime | None = trigger.get_next_fire_time(None, last_ok + timedelta(microseconds=1))
    if first is None or first > now:
        return None
    # Search back from `now` in widening windows so a seconds-level cron never walks millions of fire times.
    for window in (
        timedelta(minutes=1),
        timedelta(hours=1),
        timedelta(days=1),
        timedelta(days=32),
        now - first,
    ):
        start = max(first, now - window)
        candidate: datetime | None = trigger.get_next_fire_time(None, start)
        if candidate is None or candidate > now:
            continue
        for _ in range(100_000):  # bounded walk to the last fire time <= now
            following: datetime | None = trigger.get_next_fire_time(
                candidate, candidate.astimezone(UTC) + timedelta(seconds=1)
            )
            if following is None or following > now:
                return candidate
            candidate = following
        return candidate
    return first


def last_ok_run(db_path: str | Path) -> datetime | None:
    """Return when the newest `ok` run in the database started (None if none, or no database yet)."""
    path = Path(db_path)
    if not path.exists():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10) as conn:
            row = conn.execute("SELECT max(started) FROM runs WHERE status = 'ok'").fetchone()
    except sqlite3.OperationalError:  # no runs table yet: never crawled
        return None
    return datetime.fromisoformat(row[0]) if row and row[0] else None


def crawl_command(db_path: str | Path, replica_url: str | None, sources: Sequence[str]) -> list[str]:
    """Return the argv of one scheduled crawl: `twinwatch crawl` in a fresh interpreter."""
    argv = [sys.executable, "-c", "from schedules.cli import cli; cli(prog_name='twinwatch')", "crawl",
            "--db", str(db_path)]  # fmt: skip
    if replica_url:
        argv += ["--replica", replica_url]
    for source in sources:
        argv += ["--source", source]
    return argv


def run_child(argv: Sequence[str], timeout_s: float, cwd: str | Path | None = None,
              kill_grace_s: float = KILL_GRACE_S) -> int:  # fmt: skip
    """Run one crawl child with a hard timeout; on timeout stop its whole process group; return its exit code."""
    log.info("run start: %s", " ".join(argv[3:]) or " ".join(argv))
    # Its own session: on timeout the crawl and its Scrapy grandchildren are stopped together.
    proc = subprocess.Popen(list(argv), cwd=cwd, stdin=subprocess.DEVNULL, start_new_session=True)
    with _children_lock:
        _children.add(proc)
    try:
        code = proc.wait(timeout=timeout_s)
        log.info("run end: exit %s (pid %s)", code, proc.pid)
    except subprocess.TimeoutExpired:
        code = stop_child(proc, kill_grace_s)
        log.error("run killed: pid %s exceeded the %g s timeout (exit %s)", proc.pid, timeout_s, code)
    finally:
        with _children_lock:
            _children.discard(proc)
    return code


def stop_child(proc: subprocess.Popen[bytes], kill_grace_s: float = KILL_GRACE_S) -> int:
    """Stop a child's process group: SIGTERM, then SIGKILL after `kill_grace_s`; return its exit code."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        code = proc.wait(timeout=kill_grace_s)
    except ProcessLookupError:
        code = proc.wait()
    except subprocess.TimeoutExpired:
        code = None
    # Also SIGKILL the group after a clean leader exit: a grandchild that ignored SIGTERM must not outlive the run.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return code if code is not None else proc.wait(timeout=30)


def stop_all_children() -> None:
    """Stop every running crawl child (used when the scheduler is shut down)."""
    with _children_lock:
        running = list(_children)
    for proc in running:
        stop_child(proc)


def build_scheduler(
    job: Callable[[], object],
    *,
    cron: str | None = None,
    at: str = "03:30",
    timezone: str = "UTC",
    last_ok: datetime | None = None,
    now: datetime | None = None,
    scheduler_cls: type[BaseScheduler] = BlockingScheduler,
) -> BaseScheduler:
    """Return a scheduler with the one crawl job; if a fire time was missed since `last_ok`, run once at start."""
    trigger = build_trigger(cron=cron, at=at, timezone=timezone)
    scheduler = scheduler_cls(timezone=trigger.timezone)
    now = now or datetime.now(trigger.timezone)
    missed = missed_fire_time(last_ok, trigger, now)
    options: dict[str, object] = {}
    if missed is not None:
        log.warning("missed run at %s (last ok run %s): catching up once now", missed.isoformat(), last_ok)
        options["next_run_time"] = now  # the same job, so max_instances=1 also covers the catch-up run
    scheduler.add_job(job, trigger, id=JOB_ID, name="twinwatch crawl", max_instances=1, coalesce=True,
                      misfire_grace_time=MISFIRE_GRACE_S, replace_existing=True, **options)  # fmt: skip
    return scheduler
