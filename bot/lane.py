"""The outbox's low-priority lane: rows with `lane = "announce"`, sent beside the replies.

A reply to someone chatting now never waits for an announcement: the lane sends only while no
message is being handled and the reply sender has nothing waiting in memory, and takes a token
from the channel's shared bucket only when no reply is waiting for one. On top, each channel
has the lane's own rate (e.g. 20 a second on Telegram, whose limit is about 30 in all), in an
even flow. The claim is a lease, as for replies; what happened to each row is handed to
`listener` in the same transaction (the announcements domain keeps its delivery states that
way, without this module knowing it).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.metrics import REGISTRY
from bot.outbox import (
    GIVE_UP_AFTER,
    MAX_ATTEMPTS,
    OutboxSender,
    Outgoing,
    PermanentError,
    RateLimiter,
    TransientError,
    backoff,
    lease,
)
from bot.store.db import transaction
from bot.store.models import Contact, OutboxMessage

log = logging.getLogger(__name__)

LANE = "announce"
Listener = Callable[[Session, Sequence[tuple[int, str]]], None]


class Lane:
    def __init__(
        self,
        sender: OutboxSender,
        rates: dict[str, float],
        listener: Listener | None = None,
        concurrency: int = 4,
        busy: Callable[[], bool] = lambda: False,
    ) -> None:
        self.sender = sender
        self.busy = busy
        """Whether people's messages are being handled now: the lane waits (e.g. the
        dispatcher's batch writer is running), so announcements use the idle moments."""
        # an even flow rather than a second's worth at once: bursts are what delay replies
        self.limiters = {
            c: RateLimiter(r, burst=2) for c, r in rates.items() if c in sender.transports
        }
        self.listener = listener
        self.concurrency = concurrency
        self._slots: asyncio.Semaphore | None = None

    def claim(self, limit: int) -> list[Outgoing]:
        """Leases the oldest due lane rows of the channels this lane serves."""
        if not self.limiters:
            return []
        now = self.sender.clock()
        with transaction(self.sender.factory) as session:
            query = (
                select(OutboxMessage, Contact.last_seen_at, Contact.language)
                .outerjoin(Contact, Contact.id == OutboxMessage.contact_id)
                .where(
                    OutboxMessage.lane == LANE,
                    # "sending" whose lease ran out: a sender stopped mid-send
                    OutboxMessage.status.in_(("pending", "sending")),
                    OutboxMessage.channel.in_(list(self.limiters)),
                    OutboxMessage.next_attempt_at <= now,
                )
                .order_by(OutboxMessage.id)
                .limit(limit)
            )
            return lease(session, query, now)

    async def _send(self, message: Outgoing) -> tuple[int, dict[str, Any]]:
        assert self._slots is not None
        async with self._slots:
            await self.limiters[message.channel].acquire()
            shared = self.sender.limiters[message.channel]
            while self.sender.busy or self.busy() or not shared.try_acquire():
                await asyncio.sleep(0.01)
            try:
                platform_id = await self.sender.transports[message.channel].send(message)
            except TransientError as exc:
                return self._failed(message, str(exc), exc.retry_after)
            except PermanentError as exc:
                return self._dead(message, str(exc))
            except Exception as exc:
                log.exception("unexpected error sending announcement row %s", message.id)
                return self._failed(message, repr(exc), None)
        REGISTRY.inc("migran_announcement_sends_total", channel=message.channel, result="sent")
        return message.id, {
            "status": "sent",
            "sent_at": self.sender.clock(),
            "attempts": message.attempts + 1,
            "platform_message_id": platform_id,
            "last_error": None,
        }

    def _failed(
        self, message: Outgoing, error: str, retry_after: float | None
    ) -> tuple[int, dict[str, Any]]:
        attempts = message.attempts + 1
        now = self.sender.clock()
        too_old = message.created_at is not None and now - message.created_at > GIVE_UP_AFTER
        if attempts >= MAX_ATTEMPTS or too_old:
            return self._dead(message, error)
        REGISTRY.inc("migran_announcement_sends_total", channel=message.channel, result="retry")
        delay = backoff(attempts, retry_after)
        return message.id, {
            "status": "pending",
            "attempts": attempts,
            "last_error": error[:500],
            "next_attempt_at": now + timedelta(seconds=delay),
        }

    def _dead(self, message: Outgoing, error: str) -> tuple[int, dict[str, Any]]:
        REGISTRY.inc("migran_announcement_sends_total", channel=message.channel, result="failed")
        return message.id, {
            "status": "dead",
            "attempts": message.attempts + 1,
            "last_error": error[:500],
        }

    def _write(self, outcomes: list[tuple[int, dict[str, Any]]]) -> None:
        listener = self.listener
        states = [(i, str(v["status"])) for i, v in outcomes]

        def also(session: Session) -> None:
            if listener is not None:
                listener(session, states)

        self.sender._write(outcomes, also=also)

    async def _quiet(self, longest: float = 1.0) -> None:
        """Waits (a little) until no message is being handled: on SQLite the lane's writes
        would otherwise make the conversation's transaction wait for the lock."""
        deadline = time.monotonic() + longest
        while self.busy() and time.monotonic() < deadline:
            await asyncio.sleep(0.005)

    async def run_once(self) -> int:
        """Claims about one second's worth per channel, sends it, writes the outcomes."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.concurrency)
        limit = sum(int(limiter.rate) + 1 for limiter in self.limiters.values())
        await self._quiet()
        claimed = await asyncio.to_thread(self.claim, limit)
        if not claimed:
            return 0
        outcomes = list(await asyncio.gather(*(self._send(m) for m in claimed)))
        await self._quiet()
        await asyncio.to_thread(self._write, outcomes)
        return len(claimed)

    async def run(self, stop: asyncio.Event, idle: float = 0.25) -> None:
        while not stop.is_set():
            try:
                count = await self.run_once()
            except Exception:
                log.exception("announcement lane cycle failed; retrying")
                count = 0
            if count == 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=idle)
