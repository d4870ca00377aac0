"""English words no example uses reach the Indonesian examples through the bridge
(knowledge/data/bridge.tsv): most of the content's examples are Indonesian."""

from __future__ import annotations

import re

import pytest

from knowledge import Librarian
from knowledge.datafiles import read_data
from knowledge.matcher import Matcher
from knowledge.normalize import Normalizer, load_bridge


@pytest.fixture(scope="module")
def matcher(librarian: Librarian) -> Matcher:
    return librarian.matcher


@pytest.fixture(scope="module")
def unbridged(librarian: Librarian) -> Matcher:
    """The same content, read without the bridge: what the bridge adds is the difference."""
    return Matcher(list(librarian.topics.values()), Normalizer(bridge={}))


def test_every_line_is_one_english_word_and_indonesian_words() -> None:
    lines = [
        line
        for line in read_data("bridge.tsv").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) >= 300
    for line in lines:
        english, indonesian = line.split("\t")
        assert re.fullmatch(r"[a-z]+", english), line
        assert re.fullmatch(r"[a-z]+(?: [a-z]+){0,2}", indonesian), line
        assert english not in indonesian.split(), f"{line}: a word mapped to itself"


def test_every_indonesian_word_is_one_the_examples_use(matcher: Matcher) -> None:
    """A word no topic knows would be read as evidence against every topic."""
    unknown = {
        (english, stem)
        for english, stems in matcher.normalizer.bridge.items()
        for stem in stems
        if stem not in matcher.domain_tf
    }
    assert unknown == set()


def test_an_unseen_english_word_brings_its_indonesian_meaning(matcher: Matcher) -> None:
    terms, words = matcher.query("my employer starved me and i am so hungry")
    assert "starv" not in matcher.domain_tf
    assert "makan" in terms
    assert words == 3, "the bridge's terms are not words of the message"


def test_an_english_word_the_content_knows_keeps_its_own_evidence(matcher: Matcher) -> None:
    assert "salary" in matcher.domain_tf
    terms, _ = matcher.query("my salary was not paid")
    assert "gaji" not in terms


def test_an_indonesian_message_is_read_as_before(matcher: Matcher, unbridged: Matcher) -> None:
    message = "majikan tidak kasih makan, sy lapar terus"
    assert matcher.query(message) == unbridged.query(message)


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("my employer starved me and i am so hungry", "kekerasan-majikan"),
        ("the broker lured me with a big salary", "calo-ilegal"),
    ],
)
def test_the_bridge_leads_an_english_message_to_its_topic(
    matcher: Matcher, unbridged: Matcher, message: str, topic: str
) -> None:
    bridged = matcher.match(message)
    assert bridged.candidates[0].slug == topic
    without = next(c.score for c in unbridged.match(message).candidates if c.slug == topic)
    assert bridged.candidates[0].score > without


def test_an_english_word_the_bridge_knows_is_not_respelled(matcher: Matcher) -> None:
    """The typo repair used to turn "shelter" into "seliter" and "slave" into "save"."""
    terms, _ = matcher.query("i need a shelter")
    assert "shelter" in terms and "seliter" not in terms


def test_repeated_english_lines_join_their_meanings() -> None:
    bridge = load_bridge("paid\tbayar\npaid\tgaji\n# a comment\n\n", frozenset())
    assert bridge == {"paid": ("bayar", "gaji")}
