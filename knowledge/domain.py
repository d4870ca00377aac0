"""Says whether a message is about working abroad at all (data/domain_words.txt).

The matcher's scores say which topic fits best, not whether the message belongs here: a long
plea mixes family, money and feelings with a few telling words (majikan, paspor, Malaysia). One
such word is enough to know that "I don't know" would be a dead end for this person.
"""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.danger import fold_all
from knowledge.datafiles import data_entries
from knowledge.phrases import PhraseIndex


class DomainWords:
    def __init__(self, phrases: Iterable[str]) -> None:
        self._phrases = PhraseIndex(fold_all(p) for p in phrases)

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
        return self._phrases.first(fold_all(text)) is not None

    def count(self, text: str) -> int:
        """How many different listed words or phrases the text holds."""
        return len(set(self._phrases.finditer(fold_all(text))))
