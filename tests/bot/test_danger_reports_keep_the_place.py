"""Where someone in danger is stays what the report and the numbers say: a home town typed at
the country check does not move the worker to it, danger typed in a report gets the numbers of
the place the messages before it named, and a question after the numbers is answered."""

from __future__ import annotations

from datetime import timedelta

import pytest

from migran.services import Services
from tests.bot.test_pieces import chat_with_clock
from tests.conftest import Chat


def test_a_home_town_typed_at_the_country_check_is_not_the_country(chat: Chat) -> None:
    """An urgent beating in Riyadh went out as "Indonesia, Lombok" and, from "sy asli lombok
    tengah", as "Timur Tengah lainnya" (a chat tester, stop 49)."""
    chat.say("majikan sy d riyadh pukul sy tadi pagi, kepala sy berdarah")
    chat.say(button="cmd:urgent")
    chat.say("Saya setuju")
    assert "Arab Saudi — benar?" in chat.say("Baiq Nurul")
    for answer in (
        "sy gk tau desa sy namanya apa, pokoknya d lombok timur dkt pantai",
        "sy asli lombok tengah",
    ):
        said = chat.say(answer)
        assert "Apakah pekerja sekarang di Arab Saudi?" in said and "Arab Saudi — benar?" in said
    assert "kota atau daerah" in chat.say("ya")


def test_a_country_abroad_typed_at_the_check_still_replaces_it(chat: Chat) -> None:
    chat.say("majikan sy d riyadh pukul sy tadi pagi, kepala sy berdarah")
    chat.say(button="cmd:urgent")
    chat.say("Saya setuju")
    chat.say("Baiq Nurul")
    assert "Apakah pekerja sekarang" not in chat.say("bukan, sy di kuwait")


def test_danger_typed_in_a_report_gets_the_numbers_of_the_place_told_before_it(
    chat: Chat,
) -> None:
    """ "tolong majikan dtg bawa pisau" typed in a report started after a question on Taiwan's
    wages got only the numbers from anywhere, and was asked where (a chat tester, stop 49)."""
    chat.say("gaji sy d taiwan dipotong broker tiap bulan NT$1800, itu wajar gk?")
    chat.say("lapor")
    chat.say("Saya setuju")
    said = chat.say("tolong majikan dtg bawa pisau")
    assert "Dari Taiwan" in said and "1955" in said


def test_a_question_after_the_danger_reply_is_answered(sqlite_services: Services) -> None:
    """ "asuransi gmn?" after the numbers got what to do now, nothing on insurance (a chat
    tester, stop 49)."""
    chat, clock = chat_with_clock(sqlite_services, "taipei")
    assert "Dari Taiwan" in chat.say(
        "sy d taipei sakit parah gk ada uang buat berobat, majikan gk peduli, sy dikunci"
    )
    clock.now += timedelta(minutes=1)
    said = chat.say("asuransi gmn?")
    assert "BPJS Ketenagakerjaan" in said and "Yang bisa dilakukan sekarang" not in said


def test_another_places_numbers_asked_after_the_danger_reply_are_given(
    sqlite_services: Services,
) -> None:
    """ "kalau di kuwait nomornya?" after Abu Dhabi's numbers got choices (a chat tester,
    stop 49)."""
    chat, clock = chat_with_clock(sqlite_services, "abu-dhabi")
    assert "Dari Uni Emirat Arab" in chat.say("sy d abu dhabi dipukul majikan")
    clock.now += timedelta(minutes=1)
    said = chat.say("kalau di kuwait nomornya?")
    assert "Dari Kuwait" in said and "+965 9720 6060" in said


@pytest.mark.parametrize("text", ["sy gk bisa telpon, cm bisa wa diam2", "sy gk punya pulsa"])
def test_someone_in_danger_who_cannot_phone_gets_ways_to_write(
    sqlite_services: Services, text: str
) -> None:
    """Both got the steps for a missing worker or "call the numbers above" (a chat tester,
    stop 49)."""
    chat, clock = chat_with_clock(sqlite_services, "no-credit")
    chat.say("anak majikan masuk kamar sy tiap malam, sy di jeddah")
    clock.now += timedelta(minutes=1)
    reply = chat.send(text)[-1]
    assert "WhatsApp *0811-8080-141*" in reply.text and "Safe Travel" in reply.text
    assert [b.id for b in reply.buttons] == ["cmd:urgent"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("nomor kbri phnom penh brp?", "belum punya nomor darurat setempat untuk Kamboja"),
        ("nomor kbri brunei ada?", "belum punya nomor KBRI/KJRI di Brunei"),
    ],
)
def test_a_missions_number_the_list_lacks_is_said_to_be_lacking(
    chat: Chat, text: str, said: str
) -> None:
    """The general list alone left the person unsure whether the question was understood (a
    chat tester, stop 49)."""
    assert said in chat.say(text)


def test_danger_typed_in_a_report_gets_the_numbers_of_the_country_the_form_settled(
    chat: Chat,
) -> None:
    """ "anak sy dulu di hongkong", corrected to Korea in the form, then danger typed: Hong
    Kong's numbers (a third chat tester, stop 49)."""
    for text in ("anak sy dulu di hongkong", "lapor", "1", "2", "Rina", "2"):
        chat.say(text)
    chat.say("bukan, skrg dia di korea")
    chat.say("ya")
    said = chat.say("dia dipukul bosnya di pabrik, berdarah")
    assert "Dari Korea Selatan" in said and "Dari Hong Kong" not in said


def test_a_follow_up_answered_from_lines_leaves_out_other_places_lines(chat: Chat) -> None:
    """ "buat splp itu gratis gk?" from a worker in Kuwait got Taiwan's mobile passport service
    (a chat tester, stop 49)."""
    chat.say("paspor sy hilang d kuwait, gmn ngurusnya?")
    said = chat.say("buat splp itu gratis gk?")
    assert "SPLP" in said and "Taiwan" not in said


def test_what_now_under_an_answer_leaves_out_other_places_paragraphs(chat: Chat) -> None:
    """A worker in Riyadh asking "trs sy hrs gmn?" got Hong Kong's rest day (a chat tester,
    stop 49)."""
    chat.say("sy kerja d riyadh, majikan sering marah2, libur gk pernah dikasih")
    said = chat.say("trs sy hrs gmn?")
    assert "Hong Kong" not in said and "HK$" not in said


def test_a_consulates_number_asked_without_a_question_word_gets_the_numbers(chat: Chat) -> None:
    """ "nomor KJRI kuching ada gk pak, anak sy d sarawak" got choices (a family chat tester,
    stop 49): Malaysia's numbers, and that Sarawak's consulate number is lacking."""
    said = chat.say("nomor KJRI kuching ada gk pak, anak sy d sarawak")
    assert "Dari Malaysia" in said and "Sarawak" in said


STORY = "gaji tidak dibayar 5 bulan dan majikan marah terus"


@pytest.mark.parametrize(
    ("country", "city", "expected"),
    [
        ("6", "d abu dhabi", "Dari Uni Emirat Arab"),  # "Timur Tengah lainnya", then the city
        ("1", "kuching", "Untuk Sabah, Sarawak dan Penang"),  # far from the listed consulates
    ],
)
def test_danger_answered_in_a_report_gets_the_numbers_of_its_city(
    chat: Chat, country: str, city: str, expected: str
) -> None:
    """Abu Dhabi under "Timur Tengah lainnya" got only the numbers from anywhere and "tell me
    the country"; Kuching got no word that Sarawak's consulate number is lacking (a family chat
    tester, stop 50)."""
    for answer in ("lapor", "ya", "2", "Siti", country, city, "1", STORY):
        chat.say(answer)
    said = chat.say("tdk tau")
    assert expected in said and "Sebutkan negara atau kotanya" not in said


def test_the_place_typed_after_the_numbers_in_a_report_gets_its_numbers(chat: Chat) -> None:
    """ "hongkong", typed after the numbers asked where the worker is, was refused as a name
    and its numbers never given (a chat tester, stop 53); the report then guesses it."""
    for step in ("lapor", "1", "2"):
        chat.say(step)
    asked = chat.say("tolong pak anak sy dikurung majikan gk dikasih makan, br sj dia sms")
    assert "Sebutkan negara" in asked
    said = chat.say("hongkong")
    assert "Dari Hong Kong" in said and "nama lengkap pekerja" in said
    assert "Negara: Hong Kong — benar?" in chat.say("Siti")


def test_an_urgent_report_after_a_plea_in_many_short_messages_carries_all_of_it(
    chat: Chat,
) -> None:
    """Only the last four were kept, and being locked in and unfed was lost (a family danger
    tester, stop 53)."""
    for piece in (
        "tlg sy",
        "sy dikunci d kamar sm majikan",
        "sdh 2 hr gk dksh makan",
        "sy d riyadh",
        "hp sy mau diambil cpt",
        "sy takut",
        "sy gk tau alamat nya",
    ):
        chat.say(piece)
    chat.say(button="cmd:urgent")
    asked = chat.say("Saya setuju")
    assert "Siapa yang melapor" not in asked
    said = ""
    # the problems the plea names (locked in, unfed) are proposed, and confirmed
    for answer in ("Baiq Nurul", "ya", "Lewati", "ya", "sukamulia", "ya", "1"):
        said = chat.say(answer)
        if "Cerita:" in said:
            break
    assert "dikunci d kamar" in said and "gk dksh makan" in said, said


def test_danger_typed_in_the_training_form_is_the_story_of_its_urgent_report(chat: Chat) -> None:
    """The urgent report pressed after danger typed in the training form asked for all of it
    again and kept "kan td sdh sy tulis pak" as the story (a forms tester, stop 55)."""
    chat.say("sy mau daftar pelatihan")
    plea = "pak maaf sblm lanjut, adik sy d malaysia dikurung majikan gk dikasi mkn, gmn ini"
    assert "Dari Malaysia" in chat.say(plea)
    chat.say(button="cmd:urgent")
    chat.say("Saya setuju")
    assert "Malaysia — benar?" in chat.say("Siti Aminah")
    chat.say("ya")
    assert "Masalah: Kekerasan/pelecehan — benar?" in chat.say("Lewati")  # locked in: abuse
    chat.say("ya")
    chat.say("Lenek")
    chat.say("ya")
    summary = chat.say("Ya, boleh dibagikan")
    assert f"Cerita: {plea}" in summary and "Anggota keluarga (kakak)" in summary


def test_a_wish_to_die_unless_let_go_abroad_gets_indonesias_police(chat: Chat) -> None:
    """A sister in Lombok threatening suicide unless allowed to go to Malaysia got Malaysia's
    999 (a family-side tester, stop 55)."""
    said = chat.say("adek sy mau bunuh diri katanya kalo gk dikasih ijin berangkat ke malaysia")
    assert "110" in said and "Dari Malaysia" not in said
