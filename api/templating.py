"""Jinja2 templates shipped as package data; autoescaping is on for every page."""

from __future__ import annotations

from importlib import resources

from fastapi.templating import Jinja2Templates

from api.markup import chat_markup

templates = Jinja2Templates(directory=str(resources.files("api") / "templates"))
templates.env.filters["chat"] = chat_markup
