"""Platform webhooks: verify, store, answer 200, and handle after the response.

A request whose signature or secret does not check out is refused and nothing is stored. When
the database cannot store a message the platform gets 503 and delivers it again later.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from sqlalchemy.exc import SQLAlchemyError

from api.deps import ContainerDep
from bot.announcements.delivery import record_receipt
from bot.channels.whatsapp import StatusUpdate, parse_webhook, signature_valid
from bot.outbox import record_status
from bot.store.db import transaction
from bot.types import Incoming

if TYPE_CHECKING:
    from api.container import Container

log = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks", tags=["webhooks"])
MAX_BODY = 1_000_000


def _unavailable() -> JSONResponse:
    return JSONResponse({"error": "storage unavailable, retry later"}, status_code=503)


def _same(given: str, expected: str) -> bool:
    """Constant-time comparison of a caller's secret; bytes, because `compare_digest` raises on
    non-ASCII text and a stranger's header must not make a 500."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode())


def _well_formed(incoming: Incoming | None) -> bool:
    """python-telegram-bot does not check field types: a number where text belongs would reach
    the database and fail there (a 503 that Telegram retries for ever)."""
    if incoming is None:
        return True
    fields = (incoming.user_id, incoming.text, incoming.button, incoming.media_ref)
    return all(value is None or isinstance(value, str) for value in fields)


async def _capped_body(request: Request) -> bytes | Response:
    """The body, read only while it stays under MAX_BODY: it is not signed yet, so a stranger
    must not make the server hold hundreds of megabytes before the check."""
    declared = request.headers.get("content-length")
    if declared is not None and not declared.strip().isdigit():
        return JSONResponse({"error": "bad Content-Length"}, status_code=400)
    if declared is not None and int(declared) > MAX_BODY:
        return JSONResponse({"error": "payload too large"}, status_code=413)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return JSONResponse({"error": "payload too large"}, status_code=413)
    return bytes(body)


@router.get("/whatsapp", response_class=PlainTextResponse)
def whatsapp_verify(
    container: ContainerDep,
    mode: Annotated[str, Query(alias="hub.mode")] = "",
    token: Annotated[str, Query(alias="hub.verify_token")] = "",
    challenge: Annotated[str, Query(alias="hub.challenge")] = "",
) -> Response:
    expected = container.settings.whatsapp_verify_token
    if mode == "subscribe" and expected and _same(token, expected):
        return PlainTextResponse(challenge[:200])
    return PlainTextResponse("forbidden", status_code=403)


@router.post("/whatsapp")
async def whatsapp_receive(
    request: Request, background: BackgroundTasks, container: ContainerDep
) -> Response:
    raw = await _capped_body(request)
    if isinstance(raw, Response):
        return raw
    secret = container.settings.whatsapp_app_secret
    if not signature_valid(raw, request.headers.get("X-Hub-Signature-256"), secret):
        return JSONResponse({"error": "invalid signature"}, status_code=401)
    try:
        payload = json.loads(raw)
    except (ValueError, RecursionError):
        return JSONResponse({"error": "invalid JSON"}, status_code=400)
    messages, statuses = parse_webhook(payload)
    new = 0
    try:
        # stored, handled and the replies queued (with concurrent webhooks, in one transaction)
        for incoming in messages:
            new += await container.dispatcher.submit(incoming)
        if statuses:
            await asyncio.to_thread(_record_statuses, container, statuses)
    except SQLAlchemyError:
        log.exception("could not store a WhatsApp webhook")
        return _unavailable()
    return JSONResponse({"received": len(messages), "new": new})


def _record_statuses(container: Container, statuses: Sequence[StatusUpdate]) -> None:
    with transaction(container.factory) as session:
        for status in statuses:
            record_status(
                session, platform_id=status.platform_id, status=status.status, error=status.error
            )
            record_receipt(session, platform_id=status.platform_id, status=status.status)


@router.post("/telegram")
async def telegram_receive(
    request: Request, background: BackgroundTasks, container: ContainerDep
) -> Response:
    from bot.channels.telegram import update_to_incoming

    secret = container.settings.telegram_webhook_secret
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    if not secret or not _same(given, secret):
        return JSONResponse({"error": "invalid secret token"}, status_code=401)
    raw = await _capped_body(request)
    if isinstance(raw, Response):
        return raw
    try:
        data = json.loads(raw)
        incoming, callback = update_to_incoming(data)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return JSONResponse({"error": "not a Telegram update"}, status_code=400)
    if not _well_formed(incoming):
        return JSONResponse({"error": "not a Telegram update"}, status_code=400)
    if incoming is not None:
        try:
            await container.dispatcher.submit(incoming)
        except SQLAlchemyError:
            log.exception("could not store a Telegram update")
            return _unavailable()
    if callback and container.telegram is not None:
        background.add_task(container.telegram.answer_callback, callback)
    return JSONResponse({"ok": True})
