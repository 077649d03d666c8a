"""A small threaded fault server on 127.0.0.1 for the politeness and bounded-work tests (reliability.md T02–T08).

Virtual hosts by `Host` header (the crawl reaches it through crawler.replica's loopback handler, so Scrapy sees
real host names and keeps one download slot and one robots.txt per host):
  robots404.test / robots503.test / robotshang.test / crawldelay.test (Crawl-delay: 2) / disallow.test
  (Disallow: /private/) / blocked.test (403 on every page) / any other host (robots.txt allows all).
Paths: /page/<x>, /retry-after/seconds/<x>, /retry-after/date/<x> (429 once, then 200), /503/always/<x>,
/503/twice/<x>, /slow/drip, /slow/never, /truncated/length, /big/length, /big/chunked, /bomb/gzip,
/bomb/gzip-as-html, /redirect/{self,loop-a,loop-b,chain/<n>,file,data,ftp,offsite,ok}, /type/<kind>.
Every request is logged with its time, host, path and User-Agent. Written fresh for the project.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

PAGE = b"<!doctype html><html><head><title>%s</title></head><body><p>fault server page %s</p></body></html>"
MB = 1024 * 1024
TYPES: dict[str, tuple[str | None, bytes]] = {
    "pdf": ("application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + b"\x00" * 64 + b"\xff\xd9"),
    "json": ("application/json", b'{"title": "not a page"}'),
    "text": ("text/plain; charset=utf-8", b"plain text, not a page\n"),
    "empty": ("text/html; charset=utf-8", b""),
    "octet-html": ("application/octet-stream", PAGE % (b"octet", b"octet")),
    "xml": ("application/rss+xml", b'<?xml version="1.0"?><rss><channel><title>feed</title></channel></rss>'),
    "html": ("text/html; charset=utf-8", PAGE % (b"html", b"html")),
}


class QuietServer(ThreadingHTTPServer):
    """A threaded server that does not print tracebacks for clients that hang up (timeouts, maxsize cancels)."""

    def handle_error(self, request: object, client_address: object) -> None:
        """Ignore disconnects; report anything else as usual."""
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Hit:
    """One request the server received."""

    at: float  # time.monotonic()
    host: str
    path: str
    user_agent: str


class FaultServer:
    """Start on 127.0.0.1:0 in a thread; `url` is the base; `hits` the request log; `stop()` ends everything."""

    def __init__(self) -> None:
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.server = QuietServer(("127.0.0.1", 0), self.handler_class())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Release hanging handlers, stop serving and close the socket."""
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)

    def record(self, host: str, path: str, user_agent: str) -> int:
        """Log a request and return how many times (host, path) was requested, this one included."""
        with self.lock:
            self.hits.append(Hit(time.monotonic(), host, path, user_agent))
            return sum(1 for h in self.hits if h.host == host and h.path == path)

    def hits_for(self, host: str, prefix: str = "/") -> list[Hit]:
        """Return the logged requests to `host` whose path starts with `prefix`."""
        with self.lock:
            return [h for h in self.hits if h.host == host and h.path.startswith(prefix)]

    def handler_class(self) -> type[BaseHTTPRequestHandler]:
        """Return the request handler class bound to this server's state."""
        fault = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                """Keep test output quiet (the hit log is the record)."""

            def do_GET(self) -> None:
                host = (self.headers.get("Host") or "").split(":")[0]
                count = fault.record(host, self.path, self.headers.get("User-Agent") or "")
                try:
                    route(fault, self, host, self.path, count)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the crawler gave up on this answer (timeout, maxsize): that is the point

        return Handler


def send(h: BaseHTTPRequestHandler, status: int, body: bytes = b"", ctype: str | None = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> None:  # fmt: skip
    """Send a complete response with Content-Length."""
    h.send_response(status)
    if ctype:
        h.send_header("Content-Type", ctype)
    for key, value in (headers or {}).items():
        h.send_header(key, value)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if body and status not in (204, 304):
        h.wfile.write(body)


def robots(fault: FaultServer, h: BaseHTTPRequestHandler, host: str) -> None:
    """Answer /robots.txt according to the virtual host."""
    if host.startswith("robots404"):
        send(h, 404, b"<html>not found</html>")
    elif host.startswith("robots503"):
        send(h, 503, b"<html>unavailable</html>")
    elif host.startswith("robotshang"):
        fault.stopping.wait(60)  # never answers within any download timeout
    elif host.startswith("crawldelay"):
        send(h, 200, b"User-agent: *\nCrawl-delay: 2\nAllow: /\n", "text/plain")
    elif host.startswith("disallow"):
        send(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
    else:
        send(h, 200, b"User-agent: *\nAllow: /\n", "text/plain")


def stream(h: BaseHTTPRequestHandler, total: int, chunked: bool, ctype: str = "text/html") -> None:
    """Send `total` bytes of HTML filler, announced with Content-Length or chunked."""
    h.send_response(200)
    h.send_header("Content-Type", ctype)
    h.send_header("Transfer-Encoding" if chunked else "Content-Length", "chunked" if chunked else str(total))
    h.end_headers()
    block = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>"
    sent = 0
    while sent < total:
        piece = block[: total - sent]
        h.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
        sent += len(piece)
    if chunked:
        h.wfile.write(b"0\r\n\r\n")


def redirect(h: BaseHTTPRequestHandler, path: str) -> None:
    """Answer the redirect traps."""
    name = path.removeprefix("/redirect/")
    targets = {
        "self": "/redirect/self", "loop-a": "/redirect/loop-b", "loop-b": "/redirect/loop-a",
        "file": "file:///etc/passwd", "data": "data:text/html,<p>x</p>", "ftp": "ftp://127.0.0.1/x",
        "offsite": "http://evil.example/landing", "ok": "/page/redirected",
    }  # fmt: skip
    if name.startswith("chain/"):
        hop = int(name.split("/")[1])
        location = f"/redirect/chain/{hop + 1}" if hop < 40 else "/page/chain-end"
    else:
        location = targets.get(name, "/page/unknown")
    send(h, 301, b"", None, {"Location": location})


Route = Callable[[FaultServer, BaseHTTPRequestHandler, str, str, int], None]


def route(fault: FaultServer, h: BaseHTTPRequestHandler, host: str, path: str, count: int) -> None:
    """Dispatch one request by path (and host for robots.txt and the bot wall)."""
    if path == "/robots.txt":
        return robots(fault, h, host)
    if host.startswith("blocked"):
        return send(h, 403, b"<html>Access denied: automated traffic</html>")
    if path.startswith("/retry-after/") and count == 1:
        when = "3" if "/seconds/" in path else formatdate(time.time() + 3, usegmt=True)
        return send(h, 429, b"<html>slow down</html>", headers={"Retry-After": when})
    if path.startswith("/503/always") or (path.startswith("/503/twice") and count <= 2):
        return send(h, 503, b"<html>busy</html>")
    if path == "/slow/drip":
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        for _ in range(60):  # one byte a second, at most a minute
            if fault.stopping.wait(1):
                break
            h.wfile.write(b"x")
            h.wfile.flush()
        return None
    if path == "/slow/never":
        fault.stopping.wait(60)
        return None
    if path == "/truncated/length":
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "5000")
        h.end_headers()
        h.wfile.write(PAGE % (b"cut", b"cut"))
        h.close_connection = True
        return None
    if path == "/big/length":
        return stream(h, 30 * MB, chunked=False)
    if path == "/big/chunked":
        return stream(h, 30 * MB, chunked=True)
    if path.startswith("/bomb/"):
        bomb = gzip.compress(b"<p>" + b"a" * (60 * MB) + b"</p>", compresslevel=9)  # ~60 KB -> 60 MB
        headers = {} if path.endswith("as-html") else {"Content-Encoding": "gzip"}
        return send(h, 200, bomb, "text/html", headers)
    if path.startswith("/redirect/"):
        return redirect(h, path)
    if path.startswith("/type/"):
        kind = path.removeprefix("/type/")
        if kind == "204":
            return send(h, 204, b"", None)
        ctype, body = TYPES.get(kind, ("text/html", PAGE % (b"?", b"?")))
        return send(h, 200, body, ctype)
    name = path.rsplit("/", 1)[-1].encode()
    return send(h, 200, PAGE % (name, name))
