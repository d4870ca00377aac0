"""In-process measurements (histograms and counters) for /metrics; the HTTP layer renders them.

Counts that must add up across worker processes (messages, outbox depth, open cases) are read
from the database at scrape time instead; these in-process figures carry a `pid` label.
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from dataclasses import dataclass, field

LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)


@dataclass
class Histogram:
    buckets: tuple[float, ...] = LATENCY_BUCKETS
    counts: list[int] = field(default_factory=lambda: [0] * (len(LATENCY_BUCKETS) + 1))
    total: float = 0.0
    n: int = 0

    def observe(self, value: float) -> None:
        for i, bound in enumerate(self.buckets):
            if value <= bound:
                self.counts[i] += 1
                break
        else:
            self.counts[-1] += 1
        self.total += value
        self.n += 1


class Registry:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.histograms: dict[tuple[str, tuple[tuple[str, str], ...]], Histogram] = {}
        self.counters: dict[tuple[str, tuple[tuple[str, str], ...]], float] = defaultdict(float)

    def observe(self, name: str, value: float, **labels: str) -> None:
        key = (name, tuple(sorted(labels.items())))
        with self.lock:
            self.histograms.setdefault(key, Histogram()).observe(value)

    def inc(self, name: str, amount: float = 1.0, **labels: str) -> None:
        with self.lock:
            self.counters[(name, tuple(sorted(labels.items())))] += amount

    def render(self) -> list[str]:
        pid = str(os.getpid())
        lines: list[str] = []
        with self.lock:
            for (name, labels), hist in sorted(self.histograms.items()):
                base = dict(labels, pid=pid)
                cumulative = 0
                lines.append(f"# TYPE {name} histogram")
                for bound, count in zip((*hist.buckets, float("inf")), hist.counts, strict=True):
                    cumulative += count
                    le = "+Inf" if bound == float("inf") else repr(bound)
                    lines.append(f"{name}_bucket{_labels({**base, 'le': le})} {cumulative}")
                lines.append(f"{name}_sum{_labels(base)} {hist.total:.6f}")
                lines.append(f"{name}_count{_labels(base)} {hist.n}")
            seen: set[str] = set()
            for (name, labels), value in sorted(self.counters.items()):
                if name not in seen:
                    lines.append(f"# TYPE {name} counter")
                    seen.add(name)
                lines.append(f"{name}{_labels(dict(labels, pid=pid))} {value:g}")
        return lines


def _labels(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    inner = ",".join(f'{k}="{_escape(v)}"' for k, v in sorted(labels.items()))
    return "{" + inner + "}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


REGISTRY = Registry()
