"""Delivery for synchronous channels (terminal, web chat): read rows, hand over, mark sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.store.models import OutboxMessage
from bot.types import Reply, reply_from_dict


def take(session: Session, ids: Sequence[int], *, now: datetime) -> list[Reply]:
    """The replies of these outbox rows, in order, marked sent in the caller's transaction."""
    if not ids:
        return []
    rows = session.scalars(
        select(OutboxMessage).where(OutboxMessage.id.in_(list(ids))).order_by(OutboxMessage.id)
    ).all()
    for row in rows:
        row.status = "sent"
        row.sent_at = now
        row.attempts += 1
    return [reply_from_dict(r.payload) for r in rows]


def take_pending_for(
    session: Session, *, channel: str, recipient: str, now: datetime, after_id: int = 0
) -> list[tuple[int, Reply]]:
    """Replies waiting for a chat that polls (the web page), e.g. an officer's later answer."""
    rows = session.scalars(
        select(OutboxMessage)
        .where(
            OutboxMessage.channel == channel,
            OutboxMessage.recipient == recipient,
            OutboxMessage.status == "pending",
            OutboxMessage.id > after_id,
        )
        .order_by(OutboxMessage.id)
    ).all()
    for row in rows:
        row.status = "sent"
        row.sent_at = now
        row.attempts += 1
    return [(r.id, reply_from_dict(r.payload)) for r in rows]
