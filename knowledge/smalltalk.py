"""Recognises greetings, thanks, menu and help requests before the knowledge base is asked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from knowledge.datafiles import read_data
from knowledge.normalize import Normalizer, fold
from knowledge.yamlfast import load_yaml


@dataclass(frozen=True)
class Intent:
    name: str
    words: frozenset[str]
    phrases: frozenset[str]
    beside: frozenset[str] = frozenset()
    """Words that count for the intent only beside one of its `words` ("sangat membantu"
    beside "thank you"; alone, "bisa membantu?" asks)."""

    @cached_property
    def known(self) -> frozenset[str]:
        """Every word the intent reads, made once rather than for every message."""
        return self.words | self.beside


NUMBER_DIGITS = 6
"""A message of digits alone, this many or more, is a number (a phone number, a NIK), not a
question: it is met with how to reach a person, not with the last answer again."""
ADDRESS = "address"
"""Not an intent: the words a person is addressed by, which count for every intent."""


def load_intents() -> list[Intent]:
    data = load_yaml(read_data("smalltalk.yaml"))
    return [
        Intent(
            name,
            frozenset(v.get("words", [])),
            frozenset(fold(p) for p in v.get("phrases", [])),
            frozenset(v.get("beside", [])),
        )
        for name, v in data.items()
        if name != ADDRESS
    ]


def load_address_words() -> frozenset[str]:
    return frozenset(load_yaml(read_data("smalltalk.yaml")).get(ADDRESS, {}).get("words", []))


class SmallTalk:
    def __init__(
        self,
        normalizer: Normalizer,
        intents: list[Intent] | None = None,
        address: frozenset[str] | None = None,
    ) -> None:
        self.normalizer = normalizer
        self.intents = intents if intents is not None else load_intents()
        self.address = address if address is not None else load_address_words()
        self.greeting_words = next(
            (i.words for i in self.intents if i.name == "greeting"), frozenset()
        )

    def detect(self, text: str) -> str | None:
        """The intent name when the whole message is small talk, else None. After a greeting,
        what follows decides ("assalamualaikum pak, sy mau tanya" asks for help)."""
        found = self._detect(fold(text))
        if found == "greeting" or found is None:
            rest = self.strip_greeting(text)
            if rest and rest != text:
                return self._detect(fold(rest)) or found
        return found

    def _detect(self, folded: str) -> str | None:
        if not folded:
            return None
        raw = folded.split()
        if len(raw) > 8:
            return None
        if all(w.isdigit() for w in raw) and sum(map(len, raw)) >= NUMBER_DIGITS:
            return "number"  # a phone number or a NIK sent alone
        core = [w for w in raw if w not in self.address]
        if not core:
            return "greeting"  # "pak", "min": someone calling
        bare = " ".join(core)
        for intent in self.intents:
            if folded in intent.phrases or bare in intent.phrases:
                return intent.name
        stop = self.normalizer.stopwords
        if len(core) < len(raw) and all(w in stop for w in core):
            return "greeting"  # "please sir": calling, with nothing asked
        raw = core
        for intent in self.intents:
            words = [w for w in raw if w not in stop or w in intent.known]
            if (
                words
                and all(w in intent.known for w in words)
                and any(w in intent.words for w in words)
            ):
                return intent.name
        return None

    def strip_greeting(self, text: str) -> str:
        """'halo kak, brp biaya ke hk' -> 'brp biaya ke hk': greetings only dilute the match."""
        words = fold(text).split()
        i = 0
        while i < len(words) and words[i] in self.greeting_words:
            i += 1
        return " ".join(words[i:]) if i else text
