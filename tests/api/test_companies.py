"""The province admin loads the company and job-order lists in the dashboard; officers see a
case's company flagged when its register entry names an unlicensed or sanctioned company."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from bot.companies.models import CompanyList
from bot.register.models import RegisterEntry
from bot.store.db import transaction
from bot.store.models import Case, OfficerAudit
from bot.tables import xlsx_bytes
from migran.services import Services
from tests.api.test_dashboard import csrf_of, login
from tests.api.test_officer_api import new_case
from tests.companies_support import SMALL_COMPANIES, SMALL_JOB_ORDERS, load_small
from tests.officers_support import ANJANI, team


@pytest.fixture
def web(services: Services) -> TestClient:
    return TestClient(create_app(services.container(), run_jobs=False))


def upload(web: TestClient, kind: str, name: str, data: bytes, **form: str):  # type: ignore[no-untyped-def]
    csrf = csrf_of(web.get("/officer/companies").text)
    return web.post(
        "/officer/companies/import",
        data={"csrf": csrf, "kind": kind, **form},
        files={"file": (name, data)},
        follow_redirects=True,
    )


def test_admin_uploads_both_lists_and_searches_them(services: Services, web: TestClient) -> None:
    people = team(services)
    login(web, people["admin"])
    page = web.get("/officer/companies").text
    assert "Belum ada daftar" in page

    done = upload(
        web, "companies", "p3mi.csv", SMALL_COMPANIES.encode(), list_date="20/11/2026", source="NTB"
    )
    assert done.status_code == 200 and 'id="flash"' in done.text
    assert "20-11-2026 · 6" in done.text
    orders = upload(web, "joborders", "jo.csv", SMALL_JOB_ORDERS.encode(), list_date="2026-11-21")
    assert orders.status_code == 200 and "21-11-2026 · 4" in orders.text

    found = web.get("/officer/companies", params={"q": "zorvana jaja abadi"}).text
    assert "PT Zorvana Jaya Abadi" in found and "Pekerja perkebunan sawit" in found
    assert "Mataram; Lombok Timur" in found
    suspended = web.get("/officer/companies", params={"q": "kelindra"}).text
    assert 'data-company="PT Kelindra Sejahtera Mandiri"' in suspended
    with services.factory() as session:
        events = [a.event for a in session.scalars(select(OfficerAudit))]
    assert events.count("companies_import") == 1 and events.count("joborders_import") == 1


def test_a_bad_file_lists_every_bad_row_and_keeps_the_current_list(
    services: Services, web: TestClient
) -> None:
    login(web, team(services)["admin"])
    upload(web, "companies", "p3mi.csv", SMALL_COMPANIES.encode(), list_date="2026-11-20")
    bad = xlsx_bytes(
        ["Name", "LICENCE NUMBER", "Valid Until", "Status"],
        [
            {
                "Name": "PT Baru Satu",
                "LICENCE NUMBER": "X-1",
                "Valid Until": "2029-01-01",
                "Status": "active",
            },
            {
                "Name": "PT Baru Dua",
                "LICENCE NUMBER": "X-2",
                "Valid Until": "besok",
                "Status": "active",
            },
            {
                "Name": "PT Baru Tiga",
                "LICENCE NUMBER": "X-3",
                "Valid Until": "2029-01-01",
                "Status": "entah",
            },
        ],
    )
    response = upload(web, "companies", "baru.xlsx", bad)
    assert response.status_code == 400
    assert "baris 3 · valid_until" in response.text and "baris 4 · status" in response.text
    # the problems are in the dashboard's language, not the importer's English
    assert "&#39;besok&#39; bukan tanggal" in response.text and "tidak dikenal" in response.text
    for garbage, name in ((b"\x00\x01\xff" * 50, "x.csv"), (b"PK\x03\x04nope", "x.xlsx")):
        refused = upload(web, "companies", name, garbage)
        assert refused.status_code == 400 and 'id="problems"' in refused.text
    missing = upload(
        web, "joborders", "jo.csv", b"company,country\nPT Zorvana Jaya Abadi,Malaysia\n"
    )
    assert "position" in missing.text and "valid_until" in missing.text
    unknown = upload(
        web,
        "joborders",
        "jo.csv",
        b"company,country,position,valid_until\nPT Zorvana Jaya Abadie,Malaysia,Sawit,2027-01-01\n"
        b"PT Tidak Ada Sama Sekali,Taiwan,Pabrik,2027-01-01\n",
    )
    assert "baris 3 · company" in unknown.text and "baris 2" not in unknown.text
    with services.factory() as session:
        current = session.scalars(select(CompanyList).where(CompanyList.current)).all()
    assert [(c.kind, c.row_count) for c in current] == [("companies", 6)]


def test_only_admins_reach_the_lists(services: Services, web: TestClient) -> None:
    login(web, team(services)["anjani"])
    assert web.get("/officer/companies").status_code == 403


def test_the_case_page_flags_the_register_entry_company(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    load_small(services.factory)
    case_id = new_case(services, ANJANI)
    with transaction(services.factory) as session:
        entry = RegisterEntry(
            code="R-TEST01",
            village_code=ANJANI,
            district_code="52.03",
            country="taiwan",
            company_name="pt kelindra sejahtra mandiri",
            status="departed",
        )
        session.add(entry)
        session.flush()
        session.get(Case, case_id).register_entry_id = entry.id  # type: ignore[union-attr]
    login(web, people["anjani"])
    page = web.get(f"/officer/cases/{case_id}").text
    assert "DIBEKUKAN sejak 03-02-2026" in page
    assert "tidak ada job order yang berlaku untuk Taiwan" in page
    entry_page = web.get(f"/officer/register/{entry.id}").text
    assert "DIBEKUKAN sejak 03-02-2026" in entry_page, "the register entry flags it too"
    login(web, people["admin"])
    counts = web.get("/officer/companies").text
    assert "Keberangkatan dan kasus per perusahaan" in counts
    assert "<td>PT Kelindra Sejahtera Mandiri</td><td>1</td><td>1</td>" in counts


def test_the_case_page_flags_a_company_the_family_named_in_the_story(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    load_small(services.factory)
    named = new_case(
        services,
        ANJANI,
        story="anak sy berangkat lewat pt kelindra sejahtra mandiri tapi gaji tdk dibayar",
    )
    plain = new_case(services, ANJANI, user="v", story="agen saya minta uang 20 juta")
    login(web, people["anjani"])
    assert "DIBEKUKAN sejak 03-02-2026" in web.get(f"/officer/cases/{named}").text
    page = web.get(f"/officer/cases/{plain}").text
    assert "company-flag" not in page  # "agen saya" names no company
