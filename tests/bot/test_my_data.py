"""The person sees what is kept about them, asks in their own words, and sees it gone after
deleting it (a chat tester, stop 53: "sy mau liat data sy" got only who sees it)."""

from __future__ import annotations

from bot.flows.my_data import masked_phone
from migran.services import Services
from tests.cases_support import report_to_the_village
from tests.conftest import Chat
from tests.training_support import TYPED_FEMALE, sign_up


def test_a_report_filed_is_shown_with_the_workers_name_and_how_to_correct_it(
    sqlite_chat: Chat,
) -> None:
    report_to_the_village(sqlite_chat, "gaji", "gaji anak sy tidak dibayar 4 bulan")
    sqlite_chat.say("anjani suralaga")
    sqlite_chat.say("ya")
    sent = ""
    for answer in ("ya", "kirim"):
        sent = sqlite_chat.say(answer)
        if "Nomor kasus" in sent:
            break
    assert "Nomor kasus" in sent, sent
    number = sent.split("Nomor kasus *", 1)[1].split("*", 1)[0]
    shown = sqlite_chat.say("sy mau liat data sy")
    assert "Yang saya simpan tentang Anda" in shown
    assert f"Laporan *{number}*: Rina, Malaysia" in shown and "Anjani" in shown
    assert "Tanya petugas" in shown and "hapus data saya" in shown


def test_after_deleting_nothing_of_a_form_is_shown(sqlite_chat: Chat) -> None:
    report_to_the_village(sqlite_chat, "gaji", "gaji anak sy tidak dibayar 4 bulan")
    sqlite_chat.say("batal")
    sqlite_chat.say("hapus data saya")
    sqlite_chat.say("ya")
    assert "Tidak ada data formulir tentang Anda" in sqlite_chat.say("data sy msh ada gk?")


def test_a_phone_number_is_shown_only_by_its_end() -> None:
    assert masked_phone("+62 877-1234-5678") == "•••5678"
    assert masked_phone(None) is None


def test_a_report_from_another_phone_asked_after_says_where_it_is_answered(
    sqlite_chat: Chat,
) -> None:
    """It started a new report (a chat tester, stop 53)."""
    said = sqlite_chat.say("pak sdh ada kabar blm dr petugas? sy kmrn lapor lwt hp anak sy")
    assert "dikirim dari HP lain dijawab di HP itu" in said and "Tanya petugas" in said


def test_a_training_registration_is_shown_with_every_field_the_form_kept(
    sqlite_services: Services,
) -> None:
    """Only the name, birth year and village were shown (a regression tester, stop 53)."""
    chat = Chat(sqlite_services, user="trainee")
    assert "P-" in sign_up(chat, "otomotif", village="masbagik timur", sex=TYPED_FEMALE)
    shown = chat.say("data saya")
    assert "Baiq Rina" in shown and "Jepang" in shown and "SMP" in shown
    assert "Perempuan" in shown or "Wanita" in shown
