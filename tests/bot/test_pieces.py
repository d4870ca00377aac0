"""A plea sent in pieces, a question asked in its context (bot/pieces.py): the last messages
are read together; the danger reply and its urgent report follow the whole, and a message that
says too little alone is answered for what the whole is about."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot import pieces
from bot.pieces import asked_again_for
from bot.store.db import transaction
from bot.store.models import Conversation
from bot.triage import Reading, Triage
from migran.services import Services
from tests.conftest import Chat

DATA = Path(__file__).resolve().parent.parent / "data"
MALAYSIA_POLICE = "999"
MALAYSIA_MISSION = "+60 17-668 8032"


class Clock:
    """The time the chat sees, moved forward by the test."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def chat_with_clock(services: Services, user: str) -> tuple[Chat, Clock]:
    clock = Clock()
    services.dispatcher.clock = clock
    services.engine.clock = clock
    return Chat(services, user=user), clock


def press_urgent_report(chat: Chat) -> str:
    """Presses *Urgent report*; the story the report form opens with (the test's only chat)."""
    assert "Apakah Anda setuju" in chat.say(button="cmd:urgent")
    with transaction(chat.services.factory) as session:
        return str(session.scalars(select(Conversation)).one().data["opening"])


def test_the_danger_reply_gives_the_numbers_of_the_country_an_earlier_piece_named(
    sqlite_services: Services,
) -> None:
    chat, clock = chat_with_clock(sqlite_services, "ibu-ani")
    chat.say("assalamualaikum pak")
    clock.now += timedelta(seconds=40)
    assert MALAYSIA_MISSION not in chat.say("anak saya kerja di malaysia")
    clock.now += timedelta(minutes=1)
    reply = chat.say("sudah 2 bulan dia tidak boleh keluar rumah majikan")
    assert MALAYSIA_POLICE in reply and MALAYSIA_MISSION in reply
    assert "Lapor darurat" in reply


def test_two_pieces_that_say_danger_only_together_get_the_danger_reply(
    sqlite_services: Services,
) -> None:
    """Wanting to go home and not being able to is danger when it is happening now; the
    piece that says "now" comes after."""
    chat, clock = chat_with_clock(sqlite_services, "kakak")
    first = chat.say("adik saya kerja di Taiwan mau pulang tapi tidak bisa")
    assert "Lapor darurat" not in first
    clock.now += timedelta(minutes=3)
    reply = chat.say("hari ini dia telepon sambil menangis")
    assert "Lapor darurat" in reply and "1955" in reply  # Taiwan's line for foreign workers


def test_the_urgent_report_carries_every_piece(sqlite_services: Services) -> None:
    chat, clock = chat_with_clock(sqlite_services, "pak-amin")
    chat.say("istri saya kerja di Riyadh")
    clock.now += timedelta(minutes=2)
    assert "Lapor darurat" in chat.say("dia dikurung majikan tidak boleh keluar")
    opening = press_urgent_report(chat)
    assert "kerja di Riyadh" in opening and "dikurung" in opening


def test_pieces_older_than_the_window_are_another_conversation(sqlite_services: Services) -> None:
    chat, clock = chat_with_clock(sqlite_services, "lama")
    chat.say("anak saya kerja di malaysia")
    clock.now += pieces.WINDOW + timedelta(minutes=1)
    reply = chat.say("sudah 2 bulan dia tidak boleh keluar rumah majikan")
    assert "Lapor darurat" in reply and MALAYSIA_MISSION not in reply


def test_after_the_danger_reply_a_thank_you_does_not_bring_it_again(
    sqlite_services: Services,
) -> None:
    chat, clock = chat_with_clock(sqlite_services, "sekali")
    assert "Lapor darurat" in chat.say("tolong adik saya disekap majikan di johor")
    clock.now += timedelta(seconds=30)
    assert "Lapor darurat" not in chat.say("baik pak, saya mau tanya cara kirim uang yang aman")


def test_only_recent_pieces_of_this_code_are_read() -> None:
    now = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)
    kept = pieces.remembered(None, "pak", now)
    kept = pieces.remembered(kept, "anak saya di malaysia", now + timedelta(minutes=1))
    assert pieces.recent(kept, now + timedelta(minutes=2)) == ["pak", "anak saya di malaysia"]
    assert pieces.recent(kept, now + timedelta(minutes=10, seconds=30)) == ["anak saya di malaysia"]
    assert pieces.recent([{"text": "x"}, "junk", {"at": "not a time"}], now) == []
    for n in range(20):
        kept = pieces.remembered(kept, f"piece {n}", now + timedelta(minutes=2))
    # a report carries the last twelve; a message is read with the last four
    assert len(kept) == pieces.STORY_PIECES
    assert len(pieces.recent(kept, now + timedelta(minutes=3))) == pieces.MAX_PIECES
    assert pieces.whole(["a" * 3000], "b " * 800).rstrip().endswith("b")
    assert len(pieces.whole(["a" * 3000], "b " * 800)) <= pieces.MAX_CHARS


def test_a_follow_up_that_says_too_little_alone_is_answered_in_its_context(
    sqlite_services: Services,
) -> None:
    chat, clock = chat_with_clock(sqlite_services, "calon")
    chat.say("saya mau kerja ke jepang")
    clock.now += timedelta(minutes=1)
    assert "Jepang" in chat.say("syaratnya apa aja ya")
    # alone, after the window, the same words are not placed: choices
    clock.now += pieces.WINDOW + timedelta(minutes=1)
    assert "Saya belum yakin" in chat.say("syaratnya apa aja ya")


def test_the_place_an_earlier_piece_named_picks_its_paragraph_of_an_answer_with_one_per_place(
    sqlite_services: Services,
) -> None:
    chat, clock = chat_with_clock(sqlite_services, "ibu-taiwan")
    chat.say("anak saya di taiwan")
    clock.now += timedelta(minutes=1)
    reply = chat.say("berapa gaji minimum disana")
    assert "*Taiwan*" in reply and "*Hong Kong*" not in reply, reply


def test_the_same_topic_again_minutes_later_points_to_its_answer_and_later_gives_it_again(
    sqlite_services: Services,
) -> None:
    chat, clock = chat_with_clock(sqlite_services, "ibu-kabar")
    first = chat.say("anak sy di malaysia sdh 3 bulan tdk ada kabar")
    assert "Kumpulkan data" in first
    clock.now += timedelta(minutes=2)
    again = chat.say("hp nya tdk aktif")
    assert "ada di atas" in again and "Kumpulkan data" not in again
    clock.now += pieces.WINDOW + timedelta(minutes=1)
    later = chat.say("anak sy di malaysia sdh 3 bulan tdk ada kabar")
    assert "Kumpulkan data" in later  # off the screen by now: the whole answer


def test_a_follow_up_in_another_language_is_answered_in_it(sqlite_services: Services) -> None:
    chat, clock = chat_with_clock(sqlite_services, "kakak-en")
    chat.say("anak sy di malaysia sdh 3 bulan tdk ada kabar")
    clock.now += timedelta(minutes=1)
    chat.say("hp nya tdk aktif")
    clock.now += timedelta(minutes=1)
    reply = chat.say("what should she do now?")
    assert "Collect the details" in reply and "Kumpulkan data" not in reply


def test_a_new_question_keeps_its_own_answer(sqlite_services: Services) -> None:
    chat, clock = chat_with_clock(sqlite_services, "pindah")
    chat.say("saya mau kerja ke jepang")
    clock.now += timedelta(minutes=1)
    reply = chat.say("cara kirim uang ke keluarga yang aman gimana?")
    assert "Specified Skilled Worker" not in reply


def _last_replies(triage: Triage, with_context: bool) -> Iterator[tuple[dict[str, Any], Reading]]:
    """Each written chat's last message, as the chat reads it (`read_in_context`, the pieces
    kept as `Engine.answer` keeps them), or alone."""
    for line in (DATA / "follow_ups.jsonl").read_text("utf-8").splitlines():
        chat = json.loads(line)
        earlier: list[str] = []
        for text in chat["messages"]:
            reading = pieces.read_in_context(triage, text, earlier if with_context else [], None)
            earlier = [] if reading.urgent else [*earlier, text][-pieces.MAX_PIECES :]
        yield chat, reading


def _top1_by_kind(triage: Triage, with_context: bool) -> dict[str, float]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for chat, reading in _last_replies(triage, with_context):
        assert not reading.urgent, chat  # everyday chats: no one is in danger
        if chat["topics"]:
            total[chat["kind"]] += 1
            right[chat["kind"]] += bool(set(chat["topics"]) & set(reading.answered))
    return {kind: right[kind] / total[kind] for kind in total}


def test_written_chats_are_answered_in_their_context(triage: Triage) -> None:
    """200 chats a helper wrote, blind to the engine (tests/data/follow_ups.jsonl): follow-ups
    that say too little alone ("biayanya berapa?"), questions cut into pieces, and new
    questions on another subject. Measured when this came (stop 37): top-1 of the last message
    0.28 -> 0.77, 0.45 -> 0.75 and 0.89 -> 0.89 (the variant was chosen on the odd lines;
    the even lines gave 0.28 -> 0.69, 0.47 -> 0.93, 0.77 -> 0.77)."""
    alone = _top1_by_kind(triage, with_context=False)
    in_context = _top1_by_kind(triage, with_context=True)
    assert alone["follow-up"] <= 0.35 and alone["split"] <= 0.55  # the set does need context
    assert in_context["follow-up"] >= 0.72 and in_context["split"] >= 0.70
    assert (
        in_context["new-question"] >= 0.85 and in_context["new-question"] >= alone["new-question"]
    )


def test_a_second_danger_message_in_the_same_place_is_noted_not_met_with_the_numbers_again(
    sqlite_services: Services,
) -> None:
    """The numbers were given a minute ago: "hp nya diambil majikan" after "tidak boleh pulang"
    gets the short note with the urgent report and its own answer; the whole list comes again
    only for a new place, whose numbers the family does not have yet."""
    chat, clock = chat_with_clock(sqlite_services, "ibu-rina")
    first = chat.say("anak saya di Johor sudah 3 bulan tidak boleh pulang")
    assert MALAYSIA_MISSION in first and "Lapor darurat" in first
    clock.now += timedelta(minutes=1)
    second = chat.say("hp nya diambil majikan")
    assert MALAYSIA_MISSION not in second and MALAYSIA_POLICE not in second
    assert "saya tambahkan ke cerita Anda" in second and "Lapor darurat" in second
    assert "paspor" in second.lower()  # what the message is about is still answered
    clock.now += timedelta(minutes=1)
    moved = chat.say("sekarang dia dibawa ke Singapura dan dipukuli")
    assert "Dari Singapura" in moved and MALAYSIA_MISSION not in moved
    clock.now += timedelta(minutes=20)
    later = chat.say("hp nya diambil lagi sama majikan")
    assert "Dari mana saja" in later  # another conversation: the numbers in full


def test_asking_what_to_do_after_the_danger_reply_gets_the_next_steps_and_lapor_its_report(
    sqlite_services: Services,
) -> None:
    """ "What should we do" right after the numbers gets what to do now, not the service's
    menu; "lapor" typed then opens the urgent report without the numbers a second time."""
    chat, clock = chat_with_clock(sqlite_services, "kak-dewi")
    first = chat.say("adik saya di Johor dikurung majikan, tidak boleh keluar")
    assert MALAYSIA_MISSION in first
    clock.now += timedelta(minutes=1)
    asked = chat.say("tolong bantu kami pak")
    assert MALAYSIA_MISSION not in asked
    assert "Yang bisa dilakukan sekarang" in asked and "Lapor darurat" in asked
    assert "Lapor keberangkatan" not in asked  # not the menu
    clock.now += timedelta(minutes=1)
    english = chat.say("what should we do")
    assert "What to do now" in english and "Record a departure" not in english
    clock.now += timedelta(minutes=1)
    report = chat.say("lapor")
    assert "Do you agree" in report  # the chat follows the English just written
    assert MALAYSIA_MISSION not in report and "Dari mana saja" not in report
    with transaction(chat.services.factory) as session:
        data = session.scalars(select(Conversation)).one().data
    assert data["urgent"] and "dikurung" in str(data["opening"])


@pytest.mark.parametrize(
    "yes", ["ya", "iya pak lapor", "nggih", "yes please report", "mau pak", "aok", "iy pak tlg"]
)
def test_a_yes_under_the_danger_reply_opens_the_urgent_report(
    sqlite_services: Services, yes: str
) -> None:
    """ "ya", "iya pak lapor" and "nggih" under *Urgent report* got "added to your story",
    again and again (a chat tester, stop 46): a yes is the press of the button."""
    chat, clock = chat_with_clock(sqlite_services, "ibu-yes")
    assert "Lapor darurat" in chat.say("anak sy d malaysia d pukul majikan")
    clock.now += timedelta(minutes=1)
    reply = chat.say(yes)
    assert "tambahkan ke cerita" not in reply and "added this" not in reply, reply
    with transaction(chat.services.factory) as session:
        conversation = session.scalars(select(Conversation)).one()
    assert conversation.flow == "case" and conversation.data["urgent"], conversation.data
    assert "pukul" in str(conversation.data["opening"])


def test_a_second_question_after_the_danger_reply_that_places_nothing_gets_choices(
    sqlite_services: Services,
) -> None:
    """ "can my brother in lombok report for me?" after the next steps got its choices under
    "These may also help:", with nothing above it (a chat tester, stop 46)."""
    chat, clock = chat_with_clock(sqlite_services, "riyadh")
    chat.say("contract finish, madam not give exit visa and salary, i am in riyadh")
    clock.now += timedelta(minutes=1)
    assert "What to do now" in chat.say("what should i do?")
    clock.now += timedelta(minutes=1)
    reply = chat.say("can my brother in lombok report for me?")
    assert reply.startswith("I am not sure I understood"), reply


def test_more_of_the_story_after_the_danger_reply_is_added_to_the_urgent_report(
    sqlite_services: Services,
) -> None:
    """A mother who adds her daughter's name after the numbers gets the urgent report again,
    not choices about age limits; pressing it carries the danger message and the details."""
    chat, clock = chat_with_clock(sqlite_services, "ibu-siti")
    assert "Lapor darurat" in chat.say("tolong anak saya disekap majikan di johor")
    clock.now += timedelta(minutes=1)
    reply = chat.say("namanya Siti, umurnya 25")
    assert "saya tambahkan ke cerita Anda" in reply and "Lapor darurat" in reply
    assert "Batas usia" not in reply and MALAYSIA_POLICE not in reply  # no second danger reply
    clock.now += timedelta(minutes=1)
    opening = press_urgent_report(chat)
    assert "disekap" in opening and "Siti" in opening


def test_after_a_pause_a_new_message_is_read_as_usual_again(sqlite_services: Services) -> None:
    chat, clock = chat_with_clock(sqlite_services, "jeda")
    chat.say("tolong anak saya disekap majikan di johor")
    clock.now += pieces.WINDOW + timedelta(minutes=1)
    assert "saya tambahkan" not in chat.say("namanya Siti, umurnya 25")


def test_a_message_that_only_names_another_place_asks_the_question_before_it_of_that_place(
    triage: Triage,
) -> None:
    numbers = triage.numbers
    assert asked_again_for("klo di malaysia?", ["gaji di taiwan brp"], numbers) == (
        "gaji di malaysia brp"
    )
    # the question before two places, not the place asked about last
    assert asked_again_for("klo korea?", ["gaji di taiwan brp", "klo di malaysia?"], numbers) == (
        "gaji di korea brp"
    )
    assert (
        asked_again_for("klo di malaysia gajinya dipotong gk?", ["gaji di taiwan"], numbers) is None
    )
    assert asked_again_for("klo di taiwan?", ["gaji di taiwan brp"], numbers) is None
    assert asked_again_for("klo di malaysia?", ["gaji PRT brp"], numbers) is None


def test_a_question_of_another_place_after_the_danger_reply_is_answered_not_dialled(
    sqlite_services: Services,
) -> None:
    """ "kalau di hk agensi itu diawasi siapa?" after a Malaysia danger reply got Hong Kong's
    emergency numbers (a chat tester, stop 48): a question of that place, answered for it. A
    second person there still gets that place's numbers."""
    chat, clock = chat_with_clock(sqlite_services, "tawau")
    assert "Lapor darurat" in chat.say("sy di tawau, majikan kunci sy di rumah")
    clock.now += timedelta(minutes=1)
    reply = chat.say("kalau di hk agensi itu diawasi siapa?")
    assert "Dari Hong Kong" not in reply and "*Hong Kong*" in reply, reply
    assert "*Taiwan*" not in reply
    clock.now += timedelta(minutes=1)
    assert "Dari Hong Kong" in chat.say("kalau di hongkong gmn? adik sy d sana jg dikunci")


def test_a_number_of_ones_own_is_not_asking_for_the_places_numbers() -> None:
    from bot.triage import asks_the_number

    assert asks_the_number("nomornya brp?")
    assert asks_the_number("kl lapor ke siapa d jepang, ada nomornya?")
    for own in ("nomor paspornya apa", "no rekeningnya brp", "gaji nya brp"):
        assert not asks_the_number(own), own


def test_a_crew_member_at_sea_gets_what_reaches_a_ship_not_a_lands_numbers(
    sqlite_chat: Chat,
) -> None:
    """ "sy ABK kapal ikan taiwan, skrg lg d laut dekat fiji, kapten suka mukul" got Taiwan's
    police and ambulance, which a boat near Fiji cannot call, and then Taiwan's wages (a chat
    tester, stop 48): what works over the ship's internet, then what to do when beaten."""
    reply = sqlite_chat.say(
        "sy ABK kapal ikan taiwan, skrg lg d laut dekat fiji, kapten suka mukul"
    )
    assert "Di laut" in reply and "Safe Travel" in reply and "0811-8080-141" in reply, reply
    assert "Dari Taiwan" not in reply and "NT$20,000" not in reply, reply
    assert "Sebutkan negara atau kotanya" not in reply


def test_sabah_sarawak_or_penang_are_told_the_nearest_consulates_number_is_lacking(
    sqlite_chat: Chat,
) -> None:
    """ "nomor kjri kota kinabalu brp?" got Kuala Lumpur's and Johor Bahru's numbers without a
    word that Kota Kinabalu's is lacking (chat testers, stop 48)."""
    reply = sqlite_chat.say("nomor kjri kota kinabalu brp?")
    assert "belum punya nomor konsulat (KJRI) terdekat" in reply and "KBRI Kuala Lumpur" in reply
    johor = Chat(sqlite_chat.services, user="jb").say("nomor kjri johor brp?")
    assert "belum punya nomor konsulat" not in johor, johor


def test_two_places_compared_keep_both_paragraphs(sqlite_chat: Chat) -> None:
    """ "mau kerja ke taiwan atau hk, bagus mana?" showed Taiwan's paragraph alone (a tester,
    stop 48): a comparison keeps both."""
    reply = sqlite_chat.say("mau kerja ke taiwan atau hk, bagus mana?")
    assert "*Taiwan*" in reply and "*Hong Kong*" in reply, reply


def test_two_places_named_keep_only_their_own_paragraphs(sqlite_chat: Chat) -> None:
    """A helper in Hong Kong whose employer moves to Shenzhen got Taiwan's 60 days to find a
    new employer (a tester of workers abroad, stop 60)."""
    reply = sqlite_chat.say("sy PRT di hongkong, majikan mau pindah ke shenzhen bawa sy, boleh gk?")
    assert "berbeda di tiap negara" in reply
    assert "*Taiwan*" not in reply and "60 hari" not in reply, reply
