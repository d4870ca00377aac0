"""Fits the calibration (knowledge/calibration.py) on the content: `migran kb calibrate`.

Every example question is replayed with itself left out of the index (leave-one-out) and read
by a topic model trained without its fifth of the examples; so is every out-of-scope example.
A logistic curve P(answer is right | score) is fitted and the threshold picked; then the story
rule, on long examples against long everyday stories. Apart from the Calibration type so that
the matcher, which needs the type, and the fitting, which needs the matcher, import one way.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from knowledge.calibration import Calibration
from knowledge.datafiles import data_entries, has_data
from knowledge.matcher import NONE, Matcher, word_count
from knowledge.topic_model import TopicModel


@dataclass(frozen=True)
class Replay:
    """One leave-one-out replay: the top real topic's score and whether answering it is right."""

    score: float
    correct: bool
    none_first: bool
    in_scope: bool


def models_without(matcher: Matcher) -> Callable[[int], TopicModel | None]:
    """For example question i, the topic model that never saw it (model i % FOLDS); None
    without a model, when the matcher reads with none either. The matcher's own model is
    never replaced, so nothing is to be put back."""
    models = matcher.cross_fitted_models()
    return lambda question: models[question % len(models)] if models else None


def replay(matcher: Matcher) -> list[Replay]:
    model_without = models_without(matcher)
    replays = []
    for question, (slug, terms) in enumerate(matcher.questions):
        ranked = matcher.rank(terms, exclude=(slug, Counter(terms)), model=model_without(question))
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
    seen: list[tuple[str, list[str], int, tuple[str, Counter[str]] | None]]
    seen = [
        (slug, terms, word_count(terms), (slug, Counter(terms)))
        for slug, terms in matcher.questions
    ]
    seen += [(NONE, *matcher.query(text), None) for text in load_story_negatives()]
    cases: list[StoryCase] = []
    long_negatives = 0
    model_without = models_without(matcher)
    trial = matcher.calibrated(calibration)
    for question, (slug, terms, words, exclude) in enumerate(seen):
        if words <= calibration.story_min_terms:
            continue
        long_negatives += slug == NONE
        # the everyday stories come after the questions; no model learnt them
        signals = matcher.signals(terms, exclude, model_without(question))
        if trial.decide(trial.rank_signals(signals)).topic is not None:
            continue
        story = trial.story_candidates(signals)
        if story:
            wanted = None if slug == NONE else slug
            best = story[0]
            evidence = matcher.domain_evidence(signals, exclude)
            cases.append(StoryCase(evidence, best.slug, best.score, wanted))
    return cases, long_negatives


def fit_story_rule(
    matcher: Matcher, calibration: Calibration, max_out_of_scope: float
) -> tuple[Calibration, dict[str, float]]:
    """Picks the story gate and threshold that answer most left-out long examples while at
    most `max_out_of_scope` of the long everyday stories get an answer."""
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
