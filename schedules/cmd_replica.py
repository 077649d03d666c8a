"""`twinwatch replica`: serve the offline replicas (owned by the replica work)."""

from __future__ import annotations

import click


@click.command()
@click.option("--port", default=8000, show_default=True, help="Loopback port; 0 picks a free one.")
def replica(port: int) -> None:
    """Serve offline replicas of the three sources on 127.0.0.1 (first stdout line: base URL)."""
    raise click.ClickException("replica: not built yet")
