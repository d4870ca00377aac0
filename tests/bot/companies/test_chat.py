"""A family asks about companies in informal writing and gets the list's verdict with its date,
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.companies import service
from bot.store.db import transaction
from migran.services import Services
from tests.companies_support import load_small
from tests.conftest import Chat

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

ALSO_HELP = "Ini juga mungkin membantu:"
"""The second message beside the answer to a story: its other needs as buttons."""


@pytest.fixture
def family(services: Services) -> Chat:
    services.dispatcher.clock = lambda: NOW
    services.engine.clock = lambda: NOW
    load_small(services.factory)
    return Chat(services, user="family-1")


def test_a_family_asks_about_a_licensed_a_suspended_and_an_unknown_company(family: Chat) -> None:
    licensed = family.say("PT Zorvana Jaya Abadi resmi gak?")
    assert "ada di daftar perusahaan penempatan berizin (P3MI) tanggal 20-11-2026" in licensed
    assert "FIKTIF-101/2024" in licensed and "12-03-2029" in licensed
    assert "Mataram" in licensed and "Lombok Timur" in licensed
    assert "Malaysia: Pekerja perkebunan sawit (40 orang)" in licensed
    assert "Taiwan: Operator pabrik" in licensed
    assert "Hong Kong" not in licensed, "an expired job order is not current"

    suspended = family.say("cek pt kelindra sejahtra mandri")
    assert "PT Kelindra Sejahtera Mandiri* sedang DIBEKUKAN" in suspended
    assert "sejak 03-02-2026" in suspended and "tanggal 20-11-2026" in suspended
    assert "Jangan bayar" in suspended and "*lapor*" in suspended

    unknown = family.say("apakah PT Maju Terus Pantang Mundur terdaftar?")
    assert "tidak ada di daftar perusahaan penempatan berizin tanggal 20-11-2026" in unknown
    assert "calo" in unknown and "Jangan bayar" in unknown
    assert "0800-1000" in unknown and "SISKOP2MI" in unknown


def test_a_revoked_company_says_since_when_and_what_to_do(family: Chat) -> None:
    text = family.say("CV bramkosa utama legal ga")
    assert "sudah DICABUT sejak 29-01-2026" in text and "20-11-2026" in text
    assert "Disnaker atau BP3MI" in text


def test_an_expired_licence_is_said_plainly(family: Chat) -> None:
    text = family.say("pt velmora karya intl itu resmi?")
    assert "berlaku sampai 02-02-2025" in text and "HABIS MASA BERLAKU" in text
    assert "Selong" in text


def test_a_country_named_with_no_job_order_there_is_warned(family: Chat) -> None:
    text = family.say("adik sy mau ke taiwan lewat PT Sinar Qirvana Jaya, aman gak?")
    assert "Tidak ada job order yang berlaku untuk Taiwan" in text
    malaysia = family.say("PT Zorvana Jaya Abadi ada job order ke Malaysia gak?")
    assert "Malaysia: Pekerja perkebunan sawit" in malaysia and "Taiwan" not in malaysia


def test_close_names_are_offered_as_choices_and_a_choice_is_answered(family: Chat) -> None:
    replies = family.send("PT Zorvana Jaja resmi?")
    assert "Zorvana Jaya Abadi" in replies[0].text
    assert "tidak persis ada di daftar" in replies[0].text
    options = [o.id for o in replies[0].options]
    assert options[-1] == "company:none"
    chosen = family.say("1")
    assert "FIKTIF-101/2024" in chosen
    family.send("PT Zorvana Jaja resmi?")
    none = family.say(button="company:none")
    assert "PT Zorvana Jaja* tidak ada di daftar" in none


def test_a_general_question_gets_the_knowledge_base_answer(family: Chat) -> None:
    text = family.say("gimana cara cek PT resmi?")
    assert "SIP3MI" in text  # the cek-perusahaan topic
    assert "20-11-2026" not in text, "no company was named, so no list verdict"


def test_with_no_list_loaded_the_chat_says_so_and_gives_the_official_way(
    services: Services,
) -> None:
    chat = Chat(services, user="family-2")
    text = chat.say("PT Zorvana Jaya Abadi resmi gak?")
    assert "belum punya daftar perusahaan penempatan berizin" in text
    assert "0800-1000" in text and "Disnaker" in text
    assert "FIKTIF" not in text


def test_a_company_named_in_a_question_about_something_else_is_checked_too(
    family: Chat,
) -> None:
    replies = family.send(
        "gaji adik saya 3 bulan belum dibayar, dia berangkat lewat PT Zorvana Mitra"
    )
    texts = [r.text for r in replies]
    assert "PT Zorvana Mitra* tidak ada di daftar" in texts[0]
    assert "gaji" in texts[1].lower()
    assert texts[2:] in ([], [ALSO_HELP])  # the story's other needs, when it has them


def test_a_company_named_aside_is_not_checked_when_no_list_is_loaded(
    services: Services,
) -> None:
    replies = Chat(services, user="family-3").send(
        "gaji adik saya 3 bulan belum dibayar, dia berangkat lewat PT Zorvana Mitra"
    )
    texts = [r.text for r in replies]
    assert "belum punya daftar" not in texts[0] and texts[1:] in ([], [ALSO_HELP])


def test_a_choice_made_after_the_list_was_replaced_is_read_on_the_new_list(
    family: Chat, services: Services
) -> None:
    family.send("PT Zorvana Jaja resmi?")
    with transaction(services.factory) as session:
        service.import_companies(
            session,
            b"name,licence_number,valid_until,status\n"
            b"PT Zorvana Jaya Abadi,FIKTIF-201/2026,2031-01-01,dicabut\n",
            "baru.csv",
            list_date=date(2026, 12, 1),
            source=None,
            officer=None,
            now=NOW,
        )
    text = family.say("1")
    assert "sudah DICABUT" in text and "tanggal 01-12-2026" in text


def test_an_english_question_gets_the_answer_in_english(family: Chat) -> None:
    text = family.say("is PT Sinar Qirvana Jaya licensed? my sister wants to go to Taiwan")
    assert "is on the list of licensed placement companies (P3MI) of 20-11-2026" in text
    assert "Offices in NTB: Sumbawa Besar." in text
    assert "No current job order for Taiwan on the job-order list of 20-11-2026" in text
