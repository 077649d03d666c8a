"""One loopback HTTP server for all replica hosts, dispatching on the Host header (sources.md §6.1)."""

from __future__ import annotations

import gzip
import json
import signal
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from replica import site_embassy, site_russkiymir, site_tass, site_tass_ru
from replica.behaviours import Switches
from replica.faults import FaultPlan, bot_wall
from replica.fixtures import DATA_DIR, load_store
from replica.site_common import Context
from replica.web import Request, Response, text

Handler = Callable[[Request, Context], Response]
HOSTS: dict[str, tuple[str, Handler]] = {  # host as sent -> (canonical host, site handler)
    "russkiymir.ru": ("russkiymir.ru", site_russkiymir.handle),
    "www.russkiymir.ru": ("russkiymir.ru", site_russkiymir.handle),  # mirrors [E]
    "mail.russkiymir.ru": ("russkiymir.ru", site_russkiymir.handle),
    "xn--h1aaccmufcas.xn--p1ai": ("russkiymir.ru", site_russkiymir.handle),  # русскиймир.рф
    "washington.mid.ru": ("washington.mid.ru", site_embassy.handle),
    "russianembassy.org": ("russianembassy.org", site_embassy.handle_old_domain),
    "www.russianembassy.org": ("russianembassy.org", site_embassy.handle_old_domain),
    "tass.com": ("tass.com", site_tass.handle),
    "tass.ru": ("tass.ru", site_tass_ru.handle),
}
COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/json")


def normalise_host(raw: str) -> str:
    """Lower-case the Host header and strip its port (IDN hosts arrive as punycode)."""
    host = raw.strip().lower()
    if host.startswith("["):
        return host
    return host.rsplit(":", 1)[0] if ":" in host else host


class App:
    """The state of one server run: fixtures, switches, fault plan, request log."""

    def __init__(
        self,
        *,
        faults: bool = False,
        bot_mode: bool = False,
        stall_seconds: float = 20.0,
        log: IO[str] | None = None,
        switches: Switches | None = None,
        data_dir: Path = DATA_DIR,
    ) -> None:
        self.ctx = Context(load_store(data_dir), switches or Switches())
        self.faults = FaultPlan(stall_seconds) if faults else None
        self.bot_mode = bot_mode
        self.log = log
        self.log_lock = threading.Lock()

    def respond(self, req: Request) -> Response:
        """Answer one request: unknown host, bot wall, fault plan, then the site module."""
        if req.host not in HOSTS:
            return text(f"unknown host {req.host!r}: this replica serves {', '.join(sorted(HOSTS))}\n", 404)
        canonical, handler = HOSTS[req.host]
        if self.bot_mode and (wall := bot_wall(req, canonical)) is not None:
            return wall
        if self.faults is not None and (fault := self.faults.check(req, canonical)) is not None:
            if fault.status != 0:
                return fault
            time.sleep(fault.stall_seconds)  # the one slow response of fault mode
        return handler(req, self.ctx)

    def record(self, req: Request, status: int) -> None:
        """Append one JSON line per request to the --log file (read by the reliability tests)."""
        if self.log is None:
            return
        line = json.dumps(
            {
                "t": round(time.time(), 3),
                "method": req.method,
                "host": req.host,
                "path": req.target,
                "ua": req.user_agent,
                "status": status,
            }
        )
        with self.log_lock:
            self.log.write(line + "\n")
            self.log.flush()


def encode_body(resp: Response, accept_encoding: str, allow_gzip: bool) -> tuple[bytes, dict[str, str]]:
    """Gzip text bodies when the client accepts it [I: real servers do]; mtime=0 keeps bytes deterministic."""
    headers = {"Content-Type": resp.content_type, **resp.headers}
    body = resp.body
    if (
        allow_gzip
        and resp.content_type.startswith(COMPRESSIBLE)
        and "gzip" in accept_encoding.lower()
        and body
    ):
        body = gzip.compress(body, mtime=0)
        headers["Content-Encoding"] = "gzip"
        headers["Vary"] = "Accept-Encoding"
    headers["Content-Length"] = str(len(body))
    return body, headers


def make_handler(app: App, quiet: bool) -> type[BaseHTTPRequestHandler]:
    """Build the request handler class bound to one App."""

    class ReplicaHandler(BaseHTTPRequestHandler):
        """Turns raw HTTP into Request values and Responses back into bytes."""

        def version_string(self) -> str:
            """The Server header, as the real front ends send it."""
            return "nginx"

        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = (
            True  # headers and body go out in separate writes; avoid 40 ms delayed-ACK stalls
        )

        def _serve(self, send_body: bool = True) -> None:
            """Common path of GET, HEAD and POST."""
            length = int(self.headers.get("Content-Length") or 0)
            parts = urlsplit(self.path)
            req = Request(
                method=self.command,
                host=normalise_host(self.headers.get("Host", "")),
                path=parts.path or "/",
                query=parts.query,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=self.rfile.read(length) if length else b"",
            )
            resp = app.respond(req)
            body, headers = encode_body(
                resp, self.headers.get("Accept-Encoding", ""), app.ctx.switches.on("GZIP")
            )
            self.send_response(resp.status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if send_body:
                self.wfile.write(body)
            app.record(req, resp.status)

        def do_GET(self) -> None:
            """Serve GET."""
            self._serve()

        def do_HEAD(self) -> None:
            """Serve HEAD: same headers, no body."""
            self._serve(send_body=False)

        def do_POST(self) -> None:
            """Serve POST (the TASS JSON API)."""
            self._serve()

        def log_message(self, format: str, *args: object) -> None:
            """One short line per request on stderr, unless --quiet."""
            if not quiet:
                sys.stderr.write(
                    f"{self.headers.get('Host', '-') if self.headers else '-'} {format % args}\n"
                )

    return ReplicaHandler


def run(
    port: int = 8000,
    *,
    faults: bool = False,
    bot_mode: bool = False,
    stall_seconds: float = 20.0,
    log: Path | None = None,
    quiet: bool = False,
    overrides: dict[str, bool] | None = None,
    data_dir: Path = DATA_DIR,
) -> int:
    """Serve until SIGINT/SIGTERM; print the base URL as the first stdout line; return the exit code."""
    app = App(
        faults=faults,
        bot_mode=bot_mode,
        stall_seconds=stall_seconds,
        switches=Switches(overrides),
        data_dir=data_dir,
    )  # fixtures are validated before anything is announced
    log_file = log.open("a", encoding="utf-8") if log else None
    app.log = log_file
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(app, quiet))
    server.daemon_threads = True  # a stalled request must not block shutdown
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    thread = threading.Thread(target=server.serve_forever, name="replica", daemon=True)
    thread.start()
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    while not stop.wait(0.1):  # wake regularly so the signal handler runs promptly
        pass
    server.shutdown()
    server.server_close()
    if log_file:
        log_file.close()
    return 0
