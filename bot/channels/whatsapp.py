"""WhatsApp Cloud API: webhook parsing and signature check, and a thin sender on httpx.

Replies map onto interactive messages within WhatsApp's limits (3 reply buttons of 20
characters, lists of 10 rows of 24, body 1,024), and fall back to numbered text otherwise.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

import httpx

from bot.channels.http_pool import pooled_client
from bot.channels.plain import render_plain
from bot.outbox import Outgoing, PermanentError, TransientError
from bot.types import Incoming, reply_from_dict

CHANNEL = "whatsapp"
BODY_LIMIT = 1024
TEXT_LIMIT = 4096
MEDIA_KINDS = {
    "image": "image",
    "audio": "audio",
    "voice": "voice",
    "video": "video",
    "document": "document",
    "sticker": "sticker",
    "location": "location",
    "contacts": "contact",
}


def signature_valid(raw_body: bytes, header: str | None, app_secret: str) -> bool:
    """`X-Hub-Signature-256: sha256=<hex>` is the HMAC-SHA256 of the raw body."""
    if not header or not app_secret or not header.startswith("sha256="):
        return False
    expected = hmac.new(app_secret.encode(), raw_body, hashlib.sha256).hexdigest().encode()
    given = header[len("sha256=") :].strip().lower().encode("utf-8", "replace")
    return hmac.compare_digest(expected, given)  # bytes: a non-ASCII header is just unequal


@dataclass(frozen=True)
class StatusUpdate:
    platform_id: str
    status: str
    error: str | None = None


def _sender(message: dict[str, Any], contacts: list[dict[str, Any]]) -> str | None:
    """The wa_id, or a business-scoped user id when the phone number is not shared."""
    sender = message.get("from") or message.get("from_user_id") or message.get("user_id")
    if not sender and contacts:
        contact = contacts[0]
        sender = contact.get("wa_id") or contact.get("user_id")
    return str(sender) if sender else None


def _dicts(value: Any) -> list[dict[str, Any]]:
    """The objects in a list field; anything of another shape counts as empty."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def parse_webhook(payload: Any) -> tuple[list[Incoming], list[StatusUpdate]]:
    """Every message and status in a (possibly batched) webhook payload. Unknown or malformed
    parts are skipped one by one: Meta resends a whole batch that fails, good messages too."""
    messages: list[Incoming] = []
    statuses: list[StatusUpdate] = []
    if not isinstance(payload, dict):
        return messages, statuses
    for entry in _dicts(payload.get("entry")):
        for change in _dicts(entry.get("changes")):
            value = change.get("value")
            if not isinstance(value, dict):
                continue
            contacts = _dicts(value.get("contacts"))
            for raw in _dicts(value.get("messages")):
                try:
                    incoming = _message(raw, contacts)
                except (AttributeError, TypeError, ValueError):
                    incoming = None
                if incoming is not None:
                    messages.append(incoming)
            for raw in _dicts(value.get("statuses")):
                if raw.get("id") and raw.get("status"):
                    errors = _dicts(raw.get("errors"))
                    error = str(errors[0].get("title") or errors[0].get("code")) if errors else None
                    statuses.append(StatusUpdate(str(raw["id"]), str(raw["status"]), error))
    return messages, statuses


def _message(raw: dict[str, Any], contacts: list[dict[str, Any]]) -> Incoming | None:
    sender = _sender(raw, contacts)
    message_id = raw.get("id")
    if not sender or not message_id:
        return None
    kind = raw.get("type")
    phone = "+" + sender if sender.isascii() and sender.isdigit() else None
    base: dict[str, Any] = {
        "channel": CHANNEL,
        "user_id": sender,
        "platform_id": str(message_id),
        "phone": phone,
    }
    if kind == "text":
        body = (raw.get("text") or {}).get("body")
        return Incoming(**base, text=str(body) if body is not None else "")
    if kind == "interactive":
        inter = raw.get("interactive") or {}
        reply = inter.get("button_reply") or inter.get("list_reply") or {}
        return Incoming(
            **base,
            button=str(reply.get("id", "")) or None,
            text=None if reply.get("id") else str(reply.get("title", "")),
        )
    if kind == "button":  # a quick-reply button of a template
        button = raw.get("button") or {}
        return Incoming(**base, text=str(button.get("text") or button.get("payload") or ""))
    if kind in MEDIA_KINDS:
        media = raw.get(kind) or {}
        if kind == "audio" and isinstance(media, dict) and media.get("voice"):
            kind = "voice"
        ref = None
        if isinstance(media, dict):
            ref = media.get("id")
            if kind == "location":
                ref = f"{media.get('latitude')},{media.get('longitude')}"
        caption = media.get("caption") if isinstance(media, dict) else None
        return Incoming(
            **base,
            media=MEDIA_KINDS.get(kind, kind),
            media_ref=str(ref) if ref else None,
            text=str(caption) if caption else None,
        )
    return Incoming(**base, media="document")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def message_body(payload: dict[str, Any], recipient: str) -> dict[str, Any]:
    """The Graph API JSON for one reply (or an approved template, for an announcement to
    someone outside the 24-hour window)."""
    base = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": recipient}
    template = payload.get("template")
    if isinstance(template, dict):
        return {**base, "type": "template", "template": template_body(template)}
    reply = reply_from_dict(payload)
    if reply.buttons and len(reply.text) <= BODY_LIMIT:
        return {
            **base,
            "type": "interactive",
            "interactive": {
                "type": "button",
                "body": {"text": reply.text},
                "action": {
                    "buttons": [
                        {"type": "reply", "reply": {"id": b.id[:256], "title": b.title}}
                        for b in reply.buttons
                    ]
                },
            },
        }
    if reply.rows and len(reply.text) <= BODY_LIMIT:
        return {
            **base,
            "type": "interactive",
            "interactive": {
                "type": "list",
                "body": {"text": reply.text},
                "action": {
                    "button": _cut(reply.list_label or "Pilih", 20),
                    "sections": [
                        {
                            "title": _cut(reply.list_label or "Pilih", 24),
                            "rows": [
                                {
                                    "id": r.id[:200],
                                    "title": r.title,
                                    **(
                                        {"description": _cut(r.description, 72)}
                                        if r.description
                                        else {}
                                    ),
                                }
                                for r in reply.rows
                            ],
                        }
                    ],
                },
            },
        }
    return {
        **base,
        "type": "text",
        "text": {"body": _cut(render_plain(reply), TEXT_LIMIT), "preview_url": False},
    }


def template_body(template: dict[str, Any]) -> dict[str, Any]:
    """`{"name", "language", "parameters": [text, ...]}` as the Graph API's template object."""
    parameters = [str(p) for p in template.get("parameters") or []]
    body: dict[str, Any] = {
        "name": str(template.get("name", "")),
        "language": {"code": str(template.get("language") or "id")},
    }
    if parameters:
        body["components"] = [
            {
                "type": "body",
                "parameters": [{"type": "text", "text": _cut(p, BODY_LIMIT)} for p in parameters],
            }
        ]
    return body


def retry_after_seconds(value: str | None) -> float | None:
    """`Retry-After` in seconds when it is a number (an HTTP date is treated as absent)."""
    try:
        seconds = float(value) if value else None
    except ValueError:
        return None
    return seconds if seconds is not None and 0 <= seconds < 86_400 else None


class WhatsAppTransport:
    channel = CHANNEL
    per_chat_interval = 0.0

    def __init__(
        self,
        *,
        api_url: str,
        phone_number_id: str,
        access_token: str,
        template_name: str,
        rate_per_second: float = 20.0,
        timeout: float = 10.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self.url = f"{api_url.rstrip('/')}/{phone_number_id}/messages"
        self.headers = {"Authorization": f"Bearer {access_token}"}
        self.template_name = template_name
        self.rate_per_second = rate_per_second
        self.client = client or pooled_client(timeout=timeout)

    async def _post(self, body: dict[str, Any]) -> str | None:
        try:
            response = await self.client.post(self.url, json=body, headers=self.headers)
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            raise TransientError(f"network: {exc.__class__.__name__}") from exc
        if response.status_code == 429 or response.status_code >= 500:
            raise TransientError(
                f"HTTP {response.status_code}",
                retry_after_seconds(response.headers.get("Retry-After")),
            )
        if response.status_code >= 400:
            raise PermanentError(f"HTTP {response.status_code}: {response.text[:200]}")
        try:
            data = response.json()
            return str(data["messages"][0]["id"])
        except (ValueError, KeyError, IndexError, TypeError):
            return None

    async def send(self, message: Outgoing) -> str | None:
        return await self._post(message_body(message.payload, message.recipient))

    async def invite_back(self, message: Outgoing) -> str | None:
        return await self._post(
            {
                "messaging_product": "whatsapp",
                "to": message.recipient,
                "type": "template",
                "template": {"name": self.template_name, "language": {"code": message.language}},
            }
        )

    async def aclose(self) -> None:
        await self.client.aclose()
