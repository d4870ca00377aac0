"""Questions typed inside a form, where the step reads a place or the consent (testers of the
forms, stops 64-65): what the step asks for is explained, a village named in the same breath is
read, and a question the content is not sure of pauses the form and gets its choices, instead
of "I could not find that village" or being kept as the city."""

from __future__ import annotations

from sqlalchemy import select

from bot.store.db import transaction
from bot.store.models import Conversation
from migran.services import Services
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
