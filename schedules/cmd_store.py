"""`twinwatch serve` and `twinwatch retag` (owned by the store work)."""

from __future__ import annotations

import click


@click.command()
@click.option(
    "--db", "db_path", default="data/twinwatch.db", show_default=True, type=click.Path(dir_okay=False)
)
@click.option("--port", default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
def serve(db_path: str, port: int, host: str) -> None:
    """Publish the database with Datasette (default http://127.0.0.1:8001/)."""
    # lazy, as every stage import here: at module level sqlite_utils cost 0.2 s of every twinwatch command
    from store.db import StoreError
    from store.publish import DB_NAME, prepare, run_server

    try:
        ds = prepare(db_path)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"serve: open http://{host}:{port}/{DB_NAME} (Ctrl-C to stop)")
    run_server(ds, host, port)


@click.command()
@click.option(
    "--db", "db_path", default="data/twinwatch.db", show_default=True, type=click.Path(dir_okay=False)
)
@click.option("--source", "sources", multiple=True, help="Only this source (repeatable); default all.")
@click.option("--workers", default=2, show_default=True, help="Extraction processes.")
@click.option("--timeout", "timeout_s", default=30.0, show_default=True, help="Hard limit per page, seconds.")
def retag(db_path: str, sources: tuple[str, ...], workers: int, timeout_s: float) -> None:
    """Re-extract and re-tag every stored page, without the network."""
    from schedules.retag import retag as run_retag
    from store.db import StoreError

    def progress(done: int, total: int) -> None:
        # Every 50 pages and at the end: enough to see it move without flooding the terminal.
        if done % 50 == 0 or done == total:
            click.echo(f"retag: {done}/{total} pages", err=True)

    try:
        summary = run_retag(db_path, sources or None, workers=workers, timeout_s=timeout_s, progress=progress)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    for failure in summary.failures:
        click.echo(f"retag: analysis failed: {failure}", err=True)
    click.echo(summary.line())
    if summary.failures:
        raise SystemExit(1)
