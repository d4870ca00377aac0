"""Company and job-order lists as the province loads them; every import is kept, so an answer
can say which list (and which date) it rests on."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.models import Base, utcnow

KINDS = ("companies", "joborders")
STATUSES = ("active", "suspended", "revoked")


class CompanyList(Base):
    """One import of a list. The newest `current` one of each kind is the list answers use;
    older ones stay for the record."""

    __tablename__ = "company_lists"
    __table_args__ = (Index("ix_company_lists_kind_current", "kind", "current"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    list_date: Mapped[date] = mapped_column(Date)
    """The date the list itself carries (as the office published it), not the upload time."""
    source: Mapped[str | None] = mapped_column(String(200))
    filename: Mapped[str | None] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(64))
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    current: Mapped[bool] = mapped_column(Boolean, default=False)


class Company(Base):
    """A licensed placement company (P3MI) as one list names it."""

    __tablename__ = "companies"
    __table_args__ = (Index("ix_companies_list_key", "list_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("company_lists.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200))
    """The name normalised for matching (legal forms, spelling variants and spacing folded)."""
    licence_number: Mapped[str] = mapped_column(String(100))
    licence_date: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    head_office: Mapped[str | None] = mapped_column(String(300))
    branch_offices: Mapped[str | None] = mapped_column(String(2000))
    """Branch offices as the list gives them, separated by ';'."""
    status: Mapped[str] = mapped_column(String(16))
    status_date: Mapped[date | None] = mapped_column(Date)


class JobOrder(Base):
    """A company's job order for a destination country, from one job-order list."""

    __tablename__ = "job_orders"
    __table_args__ = (Index("ix_job_orders_list_key", "list_id", "company_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("company_lists.id", ondelete="CASCADE"))
    company_name: Mapped[str] = mapped_column(String(200))
    company_key: Mapped[str] = mapped_column(String(200))
    """Joins the job order to a company of the current company list by normalised name."""
    country: Mapped[str] = mapped_column(String(64))
    position: Mapped[str] = mapped_column(String(200))
    places: Mapped[int | None] = mapped_column(Integer)
    valid_until: Mapped[date] = mapped_column(Date)
