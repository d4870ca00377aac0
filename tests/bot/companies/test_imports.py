"""Loading the lists: headers in any order and case, every bad row named, nothing
half-imported, a new list replacing the current one while the old ones stay."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.companies import service
from bot.companies.models import Company, CompanyList, JobOrder
from bot.store.db import transaction
from bot.tables import TableError, xlsx_bytes
from migran.services import Services
from tests.companies_support import SMALL_COMPANIES, load_small

NOW = datetime(2026, 12, 3, tzinfo=UTC)


def load(session: Session, data: bytes, name: str = "list.csv", kind: str = "companies") -> None:
    importer = service.import_companies if kind == "companies" else service.import_job_orders
    importer(session, data, name, list_date=date(2026, 12, 1), source=None, officer=None, now=NOW)


def problems_of(
    services: Services, data: bytes, name: str = "x.csv", kind: str = "companies"
) -> list[str]:
    with pytest.raises(TableError) as error, transaction(services.factory) as session:
        load(session, data, name, kind)
    return [str(p) for p in error.value.problems]


def test_every_bad_row_is_named_and_nothing_is_imported(services: Services) -> None:
    found = problems_of(
        services,
        b"STATUS,Valid Until,licence number,NAME\n"
        b"active,2029-01-01,A-1,PT Baik Satu\n"
        b"aktip,2029-01-01,A-2,PT Salah Status\n"
        b"active,31/13/2029,A-3,PT Salah Tanggal\n"
        b"active,2029-01-01,,PT Tanpa Nomor\n"
        b"active,2029-01-01,A-5,pt baik satu\n"
        b"active,2029-01-01,A-6,P.T.\n",
    )
    assert found == [
        "line 3, status: unknown status 'aktip' (use active, suspended or revoked)",
        "line 4, valid_until: '31/13/2029' is not a date"
        " (use 2026-03-31, 31/03/2026 or 31 Maret 2026)",
        "line 5, licence_number: empty",
        "line 6, name: 'pt baik satu' is already on line 2",
        "line 7, name: 'P.T.' is only a legal form",
    ]
    with services.factory() as session:
        assert session.scalar(select(func.count(Company.id))) == 0


def test_missing_columns_empty_and_garbage_files_are_refused(services: Services) -> None:
    missing = problems_of(services, b"nama,status\nPT A,active\n")
    assert [p.split(":")[0] for p in missing] == [
        "line 1, licence_number",
        "line 1, valid_until",
    ]
    assert problems_of(services, b"name,licence_number,valid_until,status\n") == [
        "file: no data rows under the header"
    ]
    assert problems_of(services, bytes(range(256)) * 20) == ["file: not a CSV or XLSX file"]
    assert problems_of(services, b"PK\x03\x04 not really", "x.xlsx") == [
        "file: not a readable XLSX file"
    ]


def test_xlsx_lists_are_read_with_their_dates(services: Services) -> None:
    data = xlsx_bytes(
        ["Nama Perusahaan", "Nomor Izin", "Berlaku Sampai", "Status", "Tanggal Status"],
        [
            {
                "Nama Perusahaan": "PT Excel Qirvana",
                "Nomor Izin": 12345,
                "Berlaku Sampai": date(2029, 5, 1),
                "Status": "Dicabut",
                "Tanggal Status": datetime(2026, 1, 29),
            }
        ],
    )
    with transaction(services.factory) as session:
        load(session, data, "p3mi.xlsx")
    with services.factory() as session:
        company = session.scalars(select(Company)).one()
        assert (company.licence_number, company.valid_until, company.status) == (
            "12345",
            date(2029, 5, 1),
            "revoked",
        )
        assert company.status_date == date(2026, 1, 29)


def test_a_new_list_replaces_the_current_one_and_the_old_one_stays(services: Services) -> None:
    load_small(services.factory)
    with transaction(services.factory) as session:
        load(
            session,
            b"name,licence_number,valid_until,status\nPT Hanya Satu,Z-1,2030-01-01,active\n",
        )
    with services.factory() as session:
        lists = session.scalars(select(CompanyList).order_by(CompanyList.id)).all()
        assert [(each.kind, each.current, each.row_count) for each in lists] == [
            ("companies", False, 6),
            ("joborders", True, 4),
            ("companies", True, 1),
        ]
        assert session.scalar(select(func.count(Company.id))) == 7
        result = service.check(session, "PT Zorvana Jaya Abadi", today=date(2026, 12, 3))
        assert result.verdict == "not_found"
        assert result.companies_list is not None
        assert result.companies_list.list_date == date(2026, 12, 1)
        assert service.check(session, "pt hanya satu").verdict == "found"


def test_job_orders_must_name_companies_on_the_list(services: Services) -> None:
    assert problems_of(
        services,
        b"company,country,position,valid_until\nPT A,Malaysia,Sawit,2027-01-01\n",
        kind="joborders",
    ) == ["file: load the company list first"]
    load_small(services.factory)
    found = problems_of(
        services,
        b"Perusahaan;Negara;Jabatan;Kuota;Berlaku Sampai\n"
        b"PT Zorvana Jaya Abadi;Malaysia;Sawit;12;2027-01-01\n"
        b"PT Zorvana Jaya Abdu;Malaysia;Sawit;banyak;2027-01-01\n"
        b"PT Entah Berantah;Taiwan;Pabrik;;kapan2\n",
        kind="joborders",
    )
    assert found == [
        "line 3, company: 'PT Zorvana Jaya Abdu' is not on the company list of 2026-11-20 "
        "(closest: PT Zorvana Jaya Abadi)",
        "line 3, places: 'banyak' is not a number",
        "line 4, company: 'PT Entah Berantah' is not on the company list of 2026-11-20",
        "line 4, valid_until: 'kapan2' is not a date (use 2026-03-31, 31/03/2026 or 31 Maret 2026)",
    ]
    with services.factory() as session:
        assert session.scalar(select(func.count(JobOrder.id))) == 4


def test_the_small_fixture_is_read_as_written() -> None:
    assert SMALL_COMPANIES.count("\n") == 7


def test_a_list_imported_after_the_database_was_emptied_is_read_anew(sqlite_url: str) -> None:
    """A running service keeps the lists it read; `migran demo clear` and a new import number
    the new list 1 again on SQLite, and the service must not answer from the old one."""
    from bot.config import Settings
    from migran.services import build

    services = build(Settings(database_url=sqlite_url))
    try:
        with transaction(services.factory) as session:
            load(
                session,
                b"name,licence_number,valid_until,status\nPT Lama Qirvana,A-1,2030-01-01,active\n",
            )
        with services.factory() as session:
            assert service.check(session, "PT Lama Qirvana").verdict == "found"
        with transaction(services.factory) as session:
            session.query(Company).delete()
            session.query(CompanyList).delete()
        with transaction(services.factory) as session:
            service.import_companies(
                session,
                b"name,licence_number,valid_until,status\nPT Baru Zorvana,B-1,2030-01-01,active\n",
                "new.csv",
                list_date=date(2026, 12, 5),
                source=None,
                officer=None,
                now=datetime(2026, 12, 5, tzinfo=UTC),
            )
        with services.factory() as session:
            assert session.scalars(select(CompanyList.id)).one() == 1
            assert service.check(session, "PT Baru Zorvana").verdict == "found"
            assert service.check(session, "PT Lama Qirvana").verdict == "not_found"
    finally:
        services.database.dispose()
