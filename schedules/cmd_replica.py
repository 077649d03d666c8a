"""`twinwatch replica`: serve the offline replicas (owned by the replica work)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--port", default=8000, show_default=True, type=int, help="Loopback port; 0 picks a free one.")
@click.option(
    "--faults",
    is_flag=True,
    help="Deterministic fault mode: every 7th washington.mid.ru request 503, "
    "one stalled embassy article, 429 + Retry-After on the first tass.com/rss/v2.xml, fixed 503 URLs "
    "(see replica/faults.py).",
)
@click.option(
    "--bot-mode",
    is_flag=True,
    help="403 'Access denied' on tass.com/tass.ru for every non-browser User-Agent (ours included).",
)
@click.option(
    "--stall-seconds",
    default=20.0,
    show_default=True,
    type=float,
    help="Length of the one stalled response in fault mode.",
)
@click.option(
    "--log",
    "log_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append one JSON line per request (method, host, path, ua, status) to this file.",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Fixture root with <site>/<lang>/*.json (default: the packaged replica/data).",
)
@click.option("--quiet", is_flag=True, help="No request lines on stderr.")
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="NAME=on|off",
    help="Switch a replica behaviour, e.g. --set RM_SITEMAP=on (list: replica/behaviours.py).",
)
def replica(
    port: int,
    faults: bool,
    bot_mode: bool,
    stall_seconds: float,
    log_path: Path | None,
    data_dir: Path | None,
    quiet: bool,
    overrides: tuple[str, ...],
) -> None:
    """Serve offline replicas of russkiymir.ru, washington.mid.ru (+ russianembassy.org), tass.com and tass.ru.

    All hosts share one port on 127.0.0.1 and are told apart by the Host header, e.g.
    `curl -H 'Host: russkiymir.ru' http://127.0.0.1:PORT/en/news/279099/`. The first stdout line is the
    base URL; SIGINT/SIGTERM stop the server with exit code 0.
    """
    from replica.behaviours import parse_override  # imported here so `twinwatch --help` stays fast
    from replica.fixtures import DATA_DIR, FixtureError
    from replica.server import run

    try:
        switches = dict(parse_override(item) for item in overrides)
        code = run(
            port,
            faults=faults,
            bot_mode=bot_mode,
            stall_seconds=stall_seconds,
            log=log_path,
            quiet=quiet,
            overrides=switches,
            data_dir=data_dir or DATA_DIR,
        )
    except (FixtureError, ValueError, OSError) as exc:
        raise click.ClickException(f"replica: {exc}") from exc
    raise SystemExit(code)
