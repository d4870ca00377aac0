"""A family whose worker is ill or hurt, asking on under the answer, is not shown a death's
benefit or a body's repatriation; a family whose worker died still is (a sickness and
lost-contact tester, stop 62)."""

from __future__ import annotations

from knowledge.passages import for_the_living
from tests.conftest import Chat

DEATH_BENEFIT = "Rp85 juta"


def test_a_recovery_asked_about_after_an_illness_gets_no_death_benefit(chat: Chat) -> None:
    chat.say("anak sy tki d oman, kemarin telpon katanya sakit perut, tp udh dibawa ke dokter")
    said = chat.say("brp lama ya biasanya sembuh usus buntu? hehe")
    assert DEATH_BENEFIT not in said and "ahli waris" not in said.lower()


def test_a_claim_for_a_broken_leg_gets_the_accident_cover_not_the_death_benefit(
    chat: Chat,
) -> None:
    chat.say("amaq sy d malaysia kecelakaan kerja, kakinya patah")
    said = chat.say("udh d operasi d hospital kok, bos yg bayar. cm mau tanya klaim bpjs nya")
    assert "JKK" in said and DEATH_BENEFIT not in said


def test_the_body_asked_about_after_a_death_gets_the_repatriation(chat: Chat) -> None:
    chat.say("suami sy meninggal d malaysia")
    said = chat.say("trs jenazahnya gmn pak")
    assert "memulangkan" in said and "jenazah" in said.lower()


def test_lines_of_a_death_are_left_out_for_the_living() -> None:
    detail = "Santunan JKM: meninggal Rp85 juta.\nAhli waris: istri.\nSakit: surat layak terbang."
    assert for_the_living(detail) == "Sakit: surat layak terbang."
