"""The ASGI entry point for `migran serve --workers N`: each worker process builds its services
from the environment (the CLI has already applied the migrations once)."""

from __future__ import annotations

from fastapi import FastAPI

from api.app import create_app
from bot.config import from_environment
from migran.services import build


def create() -> FastAPI:
    return create_app(build(from_environment(), migrate=False).container())
