"""Two learned readings of danger: small logistic regressions over a message's words.

The phrase rules (knowledge/danger.py) catch what they were written for and little else: on
real messages collected after they were built, they found fewer than half of the people in
danger, because people say it in too many ways ("sudah lima bulan tidak dijemput", "bantu saya
pulang", "saya masih hidup"). This model reads the same standard text (words and adjacent word
pairs, each sentence apart). Alone it raises too many false alarms to give the emergency reply
(docs/benchmarks.md), so when the rules are silent and it is fairly sure, the triage only puts
the emergency numbers one tap away beside whatever else the reply says.

It is trained on written messages only (data/danger_train.jsonl: danger now in every kind and
style, and hard everyday messages sharing its words), never on the real-message sets, which
measure it.

A second model learns the written pleas too (knowledge/pleas.py: messages written after the
read real messages, in other words, with their danger labels). It reads how people in trouble
actually write better (on the messages the rules miss, it tells danger apart at AUC 0.73
instead of 0.65 on the unread halves), and when it is very sure (`SURE`) the message gets the
emergency reply itself, as if a rule had matched (`read_danger`). As a safety net it would
reach fewer people than the first (docs/benchmarks.md, stop 37), so each model keeps its job.

`migran kb train-danger --write` refits data/danger_model.json and data/danger_plea_model.json;
training is deterministic and a test fails when the shipped weights no longer match.
"""

from __future__ import annotations

import itertools
import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from knowledge.danger import Danger, DangerDetector, default_detector
from knowledge.datafiles import read_data
from knowledge.pleas import FIRST_ROUND, read_pleas

MODEL_FILE = "danger_model.json"
PLEA_MODEL_FILE = "danger_plea_model.json"
TRAIN_FILE = "danger_train.jsonl"
SURE = 0.98
"""The plea-trained model gives the emergency reply when the rules are silent from here. On
the messages the rules miss, at 0.98: the unread halves of sets 3-10 +6 people in danger, +3
false alarms (of 72 and 494); the fresh sets 11-19 +4 / +3; the blind chat probe +13 / +1;
at 0.95 the alarms double for one more person (docs/benchmarks.md, stop 37)."""
LEARNED = "learned"
"""The kind of a danger read by the model rather than a rule."""


@lru_cache(maxsize=8)
def features(standard: str) -> frozenset[str]:
    """Words and adjacent word pairs of each sentence of the standard text (remembered for the
    last few messages: both models read the same message one after the other)."""
    out: set[str] = set()
    for sentence in standard.split("|"):
        words = sentence.split()
        out.update(words)
        out.update(f"{a}_{b}" for a, b in itertools.pairwise(words))
    return frozenset(out)


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


def read_plea_training() -> list[tuple[str, bool]]:
    """The training file, then the first round of written pleas with their danger labels (the
    second gave the reply to fewer people in danger: knowledge/pleas.py)."""
    pleas = read_pleas(rounds=(FIRST_ROUND,))
    return [*read_training(), *((plea.text, plea.urgent) for plea in pleas)]


PLEA_CONFIG = TrainingConfig(threshold=SURE)


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


@lru_cache(maxsize=1)
def default_plea_model() -> DangerModel:
    return DangerModel.from_json(read_data(PLEA_MODEL_FILE))


def read_danger(
    text: str,
    standard: str | None = None,
    detector: DangerDetector | None = None,
    sure: DangerModel | None = None,
) -> Danger | None:
    """Danger now, as the rules read it, or as the plea-trained model reads it when it is sure
    and the message does not say the danger is over. The model names no topic: after the
    numbers, the ranking of the message decides what is answered."""
    detector = detector or default_detector()
    standard = standard if standard is not None else detector.standard(text)
    found = detector.detect(text, standard)
    if found is not None:
        return found
    sure = sure or default_plea_model()
    if (
        sure.probability(standard) >= sure.threshold
        and not detector.is_over(standard)
        # safe, though something is asked now ("sy udh d rumah skrg, td d penampungan tp udh
        # dijemput keluarga, skrg mau lapor agen nya": a look-alike tester, stop 54)
        and not (detector.says_safe(standard) and not detector.pleads(standard))
        and not detector.not_gone_yet(standard)
        and not detector.everyday_trouble(standard)
        and not detector.denies_confinement(standard)
        and not detector.fears_what_may_come(standard)
        and not detector.only_asks_to_report(standard)
        and not detector.asks_a_notice(standard)
    ):
        return Danger(LEARNED, "", None, ranked_first=True)
    return None


def mentions_danger(text: str | None) -> bool:
    """Danger now in a message typed inside a form (a report's story, a reply to an officer)."""
    return bool(text) and read_danger(str(text)) is not None
