"""A learned reading of which topic a message is about: softmax regression over its terms.

The matcher's term weighting (BM25, Naive Bayes, the fuzzy resemblance) counts how much of a
message each topic's examples share. It ranks a tidy question well, but a long plea shares
some everyday word with every topic, and the topic with the most shared words wins. A model
trained to tell the topics apart learns which words separate them (a "denda" to go home before
the contract ends, not coming home in general) and which mean nothing. The matcher puts its
leading topics in the order of its score plus this probability (`Matcher._reordered`): a
labelled topic comes first for 4-8 more real messages in a hundred on every real set, read
or not, and for 2-3 more written questions (docs/benchmarks.md, stop 33). It does not decide
whether a message is answered: it knows the topics apart, not what lies outside the service.

It learns from the content (every topic's examples, keywords and titles, and the everyday
questions of the none class) and from the written pleas (knowledge/pleas.py: messages written
after the read real messages, in other words), never from an evaluation set. With the pleas,
the first topic is a labelled one for 0.564 of the unread real messages instead of 0.512 (15
of 16 sets' unread parts better, none worse; docs/benchmarks.md, stop 36). `migran kb
train-topics --write` refits data/topic_model.json; training is deterministic and a test fails
when the shipped weights no longer match the content and the pleas. Calibration replays each
example with a model that never saw it (`cross_fitted`), so confidence is not inflated by the
model's memory.
"""

from __future__ import annotations

import json
import math
import zlib
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from knowledge.datafiles import data_entries, has_data, read_data

MODEL_FILE = "topic_model.json"
ORDER_FILE = "topic_order.txt"
FOLDS = 5
"""Calibration replays each example with the model trained on the other four fifths."""
DENSE_FROM = 10
"""A term speaking for this many classes is read as a row of all of them (`TopicModel`)."""


@dataclass(frozen=True)
class TrainingConfig:
    epochs: int = 12
    rate: float = 0.5
    l2: float = 1e-4
    seed: int = 7
    """Salts the order the samples are seen in (`epoch_order`)."""
    kept: float = 0.05
    """Weights smaller than this are not shipped (the file stays small; ranking unchanged)."""
    negligible: float = 1e-3
    """A class under this share of the sample's probability is not moved by its step."""


class TopicModel:
    """Per term, the classes it speaks for and how strongly; a message's probabilities."""

    def __init__(self, classes: Sequence[str], weights: dict[str, Sequence[tuple[int, float]]]):
        """`weights`: per term, (class index, weight) pairs (lists when read from the file)."""
        self.classes = tuple(classes)
        self.weights = weights
        n = len(self.classes)
        self.rows: dict[str, array[float]] = {}
        """The terms that speak for many classes, as a row of every class's weight: adding
        rows is done in C, where adding their pairs one by one took most of a message's
        reading (a common word speaks for 20-40 classes; 7,000 rows are 3 MB)."""
        for term, pairs in weights.items():
            if len(pairs) >= DENSE_FROM:
                row = array("d", bytes(8 * n))
                for k, w in pairs:
                    row[k] = w
                self.rows[term] = row

    def probabilities(self, terms: Iterable[str]) -> dict[str, float]:
        """P(class | the message's terms), every class; each term counts once."""
        z = [0.0] * len(self.classes)
        weights, dense = self.weights, self.rows
        rows = []
        for term in set(terms):
            row = dense.get(term)
            if row is not None:
                rows.append(row)
                continue
            pairs = weights.get(term)
            if pairs:
                for k, w in pairs:
                    z[k] += w
        if rows:
            z = list(map(sum, zip(z, *rows, strict=True)))
        top, exp = max(z), math.exp
        e = [exp(v - top) for v in z]
        share = 1.0 / sum(e)
        return dict(zip(self.classes, [v * share for v in e], strict=True))

    def to_json(self) -> str:
        rows = {t: [[k, w] for k, w in ws] for t, ws in sorted(self.weights.items())}
        return json.dumps({"classes": list(self.classes), "weights": rows}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> TopicModel:
        spec = json.loads(text)
        # the pairs stay the lists JSON gives: building tuples took most of the load time
        return cls(spec["classes"], spec["weights"])


def train(
    samples: Sequence[tuple[str, Sequence[str]]],
    classes: Sequence[str],
    config: TrainingConfig | None = None,
) -> TopicModel:
    """Stochastic gradient descent on the softmax log loss with L2 decay (a step that shrinks
    with each epoch); the same samples give the same weights, in any order given.

    A step moves the sample's class and the classes its terms speak for, and leaves alone
    those the model gives under a thousandth of the sample's probability: most of the 49,
    whose updates took most of the time (docs/benchmarks.md, stop 44)."""
    config = config or TrainingConfig()
    index = {slug: k for k, slug in enumerate(classes)}
    n = len(classes)
    data = [(sorted(set(terms)), index[slug]) for slug, terms in samples if terms]
    # a term's weights in one array of doubles: the same arithmetic as a list of floats, but
    # read from contiguous memory; summing the rows' columns took most of the training time
    # (a fifth less time for the same weights, bit for bit; docs/benchmarks.md, stop 60)
    zeros = array("d", bytes(8 * n))
    dense: dict[str, array[float]] = {}
    for terms, _ in data:
        for term in terms:
            if term not in dense:
                dense[term] = array("d", zeros)
    exp = math.exp
    for epoch in range(config.epochs):
        data = epoch_order(data, config.seed, epoch)
        step = config.rate / (1 + epoch)
        keep = 1 - step * config.l2
        for terms, label in data:
            rows = [dense[t] for t in terms]
            z = list(map(sum, zip(*rows, strict=True)))
            top = max(z)
            e = [exp(v - top) for v in z]
            total = sum(e)
            share = step / total
            floor = config.negligible * total
            moves = [(k, share * v) for k, v in enumerate(e) if v > floor and k != label]
            moves.append((label, share * e[label] - step))
            for row in rows:
                for k, g in moves:
                    row[k] = row[k] * keep - g
    kept = config.kept
    weights = {
        term: tuple((k, round(w, 3)) for k, w in enumerate(row) if abs(w) >= kept)
        for term, row in dense.items()
    }
    return TopicModel(classes, {t: ws for t, ws in weights.items() if ws})


def epoch_order(
    data: Sequence[tuple[list[str], int]], seed: int, epoch: int
) -> list[tuple[list[str], int]]:
    """The samples in an order set by each one's own content: a pseudo-random order that a
    line added to the content does not deal anew. With a shuffle, one more example moved every
    sample and the model with them: seven out-of-scope lines changed 224 of 4,412 answers on
    the real and written sets; in this order, 37 (docs/benchmarks.md, stop 44)."""

    def key(sample: tuple[list[str], int]) -> int:
        terms, label = sample
        return zlib.crc32(f"{seed}|{epoch}|{label}|{' '.join(terms)}".encode())

    return sorted(data, key=key)


def cross_fitted(
    samples: Sequence[tuple[str, Sequence[str]]],
    held_out: Sequence[bool],
    classes: Sequence[str],
    config: TrainingConfig | None = None,
    folds: int = FOLDS,
) -> list[TopicModel]:
    """One model per fold, each trained without that fold's held-out samples (the example
    questions; keywords and titles are always learnt). Sample i's fold is its rank among the
    held-out samples, modulo `folds`."""
    fold_of: list[int | None] = []
    seen = 0
    for out in held_out:
        fold_of.append(seen % folds if out else None)
        seen += out
    return [
        train([s for s, f in zip(samples, fold_of, strict=True) if f != fold], classes, config)
        for fold in range(folds)
    ]


def class_order(classes: Sequence[str], kept: Sequence[str] | None = None) -> tuple[str, ...]:
    """The classes in the order the model learns them: those `kept` (topic_order.txt) in
    theirs, a new topic after them. A class's place salts the order its samples are seen in
    (`epoch_order`): a topic put among the others by name moved every later class's place,
    dealt most samples anew, and so changed 266 first topics of real messages and let four
    real sets answer more out of scope than their ceilings (docs/benchmarks.md, stop 55)."""
    kept = _kept_order() if kept is None else kept
    present = set(classes)
    known = [c for c in kept if c in present]
    seen = set(known)
    return (*known, *sorted(c for c in classes if c not in seen))


@lru_cache(maxsize=1)
def _kept_order() -> tuple[str, ...]:
    return tuple(data_entries(ORDER_FILE)) if has_data(ORDER_FILE) else ()


@lru_cache(maxsize=1)
def shipped_model() -> TopicModel | None:
    return TopicModel.from_json(read_data(MODEL_FILE)) if has_data(MODEL_FILE) else None
