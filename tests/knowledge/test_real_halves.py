"""Every real set is read whole, on its odd lines, or not at all (knowledge/real_halves.py)."""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.evaluation import read_labelled
from knowledge.real_halves import READ_ODD_LINES, READ_WHOLE, UNREAD_WHOLE, set_path, split

DATA = Path(__file__).resolve().parent.parent / "data"


def test_every_real_set_in_the_data_is_placed_once() -> None:
    """A new set must be named here when it lands, or its figures would be silently left out."""
    found = {
        int(m.group(1) or 1)
        for p in DATA.glob("real_messages*.jsonl")
        if (m := re.fullmatch(r"real_messages(?:_(\d+))?\.jsonl", p.name))
    }
    placed = [*READ_WHOLE, *READ_ODD_LINES, *UNREAD_WHOLE]
    assert sorted(placed) == sorted(set(placed)), "a set placed twice"
    assert found == set(placed)


def test_every_message_is_in_one_group_and_the_headline_keeps_its_size() -> None:
    halves = split(DATA)
    sets = (*READ_WHOLE, *READ_ODD_LINES, *UNREAD_WHOLE)
    total = sum(len(read_labelled(set_path(DATA, n))) for n in sets)
    assert len(halves.read) + len(halves.unread) == total
    assert sum(len(rows) for rows in halves.by_set.values()) == len(halves.unread)
    assert len(halves.headline) == 731  # the unread figure the notes lead with since stop 20


def test_the_second_labelling_is_split_message_by_message_as_the_first() -> None:
    from knowledge.real_halves import split_second

    first, second = split_second(DATA, DATA / "second_labelling.jsonl")
    assert len(first.headline) == len(second.headline) == 731  # sets 3-10 were labelled twice
    assert [r.question for r in first.unread] == [r.question for r in second.unread]
    assert len(first.read) < len(split(DATA).read)  # set 1 was never labelled a second time
