"""Questions asked as a list in one message are read one by one (bot/questions.py); questions
in a row in a sentence keep the reading of the whole. Messages here are written for the
tests."""

from __future__ import annotations

from bot.questions import parts_of, questions_in
from bot.triage import Triage

LISTED = "pak mau tanya\n1. tempat mcu dmn\n2. bikin paspor dmn\n3. ada pelatihan gk"


def test_a_numbered_or_lined_list_is_cut_at_its_items() -> None:
    assert parts_of(LISTED) == [
        "pak mau tanya",
        "tempat mcu dmn",
        "bikin paspor dmn",
        "ada pelatihan gk",
    ]
    assert parts_of("1) syarat ke taiwan apa 2) gajinya brp") == [
        "syarat ke taiwan apa",
        "gajinya brp",
    ]
    assert parts_of("- mcu dmn?\n- paspor brp?") == ["mcu dmn?", "paspor brp?"]


def test_only_the_questions_of_a_list_count_and_a_sentence_is_no_list(triage: Triage) -> None:
    asks = triage.looks_like_question
    # every item of a numbered list, asked with a question word or not
    assert questions_in(LISTED, asks) == ["tempat mcu dmn", "bikin paspor dmn", "ada pelatihan gk"]
    lines = "assalamualaikum pak\ntempat mcu dmn\nsy dr lombok timur\nbikin paspor dmn"
    assert questions_in(lines, asks) == ["tempat mcu dmn", "bikin paspor dmn"]
    assert questions_in("sy mau ke taiwan, biayanya brp? trus syaratnya apa aja?", asks) == []
    assert questions_in("1. bikin paspor dmn", asks) == []  # one question is not a list


def test_each_listed_question_puts_its_topic_first_among_the_choices(triage: Triage) -> None:
    """Read whole, the list led with topics none of its questions asked about."""
    read = triage.read("mau tanya\n- tempat mcu dmn?\n- biaya paspor brp?")
    assert read.topic is None
    assert read.offered[:2] == ("pemeriksaan-kesehatan", "paspor"), read.offered


def test_a_numbered_list_without_question_words_is_read_item_by_item(triage: Triage) -> None:
    """A chat tester (stop 43): each line alone was answered, the list got choices."""
    read = triage.read("1. kur utk tki\n2. pelatihan di blk")
    assert read.topic == "pinjaman-kur", read
    assert read.offered[0] == "pelatihan-kerja", read.offered


def test_a_listed_question_the_reading_is_sure_of_is_answered(triage: Triage) -> None:
    read = triage.read(LISTED)
    assert read.topic == "paspor", read
    assert read.offered[0] == "pemeriksaan-kesehatan", read.offered
