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


def test_an_agency_fee_to_change_employer_in_taiwan_is_answered_with_taiwans_rule(
    sqlite_chat,  # type: ignore[no-untyped-def]
) -> None:
    """ "agensi minta 20 juta buat pindah ke majikan baru" (Taiwan) got "the rules differ per
    country" only (a chat tester, stop 46); facts.md: changing employer there costs no agency
    fee, and illegal fees go to 1955."""
    reply = sqlite_chat.say(
        "istri sy d taiwan majikan nya meninggal, agensi minta 20 juta buat pindah ke majikan baru"
    )
    assert "tanpa biaya agensi" in reply and "*1955*" in reply, reply
