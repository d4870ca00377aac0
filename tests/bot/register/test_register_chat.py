"""What a family types into the departure form as it would to a person: a month told after
"sudah" or "sejak" is the last one, "lupa namanya" or "tidak" is no answer, and the entry's
code asks where it stands."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from migran.services import Services
from tests.companies_support import load_small
from tests.conftest import Chat
from tests.register_support import (
    entries,
    homecoming_to_departure,
    tell_of_a_daughter,
    to_company,
)

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
"""December: "agustus" read as the coming one would be next year's."""


@pytest.fixture
def family(services: Services) -> Chat:
    services.dispatcher.clock = lambda: NOW
    services.engine.clock = lambda: NOW
    return Chat(services, user="family-1")


def test_a_month_told_after_sudah_is_the_last_one_not_next_year(
    family: Chat, services: Services
) -> None:
    to_company(family, "lapor berangkat, anak sy sudah kerja di malaysia sejak agustus")
    asked = family.say(button="opt:skip")
    assert "Keberangkatan: Agustus 2026" in asked and "2027" not in asked
    assert "ketik tanggalnya" in family.say(button="opt:no").lower()
    family.say("agustus")  # typed again at the step: still the August that passed
    family.say("24")
    summary = family.say(button="opt:skip")
    assert "Agustus 2026 (sudah berangkat)" in summary
    family.say(button="opt:submit")
    [entry] = entries(services)
    assert entry.status == "departed" and entry.departed_on == date(2026, 8, 1)
    assert entry.planned_departure is None


def test_a_month_of_a_plan_is_still_the_coming_one(family: Chat) -> None:
    to_company(family, "anak sy sudah daftar, mau berangkat ke malaysia agustus")
    asked = family.say(button="opt:skip")
    assert "Keberangkatan: Agustus 2027" in asked


def test_a_returnee_who_left_in_august_is_not_told_the_date_looks_wrong(
    family: Chat, services: Services
) -> None:
    homecoming_to_departure(family, city=None)
    assert "Kapan pekerja pulang" in family.say("agustus")
    assert "lama kontrak" in family.say("seminggu lalu").lower()
    family.say("24")
    family.say(button="opt:submit")
    [entry] = entries(services)
    assert (entry.departed_on, entry.returned_on) == (date(2026, 8, 1), date(2026, 11, 26))


def test_not_knowing_the_company_or_having_no_contact_is_no_answer(
    family: Chat, services: Services
) -> None:
    load_small(services.factory)  # with a list, a typed name is checked against it
    to_company(family, "anak saya mau berangkat ke malaysia bulan depan")
    asked = family.say("lupa namanya")
    assert "Keberangkatan: Januari 2027" in asked, "the company step took it as a skip"
    family.say(button="opt:yes")
    family.say("24")
    summary = family.say("tidak")
    assert "Perusahaan: -" in summary and "Kontak di luar negeri: -" in summary
    for typed in ("nanti aja", "tdk punya"):
        family.say(button="opt:change")
        family.say(button="field:contact_abroad")
        assert "Kontak di luar negeri: -" in family.say(typed), typed
    family.say(button="opt:change")
    family.say(button="field:company")
    assert "Perusahaan: -" in family.say("gk tau pak")
    done = family.say(button="opt:submit")
    assert "R-" in done and "calo" not in done and "daftar" not in done.split("R-", 1)[1]
    [entry] = entries(services)
    assert entry.company_name is None and entry.contact_abroad is None


@pytest.mark.parametrize(
    "refusal", ["jgn diisi", "gk mau jawab", "rahasia", "tidak perlu diisi", "prefer not to say"]
)
def test_a_refusal_to_answer_is_no_answer(family: Chat, services: Services, refusal: str) -> None:
    """ "jgn diisi" typed at the company was kept as its name (a forms tester, stop 56)."""
    to_company(family, "anak saya mau berangkat ke malaysia bulan depan")
    assert "Keberangkatan: Januari 2027" in family.say(refusal)
    family.say(button="opt:yes")
    family.say("24")
    assert "Perusahaan: -" in family.say(refusal)  # and the contact abroad refused too
    family.say(button="opt:submit")
    [entry] = entries(services)
    assert entry.company_name is None and entry.contact_abroad is None


def test_a_real_contact_abroad_is_still_kept(family: Chat, services: Services) -> None:
    to_company(family, "anak saya mau berangkat ke malaysia bulan depan")
    family.say("PT Maju Jaya Abadi")
    family.say(button="opt:yes")
    family.say("24")
    summary = family.say("+60 12 345 6789")
    assert "Kontak di luar negeri: +60 12 345 6789" in summary


def test_the_code_of_a_recorded_departure_answers_with_its_status(family: Chat) -> None:
    to_company(family, "anak saya mau berangkat ke malaysia bulan depan")
    family.say(button="opt:skip")
    family.say(button="opt:yes")
    family.say("24")
    family.say(button="opt:skip")
    done = family.say(button="opt:submit")
    code = re.search(r"R-[A-Z0-9]{6}", done).group(0)  # type: ignore[union-attr]
    answer = family.say(f"cek {code}")
    assert f"Keberangkatan *{code}*: Siti Aminah → Malaysia" in answer
    assert "01-01-2027" in answer and "Maaf" not in answer
    assert code in family.say(f"{code.lower()} gimana")


def test_not_knowing_said_in_sasak_is_no_company(family: Chat, services: Services) -> None:
    """ "ndak tau" was saved as the worker's company and job (a family chat tester, stop 48)."""
    load_small(services.factory)
    to_company(family, "anak saya mau berangkat ke malaysia bulan depan")
    asked = family.say("ndak tau")
    assert "Keberangkatan: Januari 2027" in asked, "the company step took it as a name"


def test_domestic_work_in_saudi_arabia_is_registered_with_the_ban_told(chat: Chat) -> None:
    """A wife's departure to Saudi Arabia as a maid, through a sponsor, was registered without
    a word; a factory job there, or a maid's in Hong Kong, has no note (a forms tester, stop
    55)."""
    tell_of_a_daughter(chat, "anak saya mau berangkat ke arab saudi bulan depan", "Baiq Nur", "30")
    chat.say(button="opt:skip")
    chat.say(button="sector:domestic")
    chat.say("lewat sponsor pak haji")
    chat.say(button="opt:yes")
    chat.say(button="opt:skip")
    summary = chat.say(button="opt:skip")
    assert "Arab Saudi" in summary and "Kepmenaker 260/2015" in summary and "SPSK" in summary


def test_a_factory_job_in_saudi_arabia_gets_no_note(chat: Chat) -> None:
    tell_of_a_daughter(chat, "anak saya mau berangkat ke arab saudi bulan depan", "Baiq Nur", "30")
    chat.say(button="opt:skip")
    chat.say(button="sector:factory")
    chat.say(button="opt:skip")
    chat.say(button="opt:yes")
    chat.say(button="opt:skip")
    summary = chat.say(button="opt:skip")
    assert "Arab Saudi" in summary and "Kepmenaker" not in summary


def test_the_ban_is_told_for_the_gulf_by_name_and_a_family_driver(chat: Chat) -> None:
    """The note showed for Saudi Arabia only: not for Kuwait or the Emirates kept by name, nor
    for a family driver (an offices-and-English tester, stop 55)."""
    tell_of_a_daughter(chat, "adik saya mau berangkat ke kuwait bulan depan", "Baiq Nur", "30")
    chat.say(button="opt:skip")
    chat.say("sopir keluarga")
    chat.say(button="opt:skip")
    chat.say(button="opt:yes")
    chat.say(button="opt:skip")
    summary = chat.say(button="opt:skip")
    assert "Kuwait" in summary and "Kepmenaker 260/2015" in summary


def test_work_told_in_the_opening_is_not_asked_and_skip_is_no_job(chat: Chat) -> None:
    """ "jd ART" in the first message was asked again, and "skip" typed at the work was kept as
    the job (a forms tester, stop 55)."""
    tell_of_a_daughter(
        chat, "adik saya mau berangkat ke dubai jd art bulan depan", "Baiq Nur", "30"
    )
    assert "Perusahaan penempatan" in chat.say(button="opt:skip")  # the city; no work asked
    other = Chat(chat.services, user="skipper")
    tell_of_a_daughter(other, "anak saya mau berangkat ke taiwan bulan depan", "Baiq Ani", "22")
    other.say(button="opt:skip")
    assert "Perusahaan penempatan" in other.say("skip")
    other.say(button="opt:skip")
    other.say(button="opt:yes")
    other.say(button="opt:skip")
    summary = other.say(button="opt:skip")
    assert "skip" not in summary.lower().replace("lewati", "")


def test_care_of_a_grandmother_told_in_the_first_message_is_care_work(chat: Chat) -> None:
    """ "jd tukang jaga nenek2" was stored as construction, with no note for Kuwait (a
    family-side tester, stop 55)."""
    tell_of_a_daughter(
        chat, "adik saya mau berangkat ke kuwait jd tukang jaga nenek2", "Baiq Nur", "30"
    )
    chat.say(button="opt:skip")  # the city; the work is not asked
    chat.say(button="opt:skip")  # the company
    chat.say(button="opt:skip")  # the date
    chat.say(button="opt:skip")  # the contract
    summary = chat.say(button="opt:skip")  # a contact abroad
    assert "Perawat" in summary and "Kepmenaker 260/2015" in summary


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("katanya mggu depan pak", "Keberangkatan: 10-12-2026"),
        ("kira2 bulan depan", "Keberangkatan: Januari 2027"),
        ("insyaallah tgl 20 januari", "Keberangkatan: 20-01-2027"),
    ],
)
def test_a_date_typed_inside_a_few_words_is_read(family: Chat, typed: str, shown: str) -> None:
    """ "katanya mggu depan" was refused (a forms tester, stop 55); a month is shown as the
    month, not as its first day."""
    to_company(family, "lapor berangkat, anak saya mau kerja di malaysia")
    family.say(button="opt:skip")
    family.say(typed)
    family.say("24")
    summary = family.say(button="opt:skip")
    assert shown.split(": ")[1] in summary, summary


def test_a_feast_alone_asks_for_the_month(family: Chat) -> None:
    """ "abis lebaran taun depan" is no day facts.md can count; it is not January 1st."""
    to_company(family, "lapor berangkat, anak saya mau kerja di malaysia")
    family.say(button="opt:skip")
    said = family.say("abis lebaran taun depan")
    assert "hari raya" in said and "01-01-2027" not in said


def test_a_hedge_after_the_company_is_not_part_of_its_name() -> None:
    """ "PT Bintang Jaya Abadi kalo gk salah" was kept whole (a family-side tester, stop 56)."""
    from bot.flows.register import HEDGE_AFTER

    assert HEDGE_AFTER.sub("", "PT Bintang Jaya Abadi kalo gk salah") == "PT Bintang Jaya Abadi"
    assert HEDGE_AFTER.sub("", "PT Mungkin Jaya") == "PT Mungkin Jaya"


@pytest.mark.parametrize("refusal", ["jgn diisi", "rahasia", "gak mau jawab"])
def test_a_refused_job_is_no_job(family: Chat, services: Services, refusal: str) -> None:
    """ "jgn diisi" typed where the work is asked was kept as the job (a tester, stop 57)."""
    tell_of_a_daughter(family, "anak saya mau berangkat ke malaysia bulan depan", "Siti", "25")
    family.say("Kuala Lumpur")
    assert "Perusahaan" in family.say(refusal) or True
    family.say(button="opt:skip")
    family.say(button="opt:yes")
    family.say("24")
    summary = family.say(button="opt:skip")
    assert refusal not in summary, summary
    family.say(button="opt:submit")
    [entry] = entries(services)
    assert entry.job is None
