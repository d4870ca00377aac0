"""Opt-in and opt-out in the chat: "info desa", "berhenti"/"stop" inside and outside a form,
the offer after a registration and a report, and "hapus data saya"."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.announcements import service
from bot.announcements.models import Delivery, Subscription
from bot.store.db import transaction
from bot.store.models import Contact
from migran.services import Services
from tests.announcements_support import announce, states, subscriber
from tests.bot.test_store import register, report
from tests.conftest import Chat
from tests.officers_support import ANJANI, SAKRA, team
from tests.register_support import record_departure


def subscription(services: Services, user: str) -> str | None:
    """The village whose news the user gets, or None."""
    with services.factory() as session:
        contact = session.scalars(select(Contact).where(Contact.channel_user_id == user)).one()
        row = service.subscription_of(session, contact.id)
        return row.village_code if row else None


def test_info_desa_asks_the_village_confirms_it_and_says_how_to_stop(services: Services) -> None:
    chat = Chat(services, user="6281100000001", channel="whatsapp")
    assert "Desa/kelurahan asal Anda" in chat.say("info desa")
    assert "Anjani" in chat.say("anjani suralaga")
    answer = chat.say(button="opt:yes")
    assert "berhenti" in answer and "hapus data saya" in answer
    assert subscription(services, chat.user) == ANJANI
    assert "sudah menerima" in chat.say("info desa").lower()


def test_a_known_village_is_used_without_asking_again(services: Services) -> None:
    chat = Chat(services, user="6281100000002", channel="whatsapp")
    registered = register(chat)
    assert "cmd:subscribe" in [b.id for b in chat.history[-1][1][-1].buttons]
    assert "Anjani" in chat.say(button="cmd:subscribe")
    assert subscription(services, chat.user) == ANJANI
    assert "Pendaftaran berhasil" in registered and "Info desa" in registered


def test_the_report_ends_with_the_offer_too(services: Services) -> None:
    chat = Chat(services, user="6281100000003", channel="whatsapp")
    report(chat)
    assert "cmd:subscribe" in [b.id for b in chat.history[-1][1][-1].buttons]
    chat.say(button="cmd:subscribe")
    assert subscription(services, chat.user) == SAKRA


def test_a_recorded_departure_ends_with_the_offer_and_uses_its_village(
    services: Services,
) -> None:
    chat = Chat(services, user="6281100000004", channel="whatsapp")
    recorded = record_departure(chat, "PT Maju Jaya Abadi")
    assert "R-" in recorded and "Info desa" in recorded
    assert "cmd:subscribe" in [b.id for b in chat.history[-1][1][-1].buttons]
    chat.say(button="cmd:subscribe")
    assert subscription(services, chat.user) == ANJANI


def test_stop_outside_a_form_unsubscribes_and_says_how_to_come_back(services: Services) -> None:
    chat = Chat(services, user="6281100000004", channel="whatsapp")
    subscriber(services, "other", ANJANI)
    chat.say("halo")
    with services.factory() as session:
        contact = session.scalars(select(Contact).where(Contact.channel_user_id == chat.user)).one()
    chat.say("info desa")
    chat.say("anjani")
    chat.say(button="opt:yes")
    answer = chat.say("stop")
    assert "info desa" in answer and "menu" not in answer.lower()
    assert subscription(services, chat.user) is None
    # not a subscriber any more: "stop" is the plain cancel again, which shows the menu
    assert "Daftar pelatihan" in chat.say("berhenti")
    with services.factory() as session:
        ended = session.scalars(
            select(Subscription).where(Subscription.contact_id == contact.id)
        ).one()
        assert ended.ended_at is not None


def subscribed_chat(services: Services, user: str) -> Chat:
    """A WhatsApp chat that asked for Anjani's news."""
    chat = Chat(services, user=user, channel="whatsapp")
    chat.say("info desa")
    chat.say("anjani")
    chat.say(button="opt:yes")
    assert subscription(services, user) == ANJANI
    return chat


@pytest.mark.parametrize(
    "words",
    [
        "berhenti dong",
        "stop aja",
        "stop kirim info",
        "jangan kirim info lagi",
        "sy gk mau terima info desa lagi",
        "tidak usah kirim berita desa lagi",
    ],
)
def test_a_subscriber_stops_the_news_in_their_own_words(services: Services, words: str) -> None:
    chat = subscribed_chat(services, "6281100000008")
    answer = chat.say(words)
    assert "tidak akan menerima info desa lagi" in answer and "info desa" in answer
    assert subscription(services, chat.user) is None


def test_stop_inside_another_sentence_is_read_as_a_message(services: Services) -> None:
    chat = subscribed_chat(services, "6281100000009")
    answer = chat.say("majikan stop gaji sy")
    assert "Gaji tidak dibayar" in answer  # read like any message about pay
    assert "info desa lagi" not in answer
    assert subscription(services, chat.user) == ANJANI


def test_from_someone_not_subscribed_the_sentence_is_read_as_usual(services: Services) -> None:
    chat = Chat(services, user="6281100000010", channel="whatsapp")
    assert "Anda tidak menerima info desa" not in chat.say("jangan kirim info lagi")


@pytest.mark.parametrize(
    "words",
    [
        "mau info lowongan",
        "ikut info desa dong",
        "langganan info",
        "sy mau dpt info lowongan kerja ke luar negeri dr desa",
    ],
)
def test_a_wish_for_news_offers_the_village_news(services: Services, words: str) -> None:
    chat = Chat(services, user="6281100000011", channel="whatsapp")
    answer = chat.say(words)
    assert "Info desa:" in answer and "batal" in answer  # what is offered, and the way out
    assert "Desa/kelurahan asal Anda" in answer
    chat.say("anjani suralaga")
    assert "berhenti" in chat.say(button="opt:yes")
    assert subscription(services, chat.user) == ANJANI


@pytest.mark.parametrize(
    "words",
    [
        "apakah lowongan kerja di facebook aman?",
        "mau kirim info lowongan",
        "mau info",
        "sy dpt info lowongan kerja luar negeri",  # an offer received (a chat tester, stop 42)
    ],
)
def test_a_question_or_news_to_tell_is_not_a_wish_for_the_news(
    services: Services, words: str
) -> None:
    chat = Chat(services, user="6281100000012", channel="whatsapp")
    assert "Desa/kelurahan asal Anda" not in chat.say(words)


def test_a_wish_for_news_inside_a_form_is_the_forms_answer(services: Services) -> None:
    chat = Chat(services, user="6281100000013", channel="whatsapp")
    chat.say("pelatihan")
    assert "Desa/kelurahan asal Anda" not in chat.say("mau info lowongan")


def test_stop_inside_a_form_cancels_the_form_and_keeps_the_news(services: Services) -> None:
    chat = Chat(services, user="6281100000005", channel="whatsapp")
    chat.say("info desa")
    chat.say("anjani")
    chat.say(button="opt:yes")
    chat.say("pelatihan")
    answer = chat.say("berhenti")
    assert "Dibatalkan" in answer or "Cancelled" in answer
    assert "lagi" in answer or "again" in answer  # type it again to stop the news
    assert subscription(services, chat.user) == ANJANI
    chat.say("berhenti")
    assert subscription(services, chat.user) is None


def test_berhenti_info_desa_stops_the_news_even_inside_a_form(services: Services) -> None:
    chat = Chat(services, user="6281100000006", channel="whatsapp")
    chat.say("info desa")
    chat.say("anjani")
    chat.say(button="opt:yes")
    chat.say("lapor")
    assert "info desa" in chat.say("berhenti info desa")
    assert subscription(services, chat.user) is None


def test_the_web_chat_points_to_whatsapp_and_telegram(services: Services) -> None:
    chat = Chat(services, user="web-1", channel="web")
    assert "WhatsApp" in chat.say("info desa")
    assert subscription(services, chat.user) is None


def test_hapus_data_saya_erases_the_subscription_and_what_was_not_sent(
    services: Services,
) -> None:
    people = team(services)
    chat = Chat(services, user="6281100000007", channel="whatsapp")
    chat.say("info desa")
    chat.say("anjani")
    chat.say(button="opt:yes")
    with services.factory() as session:
        contact_id = session.scalars(
            select(Contact.id).where(Contact.channel_user_id == chat.user)
        ).one()
    announcement_id = announce(services, people["anjani"].id, "Info pelatihan.", [ANJANI])
    assert states(services, announcement_id) == {contact_id: "queued"}  # no sender runs here
    chat.say("hapus data saya")
    chat.say(button="erase:yes")
    with services.factory() as session:
        assert not session.scalars(
            select(Subscription).where(Subscription.contact_id == contact_id)
        ).all()
        assert not session.scalars(select(Delivery).where(Delivery.contact_id == contact_id)).all()


def test_a_subscriber_asking_what_news_there_is_gets_what_was_sent(services: Services) -> None:
    """ "ada berita apa aja skrg?" from a subscriber got topic choices (a register and news
    tester, stop 63)."""
    people = team(services)
    chat = Chat(services, user="6281100000009", channel="whatsapp")
    chat.say("info desa")
    chat.say("anjani")
    chat.say(button="opt:yes")
    assert "Belum ada info desa yang dikirim" in chat.say("ada berita apa aja skrg?")
    announcement_id = announce(services, people["anjani"].id, "Pelatihan las, Senin.", [ANJANI])
    with transaction(services.factory) as session:  # the outbox has sent it
        for delivery in session.scalars(
            select(Delivery).where(Delivery.announcement_id == announcement_id)
        ):
            delivery.state = "sent"
    said = chat.say("ada berita apa aja skrg?")
    assert "Pelatihan las, Senin." in said
    assert "Pelatihan las" not in chat.say("apa kabar?")  # a greeting, not a news question
