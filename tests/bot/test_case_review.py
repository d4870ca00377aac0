"""Officers review the message a case was opened from, and those reviews become a labelled set
of real messages: only messages the assistant answered, never a family's erased data."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.cases.review import (
    NOT_REVIEWABLE,
    UNKNOWN_TOPIC,
    GivenReply,
    review,
    reviewed_messages,
)
from bot.cases.service import CaseError
from bot.privacy import erase_contact
from bot.store.db import transaction
from bot.store.models import Case, Contact, Officer
from knowledge.evaluation import Labelled
from migran.services import Services
from tests.cases_support import REPORT_STEPS
from tests.conftest import Chat
from tests.officers_support import team

MOTHER = (
    "Assalamualaikum pak, anak saya di Malaysia gajinya tidak dibayar 5 bulan oleh majikan, "
    "kami dari desa Anjani Suralaga"
)
FROM_THE_ANSWER = [
    {"text": MOTHER},
    {"button": "cmd:report"},
    {"button": "opt:yes"},  # "anak saya": a parent writes, so who reports is not asked
    {"text": "Baiq Nurhasanah"},
    {"button": "opt:yes"},
    {"text": "Johor"},
    {"button": "opt:yes"},
    {"button": "opt:no"},
    {"button": "opt:yes"},
    {"button": "opt:yes"},
    {"button": "opt:submit"},
]
"""A mother's message is answered; she presses "Ask an officer" and sends it as her report."""


def replay(chat: Chat, steps: list[dict[str, str]]) -> None:
    for step in steps:
        chat.send(step.get("text"), **({"button": step["button"]} if "button" in step else {}))


def only_case(services: Services) -> tuple[int, int]:
    with transaction(services.factory) as session:
        case = session.scalars(select(Case)).one()
        return case.id, case.contact_id or 0


def review_as_officer(
    services: Services,
    case_id: int,
    topics: list[str],
    danger: bool = False,
    known: set[str] | None = None,
) -> None:
    """Reviews the case as the first officer, in one transaction."""
    with transaction(services.factory) as session:
        case = session.get(Case, case_id)
        officer = session.scalars(select(Officer)).first()
        assert case is not None and officer is not None
        review(
            session,
            case=case,
            officer=officer,
            topics=topics,
            danger=danger,
            known=set(topics) if known is None else known,
        )


def reviewed(services: Services) -> list[Labelled]:
    with transaction(services.factory) as session:
        return reviewed_messages(session)


@pytest.fixture
def from_the_answer(services: Services) -> tuple[int, int]:
    team(services)
    replay(Chat(services, user="6281234", channel="whatsapp"), FROM_THE_ANSWER)
    return only_case(services)


def test_a_report_opened_from_an_answered_message_carries_it_and_can_be_reviewed(
    services: Services, from_the_answer: tuple[int, int]
) -> None:
    case_id, _contact = from_the_answer
    review_as_officer(services, case_id, ["gaji-tidak-dibayar", "malaysia", "gaji-tidak-dibayar"])
    with transaction(services.factory) as session:
        case = session.get(Case, case_id)
        assert case is not None and case.story_read and case.story == MOTHER
        # what the family got then, kept for the province's picture of the assistant
        assert case.assistant_reply is not None
        assert case.assistant_reply["answered"] == ["gaji-tidak-dibayar"]
        assert "kontak-darurat" in case.assistant_reply["offered"]
        assert case.assistant_reply["urgent"] is False
        assert case.events[-1].kind == "reviewed"
    (labelled,) = reviewed(services)
    assert labelled.question == MOTHER
    assert labelled.topics == ("gaji-tidak-dibayar", "malaysia")
    assert labelled.urgent is False


def test_a_review_names_only_known_topics(
    services: Services, from_the_answer: tuple[int, int]
) -> None:
    case_id, _contact = from_the_answer
    with pytest.raises(CaseError, match=UNKNOWN_TOPIC):
        review_as_officer(services, case_id, ["x"], danger=True, known={"y"})
    assert reviewed(services) == []


def test_no_topic_means_the_message_is_outside_the_service(
    services: Services, from_the_answer: tuple[int, int]
) -> None:
    case_id, _contact = from_the_answer
    review_as_officer(services, case_id, [])
    assert [r.topics for r in reviewed(services)] == [()]


def test_a_story_typed_into_the_form_is_not_a_message_the_assistant_answered(
    services: Services,
) -> None:
    team(services)
    replay(Chat(services, user="6281999", channel="whatsapp"), REPORT_STEPS)
    case_id, _contact = only_case(services)
    with pytest.raises(CaseError, match=NOT_REVIEWABLE):
        review_as_officer(services, case_id, [])


def test_a_family_that_erases_its_data_leaves_the_reviewed_set(
    services: Services, from_the_answer: tuple[int, int]
) -> None:
    case_id, contact_id = from_the_answer
    review_as_officer(services, case_id, ["malaysia"], danger=True)
    with transaction(services.factory) as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        erase_contact(session, contact, now=services.dispatcher.clock())
    assert reviewed(services) == []
    with pytest.raises(CaseError, match=NOT_REVIEWABLE):
        review_as_officer(services, case_id, [])


def test_what_the_assistant_gave_reads_like_a_verdict() -> None:
    """The danger reply comes first; the topic answered after it is the reply's topic."""
    after_danger = GivenReply.of(
        {
            "answered": ["kontak-darurat", "kekerasan-majikan"],
            "offered": ["malaysia"],
            "urgent": True,
        }
    )
    assert after_danger.first_topic == "kekerasan-majikan"
    assert after_danger.helped_with == ("kontak-darurat", "kekerasan-majikan", "malaysia")
    only_numbers = GivenReply.of({"answered": ["kontak-darurat"], "offered": [], "urgent": True})
    assert only_numbers.first_topic == "kontak-darurat"
    numbers_asked = GivenReply.of({"answered": ["kontak-darurat"], "urgent": False})
    assert numbers_asked.first_topic == "kontak-darurat"  # the numbers answered as a topic
    choices = GivenReply.of({"answered": [], "offered": ["paspor"], "urgent": False})
    assert choices.first_topic is None and choices.helped_with == ("paspor",)
