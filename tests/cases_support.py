"""A family's report as steps any channel can replay, and an officer acting on the case."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cases.service import reply
from bot.store.db import transaction
from bot.store.models import Case, Officer
from migran.services import Services
from tests.conftest import Chat

REPORT_STEPS: list[dict[str, str]] = [
    {"text": "lapor"},
    {"button": "opt:yes"},
    {"button": "rep:family"},
    {"text": "Baiq Nurhasanah"},
    {"button": "country:malaysia"},
    {"text": "Johor Bahru"},
    {"button": "cat:wages"},
    {"text": "Gaji anak saya tidak dibayar 4 bulan."},
    {"button": "opt:yes"},
    {"text": "anjani suralaga"},
    {"button": "opt:yes"},
    {"button": "opt:yes"},
    {"button": "opt:submit"},
]
"""Unpaid wages in Malaysia, danger now, village Anjani (Suralaga), shared and sent."""


def report_to_the_village(chat: Chat, problem: str, story: str) -> str:
    """A family's report typed, not pressed, up to the village question (no one in danger
    now); the reply asking for the village."""
    reply = ""
    for text in ("lapor", "ya", "2", "Rina", "malaysia", "kuala lumpur", problem, story, "tidak"):
        reply = chat.say(text)
    return reply


GUESSED = "amaq tiang mele taoq tanda-tanda dengan sak dijual lek luar negeri"
"""Sasak: "father, I want to know the signs of people being sold abroad". The ranking is not
sure of it; the topic model is (trafficking)."""

GUESS_REPORTED = [
    {"text": GUESSED},
    {"button": "cmd:report"},
    *REPORT_STEPS[1:7],  # consent, relation, name, country, city, the problem
    {"button": "opt:no"},  # no one in danger; the story is the message answered
    *REPORT_STEPS[9:],  # village, confirmed, shared, sent
]
"""A father's question is answered as a guess; he presses "Ask an officer" and reports."""

Action = Callable[[Session, Case, Officer], object]


def as_officer(services: Services, officer_id: int, number: str, *actions: Action) -> None:
    """Runs handoff actions on case `number` as the officer, in one transaction."""
    with transaction(services.factory) as session:
        case = session.scalars(select(Case).where(Case.number == number)).one()
        officer = session.get(Officer, officer_id)
        assert officer is not None
        for action in actions:
            action(session, case, officer)


def officer_replies(services: Services, officer_id: int, number: str, text: str) -> None:
    """The officer replies to the family on case `number`."""
    as_officer(
        services, officer_id, number, lambda s, case, o: reply(s, case=case, officer=o, text=text)
    )
