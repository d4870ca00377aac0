"""What register tests share: the entries stored, and returnees walking the homecoming form."""

from __future__ import annotations

from sqlalchemy import select

from bot.register.models import RegisterEntry
from migran.services import Services
from tests.conftest import Chat


def entries(services: Services) -> list[RegisterEntry]:
    """Every register entry, oldest first, detached so its fields read after the session."""
    with services.factory() as session:
        found = list(session.scalars(select(RegisterEntry).order_by(RegisterEntry.id)))
        session.expunge_all()
        return found


def homecoming_to_departure(chat: Chat, city: str | None = "Kuala Lumpur") -> str:
    """A returnee with nothing recorded, through the homecoming form to "when did they leave?"
    (the city skipped when None); the reply to the last step."""
    chat.say("lapor kepulangan")
    chat.say(button="opt:yes")
    chat.say(button="rep:self")
    chat.say("Lalu Ahmad Fauzi")
    chat.say("sakra")
    chat.say(button="opt:yes")
    chat.say(button="sex:m")
    chat.say("30")
    chat.say(button="country:malaysia")
    if city:
        chat.say(city)
    else:
        chat.say(button="opt:skip")
    chat.say(button="sector:plantation")
    return chat.say(button="opt:skip")


def told_return_to_homecoming(chat: Chat) -> str:
    """A mother whose daughter "came home from Taiwan yesterday", through the homecoming form to
    the day she came home (guessed from the message); the reply to "left in March 2023"."""
    chat.say("anak sy udh pulang kemarin dr taiwan, mau lapor kepulangan")
    chat.say(button="opt:yes")
    chat.say("Siti Aminah")
    chat.say("anjani suralaga")
    chat.say(button="opt:yes")
    chat.say(button="sex:f")
    chat.say("28")
    chat.say(button="opt:yes")  # Taiwan, from the message
    chat.say(button="opt:skip")
    chat.say(button="sector:care")
    chat.say(button="opt:skip")
    return chat.say("maret 2023")
