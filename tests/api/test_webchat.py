"""The web chat at `/` and `/healthz`, through the real app."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from api.routes import webchat
from bot.store.models import Message
from migran.services import Services


def client(services: Services) -> TestClient:
    webchat.per_chat.hits.clear()
    webchat.per_address.hits.clear()
    return TestClient(create_app(services.container()))


def send(web: TestClient, **data: str) -> str:
    """Posts the chat form the way the page does: with the token the page handed out."""
    if "migran_web_csrf" not in web.cookies:
        web.get("/")
    return web.post("/", data={**data, "csrf": web.cookies["migran_web_csrf"]}).text


def test_health_reports_the_database_and_topics(services: Services) -> None:
    body = client(services).get("/healthz").json()
    assert body == {"status": "ok", "database": "ok", "topics": 44}


def test_a_question_typed_on_the_page_is_answered_with_buttons(services: Services) -> None:
    web = client(services)
    assert "Migran" in web.get("/").text
    page = send(web, text="brp biaya jd tkw ke hongkong")
    assert "biaya penempatan" in page
    assert 'value="cmd:report"' in page
    page = send(web, button="cmd:menu")
    assert "Daftar pelatihan" in page


def test_markup_typed_by_a_user_is_shown_escaped(services: Services) -> None:
    page = send(client(services), text="<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_a_post_without_the_page_token_is_not_taken(services: Services) -> None:
    web = client(services)
    web.get("/")
    web.post("/", data={"text": "hapus data saya", "csrf": "from-another-site"})
    web.post("/", data={"text": "hapus data saya"})
    with services.factory() as session:
        assert session.query(Message).count() == 0


def test_a_flood_from_one_client_is_slowed_down(services: Services) -> None:
    web = client(services)
    web.get("/")
    token = web.cookies["migran_web_csrf"]
    codes = [
        web.post("/", data={"text": "halo", "csrf": token}, follow_redirects=False).status_code
        for _ in range(35)
    ]
    assert codes[:30] == [303] * 30 and codes[-1] == 429
