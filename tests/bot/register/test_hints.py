"""What an opening message says: a departure (not a question, not a problem), and who writes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.register.hints import (
    date_in,
    is_departure_statement,
    is_return_statement,
    tells_a_departure,
    tells_called_off,
    tells_departure_before_question,
    writer_relation,
)


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
        # a step before leaving, wished for the departure (a follow-up tester, stop 60)
        "sy mau cek kesehatan buat brgkt ke taiwan",
        "mau bikin paspor dulu untuk berangkat ke malaysia bulan depan",
        # the back way out (an everyday-questions tester, stop 64)
        "adk sy mau brgkt lewat jalur belakang",
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


@pytest.mark.parametrize(
    "text",
    [
        "anak sy jd brgkt bsk",
        "anak sy jdi brngkt lusa",
        "suami sy berangkt ke malaysia mgg dpn",
        "adik sy brangkat ke taiwan besuk",
        "sy udh brkt kmrn",
        "anak sy jadi berangkat",
    ],
)
def test_departures_in_chat_spelling(text: str) -> None:
    assert is_departure_statement(text)


@pytest.mark.parametrize(
    "text",
    [
        "sy jd bingung",
        "bsk sy ke kantor desa",
        "brgkt jd pengasuh lansia",  # becoming a carer: no time told
        "anak sy jd brgkt ke pasar bsk",
        "udh brgkt kerja blm",
        "was2 adek sy mau brgkt lewat jalur tikus",
    ],
)
def test_look_alikes_in_chat_spelling_are_not_departures(text: str) -> None:
    assert not is_departure_statement(text)


def test_returns_departures_and_calls_off_in_chat_spelling() -> None:
    assert is_return_statement("anak sy udh pulng dr malaysia")
    assert is_return_statement("suami sy dah plng kmrn")
    assert not is_return_statement("anak sy udh plg sekolah")
    assert not is_return_statement("sy jd mau plg")  # a wish
    assert tells_a_departure("anak sy udah brngkt kmrn")
    assert tells_called_off("anak sy gk jd brngkt")
    assert not tells_called_off("sy gk jd bingung")
    # when it was without "sudah", and "tlg d catat" asking for the record (a third chat
    # tester, stop 46)
    assert tells_a_departure("anak sy brgkt kmrn ke malaysia")
    assert is_return_statement("suami sy udh plg dr malaysia, tlg d catat pak")
    assert not is_return_statement("tlg pak suami sy udh plg tp gaji blm dibayar")


def test_returns_told_in_sasak_and_mbojo_words_of_the_lexicon() -> None:
    # the register's words take their spellings from the project's lexicon: Sasak "uah ulek"
    # and Mbojo "waura dula" are "sudah pulang"
    assert is_return_statement("anak tiang uah ulek dr malaysia")
    assert is_return_statement("ana nahu waura dula dari malaysia")
    assert not is_return_statement("anak tiang uah ulek sekolah")


def test_days_in_chat_spelling() -> None:
    today = date(2026, 3, 10)
    assert date_in("anak sy jd brgkt bsk", today) == today + timedelta(days=1)
    assert date_in("brgkt besuk pagi", today) == today + timedelta(days=1)
    assert date_in("anak sy brgkt mgg dpn", today) == today + timedelta(days=7)


@pytest.mark.parametrize(
    ("text", "news"),
    [
        ("anak sy jadi berangkat besok, ongkosnya ditanggung pt gk?", True),
        ("anak sy jd brgkt bsk, boleh bawa hp gk ya?", True),
        ("anak sy jadi berangkat besok gk?", False),  # the departure itself is asked
        ("anak sy gk jadi berangkat, uangnya balik gk?", False),
        ("anak sy jadi berangkat besok, tp paspornya ditahan pt, boleh gk?", False),
        ("anak sy jadi berangkat besok, apa yg hrs dibawa?", False),  # no tag: read whole
    ],
)
def test_departure_news_before_a_question_that_ends_in_a_tag(text: str, news: bool) -> None:
    """ "... pt gk?" asks yes or no; the "gk" denies nothing of the news before it."""
    assert tells_departure_before_question(text) is news


def test_departures_and_returns_told_in_english() -> None:
    """ "my son left for taiwan yesterday" and "my husband came home from saudi" got "not sure"
    where the Indonesian got the register (a chat tester, stop 47). A trip at home, a wish, a
    holiday and a trouble are not the register's news."""
    for text in (
        "my son left for taiwan yesterday",
        "My daughter went to Hong Kong last week to work as a maid",
        "I want to record that my son departed to Malaysia",
        "my son is leaving for japan next month",
        "my wife flew to Dubai on Monday to work as a maid",  # a third tester, stop 47
        "my sister departed to Japan as an intern two days ago",
        "my son has gone to Korea",
    ):
        assert is_departure_statement(text, abroad_named=True), text
    for text in (
        "my son went to school yesterday",
        "my son did not leave yesterday, the broker took the money",
        "we are going to saudi next month for umrah",
    ):
        assert not is_departure_statement(text), text
    for text in (
        "my husband came home from saudi",
        "my wife came back from hong kong last week",
        "my brother just got back from Brunei",
    ):
        assert is_return_statement(text), text
    assert is_return_statement("my wife came back from hong kong, i want to record it")
    for text in ("i want to come home", "when will my son come home from taiwan"):
        assert not is_return_statement(text), text


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("lapor pak, anak tetangga sy namanya Rini d saudi", "tetangga"),
        ("lapor, anak mantu sy Hasanah d taiwan", "mertua"),
        ("suami dr adik sy namanya Rusdi", "ipar"),
        ("sy ketua RT nya pak", "perangkat desa"),
        ("anak sy d malaysia", "orang tua"),
    ],
)
def test_someone_elses_kin_and_kin_by_marriage_are_read_whole(text: str, relation: str) -> None:
    """ "anak tetangga sy" was kept as the writer's child, "anak mantu sy" as a child, "suami
    dr adik sy" as a sibling, a head of the neighbourhood as the worker (a family-side tester,
    stop 56)."""
    assert writer_relation(text) == relation
