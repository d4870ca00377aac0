"""The shape of a knowledge-base topic, as loaded from its content file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

LANGUAGES = ("id", "en")
FORMS = ("training", "case")


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    legal_basis: str


@dataclass(frozen=True)
class Topic:
    """One curated answer with everything the matcher and the reader need."""

    slug: str
    title: dict[str, str]
    answer: dict[str, str]
    detail: dict[str, str]
    examples: tuple[str, ...]
    keywords: tuple[str, ...]
    related: tuple[str, ...]
    form: str | None
    sources: tuple[Source, ...]
    reviewed: date | None
    path: Path | None = field(default=None, compare=False)
    label: dict[str, str] = field(default_factory=dict)
    """The topic as a button (20 characters or fewer), where the title would be cut."""
    living: dict[str, str] = field(default_factory=dict)
    """The answer when the message tells or asks of no death, for a topic of illness and death:
    the care first, not a death's benefits to someone poisoned (a regression tester after the
    danger reply, stop 52). Empty for other topics."""
    local_help: tuple[str, ...] = ()
    """The kinds of a country's lines (`knowledge.emergency.LINE_KINDS`) the answer adds for
    the place the worker is in: unpaid wages in Singapore get the embassy and the Ministry of
    Manpower's helpline, not only "the KBRI/KJRI"."""

    def button(self, lang: str) -> str:
        """The words on the topic's button: its label, else its title."""
        return (
            self.label.get(lang) or self.label.get("id") or self.title.get(lang) or self.title["id"]
        )

    def text(self, lang: str, living: bool = False) -> str:
        """The main answer in `lang`, falling back to Indonesian; `living`: the answer for the
        living where the topic has one."""
        if living and self.living:
            return self.living.get(lang) or self.living["id"]
        return self.answer.get(lang) or self.answer["id"]
