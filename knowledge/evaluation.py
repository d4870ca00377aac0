"""Measures what the chat does on a labelled message set (`migran eval`).

A line is `{"q": ..., "topic": slug | null}` (one right topic) or `{"q": ..., "topics": [...],
"urgent": bool}` (the topics that would help, best first, and whether someone is in danger now).
What the chat did comes from a `decide` function (the conversation core's triage), so the
figures are those of the real decision path, not of the matcher alone:
- top-1: the first reply answers a right topic; the emergency reply is the numbers to call
  (`kontak-darurat`) and the topic answered right after it, so either counts;
- helpful: a right topic is answered or offered as a choice;
- urgent recall and false alarms: the emergency reply given to those in danger / to the others;
- numbers reachable: those in danger who get the emergency reply or the emergency topic among
  the choices (the softer danger reading's button), and the others shown that button;
- out of scope answered / offered: messages with no helpful topic that got an answer / choices.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from knowledge.emergency import EMERGENCY_TOPIC


class Verdict(Protocol):
    @property
    def first_topic(self) -> str | None: ...

    @property
    def answered(self) -> tuple[str, ...]: ...

    @property
    def helped_with(self) -> tuple[str, ...]: ...

    @property
    def urgent(self) -> bool: ...


@dataclass(frozen=True)
class Labelled:
    question: str
    topics: tuple[str, ...]
    urgent: bool | None = None
    """None: left out of recall and false alarms (the labellers disagree)."""
    placed: bool = True
    """False: the labellers disagree whether the message is within the service at all; it is
    left out of every topic figure (top-1, helpful, out of scope)."""

    @property
    def topic(self) -> str | None:
        return self.topics[0] if self.topics else None


@dataclass(frozen=True)
class LabelsAsVerdict:
    """A labeller's labels read as if they were the engine's reply: the first topic answered,
    the others offered, the emergency reply where the labeller says danger. Scored against
    another labeller, it says how far two careful people agree on the figures the issue sets
    goals for: what an engine can be expected to reach on labels of this kind."""

    labels: Labelled

    @property
    def urgent(self) -> bool:
        return bool(self.labels.urgent)

    @property
    def first_topic(self) -> str | None:
        return self.labels.topic or (EMERGENCY_TOPIC if self.urgent else None)

    @property
    def answered(self) -> tuple[str, ...]:
        urgent = (EMERGENCY_TOPIC,) if self.urgent else ()
        first = self.labels.topics[:1]
        return tuple(dict.fromkeys((*urgent, *first)))

    @property
    def helped_with(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.answered, *self.labels.topics)))


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass
class Report:
    in_scope: int = 0
    correct: int = 0
    helpful: int = 0
    abstained: int = 0
    out_of_scope: int = 0
    out_of_scope_answered: int = 0
    out_of_scope_offered: int = 0
    in_danger: int = 0
    urgent_given: int = 0
    not_in_danger: int = 0
    false_alarms: int = 0
    reachable: int = 0
    """In danger, and given the numbers or the emergency topic as a choice."""
    offered_numbers: int = 0
    """Not in danger, not given the emergency reply, but shown the emergency topic."""
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    danger_misses: list[str] = field(default_factory=list)

    @property
    def top1(self) -> float:
        return _ratio(self.correct, self.in_scope)

    @property
    def helpfulness(self) -> float:
        return _ratio(self.helpful, self.in_scope)

    @property
    def abstention(self) -> float:
        return _ratio(self.abstained, self.in_scope)

    @property
    def oos_answered(self) -> float:
        return _ratio(self.out_of_scope_answered, self.out_of_scope)

    @property
    def oos_offered(self) -> float:
        return _ratio(self.out_of_scope_offered, self.out_of_scope)

    @property
    def urgent_recall(self) -> float:
        return _ratio(self.urgent_given, self.in_danger)

    @property
    def false_alarm_rate(self) -> float:
        return _ratio(self.false_alarms, self.not_in_danger)

    @property
    def reachable_rate(self) -> float:
        return _ratio(self.reachable, self.in_danger)

    @property
    def offered_numbers_rate(self) -> float:
        return _ratio(self.offered_numbers, self.not_in_danger)

    def one_line(self) -> str:
        """The figures the issue sets goals for, on one line, counts beside rates."""
        return (
            f"top-1 {self.top1:.3f}, helpful {self.helpfulness:.3f}, out of scope answered "
            f"{self.out_of_scope_answered}/{self.out_of_scope}, urgent recall "
            f"{self.urgent_given}/{self.in_danger} ({self.urgent_recall:.3f}), false alarms "
            f"{self.false_alarms}/{self.not_in_danger} ({self.false_alarm_rate:.3f}), numbers "
            f"within reach {self.reachable_rate:.3f}"
        )

    def summary_lines(self) -> list[str]:
        lines = [
            f"in-scope messages: {self.in_scope}, out-of-scope: {self.out_of_scope}",
            f"top-1 accuracy (in scope): {self.top1:.3f}",
            f"helpful, answered or offered (in scope): {self.helpfulness:.3f}",
            f"abstained, nothing offered (in scope): {self.abstention:.3f}",
            f"out-of-scope answered: {self.oos_answered:.3f}",
            f"out-of-scope offered choices: {self.oos_offered:.3f}",
        ]
        if self.in_danger or self.not_in_danger:
            lines += [
                f"in danger: {self.in_danger}, urgent recall: {self.urgent_recall:.3f}",
                f"not in danger: {self.not_in_danger}, false alarms: {self.false_alarm_rate:.3f}",
                f"numbers reachable in danger (reply or choice): {self.reachable_rate:.3f}; "
                f"emergency choice shown to the others: {self.offered_numbers_rate:.3f}",
            ]
        return lines


def read_labelled(path: Path) -> list[Labelled]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from exc
        if "topics" in obj:
            topics = tuple(str(t) for t in obj["topics"] or ())
        else:
            topics = (str(obj["topic"]),) if obj.get("topic") else ()
        urgent = obj.get("urgent")
        rows.append(Labelled(str(obj["q"]), topics, None if urgent is None else bool(urgent)))
    return rows


def evaluate(decide: Callable[[str], Verdict], rows: Iterable[Labelled]) -> Report:
    return tally((row, decide(row.question)) for row in rows)


def tally(judged: Iterable[tuple[Labelled, Verdict]]) -> Report:
    """The figures for labelled messages and what was given to each (an engine's verdict now,
    or the reply a family got then: bot/cases/review.py)."""
    report = Report()
    for row, verdict in judged:
        got = verdict.first_topic
        numbers = EMERGENCY_TOPIC in verdict.helped_with
        if row.urgent is True:
            report.in_danger += 1
            report.urgent_given += verdict.urgent
            report.reachable += verdict.urgent or numbers
            if not verdict.urgent:
                report.danger_misses.append(row.question)
        elif row.urgent is False:
            report.not_in_danger += 1
            report.false_alarms += verdict.urgent
            report.offered_numbers += not verdict.urgent and numbers
        if not row.placed:
            continue
        if not row.topics:
            report.out_of_scope += 1
            if got is not None:
                report.out_of_scope_answered += 1
                report.misses.append((row.question, None, got))
            elif _offers_topics(verdict):
                report.out_of_scope_offered += 1
            continue
        report.in_scope += 1
        right = set(row.topics)
        if right.intersection(verdict.answered):
            report.correct += 1
        else:
            if got is None:
                report.abstained += not _offers_topics(verdict)
            report.confusions[(row.topics[0], got or "(not answered)")] += 1
            report.misses.append((row.question, row.topics[0], got))
        report.helpful += bool(right.intersection(verdict.helped_with))
    return report


def _offers_topics(verdict: Verdict) -> bool:
    """Choices beyond the emergency numbers: the plain fallback keeps those one tap away too,
    and is still a dead end for a question it does not place."""
    return any(slug != EMERGENCY_TOPIC for slug in verdict.helped_with)


def read_second_labels(path: Path, set_name: str, rows: list[Labelled]) -> list[Labelled]:
    """A second labeller's view of a set (`tests/data/second_labelling.jsonl`: one line per
    message, `{"set", "line", "topics", "urgent"}`), aligned with the set's own rows."""
    by_line: dict[int, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            if obj["set"] == set_name:
                by_line[int(obj["line"])] = obj
    if sorted(by_line) != list(range(1, len(rows) + 1)):
        raise ValueError(f"{path}: the second labels of {set_name} do not cover its lines")
    return [
        Labelled(
            row.question,
            tuple(str(t) for t in by_line[n]["topics"] or ()),
            bool(by_line[n]["urgent"]),
        )
        for n, row in enumerate(rows, 1)
    ]


def agreed_on_danger(first: list[Labelled], second: list[Labelled]) -> list[Labelled]:
    """The first labels, with the danger label kept only where both labellers agree (the
    others are left out of recall and false alarms); every message keeps its topics."""
    return [replace(row, placed=True) for row in agreed(first, second)]


def agreed(first: list[Labelled], second: list[Labelled]) -> list[Labelled]:
    """The first labels, keeping only what the second labeller agrees with: the danger label
    where both say the same, and the message's place (within the service or outside it) where
    both say the same; the first labeller's topics are the right ones for a message both place
    within it."""
    return [
        Labelled(
            a.question,
            a.topics,
            a.urgent if a.urgent == b.urgent else None,
            placed=bool(a.topics) == bool(b.topics),
        )
        for a, b in zip(first, second, strict=True)
    ]


def kappa(first: list[bool], second: list[bool]) -> float:
    """Cohen's kappa: how far two yes/no labellings agree beyond chance (1 = always, 0 = as
    chance would)."""
    n = len(first)
    both = sum(a and b for a, b in zip(first, second, strict=True))
    neither = sum(not a and not b for a, b in zip(first, second, strict=True))
    seen = (both + neither) / n
    p1, p2 = sum(first) / n, sum(second) / n
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    return (seen - chance) / (1 - chance) if chance < 1 else 1.0
