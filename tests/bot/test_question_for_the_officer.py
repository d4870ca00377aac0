"""Someone who wants to ask a village officer something ("sy mau ngomong sama petugas", or *Ask
an officer* under the answer to a question) is asked only the question and the village: the
question reaches the officer's queue, and the officer's reply reaches the chat. A problem told
instead is reported with the report's own questions."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.cases.asking import asks_for_an_officer
from bot.store.db import transaction
from bot.store.models import Case, OutboxMessage
from migran.services import Services
from tests.cases_support import officer_replies
from tests.conftest import Chat
from tests.officers_support import team


def the_case(services: Services) -> Case:
    with transaction(services.factory) as session:
        case = session.scalars(select(Case)).one()
        session.expunge(case)
        return case


@pytest.mark.parametrize(
    "text",
    [
        "sy mau ngomong sama petugas",
        "bisa minta no hp petugas desa?",
        "mau tanya petugas",
        "hubungkan sy dgn petugas desa",
        "I want to talk to a village officer",
    ],
)
def test_a_wish_to_talk_to_an_officer_is_read_as_such(text: str) -> None:
    assert asks_for_an_officer(text)


@pytest.mark.parametrize(
    "text",
    [
        "sy mau lapor ke petugas",  # the report asked for in so many words
        "mau ngomong sama petugas soal gaji anak sy yg gk dibayar",  # a problem named
        "admin mau tanya biaya ke taiwan brp",  # the assistant addressed, not an officer
        "mau tanya syarat ke malaysia",
    ],
)
def test_a_report_or_a_question_for_the_assistant_is_not(text: str) -> None:
    assert not asks_for_an_officer(text)


def test_the_question_and_the_village_are_all_that_is_asked(services: Services) -> None:
    officer = team(services)["anjani"].id
    chat = Chat(services)
    consent = chat.say("sy mau ngomong sama petugas")
    assert "Apakah Anda setuju" in consent and "Siapa yang melapor" not in consent
    assert "Apa yang ingin Anda tanyakan" in chat.say("ya")
    assert "Desa/kelurahan" in chat.say("kapan jadwal pelatihan bahasa korea di lombok timur?")
    chat.say("anjani suralaga")
    summary = chat.say("ya")
    assert "Periksa pertanyaan Anda untuk petugas" in summary
    assert "• Pertanyaan: kapan jadwal pelatihan bahasa korea di lombok timur?" in summary
    assert "Pekerja" not in summary and "Bahaya" not in summary
    sent = chat.say("ya")
    assert "Pertanyaan Anda sudah dikirim" in sent and "Petugas desa Anda" in sent
    case = the_case(services)
    assert (case.category, case.urgent, case.worker_name) == ("question", False, None)
    assert case.story == "kapan jadwal pelatihan bahasa korea di lombok timur?"
    assert "(pertanyaan Anda)" in chat.say("status")
    officer_replies(services, officer, case.number, "Jadwal berikutnya bulan Januari, Bu.")
    with transaction(services.factory) as session:
        told = [str(m.payload.get("text")) for m in session.scalars(select(OutboxMessage))]
    assert any("Jadwal berikutnya bulan Januari" in t for t in told)


def test_an_officers_number_asked_for_is_said_not_to_be_given_out(services: Services) -> None:
    chat = Chat(services)
    chat.say("bisa minta no hp petugas desa?")
    prompt = chat.say("ya")
    assert "Nomor HP petugas tidak dibagikan di sini" in prompt
    assert "Apa yang ingin Anda tanyakan" in prompt


@pytest.mark.parametrize(
    ("wish", "told", "expected"),
    [
        # "anak sy": a parent reports; the worker's name is asked
        ("sy mau ngomong sama petugas", "anak sy gk digaji 5 bulan di malaysia", "nama lengkap"),
        # danger: the numbers first
        ("mau tanya petugas", "anak sy d sekap majikan d malaysia gk boleh keluar", "KP2MI"),
    ],
)
def test_a_problem_told_as_the_question_is_reported_with_the_reports_questions(
    services: Services, wish: str, told: str, expected: str
) -> None:
    chat = Chat(services)
    chat.say(wish)
    chat.say("ya")
    said = chat.say(told)
    assert "masalah yang perlu dilaporkan" in said and expected in said


def test_ask_an_officer_under_an_answered_question_carries_that_question(
    services: Services,
) -> None:
    team(services)
    chat = Chat(services)
    chat.say("brp biaya kursus bahasa jepang di lpk mataram?")
    assert "Apakah Anda setuju" in chat.say(button="cmd:report")
    assert "Desa/kelurahan" in chat.say("ya")  # the question is known: only the village
    chat.say("anjani suralaga")
    assert "• Pertanyaan: brp biaya kursus bahasa jepang di lpk mataram?" in chat.say("ya")
    chat.say("ya")
    assert the_case(services).category == "question"


def test_ask_an_officer_under_a_story_still_opens_the_report(services: Services) -> None:
    chat = Chat(services)
    chat.say("anak sy di malaysia gajinya dipotong terus sama agen")
    chat.say(button="cmd:report")
    assert "nama lengkap pekerja" in chat.say("ya")  # the report's questions, not a question


def test_the_question_can_be_changed_at_the_summary(services: Services) -> None:
    team(services)
    chat = Chat(services)
    chat.say("sy mau ngomong sama petugas")
    chat.say("ya")
    chat.say("kapan pelatihan dibuka?")
    chat.say("anjani suralaga")
    chat.say("ya")
    fields = chat.say("ubah")
    assert "Pertanyaan" in fields and "Pekerja" not in fields
    assert "Tulis lagi pertanyaan Anda" in chat.say(button="field:story")
    summary = chat.say("kapan pelatihan bahasa korea dibuka di lombok timur?")
    assert "• Pertanyaan: kapan pelatihan bahasa korea dibuka di lombok timur?" in summary


@pytest.mark.parametrize(
    "said", ["gk usah lapor, cuma mau tanya2 aja", "I don't want to report, just ask"]
)
def test_only_asking_said_at_the_reports_consent_makes_it_a_question(
    services: Services, said: str
) -> None:
    """It was kept as the report's story, and consent asked again (a journeys tester, stop
    62)."""
    team(services)
    chat = Chat(services)
    chat.say("lapor")
    turned = chat.say(said)
    assert "kami simpan untuk laporan" not in turned
    chat.say("ya")
    chat.say("kapan ada sosialisasi pmi di desa?")
    chat.say("anjani suralaga")
    chat.say("ya")
    chat.say("kirim")
    assert the_case(services).category == "question"


def test_the_wish_is_read_as_the_reports_topic_for_ask_and_eval(services: Services) -> None:
    """`migran ask --json` and the evaluation see the topic the form carries out, as for a
    typed command word; the Sasak "ngadu" (complain) is the report itself."""
    triage = services.engine.triage
    reading = triage.read("hubungkan sy dgn petugas")
    assert (reading.intent, reading.topic) == ("ask_officer", "lapor-kasus")
    sasak = "tiang mele ngadu masalah, sai petugas yg bisa tiang hubungi?"
    assert triage.read(sasak).intent is None


def test_danger_told_where_the_village_is_asked_makes_it_an_urgent_report(
    services: Services,
) -> None:
    """It was sent as a plain question, not urgent, after the numbers were given (an
    officers-wanted tester, stop 62)."""
    team(services)
    chat = Chat(services)
    chat.say("sy mau ngomong sama petugas")
    chat.say("ya")
    chat.say("kapan pelatihan dibuka?")
    said = chat.say("sy lg d kurung agen di penampungan surabaya gk boleh kluar hp mau d ambil")
    assert "KP2MI" in said and "Siapa yang melapor" in said
    # who reports, the name, Indonesia confirmed, no city, the problem proposed, the village
    for answer in ("1", "Yuli", "ya", "Lewati", "ya", "anjani suralaga", "ya"):
        chat.say(answer)
    summary = chat.say("ya")
    assert "Bahaya sekarang: Ya" in summary and "d kurung agen" in summary


@pytest.mark.parametrize(
    "text",
    [
        "sy mau bicara sm orang bukan robot",
        "bisa video call sm petugas",
        "minta no wa pak kades dong",  # it got the family-permit letter
    ],
)
def test_more_ways_of_wanting_a_person_are_read(services: Services, text: str) -> None:
    """An officers-wanted tester, stop 62."""
    assert services.engine.triage.read(text).intent == "ask_officer"


def test_ask_an_officer_after_asking_to_be_phoned_is_a_question_not_a_report(
    services: Services,
) -> None:
    """ "tlp sy aja pak, sy gk bisa nulis panjang", then *Ask an officer*, began the whole report
    and asked the worker's name (an officers-wanted tester, stop 62)."""
    chat = Chat(services)
    chat.say("tlp sy aja pak, sy gk bisa nulis panjang")
    chat.say(button="cmd:report")
    assert "Desa/kelurahan" in chat.say("ya")


def test_when_a_sent_question_is_answered_is_said(services: Services) -> None:
    team(services)
    chat = Chat(services)
    chat.say("sy mau ngomong sama petugas")
    for answer in ("ya", "kapan pelatihan dibuka?", "anjani suralaga", "ya", "kirim"):
        chat.say(answer)
    assert "24 jam" in chat.say("kapan dibalas?")


def test_a_question_gone_up_to_the_district_says_where_it_is(services: Services) -> None:
    """It said it would go to the district after it had gone there (a regression tester, stop
    62)."""
    team(services)
    chat = Chat(services)
    chat.say("sy mau ngomong sama petugas")
    for answer in ("ya", "kapan pelatihan dibuka?", "anjani suralaga", "ya", "kirim"):
        chat.say(answer)
    with transaction(services.factory) as session:
        session.scalars(select(Case)).one().escalation_level = 1
    said = chat.say("kapan dibalas?")
    assert "sekarang di petugas kabupaten" in said and "admin provinsi" in said
