"""Maps a raw ranking score to a 0..1 confidence, fitted on the content itself.

`migran kb calibrate` (knowledge/fitting.py) replays every example question with itself left
out of the index (leave-one-out, and read by a topic model trained without its fifth of the
examples), and every out-of-scope example the same way, then fits a logistic curve
P(answer is right | score) and picks the threshold. The numbers follow the content, not any
evaluation set, and are stored in data/calibration.json.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass

from knowledge.datafiles import has_data, read_data


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


@dataclass(frozen=True)
class Calibration:
    slope: float = 12.0
    intercept: float = -5.0
    threshold: float = 0.5
    margin: float = 0.08
    choice_floor: float = 0.35
    offer_floor: float = 0.45
    """Below this confidence, and with no word of working abroad, a message is outside the
    service: no topics are offered."""
    related_floor: float = 0.45
    """Beside an answer, another topic is offered from this confidence on (a second problem)."""
    long_words: int = 12
    """From this many content words a message about working abroad is read as a plea: its
    leading topic is answered and the next two offered, rather than "I don't know"."""
    story_min_terms: int = 20
    story_gate: float = 1e9
    """Mean per-word evidence for 'about migration' a long message needs (off until fitted)."""
    story_threshold: float = 1.0
    story_slope: float = 12.0
    story_intercept: float = -5.0

    def confidence(self, score: float) -> float:
        return _sigmoid(self.slope * score + self.intercept)

    def story_confidence(self, score: float) -> float:
        """P(right | story score), fitted like `confidence` but on long messages read as stories."""
        return _sigmoid(self.story_slope * score + self.story_intercept)

    @classmethod
    def load(cls) -> Calibration:
        if not has_data("calibration.json"):
            return cls()
        data = json.loads(read_data("calibration.json"))
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def to_json(self, stats: dict[str, float] | None = None) -> str:
        return (
            json.dumps({**asdict(self), **({"fitted_on": stats} if stats else {})}, indent=2) + "\n"
        )
