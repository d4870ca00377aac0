"""The HTTP surface: routes verify, parse, store and return fast; the core does the work."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse

from api.access_log import RequestRecord
from api.auth import LoginRequired
from api.container import Container
from api.headers import SecurityHeaders
from api.routes import (
    announcements,
    companies,
    dashboard,
    health,
    metrics,
    officer_api,
    register,
    stats,
    webchat,
    webhooks,
)
from bot.types import without_lone_surrogates

log = logging.getLogger(__name__)


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
    app.include_router(health.router)
    app.include_router(metrics.router)
    app.include_router(webhooks.router)
    app.include_router(officer_api.router)
    app.include_router(dashboard.router)
    app.include_router(register.router)
    app.include_router(companies.router)
    app.include_router(stats.router)
    app.include_router(stats.api_router)
    app.include_router(announcements.router)
    app.include_router(webchat.router)

    app.add_middleware(RequestRecord)

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> RedirectResponse:
        return RedirectResponse("/officer/login", status_code=303)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        """422 with where and why, without echoing the input: it may hold personal data,
        and a lone surrogate in it ("\\ud83d") cannot even be encoded (that made a 500)."""
        detail = [
            {
                "loc": [
                    without_lone_surrogates(part) if isinstance(part, str) else part
                    for part in error["loc"]
                ],
                "msg": without_lone_surrogates(str(error.get("msg", ""))),
                "type": str(error.get("type", "")),
            }
            for error in exc.errors()
        ]
        return JSONResponse({"detail": detail}, status_code=422)

    return app
