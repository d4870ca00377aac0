"""Reading a choice however it comes (bot/options.py): a button, its number, its label, or a
sentence that names one option whole."""

from __future__ import annotations

from bot.options import NO_ID, YES_ID, choose
from bot.types import Button

PROGRAMS = [
    Button("prog:caregiver", "Caregiver (perawat)"),
    Button("prog:japanese", "Bahasa Jepang"),
    Button("prog:korean", "Bahasa Korea"),
    Button("prog:english", "Bahasa Inggris"),
]
AGREE = [Button(YES_ID, "Saya setuju"), Button(NO_ID, "Tidak")]


def test_a_sentence_naming_one_option_whole_chooses_it() -> None:
    said = "saya mau belajar bahasa korea biar bisa kerja di korea"
    assert choose(said, None, PROGRAMS) == "prog:korean"


def test_a_sentence_naming_two_options_chooses_neither() -> None:
    assert choose("bahasa korea atau bahasa jepang ya, bingung", None, PROGRAMS) is None


def test_yes_and_no_are_never_read_from_a_sentence_in_passing() -> None:
    """Consent is given by a plain yes, not by "saya setuju" inside a story."""
    story = "saya setuju anak saya kerja tapi sekarang dia tidak ada kabar"
    assert choose(story, None, AGREE) is None
    assert choose("setuju", None, AGREE) == YES_ID
