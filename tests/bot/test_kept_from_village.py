"""A family that asks, with a report open, that the village not see it: the report becomes the
district's from then on, the message goes to the district only, and one tap undoes it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.cases import service as handoff
from bot.flows.kept_from_village import VILLAGE_MAY_SEE, wished
from bot.officers.scope import sees_case
from bot.store.db import transaction
from bot.store.models import Case, CaseEvent, Officer, OutboxMessage
from migran.services import Services
from tests.bot.test_case_review import replay
from tests.cases_support import REPORT_STEPS, as_officer, report_to_the_village
from tests.conftest import Chat
from tests.officers_support import team

VILLAGE_OFFICERS_CHAT = "900001"


def sent_to_village_officer(services: Services) -> list[str]:
    with transaction(services.factory) as session:
        return [
            str(m.payload.get("text"))
            for m in session.scalars(
                select(OutboxMessage).where(OutboxMessage.recipient == VILLAGE_OFFICERS_CHAT)
            )
        ]


def the_case(services: Services) -> tuple[bool, int | None, bool]:
    """The report's village_hidden, its officer, and whether the village officer sees it."""
    with transaction(services.factory) as session:
        case = session.scalars(select(Case)).one()
        village_officer = session.scalars(
            select(Officer).where(Officer.telegram_chat_id == VILLAGE_OFFICERS_CHAT)
        ).one()
        return case.village_hidden, case.officer_id, sees_case(village_officer, case)


@pytest.fixture
def reported(services: Services) -> tuple[Chat, int]:
    """A report shared with the village (Anjani, whose officer linked Telegram)."""
    officer = team(services)["anjani"].id
    chat = Chat(services)
    replay(chat, REPORT_STEPS)
    return chat, officer


@pytest.mark.parametrize(
    "wish",
    [
        "jgn diteruskan ke desa ya pak",
        "yg ini jangan dikasih tau ke petugas desa, saya takut",
        "pak tolong jangan sampai kades tau ya",
        "sy gk mau orang desa tau soal ini",
        "please don't tell the village head about this",
        "do not forward this to the village",
        # missed, in a tester's words (stop 57)
        "tolong rahasiakan dari desa",
        "mohon tdk disampaikan ke aparat desa",
        "kalo bisa jgn lewat desa",
        "cukup kabupaten aja pak",
        "hanya kabupaten",
        "please keep this from the village office",
        "sy takut kalo kades tau",
        # a blind round's misses (stop 57)
        "jgn dikasi ke desa pak",
        "kalo bisa laporan ini jangan ke kantor desa",
        "sy gk mau aparat desa baca laporan ini",
        "desa jgn dilibatkan, sy takut",
        "saya mohon desa tidak diberi tahu",
        "jangan sampai kepala desa membaca ini",
        "apa bisa desa tidak melihat laporan saya",
        "kadesnya jgn tau ya kak, bahaya bagi kami",
        "kasusnya cukup ditangani kabupaten, desa jangan",
        "hide this report from the village",
        "keep the kepala desa out of this please",
        "can the village not be told?",
        # a complaint about the village's own officers (a family-side tester, stop 65)
        "sy mau lapor petugas desa sy, dia minta duit 1 juta",
        "kades minta uang 2 juta buat tanda tangan surat izin keluarga",
        "I want to complain about the village head, he asked for money",
    ],
)
def test_a_wish_that_the_village_not_see_it_is_read(wish: str) -> None:
    assert wished(wish)


@pytest.mark.parametrize(
    "message",
    [
        "kok desa gk tau laporan saya?",  # a complaint that the village does not know
        "sy sudah ke kantor desa tapi petugasnya gk ada",
        "jangan lupa kabari saya ya pak",  # no village named
        "anak sy tinggal di desa Anjani, jangan sampai dia pulang sendiri",
        # read as the wish by a first reading (a tester, stop 57)
        "sy gk takut sama kades",
        "desa jgn sampe gk tau ya pak",
        "jangan lupa kabari desa",
        "bilang ke pak kades jgn khawatir",
        "rahasia kami sdh sy ceritakan ke kades",
        "apa ada pelatihan untuk kabupaten lombok timur?",
        "laporannya biar desa aja yg urus, lebih dekat",
        "kepala desa td nanya soal laporan sy, dia boleh lihat kok",
        "sy mau lapor ke petugas desa, anak sy gajinya blm dibayar",
        "pak kades bilang surat izin keluarga gratis",
    ],
)
def test_the_village_named_without_that_wish_is_not(message: str) -> None:
    assert not wished(message)


def test_the_report_goes_to_the_district_from_then_on(
    services: Services, reported: tuple[Chat, int]
) -> None:
    """ "jgn diteruskan ke desa ya pak" was passed on to the village officer (stop 56)."""
    chat, _officer = reported
    told_before = len(sent_to_village_officer(services))
    answer = chat.say("jgn diteruskan ke desa ya pak, calonya saudara pak kadus")
    assert "kabupaten" in answer and "sudah terbaca" in answer
    hidden, _holder, village_sees = the_case(services)
    assert hidden and not village_sees
    assert len(sent_to_village_officer(services)) == told_before  # the village heard nothing
    chat.say("gajinya juga dipotong 2 juta tiap bulan")
    assert len(sent_to_village_officer(services)) == told_before
    with transaction(services.factory) as session:
        kinds = [e.kind for e in session.scalars(select(CaseEvent).order_by(CaseEvent.id))]
    assert "kept_from_village" in kinds and kinds.count("family_message") == 2


def test_a_village_officer_who_claimed_it_lets_it_go(
    services: Services, reported: tuple[Chat, int]
) -> None:
    chat, officer = reported
    with transaction(services.factory) as session:
        number = session.scalars(select(Case.number)).one()
    as_officer(services, officer, number, lambda s, c, o: handoff.claim(s, case=c, officer=o))
    chat.say("pak yg ini jangan dikasih tau ke petugas desa, saya takut")
    hidden, holder, village_sees = the_case(services)
    assert hidden and holder is None and not village_sees


def test_one_tap_lets_the_village_see_it_again(
    services: Services, reported: tuple[Chat, int]
) -> None:
    chat, _officer = reported
    chat.say("jgn diteruskan ke desa ya pak")
    assert "bisa melihat" in chat.say(button=f"cmd:{VILLAGE_MAY_SEE}")
    hidden, _holder, village_sees = the_case(services)
    assert not hidden and village_sees


@pytest.mark.parametrize("typed", ["Desa boleh lihat", "gpp kalo kades tau"])
def test_the_village_allowed_in_words_sees_it_again(
    services: Services, reported: tuple[Chat, int], typed: str
) -> None:
    """The button's words typed were only added to the report (a tester, stop 57)."""
    chat, _officer = reported
    chat.say("jgn diteruskan ke desa ya pak")
    chat.say("gajinya juga dipotong")
    assert "bisa melihat" in chat.say(typed)
    hidden, _holder, village_sees = the_case(services)
    assert not hidden and village_sees


def test_danger_with_the_wish_gets_the_numbers_first_and_goes_to_the_district(
    services: Services, reported: tuple[Chat, int]
) -> None:
    chat, _officer = reported
    told_before = len(sent_to_village_officer(services))
    answer = chat.say("anak sy dipukuli majikan tadi malam. jgn dikasih tau ke desa ya pak")
    assert answer.index("+60") < answer.index("kabupaten")
    hidden, _holder, _sees = the_case(services)
    assert hidden and len(sent_to_village_officer(services)) == told_before
    with transaction(services.factory) as session:
        assert session.scalars(select(Case.urgent)).one()


def test_a_complaint_that_the_village_does_not_know_is_passed_on_as_before(
    services: Services, reported: tuple[Chat, int]
) -> None:
    chat, _officer = reported
    told_before = len(sent_to_village_officer(services))
    chat.say("kok desa gk tau laporan saya?")
    hidden, _holder, village_sees = the_case(services)
    assert not hidden and village_sees
    assert len(sent_to_village_officer(services)) == told_before + 1


def test_the_wish_told_with_danger_to_someone_else_keeps_the_open_report_from_the_village(
    services: Services, reported: tuple[Chat, int]
) -> None:
    """The wish was dropped when the danger was a brother's, not the reported worker's (a
    tester, stop 57)."""
    chat, _officer = reported
    said = chat.say("jgn diteruskan ke desa ya pak, adik sy Rudi d sekap majikan skrg")
    assert said.index("KP2MI") < said.index("kabupaten")
    hidden, _holder, village_sees = the_case(services)
    assert hidden and not village_sees


def test_an_answer_about_village_services_is_not_turned_into_the_districts(
    services: Services, reported: tuple[Chat, int]
) -> None:
    """ "Petugas desa bisa membantu: surat domisili" became the district's once the report was
    kept from the village, and "Ketik *lapor*" stayed beside it (a tester, stop 57)."""
    chat, _officer = reported
    chat.say("jgn diteruskan ke desa ya pak")
    said = chat.say("surat domisili bikin dimana pak?")
    assert "Petugas desa bisa membantu" in said and "Ketik *lapor*" not in said
    assert "sudah ada di petugas kabupaten" in said


def test_a_story_asking_for_secrecy_from_the_village_is_told_district_only_fits(
    sqlite_chat: Chat,
) -> None:
    """ "tolong rahasiakan dari desa ya" in the story got no word at the share question (a
    tester, stop 57)."""
    report_to_the_village(sqlite_chat, "1", "sy ditipu calo. tolong rahasiakan dari desa ya")
    sqlite_chat.say("anjani suralaga")
    assert "desa tidak boleh tahu" in sqlite_chat.say("ya")


@pytest.mark.parametrize(
    "question",
    ["apa kades bisa liat laporan sy?", "kades boleh tau gak sih sebenernya? sy bingung"],
)
def test_a_worried_question_does_not_show_a_hidden_report_to_the_village(
    services: Services, reported: tuple[Chat, int], question: str
) -> None:
    """Three such questions made it visible again (a blind round, stop 57)."""
    chat, _officer = reported
    chat.say("tolong jangan kasih tau kades ya")
    chat.say(question)
    hidden, _holder, _sees = the_case(services)
    assert hidden


def test_who_sees_a_hidden_report_is_answered_for_it(
    services: Services, reported: tuple[Chat, int]
) -> None:
    """A family with a report kept from the village was told the village sees it (a blind
    round, stop 57)."""
    chat, _officer = reported
    chat.say("tolong jangan kasih tau kades ya")
    said = chat.say("mhn d jelaskn siapa aja yg bisa liat laporan sy")
    assert "memang tidak dibagikan ke desa" in said
    assert "petugas desa dan kabupaten" not in said


def test_keeping_it_from_the_village_typed_at_the_summary_is_done(sqlite_chat: Chat) -> None:
    """ "rahasiakan dari desa" at the summary was refused and the report sent to the village
    (a regression round, stop 57)."""
    report_to_the_village(sqlite_chat, "1", "gaji kakak sy gk dibayar 4 bulan")
    sqlite_chat.say("anjani suralaga")
    sqlite_chat.say("ya")
    sqlite_chat.say(button="opt:yes")  # shared with the village
    said = sqlite_chat.say("rahasiakan dari desa")
    assert "bukan desa" in said


def test_the_status_asked_in_english_is_the_status(
    services: Services, reported: tuple[Chat, int]
) -> None:
    """ "what is the status of my report" got where to report and whom to call (a blind round,
    stop 57)."""
    chat, _officer = reported
    said = chat.say("what is the status of my report")
    assert "menunggu petugas" in said or "waiting for an officer" in said
    assert "Dari Malaysia" not in said and "From Malaysia" not in said
