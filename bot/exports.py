"""Registrations and cases as flat rows for the skill centre and the district office."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cases.contact import reachable_at
from bot.store.models import Case, CaseEvent, Officer, Registration
from knowledge.villages import VillageDirectory

REGISTRATION_COLUMNS = (
    "code",
    "created_at",
    "programme",
    "name",
    "birth_year",
    "phone",
    "destination",
    "education",
    "sex",
    "village_code",
    "village",
    "subdistrict",
    "district",
    "status",
)
CASE_COLUMNS = (
    "number",
    "created_at",
    "status",
    "urgent",
    "category",
    "categories",
    "reporter",
    "reporter_relation",
    "contact",
    "worker_name",
    "country",
    "city",
    "village_code",
    "village",
    "subdistrict",
    "district",
    "escalation_level",
    "village_hidden",
    "story",
    "outcome",
    "officer",
    "first_response_minutes",
    "resolution_minutes",
)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A cell a spreadsheet shows as text: a leading =, +, -, @, tab or CR would make Excel or
    LibreOffice run a family's story or a typed city as a formula, so it gets a quote first."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(stream: TextIO, columns: Sequence[str], rows: Iterable[dict[str, object]]) -> None:
    """Every CSV the service writes goes through here, so no cell can become a formula."""
    writer = csv.DictWriter(stream, fieldnames=list(columns))
    writer.writeheader()
    for row in rows:
        writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})


def _place(villages: VillageDirectory, code: str | None) -> dict[str, str]:
    village = villages.get(code or "")
    if village is None:
        return {"village": "", "subdistrict": "", "district": ""}
    return {
        "village": village.name,
        "subdistrict": village.subdistrict,
        "district": village.district,
    }


def registration_rows(session: Session, villages: VillageDirectory) -> Iterator[dict[str, object]]:
    for reg in session.scalars(select(Registration).order_by(Registration.id)):
        yield {
            "code": reg.code,
            "created_at": reg.created_at.isoformat(),
            "programme": reg.programme_slug,
            "name": reg.name,
            "birth_year": reg.birth_year,
            "phone": reg.phone or "",
            "destination": reg.destination or "",
            "education": reg.education or "",
            "sex": reg.sex or "",
            "village_code": reg.village_code,
            **_place(villages, reg.village_code),
            "status": reg.status,
        }


def case_rows(
    session: Session, villages: VillageDirectory, district_code: str | None = None
) -> Iterator[dict[str, object]]:
    query = select(Case).order_by(Case.id)
    if district_code:
        query = query.where(Case.district_code == district_code)
    officers = {o.id: o.name for o in session.scalars(select(Officer))}
    for case in session.scalars(query):
        yield {
            "number": case.number,
            "created_at": case.created_at.isoformat(),
            "status": case.status,
            "urgent": case.urgent,
            "category": case.category,
            "categories": " ".join(case.categories or [case.category]),
            "reporter": case.reporter,
            "reporter_relation": case.reporter_relation or "",
            "contact": reachable_at(session, case),
            "worker_name": case.worker_name or "",
            "country": case.country,
            "city": case.city or "",
            "village_code": case.village_code,
            **_place(villages, case.village_code),
            "escalation_level": case.escalation_level,
            "village_hidden": case.village_hidden,
            "story": case.story,
            "outcome": case.outcome or "",
            "officer": officers.get(case.officer_id or 0, ""),
            "first_response_minutes": _minutes(case.created_at, first_reply_at(session, case)),
            "resolution_minutes": _minutes(case.created_at, case.resolved_at),
        }


def first_reply_at(session: Session, case: Case) -> datetime | None:
    """The first time an officer wrote to the family (a reply), for response-time reports."""
    return session.scalars(
        select(CaseEvent.created_at)
        .where(CaseEvent.case_id == case.id, CaseEvent.kind == "reply")
        .order_by(CaseEvent.id)
        .limit(1)
    ).first()


def _minutes(start: datetime, end: datetime | None) -> int | str:
    return "" if end is None else int((end - start).total_seconds() // 60)
