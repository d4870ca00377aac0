"""Workers' Malay and the clock's "pukul", read on the message before the matcher ranks it."""

from __future__ import annotations

import pytest

from knowledge.librarian import Librarian
from knowledge.respelling import respelled


def test_malay_words_become_the_indonesian_the_examples_are_written_in() -> None:
    assert respelled("bro nk hantar duit kat mak") == "bro mau kirim duit di mak"
    assert respelled("Pejabat KBRI buka esok ke") == "kantor KBRI buka besok ke"


def test_a_message_with_neither_comes_back_as_it_was() -> None:
    text = "sy mau kerja ke malaysia, syaratnya apa?"
    assert respelled(text) is text


def test_the_clocks_pukul_is_left_out_and_a_blow_is_not() -> None:
    assert respelled("tes kesehatan pukul 8 pagi ya?") == "tes kesehatan 8 pagi ya?"
    assert respelled("majikan pukul saya tiap hari") == "majikan pukul saya tiap hari"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # an English and Malay chat tester got "no reliable answer" (stop 59)
        ("bro nk hantar duit kat mak kat lombok, guna apa paling murah", "kirim-uang"),
        # a look-alike tester got employer violence first (stop 59)
        ("tes kesehatan pukul 8 pagi ya?", "pemeriksaan-kesehatan"),
        # Malay in two words and Malaysia's names: choices, or the fine for going home early
        # (a Malay and Sasak tester, stop 63)
        ("boleh ke sy tukar majikan sebelum habis kontrak", "pindah-majikan"),
        ("macam mana nak tahu syarikat tu berdaftar", "cek-perusahaan"),
        ("perkeso cover pekerja indonesia tak", "jaminan-sosial"),
        ("nak ke jepun, program magang ada ke", "jepang"),
        # "ngabarin" was stemmed to "abar" (Sastrawi's root), not "kabar": no news read as
        # unpaid wages; "medcheck" was no word at all (an everyday-questions tester, stop 64)
        ("suami sy d hk udh 3 bln gk ngabarin", "hilang-kontak"),
        ("hasil medcheck brp hr kluar", "pemeriksaan-kesehatan"),
        # country abbreviations got only the emergency numbers or choices (a tester of first
        # questions, stop 65)
        ("pk sy mo ke jpg brp biaya nya sm syarat nya apa", "jepang"),
        ("mau kerja ke kor syaratnya apa", "korea-eps"),
        ("gaji di twn brp", "taiwan-hongkong"),
    ],
)
def test_the_matcher_leads_with_what_the_respelled_message_asks(
    librarian: Librarian, question: str, topic: str
) -> None:
    answer = librarian.ask(question)
    assert answer.match is not None
    assert answer.match.candidates[0].slug == topic


def test_a_flat_rate_is_no_blow() -> None:
    """ "gaji di korea itu dipukul rata" got employer violence and Korea's police (a chat
    tester after the numbers, stop 59)."""
    assert respelled("gaji di korea itu dipukul rata ya") == "gaji di korea itu rata rata ya"


def test_malay_insurance_is_asked_as_insurance(librarian: Librarian) -> None:
    """ "insurans sy masih boleh pakai ke?" got the work visa (stop 59)."""
    answer = librarian.ask("insurans sy masih boleh pakai ke?")
    assert answer.match is not None
    assert answer.match.candidates[0].slug == "jaminan-sosial"


def test_a_malay_phrase_is_respelled_whole_and_its_first_word_alone_is_not() -> None:
    assert respelled("Macam mana nak balik kampung") == "bagaimana mau pulang kampung"
    assert respelled("ada macam macam syarat") == "ada macam macam syarat"
