"""A family that writes back about a resolved report reaches its officer: the report opens
again, with the officer who resolved it. A new question, thanks, or a month's silence do not
reopen it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.cases import service as handoff
from bot.store.db import transaction
from bot.store.models import Case, CaseEvent, Officer, OutboxMessage
from migran.services import Services
from tests.bot.test_case_review import replay
from tests.cases_support import REPORT_STEPS, as_officer
from tests.conftest import Chat
from tests.officers_support import team


@pytest.fixture
def resolved(services: Services) -> tuple[Chat, str, int]:
    """A report sent, claimed and resolved by the village officer; returns the family's chat,
    the case number and the officer's id."""
    officer = team(services)["anjani"].id
    chat = Chat(services)
    replay(chat, REPORT_STEPS)
    with transaction(services.factory) as session:
        number = session.scalars(select(Case.number)).one()
    as_officer(
        services,
        officer,
        number,
        lambda s, case, o: handoff.claim(s, case=case, officer=o),
        lambda s, case, o: handoff.resolve(s, case=case, officer=o, outcome="Gaji sudah dibayar."),
    )
    return chat, number, officer


def the_case(services: Services) -> tuple[str, int | None, list[str]]:
    with transaction(services.factory) as session:
        case = session.scalars(select(Case)).one()
        kinds = list(session.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == case.id)))
        return case.status, case.officer_id, kinds


def officer_heard(services: Services, words: str) -> bool:
    with transaction(services.factory) as session:
        sent = session.scalars(
            select(OutboxMessage).where(OutboxMessage.recipient == "900001")
        ).all()
        return any(words in str(message.payload) for message in sent)


def test_writing_back_about_the_closing_opens_the_report_again_with_its_officer(
    services: Services, resolved: tuple[Chat, str, int]
) -> None:
    chat, number, officer = resolved
    text = chat.say("kok ditutup pak laporan sy, anak sy blm pulang")
    assert number in text and "Gaji sudah dibayar." in text
    assert "membukanya lagi" in text
    status, officer_id, kinds = the_case(services)
    assert (status, officer_id) == ("claimed", officer)
    assert kinds[-1] == "reopened"
    assert officer_heard(services, "anak sy blm pulang")
    text = chat.say("agen nya bilang tunggu bulan depan")  # the thread goes on
    assert f"ditambahkan ke laporan Anda *{number}*" in text
    assert the_case(services)[2][-1] == "family_message"


def test_something_not_over_opens_it_again(
    services: Services, resolved: tuple[Chat, str, int]
) -> None:
    chat, number, _ = resolved
    assert number in chat.say("gaji nya msh blm dibayar semua pak")
    assert the_case(services)[0] == "claimed"


def test_danger_after_the_resolution_gets_the_numbers_and_an_urgent_report(
    services: Services, resolved: tuple[Chat, str, int]
) -> None:
    chat, number, _ = resolved
    text = chat.say("pak anak sy dikurung majikan lagi, hp nya diambil")
    assert "Malaysia" in text and number in text
    with transaction(services.factory) as session:
        case = session.scalars(select(Case)).one()
        assert case.status == "claimed" and case.urgent


def test_danger_in_indonesia_after_the_resolution_gets_the_police_not_the_reports_country(
    services: Services, resolved: tuple[Chat, str, int]
) -> None:
    """The same place rule as for an open report (case_thread.danger_place). A sister is not
    the report's daughter: the resolved report stays closed, and an urgent one is one tap away
    (stop 54)."""
    chat, _number, _ = resolved
    text = chat.say("adik sy d sekap agen di batam")
    assert "*110*" in text and "Dari Malaysia" not in text and "Lapor darurat" in text


def test_a_new_question_or_thanks_does_not_reopen_it(
    services: Services, resolved: tuple[Chat, str, int]
) -> None:
    chat, number, _ = resolved
    assert number not in chat.say("makasih banyak pak")
    assert number not in chat.say("apa syarat kerja ke jepang?")
    assert the_case(services)[0] == "resolved"


def test_a_month_later_a_new_report_is_the_way(
    services: Services, resolved: tuple[Chat, str, int]
) -> None:
    chat, _number, _ = resolved
    with transaction(services.factory) as session:
        case = session.scalars(select(Case)).one()
        case.resolved_at = (case.resolved_at or case.created_at) - timedelta(days=31)
    text = chat.say("kok ditutup pak laporan sy")
    assert "membukanya lagi" not in text and "buat laporan baru" in text
    assert the_case(services)[0] == "resolved"


def test_reopened_with_its_officer_gone_it_waits_in_the_queue_from_the_reopening(
    services: Services, resolved: tuple[Chat, str, int]
) -> None:
    chat, _, officer = resolved
    with transaction(services.factory) as session:
        gone = session.get(Officer, officer)
        assert gone is not None
        gone.active = False
        case = session.scalars(select(Case)).one()
        case.created_at -= timedelta(days=10)  # reported long ago
    chat.say("kok laporan sy ditutup, blm selesai pak")
    status, officer_id, _ = the_case(services)
    assert (status, officer_id) == ("new", None)
    with transaction(services.factory) as session:
        now = services.dispatcher.clock()
        day = timedelta(days=1)
        escalated = handoff.escalate_due(session, now=now, urgent_after=day, any_after=day)
        assert escalated == []  # it waited since it opened again, not since its first day


@pytest.mark.parametrize(
    "text",
    [
        "makasih pak laporannya sudah selesai",
        "terima kasih bu petugas",
        "apa petugas desa bisa bantu buat paspor?",
        "ada kabar soal pelatihan bahasa jepang pak?",
        "anak sy yg kedua masih mau daftar ke jepang gmn caranya",
    ],
)
def test_thanks_or_a_new_question_after_the_resolution_leaves_it_resolved(
    services: Services, resolved: tuple[Chat, str, int], text: str
) -> None:
    chat, _number, _ = resolved
    assert "membukanya lagi" not in chat.say(text)
    assert the_case(services)[0] == "resolved"


@pytest.mark.parametrize(
    "text",
    [
        "gajinya dipotong lagi bulan ini pak",
        "tp gajinya baru dibayar setengah pak",
        "gmn laporan sy pak",
    ],
)
def test_the_trouble_going_on_opens_it_again(
    services: Services, resolved: tuple[Chat, str, int], text: str
) -> None:
    chat, _number, _ = resolved
    assert "membukanya lagi" in chat.say(text)
    assert the_case(services)[0] == "claimed"


def test_a_new_report_asked_for_after_the_resolution_starts_one(
    services: Services, resolved: tuple[Chat, str, int]
) -> None:
    chat, _, _ = resolved
    assert "nama lengkap pekerja" in chat.say(
        "sy mau buat laporan baru pak, soal adik sy di taiwan"
    )
    assert the_case(services)[0] == "resolved"


@pytest.mark.parametrize(
    "text",
    ["kasus TPPO di NTB banyak gk pak?", "cara bikin laporan ke polisi gmn?"],
)
def test_a_general_question_naming_reports_is_answered_not_reopening(
    services: Services, resolved: tuple[Chat, str, int], text: str
) -> None:
    chat, _, _ = resolved
    assert "membukanya lagi" not in chat.say(text)
    assert the_case(services)[0] == "resolved"


@pytest.mark.parametrize(
    "text",
    [
        "suami sy meninggal pak, kata temannya kecelakaan kerja",
        "pak, suami sy skrg gk bisa dihubungi",
        "makasih pak, tp sbnrnya gaji suami msh blm dibayar semua",
    ],
)
def test_grave_news_or_thanks_with_a_but_opens_it_again(
    services: Services, resolved: tuple[Chat, str, int], text: str
) -> None:
    chat, _, _ = resolved
    assert "membukanya lagi" in chat.say(text)
    assert the_case(services)[0] == "claimed"


def test_thanks_after_the_resolution_is_thanked(
    services: Services, resolved: tuple[Chat, str, int]
) -> None:
    chat, _, _ = resolved
    assert "Sama-sama" in chat.say("makasih bnyk pak, alhamdulillah")


def test_danger_of_someone_else_does_not_reopen_the_resolved_report(
    services: Services, resolved: tuple[Chat, str, int]
) -> None:
    """ "adik nya yg perempuan d arab dikurung majikan pak" reopened her brother's resolved
    report as urgent (an open-report tester, stop 54): the numbers, and a report of its own."""
    chat, _number, _ = resolved
    said = chat.say("adik nya yg perempuan d arab dikurung majikan pak")
    assert "Lapor darurat" in said
    status, _, _ = the_case(services)
    assert status == "resolved"
