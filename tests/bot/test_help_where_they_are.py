"""An answer about a worker's trouble abroad names whom to contact where the worker is: the
embassy and the local labour office's line, not only "the KBRI/KJRI" (a Singapore helper got
Indonesian law and no number there: a chat tester, stop 49)."""

from __future__ import annotations

import pytest

from knowledge.emergency import LINE_KINDS, EmergencyNumbers
from knowledge.loader import load_topics
from tests.conftest import Chat

HEAD = "Anda juga bisa menghubungi"


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        (
            "sy helper d singapore, gaji sy gk dibayar 3 bulan, gmn?",
            ["Di Singapura", "+65 9295 3964", "1800 339 5505", "1800 2255 233"],
            ["*999*", "*995*"],  # police and ambulance are not for unpaid wages
        ),
        (
            "gaji sy gk dibayar 3 bulan di taiwan, gmn?",
            ["Di Taiwan", "*1955*", "+62 812 9007 0027", "(KBRI, KJRI atau KDEI)"],
            ["*110*", "*119*"],
        ),
        (
            "paspor sy ditahan agen di brunei, gmn?",
            ["perwakilan Indonesia di Brunei", "+62 812 9007 0027"],
            ["*993*"],
        ),
        (
            "gaji sy gk dibayar di sabah",
            ["Di Malaysia", "+60 17-668 8032", "Untuk Sabah, Sarawak dan Penang"],
            ["15999"],  # the line against abuse is for violence
        ),
    ],
)
def test_a_work_problem_abroad_gets_the_lines_there(
    chat: Chat, text: str, wanted: list[str], unwanted: list[str]
) -> None:
    said = chat.say(text)
    for piece in wanted:
        assert piece in said
    for piece in unwanted:
        assert piece not in said


def test_the_place_told_earlier_decides(chat: Chat) -> None:
    """ "anak sy kerja d singapore", then the trouble: the place is the one told before."""
    chat.say("anak sy kerja d singapore jd helper")
    said = chat.say("paspornya ditahan majikan, gmn ya?")
    assert "Di Singapura" in said and "+65 9295 3964" in said


def test_the_lines_come_in_english_too(chat: Chat) -> None:
    said = chat.say("I work in singapore, my employer has not paid my salary for 3 months")
    assert "In Singapore, you can also contact:" in said
    assert "Indonesian Embassy Singapore (hotline)" in said


@pytest.mark.parametrize(
    "text",
    [
        "sy mau ke singapore, takut gaji gk dibayar",  # going there, not there
        "sy sudah pulang dari malaysia, gaji terakhir blm dibayar agen",  # come back from it
    ],
)
def test_no_lines_for_a_place_not_being_in_it(chat: Chat, text: str) -> None:
    assert HEAD not in chat.say(text)


def test_a_number_the_answer_gives_is_not_repeated(chat: Chat) -> None:
    said = chat.say("sy di hongkong, majikan gk kasih libur sama sekali, itu boleh?")
    assert said.count("2157 9537") <= 1


def test_every_country_line_says_what_it_is_for() -> None:
    numbers = EmergencyNumbers.load()
    kinds = {line.kind for country in numbers.countries for line in country.lines}
    assert kinds == set(LINE_KINDS)
    assert all(line.kind in LINE_KINDS for c in numbers.countries for line in c.lines)


def test_topics_ask_only_for_kinds_that_exist() -> None:
    asked = {kind for topic in load_topics() for kind in topic.local_help}
    assert asked and asked <= set(LINE_KINDS)


def test_a_country_line_without_its_kind_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "emergency.yaml"
    path.write_text(
        "general: []\ncountries:\n  - code: XX\n    name: {id: X, en: X}\n    words: [x]\n"
        '    lines:\n      - label: {id: "Polisi", en: "Police"}\n        number: "1"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="kind"):
        EmergencyNumbers.load(path)


def test_not_again_beside_the_danger_reply(chat: Chat) -> None:
    """The danger reply gives the place's numbers; the answer under it does not repeat them."""
    said = chat.say("majikan sy di hongkong pukul sy tiap hari, sy harus gmn")
    assert said.count("2157 9537") == 1 and HEAD not in said
