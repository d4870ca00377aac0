"""Is a text a near copy of a real message? The rule the content and the written pleas are held
to: rapidfuzz ratio 70 against a whole message, or partial_ratio 90 for a text of 40 letters or
more (a long message trimmed, or a part of it retyped).

partial_ratio on every pair took 50 s; pairs are first ruled out by the q-gram lemma: a score
of 90 allows at most 0.2·L edits over the shorter length L, and each edit destroys at most 3
trigrams, so the texts share at least 0.4·L − 2 trigrams. Only pairs that may are scored (the
same verdicts). The trigrams shared are at most the distinct ones shared (counted on bit sets,
one bit per trigram of the real messages) plus the fewer repeats of the two; the pairs left
are scored in one rapidfuzz call per text."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

DATA = Path(__file__).resolve().parents[1] / "data"


def trigrams(text: str) -> list[str]:
    return [text[i : i + 3] for i in range(len(text) - 2)]


def shared_trigrams(a: list[str], b: list[str]) -> int:
    """Trigrams the two texts have in common, counted by position (a multiset intersection)."""
    counts = Counter(b)
    shared = 0
    for gram, count in Counter(a).items():
        shared += min(count, counts.get(gram, 0))
    return shared


def real_messages(data: Path = DATA) -> list[str]:
    """Every message of the real sets in `data`, lower-cased."""
    return [
        json.loads(line)["q"].lower()
        for real_file in sorted(data.glob("real_messages*.jsonl"))
        for line in real_file.read_text("utf-8").splitlines()
        if line
    ]


@dataclass
class RealMessages:
    messages: list[str]
    bit: dict[str, int]
    bits: list[int]
    repeats: list[int]

    @classmethod
    def load(cls, data: Path = DATA) -> RealMessages:
        """Every real set in `data`, lower-cased."""
        messages = real_messages(data)
        bit: dict[str, int] = {}
        grams = [trigrams(message) for message in messages]
        for each in grams:
            for gram in each:
                bit.setdefault(gram, len(bit))
        return cls(
            messages,
            bit,
            [cls._bits(each, bit) for each in grams],
            [len(each) - len(set(each)) for each in grams],
        )

    @staticmethod
    def _bits(grams: list[str], bit: dict[str, int]) -> int:
        """The distinct trigrams the text shares with the real messages, one bit each."""
        mask = 0
        for gram in grams:
            if gram in bit:
                mask |= 1 << bit[gram]
        return mask

    def copied_by(self, text: str) -> bool:
        text = text.lower()
        if process.extractOne(text, self.messages, scorer=fuzz.ratio, score_cutoff=70):
            return True
        if len(text) < 40:
            return False
        grams = trigrams(text)
        repeats = len(grams) - len(set(grams))
        text_bits = self._bits(grams, self.bit)
        # shared with repeats is at most the distinct ones shared plus either's repeats
        candidates = [
            message
            for message, message_bits, message_repeats in zip(
                self.messages, self.bits, self.repeats, strict=True
            )
            if (text_bits & message_bits).bit_count() + min(repeats, message_repeats)
            >= 0.4 * min(len(text), len(message)) - 2
        ]
        found = process.extractOne(text, candidates, scorer=fuzz.partial_ratio, score_cutoff=90)
        return found is not None
