"""Register news as families type it: in chat spelling ("anak sy jd brgkt bsk"), and beside a
question about the company ("..., ongkosnya ditanggung pt gk?"). Either way the entry it is
about is one tap away, as for the same news in full words; everyday sentences with the same
short words ("sy jd bingung") are not news."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event

from bot.context import Ctx
from bot.flows import register_news
from bot.flows.register_update import COMMANDS
from bot.ntb_time import ntb_day
from bot.store.db import transaction
from bot.store.models import Conversation
from bot.types import Incoming, Reply
from migran.services import Services
from tests.conftest import Chat
from tests.register_support import entries, record_planned_departure

REGISTER_BUTTONS = frozenset(
    ("cmd:departed", "cmd:returned", "cmd:departure_off", "cmd:departure_date", "cmd:register")
)


def buttons(replies: list[Reply]) -> list[str]:
    return [b.id for r in replies for b in r.buttons]


@pytest.mark.parametrize(
    "news",
    [
        "anak saya jadi berangkat besok",
        "anak sy jd brgkt bsk",
        "anak sy jdi brngkt besuk",
        "anak sy jd berangkt bsk",
        "anak sy jd brangkat besok",
    ],
)
def test_a_planned_departure_told_in_chat_spelling_is_one_tap_on_its_entry(
    chat: Chat, services: Services, news: str
) -> None:
    record_planned_departure(chat)
    tomorrow = ntb_day(services.dispatcher.clock()) + timedelta(days=1)
    offered = chat.send(news)
    assert "cmd:departure_date" in buttons(offered)
    assert tomorrow.strftime("%d-%m-%Y") in "\n".join(r.text for r in offered)
    chat.say(button="cmd:departure_date")
    [entry] = entries(services)
    assert (entry.status, entry.planned_departure) == ("planned", tomorrow)


def test_a_new_day_in_chat_spelling_is_read(chat: Chat, services: Services) -> None:
    """ "mgg dpn" is next week, as "minggu depan" is."""
    record_planned_departure(chat)
    next_week = ntb_day(services.dispatcher.clock()) + timedelta(days=7)
    offered = chat.send("anak sy jd brgkt mgg dpn")
    assert next_week.strftime("%d-%m-%Y") in "\n".join(r.text for r in offered)
    assert "cmd:departure_date" in buttons(offered)


def test_leaving_calling_off_and_coming_home_in_chat_spelling_are_one_tap(
    chat: Chat, services: Services
) -> None:
    record_planned_departure(chat)
    assert "cmd:departure_off" in buttons(chat.send("anak sy gk jd brngkt"))
    offered = chat.send("anak sy udh brgkt kmrn")
    assert "cmd:departed" in buttons(offered)
    chat.say(button="cmd:departed")
    assert "cmd:returned" in buttons(chat.send("alhamdulillah anak sy dah pulng"))
    chat.say(button="cmd:returned")
    [entry] = entries(services)
    assert entry.status == "returned"


def test_a_return_told_after_talk_of_a_called_off_departure_is_still_news(
    chat: Chat, services: Services
) -> None:
    # the message alone places no topic, so it is read with the pieces before it, which say
    # "gk jd berangkat": the whole is no return, but this message tells one
    record_planned_departure(chat)
    chat.send("anak sy gk jadi berangkat")
    chat.send("anak saya sudah berangkat kemarin")
    chat.say(button="cmd:departed")
    assert "cmd:returned" in buttons(chat.send("alhamdulillah anak saya sudah pulang"))


@pytest.mark.parametrize(
    "text",
    [
        "sy jd bingung",
        "bsk sy ke kantor desa",
        "anak sy jd brgkt ke pasar bsk",
        "dah makan blm",
        "jd gmn pak",
    ],
)
def test_everyday_sentences_with_the_same_short_words_are_not_news(
    chat: Chat, services: Services, text: str
) -> None:
    record_planned_departure(chat)
    assert not REGISTER_BUTTONS.intersection(buttons(chat.send(text)))
    [entry] = entries(services)
    assert entry.status == "planned"


def test_departure_news_beside_a_question_about_the_company_is_one_tap_and_answered(
    chat: Chat, services: Services
) -> None:
    record_planned_departure(chat)
    tomorrow = ntb_day(services.dispatcher.clock()) + timedelta(days=1)
    replies = chat.send("anak sy jadi berangkat besok, ongkosnya ditanggung pt gk?")
    shown = "\n".join(r.text for r in replies)
    assert "biaya penempatan" in shown.lower()  # the question is answered
    assert "cmd:departure_date" in buttons(replies) and tomorrow.strftime("%d-%m-%Y") in shown
    assert "cmd:register" not in buttons(replies)  # the entry, not a second form


def test_a_trouble_told_beside_the_question_gets_no_one_tap(chat: Chat) -> None:
    record_planned_departure(chat)
    replies = chat.send("anak sy jadi berangkat besok, tp paspornya ditahan pt, boleh gk?")
    assert not REGISTER_BUTTONS.intersection(buttons(replies))


def test_news_looks_up_the_contacts_entries_once(chat: Chat, services: Services) -> None:
    """The offer runs on almost every message: a message that tells of a departure, which
    could be news of leaving or a plan told again, reads the entries once; one that tells no
    news does not read them."""
    record_planned_departure(chat)  # Taiwan: news of Malaysia fits no entry
    reads: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM register_entries" in statement:
            reads.append(statement)

    def offer(text: str) -> bool:
        with transaction(services.factory) as session:
            engine, now = services.engine, services.dispatcher.clock()
            incoming = Incoming("console", chat.user, text=text)
            contact = engine.contact_for(session, incoming, now)
            conversation = session.get(Conversation, contact.id)
            assert conversation is not None
            ctx = Ctx(session, engine, contact, conversation, incoming, now)
            event.listen(services.database, "before_cursor_execute", count)
            try:
                return register_news.offer(ctx, text, returned=False)
            finally:
                event.remove(services.database, "before_cursor_execute", count)

    assert not offer("anak sy sudah berangkat ke malaysia kemarin")
    assert len(reads) == 1, reads
    reads.clear()
    assert not offer("berapa biaya ke taiwan")
    assert reads == []


def test_every_button_an_offer_carries_is_run_by_a_register_command() -> None:
    """The engine runs the register's commands from one table: a button added to the offers
    without a command behind it would be a tap that does nothing."""
    assert {button.removeprefix("cmd:") for button in register_news.TITLES} <= set(COMMANDS)


def test_a_planned_departure_told_again_with_the_work_abroad_is_one_tap_not_a_second_form(
    chat: Chat, services: Services
) -> None:
    record_planned_departure(chat)
    tomorrow = ntb_day(services.dispatcher.clock()) + timedelta(days=1)
    # "kebun" alone would be a trip at home; with Taiwan, the entry's country, named it is
    # the work there, and the words after the departure tell of it
    offered = chat.send("anak sy jd brgkt bsk ke taiwan kerja di kebun teh")
    assert "nama lengkap" not in "\n".join(r.text for r in offered)
    assert "cmd:departure_date" in buttons(offered)
    assert tomorrow.strftime("%d-%m-%Y") in chat.say(button="cmd:departure_date")
    # another country than the entry's is not this entry's news
    other = chat.send("anak sy jd brgkt bsk ke malaysia kerja di kebun sawit")
    assert "cmd:departure_date" not in buttons(other)
