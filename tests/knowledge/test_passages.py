"""A follow-up under an answer gets the lines of the topic that hold what it asks about."""

from __future__ import annotations

from knowledge import Librarian
from knowledge.passages import answering_lines

LIBRARIAN = Librarian.from_directory()


def lines(slug: str, question: str) -> list[str]:
    return answering_lines(LIBRARIAN.topics[slug], "id", question, LIBRARIAN.normalizer)


def test_the_line_that_holds_the_thing_asked_about_is_found_in_the_detail() -> None:
    assert any("Rp330.000" in line for line in lines("jepang", "visanya brp"))
    assert any(
        "kursus berbayar tidak wajib" in line for line in lines("korea-eps", "hrs kursus gk")
    )
    assert any("BNI" in line for line in lines("pinjaman-kur", "bank apa aj"))


def test_a_question_of_nothing_but_what_now_or_the_topics_own_name_finds_no_line() -> None:
    assert lines("calo-ilegal", "trus gmn") == []
    assert lines("korea-eps", "ok makasih") == []
    assert lines("korea-eps", "korea gmn pak") == []  # in every other line: not picked out
    assert lines("paspor", "biayanya brp") == []  # the fee is not in the content: say less


def test_a_cost_or_a_time_asked_in_other_words_finds_the_line_that_gives_it() -> None:
    """ "bayar gk" after the medical check's answer got "my answer is above" (a chat tester,
    stop 47): the line on what the check may cost says it in "biaya". Asked of a topic that
    gives no cost, it still finds nothing."""
    assert any("tidak boleh ditagih" in line for line in lines("pemeriksaan-kesehatan", "bayar gk"))
    assert any("USD 28" in line for line in lines("korea-eps", "biaya tes nya brp"))
    assert lines("paspor", "bayar gk") == []


def test_a_line_that_leads_into_a_list_keeps_the_list() -> None:
    """ "itu resmi gk?" after the Japan answer got "Kontak resmi (halaman SSW Kedutaan
    Jepang):" with nothing after it (a chat tester, stop 47)."""
    found = lines("jepang", "kontak resmi nya apa")
    assert any(line.startswith("Kontak resmi") and "KBRI Tokyo" in line for line in found), found


def test_a_numbered_step_given_alone_loses_its_number() -> None:
    """ "2. Before you change ..." alone read as the second of steps not shown (a chat tester,
    stop 53)."""
    topic = LIBRARIAN.topics["pindah-majikan"]
    lines = answering_lines(topic, "en", "and if i want change employer?", LIBRARIAN.normalizer)
    assert lines and not any(line[0].isdigit() for line in lines)


def test_a_sentence_of_a_long_line_labelled_with_a_place_keeps_the_label() -> None:
    """Hong Kong's Labour Department hotline was given alone, for a worker in Malaysia (a
    danger regression tester, stop 54)."""
    found = [line for line in lines("gaji-tidak-dibayar", "brp lama") if "2157 9537" in line]
    assert found and all(line.startswith("Hong Kong:") for line in found)


def test_an_item_chosen_beside_its_list_is_said_once() -> None:
    """ "biayanya brp" after the answer on sending money gave BNI's line twice, in its list and
    alone (a follow-up tester, stop 60)."""
    found = lines("kirim-uang", "biayanya brp")
    text = "\n".join(found)
    assert text.count("*BNI* melayani PMI") == 1, found
