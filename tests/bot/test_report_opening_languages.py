"""A report opened in English, Sasak or Mbojo says who writes, the worker's name and what
happened as an Indonesian one does: the form confirms them rather than asking again."""

from __future__ import annotations

import pytest

from bot.cases.hints import categories_in
from bot.flows.common import named_after_relation
from bot.register.hints import writer_relation
from tests.conftest import Chat


def test_an_english_opening_says_who_writes_and_what_happened(sqlite_chat: Chat) -> None:
    sqlite_chat.say(
        "REPORT my mother works in Saudi, her employer does not pay her salary for 6 months"
    )
    assert "full name of the worker" in sqlite_chat.say("yes")
    sqlite_chat.say("Inaq Sahnun")
    sqlite_chat.say("yes")
    assert "Problem: Wages unpaid or cut — correct?" in sqlite_chat.say("Skip")


def test_a_workers_own_english_opening_is_not_asked_who_writes(sqlite_chat: Chat) -> None:
    """ "REPORT I am in Hong Kong, my salary not paid" was asked whether the worker or a
    family member writes (a chat tester, stop 45): it is the worker's own name that is asked."""
    sqlite_chat.say("REPORT I am in Hong Kong, my salary not paid for 3 months")
    assert "What is your full name?" in sqlite_chat.say("yes")


def test_a_sasak_opening_gives_the_workers_name_and_problem(sqlite_chat: Chat) -> None:
    sqlite_chat.say(
        "LAPOR kanak tiang Baiq Rina lek Malaysia, pasporne tahan isik majikan, ndek bau ulek"
    )
    assert "Nama pekerja: Baiq Rina — benar?" in sqlite_chat.say("ya")
    assert "Negara: Malaysia — benar?" in sqlite_chat.say("ya")
    sqlite_chat.say("ya")
    assert "Masalah: Dokumen ditahan — benar?" in sqlite_chat.say("Lewati")


def test_the_words_of_who_writes_in_english_sasak_and_mbojo() -> None:
    assert writer_relation("my mother works in Saudi") == "anak"
    assert writer_relation("my husband is in Taiwan") == "istri"
    assert writer_relation("kanak tiang lek Malaysia") == "orang tua"
    assert writer_relation("semame tiang lek Malaysia") == "istri"
    assert writer_relation("ina nahu di Malaysia") == "anak"
    # "ama" is also chat for "sama": a father only beside the Mbojo "nahu"
    assert writer_relation("dia bilang ama sy gajinya gk dibayar") is None
    assert writer_relation("ama nahu di Malaysia") == "anak"
    # one's own story, after the command word or a "pak"
    assert writer_relation("REPORT I am in Hong Kong, my salary not paid") == "self"
    assert writer_relation("LAPOR pak, saya di malaysia gk digaji") == "self"
    assert writer_relation("REPORT my mother works in Saudi") == "anak"
    # the writer's own work told first, a sick mother at home after (a chat tester, stop 46)
    story = "pak sy Jumadil, sy kerja d kilang d penang, bos sy g bayar gaji. ibu sy d lombok sakit"
    assert writer_relation(story) == "self"
    assert writer_relation("anak sy kerja di malaysia") == "orang tua"
    # a greeting first, and one's own employer (a third chat tester, stop 46)
    assert writer_relation("assalamualaikum pak\nsy d saudi pak, paspor sy d tahan") == "self"
    assert writer_relation("majikan sy d singapura pukul sy kmrn pak") == "self"
    assert writer_relation("my employer in singapore hit me") == "self"
    assert writer_relation("majikan anak sy jahat") == "orang tua"


def test_the_problems_named_in_english_and_sasak() -> None:
    assert categories_in("her employer does not pay her salary") == ["wages"]
    assert categories_in("I was not paid for 4 months") == ["wages"]
    assert categories_in("my passport was taken by the agent") == ["documents"]
    assert categories_in("she is beaten by her employer") == ["violence"]
    assert categories_in("pasporne tahan isik majikan") == ["documents"]


def test_the_workers_name_right_after_who_they_are() -> None:
    assert named_after_relation("LAPOR kanak tiang Baiq Rina lek Malaysia") == "Baiq Rina"
    assert named_after_relation("anak saya Siti Aminah di Malaysia") == "Siti Aminah"
    assert named_after_relation("anak sy baiq rina di hk") == "Baiq Rina"
    assert named_after_relation("my mother Inaq Sahnun works in Saudi") == "Inaq Sahnun"
    assert named_after_relation("LAPOR ANAK SY SITI DI MALAYSIA") is None
    assert named_after_relation("anak saya Gajinya gk dibayar") is None
    assert named_after_relation("anak sy di malaysia") is None


def test_a_parent_abroad_makes_the_writer_their_child() -> None:
    """ "bapak sy d malaysia sakit" made the writer the father (a family chat tester, stop
    49)."""
    for text in ("bapak sy d malaysia sakit", "inaq tiang lek saudi", "mama saya di hongkong"):
        assert writer_relation(text) == "anak", text


def test_the_writers_relation_is_shown_in_english_in_an_english_summary(
    sqlite_chat: Chat,
) -> None:
    """ "Family member (orang tua)" was shown in English (two chat testers, stop 51)."""
    sqlite_chat.say(
        "REPORT my mother works in Saudi, her employer does not pay her salary for 6 months"
    )
    for answer in ("yes", "Inaq Sahnun", "yes", "Skip", "yes", "no", "sukamulia", "yes"):
        sqlite_chat.say(answer)
    summary = sqlite_chat.say("yes")
    assert "(child)" in summary or "(parent)" in summary, summary
    assert "orang tua" not in summary and "(anak)" not in summary


def test_the_worker_is_named_after_who_they_are_to_the_writer_not_the_broker() -> None:
    """The broker after "calo namanya", a Sasak title read as a father, "anak perempuan sy"
    made the writer the child (family chat testers, stop 51)."""
    from bot.flows.common import name_in, named_after_relation
    from bot.register.hints import writer_relation

    story = (
        "Pak sy mau lapor calo namanya Amaq Junaidi dr dusun Lendang Bao, dia ambil uang adik "
        "sy Rudi Hartono 12 juta"
    )
    assert named_after_relation(story) == "Rudi Hartono" and name_in(story) is None
    daughter = "sy Mahmud dr desa Sakra. Anak perempuan sy Siti Fatimah pergi ke Arab Saudi"
    assert named_after_relation(daughter) == "Siti Fatimah"
    assert writer_relation(daughter) == "orang tua"
    assert writer_relation("tiang ditipu sponsor namanya Amaq Jum dr desa sebelah") == "self"


def test_a_neighbour_or_a_friend_reporting_is_not_the_worker() -> None:
    """ "sy tetangga nya" was saved as the worker reporting, with the neighbour's name as the
    worker's (a chat tester after the danger reply, stop 51)."""
    from bot.register.hints import writer_relation

    assert writer_relation("sy tetangga nya") == "tetangga"
    assert writer_relation("i am her friend") == "teman"


def test_laki2_after_the_kin_word_keeps_the_writer_the_parent() -> None:
    """ "anak laki2 sy" made the writer the child (a regression tester, stop 51)."""
    from bot.register.hints import writer_relation

    assert writer_relation("anak laki2 sy Muhammad Amin meninggal d malaysia") == "orang tua"


@pytest.mark.parametrize(
    ("text", "writer"),
    [
        ("ibu mertua sy kerja d brunei, paspornya ditahan majikan", "menantu"),
        ("my mother in law works in Brunei", "menantu"),
        ("bapak mertua saya di malaysia", "menantu"),
        ("my son in law works in taiwan", "mertua"),
        ("sy cucunya", "cucu"),
        ("sy menantunya", "menantu"),
        ("anak prmpuan sy Baiq Sri Wahyuni kerja di hk", "orang tua"),  # as typed (stop 53)
    ],
)
def test_kin_by_marriage_and_grandchildren_are_read_as_the_writers_side(
    text: str, writer: str
) -> None:
    """ "ibu mertua sy" made the writer the worker, "my mother in law" the mother's child and
    "sy cucunya" the worker (a chat tester, stop 53)."""
    assert writer_relation(text) == writer
