"""Deterministic fault mode (`--faults`) and bot mode (`--bot-mode`), all [G] modelled on [E] reports.

Fault mode, counted per canonical host from server start (sources.md §6.3, reliability.md T01/T02):
* washington.mid.ru: every 7th request on that host (7th, 14th, ...) answers 503 [G; "flaky" is E].
* washington.mid.ru: the first request for an article page (`/{en|ru}/press-centre/news/{slug}/`)
  stalls `stall_seconds` before answering normally (exactly one stall per run).
* tass.com: the first request for `/rss/v2.xml` answers 429 with `Retry-After: 2`; later ones are normal.
* ALWAYS_503: these URLs answer 503 on every request (a crawler must give up on them).
* FLAKY_503: these URLs answer 503 on their first two requests, then normally.
The every-7th rule is checked first, and its 503s count as requests of the URL lists above too.

Bot mode: on tass.com and tass.ru, any User-Agent that does not present itself as a browser (no
"Mozilla/" prefix) gets 403 with a short "Access denied" page [E behaviour: StormWall / Cloudflare
answered 403 to Scrapy, python-requests and feedparser's default UA, which names no bot library]. So the
project's own identifying UA is walled too, as it would be on the real site: we record it, never evade it.
"""

from __future__ import annotations

import re
import threading
from collections import Counter

from replica.web import Request, Response, html

ALWAYS_503 = frozenset(
    {
        ("tass.com", "/today"),
        ("washington.mid.ru", "/en/consular-services/"),
        ("russkiymir.ru", "/russkiymir/ru/news/common/rss.html"),
    }
)
FLAKY_503 = frozenset(
    {
        ("russkiymir.ru", "/en/news/263488/"),
        (
            "washington.mid.ru",
            (
                "/en/press-centre/news/speech_by_russian_ambassador_to_the_united_states_anatoly_"
                "antonov_at_the_sister_cities_international/"
            ),
        ),
        ("tass.com", "/politics/1229235"),
    }
)
EMBASSY_ARTICLE = re.compile(r"^/(en|ru)/press-centre/news/[^/]+/$")
BROWSER_UA_PREFIX = "Mozilla/"  # what every browser's User-Agent starts with
BOT_HOSTS = frozenset({"tass.com", "tass.ru"})


def unavailable(status: int, reason: str) -> Response:
    """A short server error page like nginx's."""
    return html(
        f"<html><head><title>{status} {reason}</title></head><body><center><h1>{status} {reason}"
        f"</h1></center><hr><center>nginx</center></body></html>",
        status=status,
    )


def bot_wall(req: Request, host: str) -> Response | None:
    """403 'Access denied' for non-browser user agents on the TASS hosts."""
    if host in BOT_HOSTS and not req.user_agent.startswith(BROWSER_UA_PREFIX):
        return html(
            "<!DOCTYPE html><html><head><title>Access denied</title></head><body><h1>Access denied"
            "</h1><p>Your request has been blocked.</p></body></html>",
            status=403,
        )
    return None


class FaultPlan:
    """Per-run counters that decide which request gets which fault (thread-safe, no clocks)."""

    def __init__(self, stall_seconds: float = 20.0) -> None:
        self.stall_seconds = stall_seconds
        self.host_count: Counter[str] = Counter()
        self.url_count: Counter[tuple[str, str]] = Counter()
        self.stalled = False
        self.throttled = False
        self.lock = threading.Lock()

    def check(self, req: Request, host: str) -> Response | None:
        """Return a fault response for this request, a stall marker, or None to serve normally."""
        with self.lock:
            self.host_count[host] += 1
            self.url_count[(host, req.path)] += 1
            n_host, n_url = self.host_count[host], self.url_count[(host, req.path)]
            if host == "washington.mid.ru" and n_host % 7 == 0:
                return unavailable(503, "Service Temporarily Unavailable")
            if (host, req.path) in ALWAYS_503:
                return unavailable(503, "Service Temporarily Unavailable")
            if (host, req.path) in FLAKY_503 and n_url <= 2:
                return unavailable(503, "Service Temporarily Unavailable")
            if host == "tass.com" and req.path == "/rss/v2.xml" and not self.throttled:
                self.throttled = True
                resp = unavailable(429, "Too Many Requests")
                resp.headers["Retry-After"] = "2"
                return resp
            if host == "washington.mid.ru" and EMBASSY_ARTICLE.match(req.path) and not self.stalled:
                self.stalled = True
                return Response(0, stall_seconds=self.stall_seconds)  # status 0: stall, then serve
        return None
