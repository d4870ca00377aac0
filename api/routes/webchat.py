"""The web chat at `/`: server-rendered, works without JavaScript on any phone browser."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from sqlalchemy import select

from api.auth import client_address
from api.deps import ContainerDep
from api.ratelimit import SlidingWindow
from api.templating import templates
from bot.channels.outbox_delivery import take, take_pending_for
from bot.i18n import translator
from bot.store.db import transaction
from bot.store.models import Contact, Message, OutboxMessage
from bot.types import Incoming, reply_from_dict

router = APIRouter()
CHANNEL = "web"
COOKIE = "migran_web"
MAX_INPUT = 4000
CSRF_COOKIE = "migran_web_csrf"
per_chat = SlidingWindow(limit=30, window=60.0)
"""30 messages a minute per chat: more than anyone types, less than a flood."""
per_address = SlidingWindow(limit=300, window=60.0)
"""Higher: Indonesian mobile networks put many phones behind one address (carrier NAT)."""


def _form_token(request: Request) -> str:
    """The chat's CSRF token (double submit: cookie and hidden field must agree), so another
    site cannot post "hapus data saya" into someone's chat."""
    token = request.cookies.get(CSRF_COOKIE, "")
    return token if 16 <= len(token) <= 64 else secrets.token_urlsafe(24)


def _form_token_valid(request: Request, given: str) -> bool:
    expected = request.cookies.get(CSRF_COOKIE, "")
    return bool(expected) and hmac.compare_digest(
        expected.encode(), given.encode("utf-8", "replace")
    )


def _user_id(request: Request) -> str | None:
    value = request.cookies.get(COOKIE, "")
    return (
        value
        if 16 <= len(value) <= 64 and value.replace("-", "").replace("_", "").isalnum()
        else None
    )


@router.get("/", response_class=HTMLResponse)
def chat_page(request: Request, container: ContainerDep) -> Response:
    user = _user_id(request)
    transcript: list[dict[str, str]] = []
    options: list[dict[str, str]] = []
    lang = container.settings.default_language
    if user:
        with transaction(container.factory) as session:
            contact = session.scalars(
                select(Contact).where(Contact.channel == CHANNEL, Contact.channel_user_id == user)
            ).first()
            if contact is not None:
                lang = contact.language
                take_pending_for(
                    session, channel=CHANNEL, recipient=user, now=container.dispatcher.clock()
                )
                messages = session.scalars(
                    select(Message)
                    .where(Message.contact_id == contact.id)
                    .order_by(Message.id.desc())
                    .limit(40)
                ).all()
                transcript = [
                    {"who": "me" if m.direction == "in" else "bot", "text": m.body or ""}
                    for m in reversed(messages)
                    if m.body
                ]
                last = session.scalars(
                    select(OutboxMessage)
                    .where(OutboxMessage.contact_id == contact.id)
                    .order_by(OutboxMessage.id.desc())
                    .limit(1)
                ).first()
                if last is not None:
                    reply = reply_from_dict(last.payload)
                    options = [{"id": o.id, "title": o.title} for o in reply.options]
    _ = translator(lang)
    csrf = _form_token(request)
    response = templates.TemplateResponse(
        request,
        "chat.html",
        {"transcript": transcript, "options": options, "_": _, "lang": lang, "csrf": csrf},
    )
    response.set_cookie(
        CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=request.url.scheme == "https"
    )
    return response


@router.post("/")
def chat_send(
    request: Request,
    container: ContainerDep,
    text: Annotated[str, Form()] = "",
    button: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    if not _form_token_valid(request, csrf):
        return RedirectResponse("/#end", status_code=303)  # a fresh page brings a fresh token
    user = _user_id(request) or secrets.token_urlsafe(24)
    if not (per_chat.allow(user) and per_address.allow(client_address(request))):
        return PlainTextResponse("too many messages, wait a minute", status_code=429)
    incoming = Incoming(
        channel=CHANNEL,
        user_id=user,
        text=text[:MAX_INPUT] if not button else None,
        button=button[:128] or None,
    )
    ids = container.dispatcher.receive(incoming)
    with transaction(container.factory) as session:
        take(session, ids, now=container.dispatcher.clock())
    response = RedirectResponse("/#end", status_code=303)
    response.set_cookie(
        COOKIE,
        user,
        max_age=180 * 86400,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response
