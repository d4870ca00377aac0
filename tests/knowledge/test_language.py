"""The language a short chat message is answered in."""

from __future__ import annotations

from knowledge import chat_language, detect_language


def test_no_as_the_chat_spelling_of_nomor_does_not_make_a_message_english() -> None:
    assert detect_language("cek laporan no K-45JZCQ") == "id"
    assert detect_language("pak minta no telp kjri jeddah") == "id"
    assert detect_language("no money to go home") == "en"


def test_loanwords_shared_with_english_do_not_make_an_indonesian_chat_english() -> None:
    """A chat tester (stop 42): "visa turis" and "medical check up" got English answers in an
    Indonesian chat."""
    assert chat_language("berangkatnya lewat bali pake visa turis") == "id"
    assert chat_language("visa ziarah") == "id"
    assert chat_language("medical check up") == "id"
    assert chat_language("what visa do i need") == "en"
    assert chat_language("I want a job in taiwan") == "en"
    assert chat_language("no money to go home") == "en"


def test_the_matchers_language_stays_the_one_the_topic_model_was_trained_with() -> None:
    assert detect_language("visa e9 korea") == "en"  # as in training: stemmed as English


def test_english_words_of_papers_choose_an_english_answer_but_not_the_stemmer() -> None:
    """ "documents needed? KTP, KK, birth certificate?" was answered in Indonesian (an English
    and Malay tester, stop 61); the matcher's stemmer, which the topic model was trained
    with, reads it as before."""
    text = "documents needed? KTP, KK, birth certificate?"
    assert chat_language(text) == "en"
    assert detect_language(text) == "id"
    assert chat_language("dokumen apa saja yg perlu, akte kelahiran perlu?") == "id"
