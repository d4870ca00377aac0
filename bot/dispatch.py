"""Store every inbound message before acting on it; write every reply to the outbox.

`accept` runs in the webhook's request (verify → store → 200); `process` runs after it, in its
own transaction, together with the outbox rows, so a crash between the two loses nothing:
`process_pending` picks up what was accepted but not handled.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.cases.service import NEWEST_CASE_HINT, OPEN_CASE_HINT, OPEN_STATUSES, CaseHint
from bot.engine import Engine
from bot.outbox import FEED_LEASE, OPEN, Outgoing, queue_reply, release_held
from bot.store.db import transaction
from bot.store.models import Case, Contact, Conversation, Message, OutboxMessage, utcnow
from bot.types import MEDIA_KINDS, Incoming, Reply

if TYPE_CHECKING:
    from bot.outbox import OutboxSender

log = logging.getLogger(__name__)
PLAIN_UPDATE = {"synchronize_session": False}
"""Bulk UPDATEs here never touch objects loaded in the session: skip the ORM's bookkeeping."""


def case_hints(session: Session, contact_ids: list[int]) -> dict[int, CaseHint]:
    """Each contact's open case (the last active) and newest case, in one query for a batch,
    instead of two lookups for every message (bot.cases.service.open_case_of, resolved_lately)."""
    newest_ids = (
        select(func.max(Case.id)).where(Case.contact_id.in_(contact_ids)).group_by(Case.contact_id)
    )
    open_of: dict[int, Case] = {}
    newest_of: dict[int, Case] = {}
    for case in session.scalars(
        select(Case)
        .where(
            Case.contact_id.in_(contact_ids),
            or_(Case.status.in_(OPEN_STATUSES), Case.id.in_(newest_ids)),
        )
        .order_by(Case.village_hidden, Case.updated_at, Case.id)
    ):
        contact_id = case.contact_id or 0
        if case.status in OPEN_STATUSES:
            # ordered: a report kept from the village, then the last active, wins, as
            # open_case_of
            open_of[contact_id] = case
        if contact_id not in newest_of or case.id > newest_of[contact_id].id:
            newest_of[contact_id] = case
    return {cid: CaseHint(cid, open_of.get(cid), newest_of.get(cid)) for cid in contact_ids}


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
        display_name=extra.get("handle"),
        platform_id=message.platform_id,
    )


def enqueue(
    session: Session,
    *,
    contact: Contact,
    replies: list[Reply],
    now: datetime,
    recipient: str | None = None,
    flush: bool = True,
) -> list[OutboxMessage]:
    """Outbox rows (and the log) for replies, in the caller's transaction."""
    rows = [
        queue_reply(session, contact=contact, reply=reply, now=now, recipient=recipient)
        for reply in replies
    ]
    if flush:
        session.flush()
    return rows


def stored_message(incoming: Incoming, contact_id: int, now: datetime) -> Message:
    """The inbound log row for a message, as `incoming_of` reads it back."""
    kind = message_kind(incoming)
    body = incoming.button if kind == "button" else incoming.text
    extra = {k: v for k, v in (("phone", incoming.phone), ("handle", incoming.display_name)) if v}
    if kind in MEDIA_KINDS and incoming.text:
        extra["text"] = incoming.text
    return Message(
        contact_id=contact_id,
        channel=incoming.channel,
        direction="in",
        platform_id=incoming.platform_id,
        kind=kind,
        body=body,
        media_ref=incoming.media_ref,
        extra=extra or None,
        created_at=now,
    )


@dataclass(frozen=True)
class Accepted:
    """A newly stored inbound message and whose it is."""

    message_id: int
    contact_id: int


class _RolledBack(Exception):
    """Ends `warm_up`'s transaction without committing it."""


@dataclass
class BatchOutcome:
    """What one batch transaction did: per message whether it was new, and the replies this
    process leased to send from memory."""

    new: list[bool]
    outgoing: list[Outgoing] = field(default_factory=list)


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
        self.sender: OutboxSender | None = None
        """When set, replies for its channels are leased at write time and fed to it in memory."""
        self._batcher: Batcher | None = None

    @property
    def busy(self) -> bool:
        """Messages are being stored and handled right now (lower-priority work waits)."""
        return self._batcher is not None and self._batcher.running

    async def submit(self, incoming: Incoming) -> bool:
        """Stores and handles a webhook's message, replies queued, before the caller answers 200.

        Concurrent webhooks share one transaction (`receive_batch`) on one writer thread.
        True when the message was new; raises SQLAlchemyError when it could not be stored."""
        if self._batcher is None:
            self._batcher = Batcher(self)
        return await self._batcher.submit(incoming)

    def receive_batch(self, incomings: list[Incoming]) -> BatchOutcome:
        """Stores, handles and queues the replies of several messages in one transaction.

        Falls back to one message at a time (`accept` then `process`) when the batch cannot
        commit as a whole: a concurrent worker stored the same message or created the same
        contact, or the conversation raised for one of them. Database outages propagate."""
        try:
            return self._receive_batch(incomings)
        except IntegrityError:
            log.info("batch conflicted with a concurrent writer; storing one by one")
        except SQLAlchemyError:
            raise
        except Exception:
            log.exception("handling a batch failed; storing and handling one by one")
        new = []
        for incoming in incomings:
            accepted = self.accept(incoming)
            new.append(accepted is not None)
            if accepted is not None:
                try:
                    self.process(accepted.message_id, accepted.contact_id)
                except SQLAlchemyError:
                    raise
                except Exception:
                    log.exception("handling message %s failed", accepted.message_id)
        return BatchOutcome(new)

    def warm_up(self) -> None:
        """Runs the batch path once on a made-up message and rolls it back, before traffic.

        A webhook is acknowledged only once handled, so the first one would otherwise pay
        for compiling every statement of the path and the conversation's first run."""
        probe = Incoming(channel="whatsapp", user_id="0", text="halo", platform_id="warm-up")
        try:
            self._receive_batch([probe], keep=False)
        except _RolledBack:
            pass
        except Exception:
            log.warning("warming up the message path failed", exc_info=True)

    def _receive_batch(self, incomings: list[Incoming], keep: bool = True) -> BatchOutcome:
        now = self.clock()
        with transaction(self.factory) as session:
            postgres = session.get_bind().dialect.name == "postgresql"
            stored: set[tuple[str, str]] = set()
            ids_by_channel: dict[str, list[str]] = defaultdict(list)
            for incoming in incomings:
                if incoming.platform_id:
                    ids_by_channel[incoming.channel].append(incoming.platform_id)
            for channel, platform_ids in ids_by_channel.items():
                found = session.scalars(
                    select(Message.platform_id).where(
                        Message.channel == channel,
                        Message.direction == "in",
                        Message.platform_id.in_(platform_ids),
                    )
                )
                stored.update((channel, p) for p in found if p)
            fresh: list[Incoming] = []
            new: list[bool] = []
            for incoming in incomings:
                key = (incoming.channel, incoming.platform_id or "")
                if incoming.platform_id and key in stored:
                    new.append(False)
                    continue
                stored.add(key)
                fresh.append(incoming)
                new.append(True)
            if not fresh:
                return BatchOutcome(new)
            users: dict[str, set[str]] = defaultdict(set)
            for incoming in fresh:
                users[incoming.channel].add(incoming.user_id)
            contacts: dict[tuple[str, str], Contact] = {}
            for channel, user_ids in users.items():
                # locked in id order on PostgreSQL: one contact's messages are handled by one
                # transaction at a time, across workers, without deadlocks between batches
                query = (
                    select(Contact)
                    .where(Contact.channel == channel, Contact.channel_user_id.in_(user_ids))
                    .order_by(Contact.id)
                )
                if postgres:
                    query = query.with_for_update()
                for contact in session.scalars(query):
                    contacts[(channel, contact.channel_user_id)] = contact
            for incoming in fresh:
                if (incoming.channel, incoming.user_id) not in contacts:
                    contacts[(incoming.channel, incoming.user_id)] = self.engine.contact_for(
                        session, incoming, now
                    )
            contact_ids = [c.id for c in contacts.values()]
            # into the identity map (which holds objects weakly: keep them referenced), so the
            # conversation step finds them without a query and an autoflush per message
            conversations = session.scalars(
                select(Conversation).where(Conversation.contact_id.in_(contact_ids))
            ).all()
            hints = case_hints(session, contact_ids)
            backlog: dict[int, list[Message]] = defaultdict(list)
            for old in session.scalars(
                select(Message)
                .where(
                    Message.contact_id.in_(contact_ids),
                    Message.direction == "in",
                    Message.handled_at.is_(None),
                )
                .order_by(Message.id)
            ):
                backlog[old.contact_id].append(old)
            for channel, user_ids in users.items():
                session.execute(
                    update(OutboxMessage)
                    .where(
                        OutboxMessage.channel == channel,
                        OutboxMessage.recipient.in_(user_ids),
                        OutboxMessage.status == "held",
                    )
                    .values(status="pending", next_attempt_at=now),
                    execution_options=PLAIN_UPDATE,
                )
            produced: list[tuple[OutboxMessage, Contact]] = []
            for incoming in fresh:
                contact = contacts[(incoming.channel, incoming.user_id)]
                # anything accepted earlier and not handled (a crash) goes first, in order
                for old in backlog.pop(contact.id, []):
                    hints.pop(contact.id, None)
                    replies = self.engine.handle(session, incoming_of(old, contact), contact)
                    old.handled_at = now
                    rows = enqueue(session, contact=contact, replies=replies, now=now, flush=False)
                    produced.extend((row, contact) for row in rows)
                message = stored_message(incoming, contact.id, now)
                message.handled_at = now
                session.add(message)
                if contact.id in hints:  # its first message in this batch
                    session.info[OPEN_CASE_HINT] = hints.pop(contact.id)
                replies = self.engine.handle(session, incoming_of(message, contact), contact)
                session.info.pop(OPEN_CASE_HINT, None)  # good for this message only
                session.info.pop(NEWEST_CASE_HINT, None)
                rows = enqueue(
                    session,
                    contact=contact,
                    replies=replies,
                    now=now,
                    recipient=incoming.user_id,
                    flush=False,
                )
                produced.extend((row, contact) for row in rows)
            session.flush()
            del conversations
            if not keep:
                raise _RolledBack
            return BatchOutcome(new, self._lease(session, produced, now))

    def _lease(
        self, session: Session, produced: list[tuple[OutboxMessage, Contact]], now: datetime
    ) -> list[Outgoing]:
        """Leases the new replies this process will send from memory: those of chats with no
        other undelivered row, or only rows this process is already sending (order per chat)."""
        sender = self.sender
        if sender is None or not produced:
            return []
        mine = [(r, c) for r, c in produced if r.channel in sender.transports]
        if not mine:
            return []
        new_ids = {r.id for r, _ in mine}
        blocked: set[tuple[str, str]] = set()
        for channel in {r.channel for r, _ in mine}:
            recipients = {r.recipient for r, _ in mine if r.channel == channel}
            for row_id, recipient in session.execute(
                select(OutboxMessage.id, OutboxMessage.recipient).where(
                    OutboxMessage.channel == channel,
                    OutboxMessage.recipient.in_(recipients),
                    OutboxMessage.status.in_(OPEN),
                    OutboxMessage.lane == "reply",  # announcements never hold a reply back
                )
            ):
                if row_id not in new_ids and not sender.owns(row_id):
                    blocked.add((channel, recipient))
        leased = [(r, c) for r, c in mine if (r.channel, r.recipient) not in blocked]
        if not leased:
            return []
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_([r.id for r, _ in leased]))
            .values(status="sending", next_attempt_at=now + FEED_LEASE),
            execution_options=PLAIN_UPDATE,
        )
        return [
            Outgoing(
                r.id,
                r.channel,
                r.recipient,
                dict(r.payload),
                0,
                c.last_seen_at,
                c.language or "id",
                now,
            )
            for r, c in leased
        ]

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
                message = stored_message(incoming, contact.id, now)
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


class Batcher:
    """Group commit for webhooks: messages that arrive while a batch is being written wait and
    go together in the next one, on one writer thread (one transaction, one thread hop, one
    COMMIT for many messages)."""

    MAX_BATCH = 64

    def __init__(self, dispatcher: Dispatcher) -> None:
        self.dispatcher = dispatcher
        self.waiting: list[tuple[Incoming, asyncio.Future[bool]]] = []
        self.running = False
        self.task: asyncio.Task[None] | None = None
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="migran-writer")

    async def submit(self, incoming: Incoming) -> bool:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[bool] = loop.create_future()
        self.waiting.append((incoming, future))
        if not self.running:
            self.running = True
            self.task = loop.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self.waiting:
                batch = self.waiting[: self.MAX_BATCH]
                del self.waiting[: self.MAX_BATCH]
                try:
                    outcome = await loop.run_in_executor(
                        self.executor, self.dispatcher.receive_batch, [i for i, _ in batch]
                    )
                except Exception as exc:
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(exc)
                    continue
                for (_, future), new in zip(batch, outcome.new, strict=True):
                    if not future.done():
                        future.set_result(new)
                if outcome.outgoing and self.dispatcher.sender is not None:
                    self.dispatcher.sender.feed(outcome.outgoing)
        finally:
            self.running = False
