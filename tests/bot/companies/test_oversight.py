"""What officers get from the company lists: flags beside a worker's company, and departures
and cases counted per company for the province."""

from __future__ import annotations

from datetime import date

from bot.companies import oversight
from bot.register.models import RegisterEntry
from bot.store.db import transaction
from bot.store.models import Case
from migran.services import Services
from tests.api.test_officer_api import new_case
from tests.companies_support import load_small
from tests.officers_support import ANJANI, LENENG

TODAY = date(2026, 12, 3)


def codes(services: Services, name: str | None, country: str | None) -> list[str]:
    with services.factory() as session:
        return [f.code for f in oversight.company_flags(session, name, country, today=TODAY)]


def test_flags_name_what_is_wrong_with_a_company(services: Services) -> None:
    assert codes(services, "PT Zorvana Jaya Abadi", "malaysia") == ["no_list"]
    load_small(services.factory)
    assert codes(services, "PT Zorvana Jaya Abadi", "malaysia") == []
    assert codes(services, "pt zorvana jaya abadi", "hongkong") == ["no_job_order"]
    assert codes(services, "PT Zorvana Jaya Abadi", "arab-saudi") == ["no_job_order"]
    assert codes(services, "PT Kelindra Sejahtera Mandiri", None) == ["suspended"]
    assert codes(services, "CV Bramkosa Utama", "taiwan") == ["revoked", "no_job_order"]
    assert codes(services, "PT Velmora Karya Internasional", None) == ["expired"]
    assert codes(services, "PT Tak Terdaftar Makmur", "malaysia") == ["not_listed"]
    assert codes(services, "PT Sinar Qirvana Jay Abadi", None) == ["unsure"]
    assert codes(services, "  ", "malaysia") == []
    with services.factory() as session:
        revoked = oversight.company_flags(session, "cv bramkosa utama", None, today=TODAY)
    assert revoked[0].since == date(2026, 1, 29)


def test_departures_and_cases_are_counted_per_matched_company(services: Services) -> None:
    load_small(services.factory)
    typed = [
        ("PT Zorvana Jaya Abadi", "departed", ANJANI),
        ("pt zorvana jaja abadi", "returned", ANJANI),
        ("Zorvana Jaya Abadi", "planned", LENENG),
        ("PT Calo Tanpa Izin", "departed", ANJANI),
        (None, "departed", ANJANI),
    ]
    with transaction(services.factory) as session:
        entries = []
        for n, (name, status, village) in enumerate(typed):
            entry = RegisterEntry(
                code=f"R-{n}",
                village_code=village,
                district_code=village[:5],
                country="malaysia",
                company_name=name,
                status=status,
            )
            session.add(entry)
            entries.append(entry)
        session.flush()
        ids = [e.id for e in entries]
    links = ((ids[2], LENENG), (ids[3], ANJANI), (ids[3], ANJANI))
    for n, (entry_id, village) in enumerate(links):
        case_id = new_case(services, village, user=f"family{n}")
        with transaction(services.factory) as session:
            session.get(Case, case_id).register_entry_id = entry_id  # type: ignore[union-attr]
    with services.factory() as session:
        counts = oversight.company_counts(session)
        lombok_timur = oversight.company_counts(session, district_code=ANJANI[:5])
    assert [(c.name, c.listed, c.departures, c.cases) for c in counts] == [
        ("PT Zorvana Jaya Abadi", True, 2, 1),
        ("PT Calo Tanpa Izin", False, 1, 2),
    ]
    assert [(c.name, c.departures, c.cases) for c in lombok_timur] == [
        ("PT Zorvana Jaya Abadi", 2, 0),
        ("PT Calo Tanpa Izin", 1, 2),
    ]
