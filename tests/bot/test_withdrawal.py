"""Someone who registered for a training and changes their mind withdraws: the wish is asked
once to confirm, the registration is marked withdrawn, the village officer hears of it as of
cases, and *status* shows it."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot.i18n import translator
from bot.store.db import transaction
from bot.store.models import OutboxMessage, Registration
from migran.services import Services
from tests.cases_support import REPORT_STEPS, officer_replies
from tests.conftest import Chat
from tests.officers_support import ANJANI, LOMBOK_TIMUR, add_officer
from tests.training_support import TAPPED_FEMALE, sign_up

CODE = re.compile(r"P-[A-Z0-9]{6}")
YES, NO = "withdraw:yes", "withdraw:no"


def register(chat: Chat, programme: str = "otomotif", name: str = "Baiq Rina") -> str:
    """A whole registration from Anjani; returns its code."""
    signed = sign_up(chat, programme, village="anjani suralaga", sex=TAPPED_FEMALE, name=name)
    found = CODE.search(signed)
    assert found is not None
    return found.group(0)


def options(chat: Chat) -> list[str]:
    return [o.id for reply in chat.history[-1][1] for o in reply.options]


def status_of(services: Services, code: str) -> str:
    with transaction(services.factory) as session:
        return session.scalars(select(Registration.status).where(Registration.code == code)).one()


def telegram_to(services: Services, chat_id: str) -> list[str]:
    with transaction(services.factory) as session:
        rows = session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.channel == "telegram", OutboxMessage.recipient == chat_id
            )
        ).all()
        return [str(r.payload["text"]) for r in rows]


@pytest.mark.parametrize(
    "wish",
    [
        "sy gk jadi ikut pelatihan",
        "batal pelatihan",
        "gak jadi daftar",
        "sy mau batalin pendaftaran pelatihan",
        # said twice over, in Sasak too (a new registration was begun: stop 51)
        "saya tidak jadi ikut pelatihan, tolong batalkan pendaftaran saya",
        "tiang ndak jadi ikut pelatihan, batalin aja pendaftaran tiang",
        # the course named, and a child's (a regression tester, stop 51)
        "sy tdk jadi ikut pelatihan bahasa korea pak",
        "anak sy gk jadi ikut pelatihan, tlg batalin pendaftaran nya",
    ],
)
def test_a_wish_to_withdraw_asks_to_confirm_and_withdraws(
    sqlite_services: Services, wish: str
) -> None:
    chat = Chat(sqlite_services)
    code = register(chat)
    asked = chat.say(wish)
    assert code in asked and options(chat) == [YES, NO]  # not a new form, nor guesses
    chat.say("ya")
    assert status_of(sqlite_services, code) == "withdrawn"


def test_the_village_officer_is_told_and_status_shows_it_withdrawn(
    sqlite_services: Services,
) -> None:
    add_officer(sqlite_services, "Baiq Rina", villages=[ANJANI], telegram="900001")
    chat = Chat(sqlite_services)
    code = register(chat)
    assert not telegram_to(sqlite_services, "900001")
    chat.say("batal pelatihan")
    done = chat.say(button=YES)
    assert code in done
    told = telegram_to(sqlite_services, "900001")
    assert len(told) == 1 and code in told[0] and "Baiq Rina" in told[0] and "Anjani" in told[0]
    with transaction(sqlite_services.factory) as session:
        day = session.scalars(select(Registration.created_at)).one().strftime("%d-%m-%Y")
    withdrawn = translator("id")("Training *{code}*: {title} — withdrawn (registered {date})")
    assert withdrawn.format(code=code, title="Otomotif", date=day) in chat.say("status")


def test_without_a_village_officer_the_district_supervisor_is_told(
    sqlite_services: Services,
) -> None:
    add_officer(sqlite_services, "Pak Timur", "supervisor", district=LOMBOK_TIMUR, telegram="7")
    chat = Chat(sqlite_services)
    code = register(chat)
    chat.say("gak jadi daftar")
    chat.say("iya batalin aja")
    assert status_of(sqlite_services, code) == "withdrawn"
    assert any(code in text for text in telegram_to(sqlite_services, "7"))


def test_a_new_form_begun_by_mistake_ends_and_the_withdrawal_is_asked(
    sqlite_services: Services,
) -> None:
    chat = Chat(sqlite_services)
    code = register(chat)
    chat.say("pelatihan")  # a new form, at the choice of training
    asked = chat.say("batal pelatihan")
    assert code in asked and options(chat) == [YES, NO]
    chat.say("tidak")
    assert status_of(sqlite_services, code) == "registered"
    chat.say("pelatihan")
    assert "prog:otomotif" in options(chat)  # the new form is gone: it starts again


def test_batal_inside_a_form_still_cancels_the_form(sqlite_services: Services) -> None:
    chat = Chat(sqlite_services)
    code = register(chat)
    chat.say("pelatihan")
    chat.say("batal")
    assert YES not in options(chat) and "cmd:training" in options(chat)  # the menu
    assert status_of(sqlite_services, code) == "registered"


def test_batal_pelatihan_inside_the_first_form_cancels_it(sqlite_services: Services) -> None:
    """Nothing is registered yet: the wish stops the form, as *batal* does."""
    chat = Chat(sqlite_services)
    chat.say("mau ikut pelatihan")
    chat.say(button="opt:yes")
    chat.say("batal pelatihan")
    assert "cmd:training" in options(chat)
    chat.say("Siti Aminah")
    assert not options(chat) or "prog:otomotif" not in options(chat)


@pytest.mark.parametrize("answer", ["tidak", "gak jadi", "tetap ikut", "stop"])
def test_no_or_stop_keeps_the_registration(sqlite_services: Services, answer: str) -> None:
    chat = Chat(sqlite_services)
    code = register(chat)
    chat.say("sy gk jadi ikut pelatihan")
    assert code in chat.say(answer)
    assert status_of(sqlite_services, code) == "registered"


def test_a_question_instead_of_an_answer_keeps_it_and_is_answered(
    sqlite_services: Services,
) -> None:
    chat = Chat(sqlite_services)
    code = register(chat)
    chat.say("batal pelatihan")
    answered = chat.say("berapa biaya ke taiwan?")
    assert code in answered and "biaya" in answered.lower()
    chat.say("ya")  # a yes to nothing now
    assert status_of(sqlite_services, code) == "registered"


def test_a_code_names_which_registration_goes(sqlite_services: Services) -> None:
    chat = Chat(sqlite_services)
    first = register(chat, "otomotif")
    second = register(chat, "pengelasan")
    assert second in chat.say("batal pelatihan")  # the newest, without a code
    chat.say(button=NO)
    assert first in chat.say(f"batal pelatihan {first}")
    chat.say(button=YES)
    assert status_of(sqlite_services, first) == "withdrawn"
    assert status_of(sqlite_services, second) == "registered"
    again = chat.say(f"batal pelatihan {first}")
    assert first in again and YES not in options(chat)  # already withdrawn


def test_someone_elses_code_withdraws_nothing(sqlite_services: Services) -> None:
    theirs = register(Chat(sqlite_services, user="u2"), name="Baiq Nurul")
    chat = Chat(sqlite_services)
    mine = register(chat)
    assert theirs in chat.say(f"batal pelatihan {theirs}")
    assert YES not in options(chat)
    assert status_of(sqlite_services, theirs) == status_of(sqlite_services, mine) == "registered"


def test_a_withdrawn_training_can_be_registered_again(sqlite_services: Services) -> None:
    chat = Chat(sqlite_services)
    first = register(chat)
    chat.say("batal pelatihan")
    chat.say(button=YES)
    second = register(chat)
    assert second != first and status_of(sqlite_services, second) == "registered"


def test_ok_after_an_officers_reply_answers_the_officer_not_the_withdrawal(
    sqlite_services: Services,
) -> None:
    """A "baik bu" answering the officer is no yes to withdrawing."""
    officer = add_officer(sqlite_services, "Baiq Rina", villages=[ANJANI])
    chat = Chat(sqlite_services)
    code = register(chat)
    for step in REPORT_STEPS:
        chat.send(step.get("text"), **({"button": step["button"]} if "button" in step else {}))
    number = re.search(r"K-[A-Z0-9]{6}", chat.say("status"))
    assert number is not None
    chat.say("batal pelatihan")
    officer_replies(sqlite_services, officer.id, number.group(0), "Besok kami datang.")
    chat.say("baik bu")
    assert status_of(sqlite_services, code) == "registered"
