"""A pickled copy of tables built from data files, kept beside the data and rebuilt when any input changes.

Reading the gazetteer's 75k places from its TSV costs about 2 s a process; unpickling them about 0.5 s. The cache is
only ever a copy: a missing, stale, corrupt or unwritable one means the tables are built from the data, as before.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
CACHE_DIR = Path(__file__).resolve().parent / "data" / ".cache"  # git-ignored
NO_CACHE_ENV = "TWINWATCH_NO_TABLE_CACHE"  # =1: always build from the data (and write no cache)


def cache_key(inputs: Iterable[Path]) -> str:
    """Hash of the inputs' bytes (data files and the code that reads them) and of this Python's pickle."""
    digest = hashlib.sha256(f"{sys.implementation.cache_tag} {pickle.HIGHEST_PROTOCOL}".encode())
    for path in inputs:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def load_or_build(name: str, inputs: Iterable[Path], build: Callable[[], T], cache_dir: Path | None = None) -> T:
    """The tables `build()` makes, read from the cache file of these inputs when there is a sound one."""
    if os.environ.get(NO_CACHE_ENV) == "1":
        return build()
    folder = CACHE_DIR if cache_dir is None else cache_dir
    path = folder / f"{name}-{cache_key(inputs)}.pickle"
    cached = _read(path)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    tables = build()
    _write(path, tables, stale=folder.glob(f"{name}-*.pickle"))
    return tables


def _read(path: Path) -> Any:
    """The unpickled contents of `path`, or None when it is missing or unreadable (it is then rebuilt)."""
    paused = gc.isenabled()
    gc.disable()  # hundreds of thousands of objects: the collector would walk them again and again meanwhile
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError):
        return None  # a corrupt or foreign file is no worse than none
    finally:
        if paused:
            gc.enable()


def _write(path: Path, tables: object, stale: Iterable[Path]) -> None:
    """Store the tables atomically (concurrent processes each write a whole file), dropping older versions; a
    read-only install keeps no cache."""
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as fh:
            tmp = Path(fh.name)
            pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.chmod(0o644)  # as the data beside it (a temporary file is made private)
        os.replace(tmp, path)
        tmp = None
        for old in stale:
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)  # a full disk leaves no partial file behind
