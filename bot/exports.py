"""Registrations and cases as flat rows for the skill centre and the district office."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.store.models import Case, Registration
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
    "reporter",
    "worker_name",
    "country",
    "city",
    "village_code",
    "village",
    "subdistrict",
    "district",
    "escalation_level",
    "story",
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
    for case in session.scalars(query):
        yield {
            "number": case.number,
            "created_at": case.created_at.isoformat(),
            "status": case.status,
            "urgent": case.urgent,
            "category": case.category,
            "reporter": case.reporter,
            "worker_name": case.worker_name or "",
            "country": case.country,
            "city": case.city or "",
            "village_code": case.village_code,
            **_place(villages, case.village_code),
            "escalation_level": case.escalation_level,
            "story": case.story,
        }
