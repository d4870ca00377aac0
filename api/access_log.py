"""An access log without personal data: the route's pattern instead of the path, no query
string (ids, phone numbers, verify tokens live there), no bodies, no client addresses."""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("migran.access")


class AccessLog:
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
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            millis = (time.perf_counter() - started) * 1000
            log.info("%s %s %s %.0fms", scope.get("method", "-"), route, status, millis)
