"""Store every inbound message before acting on it; write every reply to the outbox.

`accept` runs in the webhook's request (verify → store → 200); `process` runs after it, in its
own transaction, together with the outbox rows, so a crash between the two loses nothing:
`process_pending` picks up what was accepted but not handled.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.engine import Engine
from bot.outbox import queue_message, release_held
from bot.store.db import transaction
from bot.store.models import Contact, Message, OutboxMessage, utcnow
from bot.types import MEDIA_KINDS, Incoming, Reply, reply_to_dict

log = logging.getLogger(__name__)
PLAIN_UPDATE = {"synchronize_session": False}
"""Bulk UPDATEs here never touch objects loaded in the session: skip the ORM's bookkeeping."""


def message_kind(incoming: Incoming) -> str:
    if incoming.media:
        return incoming.media if incoming.media in MEDIA_KINDS else "document"
    return "button" if incoming.button else "text"


def incoming_of(message: Message, contact: Contact) -> Incoming:
    extra = message.extra or {}
    return Incoming(
        channel=message.channel,
        user_id=contact.channel_user_id,
        text=message.body if message.kind == "text" else extra.get("text"),
        button=message.body if message.kind == "button" else None,
        media=message.kind if message.kind in MEDIA_KINDS else None,
        media_ref=message.media_ref,
        phone=extra.get("phone"),
        platform_id=message.platform_id,
    )


def enqueue(
    session: Session,
    *,
    contact: Contact,
    replies: list[Reply],
    now: datetime,
    recipient: str | None = None,
) -> list[OutboxMessage]:
    """Outbox rows (and the log) for replies, in the caller's transaction."""
    rows = []
    erased = contact.erased_at is not None
    for reply in replies:
        row = queue_message(
            session,
            channel=contact.channel,
            recipient=recipient or contact.channel_user_id,
            payload=reply_to_dict(reply),
            contact_id=contact.id,
            now=now,
        )
        session.add(
            Message(
                contact_id=contact.id,
                channel=contact.channel,
                direction="out",
                kind="text",
                body=None if erased else reply.text,
                created_at=now,
            )
        )
        rows.append(row)
    session.flush()
    return rows


@dataclass(frozen=True)
class Accepted:
    """A newly stored inbound message and whose it is."""

    message_id: int
    contact_id: int


class Dispatcher:
    def __init__(
        self,
        factory: sessionmaker[Session],
        engine: Engine,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.factory = factory
        self.engine = engine
        self.clock = clock
        self._locks = [threading.Lock() for _ in range(64)]

    def accept(self, incoming: Incoming) -> Accepted | None:
        """Stores the message; None when this platform id was already stored (a redelivery)."""
        now = self.clock()
        try:
            with transaction(self.factory) as session:
                if incoming.platform_id and session.scalar(
                    select(Message.id).where(
                        Message.channel == incoming.channel,
                        Message.direction == "in",
                        Message.platform_id == incoming.platform_id,
                    )
                ):
                    return None
                contact = self.engine.contact_for(session, incoming, now)
                kind = message_kind(incoming)
                body = incoming.button if kind == "button" else incoming.text
                extra = {k: v for k, v in (("phone", incoming.phone),) if v}
                if kind in MEDIA_KINDS and incoming.text:
                    extra["text"] = incoming.text
                message = Message(
                    contact_id=contact.id,
                    channel=incoming.channel,
                    direction="in",
                    platform_id=incoming.platform_id,
                    kind=kind,
                    body=body,
                    media_ref=incoming.media_ref,
                    extra=extra or None,
                    created_at=now,
                )
                session.add(message)
                release_held(session, channel=incoming.channel, recipient=incoming.user_id)
                session.flush()
                return Accepted(message.id, contact.id)
        except IntegrityError:
            log.info("duplicate inbound message on %s ignored", incoming.channel)
            return None

    def process(self, message_id: int, contact_id: int | None = None) -> list[int]:
        """Handles a stored message, after any older unhandled message of the same contact.

        Platforms deliver a user's messages close together and webhook handlers run in
        parallel; taking the contact's oldest unhandled message each time keeps the
        conversation in order. The contact row lock (PostgreSQL) or a process lock (SQLite,
        one writer) makes sure no message is handled twice. Returns the outbox ids produced.
        `contact_id`, when the caller has it from `accept`, saves a lookup.
        """
        if contact_id is None:
            with self.factory() as session:
                contact_id = session.scalar(
                    select(Message.contact_id).where(Message.id == message_id)
                )
        if contact_id is None:
            return []
        produced: list[int] = []
        with self._locks[contact_id % len(self._locks)]:
            while True:
                handled, rows = self._handle_oldest(contact_id)
                produced.extend(rows)
                if handled is None or handled >= message_id:
                    return produced

    def _handle_oldest(self, contact_id: int) -> tuple[int | None, list[int]]:
        now = self.clock()
        with transaction(self.factory) as session:
            contact = session.get(Contact, contact_id, with_for_update=True)
            if contact is None:
                return None, []
            message = session.scalars(
                select(Message)
                .where(
                    Message.contact_id == contact_id,
                    Message.direction == "in",
                    Message.handled_at.is_(None),
                )
                .order_by(Message.id)
                .limit(1)
            ).first()
            if message is None:
                return None, []
            incoming = incoming_of(message, contact)
            handled_id = message.id
            replies = self.engine.handle(session, incoming, contact)
            session.execute(
                update(Message).where(Message.id == handled_id).values(handled_at=now),
                execution_options=PLAIN_UPDATE,
            )
            # The contact may have been erased while handling: the reply still reaches the chat.
            rows = enqueue(
                session, contact=contact, replies=replies, now=now, recipient=incoming.user_id
            )
            return handled_id, [r.id for r in rows]

    def receive(self, incoming: Incoming) -> list[int]:
        accepted = self.accept(incoming)
        if accepted is None:
            return []
        return self.process(accepted.message_id, accepted.contact_id)

    def process_pending(self, limit: int = 1000, older_than: float = 0.0) -> int:
        """Handles messages accepted but not handled (a crash, a restart, a database outage)."""
        cutoff = self.clock() - timedelta(seconds=older_than)
        with self.factory() as session:
            ids = session.scalars(
                select(Message.id)
                .where(
                    Message.direction == "in",
                    Message.handled_at.is_(None),
                    Message.created_at <= cutoff,
                )
                .order_by(Message.id)
                .limit(limit)
            ).all()
        for message_id in ids:
            self.process(message_id)
        return len(ids)
