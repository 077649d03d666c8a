"""extract.table_cache: the pickled copy of the gazetteer's tables is the same as a build, and never worse than none."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from extract import gazetteer, table_cache


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    """Two small input files standing for a data file and the code that reads it."""
    files = [tmp_path / "data.tsv", tmp_path / "reader.py"]
    for f in files:
        f.write_text(f"{f.name}\n", encoding="utf-8")
    return files


def _counting_build(calls: list[int]) -> dict[str, tuple[int, ...]]:
    """A build that records each call."""
    calls.append(1)
    return {"tables": tuple(range(5))}


def test_a_second_load_reads_the_cache_and_an_edit_rebuilds(tmp_path: Path, inputs: list[Path]) -> None:
    calls: list[int] = []
    cache = tmp_path / "cache"
    first = table_cache.load_or_build("t", inputs, lambda: _counting_build(calls), cache)
    second = table_cache.load_or_build("t", inputs, lambda: _counting_build(calls), cache)
    assert first == second == {"tables": (0, 1, 2, 3, 4)} and len(calls) == 1
    inputs[1].write_text("reader.py, edited\n", encoding="utf-8")
    table_cache.load_or_build("t", inputs, lambda: _counting_build(calls), cache)
    assert len(calls) == 2
    assert len(list(cache.glob("t-*.pickle"))) == 1  # the older version is dropped
    assert not list(cache.glob(".tmp-*"))


def test_a_corrupt_cache_file_is_rebuilt_and_replaced(tmp_path: Path, inputs: list[Path]) -> None:
    calls: list[int] = []
    cache = tmp_path / "cache"
    cache.mkdir()
    path = cache / f"t-{table_cache.cache_key(inputs)}.pickle"
    path.write_bytes(b"\x80\x05 truncated")
    assert table_cache.load_or_build("t", inputs, lambda: _counting_build(calls), cache) == {"tables": (0, 1, 2, 3, 4)}
    assert len(calls) == 1
    with open(path, "rb") as fh:
        assert pickle.load(fh) == {"tables": (0, 1, 2, 3, 4)}


def test_an_unwritable_cache_folder_still_loads(tmp_path: Path, inputs: list[Path]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    calls: list[int] = []
    assert table_cache.load_or_build("t", inputs, lambda: _counting_build(calls), blocker / "cache") == {
        "tables": (0, 1, 2, 3, 4)
    }
    assert calls == [1]


def test_the_gazetteer_tables_from_the_cache_equal_a_build(tmp_path: Path) -> None:
    inputs = [gazetteer.DATA / "gazetteer.tsv.gz", gazetteer.DATA / "known_pairs.csv"]
    table_cache.load_or_build("gazetteer", inputs, gazetteer._tables, tmp_path)  # writes the cache
    cached = table_cache.load_or_build("gazetteer", inputs, lambda: pytest.fail("the cache was not read"), tmp_path)
    built = gazetteer._tables()
    assert len(built[0]) > 70_000
    assert cached == built


def test_the_tagger_version_ignores_the_table_cache() -> None:
    from extract.analyse import _derived

    assert _derived(Path("data/.cache/gazetteer-0123.pickle"))
    assert _derived(Path("data/__pycache__/build_gazetteer.cpython-311.pyc"))
    assert not _derived(Path("data/gazetteer.tsv.gz"))
