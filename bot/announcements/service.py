"""Announcements: opt-in and opt-out, composing within one's area, approval, schedule, cancel.

The chat and the dashboard reach the domain only through these functions. Every officer action
is audited (`bot.officers.audit`). A district- or province-wide announcement needs a second
officer's approval: a supervisor of that district or an admin for a district, an admin for the
province.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.announcements import audience as audiences
from bot.announcements.audience import REACHABLE, Audience, district_of
from bot.announcements.models import BUTTONS, LEVELS, Announcement, Delivery, Subscription
from bot.lane import LANE
from bot.officers import audit
from bot.store.models import Contact, Officer, OutboxMessage

log = logging.getLogger(__name__)

MAX_TEXT = 1000
PLAIN_UPDATE = {"synchronize_session": False}
OPEN = ("draft", "awaiting_approval", "scheduled", "sending")


class AnnouncementError(ValueError):
    """An action that cannot be done; `code` is what the dashboard shows (a fixed set)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


# -- subscriptions -------------------------------------------------------------------------
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
    _skip_unsent(session, Delivery.contact_id == contact.id, now)
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


def _skip_unsent(session: Session, which: object, now: datetime) -> None:
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


# -- areas ---------------------------------------------------------------------------------
def levels_for(officer: Officer) -> tuple[str, ...]:
    """Village for officers; district for supervisors; the province for admins."""
    if officer.role == "admin":
        return LEVELS
    if officer.role == "supervisor":
        return ("village", "district")
    return ("village",)


def in_area(officer: Officer, level: str, codes: list[str]) -> bool:
    """Whether the officer may address these places (scoping, as `bot.officers.scope`)."""
    if level not in levels_for(officer):
        return False
    if level == "province":
        return True
    if not codes:
        return False
    if officer.role == "admin":
        return True
    if officer.role == "supervisor":
        mine = officer.district_code or "-"
        return all((c if level == "district" else district_of(c)) == mine for c in codes)
    return all(c in officer.village_codes for c in codes)


def needs_approval(announcement: Announcement) -> bool:
    return announcement.level in ("district", "province")


def may_approve(officer: Officer, announcement: Announcement) -> bool:
    if officer.id == announcement.author_id:
        return False
    if announcement.level == "province":
        return officer.role == "admin"
    if announcement.level == "district":
        return officer.role == "admin" or (
            officer.role == "supervisor"
            and all(c == officer.district_code for c in announcement.area_codes)
        )
    return in_area(officer, announcement.level, announcement.area_codes)


def may_see(officer: Officer, announcement: Announcement) -> bool:
    return (
        officer.id == announcement.author_id
        or in_area(officer, announcement.level, announcement.area_codes)
        or may_approve(officer, announcement)
    )


def visible(session: Session, officer: Officer, limit: int = 100) -> list[Announcement]:
    """The newest announcements of the officer's area (and their own), newest first."""
    rows = session.scalars(
        select(Announcement).order_by(Announcement.id.desc()).limit(limit * 5)
    ).all()
    return [a for a in rows if may_see(officer, a)][:limit]


# -- lifecycle -----------------------------------------------------------------------------
def compose(
    session: Session,
    *,
    officer: Officer,
    level: str,
    codes: list[str],
    text: str,
    button: str | None = None,
    course: str | None = None,
    country: str | None = None,
    now: datetime,
) -> Announcement:
    """A draft; nothing is sent until `send` (and, above a village, an approval)."""
    text = text.strip().replace("\r\n", "\n")
    if not text:
        raise AnnouncementError("empty")
    if len(text) > MAX_TEXT:
        raise AnnouncementError("too-long")
    if button is not None and button not in BUTTONS:
        raise AnnouncementError("button")
    if not in_area(officer, level, codes):
        raise AnnouncementError("outside-area")
    filters = {k: v for k, v in (("course", course), ("country", country)) if v}
    row = Announcement(
        author_id=officer.id,
        level=level,
        area_codes=list(codes) if level != "province" else [],
        text=text,
        button=button,
        filters=filters,
        status="draft",
        recipients=0,
        created_at=now,
    )
    session.add(row)
    session.flush()
    audit(session, "announcement_drafted", officer=officer, now=now)
    return row


def audience_of(announcement: Announcement) -> Audience:
    return Audience.of(announcement.level, announcement.area_codes, announcement.filters or {})


def count(session: Session, announcement: Announcement) -> int:
    return audiences.count(session, audience_of(announcement))


def send(
    session: Session,
    *,
    announcement: Announcement,
    officer: Officer,
    now: datetime,
    at: datetime | None = None,
) -> str:
    """The author sends (now or at `at`); above a village it waits for a second officer.
    Returns the new status."""
    if announcement.status != "draft":
        raise AnnouncementError("not-draft")
    if officer.id != announcement.author_id:
        raise AnnouncementError("not-author")
    if at is not None and at <= now:
        at = None
    announcement.scheduled_at = at
    if needs_approval(announcement):
        announcement.status = "awaiting_approval"
        audit(session, "announcement_submitted", officer=officer, now=now)
        return announcement.status
    audit(session, "announcement_sent", officer=officer, now=now)
    return _go(session, announcement, now)


def approve(
    session: Session, *, announcement: Announcement, officer: Officer, now: datetime
) -> str:
    if announcement.status != "awaiting_approval":
        raise AnnouncementError("not-awaiting")
    if officer.id == announcement.author_id:
        raise AnnouncementError("own")
    if not may_approve(officer, announcement):
        raise AnnouncementError("role")
    announcement.approver_id = officer.id
    announcement.approved_at = now
    audit(session, "announcement_approved", officer=officer, now=now)
    return _go(session, announcement, now)


def _go(session: Session, announcement: Announcement, now: datetime) -> str:
    if announcement.scheduled_at is not None and announcement.scheduled_at > now:
        announcement.status = "scheduled"
        return announcement.status
    start(session, announcement, now)
    return announcement.status


def start(session: Session, announcement: Announcement, now: datetime) -> int:
    """Queues one delivery per recipient; the delivery lane takes it from there."""
    announcement.status = "sending"
    announcement.queued_at = now
    session.flush()
    queued = audiences.queue(
        session, audience_of(announcement), announcement_id=announcement.id, now=now
    )
    announcement.recipients = queued
    if queued == 0:
        announcement.status = "sent"
        announcement.finished_at = now
    log.info("announcement %s queued for %s recipients", announcement.id, queued)
    return queued


def start_due(session: Session, *, now: datetime) -> int:
    """Scheduled announcements whose time has come start sending."""
    due = session.scalars(
        select(Announcement)
        .where(Announcement.status == "scheduled", Announcement.scheduled_at <= now)
        .order_by(Announcement.id)
    ).all()
    for announcement in due:
        start(session, announcement, now)
    return len(due)


def cancel(
    session: Session, *, announcement: Announcement, officer: Officer, now: datetime
) -> None:
    """Stops an announcement at once; deliveries not yet sent are skipped."""
    if announcement.status not in OPEN:
        raise AnnouncementError("finished")
    if officer.id != announcement.author_id and not may_approve(officer, announcement):
        raise AnnouncementError("role")
    announcement.status = "cancelled"
    announcement.cancelled_by = officer.id
    announcement.cancelled_at = now
    session.flush()
    _skip_unsent(session, Delivery.announcement_id == announcement.id, now)
    audit(session, "announcement_cancelled", officer=officer, now=now)


@dataclass(frozen=True)
class Progress:
    queued: int = 0
    sent: int = 0
    delivered: int = 0
    read: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.queued + self.sent + self.delivered + self.read + self.failed + self.skipped


def progress(session: Session, announcement_id: int) -> Progress:
    counts = dict(
        session.execute(
            select(Delivery.state, func.count())
            .where(Delivery.announcement_id == announcement_id)
            .group_by(Delivery.state)
        ).all()
    )
    return Progress(**{state: int(n) for state, n in counts.items()})


def finish_done(session: Session, *, now: datetime) -> int:
    """Announcements with nothing left queued are sent."""
    sending = session.scalars(select(Announcement).where(Announcement.status == "sending")).all()
    done = 0
    for announcement in sending:
        left = session.scalar(
            select(Delivery.id)
            .where(Delivery.announcement_id == announcement.id, Delivery.state == "queued")
            .limit(1)
        )
        if left is None:
            announcement.status = "sent"
            announcement.finished_at = now
            done += 1
    return done
