"""One page, raw bytes in, an `Analysis` out: decode, extract the body, date fallback, tag pairs, status.

Both the crawler pipeline (through `extract.worker.ExtractionPool`) and `retag` call `analyse_page`, so a
stored page re-analysed offline gets exactly what the crawl would have produced.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from extract import native
from extract.models import Body, Pair

# BOMs win over the declared encoding, as in browsers (reliability.md T07).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FALLBACK_ENCODING = "utf-8"


@dataclass(frozen=True)
class Analysis:
    """What one page yields: body and pairs, an extraction status, and the versions that produced them."""

    body: Body | None
    pairs: tuple[Pair, ...]
    status: str  # "ok" | "no_body" | "too_large" | "not_html" | "timeout" | "error:<Name>: <message>"
    extractor_version: str
    tagger_version: str


def decode(raw: bytes, encoding: str) -> str:
    """Return the page text: a BOM first, then the given encoding (unknown names → UTF-8), bad bytes replaced."""
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace")
    try:
        codecs.lookup(encoding or FALLBACK_ENCODING)
    except LookupError:
        encoding = FALLBACK_ENCODING  # why: a junk charset label must not cost us the page
    return raw.decode(encoding or FALLBACK_ENCODING, errors="replace")


def listing_fallback(body: Body, listing: Mapping[str, str]) -> Body:
    """Return the body dated from the listing when the page itself has no date."""
    if body.published is not None or not listing.get("date"):
        return body
    from extract.dates import parse_listing_date

    published = parse_listing_date(listing["date"])
    return replace(body, published=published, date_rule="listing") if published else body


def _derived(path: Path) -> bool:
    """True for files made from the data rather than data (the table cache in data/.cache, bytecode)."""
    return any(part.startswith(".") or part == "__pycache__" for part in path.parts)


@cache
def tagger_version() -> str:
    """Return the tagger's TAGGER_VERSION, else a short hash of its code and data files."""
    from extract import tagger

    if declared := getattr(tagger, "TAGGER_VERSION", None):
        return str(declared)
    # why: without a declared version, `retag` still needs to know when tagging logic or data changed
    package = Path(tagger.__file__).parent
    data = [p for p in (package / "data").rglob("*") if p.is_file() and not _derived(p.relative_to(package))]
    # the tagger's modules (those the mypyc build compiles, transcription and the name index among them) and its data
    modules = [package / f"{m}.py" for m in native.MODULES]
    files = sorted({*package.glob("tagg*.py"), *modules, package / "patterns.py", *data})
    digest = hashlib.sha256()
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"tagger-src-{digest.hexdigest()[:12]}"


def tag(body: Body) -> tuple[Pair, ...]:
    """Return the city pairs the tagger finds in the body text."""
    from extract.tagger import tag_pairs  # lazy: the gazetteer loads once per process, on first use

    return tuple(tag_pairs(body.text, body.language or "en"))


def run(
    raw: bytes, encoding: str, url: str, listing: Mapping[str, str]
) -> tuple[Body | None, tuple[Pair, ...], str]:
    """Return body, pairs and status for one page; may raise on broken input."""
    from extract.body import MAX_HTML_CHARS, NotHtml, PageTooLarge, extract_body

    if len(raw) > 4 * MAX_HTML_CHARS:  # bytes: at most 4 per character in any encoding we decode
        return None, (), "too_large"
    html = decode(raw, encoding)
    if len(html) > MAX_HTML_CHARS:
        return None, (), "too_large"
    try:
        body = extract_body(html, url)
    except PageTooLarge:
        return None, (), "too_large"
    except NotHtml:
        return None, (), "not_html"
    if body is None:
        return None, (), "no_body"
    body = listing_fallback(body, listing)
    return body, tag(body), "ok"


def analyse_page(raw: bytes, encoding: str, url: str, listing: Mapping[str, str]) -> Analysis:
    """Return the analysis of one fetched page; never raises for bad input (the status says what went wrong)."""
    from extract.body import EXTRACTOR_VERSION

    try:
        body, pairs, status = run(raw, encoding, url, listing)
    except Exception as exc:  # noqa: BLE001 - any failure on one page becomes that page's stored status
        body, pairs, status = None, (), f"error:{type(exc).__name__}: {exc}"[:500]
    return Analysis(body=body, pairs=pairs, status=status, extractor_version=EXTRACTOR_VERSION,
                    tagger_version=tagger_version())  # fmt: skip
