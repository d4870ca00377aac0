"""What an opening message says: a departure (not a question, not a problem), and who writes."""

from __future__ import annotations

import pytest

from bot.register.hints import is_departure_statement, writer_relation


@pytest.mark.parametrize(
    "text",
    [
        "anak saya mau berangkat ke Taiwan bulan depan",
        "adik sy berangkat ke malaysia tgl 15",
        "saya akan berangkat ke Hongkong bulan maret",
    ],
)
def test_statements_of_departure(text: str) -> None:
    assert is_departure_statement(text)


@pytest.mark.parametrize(
    "text",
    [
        "gaji anak saya tidak dibayar",
        "anak saya berangkat lewat calo bulan depan",
        "ngeri liat tiktok pmi disiram air panas, sy jadi ragu berangkat",
        "ktp sm kk anak sy ditahan PT di mataram krn batal berangkat, disuruh bayar denda 5 jt",
        "Anak saya Nurul berangkat bulan Maret lewat PT di Mataram, bayar 8 juta katanya nanti "
        "dipotong gaji. Sekarang dia dikurung di gudang belakang rumah majikan di Dammam.",
        "berangkat",
        "suami sy berangkat bulan lalu lewat sponsor, padahal sdh sy larang, skrg susah dihubungi",
        "katanya minggu depan berangkat ke Jepang tapi visanya belum keluar juga",
        "adik saya dijanjikan berangkat bulan Mei, sampai sekarang belum ada kabar",
        "mau pinjam kur buat berangkat",
        "anak saya mau berangkat bulan depan, sawah mau digadai",
    ],
)
def test_problems_and_stories_are_not_departures(text: str) -> None:
    assert not is_departure_statement(text)


@pytest.mark.parametrize(
    ("text", "writer"),
    [
        ("anak saya mau berangkat", "orang tua"),
        ("suami sy berangkat besok", "istri"),
        ("adikku berangkat besok", "kakak"),
        ("saya mau berangkat ke taiwan", "self"),
        ("sy ibunya", "ibu"),
        ("mau berangkat ke taiwan", None),
    ],
)
def test_who_writes(text: str, writer: str | None) -> None:
    assert writer_relation(text) == writer


@pytest.mark.parametrize(
    "text",
    [
        "istri gk mau tanda tangan surat izin, sy tetep bs brgkt gk",
        "klo brgkt gk resmi trus ada masalah disana, negara mau bantu gk",
        "Katanya bulan sembilan ini ada yang berangkat cuma kemarin ditanya tanggalnya",
    ],
)
def test_negations_hypotheticals_and_hearsay_are_not_departures(text: str) -> None:
    assert not is_departure_statement(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dibuka lowongan kerja ke Polandia, biaya 35 juta, berangkat bulan depan. Hub 0812xxxx",
        "Dibutuhkan TKW ke Hongkong, berangkat bulan depan, hubungi WA",
        "Forwarded: loker pabrik Taiwan, kuota 20 orang, berangkat Januari",
    ],
)
def test_a_job_offer_passed_on_is_not_a_departure(text: str) -> None:
    """Someone asking whether to trust a job offer gets an answer, not the register form."""
    assert not is_departure_statement(text)
