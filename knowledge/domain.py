"""Says whether a message is about working abroad at all (data/domain_words.txt).

The matcher's scores say which topic fits best, not whether the message belongs here: a long
plea mixes family, money and feelings with a few telling words (majikan, paspor, Malaysia). One
such word is enough to know that "I don't know" would be a dead end for this person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.danger import fold_all
from knowledge.datafiles import data_entries


class DomainWords:
    def __init__(self, phrases: Iterable[str]) -> None:
        folded = sorted({fold_all(p) for p in phrases if fold_all(p)}, key=len, reverse=True)
        self._pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, folded)) + r")\b")

    @classmethod
    def load(cls, extra: Iterable[str] = ()) -> DomainWords:
        """The shipped list, plus e.g. the destinations' names and cities."""
        return cls([*data_entries("domain_words.txt"), *extra])

    @classmethod
    def needs(cls) -> DomainWords:
        """Words of a working life in trouble (data/need_words.txt): enough to offer topics,
        never to answer."""
        return cls(data_entries("need_words.txt"))

    def mentioned(self, text: str) -> bool:
        return bool(self._pattern.search(fold_all(text)))

    def count(self, text: str) -> int:
        """How many different listed words or phrases the text holds."""
        return len(set(self._pattern.findall(fold_all(text))))
