"""Where the offices are (knowledge/content/topics/kantor-layanan.md): asked as families ask,
and what follows the answer (an offices tester, stop 55)."""

from __future__ import annotations

import pytest

from bot.triage import Triage
from tests.conftest import Chat


@pytest.mark.parametrize(
    "question",
    [
        "ltsa lotim dmn pak",
        "kantor bp3mi ntb alamatnya dmn ya",
        "where is the BP3MI office in mataram",
        "alamat ltsa bima dmn",
    ],
)
def test_where_the_offices_are_is_answered(triage: Triage, question: str) -> None:
    assert triage.read(question).topic == "kantor-layanan"


def test_the_village_office_is_not_the_offices_topic(triage: Triage) -> None:
    assert triage.read("kantor desa bs bantu apa").topic == "layanan-desa"


def test_opening_hours_after_the_address_are_said_to_be_unknown(chat: Chat) -> None:
    """ "jam buka nya?" after LTSA Bima's address on "Jl. Ksatria" got the Johor consulate's
    KSATRIA line."""
    assert "Jl. Ksatria No. 4" in chat.say("alamat ltsa bima dmn")
    said = chat.say("jam buka nya?")
    assert "KSATRIA" not in said and "jam buka semua kantor ini belum ada di data kami" in said
