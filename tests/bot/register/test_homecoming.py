"""A returnee whose departure was never recorded records the whole trip, instead of meeting
"no recorded departure"; news of a return offers the record beside the answer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.ntb_time import ntb_day
from bot.register.hints import is_return_statement
from migran.services import Services
from tests.conftest import Chat
from tests.register_support import (
    entries,
    homecoming_to_departure,
    record_planned_departure,
    told_return_to_homecoming,
)


def test_a_return_with_no_departure_on_record_records_the_whole_trip(
    chat: Chat, services: Services
) -> None:
    opening = chat.say("lapor kepulangan")
    assert "Belum ada keberangkatan tercatat" in opening and "Setuju" in opening
    assert "tidak ada keberangkatan tercatat yang cocok" not in opening.lower()
    asked = homecoming_to_departure(chat)
    assert "Kapan pekerja berangkat" in asked
    assert "Kapan pekerja pulang" in chat.say("2 thn lalu")
    assert "lama kontrak" in chat.say("kemarin").lower()
    summary = chat.say("24")
    today = ntb_day(services.dispatcher.clock())
    assert (today - timedelta(days=1)).strftime("%d-%m-%Y") in summary
    assert "Pulang" in summary and "Kontak di luar negeri" not in summary
    done = chat.say(button="opt:submit")
    assert "Selamat datang kembali" in done
    [entry] = entries(services)
    assert entry.status == "returned" and entry.worker_name == "Lalu Ahmad Fauzi"
    assert entry.returned_on == today - timedelta(days=1)
    assert entry.departed_on is not None and entry.departed_on.year == today.year - 2
    assert entry.country == "malaysia" and entry.contract_months == 24
    assert "pulang" in chat.say("status")


def test_a_return_before_the_departure_is_refused(chat: Chat, services: Services) -> None:
    homecoming_to_departure(chat)
    chat.say("kemarin")
    refused = chat.say("2 thn lalu")
    assert "sebelum keberangkatan" in refused
    assert entries(services) == []


def test_a_return_date_in_the_opening_message_is_confirmed_not_asked(
    chat: Chat, services: Services
) -> None:
    asked = told_return_to_homecoming(chat)
    yesterday = ntb_day(services.dispatcher.clock()) - timedelta(days=1)
    assert yesterday.strftime("%d-%m-%Y") in asked and "benar" in asked
    chat.say(button="opt:yes")
    chat.say(button="opt:skip")
    chat.say(button="opt:submit")
    [entry] = entries(services)
    assert entry.country == "taiwan" and entry.reporter_relation == "orang tua"
    assert entry.departed_on == date(2023, 3, 1) and entry.returned_on == yesterday


def test_news_of_a_return_offers_to_record_it_beside_the_answer(chat: Chat) -> None:
    reply = chat.send("anak saya baru pulang dari hongkong")
    assert any(b.id == "cmd:returned" for r in reply for b in r.buttons)
    form = chat.say(button="cmd:returned")
    assert "Setuju" in form


def test_a_return_already_on_record_is_marked_at_once(chat: Chat, services: Services) -> None:
    record_planned_departure(chat)
    assert "Selamat datang kembali" in chat.say("lapor kepulangan")
    [entry] = entries(services)
    assert entry.status == "returned"


def test_what_is_news_of_a_return_and_what_is_not() -> None:
    assert is_return_statement("anak saya baru pulang dari hongkong")
    assert is_return_statement("sy udh plg dr malaysia minggu lalu")
    assert is_return_statement("mau lapor kepulangan")
    assert not is_return_statement("kepulangan anak sy kapan ya")  # asks, records nothing
    assert not is_return_statement("sy udh pulang tp gaji blm dibayar")  # a problem
    assert not is_return_statement("sy mau pulang")  # a wish
    assert not is_return_statement("sudah pulang cuti ke lombok")  # leave, going back
    assert not is_return_statement("suami sy blm pulang sudah 3 tahun")


def test_news_of_a_departure_and_a_return_is_recorded_with_one_tap_on_the_day_told(
    chat: Chat, services: Services
) -> None:
    record_planned_departure(chat)
    today = ntb_day(services.dispatcher.clock())
    offered = chat.send("anak sy sudah berangkat kemarin")
    assert any(b.id == "cmd:departed" for r in offered for b in r.buttons)
    assert [e.status for e in entries(services)] == ["planned"]  # not recorded unasked
    left = chat.say(button="cmd:departed")
    assert (today - timedelta(days=1)).strftime("%d-%m-%Y") in left
    [entry] = entries(services)
    assert entry.status == "departed" and entry.departed_on == today - timedelta(days=1)
    offered = chat.send("alhamdulillah anak sy sudah pulang hari ini")
    assert any(b.id == "cmd:returned" for r in offered for b in r.buttons)
    assert "Selamat datang kembali" in chat.say(button="cmd:returned")
    [entry] = entries(services)
    assert entry.status == "returned" and entry.returned_on == today


@pytest.mark.parametrize(
    "news", ["anak sy udh nyampe d taiwan kmrn", "alhamdulillah anak sy sudah tiba di taipei"]
)
def test_an_arrival_abroad_is_news_of_the_departure(
    chat: Chat, services: Services, news: str
) -> None:
    """ "istri sy udh nyampe d dubai kmrn" was not read as news for the register (a forms
    tester, stop 55); arriving home is not a departure."""
    record_planned_departure(chat)
    offered = chat.send(news)
    assert any(b.id == "cmd:departed" for r in offered for b in r.buttons)
    home = chat.send("anak sy udh nyampe rumah")
    assert not any(b.id == "cmd:departed" for r in home for b in r.buttons)


def test_news_about_school_a_funeral_another_person_or_a_problem_offers_no_record(
    chat: Chat, services: Services
) -> None:
    record_planned_departure(chat)
    chat.say("anak sy sudah berangkat kemarin")
    chat.say(button="cmd:departed")
    for text in (
        "anak sy baru pulang sekolah",
        "jenazah anak sy sudah pulang kemarin",
        "suami sy sudah pulang kemarin",  # the entry is the daughter's
        "anak sy sudah pulang dr arab",  # she is in Taiwan
        "anak sy udh pulang tp gaji blm dibayar",
        "anak sy baru pulang kerja",  # a day's work at home (a chat tester, stop 42)
        "anak sy br pulang dr kondangan",
    ):
        reply = chat.send(text)
        assert not any(b.id == "cmd:returned" for r in reply for b in r.buttons), text
    [entry] = entries(services)
    assert entry.status == "departed"


def test_a_return_already_marked_by_the_officer_is_said_to_be_recorded(
    chat: Chat, services: Services
) -> None:
    record_planned_departure(chat)
    chat.say("lapor kepulangan")
    again = chat.say("sudah pulang")
    assert "Sudah tercatat" in again and "tidak ada keberangkatan" not in again.lower()


def test_a_departure_called_off_is_marked_cancelled_with_one_tap(
    chat: Chat, services: Services
) -> None:
    record_planned_departure(chat)
    for text in ("anak sy gk jadi pergi ke pasar", "anak sy sudah pulang kemarin"):
        # a market trip; a return of one who never left
        assert not any(
            b.id in ("cmd:departure_off", "cmd:returned")
            for r in chat.send(text)
            for b in r.buttons
        ), text
    reply = chat.send("anak sy gk jadi berangkat, PT nya tutup")
    assert any(b.id == "cmd:departure_off" for r in reply for b in r.buttons)
    assert "dibatalkan" in chat.say(button="cmd:departure_off")
    [entry] = entries(services)
    assert entry.status == "cancelled"
    assert "Tidak ada rencana keberangkatan" in chat.say(button="cmd:departure_off")


def test_a_planned_departure_told_again_is_one_tap_on_its_entry_not_a_second_form(
    chat: Chat, services: Services
) -> None:
    record_planned_departure(chat)
    today = ntb_day(services.dispatcher.clock())
    tomorrow = today + timedelta(days=1)
    offered = chat.send("anak sy jadi berangkat besok jam 7 pagi dr bandara lombok")
    shown = "\n".join(r.text for r in offered)
    assert tomorrow.strftime("%d-%m-%Y") in shown and "nama lengkap" not in shown
    assert any(b.id == "cmd:departure_date" for r in offered for b in r.buttons)
    [entry] = entries(services)
    assert entry.planned_departure != tomorrow  # not recorded unasked
    assert tomorrow.strftime("%d-%m-%Y") in chat.say(button="cmd:departure_date")
    [entry] = entries(services)
    assert (entry.status, entry.planned_departure) == ("planned", tomorrow)
    again = chat.say("anak sy jadi berangkat besok")  # nothing new to record
    assert entry.code in again and "sudah tercatat" in again and "nama lengkap" not in again
    # asked beside a question, the same entry is one tap away, not a new form's button
    asked = chat.send("anak sy jadi berangkat lusa, apa yg hrs dibawa?")
    buttons = [b.id for r in asked for b in r.buttons]
    assert "cmd:departure_date" in buttons and "cmd:register" not in buttons
    left = chat.send("anak sy jadi berangkat hari ini")
    assert any(b.id == "cmd:departed" for r in left for b in r.buttons)
    chat.say(button="cmd:departed")
    [entry] = entries(services)
    assert (entry.status, entry.departed_on) == ("departed", today)
