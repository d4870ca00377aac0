"""Guesses whether a short message is Indonesian or English, so the answer matches it."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.datafiles import read_data
from knowledge.yamlfast import load_yaml

WORD = re.compile(r"[a-z]+")


CHAT_KINDS = frozenset(("slang", "typo", "sasak", "mbojo", "samawa"))
"""Lexicon entries that are ways of writing Indonesian (or a local language) in a chat: "pake",
"brgkt", "udh" tell a message is not English as surely as "yang" does."""


@lru_cache(maxsize=1)
def _hints_file() -> dict[str, list[str]]:
    """data/language_hints.yaml, read once for both lists' readers."""
    return load_yaml(read_data("language_hints.yaml"))


@lru_cache(maxsize=1)
def _hints() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """English and Indonesian hint words, and the loanwords the chat counts as neither."""
    data = _hints_file()
    return frozenset(data["en"]), frozenset(data["id"]), frozenset(data.get("shared") or ())


@lru_cache(maxsize=1)
def _chat_hints() -> tuple[frozenset[str], frozenset[str]]:
    english, indonesian, shared = _hints()
    english = (english | frozenset(_answer_hints())) - shared
    chat = {
        parts[0]
        for line in read_data("lexicon.tsv").splitlines()
        if not line.startswith("#") and len(parts := line.split("\t")) >= 3
        if parts[2].strip() in CHAT_KINDS
    }
    return english, indonesian | (frozenset(chat) - english)


def _answer_hints() -> list[str]:
    """English words that choose the answer's language only (`chat_language`)."""
    return list(_hints_file().get("en_answer") or ())


SCHEMES = re.compile(r"\b[gpb] ?(?:to|2) ?[gpb]\b")
"""The placement schemes' names ("g to g", "p to p"), which are no English said."""


def _indonesian_form(word: str) -> bool:
    """A word with Indonesian's possessive ending ("berangkatnya", "paspornya")."""
    return len(word) > len("nya") + 2 and word.endswith("nya")


def _vote(
    text: str,
    english: frozenset[str],
    indonesian: frozenset[str],
    default: str,
    forms: bool = False,
) -> str:
    """'en' when English words outnumber Indonesian ones, 'id' the other way, else `default`;
    with `forms`, a "-nya" word counts as Indonesian."""
    words = WORD.findall(SCHEMES.sub(" ", text.lower()))
    en = sum(1 for w in words if w in english and w not in indonesian)
    ind = sum(
        1
        for w in words
        if (w in indonesian or (forms and _indonesian_form(w))) and w not in english
    )
    if en > ind:
        return "en"
    if ind > en:
        return "id"
    return default


def detect_language(text: str, default: str = "id") -> str:
    """'en' when English hint words clearly outnumber Indonesian ones, else `default`/'id'.
    The matcher's choice of stemmer: the topic model was trained with it, so it stays."""
    english, indonesian, _ = _hints()
    return _vote(text, english, indonesian, default)


def chat_language(text: str, default: str = "id") -> str:
    """The language to answer a chat message in: chat spellings ("pake", "udh") and the
    "-nya" ending count as Indonesian, loanwords ("visa turis", "medical check up") as
    neither, so an Indonesian chat is not answered in English."""
    english, indonesian = _chat_hints()
    return _vote(text, english, indonesian, default, forms=True)
