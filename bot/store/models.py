"""Database tables. State lives here, keyed by (channel, user), never in a chat library."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC and always returns an aware datetime, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON}


class Contact(Base):
    """A person on one channel. Personal fields are erasable (`erased_at`)."""

    __tablename__ = "contacts"
    __table_args__ = (
        UniqueConstraint("channel", "channel_user_id", name="uq_contact_channel_user"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    channel_user_id: Mapped[str] = mapped_column(String(128))
    display_name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(2), default="id")
    village_code: Mapped[str | None] = mapped_column(String(16))
    consent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    erased_at: Mapped[datetime | None]


class Conversation(Base):
    """Where a contact stands in a flow; `data` holds the answers given so far."""

    __tablename__ = "conversations"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    flow: Mapped[str | None] = mapped_column(String(32))
    step: Mapped[str | None] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    parked: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Message(Base):
    """The message log, inbound and outbound; bodies are dropped after the retention period."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("channel", "direction", "platform_id", name="uq_message_platform_id"),
        Index("ix_messages_contact_created", "contact_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str] = mapped_column(String(3))
    platform_id: Mapped[str | None] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16), default="text")
    body: Mapped[str | None] = mapped_column(Text)
    media_ref: Mapped[str | None] = mapped_column(String(256))
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    handled_at: Mapped[datetime | None]


class TrainingProgramme(Base):
    """A course on offer, mirrored from knowledge/content/training.yaml."""

    __tablename__ = "training_programmes"

    slug: Mapped[str] = mapped_column(String(64), primary_key=True)
    title_id: Mapped[str] = mapped_column(String(120))
    title_en: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Registration(Base):
    __tablename__ = "registrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    programme_slug: Mapped[str] = mapped_column(ForeignKey("training_programmes.slug"))
    name: Mapped[str] = mapped_column(String(200))
    birth_year: Mapped[int] = mapped_column(Integer)
    village_code: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(32))
    destination: Mapped[str | None] = mapped_column(String(64))
    education: Mapped[str | None] = mapped_column(String(32))
    sex: Mapped[str | None] = mapped_column(String(8))
    """Optional ("f", "m"): the province reports registrations by sex."""
    status: Mapped[str] = mapped_column(String(16), default="registered")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    programme: Mapped[TrainingProgramme] = relationship()


class Case(Base):
    """A problem reported by a worker or family, routed by village to its officers."""

    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_status_village", "status", "village_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    """Indexed: each message of a contact without an open report looks for one resolved lately
    (bot.flows.case_thread), beside the open-report lookup."""
    reporter: Mapped[str] = mapped_column(String(16))
    worker_name: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(64))
    city: Mapped[str | None] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(32))
    """The main problem, for routing and the queue; `categories` holds every one named."""
    categories: Mapped[list[str] | None] = mapped_column(JSON)
    reporter_relation: Mapped[str | None] = mapped_column(String(32))
    register_entry_id: Mapped[int | None] = mapped_column(Integer, index=True)
    """The worker's entry in the village register (bot.register), when the case is about one."""
    story: Mapped[str] = mapped_column(Text)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    village_code: Mapped[str] = mapped_column(String(16))
    district_code: Mapped[str] = mapped_column(String(8))
    share_consent: Mapped[bool] = mapped_column(Boolean, default=True)
    village_hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    """The reporter asked that the village's officers not see it (the broker is kin of the
    village head): the district's officers and the province's administrators handle it."""
    status: Mapped[str] = mapped_column(String(16), default="new")
    officer_id: Mapped[int | None] = mapped_column(Integer, index=True)
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    escalated_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(Text)
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    reopened_at: Mapped[datetime | None]
    """When the family wrote back about it after it was resolved and it opened again: an
    unclaimed reopened case waits for escalation from then, not from its first day."""
    story_read: Mapped[bool] = mapped_column(Boolean, default=False)
    """The story is a message the assistant read and answered before the report was opened
    from it: an officer's review of this case measures the assistant on a real message."""
    assistant_reply: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """What the assistant's first reply to that message gave: the topics answered and offered,
    and whether it was the danger reply (bot.engine.replied)."""
    review_topics: Mapped[list[str] | None] = mapped_column(JSON)
    """The topics an officer says would have helped with the story (empty: none, the message
    is outside the service); None until reviewed."""
    review_danger: Mapped[bool | None] = mapped_column(Boolean)
    """Whether, in the officer's judgement, someone was in danger now when the story was sent."""
    reviewed_by: Mapped[int | None] = mapped_column(Integer)
    reviewed_at: Mapped[datetime | None]

    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by="CaseEvent.id", cascade="all, delete-orphan"
    )


class CaseEvent(Base):
    """Every step in a case's life, for the thread and the audit trail."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    actor: Mapped[str] = mapped_column(String(64))
    body: Mapped[str | None] = mapped_column(Text)
    media_ref: Mapped[str | None] = mapped_column(String(256))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(back_populates="events")


class OutboxMessage(Base):
    """A reply waiting to be delivered; written in the same transaction as the state change."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "status", "next_attempt_at"),
        Index("ix_outbox_chat", "channel", "recipient", "id"),
        Index("ix_outbox_lane", "lane", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    channel: Mapped[str] = mapped_column(String(16))
    recipient: Mapped[str] = mapped_column(String(128))
    payload: Mapped[dict[str, Any]] = mapped_column()
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    platform_message_id: Mapped[str | None] = mapped_column(String(128), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    lane: Mapped[str] = mapped_column(String(12), default="reply", server_default="reply")
    """"reply" for people chatting now; "announce" rows go after them, at their own rate."""


class Officer(Base):
    """A village officer, district supervisor or provincial admin."""

    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    api_token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="officer")
    district_code: Mapped[str | None] = mapped_column(String(8), index=True)
    telegram_chat_id: Mapped[str | None] = mapped_column(String(64), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    villages: Mapped[list[OfficerVillage]] = relationship(
        back_populates="officer", cascade="all, delete-orphan"
    )

    @property
    def village_codes(self) -> list[str]:
        return [v.village_code for v in self.villages]


class OfficerVillage(Base):
    __tablename__ = "officer_villages"

    officer_id: Mapped[int] = mapped_column(
        ForeignKey("officers.id", ondelete="CASCADE"), primary_key=True
    )
    village_code: Mapped[str] = mapped_column(String(16), primary_key=True, index=True)

    officer: Mapped[Officer] = relationship(back_populates="villages")


class OfficerSession(Base):
    """A dashboard login; the cookie holds a random token, the table only its hash."""

    __tablename__ = "officer_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id", ondelete="CASCADE"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class OfficerAudit(Base):
    """Sign-ins, failed attempts and credential changes, for an admin checking a leaked password.

    A username that matches no officer is kept as "?": people type passwords into that field."""

    __tablename__ = "officer_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    officer_id: Mapped[int | None] = mapped_column(
        ForeignKey("officers.id", ondelete="SET NULL"), index=True
    )
    username: Mapped[str] = mapped_column(String(64))
    event: Mapped[str] = mapped_column(String(24))
    address: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class LoginAttempt(Base):
    """A dashboard login attempt, shared by every worker: failures throttle, successes mark an
    address as known-good for the account. Addresses are kept only as SHA-256 digests."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_user_at", "username", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    address_hash: Mapped[str] = mapped_column(String(64), index=True)
    ok: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
