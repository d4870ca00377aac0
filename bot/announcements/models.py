"""Subscriptions to a village's news, announcements, and one delivery row per recipient.

A delivery names its contact, not a phone number or chat id: the address is read from the
contact when the delivery goes to the outbox, so erasing a contact leaves nothing to scrub here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.models import Base, utcnow

LEVELS = ("village", "district", "province")
STATUSES = ("draft", "awaiting_approval", "scheduled", "sending", "sent", "cancelled")
STATES = ("queued", "sent", "delivered", "read", "failed", "skipped")
BUTTONS = ("training",)
"""What an announcement's one button may start: the commands a family can already type."""


class Subscription(Base):
    """A contact's opt-in to their village's news; `ended_at` is set by "berhenti"."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        Index("ix_subscriptions_village", "village_code", "ended_at"),
        Index("ix_subscriptions_district", "district_code", "ended_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    village_code: Mapped[str] = mapped_column(String(16))
    district_code: Mapped[str] = mapped_column(String(8))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]


class Announcement(Base):
    """An officer's message to the subscribers of an area, with its approval and schedule."""

    __tablename__ = "announcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("officers.id", ondelete="SET NULL"), index=True
    )
    level: Mapped[str] = mapped_column(String(12))
    area_codes: Mapped[list[str]] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text)
    button: Mapped[str | None] = mapped_column(String(16))
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id", ondelete="SET NULL"))
    approved_at: Mapped[datetime | None]
    scheduled_at: Mapped[datetime | None]
    queued_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    cancelled_by: Mapped[int | None] = mapped_column(Integer)
    cancelled_at: Mapped[datetime | None]
    recipients: Mapped[int] = mapped_column(Integer, default=0)
    """How many deliveries were queued when it went out."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Delivery(Base):
    """One recipient of one announcement; `outbox_id` is set once it is handed to the outbox."""

    __tablename__ = "announcement_deliveries"
    __table_args__ = (
        Index("ix_deliveries_announcement_state", "announcement_id", "state"),
        Index("ix_deliveries_contact_state", "contact_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(12), default="queued")
    outbox_id: Mapped[int | None] = mapped_column(Integer, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
