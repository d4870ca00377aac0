"""Many literal words or phrases as one regular expression that is quick to search.

Python's `re` tries every alternative of "a|b|c|..." at every place of the text. A list of a
hundred phrases ("sudah pulang ke kampung", "sekarang sudah aman", ...) then costs a hundred
attempts per character, and the danger rules search several such lists in every message: the
list of safe endings alone took a fifth of the time the danger reading takes. Written as a
tree of shared openings ("s(?:udah (?:pulang ...|aman ...)|ekarang ...)"), a place fails after
its first letter or two.

The tree matches what the plain list sorted longest first matches, at the same places and
with the same length: the text decides a single path through the tree, and along it the
longer phrase is tried before the shorter, as in the sorted list (tests/knowledge/
test_alternation.py compares the two).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NOTHING = "(?!)"
"""A pattern that matches nowhere: what an empty list gives."""


def any_phrase(phrases: Iterable[str]) -> str:
    """A pattern for any of the literal phrases, longest first where several match; to be put
    inside a group: it is not one itself at the top."""
    tree: dict[str, dict] = {}
    for phrase in set(phrases):
        if not phrase:
            continue
        node = tree
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree) or NOTHING


def _branches(node: dict[str, dict]) -> str:
    """The pattern for what may follow this node; empty where nothing may."""
    alternatives = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    # a phrase ends here: the longer ones through this node are tried first (greedy)
    return f"(?:{body})?" if "" in node else body
