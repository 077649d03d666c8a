"""Run health in the database: runs / run_sources rows and the drop rule (issue 5)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from sqlite_utils import Database

from store.db import SourceStats, finish_run, flag_health, open_db, source_history, start_run


@pytest.fixture
def db(tmp_path: Path) -> Database:
    """A fresh store in a real file."""
    return open_db(tmp_path / "t.db")


@pytest.mark.parametrize(
    ("seen", "history", "expected"),
    [
        (0, [], "zero articles"),
        (0, [40, 40, 40], "zero articles"),
        (5, [], None),  # no history yet: only zero is flagged
        (5, [40, 40], None),  # fewer than 3 ok runs: not enough to judge
        (13, [40, 40, 40], "13 articles, below 1/3 of the median 40 of the last 3 ok runs"),
        (14, [40, 40, 40], None),  # 14 >= 40/3
        (10, [30, 31, 90, 29, 33, 35, 100], "10 articles, below 1/3 of the median 33 of the last 7 ok runs"),
        (12, [30, 31, 90, 29, 33, 35, 100], None),
    ],
)
def test_flag_health_rule(seen: int, history: list[int], expected: str | None) -> None:
    assert flag_health(seen, history) == expected


def run_once(
    db: Database, seen: dict[str, int], status: str = "ok", started: str = "2024-05-01T02:00:00+00:00"
) -> list[str]:
    """Record one finished run where each source saw `seen[source]` articles."""
    run_id = start_run(db, list(seen), {"max_pages": 10}, started=started)
    stats = {
        s: SourceStats(
            requests=n + 2,
            status_counts={"200": n + 1, "404": 1},
            articles_seen=n,
            articles_new=n,
            pairs=1,
            blocked=["www.tass.com"] if s == "tass" else [],
            duration_s=1.5,
        )
        for s, n in seen.items()
    }
    return finish_run(db, run_id, status=status, per_source=stats, finished="2024-05-01T02:10:00+00:00")


def test_runs_row_totals_and_duration(db: Database) -> None:
    flags = run_once(db, {"tass": 10, "embassy": 5})
    run = db["runs"].get(1)
    assert (run["status"], run["requests"], run["articles_seen"], run["pairs"], run["duration_s"]) == (
        "ok",
        19,
        15,
        2,
        600.0,
    )
    assert json.loads(run["sources"]) == ["tass", "embassy"] and json.loads(run["args"]) == {"max_pages": 10}
    assert json.loads(run["blocked_hosts"]) == ["www.tass.com"] and json.loads(run["health_flags"]) == []
    per = {r["source"]: r for r in db["run_sources"].rows}
    assert (
        json.loads(per["tass"]["status_counts"]) == {"200": 11, "404": 1} and per["embassy"]["flagged"] == 0
    )
    assert flags == []


def test_drop_is_flagged_in_runs_and_log(db: Database, caplog: pytest.LogCaptureFixture) -> None:
    for _ in range(3):
        run_once(db, {"tass": 40, "embassy": 20})
    run_once(db, {"tass": 40, "embassy": 30}, status="failed")  # failed runs do not count as history
    assert source_history(db, "embassy") == [20, 20, 20]
    with caplog.at_level(logging.WARNING, logger="twinwatch.store"):
        flags = run_once(db, {"tass": 39, "embassy": 0})
    assert flags == ["embassy: zero articles"]
    assert json.loads(db["runs"].get(5)["health_flags"]) == ["embassy: zero articles"]
    row = db["run_sources"].get((5, "embassy"))
    assert (row["flagged"], row["flag_reason"]) == (1, "zero articles")
    assert "run 5: source embassy flagged: zero articles" in caplog.text
    health = db.execute(
        "SELECT source, flagged FROM source_health WHERE run_id = 5 ORDER BY source"
    ).fetchall()
    assert health == [("embassy", 1), ("tass", 0)]


def test_unfinished_run_stays_running_and_finish_of_unknown_run_is_an_error(db: Database) -> None:
    run_id = start_run(db, ["tass"], {})
    assert db["runs"].get(run_id)["status"] == "running" and db["runs"].get(run_id)["finished"] is None
    with pytest.raises(ValueError, match="run 99 does not exist in runs; call start_run first"):
        finish_run(db, 99, status="ok", per_source={})


def test_runs_left_running_by_a_killed_crawl_are_marked_killed(tmp_path: Path) -> None:
    """Under the crawl lock a `running` row can only be a dead crawl's: it is closed as `killed`."""
    from store.db import close_abandoned_runs, open_db, start_run

    db = open_db(tmp_path / "t.db")
    start_run(db, ["tass"], {})
    assert close_abandoned_runs(db) == 1
    assert [r["status"] for r in db.query("SELECT status FROM runs")] == ["killed"]
    assert close_abandoned_runs(db) == 0
