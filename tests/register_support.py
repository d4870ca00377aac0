"""What register tests share: the entries stored, a mother telling of her daughter through the
departure form, and returnees walking the homecoming form."""

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


PLANNED = "anak saya mau berangkat ke Taiwan bulan depan"


def tell_of_a_daughter(chat: Chat, opening: str, name: str, age: str) -> None:
    """A mother telling the register of her daughter, from the opening message through the
    country it named: consent, the daughter's name, the village (confirmed), her sex, her age,
    the country (confirmed)."""
    chat.say(opening)
    chat.say(button="opt:yes")
    chat.say(name)
    chat.say("anjani suralaga")
    chat.say(button="opt:yes")
    chat.say(button="sex:f")
    chat.say(age)
    chat.say(button="opt:yes")  # the country, from the message


def record_planned_departure(chat: Chat) -> None:
    """A daughter's departure to Taiwan next month, recorded with every optional step skipped."""
    tell_of_a_daughter(chat, PLANNED, "Baiq Nurhasanah", "22")
    chat.say(button="opt:skip")
    chat.say(button="sector:care")
    chat.say(button="opt:skip")
    chat.say(button="opt:yes")
    chat.say(button="opt:skip")
    chat.say(button="opt:skip")
    chat.say(button="opt:submit")


def record_departure(chat: Chat, company: str) -> str:
    """The same departure with a city, a company and a contract length; the submitted reply."""
    tell_of_a_daughter(chat, PLANNED, "Baiq Nurhasanah", "22")
    chat.say("Taipei")
    chat.say(button="sector:care")
    chat.say(company)
    chat.say(button="opt:yes")
    chat.say("2 tahun")
    chat.say(button="opt:skip")
    return chat.say(button="opt:submit")


def to_company(chat: Chat, opening: str) -> str:
    """A daughter working in a factory in Kuala Lumpur, through the form to the company asked."""
    tell_of_a_daughter(chat, opening, "Siti Aminah", "25")
    chat.say("Kuala Lumpur")
    return chat.say(button="sector:factory")


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
    tell_of_a_daughter(
        chat, "anak sy udh pulang kemarin dr taiwan, mau lapor kepulangan", "Siti Aminah", "28"
    )
    chat.say(button="opt:skip")
    chat.say(button="sector:care")
    chat.say(button="opt:skip")
    return chat.say("maret 2023")
