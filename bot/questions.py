"""Questions asked as a list in one message: "1. cara bikin paspor gmn 2. gaji di hongkong
brp", or one question a line. Read whole, such a message shares words with every topic it
asks about and is sure of none, so it got choices led by topics none of its questions asked.
Read apart, each question usually names its topic plainly.

Only a list counts. Questions written one after another in a sentence ("Can I stay? If yes,
how long?") mostly ask about one situation on the read real messages, and read apart they
lose it: 4 of 1,608 read messages changed that way, 3 for the worse (docs/benchmarks.md,
stop 43)."""

from __future__ import annotations

import re
from collections.abc import Callable

ITEM = r"(?:^|\s)\(?\d{1,2}[.)]\s+|(?:^|\s)[-•*]\s+"
LIST = re.compile(rf"\n|{ITEM}", re.MULTILINE)
"""A numbered or bulleted item ("1.", "2)", "-", "•"), or a line break."""
MIN_WORDS = 2
MAX_PARTS = 6
"""More items than this is a story told line by line, not a list of questions."""


def parts_of(text: str) -> list[str]:
    """The message's items of MIN_WORDS words or more, in order."""
    pieces = (piece.strip(" ,;:") for piece in LIST.split(text) if piece)
    return [piece for piece in pieces if len(piece.split()) >= MIN_WORDS]


NUMBERED = re.compile(ITEM, re.MULTILINE)


def questions_in(text: str, asks: Callable[[str], bool]) -> list[str]:
    """The questions a message lists, when it lists two or more: every item of a numbered or
    bulleted list ("1. kur utk tki 2. pelatihan di blk" asks without a question word), the
    lines that ask of a list one a line (`asks` tells which); none for a single question, a
    sentence or a story."""
    pieces = parts_of(text)
    if not 2 <= len(pieces) <= MAX_PARTS:
        return []
    markers = list(NUMBERED.finditer(text))
    if len(markers) >= 2:
        items = parts_of(text[markers[0].start() :])  # the items, after any opening words
    else:
        items = [piece for piece in pieces if asks(piece)]
    return items if len(items) >= 2 else []
