"""Feeds announcements into the outbox's low-priority lane, a few seconds' worth at a time.

The deliveries table is the long queue (50,000 rows are cheap there); the outbox only ever holds
about `ahead` seconds of announcements per channel, so replies' claims stay fast and a cancel or
an opt-out catches everything that has not reached a sender. WhatsApp contacts who wrote within
the 24-hour window get a normal message (with its button); the others get the approved template
with the text as its body parameter, as WhatsApp requires.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.announcements.models import Announcement, Delivery, Subscription
from bot.announcements.service import PLAIN_UPDATE, finish_done, start_due
from bot.i18n import N_, translator
from bot.lane import LANE
from bot.metrics import REGISTRY
from bot.store.db import transaction
from bot.store.models import Contact, Message, OutboxMessage, utcnow
from bot.types import Button, Reply, reply_to_dict

log = logging.getLogger(__name__)

WINDOW = timedelta(hours=24)
WINDOW_MARGIN = timedelta(minutes=10)
"""A message written to the lane goes out within seconds; the margin keeps one written just
inside the window from arriving just outside it."""
STATES = {"sent": "sent", "delivered": "delivered", "read": "read", "dead": "failed"}
RANK = {"queued": 0, "sent": 1, "delivered": 2, "read": 3}
SENDERS = {
    "village": N_("*Village news* from your village officer:"),
    "district": N_("*Village news* from your district officer:"),
    "province": N_("*Village news* from the NTB province officers:"),
}
"""Who speaks, above the officer's text: a bare message from the service's number reads as
spam or a scam, and says nothing of how to stop it."""
HOW_TO_STOP = N_("Type *berhenti* to stop village news.")
WHATSAPP_BODY = 1024
"""WhatsApp's limit for a message with buttons; a longer one goes as plain text, where the
button is said in words."""


class Pump:
    """Starts scheduled announcements, tops up the outbox lane per channel, closes finished
    ones. One round is a few short transactions; `run` repeats it."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        *,
        rates: dict[str, float],
        template_name: str,
        template_language: str,
        ahead: float = 3.0,
        clock: Callable[[], datetime] = utcnow,
        busy: Callable[[], bool] = lambda: False,
    ) -> None:
        self.factory = factory
        self.rates = rates
        self.template_name = template_name
        self.template_language = template_language
        self.ahead = ahead
        self.clock = clock
        self.busy = busy
        """Whether people's messages are being handled now: a round waits for a quiet moment."""
        self._checked: set[int] = set()

    def round(self) -> int:
        now = self.clock()
        with transaction(self.factory) as session:
            start_due(session, now=now)
            self.skip_unreachable(session, now)
        written = 0
        for channel, rate in self.rates.items():
            with transaction(self.factory) as session:
                written += self.fill(session, channel, max(int(rate * self.ahead), 1), now)
        with transaction(self.factory) as session:
            finish_done(session, now=now)
        return written

    async def run(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        while not stop.is_set():
            for _ in range(200):  # at most a second
                if not self.busy():
                    break
                await asyncio.sleep(0.005)
            try:
                await asyncio.to_thread(self.round)
            except Exception:
                log.exception("announcement round failed; retrying")
            # `ahead` seconds' worth per round: a pause between rounds keeps the lane full
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=interval)

    def skip_unreachable(self, session: Session, now: datetime) -> None:
        """Recipients on a channel this service does not run (e.g. Telegram not configured)
        are skipped once, when their announcement starts, so it can finish."""
        started = [
            a_id
            for a_id in session.scalars(
                select(Announcement.id).where(Announcement.status == "sending")
            )
            if a_id not in self._checked
        ]
        if not started:
            return
        elsewhere = select(Contact.id).where(Contact.channel.not_in(list(self.rates)))
        session.execute(
            update(Delivery)
            .where(
                Delivery.announcement_id.in_(started),
                Delivery.state == "queued",
                Delivery.contact_id.in_(elsewhere),
            )
            .values(state="skipped", updated_at=now),
            execution_options=PLAIN_UPDATE,
        )
        self._checked.update(started)

    def fill(self, session: Session, channel: str, room: int, now: datetime) -> int:
        """Writes up to `room` minus what the lane still holds for this channel."""
        waiting = session.scalar(
            select(func.count()).where(
                OutboxMessage.lane == LANE,
                OutboxMessage.channel == channel,
                OutboxMessage.status.in_(("pending", "sending")),
            )
        )
        room -= int(waiting or 0)
        if room <= 0:
            return 0
        postgres = session.get_bind().dialect.name == "postgresql"
        # read-locked: a cancel or an opt-out committing now waits for this round, and one
        # committed before it is seen here (READ COMMITTED re-reads per statement)
        live = select(
            Announcement.id, Announcement.text, Announcement.button, Announcement.level
        ).where(Announcement.status == "sending")
        if postgres:
            live = live.with_for_update(read=True)
        announcements = {
            a_id: (text, button, level) for a_id, text, button, level in session.execute(live)
        }
        if not announcements:
            return 0
        query = (
            select(
                Delivery.id,
                Delivery.announcement_id,
                Contact.id,
                Contact.channel_user_id,
                Contact.last_seen_at,
                Contact.language,
            )
            .join(Contact, Contact.id == Delivery.contact_id)
            .where(
                Delivery.announcement_id.in_(list(announcements)),
                Delivery.state == "queued",
                Delivery.outbox_id.is_(None),
                Contact.channel == channel,
            )
            .order_by(Delivery.id)
            .limit(room)
        )
        batch = session.execute(query).all()
        if not batch:
            return 0
        # Locks in the order "berhenti" takes them (subscription, then deliveries), so the two
        # never wait for each other in a circle: an opt-out committing now is waited for and
        # seen; one that commits later finds these rows in the outbox and skips them there.
        subscribed = select(Subscription.contact_id).where(
            Subscription.contact_id.in_([row[2] for row in batch]),
            Subscription.ended_at.is_(None),
        )
        if postgres:
            subscribed = subscribed.with_for_update(read=True)
        active = set(session.scalars(subscribed))
        if postgres:  # another worker's pump may be writing some of them: skip those
            mine = set(
                session.scalars(
                    select(Delivery.id)
                    .where(
                        Delivery.id.in_([row[0] for row in batch]),
                        Delivery.state == "queued",
                        Delivery.outbox_id.is_(None),
                    )
                    .with_for_update(skip_locked=True)
                )
            )
            batch = [row for row in batch if row[0] in mine]
        payloads: dict[tuple[int, str, bool], dict[str, Any]] = {}
        outbox_rows: list[dict[str, Any]] = []
        log_rows: list[dict[str, Any]] = []
        chosen: list[int] = []
        gone: list[int] = []
        for delivery_id, a_id, contact_id, user_id, last_seen, language in batch:
            if contact_id not in active:
                gone.append(delivery_id)
                continue
            text, button, level = announcements[a_id]
            inside = last_seen is not None and now - last_seen < WINDOW - WINDOW_MARGIN
            key = (a_id, language or "id", inside)
            if key not in payloads:  # one per announcement, language and window: not per person
                payloads[key] = self.payload(
                    channel, text, button, inside, language or "id", level=level
                )
            payload = payloads[key]
            chosen.append(delivery_id)
            outbox_rows.append(
                {
                    "contact_id": contact_id,
                    "channel": channel,
                    "recipient": user_id,
                    "payload": payload,
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                    "lane": LANE,
                }
            )
            log_rows.append(
                {
                    "contact_id": contact_id,
                    "channel": channel,
                    "direction": "out",
                    "kind": "text",
                    "body": text,
                    "extra": {"from": "announcement", "announcement": a_id},
                    "created_at": now,
                }
            )
        table = cast(Table, Delivery.__table__)
        if gone:
            session.execute(
                update(Delivery)
                .where(Delivery.id.in_(gone))
                .values(state="skipped", updated_at=now),
                execution_options=PLAIN_UPDATE,
            )
        if not outbox_rows:
            return 0
        ids = session.scalars(
            insert(OutboxMessage).returning(OutboxMessage.id, sort_by_parameter_order=True),
            outbox_rows,
        ).all()
        session.execute(insert(Message), log_rows)
        session.execute(
            update(table)
            .where(table.c.id == bindparam("d_id"))
            .values(outbox_id=bindparam("o_id"), updated_at=now),
            [{"d_id": d, "o_id": o} for d, o in zip(chosen, ids, strict=True)],
            execution_options=PLAIN_UPDATE,
        )
        REGISTRY.inc("migran_announcement_queued_total", len(ids), channel=channel)
        return len(ids)

    def payload(
        self,
        channel: str,
        text: str,
        button: str | None,
        inside: bool,
        language: str,
        *,
        level: str = "village",
    ) -> dict[str, Any]:
        """A normal message (with its button) that says who sends it and how to stop, or on
        WhatsApp outside the window the template, whose approved text says both."""
        _ = translator(language)
        buttons = (Button("cmd:training", _("Sign up for training")[:20]),) if button else ()
        if channel != "whatsapp" or inside:
            sender = _(SENDERS.get(level, SENDERS["village"]))
            framed = f"{sender}\n\n{text}\n\n{_(HOW_TO_STOP)}"
            if buttons and channel == "whatsapp" and len(framed) > WHATSAPP_BODY:
                said = _("Reply *pelatihan* to sign up for the training.")
                framed, buttons = f"{sender}\n\n{text}\n\n{said} {_(HOW_TO_STOP)}", ()
            return reply_to_dict(Reply(framed, buttons))
        body = " ".join(text.split())  # template parameters may not hold line breaks
        if button:
            body += " " + _("Reply *pelatihan* to sign up for the training.")
        return {
            "text": text,
            "template": {
                "name": self.template_name,
                "language": self.template_language,
                "parameters": [body],
            },
        }


def record_outcomes(session: Session, outcomes: Sequence[tuple[int, str]]) -> None:
    """The sender's results for lane rows (outbox id, outbox status), in its transaction."""
    rows = [{"o_id": o, "v_state": STATES[s]} for o, s in outcomes if s in STATES]
    if not rows:
        return
    table = cast(Table, Delivery.__table__)
    session.execute(
        update(table)
        .where(table.c.outbox_id == bindparam("o_id"), table.c.state == "queued")
        .values(state=bindparam("v_state"), updated_at=utcnow()),
        rows,
        execution_options=PLAIN_UPDATE,
    )


def record_receipt(session: Session, *, platform_id: str, status: str) -> bool:
    """A WhatsApp status webhook (delivered, read, failed) moves the delivery forward."""
    outbox_id = session.scalar(
        select(OutboxMessage.id).where(
            OutboxMessage.platform_message_id == platform_id, OutboxMessage.lane == LANE
        )
    )
    if outbox_id is None:
        return False
    delivery = session.scalars(select(Delivery).where(Delivery.outbox_id == outbox_id)).first()
    if delivery is None:
        return False
    if status == "failed":
        delivery.state = "failed"
    elif RANK.get(status, -1) > RANK.get(delivery.state, 99):
        delivery.state = status
    else:
        return False
    delivery.updated_at = utcnow()
    return True
