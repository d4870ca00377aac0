"""Opt-in and opt-out: a contact's subscription to their village's news, and what stopping or
erasing does to announcements not yet sent to them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bot.announcements.audience import REACHABLE, district_of
from bot.announcements.models import Announcement, Delivery, Subscription
from bot.lane import LANE
from bot.store.models import Contact, OutboxMessage

PLAIN_UPDATE = {"synchronize_session": False}


def can_subscribe(contact: Contact) -> bool:
    return contact.channel in REACHABLE and contact.erased_at is None


def subscription_of(session: Session, contact_id: int) -> Subscription | None:
    return session.scalars(
        select(Subscription)
        .where(Subscription.contact_id == contact_id, Subscription.ended_at.is_(None))
        .order_by(Subscription.id.desc())
    ).first()


def subscribe(
    session: Session, *, contact: Contact, village_code: str, now: datetime
) -> Subscription:
    """Subscribes the contact to one village's news (a new village replaces the old one)."""
    current = subscription_of(session, contact.id)
    if current is not None and current.village_code == village_code:
        return current
    if current is not None:
        current.ended_at = now
    row = Subscription(
        contact_id=contact.id,
        village_code=village_code,
        district_code=district_of(village_code),
        started_at=now,
    )
    session.add(row)
    contact.village_code = contact.village_code or village_code
    session.flush()
    return row


def unsubscribe(session: Session, *, contact: Contact, now: datetime) -> bool:
    """Ends the subscription at once: what is not yet sent to this contact is skipped."""
    current = subscription_of(session, contact.id)
    if current is None:
        return False
    session.execute(
        update(Subscription)
        .where(Subscription.contact_id == contact.id, Subscription.ended_at.is_(None))
        .values(ended_at=now),
        execution_options=PLAIN_UPDATE,
    )
    skip_unsent(session, Delivery.contact_id == contact.id, now)
    return True


def forget(session: Session, *, contact_id: int) -> None:
    """ "Hapus data saya": the subscriptions and the deliveries not yet sent are deleted."""
    pending = select(Delivery.outbox_id).where(
        Delivery.contact_id == contact_id, Delivery.state == "queued"
    )
    session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.id.in_(pending),
            OutboxMessage.lane == LANE,
            OutboxMessage.status == "pending",
        ),
        execution_options=PLAIN_UPDATE,
    )
    session.execute(
        delete(Delivery).where(Delivery.contact_id == contact_id, Delivery.state == "queued"),
        execution_options=PLAIN_UPDATE,
    )
    session.execute(
        delete(Subscription).where(Subscription.contact_id == contact_id),
        execution_options=PLAIN_UPDATE,
    )


def skip_unsent(session: Session, which: object, now: datetime) -> None:
    """Deliveries still queued become skipped, and so do their outbox rows not yet leased by
    a sender (a row being sent at this moment finishes and is counted as sent)."""
    queued = select(Delivery.outbox_id).where(which, Delivery.state == "queued")  # type: ignore[arg-type]
    session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id.in_(queued),
            OutboxMessage.lane == LANE,
            OutboxMessage.status == "pending",
        )
        .values(status="skipped"),
        execution_options=PLAIN_UPDATE,
    )
    in_flight = select(OutboxMessage.id).where(
        OutboxMessage.lane == LANE, OutboxMessage.status == "sending"
    )
    session.execute(
        update(Delivery)
        .where(
            which,  # type: ignore[arg-type]
            Delivery.state == "queued",
            (Delivery.outbox_id.is_(None)) | (Delivery.outbox_id.not_in(in_flight)),
        )
        .values(state="skipped", updated_at=now),
        execution_options=PLAIN_UPDATE,
    )


def news_received(session: Session, contact_id: int, limit: int = 3) -> list[Announcement]:
    """The announcements last sent to this contact, newest first (what "ada berita apa?" is
    answered with)."""
    return list(
        session.scalars(
            select(Announcement)
            .join(Delivery, Delivery.announcement_id == Announcement.id)
            .where(Delivery.contact_id == contact_id, Delivery.state.in_(RECEIVED))
            .order_by(Delivery.updated_at.desc(), Announcement.id.desc())
            .limit(limit)
        )
    )


RECEIVED = ("sent", "delivered", "read")
"""Delivery states of a message that left for the contact."""
