"""Announcements: opt-in and opt-out, composing within one's area, approval, schedule, cancel.

The chat and the dashboard reach the domain only through these functions. Every officer action
is audited (`bot.officers.audit.audit`). A district- or province-wide announcement needs a second
officer's approval: a supervisor of that district or an admin for a district, an admin for the
province.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.announcements import audience as audiences
from bot.announcements.audience import Audience
from bot.announcements.models import BUTTONS, Announcement, Delivery
from bot.announcements.scope import in_area, levels_for, may_approve, may_see, needs_approval
from bot.announcements.subscriptions import (
    PLAIN_UPDATE,
    can_subscribe,
    forget,
    news_received,
    skip_unsent,
    subscribe,
    subscription_of,
    unsubscribe,
)
from bot.i18n import translator
from bot.officers.audit import audit
from bot.store.models import Officer

log = logging.getLogger(__name__)

__all__ = [  # the domain's surface, subscriptions and scope included
    "MAX_TEXT",
    "PLAIN_UPDATE",
    "AnnouncementError",
    "Progress",
    "approve",
    "can_subscribe",
    "cancel",
    "compose",
    "count",
    "finish_done",
    "forget",
    "in_area",
    "levels_for",
    "may_approve",
    "may_see",
    "needs_approval",
    "news_received",
    "progress",
    "send",
    "start",
    "start_due",
    "subscribe",
    "subscription_of",
    "unsubscribe",
    "visible",
]
MAX_TEXT = 1000
OPEN = ("draft", "awaiting_approval", "scheduled", "sending")


class AnnouncementError(ValueError):
    """An action that cannot be done; `code` is what the dashboard shows (a fixed set)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


# -- lifecycle -----------------------------------------------------------------------------
def visible(session: Session, officer: Officer, limit: int = 100) -> list[Announcement]:
    """The newest announcements of the officer's area (and their own), newest first."""
    rows = session.scalars(
        select(Announcement).order_by(Announcement.id.desc()).limit(limit * 5)
    ).all()
    return [a for a in rows if may_see(officer, a)][:limit]


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
        tell_approvers(session, announcement, author=officer)
        return announcement.status
    audit(session, "announcement_sent", officer=officer, now=now)
    return _go(session, announcement, now)


def approvers(session: Session, announcement: Announcement) -> list[Officer]:
    """Active officers who may approve it (admins; for a district, also its supervisor)."""
    candidates = session.scalars(
        select(Officer)
        .where(Officer.active.is_(True), Officer.role.in_(("admin", "supervisor")))
        .order_by(Officer.id)
    )
    return [o for o in candidates if may_approve(o, announcement)]


def tell_approvers(session: Session, announcement: Announcement, *, author: Officer) -> int:
    """A Telegram message to each approver who linked a chat: an announcement that waits
    unseen in the dashboard reaches nobody. Returns how many were told."""
    from bot.cases.service import notify

    _ = translator("id")
    told = 0
    for approver in approvers(session, announcement):
        if not approver.telegram_chat_id:
            continue
        text = _(
            "An announcement by {author} waits for your approval ({area}):\n{text}\n\n"
            "Open Announcements in the dashboard to approve it."
        ).format(
            author=author.name,
            area=_("all of NTB") if announcement.level == "province" else _("a district"),
            text=announcement.text[:300],
        )
        notify(session, approver, text)
        told += 1
    return told


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
    skip_unsent(session, Delivery.announcement_id == announcement.id, now)
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
