"""Run health: one `runs` row per crawl, one `run_sources` row per run and source, and the drop rule."""

from __future__ import annotations

import json
import logging
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from store.connection import write_txn

log = logging.getLogger("twinwatch.store")

# The health rule (documented in datasette-metadata.yml too): a source is flagged when it saw zero
# articles, or fewer than HEALTH_RATIO x the median of its last HEALTH_WINDOW ok runs (needs at least
# HEALTH_MIN_HISTORY of them, so a new source is not flagged on its second night).
HEALTH_WINDOW = 7
HEALTH_RATIO = 1 / 3
HEALTH_MIN_HISTORY = 3


@dataclass
class SourceStats:
    """Counts for one source in one run, filled by the crawler."""

    requests: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)  # HTTP status -> responses
    articles_seen: int = 0  # article URLs listed this run, known ones included
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    pairs: int = 0
    errors: int = 0
    blocked: list[str] = field(default_factory=list)  # hosts that blocked us (403, robots 5xx)
    duration_s: float = 0.0


def utc_now() -> str:
    """Return the current UTC time as ISO 8601 with seconds and offset."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def start_run(
    db: Database, sources: Sequence[str], args: Mapping[str, Any], started: str | None = None
) -> int:
    """Insert a `running` row for a new crawl and return its id."""
    row = {
        "started": started or utc_now(),
        "status": "running",
        "sources": json.dumps(list(sources)),
        "args": json.dumps(dict(args), sort_keys=True, default=str),
    }
    with write_txn(db):
        cursor = db.execute(
            "INSERT INTO runs (started, status, sources, args) VALUES (?, ?, ?, ?)", list(row.values())
        )
    return int(cursor.lastrowid or 0)


def close_abandoned_runs(db: Database, finished: str | None = None) -> int:
    """Mark runs still `running` as `killed` and return how many; call only while holding the crawl lock.

    Under the lock no other crawl can be live, so a `running` row is what a SIGKILLed or timed-out
    crawl left behind: it must not read as "still going" in Datasette or in the health history.
    """
    with write_txn(db):
        cursor = db.execute(
            "UPDATE runs SET status = 'killed', finished = ?, "
            "message = 'the crawl process ended without finishing this run (killed or timed out)' "
            "WHERE status = 'running'",
            [finished or utc_now()],
        )
    return int(cursor.rowcount or 0)


def incomplete_previous_run(db: Database) -> tuple[int, str] | None:
    """Return (id, status) of the newest run when it did not end `ok` (killed, failed, partial), else None."""
    row = db.execute("SELECT id, status FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row is not None and row[1] != "ok" else None


def flag_health(articles_seen: int, history: Sequence[int]) -> str | None:
    """Return why a source looks broken (zero, or far below its recent median), or None if healthy."""
    if articles_seen == 0:
        return "zero articles"
    if len(history) >= HEALTH_MIN_HISTORY:
        median = statistics.median(history)
        if articles_seen < median * HEALTH_RATIO:
            return (
                f"{articles_seen} articles, below 1/3 of the median {median:g} "
                f"of the last {len(history)} ok runs"
            )
    return None


def source_history(
    db: Database, source: str, n: int = HEALTH_WINDOW, before_run: int | None = None
) -> list[int]:
    """Return `articles_seen` of the source's last `n` ok runs (newest first), before `before_run`."""
    sql = (
        "SELECT run_sources.articles_seen FROM run_sources JOIN runs ON runs.id = run_sources.run_id "
        "WHERE run_sources.source = ? AND runs.status = 'ok' AND runs.id < ? "
        "ORDER BY runs.id DESC LIMIT ?"
    )
    limit_id = before_run if before_run is not None else 2**62
    return [int(row[0] or 0) for row in db.execute(sql, [source, limit_id, n])]


def duration_between(started: str, finished: str) -> float:
    """Return seconds between two ISO 8601 timestamps (0.0 if either cannot be parsed)."""
    try:
        return max(0.0, (datetime.fromisoformat(finished) - datetime.fromisoformat(started)).total_seconds())
    except (TypeError, ValueError):
        return 0.0


def source_row(run_id: int, source: str, stats: SourceStats, flag: str | None) -> dict[str, Any]:
    """Return the `run_sources` row for one source."""
    row = asdict(stats)
    row["status_counts"] = json.dumps(stats.status_counts, sort_keys=True)
    row["blocked"] = json.dumps(sorted(set(stats.blocked)))
    return {"run_id": run_id, "source": source, **row, "flagged": int(flag is not None), "flag_reason": flag}


def finish_run(
    db: Database,
    run_id: int,
    *,
    status: str,
    per_source: Mapping[str, SourceStats],
    finished: str | None = None,
    message: str | None = None,
) -> list[str]:
    """Close run `run_id` with per-source counts, totals and health flags; return "source: reason" flags."""
    finished = finished or utc_now()
    started = db.execute("SELECT started FROM runs WHERE id = ?", [run_id]).fetchone()
    if started is None:
        raise ValueError(f"run {run_id} does not exist in runs; call start_run first")
    flags: dict[str, str] = {}
    for source, stats in per_source.items():
        reason = flag_health(stats.articles_seen, source_history(db, source, before_run=run_id))
        if reason is not None:
            flags[source] = reason
            log.warning("run %s: source %s flagged: %s", run_id, source, reason)
    totals = {name: sum(getattr(s, name) for s in per_source.values()) for name in TOTAL_FIELDS}
    blocked = sorted({host for s in per_source.values() for host in s.blocked})
    with write_txn(db):
        db.table("run_sources").upsert_all(
            [source_row(run_id, name, stats, flags.get(name)) for name, stats in per_source.items()],
            pk=("run_id", "source"),
        )
        db.table("runs").update(
            run_id,
            {
                "finished": finished,
                "status": status,
                **totals,
                "blocked_hosts": json.dumps(blocked),
                "duration_s": duration_between(started[0], finished),
                "health_flags": json.dumps([f"{name}: {reason}" for name, reason in flags.items()]),
                "message": message,
            },
        )
    return [f"{name}: {reason}" for name, reason in flags.items()]


TOTAL_FIELDS = (
    "requests",
    "articles_seen",
    "articles_new",
    "articles_updated",
    "articles_unchanged",
    "pairs",
    "errors",
)
