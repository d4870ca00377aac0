"""The HTTP surface: health, the web chat page, and (later) webhooks and the dashboard."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates

from bot.answers import answer_text
from bot.config import Settings
from knowledge import Librarian

TEMPLATES = Jinja2Templates(directory=str(resources.files("api") / "templates"))


def create_app(settings: Settings, librarian: Librarian) -> FastAPI:
    app = FastAPI(title="Migran", version="0.1.0")
    app.state.settings = settings
    app.state.librarian = librarian

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        return JSONResponse({"status": "ok", "topics": len(librarian.topics)})

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        return TEMPLATES.TemplateResponse(request, "ask.html", {"question": "", "answer": None})

    @app.post("/", response_class=HTMLResponse)
    def ask(request: Request, question: str = Form("")) -> HTMLResponse:
        answer = librarian.ask(question[:2000])
        context = {"question": question, "answer": answer_text(answer), "lang": answer.lang}
        return TEMPLATES.TemplateResponse(request, "ask.html", context)

    return app
