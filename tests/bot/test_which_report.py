"""With two reports open, a message that names neither is not filed on a guess: the family is
asked which report it is for, and only the chosen report's officer hears of it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.store.db import transaction
from bot.store.models import Case, CaseEvent
from migran.services import Services
from tests.bot.test_case_review import replay
from tests.bot.test_family_thread import SECOND_REPORT, to_officer
from tests.cases_support import REPORT_STEPS, officer_replies
from tests.conftest import Chat
from tests.officers_support import team

PLEA = "pak tolong dibantu ya, sy sdh gk tau hrs gmn lagi"


@pytest.fixture
def two_reports(services: Services) -> tuple[Chat, dict[str, str], int]:
    """One family's two reports, both in Anjani: Baiq Nurhasanah's and Lalu Hamdi's (numbers by
    worker), and the village officer's id."""
    officer = team(services)["anjani"].id
    chat = Chat(services, user="two-workers")
    replay(chat, REPORT_STEPS)
    replay(chat, SECOND_REPORT)
    with transaction(services.factory) as session:
        numbers = {c.worker_name or "": c.number for c in session.scalars(select(Case))}
    return chat, numbers, officer


def messages_on(services: Services, number: str) -> list[str]:
    with transaction(services.factory) as session:
        return [
            e.body or ""
            for e in session.scalars(
                select(CaseEvent)
                .join(Case)
                .where(Case.number == number, CaseEvent.kind == "family_message")
                .order_by(CaseEvent.id)
            )
        ]


def told(services: Services, text: str) -> list[str]:
    """The officers' notices carrying `text`."""
    return [m for m in to_officer(services) if text in m]


def test_a_message_naming_neither_report_asks_which_and_waits_to_tell_the_officer(
    services: Services, two_reports: tuple[Chat, dict[str, str], int]
) -> None:
    chat, numbers, _ = two_reports
    replies = chat.send(PLEA)
    asked = replies[-1]
    assert "Laporan mana" in asked.text, asked.text
    assert [b.title for b in asked.buttons] == ["Lalu Hamdi", "Baiq Nurhasanah", "Keduanya"]
    assert not told(services, PLEA)  # no officer reads it before the family says whose it is

    said = chat.say("Baiq Nurhasanah")  # typed, not pressed
    first = numbers["Baiq Nurhasanah"]
    assert first in said and "ditambahkan" in said
    assert PLEA in messages_on(services, first)
    assert PLEA not in messages_on(services, numbers["Lalu Hamdi"])
    assert [m for m in told(services, PLEA) if first in m]


def test_the_report_chosen_by_its_button_gets_the_message_and_its_officer_hears(
    services: Services, two_reports: tuple[Chat, dict[str, str], int]
) -> None:
    chat, numbers, _ = two_reports
    chat.say(PLEA)
    second = numbers["Lalu Hamdi"]
    chat.say(button=f"cmd:pick:{second}")
    assert PLEA in messages_on(services, second)
    assert PLEA not in messages_on(services, numbers["Baiq Nurhasanah"])
    assert [m for m in told(services, PLEA) if second in m]


@pytest.mark.parametrize("answer", ["keduanya pak", "both", "2"])
def test_both_reports_can_get_the_message(
    services: Services, two_reports: tuple[Chat, dict[str, str], int], answer: str
) -> None:
    chat, numbers, _ = two_reports
    chat.say(PLEA)
    said = chat.say(answer)
    if answer == "2":  # the second button: Baiq Nurhasanah's report alone
        assert PLEA in messages_on(services, numbers["Baiq Nurhasanah"])
        assert PLEA not in messages_on(services, numbers["Lalu Hamdi"])
        return
    assert numbers["Lalu Hamdi"] in said and numbers["Baiq Nurhasanah"] in said
    for number in numbers.values():
        assert PLEA in messages_on(services, number)
    assert len(told(services, PLEA)) == 2


def test_writing_something_else_instead_still_passes_the_message_on(
    services: Services, two_reports: tuple[Chat, dict[str, str], int]
) -> None:
    """Nothing waits for an answer that never comes: the next message, whatever it is, lets
    the kept message reach the officer of the report it was kept on."""
    chat, numbers, _ = two_reports
    chat.say(PLEA)
    chat.say("menu")
    kept = [n for n in numbers.values() if PLEA in messages_on(services, n)]
    assert len(kept) == 1
    assert [m for m in told(services, PLEA) if kept[0] in m]


def test_where_both_reports_stand_is_told_before_asking_which_the_question_is_for(
    services: Services, two_reports: tuple[Chat, dict[str, str], int]
) -> None:
    chat, numbers, _ = two_reports
    said = chat.say("sudah ada kabar blm pak?")
    assert all(number in said for number in numbers.values())
    assert "menunggu petugas" in said and "Laporan mana" in said


def test_a_message_naming_a_worker_or_answering_an_officer_is_not_asked_about(
    services: Services, two_reports: tuple[Chat, dict[str, str], int]
) -> None:
    chat, numbers, officer = two_reports
    assert "Laporan mana" not in chat.say("hamdi udh bisa ditelpon pak")
    first = numbers["Baiq Nurhasanah"]
    officer_replies(services, officer, first, "Siapa nama agennya?")
    said = chat.say("nama agen nya pak Joko dr PT Bintang")
    assert "Laporan mana" not in said and first in said


def test_a_request_to_close_asks_which_report_and_closes_only_that_one(
    services: Services, two_reports: tuple[Chat, dict[str, str], int]
) -> None:
    """ "yg hilang kontak sdh ketemu, laporannya tutup aja pak" asked to close the other,
    most recently active report (a family chat tester, stop 49)."""
    chat, numbers, _ = two_reports
    text = "alhamdulillah sdh ketemu, laporannya tutup aja pak"
    assert "Laporan mana" in chat.say(text)
    assert not told(services, text)
    first = numbers["Baiq Nurhasanah"]
    said = chat.say(button=f"cmd:pick:{first}")
    assert "menutup laporan" in said and first in said
    closing = told(services, text)
    assert len(closing) == 1 and first in closing[0] and "ditutup" in closing[0], closing


def test_danger_naming_neither_report_gets_the_numbers_then_asks_which(
    services: Services, two_reports: tuple[Chat, dict[str, str], int]
) -> None:
    """It was filed on the newest report and marked that one urgent, on a guess (a third chat
    tester, stop 49). Both workers are in Malaysia here: its numbers."""
    chat, numbers, _ = two_reports
    text = "tolong pak, dia barusan telpon nangis2 katanya dipukul dan dikunci di gudang"
    said = chat.say(text)
    assert said.index("+60 17-668 8032") < said.index("Laporan mana")
    assert not told(services, text)
    first = numbers["Baiq Nurhasanah"]
    chat.say(button=f"cmd:pick:{first}")
    urgent = told(services, text)
    assert len(urgent) == 1 and first in urgent[0] and urgent[0].startswith("DARURAT"), urgent


def test_who_the_worker_is_to_the_family_tells_the_reports_apart(services: Services) -> None:
    """A daughter's report and a husband's: "anak sy skrg dikunci majikan" is the daughter's,
    with its danger marked there (it got the husband's report and country: a family chat
    tester, stop 50)."""
    team(services)
    chat = Chat(services, user="daughter-and-husband")
    replay(chat, REPORT_STEPS)  # "Gaji anak saya ...": Baiq Nurhasanah, the daughter
    husband = [
        {**s, "text": "Gaji suami saya tidak dibayar 4 bulan."}
        if s.get("text", "").startswith("Gaji anak")
        else s
        for s in SECOND_REPORT
    ]
    replay(chat, husband)
    with transaction(services.factory) as session:
        numbers = {c.worker_name or "": c.number for c in session.scalars(select(Case))}
    text = "anak sy skrg dikunci majikan nya gk dikasih makan, tlg pak"
    said = chat.say(text)
    assert "Laporan mana" not in said and numbers["Baiq Nurhasanah"] in said
    assert text in messages_on(services, numbers["Baiq Nurhasanah"])
    assert text not in messages_on(services, numbers["Lalu Hamdi"])


def test_the_status_asked_before_choosing_keeps_the_question_and_the_message(
    services: Services, two_reports: tuple[Chat, dict[str, str], int]
) -> None:
    """ "status", then "2": the question had gone, and the message with it to the other
    report (a family chat tester, stop 50)."""
    chat, numbers, _ = two_reports
    chat.say(PLEA)
    status = chat.send("status")[-1]
    assert "Laporan mana" in status.text
    assert [b.title for b in status.buttons][:2] == ["Lalu Hamdi", "Baiq Nurhasanah"]
    assert not told(services, PLEA)
    chat.say("2")
    first = numbers["Baiq Nurhasanah"]
    assert PLEA in messages_on(services, first)
    assert PLEA not in messages_on(services, numbers["Lalu Hamdi"])


def test_with_two_open_a_question_unplaced_gets_its_topics_then_which_report(
    services: Services, two_reports: tuple[Chat, dict[str, str], int]
) -> None:
    chat, _, _ = two_reports
    reply = chat.send("apa bpjs bisa dipakai klo sakit d malaysia?")
    offered = [b.title for r in reply for b in (*r.buttons, *r.rows)]
    assert "BPJS Ketenagakerjaan" in offered and "Laporan mana" in reply[-1].text


def test_erasing_with_two_reports_open_names_both(
    services: Services, two_reports: tuple[Chat, dict[str, str], int]
) -> None:
    """Only the newest open report was named (a family chat tester, stop 50)."""
    chat, numbers, _ = two_reports
    said = chat.say("hapus data saya")
    assert all(number in said for number in numbers.values()), said


def test_a_report_refused_by_name_sends_the_message_to_the_other(
    services: Services, two_reports: tuple[Chat, dict[str, str], int]
) -> None:
    """ "bukan rudi" sent it to Rudi's report (a regression tester, stop 56)."""
    chat, numbers, _ = two_reports
    chat.send(PLEA)
    chat.say("bukan hamdi")
    assert PLEA in messages_on(services, numbers["Baiq Nurhasanah"])
    assert PLEA not in messages_on(services, numbers["Lalu Hamdi"])
