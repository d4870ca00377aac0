"""What a wish to die may already have been carried out with: a poison or pills swallowed.

Someone who has swallowed them needs a hospital before anything else, so both the first
danger reply and the reply to a means named after it read this."""

from __future__ import annotations

from knowledge.normalize import fold

TAKEN = frozenset(
    "minum meminum diminum menelan nelan ditelan took taken swallowed drank drunk".split()
)
"""The means already used ("sy udh minum racun", "I already took the pills"): an ambulance
now, not "put it away" (a third chat tester, stop 47)."""

SWALLOWABLE = frozenset(
    "racun obat pil pill pills tablet tablets baygon bleach poison pestisida insektisida "
    "pembasmi paracetamol panadol porstex wipol pembersih cairan".split()
)
"""What is swallowed to die, in the words people use for it."""

NOT_YET = frozenset(
    "mau mo pengen pgn pengin ingin akan bakal rencana niat hampir nyaris tidak tdk gk ga gak "
    "nggak ngga belum blm jangan want wants wanted going will gonna would almost nearly not "
    "didn never".split()
)
"""A wish still ahead or held back ("sy mau minum racun", "kemarin sy hampir minum cairan
pembersih"): the means is not taken."""

REACH = 3
"""How many words after the verb the thing swallowed may come ("minum semua obat sy")."""


def has_taken(text: str) -> bool:
    """A word of swallowing, after a means was named: the means is already used."""
    return bool(TAKEN.intersection(fold(text).split()))


def has_swallowed(text: str) -> bool:
    """The message says a poison or pills were swallowed, not that they will be ("adik sy
    udh minum obat banyak bgt", "she took all her pills"; not "sy mau minum racun")."""
    words = fold(text).split()
    for at, word in enumerate(words):
        if word not in TAKEN:
            continue
        if not SWALLOWABLE.intersection(words[at + 1 : at + 1 + REACH]):
            continue
        if NOT_YET.isdisjoint(words[max(0, at - 2) : at]):
            return True
    return False
