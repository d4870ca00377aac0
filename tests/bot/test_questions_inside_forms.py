"""Questions typed inside a form, where the step reads a place or the consent (testers of the
forms, stops 64-65): what the step asks for is explained, a village named in the same breath is
read, and a question the content is not sure of pauses the form and gets its choices, instead
of "I could not find that village" or being kept as the city."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.store.db import transaction
from bot.store.models import Conversation
from migran.services import Services
from tests.cases_support import REPORT_STEPS
from tests.conftest import Chat

NOT_A_VILLAGE = "tidak menemukan desa"
PAUSED = "Formulir Anda dijeda"


def the_form(services: Services) -> tuple[str | None, str | None, bool, dict[str, object]]:
    with transaction(services.factory) as session:
        conv = session.scalars(select(Conversation)).one()
        return conv.flow, conv.step, conv.parked, dict(conv.data or {})


def at_the_registers_village(chat: Chat) -> None:
    chat.say("anak sy mau brgkt ke korea bulan dpn")
    chat.say("ya")
    assert "Desa/kelurahan asal" in chat.say("Lalu Hendra")


def at_the_reports_city(chat: Chat) -> None:
    for text in ("mau lapor", "ya", "1", "Rina"):
        chat.say(text)
    assert "kota atau daerah" in chat.say("malaysia")


def test_what_the_village_step_means_is_said_not_the_programme(chat: Chat) -> None:
    at_the_registers_village(chat)
    said = chat.say("apa itu desa?")
    assert "Desa Migran Emas" not in said
    assert "Desa/kelurahan asal" in said  # the step again


def test_a_village_named_beside_the_question_is_read(chat: Chat) -> None:
    at_the_registers_village(chat)
    said = chat.say("desanya apa maksudnya? sy di sakra")
    assert "Sakra" in said and "Desa Migran Emas" not in said


def test_an_unsure_question_at_the_village_step_pauses_the_form_with_choices(
    chat: Chat,
) -> None:
    at_the_registers_village(chat)
    replies = chat.send("boleh gk pake agen yg blm terdaftar?")
    said = "\n".join(r.text for r in replies)
    assert NOT_A_VILLAGE not in said and PAUSED in said
    assert any(o.id.startswith("topic:") for r in replies for o in r.options)
    flow, step, parked, _ = the_form(chat.services)
    assert (flow, step, parked) == ("register", "village", True)
    assert "Desa/kelurahan asal" in chat.say("lanjut")


def test_a_question_at_the_city_step_is_not_kept_as_the_city(chat: Chat) -> None:
    at_the_reports_city(chat)
    assert PAUSED in chat.say("boleh gk pake agen yg blm terdaftar?")
    assert "kota atau daerah" in chat.say("lanjut")
    chat.say("kuala lumpur")
    _, step, _, data = the_form(chat.services)
    assert step == "category" and data["city"] == "kuala lumpur"


def test_a_question_announced_at_the_trainings_consent_is_read_not_choose_one(
    chat: Chat,
) -> None:
    chat.say("mau daftar pelatihan")
    said = chat.say("sy mau tny biaya dlu")
    assert "pilih salah satu" not in said and PAUSED in said
    assert "Biaya penempatan" in said  # the choices the question leans to
    assert "setuju" in chat.say("lanjut")  # the consent again, nothing kept before it


def test_a_country_or_not_knowing_at_the_village_step_is_no_village(chat: Chat) -> None:
    """ "korea" matched Desa Kore, "bukan taiwan tp hongkong" Desa Ongko, "gk tau desanya" Desa
    Anyar (a forms tester, stop 65)."""
    at_the_registers_village(chat)
    for text in ("korea", "bukan taiwan tp hongkong", "gk tau desanya"):
        said = chat.say(text)
        assert "benar?" not in said and "Yang mana desa Anda" not in said, said
    assert "Anjani" in chat.say("Anjani, Suralaga")


def test_a_story_at_the_village_step_is_not_read_as_a_village_like_it(chat: Chat) -> None:
    at_the_registers_village(chat)
    said = chat.say("dia d tahan d penampungan 3 bln sama pt nya")
    assert "Baru Tahan" not in said


def test_not_knowing_the_village_at_the_danger_question_is_not_possible_danger(
    chat: Chat,
) -> None:
    """ "ndk tau desanya" where danger is asked was read as "I don't know", and a wage report got
    the numbers and was marked urgent (a forms tester, stop 65)."""
    for text in ("mau lapor", "ya", "2", "Siti Aminah", "malaysia", "kl", "1"):
        chat.say(text)
    chat.say("gaji blm dibayar 3 bln")
    said = chat.say("ndk tau desanya")
    assert "bahaya sekarang" in said and "Jika ada orang dalam bahaya" not in said
    _, step, _, data = the_form(chat.services)
    assert step == "danger" and not data.get("urgent")


@pytest.mark.parametrize("yes", ["ok lanjut", "gas", "ya udh", "sip lanjut", "lanjut"])
def test_go_on_in_other_words_is_yes_at_the_consent(chat: Chat, yes: str) -> None:
    """ "ok lanjut", "gas" and "ya udh" got "choose one", or the consent again (a forms tester,
    stop 65)."""
    chat.say("mau daftar pelatihan")
    assert "Pelatihan apa yang Anda minati" in chat.say(yes)


@pytest.mark.parametrize("no", ["gk lanjut", "udh gk usah"])
def test_not_going_on_is_not_yes(chat: Chat, no: str) -> None:
    chat.say("mau daftar pelatihan")
    assert "Pelatihan apa yang Anda minati" not in chat.say(no)


def test_what_district_only_means_asked_is_explained_not_chosen(chat: Chat) -> None:
    """ "maksudnya hanya kabupaten gmn?" was taken as choosing *District only* (a forms tester,
    stop 65)."""
    for step in REPORT_STEPS[:11]:  # up to the question of who sees it
        chat.send(**step)
    said = chat.say("maksudnya hanya kabupaten gmn?")
    assert "tidak dilihat petugas desa" in said.lower() or "bukan petugas desa" in said.lower()
    _, step, _, _ = the_form(chat.services)
    assert step == "share"


@pytest.mark.parametrize("place", ["lombok timur", "Indonesia", "bahasa korea"])
def test_a_place_or_a_course_at_the_name_step_is_not_the_name(chat: Chat, place: str) -> None:
    """Each was saved as a trainee's or a worker's name (a forms tester, stop 65)."""
    chat.say("mau daftar pelatihan")
    chat.say("ya")
    chat.say("3")
    said = chat.say(place)
    assert "Siapa nama lengkap Anda" in said


@pytest.mark.parametrize(
    ("first", "yes", "form"),
    [
        ("my brother is leaving to korea next week, how do i register him", "yes", "register"),
        ("anak sy udh pulang dr malaysia minggu lalu, gmn ngurus bpjs nya", "iya", "homecoming"),
    ],
)
def test_a_yes_under_the_registers_offer_takes_it(
    chat: Chat, first: str, yes: str, form: str
) -> None:
    """ "yes" under "Has the departure been decided? You can record it" got "I don't have a
    reliable answer", "iya" under the return's offer "type menu" (a forms tester, stop 65)."""
    chat.say(first)
    chat.say(yes)
    flow, _, _, _ = the_form(chat.services)
    assert flow == form


@pytest.mark.parametrize("text", ["sdh berapa lama laporan sy blm dibales", "halo??"])
def test_waiting_for_a_reply_before_the_report_is_sent_is_told_it_is_not_sent(
    chat: Chat, text: str
) -> None:
    """At an urgent report's consent both got what a report is, again and again, and the report
    was never sent (a family-side tester, stop 65)."""
    chat.say("anak sy d kurung majikan gk d kasi makan")
    chat.say(button="cmd:urgent")
    said = chat.say(text)
    assert "belum terkirim" in said and "setuju" in said


def test_a_country_corrected_at_the_registers_city_step_is_the_country(chat: Chat) -> None:
    """ "eh bukan jepang tp taiwan" was kept as the city: "Negara: Jepang, eh bukan jepang tp
    taiwan" (a forms tester, stop 65)."""
    for text in ("anak sy mau brgkt ke jepang bulan dpn", "ya", "2", "orang tua", "Lalu Ahmad"):
        chat.say(text)
    for text in ("Anjani, Suralaga", "1", "1", "2003", "jepang"):
        chat.say(text)
    said = chat.say("eh bukan jepang tp taiwan")
    assert "Taiwan" in said
    _, step, _, data = the_form(chat.services)
    assert step == "city" and data["country"] == "taiwan" and not data.get("city")


def test_a_question_at_the_registers_company_step_is_not_the_company(chat: Chat) -> None:
    """ "eh sy lupa, ini gratis kan daftarnya?" was kept as the departing worker's job, the next
    answer as the company (a forms tester, stop 65)."""
    for text in ("anak sy mau brgkt ke jepang bulan dpn", "ya", "2", "orang tua", "Lalu Ahmad"):
        chat.say(text)
    for text in ("Anjani, Suralaga", "1", "1", "2003", "1", "osaka", "1"):
        chat.say(text)
    _, step, _, _ = the_form(chat.services)
    assert step == "company"
    chat.say("eh sy lupa, ini gratis kan daftarnya?")
    _, step, _, data = the_form(chat.services)
    assert step == "company" and not data.get("company")
