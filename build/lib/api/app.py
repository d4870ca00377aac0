"""The HTTP surface: routes verify, parse, store and return fast; the core does the work."""

from __future__ import annotations

from fastapi import FastAPI

from api.container import Container
from api.routes import health, webchat


def create_app(container: Container) -> FastAPI:
    app = FastAPI(title="Migran", version="0.1.0", description="Safe-migration help for NTB.")
    app.state.container = container
    app.include_router(health.router)
    app.include_router(webchat.router)
    return app
