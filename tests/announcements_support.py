"""Subscribers and announcements for tests, written the way the chat and the dashboard do."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from bot.announcements import service
from bot.announcements.models import Announcement, Delivery
from bot.store.db import transaction
from bot.store.models import Contact, Officer, utcnow
from migran.services import Services


def subscriber(
    services: Services,
    user: str,
    village: str,
    *,
    channel: str = "whatsapp",
    last_seen: datetime | None = None,
    language: str = "id",
) -> int:
    """A contact who typed "info desa" for `village` (last wrote at `last_seen`, default now)."""
    now = utcnow()
    with transaction(services.factory) as session:
        contact = Contact(
            channel=channel,
            channel_user_id=user,
            language=language,
            created_at=now,
            last_seen_at=last_seen or now,
            village_code=village,
        )
        session.add(contact)
        session.flush()
        service.subscribe(session, contact=contact, village_code=village, now=now)
        return contact.id


def announce(
    services: Services,
    officer_id: int,
    text: str,
    codes: list[str],
    *,
    level: str = "village",
    button: str | None = None,
) -> int:
    """Composed and sent by the officer (above a village it then waits for approval)."""
    now = utcnow()
    with transaction(services.factory) as session:
        officer = session.get(Officer, officer_id)
        assert officer is not None
        row = service.compose(
            session,
            officer=officer,
            level=level,
            codes=codes,
            text=text,
            button=button,
            now=now,
        )
        service.send(session, announcement=row, officer=officer, now=now)
        return row.id


def states(services: Services, announcement_id: int) -> dict[int, str]:
    """Delivery state per contact id."""
    with services.factory() as session:
        return dict(
            session.execute(
                select(Delivery.contact_id, Delivery.state).where(
                    Delivery.announcement_id == announcement_id
                )
            ).all()
        )


def status(services: Services, announcement_id: int) -> str:
    with services.factory() as session:
        row = session.get(Announcement, announcement_id)
        assert row is not None
        return row.status


def days_ago(days: float) -> datetime:
    return utcnow() - timedelta(days=days)
