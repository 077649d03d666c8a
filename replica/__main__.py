"""`python -m replica`: serve the offline replicas on one loopback port (see replica/README.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from replica.behaviours import BEHAVIOURS, parse_override
from replica.fixtures import DATA_DIR, FixtureError
from replica.server import run


def build_parser() -> argparse.ArgumentParser:
    """The command-line options, shared in meaning with `twinwatch replica`."""
    parser = argparse.ArgumentParser(prog="python -m replica", description=__doc__)
    parser.add_argument("--port", type=int, default=8000, help="loopback port; 0 picks a free one")
    parser.add_argument("--faults", action="store_true", help="deterministic fault mode (replica/faults.py)")
    parser.add_argument("--bot-mode", action="store_true", help="403 for Scrapy/python-requests UAs on TASS")
    parser.add_argument(
        "--stall-seconds", type=float, default=20.0, help="length of the one stalled response"
    )
    parser.add_argument("--log", type=Path, help="append one JSON line per request to this file")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DATA_DIR,
        help="fixture root with <site>/<lang>/*.json (default: the packaged replica/data)",
    )
    parser.add_argument("--quiet", action="store_true", help="no request lines on stderr")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=on|off",
        help=f"switch a behaviour ({', '.join(sorted(BEHAVIOURS))})",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse the options and run the server until SIGINT/SIGTERM."""
    args = build_parser().parse_args(argv)
    try:
        overrides = dict(parse_override(item) for item in args.set)
        return run(
            args.port,
            faults=args.faults,
            bot_mode=args.bot_mode,
            stall_seconds=args.stall_seconds,
            log=args.log,
            quiet=args.quiet,
            overrides=overrides,
            data_dir=args.data_dir,
        )
    except (FixtureError, ValueError, OSError) as exc:
        print(f"replica: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
