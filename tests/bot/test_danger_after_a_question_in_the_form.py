"""Danger typed in a report that began as something else keeps what the chat already knows:
the place a question inside the form named gets its numbers, a place told after the numbers
is kept when more of the story follows, and the danger is the problem proposed first (a
regression tester, stop 62)."""

from __future__ import annotations

from bot.flows.report_opening import problems_told
from tests.conftest import Chat

LOCKED_IN = "majikan baru balik mabuk, dia kunci pintu bilik sy dr luar, sy takut dia masuk"


def test_the_place_a_question_in_the_form_named_gives_the_numbers_of_danger(chat: Chat) -> None:
    chat.say("hello can i video call officer?")
    assert "Hong Kong" in chat.say("how many day off in hong kong")
    said = chat.say("madam come back angry, she hit me with hanger now, i hide in toilet")
    assert "From Hong Kong:" in said and "2157 9537" in said


def test_without_a_place_named_before_the_numbers_ask_for_one(chat: Chat) -> None:
    chat.say("hello can i video call officer?")
    said = chat.say("madam come back angry, she hit me with hanger now, i hide in toilet")
    assert "From Hong Kong:" not in said and "Tell me the country or city" in said


def test_a_place_told_after_the_numbers_is_kept_when_the_story_goes_on(chat: Chat) -> None:
    chat.say("boleh cakap dgn petugas? nak tanya pasal gaji")
    chat.say(button="cmd:report")
    chat.say("1")  # consent
    assert "Sebutkan negara atau kotanya" in chat.say(LOCKED_IN)
    assert "Dari Malaysia:" in chat.say("kat kuala lumpur")
    chat.say("dia dah ketuk pintu")
    chat.say("1")  # the worker herself
    assert "Negara: Malaysia — benar?" in chat.say("Siti")


def test_a_worker_locked_in_after_asking_about_pay_is_proposed_abuse_first() -> None:
    assert problems_told(f"boleh cakap dgn petugas? nak tanya pasal gaji\n{LOCKED_IN}") == [
        "violence",
        "wages",
    ]


def test_a_passport_held_is_the_problem_of_one_held_by_it() -> None:
    held = problems_told("paspor sy ditahan majikan, sy gk boleh pulang")
    assert held == ["documents", "go_home"]
