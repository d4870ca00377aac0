"""Finds the needs a long message states plainly (data/needs.yaml), most urgent first.

Term weighting reads a story as one bag of words, so the one sentence that says what is wrong
("gajinya tidak pernah dibayar") weighs no more than the ten that tell how it came about. The
needs file's phrases find that sentence; the triage answers the most urgent need a story states
and offers the others. Phrases are read on the same standard text as the danger rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from knowledge.danger import (
    DangerDetector,
    LiteralIndex,
    default_detector,
    needs_spec,
    required_letters,
)

PLAIN_WORDS = re.compile(r"([a-z0-9]+(?: [a-z0-9]+)*)(?:\\b)?")
"""A phrase that is only words in standard spelling, with or without a closing word edge."""


@dataclass(frozen=True)
class _Phrase:
    topic: str
    pattern: re.Pattern[str]
    weak: bool
    """Said outside working abroad too ("sakit", "dimarahi"): counts only in a message that
    is about working abroad."""
    literals: frozenset[str] = frozenset()
    """Letters any match contains one of: the phrase is skipped when none is in the text."""
    words: str | None = None
    """For a phrase of plain words ("tidak ada kabar"), those words between spaces: found by a
    substring test instead of a regular expression, and only when its longest word is there."""
    unless: re.Pattern[str] | None = None
    """What the phrase says there is something else: no news of a parcel or of a visa is not
    a person out of reach. Those parts are read as if they were not there."""

    def _without_exceptions(self, standard: str) -> str:
        return standard if self.unless is None else self.unless.sub(" | ", standard)

    def found_in(self, standard: str) -> bool:
        return self.pattern.search(self._without_exceptions(standard)) is not None

    def words_in(self, padded: str) -> bool:
        return self.words is not None and self.words in self._without_exceptions(padded)


@dataclass(frozen=True)
class Needs:
    topics: tuple[str, ...] = ()
    """Every need the message states, most urgent first."""
    plain: tuple[str, ...] = ()
    """Those stated in words that only a working life abroad uses ("gaji tidak dibayar",
    "tidak ada kabar", "paspor ditahan"), most urgent first."""

    def __bool__(self) -> bool:
        return bool(self.topics)


class NeedReader:
    """Compiled once; `read` is pure and thread-safe."""

    def __init__(self, spec: dict[str, Any], phrases: DangerDetector) -> None:
        self.phrases = phrases
        self.entries = [
            self._phrase(str(topic), entry, phrases)
            for topic, entries in spec["needs"].items()
            for entry in entries
        ]
        self.order = list(dict.fromkeys(p.topic for p in self.entries))
        self.by_word: dict[str, list[_Phrase]] = {}
        """Phrases of plain words, under their longest word: only those whose word is in a
        message are tested."""
        for phrase in self.entries:
            if phrase.words is not None:
                key = max(phrase.words.split(), key=len)
                self.by_word.setdefault(key, []).append(phrase)
        self.patterns = [p for p in self.entries if p.words is None]
        self.literals = LiteralIndex([p.literals for p in self.patterns])

    @staticmethod
    def _phrase(topic: str, entry: str | dict[str, Any], phrases: DangerDetector) -> _Phrase:
        spec = {"say": entry} if isinstance(entry, str) else entry
        say, weak, unless = str(spec["say"]), bool(spec.get("weak")), spec.get("unless")
        pattern = phrases.pattern(say)
        plain = PLAIN_WORDS.fullmatch(say)
        words = f" {plain.group(1)} " if plain else None
        return _Phrase(
            topic,
            re.compile(pattern),
            weak,
            required_letters(pattern),
            words,
            re.compile(phrases.pattern(str(unless))) if unless else None,
        )

    def read(self, text: str, standard: str | None = None) -> Needs:
        standard = standard if standard is not None else self.phrases.standard(text)
        found: set[str] = set()
        plain: set[str] = set()
        padded = f" {standard} "
        for word in set(standard.split()) & self.by_word.keys():
            for phrase in self.by_word[word]:
                if phrase.topic not in plain and phrase.words_in(padded):
                    found.add(phrase.topic)
                    if not phrase.weak:
                        plain.add(phrase.topic)
        for phrase in (self.patterns[n] for n in self.literals.candidates(standard)):
            if phrase.topic in plain or (phrase.weak and phrase.topic in found):
                continue
            if phrase.found_in(standard):
                found.add(phrase.topic)
                if not phrase.weak:
                    plain.add(phrase.topic)
        return Needs(
            tuple(t for t in self.order if t in found), tuple(t for t in self.order if t in plain)
        )


@lru_cache(maxsize=1)
def default_reader() -> NeedReader:
    return NeedReader(needs_spec(), default_detector())
