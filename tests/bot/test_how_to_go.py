"""A few words asking how to go to work in a named place are answered for that place, not
offered the families of workers; a place with no topic of its own gets the destinations'."""

from __future__ import annotations

import pytest

from bot.triage import Triage


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("cara ke hongkong", "taiwan-hongkong"),
        ("hongkong caranya gmn", "taiwan-hongkong"),
        ("how to go to taiwan", "taiwan-hongkong"),
        ("sy mw krj k korea gmn crnya", "korea-eps"),
        ("anak sy mau ke jepang, caranya gmn bu", "jepang"),
        ("suami sy mau ke malaysia lewat apa", "malaysia"),
        ("tiang mele lalo begawe ke malaysia", "malaysia"),
        ("kerja ke brunei gmn caranya", "negara-tujuan"),
        ("how to work in singapore", "negara-tujuan"),
        ("kerja ke qatar", "timur-tengah"),
        ("cara daftar kerja ke jepang", "jepang"),  # not the training form
        # places the topic model had not seen were held outside the service (a chat
        # tester, stop 52)
        ("cara kerja ke brunei gmn", "negara-tujuan"),
        ("cara kerja ke jerman gmn", "negara-tujuan"),
    ],
)
def test_how_to_go_to_a_named_place_is_that_places_answer(
    triage: Triage, text: str, topic: str
) -> None:
    assert triage.read(text).topic == topic


@pytest.mark.parametrize(
    "text",
    [
        "mau kirim uang ke malaysia",  # sending money, not going
        "cara ke jepang liburan",  # a holiday
        "istri sy mau ke hongkong biayanya brp",  # the cost: the matcher's
    ],
)
def test_other_errands_to_a_place_are_left_to_the_matcher(triage: Triage, text: str) -> None:
    reading = triage.read(text)
    assert reading.topic not in ("jepang", "taiwan-hongkong") or reading.topic is None
    assert reading.topic != "malaysia"


def test_a_place_with_no_numbers_in_our_data_says_so_in_the_danger_reply(triage: Triage) -> None:
    """Russia was not a place: the reply asked where the person is (stop 52)."""
    reading = triage.read("adik sy di rusia gk bisa pulang, paspor ditahan")
    assert reading.urgent and reading.country is not None and reading.country.code == "RU"
    assert not reading.country.lines
