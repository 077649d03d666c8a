"""Pure conversion of one fetched page + its analysis into the rows `save_article` writes."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from extract.models import Body, Pair


class AnalysisLike(Protocol):
    """What the store needs from `extract.analyse.Analysis` (structural: the store runs no extraction)."""

    @property
    def body(self) -> Body | None: ...
    @property
    def pairs(self) -> Sequence[Pair]: ...
    @property
    def status(self) -> str: ...
    @property
    def extractor_version(self) -> str: ...
    @property
    def tagger_version(self) -> str: ...


@dataclass(frozen=True)
class ArticleRecord:
    """Everything derived from one page, minus the ids and timestamps the database assigns."""

    url: str
    article: dict[str, Any]  # articles columns except id / first_seen / last_seen / last_changed
    body: str | None  # None when extraction found no body: then no article_text / FTS row
    page: dict[str, Any]  # pages columns except article_id / fetched_at / raw_gz
    pairs: tuple[dict[str, Any], ...]  # pairs columns except article_id
    raw: bytes  # compressed into pages.raw_gz only when the page row is written


def sha256_text(text: str) -> str:
    """Return the hex sha256 of `text` encoded as UTF-8 (the `text_sha` rule)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pair_row(url: str, pair: Pair) -> dict[str, Any]:
    """Return the `pairs` row for `pair`; the id hashes the URL and every field, so it is stable across DBs"""
    row: dict[str, Any] = {
        "a": pair.a,
        "a_country": pair.a_country,
        "b": pair.b,
        "b_country": pair.b_country,
        "level": pair.level,
        "relation": pair.relation,
        "status": pair.status,
        "explicit": int(pair.explicit),
        "known": int(pair.known),
        "evidence": pair.evidence,
        "evidence_start": pair.start,
        "evidence_end": pair.end,
    }
    digest = hashlib.sha1(json.dumps([url, row], sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return {"id": digest.hexdigest(), **row}


def pair_rows(url: str, pairs: Sequence[Pair]) -> tuple[dict[str, Any], ...]:
    """Return one row per distinct pair, in tagger order (byte-identical duplicates collapse to one row)."""
    rows: dict[str, dict[str, Any]] = {}
    for pair in pairs:
        row = pair_row(url, pair)
        rows.setdefault(row["id"], row)
    return tuple(rows.values())


def content_hash(raw_sha: str, article: Mapping[str, Any], pairs: Sequence[Mapping[str, Any]]) -> str:
    """Return the hash that decides new/updated/unchanged: raw bytes, derived columns and pairs."""
    payload = json.dumps(
        [raw_sha, dict(article), list(pairs)], sort_keys=True, ensure_ascii=False, default=str
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def build_record(
    *,
    url: str,
    source: str,
    fetched_url: str,
    http_status: int,
    raw: bytes,
    encoding: str,
    content_type: str | None,
    listing: Mapping[str, str],
    analysis: AnalysisLike,
) -> ArticleRecord:
    """Return the rows for one page; pure, so the transaction only has to write them."""
    body = analysis.body
    raw_sha = hashlib.sha256(raw).hexdigest()
    article: dict[str, Any] = {
        "url": url,
        "source": source,
        # A page without a body still gets a readable row: the listing's title, if it had one.
        "title": body.title if body and body.title else listing.get("title"),
        "published": body.published if body else None,
        "language": body.language if body else None,
        "date_rule": body.date_rule if body else None,
        "listing_date": listing.get("date"),
        "extraction_status": analysis.status,
        "text_sha": sha256_text(body.text) if body else None,
        "extractor_version": analysis.extractor_version,
        "tagger_version": analysis.tagger_version,
    }
    pairs = pair_rows(url, analysis.pairs)
    article["n_pairs"] = len(pairs)
    article["content_hash"] = content_hash(raw_sha, article, pairs)
    page: dict[str, Any] = {
        "fetched_url": fetched_url or url,
        "http_status": http_status,
        "encoding": encoding,
        "content_type": content_type,
        "listing_json": json.dumps(dict(listing), sort_keys=True, ensure_ascii=False),
        "raw_size": len(raw),
        "raw_sha": raw_sha,
    }
    return ArticleRecord(
        url=url, article=article, body=body.text if body else None, page=page, pairs=pairs, raw=raw
    )


def page_row(record: ArticleRecord, article_id: int, fetched_at: str) -> dict[str, Any]:
    """Return the full `pages` row; compression happens here, only when the page is actually written."""
    return {
        "article_id": article_id,
        "fetched_at": fetched_at,
        **record.page,
        "raw_gz": zlib.compress(record.raw, 6),
    }
