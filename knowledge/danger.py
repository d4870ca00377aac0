"""Spots words that mean someone may be in danger now (data/danger_words.txt)."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.datafiles import data_entries
from knowledge.normalize import fold


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    phrases = [fold(ln) for ln in data_entries("danger_words.txt")]
    alternatives = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True) if p)
    return re.compile(rf"\b(?:{alternatives})\b")


def mentions_danger(text: str) -> bool:
    return bool(_pattern().search(fold(text)))
