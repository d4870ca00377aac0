"""Security headers on every response: pages that show families' stories must not be framed,
sniffed, cached or leak their address in a Referer."""

from __future__ import annotations

from fastapi import Request, Response

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; "
    "object-src 'none'"
)
DOCS_CSP = "frame-ancestors 'none'"
"""Swagger UI loads its script and style from a CDN; only served with MIGRAN_EXPOSE_DOCS."""


def add_security_headers(request: Request, response: Response) -> None:
    docs = request.url.path in ("/docs", "/redoc")
    response.headers.setdefault("Content-Security-Policy", DOCS_CSP if docs else CSP)
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("Cache-Control", "no-store")
    if request.url.scheme == "https":
        response.headers.setdefault(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
        )
