"""Security headers on every response: pages that show families' stories must not be framed,
sniffed, cached or leak their address in a Referer.

Plain ASGI for the same reason as api/access_log.py: `@app.middleware("http")` put every
webhook through a task group and memory streams (5% of the server's CPU under load)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; "
    "object-src 'none'"
)
DOCS_CSP = "frame-ancestors 'none'"
"""Swagger UI loads its script and style from a CDN; only served with MIGRAN_EXPOSE_DOCS."""

_COMMON = (
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
)
_HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


def security_headers(path: str, scheme: str) -> list[tuple[bytes, bytes]]:
    """The headers a response to this path and scheme gets where the route set none."""
    docs = path in ("/docs", "/redoc")
    headers = [(b"content-security-policy", (DOCS_CSP if docs else CSP).encode()), *_COMMON]
    if scheme == "https":
        headers.append(_HSTS)
    return headers


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        wanted = security_headers(scope.get("path", ""), scope.get("scheme", "http"))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in wanted if h[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
