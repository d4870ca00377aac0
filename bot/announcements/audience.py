"""Who an announcement reaches: the active subscribers of an area, narrowed by filters.

Counting and queueing use the same query, so the number an officer sees before sending is the
number queued (give or take people who subscribe or stop in between). Queueing is one
INSERT … SELECT: 50,000 recipients never become ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Select, Table, exists, func, insert, literal, or_, select
from sqlalchemy.orm import Session

from bot.announcements.models import Delivery, Subscription
from bot.cases.categories import same_destination
from bot.register.models import RegisterEntry
from bot.registrations import REGISTERED
from bot.store.models import Case, Contact, Registration

REACHABLE = ("whatsapp", "telegram")
"""Channels that can carry a message to someone not chatting now. The web chat only shows
what its open page polls for, so web visitors are told to subscribe on WhatsApp or Telegram."""


def district_of(village_code: str) -> str:
    """'52.03.13.2001' → '52.03' (the kabupaten/kota)."""
    return ".".join(village_code.split(".")[:2])


@dataclass(frozen=True)
class Audience:
    level: str
    codes: tuple[str, ...] = ()
    course: str | None = None
    country: str | None = None

    @classmethod
    def of(cls, level: str, codes: list[str], filters: dict[str, Any]) -> Audience:
        return cls(level, tuple(codes), filters.get("course") or None, filters.get("country"))


def recipients(audience: Audience) -> Select[Any]:
    """The contact ids an announcement to this audience goes to, one row each."""
    query = (
        select(Contact.id)
        .join(Subscription, Subscription.contact_id == Contact.id)
        .where(
            Subscription.ended_at.is_(None),
            Contact.erased_at.is_(None),
            Contact.channel.in_(REACHABLE),
        )
    )
    if audience.level == "village":
        query = query.where(Subscription.village_code.in_(audience.codes))
    elif audience.level == "district":
        query = query.where(Subscription.district_code.in_(audience.codes))
    if audience.course:
        # those who withdrew asked not to be counted on for the course (bot/flows/withdrawal.py)
        query = query.where(
            exists().where(
                Registration.contact_id == Contact.id,
                Registration.programme_slug == audience.course,
                Registration.status == REGISTERED,
            )
        )
    if audience.country:
        countries = same_destination(audience.country)
        query = query.where(
            or_(
                exists().where(
                    Registration.contact_id == Contact.id,
                    Registration.destination.in_(countries),
                ),
                # a report kept from the village says nothing to any announcement (an
                # officer-side tester, stop 48: it alone put a family in a village's audience)
                exists().where(
                    Case.contact_id == Contact.id,
                    Case.country.in_(countries),
                    Case.village_hidden.is_(False),
                ),
                exists().where(
                    RegisterEntry.contact_id == Contact.id, RegisterEntry.country.in_(countries)
                ),
            )
        )
    return query


def count(session: Session, audience: Audience) -> int:
    total = session.scalar(select(func.count()).select_from(recipients(audience).subquery()))
    return int(total or 0)


def queue(session: Session, audience: Audience, *, announcement_id: int, now: datetime) -> int:
    """One delivery row per recipient, written by the database in one statement, numbered in
    the order the contacts first wrote: the lane sends by that number, so those who joined
    first hear first, the same on every engine (PostgreSQL's join order is the heap's, which
    deleted and updated rows shuffle)."""
    chosen = (
        recipients(audience)
        .with_only_columns(
            literal(announcement_id),
            Contact.id,
            literal("queued"),
            literal(now, type_=Delivery.__table__.c.updated_at.type),
        )
        .order_by(Contact.id)
    )
    table = cast(Table, Delivery.__table__)
    session.execute(
        insert(table).from_select(["announcement_id", "contact_id", "state", "updated_at"], chosen)
    )
    queued = session.scalar(select(func.count()).where(table.c.announcement_id == announcement_id))
    return int(queued or 0)
