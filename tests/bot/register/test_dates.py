"""Dates as families type them: relative words, a day and month without a year, ISO."""

from __future__ import annotations

from datetime import date

import pytest

from bot.register.dates import read_date

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("bulan depan", date(2027, 1, 1)),
        ("15 januari", date(2027, 1, 15)),
        ("tgl 20 desember", date(2026, 12, 20)),
        ("2026-01-15", date(2026, 1, 15)),
        ("15/01/2027", date(2027, 1, 15)),
        ("31 Maret 2026", date(2026, 3, 31)),
        ("besok", date(2026, 12, 4)),
        ("minggu depan", date(2026, 12, 10)),
        ("kemarin", date(2026, 12, 2)),
        ("3 bulan lagi", date(2027, 3, 1)),
        ("2 minggu lalu", date(2026, 11, 19)),
        ("maret", date(2027, 3, 1)),
        ("November", date(2026, 11, 1)),
        ("20/1", date(2027, 1, 20)),
        ("tgl 20", date(2026, 12, 20)),
        ("tgl 1", date(2026, 12, 1)),  # a few days past: told late
        ("udh brgkt 3 hari lalu", date(2026, 11, 30)),
        ("2 thn lalu", date(2024, 12, 1)),  # a returnee's trip, told loosely
        ("maret 2023", date(2023, 3, 1)),
        ("thn 2022", date(2022, 1, 1)),
    ],
)
def test_informal_dates_are_read(typed: str, meant: date) -> None:
    assert read_date(typed, TODAY) == meant


@pytest.mark.parametrize(
    "typed", ["kapan kapan", "32 januari", "", "15 lagi", "bulan", "tgl 40", "20/13"]
)
def test_what_is_not_a_date_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        read_date(typed, TODAY)


def test_a_number_in_a_story_is_not_a_departure_day() -> None:
    from bot.register.hints import date_in

    assert date_in("anak saya sudah 2 tahun di malaysia, berangkat lagi", TODAY) is None
    assert date_in("anak sy berangkat tgl 20 ke korea", TODAY) == date(2026, 12, 20)
