"""`Engine.start_form(ctx, "case", opening=...)`: a family's first message becomes the story,
and the country, problems and village it names are confirmed rather than asked again."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.context import Ctx
from bot.store.db import transaction
from bot.store.models import Case, Conversation
from bot.types import Incoming
from migran.services import Services
from tests.conftest import Chat

OPENING = (
    "nama saya Siti, anak saya di Malaysia gajinya tidak dibayar 4 bulan dan paspornya "
    "ditahan agen, kami dari desa Anjani Suralaga"
)


def start_with_opening(services: Services, user: str, opening: str) -> str:
    """What the lead's LAPOR handling does: start the case form carrying the message."""
    with transaction(services.factory) as session:
        engine, now = services.engine, services.dispatcher.clock()
        contact = engine.contact_for(session, Incoming("console", user, text=opening), now)
        conversation = Conversation(contact_id=contact.id, data={})
        session.add(conversation)
        ctx = Ctx(session, engine, contact, conversation, Incoming("console", user), now)
        engine.start_form(ctx, "case", opening=opening)
        assert conversation.data["opening"] == opening
        return "\n".join(r.text for r in ctx.replies)


def test_the_opening_story_is_confirmed_not_asked_again(sqlite_services: Services) -> None:
    chat = Chat(sqlite_services, user="siti")
    assert "Sebelum saya menanyakan" in start_with_opening(sqlite_services, "siti", OPENING)
    # "anak saya": a parent writes, so who reports is not asked
    assert "nama lengkap pekerja" in chat.say("ya")
    assert "Negara: Malaysia — benar?" in chat.say("Aminah")
    assert "kota" in chat.say("iya").casefold()
    assert "Masalah: Gaji macet/dipotong, Dokumen ditahan — benar?" in chat.say(button="opt:skip")
    danger = chat.say("ya")
    assert "bahaya" in danger.casefold() and "Ceritakan" not in danger  # the story is known
    assert "Desa Anjani, Kec. Suralaga" in chat.say("tidak")
    chat.say("ya")
    summary = chat.say("ya")
    assert "paspornya ditahan agen" in summary and "Malaysia" in summary
    chat.say(button="opt:submit")
    with transaction(sqlite_services.factory) as session:
        case = session.scalars(select(Case)).one()
        assert (case.category, case.categories) == ("wages", ["wages", "documents"])
        assert case.story == OPENING and case.country == "malaysia"


def test_a_wrong_guess_is_corrected_with_the_open_question(sqlite_services: Services) -> None:
    chat = Chat(sqlite_services, user="lalu")
    start_with_opening(sqlite_services, "lalu", "anak saya di Malaysia tidak ada kabar")
    chat.say("ya")
    chat.say(button="rep:family")
    assert "Negara: Malaysia — benar?" in chat.say("Lalu Ahmad")
    assert "di negara mana?" in chat.say("bukan")
    assert "kota" in chat.say(button="country:brunei").casefold()


DANGER_OPENING = "LAPOR anak sy di malaysia dipukul majikan"


def refused(chat: Chat) -> str:
    """A danger report whose consent is refused; the refusal's reply."""
    chat.say(DANGER_OPENING)
    return chat.say("tidak")


def the_conversation(services: Services) -> tuple[str | None, dict[str, object]]:
    with transaction(services.factory) as session:
        conversation = session.scalars(select(Conversation)).one()
        return conversation.flow, dict(conversation.data or {})


def test_refusing_consent_on_a_danger_report_keeps_the_numbers_and_the_way_back(
    chat: Chat,
) -> None:
    text = refused(chat)
    assert "laporan tidak dikirim" in text and "+60 17-668 8032" in text
    assert "Lapor lagi" in text
    # what now: what to do in danger, not topics the words lean to
    assert "Yang bisa dilakukan sekarang" in chat.say("terus gimana dong pak")


@pytest.mark.parametrize("again", ["yaudah setuju", "ya setuju", "ok lapor"])
def test_agreeing_right_after_refusing_starts_the_report_again_with_its_opening(
    chat: Chat, services: Services, again: str
) -> None:
    refused(chat)
    text = chat.say(again)
    consented = "setuju" in again
    assert ("nama lengkap pekerja" in text) == consented  # "setuju" gives the consent
    flow, data = the_conversation(services)
    assert flow == "case" and data.get("urgent") and data.get("story") == DANGER_OPENING


def test_report_again_pressed_after_refusing_opens_the_urgent_report_with_its_opening(
    chat: Chat, services: Services
) -> None:
    refused(chat)
    assert "Apakah Anda setuju" in chat.say(button="cmd:urgent")
    flow, data = the_conversation(services)
    assert flow == "case" and data.get("urgent") and data.get("story") == DANGER_OPENING


def at_the_share_step(chat: Chat, opening: str) -> str:
    """A report filled in up to whether it may be shared; that question."""
    chat.say(opening)
    for answer in ("ya", "Siti Aminah", "ya", "Lewati", "ya", "sukamulia"):
        chat.say(answer)
    return chat.say("ya")


def test_not_sharing_a_danger_report_is_asked_once_more_then_keeps_the_way_back(
    chat: Chat, services: Services
) -> None:
    assert "petugas desa dan kabupaten" in at_the_share_step(chat, DANGER_OPENING)
    asked = chat.say("tidak")
    assert "bahaya" in asked and "Tetap dibagikan?" in asked and "tidak dikirim" not in asked
    text = chat.say("tidak")
    assert "laporan tidak dikirim" in text and "+60 17-668 8032" in text
    assert "Lapor lagi" in text
    again = chat.say("yaudah setuju")  # only who may see it is asked again
    assert "petugas desa dan kabupaten" in again and "nama lengkap pekerja" not in again
    flow, data = the_conversation(services)
    assert flow == "case" and data.get("urgent") and data.get("story") == DANGER_OPENING
    assert data.get("worker_name") == "Siti Aminah"


@pytest.mark.parametrize("again", [{"text": "1"}, {"button": "cmd:urgent"}, {"text": "lapor"}])
def test_a_refused_share_taken_back_keeps_the_answers_and_sends_the_report(
    chat: Chat, services: Services, again: dict[str, str]
) -> None:
    """*Report again* typed as its number, pressed, or "lapor": the filled report is sent
    after only the sharing is answered."""
    at_the_share_step(chat, DANGER_OPENING)
    chat.say("tidak")
    chat.say("tidak")
    asked = chat.say(**again)
    assert "Jawaban Anda tetap tersimpan" in asked and "Hanya kabupaten" in asked
    assert "Silakan periksa laporan Anda" in chat.say("ya")
    chat.say(button="opt:submit")
    with transaction(services.factory) as session:
        case = session.scalars(select(Case)).one()
        assert case.urgent and case.worker_name == "Siti Aminah" and case.story == DANGER_OPENING


def test_sharing_a_danger_report_after_all_goes_on_to_the_summary(chat: Chat) -> None:
    at_the_share_step(chat, DANGER_OPENING)
    chat.say("tidak")
    assert "Silakan periksa laporan Anda" in chat.say("ya")


def test_not_sharing_a_report_without_danger_ends_it_at_once(chat: Chat) -> None:
    chat.say("LAPOR anak sy di malaysia gajinya gk dibayar")
    for answer in ("ya", "Siti Aminah", "ya", "Lewati", "ya", "tidak", "sukamulia"):
        chat.say(answer)  # "tidak": no one is in danger now
    assert "petugas desa dan kabupaten" in chat.say("ya")
    text = chat.say("tidak")
    assert "tidak dikirim" in text and "Tetap dibagikan?" not in text


def test_cancelling_a_danger_report_leaves_the_numbers(chat: Chat) -> None:
    chat.say(DANGER_OPENING)
    chat.say("ya")
    text = chat.say("batal")
    assert "Dibatalkan" in text and "+60 17-668 8032" in text and "Lapor darurat" in text


@pytest.mark.parametrize(
    "opening",
    [
        "adik sy d sekap agen d penampungan d surabaya, mau d kirim ke saudi, hp nya diambil",
        "pak anak sy udh d bawa calo ke mataram, katanya mau d berangkatkan ke malaysia minggu "
        "depan lewat jalur belakang, umur nya baru 16 thn",
    ],
)
def test_a_worker_held_at_home_on_the_way_is_filed_in_indonesia(
    chat: Chat, services: Services, opening: str
) -> None:
    """The form guessed the destination, and danger told later got its numbers (a family-side
    tester, stop 56)."""
    chat.say(opening)
    chat.say("lapor")
    chat.say("ya")
    assert "Negara: Indonesia — benar?" in chat.say("Rina")


def test_report_again_typed_as_its_label_is_not_added_to_the_story(
    chat: Chat, services: Services
) -> None:
    """ "...visa ziarah Lapor lagi" (a family-side tester, stop 56)."""
    refused(chat)
    chat.say("Lapor lagi")
    flow, data = the_conversation(services)
    assert flow == "case" and data.get("story") == DANGER_OPENING


@pytest.mark.parametrize("typed", ["boleh tp jgn desa", "yes but not the village"])
def test_sharing_but_not_with_the_village_is_district_only(
    chat: Chat, services: Services, typed: str
) -> None:
    """ "boleh tp jgn desa" was shared with the village (a regression tester, stop 56)."""
    at_the_share_step(chat, DANGER_OPENING)
    summary = chat.say(typed)
    assert "kabupaten dan provinsi" in summary or "district and province" in summary, summary


@pytest.mark.parametrize(
    "again", ["boleh dibagikan", "oke deh, bagikan aja", "sy berubah pikiran, mau lapor"]
)
def test_a_change_of_mind_in_other_words_takes_the_share_back(
    chat: Chat, services: Services, again: str
) -> None:
    """Each was told "added to your story" (a regression tester, stop 56)."""
    at_the_share_step(chat, DANGER_OPENING)
    chat.say("tidak")
    chat.say("tidak")
    assert "Hanya kabupaten" in chat.say(again)


def test_a_refusal_typed_at_the_summary_is_not_added_to_the_story(
    chat: Chat, services: Services
) -> None:
    """ "Cerita: ... tunggu dulu jgn dikirim" (a regression tester, stop 56)."""
    at_the_share_step(chat, DANGER_OPENING)
    chat.say("ya")
    chat.say("tunggu dulu jgn dikirim")
    _, data = the_conversation(services)
    assert "tunggu" not in str(data.get("story"))


@pytest.mark.parametrize("typed", ["bukan saudi tp dubai", "not saudi, dubai"])
def test_a_corrected_country_takes_the_right_one(chat: Chat, typed: str) -> None:
    """The summary kept Saudi Arabia (a regression tester, stop 56)."""
    chat.say("ibu sy d saudi udh 8 bulan gk digaji majikan, mau lapor")
    chat.say("ya")
    assert "Negara: Arab Saudi" in chat.say("Inaq Sahnun")
    said = chat.say(typed)
    assert "Arab Saudi" not in said, said


def test_a_death_at_home_is_not_the_missing_workers_problem() -> None:
    """ "Sakit atau meninggal" was proposed for a son out of reach whose father died (a
    regression tester, stop 56)."""
    from bot.flows.report_opening import problems_told

    assert problems_told(
        "pak anak sy d malaysia udh 3 bulan gk ada kabar, bapaknya baru meninggal kmrn, dia blm "
        "tau. tolong bantu cari"
    ) == ["lost_contact"]


@pytest.mark.parametrize("typed", ["bukan saudi", "salah, bukan saudi", "not saudi arabia"])
def test_a_country_refused_without_the_right_one_is_asked(chat: Chat, typed: str) -> None:
    """ "bukan saudi" kept Saudi Arabia (a regression tester, stop 56)."""
    chat.say("ibu sy d saudi udh 8 bulan gk digaji majikan, mau lapor")
    chat.say("ya")
    chat.say("Inaq Sahnun")
    said = chat.say(typed)
    assert "Negara lain" in said or "Other country" in said, said


def test_a_correction_at_the_summary_opens_what_to_change(chat: Chat) -> None:
    """ "nama nya salah, harusnya Siti Aminah" paused the form (a regression tester, stop
    56)."""
    at_the_share_step(chat, DANGER_OPENING)
    chat.say("ya")
    said = chat.say("nama nya salah, harusnya Siti Aminah")
    assert "dijeda" not in said and "Pekerja" in said, said


def test_not_sharing_with_the_village_in_english_is_district_only(chat: Chat) -> None:
    at_the_share_step(chat, DANGER_OPENING)
    summary = chat.say("don't share with the village")
    assert "kabupaten dan provinsi" in summary or "district and province" in summary, summary
