"""Tagger benchmark script: same as `twinwatch bench-tag` (python bench/bench_tag.py [N])."""

from __future__ import annotations

import sys

from schedules.cmd_tag import bench_tag

if __name__ == "__main__":
    bench_tag.main(["--n", sys.argv[1] if len(sys.argv) > 1 else "1000"], standalone_mode=True)
