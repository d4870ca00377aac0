"""The departure form's summary lets the family change one field and come back to it."""

from __future__ import annotations

from sqlalchemy import select

from bot.register.models import RegisterEntry
from migran.services import Services
from tests.conftest import Chat
from tests.register_support import PLANNED, tell_of_a_daughter


def to_summary(chat: Chat) -> str:
    tell_of_a_daughter(chat, PLANNED, "Baiq Nurhasanah", "22")
    chat.say("Taipei")
    chat.say(button="sector:care")
    chat.say("PT Maju Jaya Abadi")
    chat.say(button="opt:yes")
    chat.say("2 tahun")
    return chat.say(button="opt:skip")


def test_a_field_is_changed_from_the_summary_and_the_entry_keeps_the_change(
    chat: Chat, services: Services
) -> None:
    summary = to_summary(chat)
    assert "PT Maju Jaya Abadi" in summary and "Taiwan, Taipei" in summary
    assert "ingin anda ubah" in chat.say(button="opt:change").lower()
    chat.say(button="field:company")
    summary = chat.say("PT Sinar Qirvana Jaya")
    assert "PT Sinar Qirvana Jaya" in summary and "Maju Jaya" not in summary
    # a new country asks its city again, then the summary comes back
    chat.say(button="opt:change")
    chat.say(button="field:country")
    chat.say(button="country:malaysia")
    summary = chat.say("Johor Bahru")
    assert "Malaysia, Johor Bahru" in summary
    chat.say(button="opt:submit")
    with services.factory() as session:
        entry = session.scalars(select(RegisterEntry)).one()
    assert entry.company_name == "PT Sinar Qirvana Jaya"
    assert (entry.country, entry.city) == ("malaysia", "Johor Bahru")
    assert entry.worker_name == "Baiq Nurhasanah"
