"""The language a short chat message is answered in."""

from __future__ import annotations

from knowledge import detect_language


def test_no_as_the_chat_spelling_of_nomor_does_not_make_a_message_english() -> None:
    assert detect_language("cek laporan no K-45JZCQ") == "id"
    assert detect_language("pak minta no telp kjri jeddah") == "id"
    assert detect_language("no money to go home") == "en"


def test_loanwords_shared_with_english_do_not_make_an_indonesian_message_english() -> None:
    """A chat tester (stop 42): "visa turis" and "medical check up" got English answers in an
    Indonesian chat."""
    assert detect_language("berangkatnya lewat bali pake visa turis") == "id"
    assert detect_language("visa ziarah") == "id"
    assert detect_language("medical check up") == "id"
    assert detect_language("what visa do i need") == "en"
    assert detect_language("I want a job in taiwan") == "en"
