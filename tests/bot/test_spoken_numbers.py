"""Numbers written in words, read where a form asks for an age or a number of months."""

from __future__ import annotations

import pytest

from bot.spoken_numbers import with_digits


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("dua puluh dua", "22"),
        ("duapuluh dua", "22"),
        ("umur sy dua puluh lima thn", "umur sy 25 thn"),
        ("dua tahun", "2 tahun"),
        ("tiga belas", "13"),
        ("tigabelas", "13"),
        ("sebelas", "11"),
        ("twenty two", "22"),
        ("sepuluh bulan", "10 bulan"),
        ("saya setuju", "saya setuju"),
    ],
)
def test_number_words_become_digits(typed: str, read: str) -> None:
    assert with_digits(typed) == read
