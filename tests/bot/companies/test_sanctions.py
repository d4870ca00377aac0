"""Companies the news and KP2MI reported sanctioned are told so, with the day, whether or not
the province's list is imported; a sanction since lifted is not called a ban."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.companies import sanctions
from knowledge.datafiles import read_data
from migran.services import Services
from tests.companies_support import import_list
from tests.conftest import Chat

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
NO_OFFICIAL_LIST = "Belum ada daftar resmi perusahaan yang kena sanksi"


def _chat(services: Services) -> Chat:
    services.dispatcher.clock = lambda: NOW
    services.engine.clock = lambda: NOW
    return Chat(services, user="family-s")


def test_a_revoked_company_is_told_plainly_with_no_list_imported(services: Services) -> None:
    """A chat tester: "PT Putri Samawa Mandiri resmi gak?" got "belum bisa mengecek"."""
    text = _chat(services).say("PT Putri Samawa Mandiri resmi gak?")
    assert "izin (SIP3MI) *PT Putri Samawa Mandiri* sudah DICABUT" in text
    assert "belum punya daftar" not in text
    assert "Jangan bayar apa pun dan jangan serahkan dokumen" in text
    assert "Disnaker" in text and "BP3MI" in text and "0811-8080-141" in text
    assert NO_OFFICIAL_LIST in text


def test_a_misspelt_name_and_a_revocation_day_are_read(services: Services) -> None:
    text = _chat(services).say("pt multi intan amanah intl legal ga")
    assert "*PT Multi Intan Amanah Internasional* sudah DICABUT pada 29-01-2026" in text
    assert "Kepmen P2MI 96/2026" in text


def test_a_suspension_says_since_when(services: Services) -> None:
    text = _chat(services).say("cek pt bumi mas indonesia mandri")
    assert "*PT Bumi Mas Indonesia Mandiri* DIBEKUKAN (dihentikan sementara) sejak 03-02-2026" in (
        text
    )
    assert "Jangan bayar" in text and NO_OFFICIAL_LIST in text


def test_a_lifted_sanction_is_not_called_a_ban(services: Services) -> None:
    text = _chat(services).say("PT Alfa Nusantara Perdana resmi gak?")
    assert "sanksinya sudah dicabut pada 17-11-2025" in text
    assert "DIBEKUKAN" not in text and "DICABUT" not in text
    assert "Jangan bayar apa pun dan jangan serahkan dokumen" not in text


def test_a_list_saying_active_still_shows_the_reported_revocation_first(
    services: Services,
) -> None:
    import_list(
        services.factory,
        b"name,licence_number,valid_until,status\n"
        b"PT Putri Samawa Mandiri,FIKTIF-301/2023,2029-01-01,aktif\n",
        date(2026, 11, 20),
        NOW,
    )
    replies = _chat(services).send("PT Putri Samawa Mandiri resmi gak?")
    assert "sudah DICABUT" in replies[0].text and NO_OFFICIAL_LIST in replies[0].text
    assert "ada di daftar perusahaan penempatan berizin (P3MI) tanggal 20-11-2026" in (
        replies[1].text
    )


def test_a_sanctioned_company_named_aside_is_told_even_with_no_list(services: Services) -> None:
    replies = _chat(services).send(
        "gaji adik saya 3 bulan belum dibayar, dia berangkat lewat PT Putra Timur Mandiri"
    )
    assert "*PT Putra Timur Mandiri* DIBEKUKAN" in replies[0].text
    assert "gaji" in replies[1].text.lower()


def test_an_english_question_is_answered_in_english(services: Services) -> None:
    text = _chat(services).say("my agency PT Putri Samawa Mandiri, is it licensed?")
    assert "the licence (SIP3MI) of *PT Putri Samawa Mandiri* has been REVOKED" in text
    assert "There is no official public list of sanctioned companies" in text


def test_every_reported_sanction_has_a_status_a_source_and_both_languages() -> None:
    entries = sanctions.parse(read_data(sanctions.DATA_FILE))
    assert {e.name for e in entries} >= {
        "PT Ramzy Cahaya Karya",
        "PT Putri Samawa Mandiri",
        "PT Multi Intan Amanah Internasional",
        "PT Bumi Mas Indonesia Mandiri",
        "PT Putra Timur Mandiri",
    }
    for entry in entries:
        assert entry.sources and all(s.startswith("http") for s in entry.sources)
        assert set(entry.said) == {"en", "id"}
        assert (entry.lifted is not None) == (entry.status == "lifted")


def test_a_close_name_is_not_told_it_was_sanctioned() -> None:
    assert sanctions.reported_sanction("PT Putra Mandiri") is None
    assert sanctions.reported_sanction("PT Putri Samawa") is None
