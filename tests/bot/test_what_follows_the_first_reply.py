"""What people type after the first reply (a follow-ups tester, stop 64): a choice picked in
words, a complaint that the answer missed, "what do we do now" after the numbers, another
number asked for, the answer asked for again, a form's consent not answered, a plea inside a
form after danger was told there."""

from __future__ import annotations

import pytest

from bot.options import typed_last, typed_number
from tests.conftest import Chat

TOPIC = "topic:"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2", 2),
        ("yg kedua", 2),
        ("yg paling atas", 1),
        ("yg ke 5", 5),
        ("yg ke-5", 5),
        ("no 3", 3),
        ("pilihan 1", 1),
        ("the second one", 2),
        ("yg pertama", 1),
        ("kedua aja pak", 2),
        ("dua", 2),
    ],
)
def test_a_choice_typed_in_words_is_its_number(text: str, number: int) -> None:
    assert typed_number(text) == number


@pytest.mark.parametrize(
    "text", ["atas", "no", "sy mau yg kedua ke jepang", "2 anak", "umur 25", "paspor"]
)
def test_words_that_only_hold_a_number_are_not_a_choice(text: str) -> None:
    assert typed_number(text) is None


def test_the_second_choice_in_words_answers_the_second_topic_shown(chat: Chat) -> None:
    replies = chat.send("enakan kerja di hk ato taiwan")
    shown = [o.id for r in replies for o in r.options if o.id.startswith(TOPIC)]
    assert len(shown) >= 2
    second = chat.services.dispatcher.engine.librarian.topics[shown[1].removeprefix(TOPIC)]
    said = chat.say("the second one")
    assert second.answer["id"].split("\n")[0][:40] in said


@pytest.mark.parametrize(
    "text", ["jawabannya gk nyambung", "gk nyambung jawabannya", "bukan itu maksud sy"]
)
def test_a_complaint_about_the_answer_is_sorry_not_a_report(chat: Chat, text: str) -> None:
    chat.say("sy mau kerja ke luar negeri")
    said = chat.say(text)
    assert "Maaf kalau kurang jelas" in said and "Tanya petugas" in said
    assert "Sebelum saya menanyakan data diri" not in said  # no report form opened


def test_someone_checking_anyone_is_there_is_greeted(chat: Chat) -> None:
    said = chat.say("masih ada orang?")
    assert "calo" not in said.lower()


@pytest.mark.parametrize("what_now", ["kita hrs gmn", "gmn ini pak tolong"])
def test_what_now_after_the_numbers_is_what_to_do_not_money_tips(chat: Chat, what_now: str) -> None:
    chat.say("kakak sy mau bunuh diri d hongkong")
    said = chat.say(what_now)
    assert "Yang bisa dilakukan sekarang" in said
    assert "Tips mengelola gaji" not in said


def test_another_number_asked_after_the_numbers_gets_the_numbers_again(chat: Chat) -> None:
    chat.say("adik sy dikunci majikan di malaysia, paspor diambil")
    chat.say("kbri gk d angkat")
    said = chat.say("ada nomor lain?")
    assert "Dari Malaysia" in said and "*999*" in said
    assert "Yang kami simpan" not in said  # not the privacy notice


def test_the_answer_asked_again_is_sent_again(chat: Chat) -> None:
    first = chat.say("syarat kerja ke jepang apa aja")
    again = chat.say("bs d ulang gk?")
    assert first.split("\n")[0] == again.split("\n")[0]
    assert "di atas" not in again


def test_a_consent_not_answered_twice_leaves_the_register_and_reads_the_message(
    chat: Chat,
) -> None:
    assert "Desa mencatat warga yang berangkat" in chat.say("keluarga sy mau brgkt")
    assert "Silakan pilih salah satu" in chat.say("dukungan keluarga")
    said = chat.say("itu buat anak sy")
    assert "Baik, tidak ada yang dicatat." in said
    assert "Apakah Anda setuju desa mencatat" not in said


def test_a_plea_in_a_form_after_danger_told_there_gets_what_to_do_now(chat: Chat) -> None:
    chat.say("sy mau daftar pelatihan")
    chat.say(button="opt:yes")
    assert "polisi di *110*" in chat.say("tp sbnrnya adik sy skrg d sekap agen d batam")
    said = chat.say("tolong")
    assert "Yang bisa dilakukan sekarang" in said
    assert "Silakan pilih salah satu" not in said


@pytest.mark.parametrize("text", ["yg terakhir", "the last one", "yg paling bawah"])
def test_the_last_choice_asked_for_in_words(text: str) -> None:
    assert typed_last(text) and typed_number(text) is None


def test_the_last_choice_in_words_presses_the_last_button(chat: Chat) -> None:
    replies = chat.send("brp biaya kerja ke hongkong")
    last = [o.id for r in replies for o in r.options][-1]
    assert last == "cmd:report"
    assert "Sebelum saya menanyakan data diri" in chat.say("yg terakhir")


@pytest.mark.parametrize(
    "again", ["bisa diulang?", "kirim lagi dong", "kirim lagi dong nomornya", "repeat please"]
)
def test_the_numbers_asked_again_are_given_again(chat: Chat, again: str) -> None:
    chat.say("sy dikurung majikan di riyadh")
    said = chat.say(again)
    assert "Dari Arab Saudi" in said and "*911*" in said


def test_a_question_at_the_registers_consent_is_answered_and_the_consent_asked_again(
    chat: Chat,
) -> None:
    chat.say("mau daftar kerja ke taiwan, berangkat bulan depan")
    said = chat.say("berapa umur minimal jadi pmi?")
    assert "18 tahun" in said and "Apakah Anda setuju desa mencatat" in said


@pytest.mark.parametrize("text", ["bot ya?", "is there someone there?"])
def test_who_answers_is_told_not_a_topic(chat: Chat, text: str) -> None:
    chat.say("syarat kerja ke jepang apa aja")
    said = chat.say(text)
    assert "Jepang" not in said


@pytest.mark.parametrize("fear", ["sy takut pak", "I am so scared"])
def test_fear_said_after_the_numbers_is_spoken_to_not_filed(chat: Chat, fear: str) -> None:
    chat.say("sy dikurung majikan di riyadh")
    said = chat.say(fear)
    assert "Anda tidak sendirian" in said or "You are not alone" in said
    assert "tambahkan ke cerita" not in said
