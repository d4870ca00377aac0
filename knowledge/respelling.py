"""A message's words respelled before the matcher ranks it, where the examples are left alone.

Workers in Malaysia write Malay ("nak hantar duit kat mak"), "pukul 8" is the clock's word and
"dipukul rata" a flat rate, not a blow; a few chat spellings the stemmer misreads ("ngabarin")
are in message_spellings.tsv. Respelling the examples the same way would change the
terms the topic model was fitted on, and a refit is a new draw of its order (docs/benchmarks.md,
stops 44 and 59); so these are read on the message only (`Librarian.ask`, and the problems a
worker abroad tells in `Triage`). The danger rules have their own spellings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.datafiles import read_data
from knowledge.normalize import load_lexicon

CLOCK = re.compile(r"\bpukul (?=\d)", re.IGNORECASE)
"""The clock's "pukul 8" ("tes kesehatan pukul 8 pagi" was offered employer violence first: a
blind look-alike tester, stop 59); the time says nothing of the topic, so the word is left out."""
FLAT_RATE = re.compile(r"\b(?:di ?)?pukul rata\b", re.IGNORECASE)
""""dipukul rata" is a flat rate ("gaji di korea itu dipukul rata" got employer violence and
Korea's police: a chat tester after the numbers, stop 59); the danger rules know it too."""
WORD = re.compile(r"[A-Za-z]+")
MALAY_PHRASES = {
    "macam mana": "bagaimana",
    "balik kampung": "pulang kampung",
    "balik indonesia": "pulang ke indonesia",
    "balik indon": "pulang ke indonesia",
    "tukar majikan": "pindah majikan",
}
"""Malay said in two words whose first alone is also Indonesian in another sense ("macam" a
kind, "balik" to turn over, "tukar" to swap): "nak tukar majikan boleh ke" got the fine for
going home early (a Malay and Sasak tester, stop 63)."""
PHRASE = re.compile(r"\b(?:" + "|".join(MALAY_PHRASES) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def malay_words() -> dict[str, str]:
    """Workers' Malay and the chat spellings read on a message only (message_spellings.tsv)."""
    return {
        **load_lexicon(read_data("message_spellings.tsv")),
        **load_lexicon(read_data("malay.tsv")),
    }


def respelled(text: str) -> str:
    """`text` with workers' Malay in Indonesian, the clock's "pukul" left out and a flat rate
    said plainly; unchanged (the same object) when it has none of them."""
    words = malay_words()
    if "ukul" in text.lower():
        text = FLAT_RATE.sub("rata rata", CLOCK.sub("", text))
    if PHRASE.search(text):
        text = PHRASE.sub(lambda m: MALAY_PHRASES[m.group(0).lower()], text)
    if words.keys().isdisjoint(w.lower() for w in WORD.findall(text)):
        return text
    return WORD.sub(lambda m: words.get(m.group(0).lower(), m.group(0)), text)
