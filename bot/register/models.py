"""Register entries and their history; personal fields are erasable, counts survive erasure."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.store.models import Base, utcnow

STATUSES = ("planned", "departed", "returned", "cancelled")
SOURCES = ("chat", "officer", "import", "demo")


class RegisterEntry(Base):
    """One worker's departure: recorded by the worker, a family member or an officer."""

    __tablename__ = "register_entries"
    __table_args__ = (
        Index("ix_register_village_status", "village_code", "status"),
        Index("ix_register_district_status", "district_code", "status"),
        Index("ix_register_departed", "departed_on"),
        Index("ix_register_returned", "returned_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    """Who recorded it in the chat (the worker or a family member); None for office entries."""
    reporter_relation: Mapped[str | None] = mapped_column(String(32))
    worker_name: Mapped[str | None] = mapped_column(String(200))
    village_code: Mapped[str] = mapped_column(String(16))
    district_code: Mapped[str] = mapped_column(String(8))
    sex: Mapped[str | None] = mapped_column(String(8))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str] = mapped_column(String(64))
    city: Mapped[str | None] = mapped_column(String(120))
    sector: Mapped[str | None] = mapped_column(String(32))
    job: Mapped[str | None] = mapped_column(String(120))
    company_name: Mapped[str | None] = mapped_column(String(200))
    """The placement company as typed; checked against the province's licence list when loaded."""
    planned_departure: Mapped[date | None] = mapped_column(Date)
    departed_on: Mapped[date | None] = mapped_column(Date)
    returned_on: Mapped[date | None] = mapped_column(Date)
    contract_months: Mapped[int | None] = mapped_column(Integer)
    contact_abroad: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="planned")
    source: Mapped[str] = mapped_column(String(16), default="chat")
    consent_at: Mapped[datetime | None]
    verified_by: Mapped[int | None] = mapped_column(Integer)
    verified_at: Mapped[datetime | None]
    anonymised: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    events: Mapped[list[RegisterEvent]] = relationship(
        back_populates="entry", order_by="RegisterEvent.id", cascade="all, delete-orphan"
    )


class RegisterEvent(Base):
    """Each change to an entry (recorded, departed, returned, moved employer, verified, edited)."""

    __tablename__ = "register_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("register_entries.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(24))
    actor: Mapped[str] = mapped_column(String(64))
    body: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    entry: Mapped[RegisterEntry] = relationship(back_populates="events")
