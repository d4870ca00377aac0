"""The web chat at `/`: server-rendered, works without JavaScript on any phone browser."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from functools import cache, partial
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import client_address
from api.deps import ContainerDep
from api.ratelimit import SlidingWindow
from api.templating import templates
from bot.channels.outbox_delivery import take, take_pending_for
from bot.context import OPTIONS_KEY, TURN_OPTIONS_KEY
from bot.i18n import language_of_tag, translator
from bot.store.db import transaction
from bot.store.models import Contact, Conversation, Message, OutboxMessage
from bot.types import Incoming, reply_from_dict

router = APIRouter()
Titles = Callable[[], dict[str, str]]
"""The labels of the options recently sent to a chat, read when first needed."""
CHANNEL = "web"
COOKIE = "migran_web"
MAX_INPUT = 4000
NO_STORE = {"Cache-Control": "no-store"}
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


def _contact(session: Session, user: str) -> Contact | None:
    return session.scalars(
        select(Contact).where(Contact.channel == CHANNEL, Contact.channel_user_id == user)
    ).first()


def _transcript(
    session: Session, contact: Contact, after: int = 0, titles_of: Titles | None = None
) -> list[dict[str, Any]]:
    """The page is drawn from the message log, which holds officers' messages too."""
    query = select(Message).where(Message.contact_id == contact.id, Message.id > after)
    messages = session.scalars(query.order_by(Message.id.desc()).limit(40)).all()
    titles_of = titles_of or partial(_option_titles, session, contact)
    titles = titles_of() if any(m.kind == "button" for m in messages) else {}
    return [
        {
            "id": m.id,
            "who": "me" if m.direction == "in" else "bot",
            "text": titles.get(m.body, m.body) if m.kind == "button" else m.body,
        }
        for m in reversed(messages)
        if m.body
    ]


def _option_titles(session: Session, contact: Contact) -> dict[str, str]:
    """A pressed button is logged by its id; the family should see the label they pressed."""
    rows = session.scalars(
        select(OutboxMessage.payload)
        .where(OutboxMessage.contact_id == contact.id)
        .order_by(OutboxMessage.id.desc())
        .limit(80)
    ).all()
    titles: dict[str, str] = {}
    for payload in reversed(rows):
        titles.update({o.id: o.title for o in reply_from_dict(payload).options})
    return titles


def _earlier_in_turn(
    session: Session, contact: Contact, newest: list[dict[str, str]], titles_of: Titles
) -> list[dict[str, str]]:
    """The options of the replies before the newest one to the user's last message (the
    emergency reply's *Urgent report*, an answer's buttons before a story's other needs):
    the page shows one set of options, and these must stay pressable. Only while the newest
    reply is the bot's own (an officer's message after it ends the turn)."""
    conversation = session.get(Conversation, contact.id)
    data = conversation.data if conversation is not None else {}
    if not newest or [o["id"] for o in newest] != list(data.get(OPTIONS_KEY) or []):
        return []
    shown = {o["id"] for o in newest}
    titles = titles_of()
    earlier = dict.fromkeys(i for i in data.get(TURN_OPTIONS_KEY) or () if i not in shown)
    return [{"id": i, "title": titles[i]} for i in earlier if i in titles]


def _mark_newest_turn(transcript: list[dict[str, Any]]) -> None:
    """The page opens at the user's last message, so the answers to it follow in view
    (the send form is sticky at the bottom and would hide anything anchored lower)."""
    mine = [m for m in transcript if m["who"] == "me"]
    if transcript:
        (mine or transcript)[-1]["anchor"] = True


@router.get("/", response_class=HTMLResponse)
def chat_page(request: Request, container: ContainerDep) -> Response:
    user = _user_id(request)
    transcript: list[dict[str, Any]] = []
    options: list[dict[str, str]] = []
    earlier: list[dict[str, str]] = []
    lang = container.settings.default_language
    if user:
        with transaction(container.factory) as session:
            contact = _contact(session, user)
            if contact is not None:
                lang = contact.language
                take_pending_for(
                    session, channel=CHANNEL, recipient=user, now=container.dispatcher.clock()
                )
                # the labels of recent options, read once for the log and the options
                titles_of = cache(partial(_option_titles, session, contact))
                transcript = _transcript(session, contact, titles_of=titles_of)
                _mark_newest_turn(transcript)
                last = session.scalars(
                    select(OutboxMessage)
                    .where(OutboxMessage.contact_id == contact.id)
                    .order_by(OutboxMessage.id.desc())
                    .limit(1)
                ).first()
                if last is not None:
                    reply = reply_from_dict(last.payload)
                    options = [{"id": o.id, "title": o.title} for o in reply.options]
                    earlier = _earlier_in_turn(session, contact, options, titles_of)
    _ = translator(lang)
    csrf = _form_token(request)
    response = templates.TemplateResponse(
        request,
        "chat.html",
        {
            "transcript": transcript,
            "options": options,
            "earlier": earlier,
            "_": _,
            "lang": lang,
            "csrf": csrf,
        },
    )
    response.set_cookie(
        CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=request.url.scheme == "https"
    )
    return response


@router.get("/updates", response_class=HTMLResponse)
def chat_updates(
    request: Request, container: ContainerDep, after: Annotated[int, Query(ge=0)] = 0
) -> Response:
    """What arrived since message `after` (an officer's claim, reply or resolution), as HTML
    the page's small script appends; an empty body when nothing is new."""
    user = _user_id(request)
    transcript: list[dict[str, Any]] = []
    if user:
        with transaction(container.factory) as session:
            contact = _contact(session, user)
            if contact is not None:
                take_pending_for(
                    session, channel=CHANNEL, recipient=user, now=container.dispatcher.clock()
                )
                transcript = _transcript(session, contact, after)
    return templates.TemplateResponse(
        request, "chat_messages.html", {"transcript": transcript}, headers=NO_STORE
    )


@router.get("/chat.js", include_in_schema=False)
def chat_script() -> Response:
    """Served from here, not inline, so a strict Content-Security-Policy allows it."""
    script = (resources.files("api") / "static" / "chat.js").read_text("utf-8")
    return Response(script, media_type="text/javascript")


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
        language=language_of_tag(request.headers.get("accept-language")),
    )
    ids = container.dispatcher.receive(incoming)
    with transaction(container.factory) as session:
        take(session, ids, now=container.dispatcher.clock())
    response = RedirectResponse("/#newest", status_code=303)
    response.set_cookie(
        COOKIE,
        user,
        max_age=180 * 86400,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response
