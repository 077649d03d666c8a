"""T21/T22 (scheduler part): fire-time semantics, missed-night catch-up, one instance, hung-crawl kill — real APScheduler."""

from __future__ import annotations

import itertools
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from schedules.nightly import (
    ScheduleError,
    build_scheduler,
    build_trigger,
    fire_times,
    missed_fire_time,
    run_child,
)  # fmt: skip

START = datetime(2026, 1, 1, tzinfo=UTC)


def wait_until(predicate: object, timeout_s: float) -> bool:
    """Poll `predicate` every 50 ms until true or `timeout_s` passes; return its last value."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return bool(predicate())  # type: ignore[operator]


def test_utc_daily_trigger_400_days_every_gap_24h() -> None:
    trigger = build_trigger(cron=None, at="03:30", timezone="UTC", today=START.date())
    times = fire_times(trigger, START, 400)
    gaps = {b - a for a, b in itertools.pairwise(times)}
    print(f"\nT21 UTC: {len(times)} fire times, gaps {sorted(g.total_seconds() / 3600 for g in gaps)} h")
    assert len(times) == 400 and gaps == {timedelta(hours=24)}
    assert all((t.hour, t.minute, t.second) == (3, 30, 0) for t in times)


def test_dst_zone_fires_at_local_time_and_guard_rejects_gap_and_overlap() -> None:
    berlin = "Europe/Berlin"
    trigger = build_trigger(cron=None, at="04:00", timezone=berlin, today=START.date())
    times = fire_times(trigger, START.astimezone(ZoneInfo(berlin)), 400)
    local = {(t.astimezone(ZoneInfo(berlin)).hour, t.astimezone(ZoneInfo(berlin)).minute) for t in times}
    gaps = sorted(
        {(b.astimezone(UTC) - a.astimezone(UTC)).total_seconds() / 3600 for a, b in itertools.pairwise(times)}
    )
    # A raw 02:30 trigger (what the guard prevents): measured APScheduler 3.11 behaviour in the DST changes.
    raw = CronTrigger(hour=2, minute=30, timezone=ZoneInfo(berlin))
    raw_times = fire_times(raw, START.astimezone(ZoneInfo(berlin)), 366)
    raw_days = [t.date() for t in raw_times]
    skipped = [d for d in (START.date() + timedelta(days=i) for i in range(365)) if d not in raw_days]
    doubled = sorted({d for d in raw_days if raw_days.count(d) > 1})
    spring = [
        t.astimezone(UTC).astimezone(ZoneInfo(berlin)).strftime("%H:%M %Z")
        for t in raw_times
        if t.date() == date(2026, 3, 29)
    ]
    rejected = []
    for at in ("01:30", "02:00", "02:30", "02:59", "03:00", "03:30"):
        try:
            build_trigger(cron=None, at=at, timezone=berlin, today=START.date())
        except ScheduleError as error:
            rejected.append(at)
            assert "daylight-saving" in str(error) and at in str(error)
    ny = []
    for at in ("00:59", "01:00", "01:30", "02:30", "03:00"):
        try:
            build_trigger(cron=None, at=at, timezone="America/New_York", today=START.date())
        except ScheduleError:
            ny.append(at)
    print(
        f"\nT21 DST Europe/Berlin 04:00: {len(times)} fire times, all local 04:00: {local == {(4, 0)}}, gaps {gaps} h; "
        f"raw 02:30 job: skipped days {len(skipped)}, "
        f"spring-forward day runs at {spring}, runs twice on {[str(d) for d in doubled]}; guard rejects {rejected} (Berlin), {ny} (New York)"
    )
    assert local == {(4, 0)} and gaps == [23.0, 24.0, 25.0]
    assert skipped == [] and spring == ["03:30 CEST"] and doubled == [date(2026, 10, 25)]
    assert rejected == ["02:00", "02:30", "02:59"] and ny == ["01:00", "01:30", "02:30"]


@pytest.mark.parametrize(
    ("cron", "at", "tz", "needle"),
    [
        (None, "25:00", "UTC", "--at '25:00'"),
        (None, "3.30", "UTC", "HH:MM"),
        (None, "03:30", "Mars/Olympus", "--timezone 'Mars/Olympus'"),
        ("* * * *", "03:30", "UTC", "has 4 fields"),
        ("0 3 * * 1", "03:30", "UTC", "names"),
        ("0 99 * * *", "03:30", "UTC", "is invalid"),
    ],
)
def test_bad_schedule_options_give_one_line_errors(cron: str | None, at: str, tz: str, needle: str) -> None:
    with pytest.raises(ScheduleError) as error:
        build_trigger(cron=cron, at=at, timezone=tz)
    assert needle in str(error.value) and "\n" not in str(error.value)


def test_six_field_cron_has_seconds_first() -> None:
    trigger = build_trigger(cron="*/15 * * * * *", at="03:30", timezone="UTC")
    times = fire_times(trigger, START, 5)
    assert [t.second for t in times] == [15, 30, 45, 0, 15]


def test_missed_fire_time_pure() -> None:
    nightly = build_trigger(cron=None, at="03:30", timezone="UTC", today=START.date())
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    down_3_nights = missed_fire_time(now - timedelta(days=3), nightly, now)
    assert down_3_nights == datetime(2026, 3, 10, 3, 30, tzinfo=UTC)  # the latest one only: one catch-up
    assert missed_fire_time(datetime(2026, 3, 10, 3, 31, tzinfo=UTC), nightly, now) is None
    assert missed_fire_time(None, nightly, now) is None  # a fresh database waits for its first night
    assert missed_fire_time(datetime(2026, 3, 10, 3, 30, tzinfo=UTC), nightly, now) is None  # started on time
    seconds = build_trigger(cron="*/1 * * * * *", at="03:30", timezone="UTC")
    started = time.monotonic()
    far = missed_fire_time(now - timedelta(days=300), seconds, now)
    print(
        f"\nT21 missed_fire_time: 3 nights down -> 1 catch-up at {down_3_nights}; per-second cron 300 days back "
        f"solved in {time.monotonic() - started:.3f} s"
    )
    assert far == now


def test_real_scheduler_catches_up_missed_fires_exactly_once() -> None:
    runs: list[datetime] = []
    now = datetime.now(UTC)
    # Down across 3 fire times of a 2-second cron: last ok 7 s ago.
    scheduler = build_scheduler(lambda: runs.append(datetime.now(UTC)), cron="*/2 * * * * *", timezone="UTC",
                                last_ok=now - timedelta(seconds=7), now=now, scheduler_cls=BackgroundScheduler)  # fmt: skip
    scheduler.start()
    try:
        assert wait_until(lambda: len(runs) >= 1, 5)
        first_fire = fire_times(scheduler.get_jobs()[0].trigger, now, 1)[0]
        assert wait_until(lambda: len(runs) >= 2, 8)
    finally:
        scheduler.shutdown(wait=True)
    catch_ups = [r for r in runs if r < first_fire]
    print(
        f"\nT21 catch-up: down across 3 fire times -> {len(catch_ups)} catch-up run, then scheduled runs "
        f"{len(runs) - len(catch_ups)}"
    )
    assert len(catch_ups) == 1


def test_max_one_instance_in_process() -> None:
    active, peak, finished = [0], [0], []
    guard = threading.Lock()
    release = threading.Event()

    def slow_job() -> None:
        with guard:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        release.wait(10)  # outlives several 1-second fire times
        with guard:
            active[0] -= 1
            finished.append(1)

    scheduler = build_scheduler(
        slow_job, cron="* * * * * *", timezone="UTC", scheduler_cls=BackgroundScheduler
    )
    scheduler.start()
    try:
        assert wait_until(lambda: active[0] == 1, 5)
        job = scheduler.get_jobs()[0]
        # Let the trigger pass at least 3 fire times while the first run is still busy.
        target = fire_times(job.trigger, datetime.now(UTC), 3)[-1]
        assert wait_until(lambda: datetime.now(UTC) > target + timedelta(milliseconds=300), 6)
        busy_peak = peak[0]
        release.set()
        assert wait_until(lambda: finished, 5)
    finally:
        release.set()
        scheduler.shutdown(wait=True)
    print(f"\nT22 max_instances: 3+ fire times during one busy run -> peak concurrent runs {busy_peak}")
    assert busy_peak == 1


# Stand-ins for a hung crawl: each records its pid (= its process group) in the file named by argv[1].
HANG = (
    "import os, subprocess, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); "
    "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)']); time.sleep(120)"
)
STUBBORN = (
    "import os, signal, subprocess, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); "
    "signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    "subprocess.Popen([sys.executable, '-c', 'import signal, time; signal.signal(signal.SIGTERM, "
    "signal.SIG_IGN); time.sleep(120)']); time.sleep(120)"
)


def pids_in_group(pgid: int) -> list[int]:
    """Return live pids whose process group is `pgid` (from /proc, skipping zombies)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def test_hung_child_killed_at_timeout_and_next_run_happens(tmp_path: Path) -> None:
    pid_files = [tmp_path / "hang.pid", tmp_path / "stubborn.pid"]
    commands = [[sys.executable, "-c", HANG, str(pid_files[0])], [sys.executable, "-c", STUBBORN, str(pid_files[1])],
                [sys.executable, "-c", "print('ok')"]]  # fmt: skip
    results: list[tuple[int, float, int]] = []  # (exit code, seconds, unused)

    def job() -> None:
        argv = commands[min(len(results), 2)]
        started = time.monotonic()
        code = run_child(argv, timeout_s=2.0, kill_grace_s=0.5)
        results.append((code, time.monotonic() - started, 0))

    scheduler = build_scheduler(job, cron="* * * * * *", timezone="UTC", scheduler_cls=BackgroundScheduler)
    scheduler.start()
    try:
        assert wait_until(lambda: len(results) >= 3, 30)
    finally:
        scheduler.shutdown(wait=True)
    groups = [int(f.read_text()) for f in pid_files]
    leftovers = [pid for group in groups for pid in pids_in_group(group)]
    print(
        f"\nT22 hung crawl: exit codes {[r[0] for r in results[:3]]}, run seconds "
        f"{[round(r[1], 1) for r in results[:3]]} (timeout 2 s, grace 0.5 s); next run succeeded "
        f"{int(results[2][0] == 0)}/1; processes left in the killed groups {len(leftovers)}"
    )
    assert results[0][0] < 0 and results[1][0] < 0 and results[2][0] == 0
    assert not leftovers
