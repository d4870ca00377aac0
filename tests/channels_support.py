"""Helpers for channel tests: signed WhatsApp payloads, waiting for deliveries, app wiring."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from collections.abc import Callable
from typing import Any

from bot.config import Settings

APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
TELEGRAM_SECRET = "test-telegram-secret"
TELEGRAM_TOKEN = "123:TEST"
_ids = itertools.count(1)


def whatsapp_settings(database_url: str, graph_url: str, **extra: Any) -> Settings:
    return Settings(
        database_url=database_url,
        whatsapp_access_token="test-token",
        whatsapp_phone_number_id="1555000",
        whatsapp_app_secret=APP_SECRET,
        whatsapp_verify_token=VERIFY_TOKEN,
        whatsapp_api_url=graph_url,
        whatsapp_rate_per_second=200.0,
        **extra,
    )


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def wa_message(
    sender: str,
    *,
    text: str | None = None,
    button: str | None = None,
    media: str | None = None,
    message_id: str | None = None,
) -> dict[str, Any]:
    message: dict[str, Any] = {
        "from": sender,
        "id": message_id or f"wamid.in.{next(_ids)}",
        "timestamp": str(int(time.time())),
    }
    if text is not None:
        message.update(type="text", text={"body": text})
    elif button is not None:
        kind = "list_reply" if ":" in button and not button.startswith("opt:") else "button_reply"
        message.update(
            type="interactive", interactive={"type": kind, kind: {"id": button, "title": "x"}}
        )
    elif media is not None:
        message.update(type=media, **{media: {"id": f"media-{next(_ids)}", "mime_type": "x/y"}})
    return message


def wa_payload(*messages: dict[str, Any], statuses: list[dict[str, Any]] | None = None) -> bytes:
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550000", "phone_number_id": "1555000"},
        "contacts": [{"profile": {"name": "Warga"}, "wa_id": m["from"]} for m in messages[:1]],
        "messages": list(messages),
    }
    if statuses:
        value["statuses"] = statuses
    body = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": value}]}],
    }
    return json.dumps(body).encode()


def wait_for(condition: Callable[[], Any], timeout: float = 15.0, interval: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")
