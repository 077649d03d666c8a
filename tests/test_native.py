"""The tagger's optional mypyc build (extract/native.py): when its compiled modules are used; that they tag alike."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract import native

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = ".cpython-311-x86_64-linux-gnu.so"


@pytest.fixture
def fake_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package folder holding the compiled modules' sources, for native.state() to judge."""
    for m in native.MODULES:
        (tmp_path / f"{m}.py").write_text(f"# {m}\n", encoding="utf-8")
    monkeypatch.setattr(native, "PACKAGE", tmp_path)
    monkeypatch.setattr(native, "MANIFEST", tmp_path / "_native.json")
    monkeypatch.setattr(native.importlib.machinery, "EXTENSION_SUFFIXES", [SUFFIX])
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    return tmp_path


def _build(folder: Path) -> None:
    """Pretend a build: an extension file and a manifest of the current sources."""
    (folder / f"tagger{SUFFIX}").write_bytes(b"")
    record = {"python": sys.implementation.cache_tag, "sources": native.source_hashes()}
    native.MANIFEST.write_text(json.dumps(record), encoding="utf-8")


def test_state_follows_the_build_and_the_sources(fake_package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert native.state() == "absent"
    _build(fake_package)
    assert native.state() == "compiled"
    monkeypatch.setenv(native.PURE_ENV, "1")
    assert native.state() == "off"
    monkeypatch.delenv(native.PURE_ENV)
    (fake_package / "tagging_pairs.py").write_text("# edited after the build\n", encoding="utf-8")
    assert native.state() == "stale"
    assert "older than the source" in native.describe()


def test_a_build_without_its_manifest_is_stale(fake_package: Path) -> None:
    _build(fake_package)
    native.MANIFEST.unlink()
    assert native.state() == "stale"


def test_the_source_finder_serves_only_the_compiled_modules() -> None:
    finder = native._SourceFirst()
    spec = finder.find_spec("extract.tagger")
    assert spec is not None and spec.origin == str(native.PACKAGE / "tagger.py")
    assert finder.find_spec("extract.analyse") is None  # not compiled
    assert finder.find_spec("crawler.tagger") is None


def _tag_in_child(pure: bool, corpus: Path) -> tuple[str, str]:
    """The tagger module's file and `twinwatch tag`'s output over a corpus, in a fresh process."""
    env = {k: v for k, v in os.environ.items() if k != native.PURE_ENV}
    if pure:
        env[native.PURE_ENV] = "1"
    code = (
        "import sys, extract.tagger as t; print(t.__file__)\n"
        "from schedules.cli import cli\n"
        f"sys.argv = ['twinwatch', 'tag', {str(corpus)!r}]\n"
        "cli()\n"
    )
    args = [sys.executable, "-c", code]
    out = subprocess.run(args, check=False, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    first, _, rest = out.stdout.partition("\n")
    return first, rest


def test_compiled_and_plain_python_tag_the_dev_corpus_alike() -> None:
    if native.state() != "compiled":
        pytest.skip(f"no current mypyc build: {native.describe()}")
    corpus = ROOT / "tests" / "data" / "pairs_dev.jsonl"
    compiled_file, compiled = _tag_in_child(False, corpus)
    plain_file, plain = _tag_in_child(True, corpus)
    assert compiled_file.endswith(".so") and plain_file.endswith("tagger.py")
    assert compiled.count('"a"') > 50  # the corpus has pairs (77): the comparison is not of two empty outputs
    assert compiled == plain
