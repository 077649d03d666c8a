"""The `twinwatch` command: a click group whose commands are thin shells over the stage libraries."""

from __future__ import annotations

import click

from schedules.cmd_crawl import crawl, demo, schedule
from schedules.cmd_replica import replica
from schedules.cmd_store import retag, serve
from schedules.cmd_tag import bench_tag, eval_cmd, tag


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="twinwatch")
def cli() -> None:
    """twinwatch: find twin-city and partner-region relations in the news.

    Crawl the sources (or their offline replicas), extract and tag city pairs,
    store them in SQLite and publish them with Datasette.
    """


for _command in (demo, crawl, schedule, replica, serve, retag, tag, eval_cmd, bench_tag):
    cli.add_command(_command)
