"""Maps a raw ranking score to a 0..1 confidence, fitted on the content itself.

`migran kb calibrate` replays every example question with itself left out of the index
(leave-one-out, and read by a topic model trained without its fifth of the examples), and
every out-of-scope example the same way, then fits a logistic curve
P(answer is right | score) and picks the threshold. The numbers follow the content, not any
evaluation set, and are stored in data/calibration.json.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from knowledge.datafiles import data_entries, has_data, read_data

if TYPE_CHECKING:
    from knowledge.matcher import Matcher


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


@dataclass(frozen=True)
class Replay:
    """One leave-one-out replay: the top real topic's score and whether answering it is right."""

    score: float
    correct: bool
    none_first: bool
    in_scope: bool


@contextmanager
def held_out(matcher: Matcher) -> Iterator[Callable[[int], None]]:
    """Within it, `read_without(i)` makes the matcher read with a topic model that never saw
    example question i; the shipped model is back afterwards."""
    models = matcher.cross_fitted_models()
    shipped = matcher.topic_model

    def read_without(question: int) -> None:
        if models:
            matcher.topic_model = models[question % len(models)]

    try:
        yield read_without
    finally:
        matcher.topic_model = shipped


def replay(matcher: Matcher) -> list[Replay]:
    from knowledge.matcher import NONE

    out = []
    with held_out(matcher) as read_without:
        for question, (slug, terms) in enumerate(matcher.questions):
            read_without(question)
            out.append(matcher.rank(terms, exclude=(slug, Counter(terms))))
    replays = []
    for (slug, _), ranked in zip(matcher.questions, out, strict=True):
        real = [c for c in ranked if c.slug != NONE]
        if not real:
            continue
        replays.append(
            Replay(real[0].score, real[0].slug == slug, ranked[0].slug == NONE, slug != NONE)
        )
    return replays


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
    calibration, story_stats = fit_story_rule(matcher, calibration, max_out_of_scope)
    return calibration, {**stats, **story_stats}


@dataclass(frozen=True)
class StoryCase:
    """A long message the question reading leaves unanswered, seen as a story."""

    evidence: float
    slug: str
    score: float
    wanted: str | None


def load_story_negatives() -> list[str]:
    """Long everyday messages, written apart from the content, that must stay unanswered."""
    name = "calibration_stories.txt"
    return data_entries(name) if has_data(name) else []


def story_cases(matcher: Matcher, calibration: Calibration) -> tuple[list[StoryCase], int]:
    """Long example questions (left out) and long everyday stories that the question reading
    abstains on: what the story rule may still answer, and what it must not. Also returns how
    many long everyday messages there were in all."""
    from knowledge.matcher import NONE, word_count

    seen: list[tuple[str, list[str], int, tuple[str, Counter[str]] | None]]
    seen = [
        (slug, terms, word_count(terms), (slug, Counter(terms)))
        for slug, terms in matcher.questions
    ]
    seen += [(NONE, *matcher.query(text), None) for text in load_story_negatives()]
    cases: list[StoryCase] = []
    long_negatives = 0
    saved, matcher.calibration = matcher.calibration, calibration
    try:
        with held_out(matcher) as read_without:
            for question, (slug, terms, words, exclude) in enumerate(seen):
                if words <= calibration.story_min_terms:
                    continue
                # the everyday stories come after the questions; no model learnt them
                read_without(question)
                long_negatives += slug == NONE
                signals = matcher.signals(terms, exclude)
                if matcher.decide(matcher.rank_signals(signals)).topic is not None:
                    continue
                story = matcher.story_candidates(signals)
                if story:
                    wanted = None if slug == NONE else slug
                    best = story[0]
                    evidence = matcher.domain_evidence(signals, exclude)
                    cases.append(StoryCase(evidence, best.slug, best.score, wanted))
    finally:
        matcher.calibration = saved
    return cases, long_negatives


def fit_story_rule(
    matcher: Matcher, calibration: Calibration, max_out_of_scope: float
) -> tuple[Calibration, dict[str, float]]:
    """Picks the story gate and threshold that answer most left-out long examples while at
    most `max_out_of_scope` of the long everyday stories get an answer."""
    from dataclasses import replace

    cases, negative_total = story_cases(matcher, calibration)
    positives = [c for c in cases if c.wanted is not None]
    negatives = [c for c in cases if c.wanted is None]
    if not positives or negative_total < 20:
        return calibration, {"story_rule": 0.0}
    best = (0, 1e9, 1.0, 0)
    for gate_step in range(-20, 31):
        gate = gate_step / 10
        for score_step in range(10, 80, 2):
            threshold = score_step / 100

            def taken(c: StoryCase, g: float = gate, t: float = threshold) -> bool:
                return c.evidence >= g and c.score >= t

            false = sum(1 for c in negatives if taken(c))
            right = sum(1 for c in positives if taken(c) and c.slug == c.wanted)
            if false <= max_out_of_scope * negative_total and right > best[0]:
                best = (right, gate, threshold, false)
    right, gate, threshold, false = best
    points = [(c.score, c.slug == c.wanted) for c in cases if c.evidence >= gate]
    slope, intercept = fit_logistic(points) if points else (12.0, -5.0)
    fitted = replace(
        calibration,
        story_gate=gate,
        story_threshold=threshold,
        story_slope=round(slope, 4),
        story_intercept=round(intercept, 4),
    )
    return fitted, {
        "story_candidates": len(positives),
        "story_answered_right": right,
        "story_negatives": negative_total,
        "story_negatives_answered": false,
    }
