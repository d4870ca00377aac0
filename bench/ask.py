"""Answer-engine throughput and latency, on the real content and on content 20 times larger.

Prints questions per second on one core, p50/p95/p99 latency, index build time and peak
resident memory. Run: `python bench/ask.py` (or `make bench`). Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import time
from dataclasses import replace
from pathlib import Path

from knowledge import Librarian, load_topics
from knowledge.topic import Topic

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "data" / "heldout_questions.jsonl"


def questions() -> list[str]:
    return [json.loads(line)["q"] for line in QUESTIONS.read_text("utf-8").splitlines() if line]


def synthetic(topics: list[Topic], factor: int, seed: int = 7) -> list[Topic]:
    """`factor` copies of every topic with shuffled, lightly mutated examples and new slugs."""
    rng = random.Random(seed)
    out = list(topics)
    for n in range(1, factor):
        for t in topics:
            examples = []
            for e in t.examples:
                words = e.split()
                rng.shuffle(words)
                examples.append(" ".join(words) + f" v{n}")
            out.append(
                replace(t, slug=f"{t.slug}-{n}", examples=tuple(examples), related=(), path=None)
            )
    return out


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(librarian: Librarian, qs: list[str], rounds: int) -> dict[str, float]:
    for q in qs:  # warm caches (stemmer, respelling) as a running service would have them
        librarian.ask(q)
    latencies = []
    start = time.perf_counter()
    for _ in range(rounds):
        for q in qs:
            t0 = time.perf_counter()
            librarian.ask(q)
            latencies.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - start
    latencies.sort()
    pct = lambda p: latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]  # noqa: E731
    return {
        "questions": len(latencies),
        "per_second": len(latencies) / elapsed,
        "p50_ms": pct(50),
        "p95_ms": pct(95),
        "p99_ms": pct(99),
        "mean_ms": statistics.fmean(latencies),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--factor", type=int, default=20)
    args = parser.parse_args()
    qs = questions()
    topics = load_topics()
    for label, content in (
        ("real content", topics),
        (f"synthetic x{args.factor}", synthetic(topics, args.factor)),
    ):
        t0 = time.perf_counter()
        librarian = Librarian(content)
        build = time.perf_counter() - t0
        r = measure(librarian, qs, args.rounds)
        examples = sum(len(t.examples) for t in content)
        print(f"{label}: {len(content)} topics, {examples} examples, index built in {build:.2f} s")
        print(
            f"  {r['per_second']:.0f} questions/s on one core over {r['questions']} questions; "
            f"latency p50 {r['p50_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms, "
            f"p99 {r['p99_ms']:.2f} ms; peak RSS {peak_rss_mb():.0f} MB"
        )


if __name__ == "__main__":
    main()
