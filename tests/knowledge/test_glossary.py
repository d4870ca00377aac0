"""Which word a message asks the meaning of, and that every meaning is written to be shown."""

from __future__ import annotations

import pytest

from knowledge import load_topics
from knowledge.glossary import default_glossary


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("p3mi itu apa sih bu", "p3mi"),
        ("apa itu p3mi", "p3mi"),
        ("p3mi tu ap pak", "p3mi"),
        ("p3mi singkatan dari apa", "p3mi"),
        ("arti p3mi", "p3mi"),
        ("trus ltsa apa", "ltsa"),
        ("pak, ltsa itu kantor apa", "ltsa"),
        ("apa itu sisko", "siskop2mi"),
        ("bpjs tk itu apa", "jkm"),
        ("tki itu apa", "pmi"),
        ("What is EPS-TOPIK?", "eps"),
        ("what does sip3mi stand for", "sip3mi"),
        ("apa itu G to G", "g to g"),
        ("agensi itu apa", "agensi"),
        # Sasak and Malay pointing words, and "the long form of" (a regression tester, stop 52)
        ("p3mi ntu ape sih", "p3mi"),
        ("ape ento ltsa", "ltsa"),
        ("apaan tuh p3mi", "p3mi"),
        ("kepanjangan dari bp2mi", "bp2mi"),
        ("sip2mi itu apa", "sip2mi"),
    ],
)
def test_a_question_for_a_words_meaning_names_the_word(text: str, term: str) -> None:
    found = default_glossary().asked(text)
    assert found is not None and found.name == term


@pytest.mark.parametrize(
    "text",
    [
        "p3mi yg resmi dmn",  # asks where, not what
        "ltsa lombok tengah dmn",
        "apa itu bp2mi sm kp2mi",  # two words compared: the matcher's
        "kp2mi itu apa, anak sy d sekap majikan",  # more than a meaning
        "apa itu paspor",  # not a term of the glossary
    ],
)
def test_a_question_about_more_than_a_meaning_is_left_to_the_matcher(text: str) -> None:
    assert default_glossary().asked(text) is None


def test_every_meaning_is_in_both_languages_with_a_source_and_a_topic_that_exists() -> None:
    topics = {t.slug for t in load_topics()}
    for term in default_glossary().terms:
        assert term.topic in topics, term.name
        if term.meaning:
            assert set(term.meaning) == {"id", "en"}, term.name
            assert term.source and term.source.startswith("https://"), term.name


def test_no_word_is_in_two_terms() -> None:
    words = [w for t in default_glossary().terms for w in t.words]
    assert len(words) == len(set(words))
