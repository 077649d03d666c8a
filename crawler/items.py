"""The item every spider yields: one fetched article page, raw."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Page:
    """A fetched article page with its raw bytes; pipelines fill `body` and `pairs`."""

    url: str  # canonical URL (crawler.urls.canonical_url)
    source: str  # spider name: "russkiymir" | "embassy" | "tass"
    raw: bytes = field(repr=False)  # the response body as received (decompressed by Scrapy)
    encoding: str  # the encoding Scrapy decided on (header, then meta, then detection)
    status: int = 200
    fetched_url: str = ""  # the URL actually requested, before canonicalisation
    listing: dict[str, str] = field(default_factory=dict)  # listing metadata (date, title, feed)
    body: object | None = None  # extract.models.Body, set by ExtractPipeline
    pairs: list[object] = field(default_factory=list)  # extract.models.Pair, set by TagPipeline
    extraction_status: str = "pending"  # "ok" | "no_body" | "timeout" | "error:<reason>"
    content_type: str | None = None  # the Content-Type header as received
    analysis: object | None = None  # extract.analyse.Analysis, set by ExtractPipeline (body/pairs mirror it)
