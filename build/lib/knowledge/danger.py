"""Spots words that mean someone may be in danger now (data/danger_words.txt)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from knowledge.normalize import fold


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    text = (resources.files("knowledge") / "data" / "danger_words.txt").read_text("utf-8")
    phrases = [fold(ln) for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    alternatives = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True) if p)
    return re.compile(rf"\b(?:{alternatives})\b")


def mentions_danger(text: str) -> bool:
    return bool(_pattern().search(fold(text)))
