"""The register as flat rows (CSV, JSONL, XLSX) for the village and district offices.

The contact abroad is left out: it is there for an officer helping in an emergency, and
the entry page shows it to the officers of that area; a file that travels by e-mail or USB
stick does not need it. Who recorded it in the chat (the contact) is left out for the same
reason; the relation ("ibu", "self") stays."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.register.models import RegisterEntry
from bot.register.service import scope_entries
from bot.store.models import Officer
from knowledge.villages import VillageDirectory

REGISTER_COLUMNS = (
    "code",
    "created_at",
    "source",
    "status",
    "village_code",
    "village",
    "subdistrict",
    "district",
    "worker_name",
    "reporter_relation",
    "sex",
    "birth_year",
    "country",
    "city",
    "sector",
    "job",
    "company",
    "planned_departure",
    "departed_on",
    "returned_on",
    "contract_months",
    "verified_at",
    "anonymised",
)


def _iso(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


def register_rows(
    session: Session, villages: VillageDirectory, officer: Officer | None = None
) -> Iterator[dict[str, object]]:
    """Every entry (or the officer's area), oldest first, streamed in batches."""
    query = select(RegisterEntry).order_by(RegisterEntry.id)
    if officer is not None:
        query = scope_entries(query, officer)
    for entry in session.scalars(query.execution_options(yield_per=1000)):
        village = villages.get(entry.village_code)
        yield {
            "code": entry.code,
            "created_at": entry.created_at.isoformat(),
            "source": entry.source,
            "status": entry.status,
            "village_code": entry.village_code,
            "village": village.name if village else "",
            "subdistrict": village.subdistrict if village else "",
            "district": village.district if village else "",
            "worker_name": entry.worker_name or "",
            "reporter_relation": entry.reporter_relation or "",
            "sex": entry.sex or "",
            "birth_year": entry.birth_year or "",
            "country": entry.country,
            "city": entry.city or "",
            "sector": entry.sector or "",
            "job": entry.job or "",
            "company": entry.company_name or "",
            "planned_departure": _iso(entry.planned_departure),
            "departed_on": _iso(entry.departed_on),
            "returned_on": _iso(entry.returned_on),
            "contract_months": entry.contract_months or "",
            "verified_at": _iso(entry.verified_at),
            "anonymised": entry.anonymised,
        }
