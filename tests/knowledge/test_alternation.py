"""Many phrases as one tree-shaped pattern match what the plain list, longest first, matches."""

from __future__ import annotations

import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.alternation import NOTHING, any_phrase
from knowledge.danger import NOT_DENIED, _phrases, default_detector
from knowledge.datafiles import read_data

WORDS = st.text(alphabet="abd k", min_size=1, max_size=7)


def plain(phrases: list[str]) -> str:
    """The list as it was written before the tree: every phrase, longest first."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p) for p in ordered)


def spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12), st.text(alphabet="abdk |", max_size=40))
def test_the_tree_finds_the_same_matches_as_the_list_longest_first(
    phrases: list[str], text: str
) -> None:
    tree = any_phrase(phrases)
    for wrap in ("(?:{})", r"\b(?:{})\b", "(?:{})k", "(?:{}) ?d"):
        assert spans(wrap.format(tree), text) == spans(wrap.format(plain(phrases)), text)


def test_the_longer_phrase_wins_where_both_match() -> None:
    pattern = re.compile(any_phrase(["sudah", "sudah pulang", "sudah pulang ke kampung"]))
    found = pattern.search("alhamdulillah sudah pulang ke kampung kemarin")
    assert found is not None and found.group(0) == "sudah pulang ke kampung"


def test_signs_of_regex_in_a_phrase_are_read_as_letters() -> None:
    pattern = re.compile(any_phrase(["a.b", "c+"]))
    assert pattern.search("a.b") and not pattern.search("axb")
    assert pattern.fullmatch("c+") and not pattern.fullmatch("cc")


def test_no_phrase_matches_nothing() -> None:
    assert any_phrase([]) == NOTHING == any_phrase([""])
    assert re.search(any_phrase([]), "anything") is None


def test_the_safe_endings_read_as_before_in_stories() -> None:
    """The danger file's longest list, in stories that end safe and one that does not."""
    detector = default_detector()
    words = plain(_phrases(yaml.safe_load(read_data("danger.yaml"))["safe"]))
    before = re.compile(NOT_DENIED + r"\b(?:" + words + r")\b")
    stories = [
        "dulu sy disekap majikan, tp alhamdulillah sdh dijemput keluarga, skrg sdh aman",
        "my sister was beaten, they took her to the shelter and she is safe now",
        "sy belum bisa melarikan diri pak tolong",
        "adik sy tidak sudah pulang ke kampung, masih d sekap",
    ]
    for story in stories:
        standard = detector.standard(story)
        assert spans(detector.safe.pattern, standard) == spans(before.pattern, standard)
    found = [m.group(0) for m in detector.safe.finditer(detector.standard(stories[0]))]
    assert found == ["alhamdulillah sudah", "sekarang sudah aman"]
