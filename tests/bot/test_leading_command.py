"""A typed command word opens its form with the rest of the message; a story that merely
starts with the same word does not."""

from __future__ import annotations

import pytest

from bot.commands import command_of, leading_command
from migran.services import Services
from tests.conftest import Chat


def never_asks() -> bool:
    return False


def asks() -> bool:
    return True


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("LAPOR nama saya Siti, anak saya disekap", "report"),
        ("lapor anak saya tidak digaji 5 bulan", "report"),
        ("LAPORAN anak saya hilang kontak di Malaysia", "report"),
        ("Laporan: gaji suami saya ditahan agensi", "report"),
        ("Pengaduan - paspor saya ditahan majikan", "report"),
        ("DAFTAR pelatihan las", "training"),
        ("lapor berangkat anak saya ke Taiwan", "register"),
        ("lapor brgkt", "register"),
        ("lapor anak sy berangkat ke taiwan", "register"),
        # a broker to report, not a departure to record (an officers-wanted tester, stop 62)
        ("sy mau lapor anak sy brgkt lwt calo", "report"),
    ],
)
def test_a_typed_command_word_opens_its_form(text: str, form: str) -> None:
    assert leading_command(text, never_asks) == form


@pytest.mark.parametrize(
    "text",
    [
        "Laporan saya diterima dan dibaca tapi belum ada kabar tindak lanjutnya",
        "Pengaduan kami ke dinas sudah tiga bulan tidak dijawab",
        "aduan ke BP3MI katanya masih diproses",
        "lapor",
    ],
)
def test_a_story_that_starts_with_a_report_noun_is_read_not_filed(text: str) -> None:
    assert leading_command(text, never_asks) is None


def test_a_question_that_starts_with_lapor_is_answered() -> None:
    assert leading_command("lapor ke mana kalau gaji tidak dibayar?", asks) is None


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Pak sy mau lapor, suami sy di malaysia sdh 2 bln gaji tdk dibayar", "report"),
        ("saya ingin melaporkan anak saya disekap majikan", "report"),
        ("izin lapor pak", "report"),
        ("mau lapor", "report"),
        ("sy mau daftar pelatihan las", "training"),
    ],
)
def test_a_command_word_after_a_wish_opens_its_form(text: str, form: str) -> None:
    assert leading_command(text, never_asks) == form


@pytest.mark.parametrize(
    "text",
    [
        "Saya lapor ke KDEI, job saya tidak sesuai kontrak",  # a report made, told of
        "sudah lapor ke kedutaan tapi belum direspon",
        "sy mau daftar kerja ke jepang",  # registering to work is a question, not training
        "sy mau lapor calo ke polisi",  # the person's own report: how to make one is asked
        "lapor ke polres aja pak?",
        "lapor diri ke kbri perlu gk",  # registering with the mission (a tester, stop 64)
    ],
)
def test_a_told_report_or_a_wish_for_something_else_is_not_a_command(text: str) -> None:
    assert leading_command(text, never_asks) is None


def test_asking_where_to_report_is_a_question_even_after_a_wish() -> None:
    assert leading_command("saya mau lapor ke mana pak?", asks) is None


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("saya mau hapus data saya", "erase"),
        ("mau info desa", "subscribe"),
        ("pak saya mau lapor", "report"),
        ("tiang mele lapor", "report"),  # Sasak: I want to report (a chat tester, stop 47)
        ("sy mau pindah majikan", None),  # wanting to change employer is a question
        ("saya mau keluar", None),  # "keluar" may be leaving a country, not the form
        # Indonesian asked for among other words (a chat tester, stop 50)
        ("sorry my english not good, bisa bahasa indonesia?", "lang:id"),
        ("my english is not good", "lang:id"),
        ("anak sy bisa bahasa indonesia", None),  # a language someone else speaks
        # in chat spelling, after an English answer: it got the danger reply (stop 53)
        ("maaf sy gk ngerti bhs inggris, tlg pake bhs indo aja", "lang:id"),
        ("please use english", "lang:en"),
        ("bisa pake bhs inggris?", "lang:en"),
        ("my employer speak english only", None),  # the employer's language
        ("majikan sy pake bhs inggris, sy gk ngerti", None),
        ("tiang ndek ngerti bahase inggris", "lang:id"),  # Sasak (stop 53)
        ("sy gk bisa bhs inggris pak", "lang:id"),  # in an English chat it went silent
        ("bhs indonesia aja pak", "lang:id"),
        ("sorry i cant read bahasa", "lang:en"),
        ("can u speak english pls", "lang:en"),
        ("i dont understand indonesian", "lang:en"),
        ("my employer dont speak indonesian", None),
        ("sy mau kerja ke hk tapi sy gk bisa bahasa inggris, gmn?", None),  # a question
        # deleting asked for among other words got only the privacy answer (stop 53)
        ("sy mau hapus data sy, takut dipake calo", "erase"),
        ("tiang mele data tiang dihapus", "erase"),
        ("please remove my data from your system", "erase"),
        ("kalau data sy dihapus laporan sy hilang gk?", None),  # a question about it
        ("majikan hapus data di hp sy", None),  # someone else deleting
        # a report sent from another phone asked after started a new report (stop 53)
        ("pak sdh ada kabar blm dr petugas? sy kmrn lapor lwt hp anak sy", "status"),
        ("sy udh lapor pake hp suami, kok blm ada balasan", "status"),
        ("sy mau lapor lewat hp ini aja", None),
        ("lapor lwt wa bisa gk", None),
        # one's own data asked to be seen (stop 53)
        ("sy mau liat data sy", "mydata"),
        ("data sy msh ada gk?", "mydata"),
        ("cek data paspor sy di imigrasi", None),
        # one's own data said to be wrong, and more ways to delete it (stop 53)
        ("pak nomor hp sy salah, yg bener 087765432100", "mydata"),
        ("i want to change my phone number", "mydata"),
        ("nomor paspor sy salah di visa", None),
        ("who can see my data", None),
        ("tlg apus semua data sy pak", "erase"),
        ("please erase everything about me", "erase"),
        ("apusang data tiang", "erase"),
        # look-alikes: another system's data, a language named in a question (stop 53)
        ("cara cek data di siskop2mi", None),
        ("data sy di bpjs salah, nama ibu kandung beda", None),
        ("sy mau ganti nomor rekening yg salah gmn", None),
        ("sy cm bisa bhs indonesia, bisa kerja ke malaysia gk", None),
        ("kontrak kerja harus pake bahasa indonesia gk?", None),
        ("maaf sy gk ngerti bahasa inggris, kontraknya pake bhs inggris smua", None),
    ],
)
def test_a_whole_message_that_wishes_for_a_command_is_that_command(
    text: str, command: str | None
) -> None:
    assert command_of(text) == command


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("eh gk jadi deh", "cancel"),
        ("gk jadi deh, nanti aja", "cancel"),  # saved as a report's story (stop 47)
        ("batal aja, nanti sy isi lg", "cancel"),  # called off for later (stop 47)
        ("forget it, maybe later", "cancel"),
        ("not now", "cancel"),
        ("gk jadi berangkat, uangnya gk kembali", None),  # a story, not a form put off
        ("gak jadi", "cancel"),
        ("sy udh pulang kak", "returned"),
        ("bahasa indonesia aja deh", "lang:id"),
        ("ya", None),
        ("kak", None),
        ("cek laporan no K-45JZCQ", "status"),
        ("ganti bahasa indonesia", "lang:id"),
        ("sy gk ngerti bahasa inggris kak", "lang:id"),
        ("mo dpt kabar desa kak", "subscribe"),
        ("P-AB12CD", "status"),
        ("cek R-D6D3DT", "status"),  # a register entry's code, as the chat gave it
        ("cek data keberangkatan r-d6d3dt", "status"),
    ],
)
def test_chat_words_around_a_whole_message_command_change_nothing(
    text: str, command: str | None
) -> None:
    assert command_of(text) == command


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("batal pelatihan", "withdraw"),
        ("sy gk jadi ikut pelatihan", "withdraw"),
        ("gak jadi daftar", "withdraw"),
        ("sy mau batalin pendaftaran pelatihan", "withdraw"),
        ("saya mau mengundurkan diri dari pelatihan", "withdraw"),
        ("batal P-AB12CD", "withdraw"),
        ("cancel my training registration", "withdraw"),
        ("batal", "cancel"),  # the form in progress, as always
        ("gak jadi", "cancel"),
        ("daftar pelatihan", "training"),
        ("pelatihan saya dibatalkan LPK", None),  # a course called off: a problem to report
        ("gak jadi lapor", None),
        ("pendaftaran sy batal?", None),  # asks where it stands (a chat tester, stop 42)
        ("pelatihan gk jadi?", None),
        ("pendaftaran pelatihan sy batal gk ya", None),
    ],
)
def test_a_wish_to_withdraw_from_a_training_is_its_own_command(
    text: str, command: str | None
) -> None:
    assert command_of(text) == command


def test_a_yes_before_the_command_word_is_the_command() -> None:
    """ "iya lapor" under the passport answer got the answer again (a chat tester, stop 46)."""
    assert command_of("iya lapor") == "report" and command_of("ok lapor") == "report"
    assert command_of("ok menu") == "menu" and command_of("iya") is None


@pytest.mark.parametrize(
    "text",
    [
        "assalamualaikum, sy mau lapor, istri sy d malaysia paspornya ditahan",
        "assalamualaikum pak, sy mau lapor. anak sy kerja d saudi gaji gk dibayar",
        "Assalamualaikum wr wb. LAPOR anak sy disekap",
    ],
)
def test_a_greeting_before_the_command_word_changes_nothing(text: str) -> None:
    """Only the answer came, no report (a regression tester, stop 53)."""
    assert leading_command(text, lambda: False) == "report"


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("she has left", "departed"),
        ("departed", "departed"),
        ("returned", "returned"),
        ("he came home", "returned"),
        ("changed employers", "moved"),
    ],
)
def test_the_registers_updates_in_english(typed: str, command: str) -> None:
    """An English forms tester (stop 55): "she has left" and "returned" were refused, and the
    register told English users to type *sudah berangkat*."""
    assert command_of(typed) == command


def test_an_english_form_says_to_type_cancel(services: Services) -> None:
    chat = Chat(services, user="en-form", language="en")
    chat.say("I want to sign up for training")
    chat.say(button="opt:yes")
    chat.say("xyz")
    assert "To stop this form, type *cancel*." in chat.say("abc")
    assert "Cancelled" in chat.say("cancel")


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("ibu sy d saudi udh 8 bulan gk digaji majikan, mau lapor", "report"),
        ("suami sy dipukul majikan d malaysia. sy ingin melapor pak", "report"),
        ("anak sy gk ada kabar 2 bulan d taiwan, mau lapor ke mana", None),
        ("gaji sy dipotong terus sama agen, mau lapor polisi", None),
        ("saya lapor kemarin lewat hp anak, sudah ada kabar", None),
    ],
)
def test_a_story_that_ends_wishing_to_report_opens_the_report(text: str, form: str | None) -> None:
    """It got the answer on unpaid wages and "Ketik *lapor*" (a family-side tester, stop 56)."""
    assert leading_command(text, never_asks) == form


def test_the_report_wished_at_the_end_carries_the_story(chat: Chat) -> None:
    said = chat.say("ibu sy d saudi udh 8 bulan gk digaji majikan, mau lapor")
    assert "Apakah Anda setuju" in said
    assert "nama lengkap pekerja" in chat.say("ya")  # "ibu sy": who reports is not asked
