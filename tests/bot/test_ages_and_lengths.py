"""Ages, years of birth and contract lengths as people type them in the forms (a forms
tester, stop 55: "taun 98" was refused as an age of 98, "2 taun" stored as 2 months)."""

from __future__ import annotations

import pytest

from bot.flows.ages import birth_year_of
from bot.flows.register import contract_months
from tests.conftest import Chat


@pytest.mark.parametrize(
    ("typed", "year"),
    [
        ("24", 2002),
        ("2001", 2001),
        ("dua puluh dua", 2004),
        ("sy lahir taun 98", 1998),
        ("kelahiran 95", 1995),
        ("tahun 05", 2005),
        ("kira2 35an", 1991),
        ("umur sy 17 thn, tp bulan dpn 18", 2009),
    ],
)
def test_an_age_or_a_year_of_birth_as_typed(typed: str, year: int) -> None:
    assert birth_year_of(typed, 2026) == year


def test_no_number_is_no_year() -> None:
    assert birth_year_of("gk tau pak", 2026) is None


@pytest.mark.parametrize(
    ("typed", "months"),
    [("24", 24), ("2 taun", 24), ("2 thn", 24), ("4 tahun 10 bulan", 58), ("18 bln", 18)],
)
def test_a_contract_length_in_years_and_months(typed: str, months: int) -> None:
    assert contract_months(typed) == months


def test_a_two_digit_year_of_birth_signs_up_for_training(chat: Chat) -> None:
    chat.say("pelatihan")
    chat.say(button="opt:yes")
    chat.say(button="prog:caregiver")
    chat.say("Baiq Rina")
    assert "Desa" in chat.say("sy lahir taun 98")
