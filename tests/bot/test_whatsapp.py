"""WhatsApp through `migran serve`'s app and the real httpx sender, against a fake Graph API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api.app import create_app
from bot.channels.whatsapp import message_body, parse_webhook
from bot.store.models import Message, OutboxMessage
from knowledge import Librarian
from migran.services import Services, build
from tests.channels_support import (
    VERIFY_TOKEN,
    sign,
    wa_message,
    wa_payload,
    wait_for,
    whatsapp_settings,
)
from tests.fakes import FakeGraphAPI

USER = "6281234567890"


@pytest.fixture
def wa(
    database_url: str, graph: FakeGraphAPI, librarian: Librarian
) -> Iterator[tuple[TestClient, Services]]:
    services = build(whatsapp_settings(database_url, graph.url), librarian=librarian)
    with TestClient(create_app(services.container())) as client:
        yield client, services
    services.database.dispose()


def post(client: TestClient, body: bytes, signature: str | None = None) -> int:
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": signature or sign(body)}
    return client.post("/webhooks/whatsapp", content=body, headers=headers).status_code


def test_verify_handshake_echoes_the_challenge_only_with_the_right_token(wa) -> None:  # type: ignore[no-untyped-def]
    client, _ = wa
    ok = client.get(
        "/webhooks/whatsapp",
        params={
            "hub.mode": "subscribe",
            "hub.verify_token": VERIFY_TOKEN,
            "hub.challenge": "1158201444",
        },
    )
    assert ok.status_code == 200 and ok.text == "1158201444"
    bad = client.get(
        "/webhooks/whatsapp",
        params={"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "x"},
    )
    assert bad.status_code == 403


def test_a_bad_signature_is_refused_and_nothing_is_stored(wa, graph: FakeGraphAPI) -> None:  # type: ignore[no-untyped-def]
    client, services = wa
    body = wa_payload(wa_message(USER, text="syarat tki"))
    assert post(client, body, signature="sha256=" + "0" * 64) == 401
    assert client.post("/webhooks/whatsapp", content=body).status_code == 401
    with services.factory() as session:
        assert session.scalar(select(func.count()).select_from(Message)) == 0
    assert graph.sent == []


def test_a_question_is_answered_and_a_redelivery_is_a_no_op(wa, graph: FakeGraphAPI) -> None:  # type: ignore[no-untyped-def]
    client, services = wa
    body = wa_payload(
        wa_message(USER, text="brp biaya jd tkw ke hongkong", message_id="wamid.same")
    )
    assert post(client, body) == 200
    assert post(client, body) == 200
    wait_for(lambda: graph.texts_to(USER))
    wait_for(lambda: _all_sent(services))
    texts = graph.texts_to(USER)
    assert len(texts) == 1 and "biaya penempatan" in texts[0]
    assert graph.tokens == {"Bearer test-token"}


def test_half_an_emoji_escape_is_stored_and_answered(wa, graph: FakeGraphAPI) -> None:  # type: ignore[no-untyped-def]
    """JSON may carry a lone "\\ud83d" (a phone cutting an emoji in half); no database stores
    it as such, and the message must neither fail its transaction nor go unanswered."""
    client, services = wa
    body = wa_payload(wa_message(USER, text="tolong \ud83d paspor saya ditahan agen"))
    assert b"\\ud83d" in body
    assert post(client, body) == 200
    wait_for(lambda: graph.texts_to(USER))
    with services.factory() as session:
        stored = session.scalars(select(Message.body).where(Message.direction == "in")).one()
    assert stored == "tolong \ufffd paspor saya ditahan agen"


def test_replies_arrive_after_the_graph_api_failed_the_first_attempts(
    wa, graph: FakeGraphAPI
) -> None:  # type: ignore[no-untyped-def]
    client, services = wa
    graph.fail_next(2, status=500)
    graph.fail_next(1, status=429, retry_after=0.5)
    assert post(client, wa_payload(wa_message(USER, text="syarat jadi tki apa aja"))) == 200
    wait_for(lambda: graph.texts_to(USER), timeout=30)
    wait_for(lambda: _all_sent(services))
    assert graph.attempts >= 4
    with services.factory() as session:
        row = session.scalars(select(OutboxMessage)).one()
        assert row.status == "sent" and row.attempts == 4


def test_several_messages_in_one_payload_are_answered_in_order(wa, graph: FakeGraphAPI) -> None:  # type: ignore[no-untyped-def]
    client, _services = wa
    body = wa_payload(
        wa_message(USER, text="menu"),
        wa_message(USER, text="syarat tki"),
        wa_message(USER, media="audio"),
    )
    assert post(client, body) == 200
    wait_for(lambda: len(graph.texts_to(USER)) >= 3)
    texts = graph.texts_to(USER)
    assert "Migran" in texts[0] and "pesan suara" in texts[2]
    interactive = [m for m in graph.sent if m.get("type") == "interactive"]
    assert interactive and interactive[0]["interactive"]["type"] == "list"


def test_delivery_and_read_statuses_update_the_outbox(wa, graph: FakeGraphAPI) -> None:  # type: ignore[no-untyped-def]
    client, services = wa
    post(client, wa_payload(wa_message(USER, text="syarat tki")))
    wait_for(lambda: graph.sent)
    wait_for(lambda: _all_sent(services))
    sent_id = graph.sent[0]["_id"]
    status_only = wa_payload(
        statuses=[{"id": sent_id, "status": "delivered", "recipient_id": USER, "timestamp": "1"}]
    )
    assert post(client, status_only) == 200
    post(client, wa_payload(statuses=[{"id": sent_id, "status": "read", "recipient_id": USER}]))
    with services.factory() as session:
        assert session.scalars(select(OutboxMessage.status)).one() == "read"


def test_a_full_conversation_question_training_and_case(wa, graph: FakeGraphAPI) -> None:  # type: ignore[no-untyped-def]
    client, services = wa
    steps = [
        {"text": "paspor sy ditahan majikan"},
        {"text": "pelatihan"},
        {"button": "opt:yes"},
        {"button": "prog:caregiver"},
        {"text": "Siti Aminah"},
        {"text": "25"},
        {"text": "anjani suralaga"},
        {"button": "opt:yes"},
        {"button": "opt:sender"},
        {"button": "dest:taiwan"},
        {"button": "edu:sma"},
        {"button": "sex:f"},
        {"button": "opt:submit"},
        {"text": "lapor"},
        {"button": "rep:family"},
        {"text": "Lalu Ahmad"},
        {"button": "country:malaysia"},
        {"button": "opt:skip"},
        {"button": "cat:wages"},
        {"text": "gaji tidak dibayar 3 bulan"},
        {"button": "opt:no"},
        {"text": "sakra"},
        {"button": "opt:yes"},
        {"button": "opt:yes"},
        {"button": "opt:submit"},
    ]
    for step in steps:
        before = len(graph.texts_to(USER))
        assert post(client, wa_payload(wa_message(USER, **step))) == 200
        wait_for(lambda before=before: len(graph.texts_to(USER)) > before)
    wait_for(lambda: _all_sent(services))
    texts = "\n".join(graph.texts_to(USER))
    assert "paspor" in texts.lower()
    assert "+6281234567890" in texts  # the sender's number was offered and used
    assert "P-" in texts and "K-" in texts


def test_long_replies_with_options_fall_back_to_numbered_text() -> None:
    payload = {"text": "x" * 1500, "buttons": [{"id": "a", "title": "Satu"}], "rows": []}
    body = message_body(payload, USER)
    assert body["type"] == "text" and "1. Satu" in body["text"]["body"]


def test_unknown_payloads_and_business_scoped_senders_are_handled() -> None:
    assert parse_webhook({"entry": [{"changes": [{"value": None}]}]}) == ([], [])
    assert parse_webhook([1, 2]) == ([], [])
    messages, _ = parse_webhook(
        {
            "entry": [
                {
                    "changes": [
                        {
                            "value": {
                                "messages": [
                                    {
                                        "from_user_id": "ID.123abc",
                                        "id": "wamid.x",
                                        "type": "text",
                                        "text": {"body": "halo"},
                                    }
                                ]
                            }
                        }
                    ]
                }
            ]
        }
    )
    assert messages[0].user_id == "ID.123abc" and messages[0].phone is None


def _all_sent(services: Services) -> bool:
    with services.factory() as session:
        pending = session.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status != "sent")
        )
        return pending == 0
