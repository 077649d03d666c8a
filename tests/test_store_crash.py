"""Crash safety (issue 5, reliability T12 at the store layer): SIGKILL a writer mid-run, re-run, compare."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import ROOT

from store.db import db_invariants, open_db

N_ARTICLES = 120
# The writer a crawl would be: one save_article per article, printing each id once it is committed.
WRITER = """
import sys
from extract.analyse import Analysis
from extract.models import Body, Pair
from store.db import open_db, save_article
db = open_db(sys.argv[1])
for i in range(int(sys.argv[2])):
    text = " ".join(f"Tula{i} Albany{i} sentence {k}." for k in range(1500))
    evidence = text[:30]
    pairs = tuple(
        Pair(a=f"Tula{i}", a_country="RU", b=f"Albany{k}", b_country="US", level="city", relation="sister",
             status=None, explicit=True, evidence=evidence, start=0, end=30, known=False)
        for k in range(3)
    )
    body = Body(title=f"Article {i}", text=text, published="2024-05-01", date_rule=None, language="en")
    analysis = Analysis(body=body, pairs=pairs, status="ok", extractor_version="e", tagger_version="t")
    outcome = save_article(
        db, url=f"https://tass.com/a/{i}", source="tass", fetched_url="", http_status=200,
        raw=text.encode(), encoding="utf-8", content_type="text/html", listing={},
        analysis=analysis, seen_at="2024-05-02T00:00:00+00:00",
    )
    print(i, outcome, flush=True)
"""


def run_writer(path: Path, kill_after: int | None = None) -> list[str]:
    """Run the writer to the end, or SIGKILL it right after `kill_after` commits; return every line it printed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(N_ARTICLES)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    try:
        for line in proc.stdout:
            lines.append(line.strip())
            if kill_after is not None and len(lines) >= kill_after:
                proc.send_signal(signal.SIGKILL)  # mid-save of the next article, most of the time
                # On a busy machine the writer may have committed and printed more before the signal lands: those
                # lines are already in the pipe, so read them too (each line follows its article's commit).
                lines += [rest.strip() for rest in proc.stdout]
                break
    finally:
        if proc.poll() is None and kill_after is None:
            proc.wait(timeout=120)
        proc.wait(timeout=30)
        proc.stdout.close()
    return lines


def dump(path: Path) -> dict[str, list[Any]]:
    """Return every data row of the store (ids included)."""
    db = open_db(path)
    tables = ("articles", "article_text", "pages", "pairs", "article_text_fts")
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_sigkill_at_random_moments_then_rerun_equals_uninterrupted_run(tmp_path: Path) -> None:
    golden = tmp_path / "golden.db"
    assert len(run_writer(golden)) == N_ARTICLES
    expected = dump(golden)
    rng = random.Random(12)
    for attempt in range(3):
        path = tmp_path / f"killed{attempt}.db"
        committed = run_writer(path, kill_after=rng.randrange(5, N_ARTICLES - 5))
        db = open_db(path)
        assert db_invariants(db) == [], f"attempt {attempt}"
        stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert len(committed) <= stored <= len(committed) + 1  # the one in flight is whole or absent
        db.close()
        rerun = run_writer(path)
        assert sum(line.endswith(" new") for line in rerun) == N_ARTICLES - stored
        assert dump(path) == expected, f"attempt {attempt}: re-run differs from the uninterrupted run"
