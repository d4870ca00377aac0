"""Reading a choice however it comes (bot/options.py): a button, its number, its label, or a
sentence that names one option whole."""

from __future__ import annotations

import pytest

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


def test_an_answer_naming_one_option_with_a_few_more_words_chooses_it() -> None:
    """The word jepang touches "Bahasa Jepang", but only the caregiver course is named whole."""
    assert choose("caregiver ke jepang", None, PROGRAMS) == "prog:caregiver"
    assert choose("perawat aja kak", None, PROGRAMS) == "prog:caregiver"  # the bracketed name


def test_a_story_naming_an_option_in_passing_chooses_nothing() -> None:
    story = "anak saya dulu ikut caregiver tapi sekarang tidak ada kabar dari agen"
    assert choose(story, None, PROGRAMS) is None


def test_a_sentence_naming_two_options_chooses_neither() -> None:
    assert choose("bahasa korea atau bahasa jepang ya, bingung", None, PROGRAMS) is None


def test_yes_and_no_are_never_read_from_a_sentence_in_passing() -> None:
    """Consent is given by a plain yes, not by "saya setuju" inside a story."""
    story = "saya setuju anak saya kerja tapi sekarang dia tidak ada kabar"
    assert choose(story, None, AGREE) is None
    assert choose("setuju", None, AGREE) == YES_ID


def test_there_is_none_is_a_no() -> None:
    """ "gk ada pak" to "is someone in danger right now?" was no choice (a third chat tester,
    stop 46)."""
    options = [Button(YES_ID, "Ya"), Button(NO_ID, "Tidak")]
    assert choose("gk ada pak", None, options) == NO_ID
    assert choose("tidak ada", None, options) == NO_ID
    assert choose("ada", None, options) is None


def test_sasak_and_mbojo_yes_and_no_are_read() -> None:
    """ "aok" and "nggih" were a yes, but the Sasak "ndek" and the Mbojo "wati" got "choose
    one" at the consent step (a chat tester, stop 47)."""
    for no in ("ndek", "ndeq", "wati", "ndek pak"):
        assert choose(no, None, AGREE) == NO_ID, no
    assert choose("aok", None, AGREE) == YES_ID


def test_who_the_worker_is_to_the_writer_in_sasak_and_mbojo_is_not_a_name() -> None:
    """ "kanak tiang" (my child) and a whole Sasak sentence were saved as the worker's name (a
    chat tester, stop 47); names with an NTB title still are names."""
    from bot.flows.common import is_a_name

    for said in ("kanak tiang", "ina nahu", "kanak tiang ndek araq kabar lek johor"):
        assert not is_a_name(said), said
    for name in ("Inaq Sahnun", "Baiq Rina", "Ana"):
        assert is_a_name(name), name


def test_a_yes_or_a_problem_is_not_a_name() -> None:
    """ "nggih" and "aok" were saved as a trainee's name, and "gaji blm dibayar 3 bln" as the
    worker (a family chat tester, stop 48). A digit alone does not unmake a name: what a
    person types is kept as typed."""
    from bot.flows.common import is_a_name

    for said in ("nggih", "aok", "ya nggih", "gaji blm dibayar 3 bln"):
        assert not is_a_name(said), said
    for name in ("Bulan", "Inaq Sumiati", "Lalu Muhammad Zaini", "Wati", "Sri Wati", "Iyah"):
        assert is_a_name(name), name


def test_a_greeting_is_not_a_name() -> None:
    """ "halo" was kept as a trainee's name, and the name typed next refused as an age (a
    journeys tester, stop 61); "Selamat" and "Salam" are names in NTB."""
    from bot.flows.common import is_a_name

    for said in ("halo", "assalamualaikum", "selamat pagi", "hai kak", "maaf pak"):
        assert not is_a_name(said), said
    for name in ("Selamat", "Salam", "Selamat Riyadi", "Siti Aminah"):
        assert is_a_name(name), name


def test_where_the_worker_is_or_whom_the_form_is_for_is_not_a_name() -> None:
    """ "adek sy d hongkong", "itu buat anak sy, umurnya 17" and "orang lain" were saved as the
    worker's name (two testers of what follows the first reply, stop 64); a name given beside
    where the worker is is still read."""
    from bot.flows.common import is_a_name, name_told

    for said in ("adek sy d hongkong", "itu buat anak sy, umurnya 17", "orang lain"):
        assert not is_a_name(said), said
    assert name_told("namanya Siti Aminah, dia di Riyadh") == "Siti Aminah"
    for name in ("Siti Aminah", "Lalu Muh. Zaini", "Ni Luh Ayu"):
        assert is_a_name(name), name


def test_not_knowing_in_sasak_is_not_knowing() -> None:
    """ "ndak tau" was saved as the worker's job and company (a family chat tester, stop 48)."""
    from bot.flows.common import not_known

    for said in ("ndak tau", "ndeq taoq", "gk tau"):
        assert not_known(set(said.split())), said


def test_a_yes_or_no_typed_first_with_its_reason_is_that_answer() -> None:
    """ "tidak, dia aman cuma mau pulang" and "betul, terakhir dia bilang ..." were asked again,
    and the Mbojo "iyo" was no choice (a family chat tester, stop 50). A sentence that only
    says yes in passing is still not a yes."""
    options = [Button(YES_ID, "Ya"), Button(NO_ID, "Tidak"), Button("opt:unknown", "Tidak tahu")]
    assert choose("tidak, dia aman cuma mau pulang", None, options) == NO_ID
    assert choose("betul, terakhir dia bilang sering dipukul majikan", None, options) == YES_ID
    assert choose("iyo", None, AGREE) == YES_ID
    assert choose("tidak tau, dkt perbatasan", None, options) is None
    assert (
        choose("saya setuju anak saya kerja tapi sekarang dia tidak ada kabar", None, AGREE) is None
    )


SHARE = [Button(YES_ID, "Ya, boleh dibagikan"), Button("opt:district", "Hanya kabupaten")]
SEND = [Button("opt:submit", "Kirim laporan"), Button("opt:change", "Ubah")]
DANGER = [
    Button(YES_ID, "Ya, dalam bahaya"),
    Button(NO_ID, "Tidak"),
    Button("x:unknown", "Tidak tahu"),
]


@pytest.mark.parametrize(
    ("typed", "options", "meant"),
    [
        ("gk setuju", AGREE, NO_ID),
        ("sy tdk setuju", AGREE, NO_ID),
        ("belum setuju pak", AGREE, NO_ID),
        ("gk boleh pak", [*SHARE, Button(NO_ID, "Tidak")], NO_ID),
        ("jgn dibagikan", [*SHARE, Button(NO_ID, "Jangan dibagikan")], NO_ID),
        ("jgn kirim dulu", SEND, None),
        ("gk jd kirim", SEND, None),
        ("gk bahaya pak", DANGER, NO_ID),
        ("tdk dlm bahaya", DANGER, NO_ID),
        ("tidak tahu", DANGER, "x:unknown"),
        # a regression tester's spellings (stop 56)
        ("ngk setuju", AGREE, NO_ID),
        ("gx setuju", AGREE, NO_ID),
        ("kagak setuju", AGREE, NO_ID),
        ("saya kurang setuju", AGREE, NO_ID),
        ("gk setuju, takut", AGREE, NO_ID),
        ("ga usah dibagikan", [*SHARE, Button(NO_ID, "Tidak")], NO_ID),
        ("ga usah kirim", [*SEND, Button("opt:cancel", "Batal")], None),
        ("gak usah batal", [*SEND, Button("opt:cancel", "Batal")], None),
        ("kyknya gk bahaya", DANGER, NO_ID),
    ],
)
def test_an_option_typed_with_a_word_of_no_is_not_that_option(
    typed: str, options: list[Button], meant: str | None
) -> None:
    """ "gk setuju" gave consent, "gk boleh pak" shared a report with the village, "jgn kirim
    dulu" sent it, "gk bahaya" marked a danger (a family-side tester, stop 56)."""
    assert choose(typed, None, options) == meant


def test_i_dont_agree_in_english_is_a_no() -> None:
    assert choose("i dont agree", None, [Button(YES_ID, "I agree"), Button(NO_ID, "No")]) == NO_ID


@pytest.mark.parametrize("typed", ["i do not agree", "i don't agree"])
def test_english_refusals_with_an_apostrophe_are_a_no(typed: str) -> None:
    assert choose(typed, None, [Button(YES_ID, "I agree"), Button(NO_ID, "No")]) == NO_ID


@pytest.mark.parametrize("typed", ["do not delete", "please don't delete", "don't delete it"])
def test_do_not_delete_keeps_the_data(typed: str) -> None:
    """ "do not delete" deleted everything (a regression tester, stop 56)."""
    from bot.flows.menu import ERASE_NO, erase_answer

    assert erase_answer(typed) == ERASE_NO
    options = [Button("erase:yes", "Yes, delete"), Button("erase:no", "No, keep")]
    assert choose(typed, None, options) == "erase:no"


@pytest.mark.parametrize("typed", ["don't send yet", "don't cancel"])
def test_an_english_refusal_at_the_summary_is_asked_again(typed: str) -> None:
    options = [
        Button("opt:submit", "Send report"),
        Button("opt:change", "Change"),
        Button("opt:cancel", "Cancel"),
    ]
    assert choose(typed, None, options) is None


@pytest.mark.parametrize("typed", ["setuju gk ya", "hmm setuju ga ya", "apa harus setuju?"])
def test_an_option_asked_about_is_not_chosen(typed: str) -> None:
    """ "setuju gk ya" (agree or not?) gave consent through the one word it shares with
    *Saya setuju* (stop 56's list); asked again instead."""
    assert choose(typed, None, AGREE) is None


@pytest.mark.parametrize(
    "typed", ["setuju", "setuju pak", "ok setuju", "Saya setuju", "setuju aja deh kalo gitu"]
)
def test_agreeing_is_still_agreeing(typed: str) -> None:
    assert choose(typed, None, AGREE) == YES_ID
