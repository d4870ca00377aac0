"""Measures the answer engine on a labelled question set (`migran eval`)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.librarian import Librarian


@dataclass(frozen=True)
class Labelled:
    question: str
    topic: str | None


@dataclass
class Report:
    in_scope: int = 0
    correct: int = 0
    abstained: int = 0
    out_of_scope: int = 0
    out_of_scope_answered: int = 0
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    @property
    def top1(self) -> float:
        return self.correct / self.in_scope if self.in_scope else 0.0

    @property
    def abstention(self) -> float:
        return self.abstained / self.in_scope if self.in_scope else 0.0

    @property
    def oos_answered(self) -> float:
        return self.out_of_scope_answered / self.out_of_scope if self.out_of_scope else 0.0

    def summary_lines(self) -> list[str]:
        return [
            f"in-scope questions: {self.in_scope}, out-of-scope: {self.out_of_scope}",
            f"top-1 accuracy (in scope): {self.top1:.3f}",
            f"abstained (in scope): {self.abstention:.3f}",
            f"out-of-scope answered: {self.oos_answered:.3f}",
        ]


def read_labelled(path: Path) -> list[Labelled]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from exc
        rows.append(Labelled(str(obj["q"]), obj.get("topic")))
    return rows


def evaluate(librarian: Librarian, rows: Iterable[Labelled]) -> Report:
    report = Report()
    for row in rows:
        answer = librarian.ask(row.question)
        got = answer.topic.slug if answer.topic else None
        if row.topic is None:
            report.out_of_scope += 1
            if got is not None:
                report.out_of_scope_answered += 1
                report.misses.append((row.question, None, got))
            continue
        report.in_scope += 1
        if got == row.topic:
            report.correct += 1
        else:
            if got is None:
                report.abstained += 1
            report.confusions[(row.topic, got or "(abstain)")] += 1
            report.misses.append((row.question, row.topic, got))
    return report
