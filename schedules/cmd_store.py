"""`twinwatch serve` and `twinwatch retag` (owned by the store work)."""

from __future__ import annotations

import click


@click.command()
@click.option("--db", "db_path", default="data/twinwatch.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--port", default=8001, show_default=True)
def serve(db_path: str, port: int) -> None:
    """Publish the database with Datasette on 127.0.0.1."""
    raise click.ClickException("serve: not built yet")


@click.command()
@click.option("--db", "db_path", default="data/twinwatch.db", show_default=True, type=click.Path(dir_okay=False))
def retag(db_path: str) -> None:
    """Re-extract and re-tag every stored page, without the network."""
    raise click.ClickException("retag: not built yet")
