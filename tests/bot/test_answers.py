"""The text a user reads (bot/answers.py)."""

from __future__ import annotations

from bot.answers import place_first

BOTH = "*Hong Kong* (PRT): gaji minimum HK$5,100.\n*Taiwan*: lewat P3MI berizin.\nBiaya: tanyakan."


def test_the_place_the_message_named_comes_first_among_the_places() -> None:
    assert place_first(BOTH, ("taiwan",)).split("\n") == [
        "*Taiwan*: lewat P3MI berizin.",
        "*Hong Kong* (PRT): gaji minimum HK$5,100.",
        "Biaya: tanyakan.",
    ]


def test_an_answer_is_left_as_it_is_when_its_place_is_first_or_absent() -> None:
    assert place_first(BOTH, ("hong kong",)) == BOTH
    assert place_first(BOTH, ("malaysia",)) == BOTH
    lost = "*Hilang:* lapor ke polisi.\n*Hampir habis:* perpanjang di KBRI."
    assert place_first(lost, ("taiwan",)) == lost
