"""The same person registered twice for one training: from the same chat it is said at the
choice of the training; from another phone, when the answers show it is the same person."""

from __future__ import annotations

from migran.services import Services
from tests.conftest import Chat


def register(chat: Chat, programme: str) -> str:
    chat.say("pelatihan")
    chat.say(button="opt:yes")
    chat.say(button=f"prog:{programme}")
    chat.say("Baiq Rina")
    chat.say("22")
    chat.say("masbagik timur")
    chat.say(button="opt:yes")
    chat.say(button="opt:skip")
    chat.say(button="dest:jepang")
    chat.say(button="edu:smp")
    chat.say("perempuan")
    return chat.say(button="opt:submit")


def test_the_same_person_from_another_phone_is_told_of_the_first_registration(
    sqlite_services: Services,
) -> None:
    first = register(Chat(sqlite_services, user="hp-1"), "otomotif")
    assert "P-" in first
    again = register(Chat(sqlite_services, user="hp-2"), "otomotif")
    assert "sudah terdaftar" in again
