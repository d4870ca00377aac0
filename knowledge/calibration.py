"""Maps a raw ranking score to a 0..1 confidence, fitted on the content itself.

`migran kb calibrate` refits it by leave-one-out over the example questions, so the numbers
follow the content rather than any evaluation set.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from importlib import resources


@dataclass(frozen=True)
class Calibration:
    slope: float = 12.0
    intercept: float = -5.0
    threshold: float = 0.5
    margin: float = 0.08
    choice_floor: float = 0.35

    def confidence(self, score: float) -> float:
        return 1.0 / (1.0 + math.exp(-(self.slope * score + self.intercept)))

    @classmethod
    def load(cls) -> Calibration:
        path = resources.files("knowledge") / "data" / "calibration.json"
        if not path.is_file():
            return cls()
        return cls(**json.loads(path.read_text("utf-8")))

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2) + "\n"
