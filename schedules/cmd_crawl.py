"""`twinwatch crawl`, `demo` and `schedule` (owned by the pipeline work)."""

from __future__ import annotations

import click


@click.command()
def crawl() -> None:
    """Crawl the sources into the database."""
    raise click.ClickException("crawl: not built yet")


@click.command()
def demo() -> None:
    """Start the replica, crawl it, then serve Datasette."""
    raise click.ClickException("demo: not built yet")


@click.command()
def schedule() -> None:
    """Run the crawl nightly with APScheduler."""
    raise click.ClickException("schedule: not built yet")
