"""Each request observed once, as plain ASGI: counted and timed per route for /metrics, and
written to an access log without personal data (the route's pattern instead of the path, no
query string where ids, phone numbers and verify tokens live, no bodies, no client addresses).
Plain ASGI because `@app.middleware("http")` runs every request through a task group and
memory streams (10% of the server's CPU under load)."""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.metrics import REGISTRY

log = logging.getLogger("migran.access")


class RequestRecord:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def remember(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, remember)
            route = _route(scope)
            REGISTRY.inc("migran_http_requests_total", path=route, status=str(status))
            REGISTRY.observe(
                "migran_http_request_seconds", time.perf_counter() - started, path=route
            )
        finally:
            millis = (time.perf_counter() - started) * 1000
            log.info("%s %s %s %.0fms", scope.get("method", "-"), _route(scope), status, millis)


def _route(scope: Scope) -> str:
    return getattr(scope.get("route"), "path", None) or "unmatched"
