"""The problems a family's words name, which the report form confirms instead of asking."""

from __future__ import annotations

from bot.cases.hints import categories_in


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
