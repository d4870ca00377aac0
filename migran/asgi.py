"""The ASGI entry point for `migran serve --workers N`: each worker process builds its services
from the environment (the CLI has already applied the migrations once)."""

from __future__ import annotations

from fastapi import FastAPI

from api.app import create_app
from bot.config import from_environment
from bot.logredact import install_log_redaction
from migran.services import build


def create() -> FastAPI:
    settings = from_environment()
    install_log_redaction(settings.secrets)  # a worker process starts with fresh logging
    return create_app(build(settings, migrate=False).container())
