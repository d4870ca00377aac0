"""The same person registered twice for one training: from the same chat it is said at the
choice of the training; from another phone, when the answers show it is the same person, without
the first chat's code (anyone can type a name, a year and a village)."""

from __future__ import annotations

from migran.services import Services
from tests.conftest import Chat
from tests.training_support import TYPED_FEMALE, sign_up


def test_the_same_person_from_another_phone_is_told_of_the_first_registration(
    sqlite_services: Services,
) -> None:
    def answers_from(phone: str) -> str:
        chat = Chat(sqlite_services, user=phone)
        return sign_up(chat, "otomotif", village="masbagik timur", sex=TYPED_FEMALE)

    first = answers_from("hp-1")
    code = first[first.index("P-") :].split("*")[0]
    again = answers_from("hp-2")  # the same answers from another phone
    assert "sudah terdaftar" in again and "chat lain" in again
    assert code not in again and "P-" not in again


def to_the_destination(chat: Chat) -> None:
    """Baiq Rina, 22, of Anjani, signs up for caregiver training up to the destinations (the
    phone skipped)."""
    chat.say("pelatihan")
    chat.say(button="opt:yes")
    chat.say(button="prog:caregiver")
    chat.say("Baiq Rina")
    chat.say("22")
    chat.say("anjani suralaga")
    chat.say(button="opt:yes")
    chat.say(button="opt:skip")


def caregiver_summary(chat: Chat, destination: str) -> str:
    to_the_destination(chat)
    chat.say(button=f"dest:{destination}")
    chat.say(button="edu:smp")
    return chat.say(button="sex:f")


def test_care_work_in_the_middle_east_is_signed_up_with_the_ban_told(services: Services) -> None:
    """Caregiver training for the Middle East was accepted with no note (a forms tester, stop
    55); the same training for Japan has none."""
    summary = caregiver_summary(Chat(services, user="me"), "timur-tengah")
    assert "Timur Tengah" in summary and "Kepmenaker 260/2015" in summary
    summary = caregiver_summary(Chat(services, user="jp"), "jepang")
    assert "Jepang" in summary and "Kepmenaker" not in summary


def test_the_training_named_in_the_first_message_is_not_asked_again(services: Services) -> None:
    """ "mau ikut pelatihan perawat lansia bu" and "I want to join the caregiver training" were
    asked the training again after consent (a forms tester, stop 55)."""
    chat = Chat(services, user="lansia")
    chat.say("mau ikut pelatihan perawat lansia bu")
    assert "nama lengkap" in chat.say(button="opt:yes")
    english = Chat(services, user="carer", language="en")
    english.say("I want to join the caregiver training")
    assert "full name" in english.say(button="opt:yes")


def test_a_country_typed_at_the_destinations_is_taken(services: Services) -> None:
    """ "arab saudi" and "dubai" typed at the destinations were refused (a forms tester,
    stop 55): the Middle East, with the ban told for care work."""
    chat = Chat(services, user="dubai")
    to_the_destination(chat)
    assert "SMA" in chat.say("dubai")
    chat.say(button="edu:smp")
    summary = chat.say(button="sex:f")
    assert "Timur Tengah" in summary and "Kepmenaker 260/2015" in summary
