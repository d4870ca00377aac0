"""Maps a raw ranking score to a 0..1 confidence, fitted on the content itself.

`migran kb calibrate` replays every example question with itself left out of the index
(leave-one-out), and every out-of-scope example the same way, then fits a logistic curve
P(answer is right | score) and picks the threshold. The numbers follow the content, not any
evaluation set, and are stored in data/calibration.json.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.matcher import Matcher


@dataclass(frozen=True)
class Calibration:
    slope: float = 12.0
    intercept: float = -5.0
    threshold: float = 0.5
    margin: float = 0.08
    choice_floor: float = 0.35

    def confidence(self, score: float) -> float:
        z = self.slope * score + self.intercept
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    @classmethod
    def load(cls) -> Calibration:
        path = resources.files("knowledge") / "data" / "calibration.json"
        if not path.is_file():
            return cls()
        data = json.loads(path.read_text("utf-8"))
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def to_json(self, stats: dict[str, float] | None = None) -> str:
        return (
            json.dumps({**asdict(self), **({"fitted_on": stats} if stats else {})}, indent=2) + "\n"
        )


@dataclass(frozen=True)
class Replay:
    """One leave-one-out replay: the top real topic's score and whether answering it is right."""

    score: float
    correct: bool
    none_first: bool
    in_scope: bool


def replay(matcher: Matcher) -> list[Replay]:
    from knowledge.matcher import NONE

    out = []
    for slug, terms in matcher.questions:
        ranked = matcher.rank(terms, exclude=(slug, Counter(terms)))
        real = [c for c in ranked if c.slug != NONE]
        if not real:
            continue
        out.append(
            Replay(real[0].score, real[0].slug == slug, ranked[0].slug == NONE, slug != NONE)
        )
    return out


def fit_logistic(
    points: Sequence[tuple[float, bool]], iterations: int = 200
) -> tuple[float, float]:
    """Slope and intercept by Newton's method on the log-likelihood (two parameters)."""
    a, b = 1.0, 0.0
    for _ in range(iterations):
        ga = gb = haa = hab = hbb = 0.0
        for x, y in points:
            p = 1.0 / (1.0 + math.exp(-max(min(a * x + b, 50.0), -50.0)))
            err = (1.0 if y else 0.0) - p
            w = p * (1 - p) + 1e-9
            ga += err * x
            gb += err
            haa += w * x * x
            hab += w * x
            hbb += w
        haa += 1e-6
        hbb += 1e-6
        det = haa * hbb - hab * hab
        if abs(det) < 1e-12:
            break
        da = (hbb * ga - hab * gb) / det
        db = (haa * gb - hab * ga) / det
        a, b = a + da, b + db
        if abs(da) + abs(db) < 1e-9:
            break
    return a, b


def calibrate(
    matcher: Matcher, max_out_of_scope: float = 0.05
) -> tuple[Calibration, dict[str, float]]:
    """Fits confidence and picks the lowest threshold that keeps out-of-scope answers rare."""
    replays = replay(matcher)
    answerable = [r for r in replays if not r.none_first]
    points = [(r.score, r.in_scope and r.correct) for r in answerable]
    slope, intercept = fit_logistic(points)
    base = Calibration(slope=slope, intercept=intercept)
    positives = [r for r in replays if r.in_scope]
    negatives = [r for r in replays if not r.in_scope]
    best = (0.0, 0.5, 0.0)
    for step in range(5, 96):
        threshold = step / 100
        answered = [r for r in answerable if base.confidence(r.score) >= threshold]
        oos = sum(1 for r in answered if not r.in_scope) / max(len(negatives), 1)
        right = sum(1 for r in answered if r.in_scope and r.correct) / max(len(positives), 1)
        if oos <= max_out_of_scope and right > best[0]:
            best = (right, threshold, oos)
    calibration = Calibration(
        slope=round(slope, 4), intercept=round(intercept, 4), threshold=best[1]
    )
    stats = {
        "questions": len(positives),
        "out_of_scope": len(negatives),
        "loo_top1_answered": round(best[0], 4),
        "loo_out_of_scope_answered": round(best[2], 4),
    }
    return calibration, stats
