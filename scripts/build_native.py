"""Compile the tagger's hot modules with mypyc, beside their sources (optional: the same code runs as plain Python).

Usage: .venv/bin/python scripts/build_native.py [--check]
  --check   only say whether the build matches the sources (exit 0 when it does, 1 otherwise)

scripts/setup.sh runs it when the build is missing or older than the sources; it needs a C compiler and the Python
headers (gcc and python3-dev). extract/native.py decides at import time whether the compiled modules may be used.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import native  # imports no compiled module: mypyc reads the sources, it does not run them


def build() -> None:
    """Compile extract/native.MODULES in place and write the manifest of the sources they were built from."""
    from mypyc.build import mypycify
    from setuptools import setup

    os.chdir(ROOT)
    native.MANIFEST.unlink(missing_ok=True)  # a build that fails half-way must not look fresh
    for old in native.built_files():
        old.unlink()  # unlinked, not overwritten: a running twinwatch keeps its mapped copy
    sources = native.source_hashes()  # hashed first: an edit during the build leaves it stale, not fresh
    paths = [f"extract/{m}.py" for m in native.MODULES]
    # One shared library (extract/_native__mypyc*.so) holds the code; each module's own extension is a small shim.
    modules = mypycify(paths, group_name="extract._native")
    setup(
        name="twinwatch-native",
        ext_modules=modules,
        script_args=["build_ext", "--inplace", f"--parallel={os.cpu_count() or 1}"],
    )
    built = time.strftime("%Y-%m-%dT%H:%M:%S")
    record = {"python": sys.implementation.cache_tag, "sources": sources, "built": built}
    native.MANIFEST.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def main() -> int:
    """Build, or with --check report whether the build matches the sources."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 0 if the build matches the sources, else 1")
    args = parser.parse_args()
    if args.check:
        print(f"extract: {native.describe()}")
        return 0 if native.state() == "compiled" else 1
    started = time.monotonic()
    build()
    print(f"compiled {len(native.MODULES)} tagger modules with mypyc in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
