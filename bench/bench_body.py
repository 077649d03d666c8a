"""Body extraction benchmark: our `extract_body` vs plain `trafilatura.extract` defaults.

Usage: python bench/bench_body.py PATH_TO/article-extraction-benchmark

The directory is the Scrapinghub article-extraction benchmark (181 pages as `html/<hash>.html.gz` and
`ground-truth.json` keyed by hash with `articleBody`). Prints mean character precision, recall and F1 and
ms/page for both extractors. Scores are character-weighted: the characters of the words that a longest
matching alignment (difflib, on word sequences) shares between the extracted text and the ground truth.
This script compares against trafilatura directly, so it imports it (it is a benchmark, not a pipeline stage).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura
from trafilatura.utils import decode_file

from extract.body import extract_body

Extractor = Callable[[str, str], str]


def ours(html: str, url: str) -> str:
    """Return our extracted body text ('' when there is none or the page is refused)."""
    try:
        body = extract_body(html, url)
    except ValueError:  # PageTooLarge / NotHtml: counted as an empty extraction
        return ""
    return body.text if body else ""


def plain(html: str, url: str) -> str:
    """Return plain trafilatura with its defaults."""
    return trafilatura.extract(html, url=url) or ""


def char_scores(predicted: str, gold: str) -> tuple[float, float, float]:
    """Return character precision, recall and F1 of the predicted text against the gold text."""
    pred_words, gold_words = predicted.split(), gold.split()
    matcher = difflib.SequenceMatcher(None, pred_words, gold_words, autojunk=False)
    shared = sum(
        len(w) for block in matcher.get_matching_blocks() for w in pred_words[block.a : block.a + block.size]
    )
    pred_chars, gold_chars = sum(map(len, pred_words)), sum(map(len, gold_words))
    precision = shared / pred_chars if pred_chars else float(not gold_chars)
    recall = shared / gold_chars if gold_chars else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_pages(root: Path) -> list[tuple[str, str, str]]:
    """Return (url, html, gold body) for every page that has ground truth."""
    truth_path, html_dir = root / "ground-truth.json", root / "html"
    if not truth_path.is_file() or not html_dir.is_dir():
        raise SystemExit(
            f"{root}: expected ground-truth.json and html/ (the article-extraction-benchmark directory)"
        )
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    pages = []
    for key, record in sorted(truth.items()):
        path = html_dir / f"{key}.html.gz"
        if path.is_file():
            pages.append(
                (record["url"], decode_file(gzip.decompress(path.read_bytes())), record["articleBody"])
            )
    return pages


def run(name: str, extractor: Extractor, pages: list[tuple[str, str, str]]) -> None:
    """Score one extractor over all pages and print one line."""
    extractor(pages[0][1], pages[0][0])  # warm-up: imports and caches are not per-page costs
    scores, elapsed = [], 0.0
    for url, html, gold in pages:
        start = time.perf_counter()
        text = extractor(html, url)
        elapsed += time.perf_counter() - start
        scores.append(char_scores(text, gold))
    p, r, f = (statistics.fmean(s[i] for s in scores) for i in range(3))
    print(
        f"{name:<24} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  {1000 * elapsed / len(pages):.1f} ms/page"
    )


def main(argv: list[str] | None = None) -> int:
    """Run both extractors over the benchmark directory given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench_dir", type=Path, help="the article-extraction-benchmark directory")
    pages = load_pages(parser.parse_args(argv).bench_dir)
    print(f"{len(pages)} pages, trafilatura {trafilatura.__version__}")
    run("extract_body (ours)", ours, pages)
    run("trafilatura.extract", plain, pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
