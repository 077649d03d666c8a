"""Serve the real hosts from a running replica: a loopback download handler, switched on by a setting.

Why a download handler and not a downloader middleware: a middleware can only hand back a *new*
request, which Scrapy reschedules through the scheduler and every middleware again (robots.txt would
be fetched from 127.0.0.1, the offsite filter would drop it, download slots would merge all hosts into
one). The handler sits below all of that, so robots, redirects, retries, dedup and per-host slots see
only real URLs, exactly as in production; only the socket goes to the replica.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import Settings

HANDLER_PATH = "crawler.replica.ReplicaDownloadHandler"


class ReplicaConfigError(ValueError):
    """TWINWATCH_REPLICA_URL is not a plain http://host:port base URL."""


def replica_base(value: str) -> str:
    """Return `value` as `http://host:port` or raise a one-line error naming the setting and the fix."""
    parts = urlsplit(value.strip())
    if parts.scheme != "http" or not parts.hostname or parts.port is None or parts.path not in ("", "/"):
        raise ReplicaConfigError(
            f"TWINWATCH_REPLICA_URL={value!r} is not a replica base URL; pass what `python -m replica --port 0` "
            "prints, e.g. http://127.0.0.1:8765"
        )
    return f"http://{parts.hostname}:{parts.port}"


def to_replica(url: str, base: str) -> tuple[str, str]:
    """Return (the URL to fetch from the replica, the real `Host` header) for real `url`."""
    parts = urlsplit(url)
    target = urlsplit(base)
    return urlunsplit((target.scheme, target.netloc, parts.path or "/", parts.query, "")), parts.netloc


class ReplicaAddon:
    """Scrapy add-on: route http and https through `ReplicaDownloadHandler` when a replica URL is set."""

    def update_settings(self, settings: Settings) -> None:
        """Install the loopback handler for both schemes if TWINWATCH_REPLICA_URL is non-empty."""
        if not settings.get("TWINWATCH_REPLICA_URL"):
            return
        replica_base(settings["TWINWATCH_REPLICA_URL"])  # fail at start, not on the first request
        settings.set("DOWNLOAD_HANDLERS", {"http": HANDLER_PATH, "https": HANDLER_PATH}, "addon")


class ReplicaDownloadHandler(HTTP11DownloadHandler):
    """Fetch every http(s) request from the replica with the real Host header; answer with the real URL."""

    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.base = replica_base(crawler.settings["TWINWATCH_REPLICA_URL"])

    async def download_request(self, request: Request) -> Response:
        """Download `request` from the replica and return the response under the request's real URL."""
        url, host = to_replica(request.url, self.base)
        headers = request.headers.copy()
        headers["Host"] = host
        response = await super().download_request(request.replace(url=url, headers=headers))
        # Locations are left as sent: the replica answers with real-host URLs, and relative ones
        # resolve against the real URL restored here, as they would in production.
        return response.replace(url=request.url)
