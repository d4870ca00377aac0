"""Importing a village's list: Indonesian or English headers, CSV or XLSX; every bad row named
by its line and column, and then nothing imported; an officer only into their area."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from bot.register.importer import import_register
from bot.register.models import RegisterEntry
from bot.store.db import transaction
from bot.store.models import Officer
from bot.tables import TableError, xlsx_bytes
from knowledge.villages import VillageDirectory
from migran.services import Services
from tests.officers_support import ANJANI, SAKRA, team
from tests.register_support import entries

NOW = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
VILLAGES = VillageDirectory()
GOOD_CSV = (
    "Nama;Desa;Jenis Kelamin;Tahun Lahir;Negara;Sektor;Perusahaan;Tanggal Berangkat;"
    "Tanggal Pulang;Status\n"
    f"Siti Aminah;{ANJANI};P;1998;Taiwan;perawat;PT Maju Jaya;15/01/2025;;berangkat\n"
    "Lalu Ahmad;Anjani;L;1990;Malaysia;sawit;PT Sawit;2023-03-01;2025-03-01;\n"
    "Baiq Rina;anjani;perempuan;2001;Hong Kong;;;;;rencana\n"
).encode()


def run(services: Services, data: bytes, filename: str, officer_id: int | None = None) -> int:
    with transaction(services.factory) as session:
        officer = session.get(Officer, officer_id) if officer_id else None
        return import_register(
            session, data, filename, villages=VILLAGES, officer=officer, now=NOW
        ).count


def test_a_csv_with_indonesian_headers_is_imported(services: Services) -> None:
    assert run(services, GOOD_CSV, "desa.csv") == 3
    siti, ahmad, rina = entries(services)
    assert (siti.village_code, siti.sex, siti.country, siti.sector) == (
        ANJANI,
        "f",
        "taiwan",
        "care",
    )
    assert (siti.status, siti.departed_on, siti.company_name) == (
        "departed",
        date(2025, 1, 15),
        "PT Maju Jaya",
    )
    assert (ahmad.status, ahmad.returned_on, ahmad.sector) == (
        "returned",
        date(2025, 3, 1),
        "plantation",
    )
    assert (rina.status, rina.country, rina.source) == ("planned", "hongkong", "import")


def test_an_xlsx_with_english_headers_is_imported(services: Services) -> None:
    data = xlsx_bytes(
        ["Name", "Village", "Sex", "Birth year", "Country", "Company", "Departure date"],
        [
            {
                "Name": "Siti",
                "Village": ANJANI,
                "Sex": "F",
                "Birth year": 1999,
                "Country": "Saudi",
                "Company": "PT A",
                "Departure date": datetime(2024, 6, 1),
            }
        ],
    )
    assert run(services, data, "village.xlsx") == 1
    (entry,) = entries(services)
    assert (entry.country, entry.departed_on, entry.birth_year) == (
        "arab-saudi",
        date(2024, 6, 1),
        1999,
    )


def test_every_bad_row_is_named_and_nothing_is_imported(services: Services) -> None:
    bad = (
        "nama,desa,jenis_kelamin,tahun_lahir,negara,tanggal_berangkat,tanggal_pulang,status\n"
        f"Siti,{ANJANI},P,1998,Taiwan,2025-01-15,,\n"
        "Ahmad,Desa Yang Tidak Ada,L,1990,Malaysia,,,\n"
        f"Rina,{ANJANI},X,19x,,kemarin dulu,,\n"
        f"Ani,{ANJANI},P,1995,Taiwan,2025-01-01,2024-01-01,hilang\n"
    ).encode()
    with pytest.raises(TableError) as raised:
        run(services, bad, "bad.csv")
    named = {(p.line, p.column) for p in raised.value.problems}
    assert named == {
        (3, "village"),
        (4, "sex"),
        (4, "birth_year"),
        (4, "country"),
        (4, "departed_on"),
        (5, "returned_on"),
        (5, "status"),
    }
    assert "line 3, village" in str(raised.value)
    assert entries(services) == []


def test_a_file_without_the_required_columns_is_refused(services: Services) -> None:
    with pytest.raises(TableError) as raised:
        run(services, b"nama,umur\nSiti,20\n", "x.csv")
    assert {p.column for p in raised.value.problems} == {"village", "country"}


def test_an_officer_imports_only_into_their_area(services: Services) -> None:
    people = team(services)
    mixed = f"nama,desa,negara\nSiti,{ANJANI},Taiwan\nAhmad,{SAKRA},Malaysia\n".encode()
    with pytest.raises(TableError) as raised:
        run(services, mixed, "x.csv", people["anjani"].id)
    assert [(p.line, p.column) for p in raised.value.problems] == [(3, "village")]
    assert run(services, mixed, "x.csv", people["timur"].id) == 2
    with services.factory() as session:
        assert session.scalar(select(func.count(RegisterEntry.id))) == 2


def test_a_departure_or_return_in_the_future_and_a_plan_long_past_are_named(
    services: Services,
) -> None:
    rows = (
        "nama,desa,negara,rencana_berangkat,tanggal_berangkat,tanggal_pulang,status\n"
        f"Siti,{ANJANI},Taiwan,,2027-01-15,,\n"
        f"Ahmad,{ANJANI},Malaysia,,2025-01-15,2027-01-15,\n"
        f"Rina,{ANJANI},Taiwan,2025-06-01,,,\n"
        f"Ani,{ANJANI},Taiwan,2025-06-01,,,berangkat\n"  # left, the day not known: kept
    ).encode()
    with pytest.raises(TableError) as raised:
        run(services, rows, "desa.csv")
    named = {(p.line, p.column): str(p) for p in raised.value.problems}
    assert list(named) == [(2, "departed_on"), (3, "returned_on"), (4, "planned_departure")]
    assert "future" in named[2, "departed_on"] and "passed" in named[4, "planned_departure"]
