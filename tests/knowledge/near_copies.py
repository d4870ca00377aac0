"""Is a text a near copy of a real message? The rule the content and the written pleas are held
to: rapidfuzz ratio 70 against a whole message, or partial_ratio 90 for a text of 40 letters or
more (a long message trimmed, or a part of it retyped).

partial_ratio on every pair took 50 s a set; pairs are first ruled out by a bound that is cheap
to compute. partial_ratio(s, t), s the shorter with L letters, is the best ratio of s to a part
w of t no longer than s: 200·LCS(s, w) / (L + |w|), LCS the longest common subsequence. A
score of 90 needs LCS(s, w) ≥ 0.45·(L + |w|), so |w| ≥ 9/11·L (LCS ≤ |w|) and LCS(s, w) ≥
9/11·L. Since w is a part of t, LCS(s, t) ≥ LCS(s, w): a pair whose whole texts share fewer
than 9/11·L letters in order cannot score 90 (the same verdicts; rapidfuzz computes LCS
bit-parallel, about a microsecond a pair)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

DATA = Path(__file__).resolve().parents[1] / "data"


def real_messages(data: Path = DATA) -> list[str]:
    """Every message of the real sets in `data`, lower-cased."""
    return [
        json.loads(line)["q"].lower()
        for real_file in sorted(data.glob("real_messages*.jsonl"))
        for line in real_file.read_text("utf-8").splitlines()
        if line
    ]


def may_score_90(text: str, message: str, common: float) -> bool:
    """Can partial_ratio(text, message) reach 90, given the letters they share in order?"""
    return common * 11 >= 9 * min(len(text), len(message))


@dataclass
class RealMessages:
    messages: list[str]

    @classmethod
    def load(cls, data: Path = DATA) -> RealMessages:
        """Every real set in `data`, lower-cased."""
        return cls(real_messages(data))

    def copied_by(self, text: str) -> bool:
        text = text.lower()
        if process.extractOne(text, self.messages, scorer=fuzz.ratio, score_cutoff=70):
            return True
        if len(text) < 40:
            return False
        common = process.extract(text, self.messages, scorer=LCSseq.similarity, limit=None)
        candidates = [
            self.messages[index]
            for _, shared, index in common
            if may_score_90(text, self.messages[index], shared)
        ]
        found = process.extractOne(text, candidates, scorer=fuzz.partial_ratio, score_cutoff=90)
        return found is not None
