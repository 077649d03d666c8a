"""Meta-test: every table, view and column the store creates has a description in the metadata (issue 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlite_utils import Database

from store.db import open_db
from store.publish import DB_NAME, METADATA_PATH, load_metadata
from store.schema import FTS_TABLE


def created_columns(tmp_path: Path) -> dict[str, list[str]]:
    """Return {table or view: columns} in a fresh store, minus SQLite's FTS shadow tables."""
    db: Database = open_db(tmp_path / "t.db")
    names = [n for n in db.table_names() if not n.startswith(f"{FTS_TABLE}_")] + db.view_names()
    return {name: [c.name for c in db[name].columns] for name in names}


def tables_metadata() -> dict[str, Any]:
    """Return the metadata's table section for the twinwatch database."""
    return load_metadata(METADATA_PATH)["databases"][DB_NAME]["tables"]


def test_every_table_view_and_column_has_a_description(tmp_path: Path) -> None:
    described = tables_metadata()
    missing = []
    for table, columns in created_columns(tmp_path).items():
        meta = described.get(table, {})
        if not str(meta.get("description", "")).strip():
            missing.append(table)
        missing += [f"{table}.{c}" for c in columns if not str(meta.get("columns", {}).get(c, "")).strip()]
    assert missing == [], f"describe these in {METADATA_PATH.name}: {missing}"


def test_metadata_describes_nothing_that_does_not_exist(tmp_path: Path) -> None:
    created = created_columns(tmp_path)
    stale = [t for t in tables_metadata() if t not in created]
    stale += [
        f"{t}.{c}"
        for t, meta in tables_metadata().items()
        if t in created
        for c in meta.get("columns", {})
        if c not in created[t]
    ]
    stale += [
        f"{t} facet {f}"
        for t, meta in tables_metadata().items()
        if t in created
        for f in meta.get("facets", [])
        if f not in created[t]
    ]
    assert stale == []


def test_top_level_notes_present() -> None:
    metadata = load_metadata(METADATA_PATH)
    for key in ("title", "description_html", "source", "source_url", "license"):
        assert str(metadata.get(key, "")).strip(), key
    assert "publishers" in metadata["license"]
