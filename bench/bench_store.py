"""Benchmark the store: rows/s for `save_article` and ms for Datasette pages (figures, not assertions).

Run: .venv/bin/python bench/bench_store.py [N]   (default N = 2000 synthetic articles,
~6 KB body, 2 pairs each)
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.models import Body, Pair
from store.db import open_db, save_article
from store.publish import make_datasette

WORDS = [
    "delegation",
    "city",
    "mayor",
    "agreement",
    "partnership",
    "culture",
    "exchange",
    "students",
    "Tula",
    "Albany",
    "Vologda",
    "Kaluga",
    "Kalamazoo",
    "twin",
    "sister",
    "region",
    "governor",
    "visit",
    "anniversary",
    "festival",
    "museum",
]


@dataclass(frozen=True)
class Analysis:
    """Synthetic analysis shaped like extract.analyse.Analysis."""

    body: Body | None
    pairs: tuple[Pair, ...]
    status: str = "ok"
    extractor_version: str = "bench"
    tagger_version: str = "bench"


def synthetic(i: int, rng: random.Random) -> tuple[str, bytes, Analysis]:
    """Return url, raw HTML and analysis for article `i` (~6 KB of text)."""
    text = " ".join(rng.choice(WORDS) for _ in range(800))
    evidence = text[:120]
    pairs = tuple(
        Pair(
            a=f"City{i}-{k}",
            a_country="RU",
            b=f"Town{k}",
            b_country="US",
            level="city",
            relation="sister",
            status=None,
            explicit=True,
            evidence=evidence,
            start=0,
            end=120,
            known=False,
        )
        for k in range(2)
    )
    body = Body(
        title=f"Article {i} {rng.choice(WORDS)}",
        text=text,
        published="2024-05-01",
        date_rule="json-ld",
        language="en",
    )
    return (
        f"https://example.test/news/{i}",
        f"<html><body><p>{text}</p></body></html>".encode(),
        Analysis(body, pairs),
    )


def save_all(db: Any, items: list[Any], sources: list[str], seen_at: str) -> None:
    """Save each synthetic (url, raw, analysis) item with its source, as the crawl's StorePipeline does."""
    for (url, raw, analysis), source in zip(items, sources):
        save_article(db, url=url, source=source, fetched_url=url, http_status=200, raw=raw, encoding="utf-8",
                     content_type="text/html", listing={}, analysis=analysis, seen_at=seen_at)  # fmt: skip


def bench_save(path: Path, n: int) -> float:
    """Save `n` articles (one transaction each, as the crawl does) and return rows/s."""
    rng = random.Random(1)
    items = [synthetic(i, rng) for i in range(n)]
    sources = [("tass", "embassy", "russkiymir")[i % 3] for i in range(n)]
    db = open_db(path)
    start = time.perf_counter()
    save_all(db, items, sources, "2024-05-02T00:00:00+00:00")
    elapsed = time.perf_counter() - start
    again = time.perf_counter()
    save_all(db, items[:500], sources, "2024-05-03T00:00:00+00:00")  # unchanged re-save: only last_seen
    unchanged = 500 / (time.perf_counter() - again)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # so the file size is the whole database
    size_mb = path.stat().st_size / 1e6
    biggest = db.execute(
        "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 4"
    ).fetchall()  # fmt: skip
    fts_start = time.perf_counter()
    with db.atomic():  # the FTS share of the save cost: the same texts into a scratch contentless index
        db.execute("CREATE VIRTUAL TABLE scratch_fts USING fts5(title, body, content='')")
        for i, (_, _, analysis) in enumerate(items):
            assert analysis.body is not None
            db.execute(
                "INSERT INTO scratch_fts (rowid, title, body) VALUES (?, ?, ?)",
                [i, analysis.body.title, analysis.body.text],
            )
        db.execute("DROP TABLE scratch_fts")
    fts_s = time.perf_counter() - fts_start
    print(
        f"save_article: {n} new articles in {elapsed:.2f} s = {n / elapsed:,.0f} articles/s "
        f"({3 * n / elapsed:,.0f} article+pair rows/s); unchanged re-save {unchanged:,.0f}/s; "
        f"FTS indexing alone {fts_s:.2f} s ({100 * fts_s / elapsed:.0f}% of the save time)"
    )
    parts = ", ".join(f"{name} {size / 1e6:.1f}" for name, size in biggest)
    print(f"db size: {size_mb:.1f} MB = {size_mb * 1e6 / n / 1e3:.1f} KB per article (largest, MB: {parts})")
    db.close()
    return n / elapsed


def bench_datasette(path: Path) -> None:
    """Print the median ms of 15 in-process requests for typical pages."""
    ds = make_datasette(path)
    pages = (
        "/twinwatch/articles.json",
        "/twinwatch/articles",
        "/twinwatch/pairs.json",
        "/twinwatch/pairs_view.json",
        "/twinwatch/articles.json?_search=vologda",
        "/twinwatch/pairs.json?_facet=a_country&_facet=relation",
        "/twinwatch/pairs.csv?_size=max",
    )

    async def timed(url: str) -> float:
        await ds.client.get(url)  # warm-up
        times = []
        for _ in range(15):
            start = time.perf_counter()
            response = await ds.client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        return statistics.median(times)

    for url in pages:
        print(f"datasette {url}: {asyncio.run(timed(url)):.1f} ms (median of 15)")


def main() -> None:
    """Run both benchmarks on a fresh temporary database."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        bench_save(path, n)
        bench_datasette(path)


if __name__ == "__main__":
    main()
