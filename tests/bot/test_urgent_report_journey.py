"""A worker locked in, filling in her urgent report, is never told only "choose one": the
numbers asked for or a way out asked about get the numbers; her name said in a sentence is
taken; the report sent and a question after it say not to wait for the officer (a journeys
tester, stop 62)."""

from __future__ import annotations

from bot.cases.hints import categories_in
from tests.conftest import Chat
from tests.officers_support import team

HELD = "sy d malaysia, majikan kunci sy d rumah gk blh keluar, paspor d tahan"


def test_the_emergency_numbers_asked_for_inside_a_form_are_given(chat: Chat) -> None:
    chat.say("lapor")
    said = chat.say("nomor darurat")
    assert "0800-1000" in said and "Silakan pilih salah satu" not in said
    assert "Apakah Anda setuju" in said  # the step, asked again


def test_a_way_out_asked_in_an_urgent_report_gets_the_local_numbers(chat: Chat) -> None:
    chat.say(HELD)
    chat.say(button="cmd:urgent")
    chat.say("ya")
    said = chat.say("gmn sy bs keluar?")
    assert "999" in said and "KBRI Kuala Lumpur" in said


def test_her_own_name_said_in_a_sentence_is_the_workers_name(chat: Chat) -> None:
    chat.say(HELD)
    chat.say(button="cmd:urgent")
    assert "nama lengkap Anda" in chat.say("ya")
    assert "Negara: Malaysia — benar?" in chat.say("sy sendiri, nama sy Yuli")


def test_being_locked_in_is_proposed_as_abuse_beside_the_passport() -> None:
    assert categories_in(HELD) == ["documents", "violence"]


def test_an_urgent_report_sent_and_asked_after_says_not_to_wait(chat: Chat) -> None:
    team(chat.services)
    chat.say(HELD)
    chat.say(button="cmd:urgent")
    for answer in ("ya", "Yuli", "ya", "kuala lumpur", "ya", "anjani suralaga", "ya", "ya"):
        chat.say(answer)
    sent = chat.say("kirim")
    assert "Laporan Anda sudah terkirim" in sent and "jangan menunggu" in sent.lower()
    waiting = chat.say("kapan petugas hubungi sy?")
    assert "30 menit" in waiting and "nomor darurat" in waiting


def test_the_numbers_asked_for_with_the_urgent_report_open_are_given(chat: Chat) -> None:
    """The confirmation says to type *nomor darurat*; it was only added to the report (an
    officers-wanted tester, stop 62)."""
    team(chat.services)
    chat.say(HELD)
    chat.say(button="cmd:urgent")
    for answer in ("ya", "Yuli", "ya", "kuala lumpur", "ya", "anjani suralaga", "ya", "ya"):
        chat.say(answer)
    chat.say("kirim")
    said = chat.say("nomor darurat")
    assert "999" in said and "Sudah ditambahkan" not in said
