"""Which real messages have been read while building the engine, and which never were.

The real-message sets (tests/data/real_messages*.jsonl) choose designs; a message someone read
to find what the engine misses can no longer say how the engine does on messages nobody has
seen. So each set is either read whole, read on its odd lines only (the first, third, ...:
the even ones stay unread), or not read at all. The figures in docs/benchmarks.md are given on
these groups; `migran eval --halves DIR` prints them for today's engine.

When a fresh set arrives it is measured unread first; if its odd lines are then read to find
misses, it moves from UNREAD_WHOLE to READ_ODD_LINES here, in the same change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from knowledge.evaluation import Labelled, read_labelled, read_second_labels

READ_WHOLE = (1, 2)
"""Read whole while the engine was first built for real messages."""
READ_ODD_LINES = (3, 4, 5, 6, 7, 8, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23)
"""Odd lines read after each set was measured on arrival; the even lines never were (sets
18-21 since stop 39, when pleas were written after them; set 23 since stop 57)."""
UNREAD_WHOLE = (9, 12, 22)
"""Never read: measured as they came."""
HEADLINE = (3, 4, 5, 6, 7, 8, 9, 10)
"""The unread part of these sets is the headline figure since stop 20 (731 messages)."""


def set_path(data: Path, number: int) -> Path:
    return data / ("real_messages.jsonl" if number == 1 else f"real_messages_{number}.jsonl")


@dataclass(frozen=True)
class Halves:
    read: list[Labelled]
    unread: list[Labelled]
    """Every message never read, of every set."""
    headline: list[Labelled]
    """The unread messages of sets 3-10 (the figure the notes lead with)."""
    by_set: dict[int, list[Labelled]]
    """Each set's unread messages."""


def split(data: Path) -> Halves:
    """The sets found in `data`, split by what was read; a set missing from `data` is skipped."""
    return _split({n: read_labelled(p) for n, p in _sets(data)})


def split_second(data: Path, labels: Path) -> tuple[Halves, Halves]:
    """The sets a second labelling covers (tests/data/second_labelling.jsonl), split as
    `split` does, under the first labels and under the second, message by message."""
    covered = {json.loads(line)["set"] for line in labels.read_text("utf-8").splitlines() if line}
    first: dict[int, list[Labelled]] = {}
    second: dict[int, list[Labelled]] = {}
    for number, path in _sets(data):
        if path.name in covered:  # all but set 1; a set covered in part is an error
            first[number] = read_labelled(path)
            second[number] = read_second_labels(labels, path.name, first[number])
    return _split(first), _split(second)


def _sets(data: Path) -> list[tuple[int, Path]]:
    numbers = sorted((*READ_WHOLE, *READ_ODD_LINES, *UNREAD_WHOLE))
    return [(n, set_path(data, n)) for n in numbers if set_path(data, n).exists()]


def _split(sets: dict[int, list[Labelled]]) -> Halves:
    read: list[Labelled] = []
    unread_by_set: dict[int, list[Labelled]] = {}
    for number, rows in sets.items():
        if number in READ_WHOLE:
            read += rows
        elif number in READ_ODD_LINES:
            read += rows[0::2]
            unread_by_set[number] = rows[1::2]
        else:
            unread_by_set[number] = rows
    return Halves(
        read=read,
        unread=[row for rows in unread_by_set.values() for row in rows],
        headline=[row for n in HEADLINE for row in unread_by_set.get(n, [])],
        by_set=unread_by_set,
    )
