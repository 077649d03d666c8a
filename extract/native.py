"""The tagger's optional mypyc build: which modules it compiles, and whether the compiled ones may be used.

`scripts/build_native.py` compiles MODULES (the same Python source, with the same pairs) into extension modules beside
the sources, and writes a manifest of the sources' hashes. Python imports an extension module before a source file
of the same name, so this module (imported first by extract/__init__.py) checks the manifest: if a source changed since
the build, or TWINWATCH_PURE=1 is set, every compiled module is loaded from its source instead. It is all or none,
because compiled modules call each other directly, not through the import system.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE = Path(__file__).resolve().parent
MANIFEST = PACKAGE / "_native.json"
# The modules the tagger's hot loop runs through.
MODULES = (
    "gazetteer",
    "name_index",
    "prefilter",
    "tagger",
    "tagging_hub",
    "tagging_names",
    "tagging_pairs",
    "tagging_places",
    "tagging_text",
    "tagging_unknown",
    "tagging_words",
    "transcription",
)
PURE_ENV = "TWINWATCH_PURE"


def source_hashes() -> dict[str, str]:
    """SHA-256 of each compiled module's source file."""
    return {m: hashlib.sha256((PACKAGE / f"{m}.py").read_bytes()).hexdigest() for m in MODULES}


def built_files() -> list[Path]:
    """The extension modules of a build that lie beside the sources (the compiled modules and their shared library)."""
    names = (*MODULES, "_native__mypyc")
    paths = (PACKAGE / f"{m}{suffix}" for m in names for suffix in importlib.machinery.EXTENSION_SUFFIXES)
    return [p for p in paths if p.exists()]


def _built() -> bool:
    """True when a build lies beside the sources."""
    return bool(built_files())


def state() -> str:
    """How the tagger's modules load: "compiled" (the build matches the sources), "stale" (a source changed
    since), "absent" (never built) or "off" (TWINWATCH_PURE=1 asks for the source)."""
    if os.environ.get(PURE_ENV) == "1":
        return "off"
    if not _built():
        return "absent"
    try:
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "stale"
    same_python = manifest.get("python") == sys.implementation.cache_tag
    return "compiled" if same_python and manifest.get("sources") == source_hashes() else "stale"


def describe() -> str:
    """One line for benchmarks and logs: how the tagger runs in this process."""
    return {
        "compiled": "compiled with mypyc (scripts/build_native.py)",
        "stale": "plain Python: the mypyc build is older than the source (re-run scripts/build_native.py)",
        "absent": "plain Python (scripts/build_native.py compiles it, about 1.2x faster)",
        "off": f"plain Python ({PURE_ENV}=1)",
    }[state()]


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Meta path finder that loads the compiled modules from their .py source (extension modules shadow it)."""

    names = frozenset(f"{__package__}.{m}" for m in MODULES)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.names:
            return None
        return importlib.util.spec_from_file_location(fullname, PACKAGE / f"{fullname.rpartition('.')[2]}.py")


def guard() -> None:
    """Use the source of every compiled module unless the build matches it (see the module docstring)."""
    # Silent: the pairs are the same either way; bench-tag prints describe().
    how = state()  # "stale" implies a build; "off" may have none to shadow
    if (how == "stale" or how == "off" and _built()) and not any(isinstance(f, _SourceFirst) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFirst())
