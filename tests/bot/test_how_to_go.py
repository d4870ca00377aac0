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
