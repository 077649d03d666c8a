"""`twinwatch crawl`, `demo` and `schedule` (owned by the pipeline work)."""

from __future__ import annotations

from pathlib import Path

import click


def summary_lines(db_path: Path) -> list[str]:
    """Return the demo's closing summary: stored articles per source and language, and pairs."""
    from store.db import open_db

    db = open_db(db_path)
    try:
        rows = db.execute(
            "SELECT source, coalesce(language, '?'), count(*) FROM articles GROUP BY 1, 2 ORDER BY 1, 2"
        ).fetchall()
        pairs = db.execute("SELECT count(*), count(DISTINCT article_id) FROM pairs").fetchone()
    finally:
        db.close()
    lines = [f"  {source:<11} {language:<3} {count:>4} articles" for source, language, count in rows]
    return [*lines, f"  pairs: {pairs[0]} in {pairs[1]} articles"]


def run_crawl(db_path: Path, sources: tuple[str, ...], replica_url: str | None, full: bool, recheck: bool) -> None:
    """Run the crawl with progress lines; raise a one-line ClickException when it cannot start or all failed."""
    from schedules.jobs import CrawlError
    from schedules.jobs import crawl as run
    from store.db import StoreError

    try:
        result = run(db_path, sources, replica_url, full=full, recheck=recheck,
                     echo=lambda line: click.echo(line, err=True))  # fmt: skip
    except (CrawlError, StoreError) as error:
        raise click.ClickException(str(error)) from error
    for flag in result.health_flags:
        click.echo(f"health: {flag}", err=True)
    click.echo(f"run {result.run_id}: {result.status} in {result.seconds:.1f} s ({db_path})")
    if result.status == "failed":
        raise click.ClickException(f"run {result.run_id}: every source failed; see the logs named above")


@click.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The SQLite database to crawl into (created if missing).")
@click.option("--source", "sources", multiple=True, help="Only this source (repeatable): russkiymir, embassy, tass.")
@click.option("--replica", "replica_url", metavar="URL",
              help="Crawl a running replica (the URL `twinwatch replica --port 0` prints) instead of the real sites.")
@click.option("--full", is_flag=True, help="Page through every listing page, even when all its articles are known.")
@click.option("--recheck", is_flag=True, help="Fetch known articles again.")
def crawl(db_path: Path, sources: tuple[str, ...], replica_url: str | None, full: bool, recheck: bool) -> None:
    """Crawl the sources (the real sites, or a running replica) into the database."""
    run_crawl(db_path, sources, replica_url, full, recheck)


@click.command()
@click.option("--db", "db_path", default="data/twinwatch.db", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path))
@click.option("--port", default=8001, show_default=True, type=int, help="Datasette port on 127.0.0.1.")
@click.option("--no-serve", is_flag=True, help="Stop after the crawl and the summary.")
def demo(db_path: Path, port: int, no_serve: bool) -> None:
    """Start the replica, crawl it, then serve Datasette."""
    from schedules.jobs import CrawlError, replica_server

    click.echo("demo: starting the offline replica ...", err=True)
    try:
        with replica_server() as replica_url:
            click.echo(f"demo: replica at {replica_url}; crawling all sources into {db_path}", err=True)
            run_crawl(db_path, (), replica_url, full=False, recheck=False)
    except CrawlError as error:
        raise click.ClickException(str(error)) from error
    click.echo("demo: stored")
    for line in summary_lines(db_path):
        click.echo(line)
    if no_serve:
        return
    from store.publish import DB_NAME, serve

    click.echo(f"Open http://127.0.0.1:{port}/  (tables: http://127.0.0.1:{port}/{DB_NAME}; Ctrl-C to stop)")
    serve(db_path, port=port)


@click.command()
@click.option("--at", "at", default="03:30", show_default=True, metavar="HH:MM", help="Daily run time in --timezone.")
@click.option("--timezone", "timezone", default="UTC", show_default=True, help="IANA zone of --at / --cron.")
@click.option("--cron", "cron", metavar="EXPR",
              help="Cron expression instead of --at: 5 fields (m h dom mon dow) or 6 with seconds first.")
@click.option("--db", "db_path", default="data/twinwatch.db", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The database each run crawls into.")
@click.option("--replica", "replica_url", metavar="URL", help="Crawl a running replica instead of the real sites.")
@click.option("--timeout", "timeout_s", default=4 * 3600.0, show_default=True, type=click.FloatRange(min=1),
              help="Hard limit in seconds per run; a crawl still running then is killed.")
@click.option("--source", "sources", multiple=True, help="Only this source (repeatable).")
def schedule(at: str, timezone: str, cron: str | None, db_path: Path, replica_url: str | None, timeout_s: float,
             sources: tuple[str, ...]) -> None:  # fmt: skip
    """Run the crawl on a schedule with APScheduler: each run in a fresh subprocess, never two at once."""
    import logging
    import signal
    import sys
    from datetime import datetime

    from schedules.nightly import (
        ScheduleError,
        build_scheduler,
        crawl_command,
        fire_times,
        last_ok_run,
        missed_fire_time,
        run_child,
        stop_all_children,
    )  # fmt: skip

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # keep skipped-overlap warnings, drop chatter
    from schedules.jobs import CrawlError, check_sources

    argv, last_ok = crawl_command(db_path, replica_url, sources), last_ok_run(db_path)
    try:
        check_sources(sources)  # fail now, not at 03:30 every night
        scheduler = build_scheduler(lambda: run_child(argv, timeout_s), cron=cron, at=at, timezone=timezone,
                                    last_ok=last_ok)  # fmt: skip
    except (ScheduleError, CrawlError) as error:
        raise click.ClickException(str(error)) from error
    trigger = scheduler.get_jobs()[0].trigger
    now = datetime.now(trigger.timezone)
    upcoming = fire_times(trigger, now, 3)
    click.echo(f"schedule: crawling into {db_path} ({trigger}); Ctrl-C to stop", err=True)
    missed = missed_fire_time(last_ok, trigger, now)
    if missed is not None:
        click.echo(f"  catch-up run now for the missed {missed.isoformat()} (last ok run {last_ok})", err=True)
    for when in upcoming:
        click.echo(f"  next: {when.isoformat()}", err=True)
    # SIGTERM stops like Ctrl-C, so the crawl child (in its own session) is not orphaned. SIGINT is Ctrl-C even when
    # the scheduler was started in the background of a script, where the shell leaves it ignored (Python then keeps
    # it ignored and `kill -INT` would not stop the scheduler).
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        click.echo("schedule: stopping", err=True)
    finally:
        if scheduler.running:
            scheduler.shutdown(wait=False)
        stop_all_children()
