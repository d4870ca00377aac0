"""Webhooks facing strangers: bounded bodies, odd headers and malformed batches get 4xx, not 500."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import pytest
from fastapi import Request, Response
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from api.routes.webhooks import MAX_BODY, _capped_body
from bot.store.models import Message
from knowledge import Librarian
from migran.services import Services, build
from tests.channels_support import (
    VERIFY_TOKEN,
    sign,
    wa_message,
    wa_payload,
    whatsapp_settings,
)

TELEGRAM_SECRET = "tg-secret-abcdef"


@pytest.fixture
def app(sqlite_url: str, librarian: Librarian) -> Iterator[tuple[TestClient, Services]]:
    settings = whatsapp_settings(
        sqlite_url,
        "http://127.0.0.1:9",
        telegram_bot_token="1:x",
        telegram_api_url="http://127.0.0.1:9",
        telegram_webhook_secret=TELEGRAM_SECRET,
    )
    services = build(settings, librarian=librarian)
    yield TestClient(create_app(services.container(), run_jobs=False)), services
    services.database.dispose()


def test_an_oversized_unsigned_body_is_refused_by_its_length(app) -> None:  # type: ignore[no-untyped-def]
    client, _ = app
    body = b"x" * (MAX_BODY + 1)
    assert client.post("/webhooks/whatsapp", content=body).status_code == 413
    headers = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    assert client.post("/webhooks/telegram", content=body, headers=headers).status_code == 413


def test_a_body_without_length_is_read_only_up_to_the_cap() -> None:
    chunks = 0

    async def receive() -> dict[str, object]:
        nonlocal chunks
        chunks += 1
        return {"type": "http.request", "body": b"x" * 65536, "more_body": chunks < 200}

    request = Request({"type": "http", "method": "POST", "path": "/", "headers": []}, receive)
    result = asyncio.run(_capped_body(request))
    assert isinstance(result, Response) and result.status_code == 413
    assert chunks * 65536 <= MAX_BODY + 65536  # stopped at the cap, not at 12.8 MB


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/webhooks/telegram", {"X-Telegram-Bot-Api-Secret-Token": "sécret"}),
        ("/webhooks/whatsapp", {"X-Hub-Signature-256": "sha256=é" + "0" * 63}),
    ],
)
def test_non_ascii_secrets_are_unauthorised_not_a_crash(app, path, headers) -> None:  # type: ignore[no-untyped-def]
    client, _ = app
    encoded = {k: v.encode("latin-1") for k, v in headers.items()}
    response = client.post(path, content=b"{}", headers=encoded)  # type: ignore[arg-type]
    assert response.status_code == 401


def test_a_non_ascii_verify_token_is_forbidden_not_a_crash(app) -> None:  # type: ignore[no-untyped-def]
    client, _ = app
    params = {"hub.mode": "subscribe", "hub.verify_token": "tökén", "hub.challenge": "1"}
    assert client.get("/webhooks/whatsapp", params=params).status_code == 403
    params["hub.verify_token"] = VERIFY_TOKEN
    assert client.get("/webhooks/whatsapp", params=params).text == "1"


def test_one_malformed_message_in_a_signed_batch_keeps_the_good_ones(app) -> None:  # type: ignore[no-untyped-def]
    client, services = app
    good = wa_message("6281234567890", text="syarat tki", message_id="wamid.good")
    bad = wa_message("6281234567891", message_id="wamid.bad")
    bad.update(type="text", text="not an object")
    payload = json.loads(wa_payload(bad, good))
    payload["entry"].append({"changes": 5})
    value = payload["entry"][0]["changes"][0]["value"]
    value["statuses"] = [{"id": "s", "status": "x", "errors": 7}]
    body = json.dumps(payload).encode()
    response = client.post(
        "/webhooks/whatsapp", content=body, headers={"X-Hub-Signature-256": sign(body)}
    )
    assert response.status_code == 200
    with services.factory() as session:
        ids = session.scalars(select(Message.platform_id).where(Message.direction == "in")).all()
    assert "wamid.good" in ids


def test_a_signed_payload_of_the_wrong_shape_is_accepted_as_empty(app) -> None:  # type: ignore[no-untyped-def]
    client, _ = app
    for payload in ({"entry": 5}, {"entry": [{"changes": [{"value": {"messages": "x"}}]}]}):
        body = json.dumps(payload).encode()
        response = client.post(
            "/webhooks/whatsapp", content=body, headers={"X-Hub-Signature-256": sign(body)}
        )
        assert response.status_code == 200


def test_a_telegram_update_with_a_number_for_text_is_a_bad_request(app) -> None:  # type: ignore[no-untyped-def]
    client, services = app
    chat = {"id": 5, "type": "private"}
    update = {"update_id": 7, "message": {"message_id": 1, "date": 0, "chat": chat, "text": 123}}
    headers = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    assert client.post("/webhooks/telegram", json=update, headers=headers).status_code == 400
    with services.factory() as session:
        assert session.scalars(select(Message)).first() is None
