"""A second, softer reading of danger: a small logistic regression over a message's words.

The phrase rules (knowledge/danger.py) catch what they were written for and little else: on
real messages collected after they were built, they found fewer than half of the people in
danger, because people say it in too many ways ("sudah lima bulan tidak dijemput", "bantu saya
pulang", "saya masih hidup"). This model reads the same standard text (words and adjacent word
pairs, each sentence apart). Alone it raises too many false alarms to give the emergency reply
(docs/benchmarks.md), so when the rules are silent and it is fairly sure, the triage only puts
the emergency numbers one tap away beside whatever else the reply says.

It is trained on written messages only (data/danger_train.jsonl: danger now in every kind and
style, and hard everyday messages sharing its words), never on the real-message sets, which
measure it. `migran kb train-danger --write` refits data/danger_model.json; training is
deterministic and a test fails when the shipped weights no longer match the training file.
"""

from __future__ import annotations

import itertools
import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from knowledge.danger import DangerDetector, default_detector
from knowledge.datafiles import read_data

MODEL_FILE = "danger_model.json"
TRAIN_FILE = "danger_train.jsonl"


def features(standard: str) -> set[str]:
    """Words and adjacent word pairs of each sentence of the standard text."""
    out: set[str] = set()
    for sentence in standard.split("|"):
        words = sentence.split()
        out.update(words)
        out.update(f"{a}_{b}" for a, b in itertools.pairwise(words))
    return out


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@dataclass(frozen=True)
class DangerModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, standard: str) -> float:
        weights = self.weights
        return _sigmoid(self.bias + sum(weights.get(f, 0.0) for f in features(standard)))

    def to_json(self) -> str:
        rounded = {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 0.01}
        return json.dumps(
            {"threshold": self.threshold, "bias": round(self.bias, 4), "weights": rounded},
            ensure_ascii=False,
            indent=0,
        )

    @classmethod
    def from_json(cls, text: str) -> DangerModel:
        spec = json.loads(text)
        return cls(
            {str(k): float(v) for k, v in spec["weights"].items()},
            float(spec["bias"]),
            float(spec["threshold"]),
        )


@dataclass(frozen=True)
class TrainingConfig:
    epochs: int = 30
    rate: float = 0.2
    l2: float = 1e-4
    seed: int = 7
    threshold: float = 0.9
    """Suspected danger offers the numbers as a button. Chosen on the real sets and half of a
    fresh one: at 0.9, in the untouched other half, people in danger who reach the numbers (in
    the reply or one tap away) rise 0.46 -> 0.58, and 6-15% of everyday messages get the button
    (2-6% before) (docs/benchmarks.md)."""


def read_training(text: str | None = None) -> list[tuple[str, bool]]:
    """(message, in danger now) from the training file (or the given JSON lines)."""
    rows = []
    for line in (text if text is not None else read_data(TRAIN_FILE)).splitlines():
        if line.strip():
            obj = json.loads(line)
            rows.append((str(obj["q"]), bool(obj["urgent"])))
    return rows


def train(
    rows: Sequence[tuple[str, bool]],
    detector: DangerDetector | None = None,
    config: TrainingConfig | None = None,
) -> DangerModel:
    """Stochastic gradient descent on the log loss with L2 decay; same data, same weights."""
    detector = detector or default_detector()
    config = config or TrainingConfig()
    data: list[tuple[Iterable[str], bool]] = [
        (sorted(features(detector.standard(text))), label) for text, label in rows
    ]
    weights: dict[str, float] = {}
    bias = 0.0
    shuffle = random.Random(config.seed)
    decay = 1 - config.rate * config.l2
    for _ in range(config.epochs):
        shuffle.shuffle(data)
        for feats, label in data:
            p = _sigmoid(bias + sum(weights.get(f, 0.0) for f in feats))
            step = config.rate * (p - label)
            bias -= step
            for f in feats:
                weights[f] = weights.get(f, 0.0) * decay - step
    return DangerModel(weights, bias, config.threshold)


@lru_cache(maxsize=1)
def default_model() -> DangerModel:
    return DangerModel.from_json(read_data(MODEL_FILE))
