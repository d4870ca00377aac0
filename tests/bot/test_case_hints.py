"""The problems a family's words name, which the report form confirms instead of asking."""

from __future__ import annotations

import pytest

from bot.cases.hints import categories_in, countries_in
from bot.cases.service import for_the_case
from bot.store.models import Case


def test_documents_are_a_problem_when_someone_holds_them_not_whenever_a_visa_is_named() -> None:
    assert categories_in("paspor sy ditahan majikan") == ["documents"]
    assert "documents" in categories_in("paspornya d pegang calo")
    assert categories_in("udh 8 bln nunggu brangkat ke taiwan, PT blg tunggu visa terus") == [
        "departure"
    ]
    assert categories_in("visa sy habis") == []


def test_a_departure_that_failed_and_money_not_returned_is_its_own_problem() -> None:
    assert categories_in("sy setor 15jt ke calo, gk jadi berangkat") == ["fraud", "departure"]
    assert categories_in("PT tutup, uangnya kembali gk ya") == ["departure"]


def test_a_ships_flag_is_not_the_country_a_report_is_from() -> None:
    """ "a korean flagged boat near somalia" was reported from South Korea (stop 51)."""
    assert countries_in("my son is crew on a korean flagged boat near somalia") == []
    assert countries_in("anak sy abk kapal taiwan, dipukul kapten") == []
    assert countries_in("anak sy kerja d taiwan") == ["taiwan"]


def test_the_emirates_are_not_saudi_arabia() -> None:
    """ "uni emirat arab" was saved as Saudi Arabia (a regression tester, stop 51)."""
    assert "arab-saudi" not in countries_in("uni emirat arab")
    assert countries_in("anak sy d arab") == ["arab-saudi"]


@pytest.mark.parametrize(
    "text",
    [
        "istri sy diperkosa majikan",
        "my sister was raped by her employer",
        "anak sy sering diraba raba bosnya",
    ],
)
def test_sexual_abuse_is_the_violence_or_abuse_problem(text: str) -> None:
    """A report of rape was not ticked as abuse (a chat tester, stop 52)."""
    assert categories_in(text) == ["violence"]


def test_a_line_for_a_district_only_report_names_the_district_once() -> None:
    """ "petugas desa dan kabupaten Anda" became "petugas kabupaten dan kabupaten" (a
    family-side tester, stop 53)."""
    hidden = Case(village_hidden=True)
    said = for_the_case(hidden, "hanya petugas desa dan kabupaten Anda, dan admin provinsi")
    assert said == "hanya petugas kabupaten Anda, dan admin provinsi"
    assert for_the_case(hidden, "your village officer") == "your district officer"
