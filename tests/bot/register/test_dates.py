"""Dates as families type them: relative words, a day and month without a year, ISO."""

from __future__ import annotations

from datetime import date

import pytest

from bot.register.dates import read_date
from bot.register.hints import date_in

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
        ("3 bulan lagi", date(2027, 3, 3)),  # counted from today, to the day
        ("2 minggu lalu", date(2026, 11, 19)),
        ("maret", date(2027, 3, 1)),
        ("November", date(2026, 11, 1)),
        ("20/1", date(2027, 1, 20)),
        ("tgl 20", date(2026, 12, 20)),
        ("tgl 1", date(2026, 12, 1)),  # a few days past: told late
        ("udh brgkt 3 hari lalu", date(2026, 11, 30)),
        ("2 thn lalu", date(2024, 12, 3)),  # a returnee's trip, told loosely
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
    assert date_in("anak saya sudah 2 tahun di malaysia, berangkat lagi", TODAY) is None
    assert date_in("anak sy berangkat tgl 20 ke korea", TODAY) == date(2026, 12, 20)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("seminggu lalu", date(2026, 11, 26)),
        ("kmrn", date(2026, 12, 2)),
        ("tiga hari lalu", date(2026, 11, 30)),
        ("dua minggu yg lalu", date(2026, 11, 19)),
        ("sebulan lalu", date(2026, 11, 3)),
        ("1 bulan lalu", date(2026, 11, 3)),  # a month ago today, not the 1st
        ("bulan lalu", date(2026, 11, 1)),  # the month alone is its first day
        ("bulan depan", date(2027, 1, 1)),
        ("agustus lalu", date(2026, 8, 1)),
        ("15 agustus lalu", date(2026, 8, 15)),
        ("agustus tahun lalu", date(2025, 8, 1)),
        ("sejak agustus", date(2026, 8, 1)),
        ("udh brgkt agustus", date(2026, 8, 1)),
        ("sudah tgl 20", date(2026, 11, 20)),
    ],
)
def test_chat_words_for_the_past_are_read_as_the_past(typed: str, meant: date) -> None:
    assert read_date(typed, TODAY) == meant


def test_a_month_ago_on_the_31st_is_the_last_day_of_a_shorter_month() -> None:
    assert read_date("1 bulan lalu", date(2026, 3, 31)) == date(2026, 2, 28)


def test_when_someone_left_a_month_alone_is_the_last_one_not_the_next() -> None:
    assert read_date("agustus", TODAY) == date(2027, 8, 1)  # a plan: the coming August
    assert read_date("agustus", TODAY, past=True) == date(2026, 8, 1)
    assert read_date("desember", date(2026, 11, 10), past=True) == date(2025, 12, 1)
    assert read_date("tgl 20", TODAY, past=True) == date(2026, 11, 20)


def test_a_month_in_a_sentence_of_the_past_is_the_last_one() -> None:
    said = "lapor berangkat, anak sy sudah kerja di malaysia sejak agustus"
    assert date_in(said, TODAY) == date(2026, 8, 1)
    assert date_in("anak sy berangkat agustus lalu ke taiwan", TODAY) == date(2026, 8, 1)
    assert date_in("suami sy brgkt kmrn ke malaysia", TODAY) == date(2026, 12, 2)
    assert date_in("anak sy sudah daftar, mau berangkat agustus", TODAY) == date(2027, 8, 1)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("tgl 5 bulan depan", date(2027, 1, 5)),
        ("bulan depan tgl 10", date(2027, 1, 10)),
        ("akhir bulan ini", date(2026, 12, 31)),
        ("akhir desember", date(2026, 12, 31)),
    ],
)
def test_a_day_of_next_month_and_a_months_end(typed: str, meant: date) -> None:
    """Read as days already past or as the month's first (a regression tester, stop 56)."""
    assert read_date(typed, TODAY) == meant
