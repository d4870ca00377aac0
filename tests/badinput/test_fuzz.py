"""Hostile and broken input at every door: webhooks, dialogue, free-text fields."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from api.app import create_app
from bot.engine import clean_text
from bot.store.models import Case
from knowledge import Librarian
from migran.services import Services, build
from tests.channels_support import (
    TELEGRAM_SECRET,
    TELEGRAM_TOKEN,
    sign,
    wa_message,
    wa_payload,
    whatsapp_settings,
)
from tests.conftest import Chat
from tests.officers_support import ANJANI, add_officer

FUZZ = settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=30,
)
nasty_text = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "a" * 100_000,
            "\x00\x07\x1b[31m",
            "\u202eabc\u202c مرحبا שלום",
            "😀" * 500,
            "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
            "'; DROP TABLE cases; --",
            "<script>alert(1)</script>",
            "{{7*7}} ${7*7} <%= 7*7 %>",
            "../../etc/passwd",
            "Robert'); DELETE FROM contacts;--",
        ]
    ),
)


@pytest.fixture(scope="module")
def app_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Services]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    settings_ = whatsapp_settings(
        url,
        "http://127.0.0.1:9",
        telegram_bot_token=TELEGRAM_TOKEN,
        telegram_api_url="http://127.0.0.1:9",
        telegram_webhook_secret=TELEGRAM_SECRET,
    )
    services = build(settings_, librarian=Librarian.from_directory())
    yield TestClient(create_app(services.container(), run_jobs=False)), services
    services.database.dispose()


def _wa(client: TestClient, body: bytes) -> int:
    return client.post(
        "/webhooks/whatsapp",
        content=body,
        headers={"X-Hub-Signature-256": sign(body), "Content-Type": "application/json"},
    ).status_code


@FUZZ
@given(payload=json_values)
def test_any_signed_whatsapp_json_is_accepted_or_refused_never_a_crash(app_client, payload) -> None:  # type: ignore[no-untyped-def]
    client, _ = app_client
    assert _wa(client, json.dumps(payload).encode()) in (200, 400)


@FUZZ
@given(text=nasty_text)
def test_any_whatsapp_text_is_stored_and_answered(app_client, text: str) -> None:  # type: ignore[no-untyped-def]
    client, _ = app_client
    assert _wa(client, wa_payload(wa_message("6281666000001", text=text))) == 200


def test_invalid_utf8_and_deeply_nested_json_are_refused_cleanly(app_client) -> None:  # type: ignore[no-untyped-def]
    client, _ = app_client
    assert _wa(client, b'{"entry": [{"changes": [{"value": {"messages": [\xff\xfe]}}]}]}') == 400
    deep = ("[" * 100_000 + "]" * 100_000).encode()
    assert _wa(client, deep) == 400
    assert _wa(client, b"") == 400
    broken_text = wa_payload(wa_message("6281666000002", text="x")).replace(
        b'"x"', b'"\\udc80 \xc3\x28"'
    )
    assert _wa(client, broken_text) in (200, 400)


@FUZZ
@given(update=json_values)
def test_any_telegram_update_is_accepted_or_refused_never_a_crash(app_client, update) -> None:  # type: ignore[no-untyped-def]
    client, _ = app_client
    response = client.post(
        "/webhooks/telegram",
        content=json.dumps(update).encode(),
        headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET},
    )
    assert response.status_code in (200, 400)


@pytest.mark.parametrize(
    "evil",
    [
        "'; DROP TABLE cases; --",
        "<script>alert('x')</script>",
        "{{7*7}}",
        "\u202eevil\u202c",
        "a" * 5000,
    ],
)
def test_injection_shaped_text_in_every_free_text_field_is_kept_literally(
    sqlite_chat: Chat, sqlite_services: Services, evil: str
) -> None:
    chat = sqlite_chat
    for step in ("lapor",):
        chat.say(step)
    chat.say(button="opt:yes")
    chat.say(button="rep:family")
    chat.say(f"Siti {evil}"[:100])  # name (a name needs letters; over-long names are cut)
    chat.say(button="country:other")
    chat.say(evil)  # the country typed freely
    chat.say(f"Kota {evil}")  # city (a city needs letters)
    chat.say(button="cat:other")
    chat.say(f"Cerita: {evil}")  # story
    chat.say(button="opt:no")
    chat.say("anjani suralaga")
    chat.say(button="opt:yes")
    chat.say(button="opt:yes")
    assert "K-" in chat.say(button="opt:submit")
    with sqlite_services.factory() as session:
        case = session.scalars(select(Case)).one()
    kept = clean_text(evil)  # control and bidi-override characters are dropped, nothing else
    assert kept[:50] in case.story and case.city == clean_text(f"Kota {evil}")[:120]
    officer = add_officer(sqlite_services, "Baiq", villages=[ANJANI])
    web = TestClient(create_app(sqlite_services.container(), run_jobs=False))
    page = web.get("/officer/login").text
    import re

    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    web.post(
        "/officer/login",
        data={"username": officer.username, "password": officer.password, "csrf": csrf},
    )
    html = web.get(f"/officer/cases/{case.id}").text
    assert "<script>alert('x')</script>" not in html
    assert "49" not in html.split("{{7*7}}")[0][-5:]  # the template did not evaluate user text
