"""`twinwatch tag`, `eval` and `bench-tag` (owned by the tagger work)."""

from __future__ import annotations

import click


@click.command()
@click.argument("file", type=click.File("r", encoding="utf-8"))
def tag(file: click.File) -> None:
    """Tag city pairs in JSON Lines {"id","text","language"} read from FILE (or -)."""
    raise click.ClickException("tag: not built yet")


@click.command(name="eval")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def eval_cmd(file: str) -> None:
    """Score the tagger on an annotated JSON Lines corpus."""
    raise click.ClickException("eval: not built yet")


@click.command(name="bench-tag")
def bench_tag() -> None:
    """Benchmark the tagger: articles per second on one core."""
    raise click.ClickException("bench-tag: not built yet")
