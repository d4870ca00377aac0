"""Finds listed phrases (destinations, words of working abroad) in folded text, word by word.

Every message is asked where it is from and whether it is about working abroad. One regular
expression of a few hundred alternatives tried at every word costs tens of µs a message; looking
each word up among the phrases that start with it costs a few. The answer is the same: the
leftmost phrase, the longest one where several start at the same word, whole words only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator


class PhraseIndex:
    """Phrases of folded words (`fold_all`), each found only as whole words."""

    def __init__(self, phrases: Iterable[str]) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in sorted({p for p in phrases if p.strip()}, key=len, reverse=True):
            words = tuple(phrase.split())
            by_first.setdefault(words[0], []).append((words, phrase))
        self._by_first = by_first

    def positions(self, folded: str) -> Iterator[tuple[int, str]]:
        """The phrases in the text with the index of their first word, left to right, none
        overlapping the one before."""
        words = folded.split()
        at, end = 0, len(words)
        while at < end:
            for phrase, name in self._by_first.get(words[at], ()):
                size = len(phrase)
                if size == 1 or tuple(words[at : at + size]) == phrase:
                    yield at, name
                    at += size
                    break
            else:
                at += 1

    def finditer(self, folded: str) -> Iterator[str]:
        """The phrases in the text, left to right, none overlapping the one before."""
        return (name for _, name in self.positions(folded))

    def first(self, folded: str) -> str | None:
        return next(self.finditer(folded), None)
