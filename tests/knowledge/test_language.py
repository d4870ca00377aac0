"""The language a short chat message is answered in."""

from __future__ import annotations

from knowledge import detect_language


def test_no_as_the_chat_spelling_of_nomor_does_not_make_a_message_english() -> None:
    assert detect_language("cek laporan no K-45JZCQ") == "id"
    assert detect_language("pak minta no telp kjri jeddah") == "id"
    assert detect_language("no money to go home") == "en"
