"""Guesses whether a short message is Indonesian or English, so the answer matches it."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.datafiles import read_data
from knowledge.yamlfast import load_yaml

WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _hints() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml(read_data("language_hints.yaml"))
    return frozenset(data["en"]), frozenset(data["id"])


def detect_language(text: str, default: str = "id") -> str:
    """'en' when English hint words clearly outnumber Indonesian ones, else `default`/'id'."""
    english, indonesian = _hints()
    words = WORD.findall(text.lower())
    en = sum(1 for w in words if w in english and w not in indonesian)
    ind = sum(1 for w in words if w in indonesian and w not in english)
    if en > ind:
        return "en"
    if ind > en:
        return "id"
    return default
