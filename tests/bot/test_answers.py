"""The text a user reads (bot/answers.py)."""

from __future__ import annotations

from bot.answers import for_place, place_first

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


PLACES = frozenset(("hong kong", "taiwan", "malaysia", "korea selatan", "south korea"))
CHANGE = (
    "Aturan pindah majikan berbeda di tiap negara.\n1. Baca kontrak.\n2. Tanya KBRI/KJRI.\n"
    "*Taiwan*: pindah majikan tanpa biaya agensi.\nKetik *lapor*."
)


def test_a_worker_in_one_place_is_not_told_another_places_rules() -> None:
    """A Hong Kong helper got Taiwan's paragraph beside her own, and a worker in Korea
    changing factory got Taiwan's (a chat tester, stop 48)."""
    assert for_place(BOTH, ("hong kong",), PLACES).split("\n") == [
        "*Hong Kong* (PRT): gaji minimum HK$5,100.",
        "Biaya: tanyakan.",
    ]
    assert "*Taiwan*" not in for_place(CHANGE, ("korea selatan", "south korea"), PLACES)
    assert "*Taiwan*" in for_place(CHANGE, ("taiwan",), PLACES)


def test_an_answer_that_is_all_places_is_kept_whole_for_a_place_it_does_not_name() -> None:
    assert for_place(BOTH, ("malaysia",), PLACES) == BOTH
    lost = "*Hilang:* lapor ke polisi.\n*Hampir habis:* perpanjang di KBRI."
    assert for_place(lost, ("taiwan",), PLACES) == lost
