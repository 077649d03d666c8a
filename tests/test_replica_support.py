"""Helpers for the replica tests (no tests here): an HTTP client with an explicit Host header."""

from __future__ import annotations

import gzip
import html
import http.client
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) twinwatch-tests"
TAG = re.compile(r"<[^>]+>")
INLINE = re.compile(
    r"</?(a|b|i|em|strong|span|sup|sub)\b[^>]*>", re.IGNORECASE
)  # no word break, as browsers render
SPACE = re.compile(r"\s+")


@dataclass
class Reply:
    """Status, lower-cased headers and the (decompressed) body of one response."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def charset(self) -> str:
        """The charset of the Content-Type header (utf-8 when absent)."""
        match = re.search(r"charset=([\w-]+)", self.headers.get("content-type", ""))
        return match.group(1) if match else "utf-8"

    @property
    def text(self) -> str:
        """The body decoded with the header charset, as a browser would."""
        return self.body.decode(self.charset)

    @property
    def visible(self) -> str:
        """Tag-free, entity-decoded, whitespace-collapsed page text."""
        without = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", self.text)
        return SPACE.sub(" ", html.unescape(TAG.sub(" ", INLINE.sub("", without))))


def fetch(
    base: str,
    host: str,
    target: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    """One request to the replica at base, for a given Host and path?query."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        sent = {"Host": host, "User-Agent": BROWSER_UA, **(headers or {})}
        conn.request(method, target, body=body, headers=sent)
        resp = conn.getresponse()
        raw = resp.read()
        got = {k.lower(): v for k, v in resp.getheaders()}
    finally:
        conn.close()
    if got.get("content-encoding") == "gzip":
        raw = gzip.decompress(raw)
    return Reply(resp.status, got, raw)


def split_url(url: str) -> tuple[str, str]:
    """('host', '/path?query') of an absolute URL."""
    parts = urlsplit(url)
    return parts.hostname or "", parts.path + (f"?{parts.query}" if parts.query else "")


def hrefs(page: str) -> list[str]:
    """All href values of a page, entity-decoded."""
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', page)]


def locs(xml_text: str, tag: str) -> list[str]:
    """Text of every <tag> element (RSS <link>, sitemap <loc>)."""
    return [html.unescape(v) for v in re.findall(rf"<{tag}>([^<]*)</{tag}>", xml_text)]
