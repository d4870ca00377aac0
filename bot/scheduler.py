"""Periodic work inside `migran serve`: escalate unclaimed cases, drop old message bodies."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.cases.service import escalate_due
from bot.officers.audit import prune_audit
from bot.officers.login_throttle import prune_attempts
from bot.privacy import prune_message_bodies, scrub_erased_recipients
from bot.store.db import transaction
from bot.store.models import utcnow

log = logging.getLogger(__name__)


class Scheduler:
    def __init__(
        self,
        factory: sessionmaker[Session],
        *,
        urgent_after: timedelta,
        any_after: timedelta,
        retention: timedelta,
        clock: Callable[[], datetime] = utcnow,
        interval: float = 60.0,
        recover: Callable[[], int] | None = None,
    ) -> None:
        self.factory = factory
        self.urgent_after = urgent_after
        self.any_after = any_after
        self.retention = retention
        self.clock = clock
        self.interval = interval
        self.recover = recover
        """Handles messages stored but never handled (e.g. the database failed mid-way)."""

    def tick(self) -> int:
        """One round; returns how many cases escalated."""
        now = self.clock()
        with transaction(self.factory) as session:
            escalated = escalate_due(
                session, now=now, urgent_after=self.urgent_after, any_after=self.any_after
            )
            prune_message_bodies(session, older_than=self.retention, now=now)
            prune_audit(session, now=now)
            prune_attempts(session, now=now)
            scrub_erased_recipients(session)
        if escalated:
            log.info("escalated %s unclaimed case(s)", len(escalated))
        if self.recover is not None:
            recovered = self.recover()
            if recovered:
                log.info("handled %s message(s) left unhandled", recovered)
        return len(escalated)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await asyncio.to_thread(self.tick)
            except Exception:
                log.exception("scheduler round failed; will retry")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.interval)
