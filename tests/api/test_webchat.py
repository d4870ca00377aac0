"""The web chat at `/` and `/healthz`, through the real app."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from migran.services import Services


def client(services: Services) -> TestClient:
    return TestClient(create_app(services.container()))


def test_health_reports_the_database_and_topics(services: Services) -> None:
    body = client(services).get("/healthz").json()
    assert body == {"status": "ok", "database": "ok", "topics": 44}


def test_a_question_typed_on_the_page_is_answered_with_buttons(services: Services) -> None:
    web = client(services)
    assert "Migran" in web.get("/").text
    page = web.post("/", data={"text": "brp biaya jd tkw ke hongkong"}).text
    assert "biaya penempatan" in page
    assert 'value="cmd:report"' in page
    page = web.post("/", data={"button": "cmd:menu"}).text
    assert "Daftar pelatihan" in page


def test_markup_typed_by_a_user_is_shown_escaped(services: Services) -> None:
    page = client(services).post("/", data={"text": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
