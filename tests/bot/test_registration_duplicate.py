"""The same person registered twice for one training: from the same chat it is said at the
choice of the training; from another phone, when the answers show it is the same person."""

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

    assert "P-" in answers_from("hp-1")
    assert "sudah terdaftar" in answers_from("hp-2")  # the same answers from another phone
