"""Request/response values shared by the site modules, and small response builders."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import parse_qsl


@dataclass(frozen=True)
class Request:
    """One HTTP request as the site modules see it (host already normalised)."""

    method: str
    host: str
    path: str
    query: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def target(self) -> str:
        """Path plus query string, as sent on the request line."""
        return f"{self.path}?{self.query}" if self.query else self.path

    def params(self, encoding: str = "utf-8") -> list[tuple[str, str]]:
        """Query parameters in order, blanks kept (Bitrix filter URLs carry empty values)."""
        return parse_qsl(self.query, keep_blank_values=True, encoding=encoding, errors="replace")

    def param(self, name: str, encoding: str = "utf-8") -> str | None:
        """The first value of one query parameter, or None."""
        for key, value in self.params(encoding):
            if key == name:
                return value
        return None

    @property
    def user_agent(self) -> str:
        """The User-Agent header ('' when absent)."""
        return self.headers.get("user-agent", "")


@dataclass
class Response:
    """One HTTP response before transfer encoding (gzip is applied by the server)."""

    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    stall_seconds: float = 0.0


def html(text: str, charset: str = "utf-8", status: int = 200) -> Response:
    """An HTML response; characters the charset lacks become numeric entities, as CMSs write them."""
    body = text.encode(charset, errors="xmlcharrefreplace")
    return Response(status, body, f"text/html; charset={charset}")


def xml(text: str, content_type: str = "application/xml; charset=utf-8") -> Response:
    """An XML response (RSS feeds and sitemaps), UTF-8."""
    return Response(200, text.encode("utf-8"), content_type)


def json_response(data: object, status: int = 200) -> Response:
    """A JSON response, UTF-8, non-ASCII kept as is."""
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return Response(status, body, "application/json; charset=utf-8")


def text(body: str, status: int = 200) -> Response:
    """A plain-text response (robots.txt, one-line errors)."""
    return Response(status, body.encode("utf-8"), "text/plain; charset=utf-8")


def redirect(location: str, status: int = 301) -> Response:
    """A redirect with a short HTML body, as nginx sends it."""
    body = (
        f"<html><head><title>{status} Moved Permanently</title></head><body>"
        f'<h1>Moved Permanently</h1><a href="{location}">here</a></body></html>'
    )
    resp = html(body, status=status)
    resp.headers["Location"] = location
    return resp


def not_found(message: str = "404 Not Found") -> Response:
    """A 404 page (HTML, since real sites answer unknown articles with their error template)."""
    return html(
        f"<!DOCTYPE html><html><head><title>404</title></head><body><h1>{message}</h1></body></html>",
        status=404,
    )


def method_not_allowed(allowed: str) -> Response:
    """A 405 with the Allow header."""
    resp = text("405 Method Not Allowed\n", status=405)
    resp.headers["Allow"] = allowed
    return resp
