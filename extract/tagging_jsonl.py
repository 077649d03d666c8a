"""JSON Lines adapters of the tagger (pure functions on strings): input records, output records, bench corpus."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from extract.models import Pair
from extract.tagger import preload, tag_pairs

# Pair's fields are plain values: a shallow dict of them is what dataclasses.asdict builds, without its deep copy
# (a third of a second over 1,000 bench articles).
_PAIR_FIELDS = tuple(f.name for f in fields(Pair))


class InputError(ValueError):
    """A bad input line: the message names the line and the fix."""


def parse_line(line: str, number: int) -> dict[str, Any]:
    """Parse one input line {"id", "text", "language"?, "title"?} or raise InputError."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"line {number}: not JSON ({error.msg}); write one JSON object per line") from error
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "id" not in record:
        raise InputError(
            f'line {number}: needs an object with "id" and a string "text", '
            'e.g. {"id": "a1", "text": "...", "language": "en"}'
        )
    if record.get("language") not in (None, "en", "ru"):
        raise InputError(f'line {number}: "language" must be "en", "ru" or null, not {record["language"]!r}')
    return record


def tag_record(record: dict[str, Any]) -> dict[str, Any]:
    """Tag one input record and return the output record {"id", "pairs": [...]}."""
    return {
        "id": record["id"],
        "pairs": [
            {name: getattr(p, name) for name in _PAIR_FIELDS} for p in tag_pairs(record["text"], record.get("language"))
        ],
    }


def tag_lines(lines: Iterable[str]) -> Iterable[str]:
    """Tag JSON Lines lazily; blank lines are skipped, a bad line raises InputError."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield json.dumps(tag_record(parse_line(line, number)), ensure_ascii=False)


def pair_from_dict(d: dict[str, Any]) -> Pair:
    """Rebuild a Pair from its JSON form."""
    return Pair(**{k: d[k] for k in Pair.__dataclass_fields__})


def bench_articles(texts: list[str], n: int = 1000, size: int = 6 * 1024) -> list[str]:
    """Deterministic articles of about `size` bytes of UTF-8, each stitched from the given texts in rotation."""
    out = []
    for i in range(n):
        parts, length, k = [], 0, i
        while length < size:
            chunk = texts[k % len(texts)]
            parts.append(chunk)
            length += len(chunk.encode("utf-8")) + 2
            k += 7  # a stride co-prime with small corpus sizes mixes English and Russian texts
        # cut at `size` bytes; a Cyrillic letter the cut splits is dropped
        out.append("\n\n".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore"))
    return out


def time_tagger(articles: list[str]) -> tuple[float, float, int]:
    """Load the tagger's tables, then tag every article once: (load seconds, tagging seconds, pairs found)."""
    start = time.perf_counter()
    preload()
    loaded = time.perf_counter()
    found = sum(len(tag_pairs(a)) for a in articles)
    return loaded - start, time.perf_counter() - loaded, found
