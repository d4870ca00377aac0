"""The HTTP surface: routes verify, parse, store and return fast; the core does the work."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from api.access_log import AccessLog
from api.auth import LoginRequired
from api.container import Container
from api.headers import add_security_headers
from api.routes import dashboard, health, metrics, officer_api, webchat, webhooks
from bot.metrics import REGISTRY

log = logging.getLogger(__name__)


class RequestMetrics:
    """Requests and their duration per route, as plain ASGI: `@app.middleware("http")` runs
    every request through a task group and memory streams (10% of the server's CPU under
    load)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def send_status(message: MutableMapping[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, send_status)
        path = getattr(scope.get("route"), "path", "unmatched")
        REGISTRY.inc("migran_http_requests_total", path=path, status=str(status))
        REGISTRY.observe("migran_http_request_seconds", time.perf_counter() - started, path=path)


def create_app(container: Container, run_jobs: bool = True) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        stop = asyncio.Event()
        tasks: list[asyncio.Task[None]] = []
        if run_jobs:
            # Messages accepted before a crash or restart are handled first.
            recovered = await asyncio.to_thread(container.dispatcher.process_pending)
            if recovered:
                log.info("handled %s messages left from before the restart", recovered)
            await asyncio.to_thread(container.dispatcher.warm_up)
            tasks = [asyncio.create_task(job(stop)) for job in container.background_jobs]
        try:
            yield
        finally:
            stop.set()
            for task in tasks:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(task, timeout=10)
            for transport in container.transports:
                close = getattr(transport, "aclose", None)
                if close is not None:
                    with contextlib.suppress(Exception):
                        await close()

    docs = container.settings.expose_docs
    app = FastAPI(
        title="Migran",
        version="0.1.0",
        description="Safe-migration help for NTB: answers, training sign-up, village officers.",
        lifespan=lifespan,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.state.container = container
    app.add_middleware(AccessLog)
    app.include_router(health.router)
    app.include_router(metrics.router)
    app.include_router(webhooks.router)
    app.include_router(officer_api.router)
    app.include_router(dashboard.router)
    app.include_router(webchat.router)

    app.add_middleware(RequestMetrics)

    @app.middleware("http")
    async def harden(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        add_security_headers(request, response)
        return response

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> RedirectResponse:
        return RedirectResponse("/officer/login", status_code=303)

    return app
