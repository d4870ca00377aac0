"""Delivers outbox rows to the platforms: in order per chat, with retry, backoff and rate limits.

One chat's messages go strictly in order: only the oldest undelivered row of a chat is ever
claimed. A claim is a lease (the row's `next_attempt_at` moves a minute ahead while it is
`sending`), so a worker that dies mid-send gives the row back by itself. No database
transaction is held across an HTTP call. On PostgreSQL several workers share the outbox with
FOR UPDATE SKIP LOCKED; on SQLite one sender runs.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict, defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol, cast

from sqlalchemy import Select, Table, and_, bindparam, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.metrics import REGISTRY
from bot.store.db import transaction
from bot.store.models import Contact, Message, OutboxMessage, utcnow
from bot.types import Reply, reply_to_dict

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)
FEED_LEASE = timedelta(seconds=30)
"""How long a reply written and fed to this process's sender in memory stays out of other
senders' claims; one not sent within FEED_LEASE - FEED_MARGIN is given back to the table."""
FEED_MARGIN = 10.0
MAX_ATTEMPTS = 40
GIVE_UP_AFTER = timedelta(hours=6)
MAX_BACKOFF = 300.0
PLAIN_UPDATE = {"synchronize_session": False}
SEND_CONCURRENCY = 16
OPEN = ("pending", "sending", "held")
WINDOW = timedelta(hours=24)


class TransientError(Exception):
    """Worth retrying: 429, 5xx, timeouts. `retry_after` in seconds when the platform said."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentError(Exception):
    """Will not succeed by retrying (bad recipient, rejected payload)."""


class WindowClosed(Exception):
    """WhatsApp: the user has not written for 24 hours; only a template may be sent."""


@dataclass(frozen=True)
class Outgoing:
    id: int
    channel: str
    recipient: str
    payload: dict[str, Any]
    attempts: int
    last_inbound_at: datetime | None
    language: str
    created_at: datetime | None = None


class Transport(Protocol):
    channel: str
    rate_per_second: float
    per_chat_interval: float

    async def send(self, message: Outgoing) -> str | None:
        """Delivers one message; returns the platform's message id."""

    async def invite_back(self, message: Outgoing) -> str | None:
        """Asks a user outside the messaging window to write again (a template)."""


class RateLimiter:
    """A token bucket: at most `rate` sends per second on average, bursts up to `rate`."""

    def __init__(
        self, rate: float, clock: Callable[[], float] = time.monotonic, burst: float | None = None
    ) -> None:
        self.rate = max(rate, 0.1)
        self.capacity = max(burst, 1.0) if burst is not None else self.rate
        """At most this many sends at once after a quiet spell (by default a second's worth)."""
        self.tokens = self.capacity
        self.clock = clock
        self.last = clock()
        self.lock = asyncio.Lock()

    async def acquire(self) -> None:
        async with self.lock:
            while True:
                now = self.clock()
                self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
                self.last = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                await asyncio.sleep((1 - self.tokens) / self.rate)

    def try_acquire(self) -> bool:
        """A token only when no one is waiting for one: how the announcement lane yields."""
        if self.lock.locked():
            return False
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


def backoff(attempts: int, retry_after: float | None) -> float:
    if retry_after is not None:
        return min(max(retry_after, 0.5), MAX_BACKOFF * 4)
    return min(2.0 ** max(attempts - 1, 0), MAX_BACKOFF)


def lease(
    session: Session, query: Select[OutboxMessage, datetime, str], now: datetime
) -> list[Outgoing]:
    """Runs a claim query (outbox rows with their contact's last_seen_at and language), rows
    another worker holds skipped on PostgreSQL, and leases what it returns for LEASE."""
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True, of=OutboxMessage)
    claimed = []
    for row, last_seen, language in session.execute(query).all():
        row.status = "sending"
        row.next_attempt_at = now + LEASE
        claimed.append(
            Outgoing(
                row.id,
                row.channel,
                row.recipient,
                dict(row.payload),
                row.attempts,
                last_seen,
                language or "id",
                row.created_at,
            )
        )
    return claimed


class OutboxSender:
    def __init__(
        self,
        factory: sessionmaker[Session],
        transports: Sequence[Transport],
        clock: Callable[[], datetime] = utcnow,
        batch_size: int = 100,
    ) -> None:
        self.factory = factory
        self.transports = {t.channel: t for t in transports}
        self.limiters = {t.channel: RateLimiter(t.rate_per_second) for t in transports}
        self.last_sent: dict[tuple[str, str], float] = {}
        self.clock = clock
        self.batch_size = batch_size
        self._outcomes: list[tuple[int, dict[str, Any]]] | None = None
        self._sending = asyncio.Semaphore(SEND_CONCURRENCY)
        # replies committed and leased by this process's writer, per chat in order
        self._fed: OrderedDict[tuple[str, str], deque[tuple[Outgoing, float]]] = OrderedDict()
        self._owned: set[int] = set()
        self._wake: asyncio.Event | None = None
        self.claimed_last = 0

    # -- fed in memory -----------------------------------------------------------------------
    def feed(self, messages: Sequence[Outgoing]) -> None:
        """Replies just committed with a lease for this sender: sent without a claim query."""
        now = time.monotonic()
        for message in messages:
            self._owned.add(message.id)
            key = (message.channel, message.recipient)
            self._fed.setdefault(key, deque()).append((message, now))
        if self._wake is not None:
            self._wake.set()

    @property
    def busy(self) -> bool:
        """Replies waiting in memory for their turn: lower-priority work should wait."""
        return bool(self._fed)

    def owns(self, message_id: int) -> bool:
        """Whether this sender holds the row in memory (its chat may queue behind it)."""
        return message_id in self._owned

    def _take_fed(self) -> tuple[list[Outgoing], list[tuple[int, dict[str, Any]]]]:
        """The head of each fed chat; rows held too long for their lease are given back."""
        heads: list[Outgoing] = []
        given_back: list[tuple[int, dict[str, Any]]] = []
        stale = time.monotonic() - (FEED_LEASE.total_seconds() - FEED_MARGIN)
        for key in list(self._fed):
            queue = self._fed[key]
            message, fed_at = queue.popleft()
            if fed_at < stale:
                given_back.extend(self._give_back(message, queue))
                del self._fed[key]
                continue
            heads.append(message)
            if not queue:
                del self._fed[key]
        return heads, given_back

    def _give_back(
        self, first: Outgoing | None, queue: deque[tuple[Outgoing, float]] | None
    ) -> list[tuple[int, dict[str, Any]]]:
        """Rows back to the table (pending, due now), where claims keep their chat's order."""
        rows = ([first] if first is not None else []) + [m for m, _ in queue or ()]
        now = self.clock()
        return [(m.id, {"status": "pending", "next_attempt_at": now}) for m in rows]

    # -- database side (short transactions) ------------------------------------------------
    def claim(self) -> list[Outgoing]:
        """Leases the oldest undelivered message of each chat that is due."""
        if not self.transports:
            return []
        now = self.clock()
        with transaction(self.factory) as session:
            heads = (
                select(func.min(OutboxMessage.id))
                .where(
                    OutboxMessage.status.in_(OPEN),
                    OutboxMessage.channel.in_(list(self.transports)),
                    OutboxMessage.lane == "reply",
                )
                .group_by(OutboxMessage.channel, OutboxMessage.recipient)
            )
            query = (
                select(OutboxMessage, Contact.last_seen_at, Contact.language)
                .outerjoin(Contact, Contact.id == OutboxMessage.contact_id)
                .where(
                    OutboxMessage.id.in_(heads),
                    OutboxMessage.status.in_(("pending", "sending")),
                    OutboxMessage.next_attempt_at <= now,
                )
                .order_by(OutboxMessage.id)
                .limit(self.batch_size)
            )
            return lease(session, query, now)

    def _finish(self, message_id: int, **values: Any) -> None:
        """Records an outcome; inside a send cycle outcomes are written together at its end."""
        if self._outcomes is not None:
            self._outcomes.append((message_id, values))
            return
        self._write([(message_id, values)])

    def _write(
        self,
        outcomes: list[tuple[int, dict[str, Any]]],
        also: Callable[[Session], None] | None = None,
    ) -> None:
        """Outcomes by kind, one executemany each; `also` runs in the same transaction."""
        if not outcomes:
            return
        table = cast(Table, OutboxMessage.__table__)
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for message_id, values in outcomes:
            params = {f"v_{k}": v for k, v in values.items()}
            groups[tuple(sorted(values))].append({"o_id": message_id, **params})
        with transaction(self.factory) as session:
            for keys, rows in groups.items():
                # one executemany per kind of outcome (usually all "sent")
                session.execute(
                    update(table)
                    .where(table.c.id == bindparam("o_id"), table.c.status == "sending")
                    .values({k: bindparam(f"v_{k}", type_=table.c[k].type) for k in keys}),
                    rows,
                )
            if also is not None:
                also(session)

    def sent(self, message: Outgoing, platform_id: str | None) -> None:
        REGISTRY.inc("migran_deliveries_total", channel=message.channel, result="sent")
        if message.created_at is not None:
            waited = (self.clock() - message.created_at).total_seconds()
            REGISTRY.observe(
                "migran_reply_latency_seconds", max(waited, 0.0), channel=message.channel
            )
        self._finish(
            message.id,
            status="sent",
            sent_at=self.clock(),
            attempts=message.attempts + 1,
            platform_message_id=platform_id,
            last_error=None,
        )

    def failed(self, message: Outgoing, error: str, retry_after: float | None) -> None:
        REGISTRY.inc("migran_deliveries_total", channel=message.channel, result="retry")
        attempts = message.attempts + 1
        too_old = (
            message.created_at is not None and self.clock() - message.created_at > GIVE_UP_AFTER
        )
        if attempts >= MAX_ATTEMPTS or too_old:
            log.warning(
                "outbox message %s moved to dead letters after %s attempts", message.id, attempts
            )
            self._finish(message.id, status="dead", attempts=attempts, last_error=error[:500])
            return
        delay = backoff(attempts, retry_after)
        self._finish(
            message.id,
            status="pending",
            attempts=attempts,
            last_error=error[:500],
            next_attempt_at=self.clock() + timedelta(seconds=delay),
        )

    def dead(self, message: Outgoing, error: str) -> None:
        REGISTRY.inc("migran_deliveries_total", channel=message.channel, result="dead")
        log.warning("outbox message %s rejected permanently", message.id)
        self._finish(
            message.id, status="dead", attempts=message.attempts + 1, last_error=error[:500]
        )

    def held(self, message: Outgoing) -> None:
        self._finish(message.id, status="held", attempts=message.attempts)

    # -- network side ----------------------------------------------------------------------
    async def deliver(self, message: Outgoing) -> None:
        async with self._sending:
            await self._deliver(message)

    async def _deliver(self, message: Outgoing) -> None:
        transport = self.transports[message.channel]
        key = (message.channel, message.recipient)
        wait = self.last_sent.get(key, 0.0) + transport.per_chat_interval - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        await self.limiters[message.channel].acquire()
        try:
            if message.channel == "whatsapp" and not self.window_open(message):
                raise WindowClosed()
            platform_id = await transport.send(message)
        except WindowClosed:
            await self._invite_back(transport, message)
            return
        except TransientError as exc:
            await self._record(self.failed, message, str(exc), exc.retry_after)
            return
        except PermanentError as exc:
            await self._record(self.dead, message, str(exc))
            return
        except Exception as exc:
            log.exception("unexpected error sending outbox message %s", message.id)
            await self._record(self.failed, message, repr(exc), None)
            return
        finally:
            self.last_sent[key] = time.monotonic()
        await self._record(self.sent, message, platform_id)

    async def _invite_back(self, transport: Transport, message: Outgoing) -> None:
        try:
            await transport.invite_back(message)
        except TransientError as exc:
            await self._record(self.failed, message, f"template: {exc}", exc.retry_after)
            return
        except PermanentError as exc:
            await self._record(self.dead, message, f"template: {exc}")
            return
        await self._record(self.held, message)

    def window_open(self, message: Outgoing) -> bool:
        if message.last_inbound_at is None:
            return True
        return self.clock() - message.last_inbound_at < WINDOW

    async def _record(self, outcome: Callable[..., None], *args: Any) -> None:
        """Inside a cycle an outcome is only remembered: no thread hop per message."""
        if self._outcomes is not None:
            outcome(*args)
        else:
            await asyncio.to_thread(outcome, *args)

    async def run_once(self, claim: bool = True) -> int:
        """One cycle: the fed chats' heads and (when `claim`) the table's due heads, sent
        concurrently, their outcomes written in one transaction."""
        fed, given_back = self._take_fed()
        claimed = await asyncio.to_thread(self.claim) if claim else []
        self.claimed_last = len(claimed)
        batch = fed + claimed
        if batch or given_back:
            # One transaction for the whole cycle's outcomes instead of one per message.
            self._outcomes = list(given_back)
            try:
                await asyncio.gather(*(self.deliver(m) for m in batch))
            finally:
                outcomes, self._outcomes = self._outcomes, None
                statuses = {mid: values.get("status") for mid, values in outcomes}
                for message in fed:
                    # not sent: the rest of its chat goes back to the table, behind it
                    if statuses.get(message.id) != "sent":
                        key = (message.channel, message.recipient)
                        outcomes.extend(self._give_back(None, self._fed.pop(key, None)))
                try:
                    await asyncio.to_thread(self._write, outcomes)
                finally:
                    for message_id, _ in outcomes:
                        self._owned.discard(message_id)
        return len(batch)

    async def run(self, stop: asyncio.Event, idle: float = 0.2) -> None:
        """Sends until `stop` is set; a restart resumes from the table.

        Fed replies go as soon as they arrive; the table is polled every `idle` seconds (for
        retries, other workers' and officers' messages, and what a crash left behind)."""
        self._wake = wake = asyncio.Event()
        next_claim = 0.0
        while not stop.is_set():
            wake.clear()
            claim = time.monotonic() >= next_claim
            try:
                count = await self.run_once(claim=claim)
            except Exception:
                log.exception("outbox sender cycle failed; retrying")
                count, self.claimed_last = 0, 0
            if claim and self.claimed_last == 0:
                next_claim = time.monotonic() + idle
            if count == 0 and not self._fed:
                timeout = max(next_claim - time.monotonic(), 0.0)
                waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(wake.wait())]
                await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
                for waiter in waiters:
                    waiter.cancel()


def release_held(session: Session, *, channel: str, recipient: str) -> int:
    """The user wrote again: messages held outside the window may go now."""
    result = session.execute(
        update(OutboxMessage)
        .where(
            and_(
                OutboxMessage.channel == channel,
                OutboxMessage.recipient == recipient,
                OutboxMessage.status == "held",
            )
        )
        .values(status="pending", next_attempt_at=utcnow()),
        execution_options=PLAIN_UPDATE,
    )
    return int(getattr(result, "rowcount", 0) or 0)


def record_status(
    session: Session, *, platform_id: str, status: str, error: str | None = None
) -> bool:
    """A delivery receipt from the platform (sent, delivered, read, failed)."""
    row = session.scalars(
        select(OutboxMessage).where(OutboxMessage.platform_message_id == platform_id)
    ).first()
    if row is None:
        return False
    order = {"sent": 1, "delivered": 2, "read": 3}
    if status == "failed":
        row.status = "dead"
        row.last_error = (error or "failed")[:500]
    elif order.get(status, 0) > order.get(row.status, 0):
        row.status = status
    return True


def queue_message(
    session: Session,
    *,
    channel: str,
    recipient: str,
    payload: dict[str, Any],
    contact_id: int | None = None,
    now: datetime | None = None,
) -> OutboxMessage:
    """One outbound message, in the caller's transaction (with the state change it belongs to)."""
    now = now or utcnow()
    row = OutboxMessage(
        contact_id=contact_id,
        channel=channel,
        recipient=recipient,
        payload=payload,
        created_at=now,
        next_attempt_at=now,
    )
    session.add(row)
    return row


def queue_reply(
    session: Session,
    *,
    contact: Contact,
    reply: Reply,
    now: datetime,
    recipient: str | None = None,
    sender: str | None = None,
) -> OutboxMessage:
    """A reply's outbox row and its line in the message log (the web chat and every transcript
    draw from the log); `sender` marks who wrote it when not the bot, e.g. "officer"."""
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
            body=None if contact.erased_at is not None else reply.text,
            extra={"from": sender} if sender else None,
            created_at=now,
        )
    )
    return row
