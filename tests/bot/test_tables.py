"""Reading office spreadsheets: header names in any order and case, every bad row named."""

from __future__ import annotations

from datetime import date

import pytest

from bot.tables import Column, TableError, parse_date, read_table, xlsx_bytes

COLUMNS = [
    Column("name", required=True),
    Column("licence_number", required=True, aliases=("no izin",)),
    Column("city"),
]


def test_csv_headers_in_any_order_case_and_delimiter() -> None:
    data = (
        b"City;NO IZIN;Name;ignored\nMataram;KEP-1/2024;PT Contoh Satu;x\n;;;\nBima;KEP-2;CV Dua\n"
    )
    table = read_table(data, "list.csv", COLUMNS)
    assert [r.line for r in table.rows] == [2, 4]
    assert table.rows[0].values == {
        "city": "Mataram",
        "licence_number": "KEP-1/2024",
        "name": "PT Contoh Satu",
    }
    assert table.rows[1].get("city") == "Bima"


def test_windows_1252_csv_is_read() -> None:
    data = "name,licence_number\nPT Caf\xe9,1\n".encode("cp1252")
    assert read_table(data, "x.csv", COLUMNS).rows[0].get("name") == "PT Café"


def test_missing_required_column_names_it_and_what_was_found() -> None:
    with pytest.raises(TableError) as err:
        read_table(b"nama,kota\nA,B\n", "x.csv", COLUMNS)
    text = str(err.value)
    assert "name" in text and "licence_number" in text and "nama, kota" in text


def test_binary_and_empty_files_are_refused_plainly() -> None:
    for data, name in (
        (b"\x00\x01\x02garbage", "x.csv"),
        (b"  ", "x.csv"),
        (b"PK\x03\x04broken", "x.xlsx"),
    ):
        with pytest.raises(TableError):
            read_table(data, name, COLUMNS)


def test_xlsx_round_trip_keeps_dates_numbers_and_defuses_formulas() -> None:
    data = xlsx_bytes(
        ["name", "licence_number", "city"],
        [{"name": "=HYPERLINK(1)", "licence_number": 12, "city": date(2026, 3, 1)}],
    )
    row = read_table(data, "x.xlsx", COLUMNS).rows[0]
    assert row.values == {"name": "'=HYPERLINK(1)", "licence_number": "12", "city": "2026-03-01"}
    assert row.line == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-31", date(2026, 3, 31)),
        ("31/03/2026", date(2026, 3, 31)),
        ("1-3-2026", date(2026, 3, 1)),
        ("31 Maret 2026", date(2026, 3, 31)),
        ("17 Agustus 2025", date(2025, 8, 17)),
        ("Mar 2026", date(2026, 3, 1)),
    ],
)
def test_dates_as_offices_type_them(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "besok", "31/13/2026", "2026-02-30"])
def test_bad_dates_raise(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)
