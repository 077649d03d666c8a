"""`twinwatch tag`, `eval` and `bench-tag` (owned by the tagger work): thin shells over `extract`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

import click

DEV_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "pairs_dev.jsonl"


@click.command()
@click.argument("file", type=click.File("r", encoding="utf-8"))
def tag(file: TextIO) -> None:
    """Tag city pairs in JSON Lines {"id","text","language"} read from FILE (or -)."""
    from extract.tagging_jsonl import InputError, tag_lines

    try:
        for out in tag_lines(file):
            click.echo(out)
    except InputError as error:
        click.echo(f"tag: {file.name}: {error}", err=True)
        raise SystemExit(2) from error


@click.command(name="eval")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--verbose", "-v", is_flag=True, help="Also list false and missed pairs per article.")
def eval_cmd(file: str, verbose: bool) -> None:
    """Score the tagger on an annotated JSON Lines corpus (see ../shared/eval/README.md)."""
    from extract.evaluate import format_report, score
    from extract.tagger import tag_pairs
    from extract.tagging_jsonl import InputError, parse_line

    try:
        with open(file, encoding="utf-8") as fh:
            items = [parse_line(line, n) for n, line in enumerate(fh, start=1) if line.strip()]
    except InputError as error:
        raise click.ClickException(f"eval: {file}: {error}") from error
    predicted = {item["id"]: tag_pairs(item["text"], item.get("language")) for item in items}
    click.echo(format_report(score(items, predicted), verbose=verbose))


@click.command(name="bench-tag")
@click.option("--n", "n", default=1000, show_default=True, help="Number of articles.")
@click.option(
    "--kb",
    default=6.0,
    show_default=True,
    help="Article size in KB (1,024 bytes of UTF-8); rounds before 2026-11-24 used 6,000 characters, about 7 KB.",
)
@click.option(
    "--corpus", type=click.Path(exists=True, dir_okay=False), default=str(DEV_CORPUS), show_default=True
)
def bench_tag(n: int, kb: float, corpus: str) -> None:
    """Benchmark the tagger on one core: articles per second (a figure, not a test)."""
    from extract.native import describe
    from extract.tagging_jsonl import bench_articles, time_tagger

    with open(corpus, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    articles = bench_articles(texts, n, int(kb * 1024))
    loading, seconds, found = time_tagger(articles)
    size = sum(len(a.encode("utf-8")) for a in articles) / len(articles) / 1024
    click.echo(
        f"bench-tag: {n} articles (~{size:.1f} KB each) in {seconds:.2f} s = {n / seconds:.0f} articles/s"
        f" ({found} pairs); loading the tables took {loading:.2f} s before that, once per process"
    )
    click.echo(f"bench-tag: the tagger ran {describe()}")
