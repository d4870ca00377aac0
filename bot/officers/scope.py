"""Which cases each officer sees, and who is told of a village's case: every case query is
scoped through here."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, false, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from bot.store.models import Case, Officer, OfficerVillage


def within_area(
    query: Select[Any],
    officer: Officer,
    district: InstrumentedAttribute[str],
    village: InstrumentedAttribute[str],
) -> Select[Any]:
    """Only the rows of the officer's area, by their district and village columns: the
    officer's villages, a supervisor's district, or the whole province for an admin. Cases and
    register entries are scoped alike."""
    if officer.role == "admin":
        return query
    if officer.role == "supervisor":
        return query.where(district == (officer.district_code or "-"))
    codes = officer.village_codes
    if not codes:
        return query.where(false())
    return query.where(village.in_(codes))


def scope(query: Select[Any], officer: Officer) -> Select[Any]:
    """Only the cases of the officer's area; a village's officers do not see the cases its
    reporters asked to keep from the village (`Case.village_hidden`)."""
    query = within_area(query, officer, Case.district_code, Case.village_code)
    if officer.role not in ("admin", "supervisor"):
        query = query.where(Case.village_hidden.is_(False))
    return query


def sees_case(officer: Officer, case: Case) -> bool:
    """Whether an officer who sees the case's area also sees this case (`scope`)."""
    return officer.role in ("admin", "supervisor") or not case.village_hidden


def visible_case(session: Session, officer: Officer, case_id: int) -> Case | None:
    query = scope(select(Case).where(Case.id == case_id), officer).options(
        selectinload(Case.events)
    )
    return session.scalars(query).first()


def officers_for_village(session: Session, village_code: str) -> list[Officer]:
    return list(
        session.scalars(
            select(Officer)
            .join(OfficerVillage)
            .where(
                OfficerVillage.village_code == village_code,
                Officer.active.is_(True),
                Officer.role == "officer",
            )
        )
    )


def supervisors_for(session: Session, district_code: str) -> list[Officer]:
    return list(
        session.scalars(
            select(Officer).where(
                Officer.role == "supervisor",
                Officer.district_code == district_code,
                Officer.active.is_(True),
            )
        )
    )


def admins(session: Session) -> list[Officer]:
    return list(
        session.scalars(select(Officer).where(Officer.role == "admin", Officer.active.is_(True)))
    )
