"""The answer engine's front door: small talk first, then the matcher, in the asker's language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knowledge.language import chat_language, detect_language
from knowledge.loader import index_by_slug, load_topics
from knowledge.matcher import Match, Matcher
from knowledge.normalize import Normalizer
from knowledge.respelling import respelled
from knowledge.smalltalk import SmallTalk
from knowledge.topic import LANGUAGES, Topic


@dataclass(frozen=True)
class Answer:
    """What the knowledge base says about one message; rendering is the caller's job."""

    question: str
    lang: str
    intent: str | None = None
    match: Match | None = None
    topic: Topic | None = None

    @property
    def score(self) -> float:
        return self.match.confidence if self.match else (1.0 if self.intent else 0.0)


class Librarian:
    def __init__(self, topics: list[Topic], normalizer: Normalizer | None = None) -> None:
        self.normalizer = normalizer or Normalizer()
        self.topics = index_by_slug(topics)
        self.matcher = Matcher(topics, self.normalizer)
        self.smalltalk = SmallTalk(self.normalizer)

    @classmethod
    def from_directory(cls, directory: Path | None = None) -> Librarian:
        return cls(load_topics(directory))

    def ask(self, question: str, lang: str | None = None) -> Answer:
        asked = respelled(question)  # workers' Malay, the clock's "pukul": the message only
        detected = detect_language(asked, default="id")  # the stemmer the model knows
        lang = lang if lang in LANGUAGES else chat_language(asked, default="id")
        intent = self.smalltalk.detect(question)
        if intent:
            return Answer(question, lang, intent=intent)
        match = self.matcher.match(self.smalltalk.strip_greeting(asked), detected)
        topic = self.topics.get(match.topic) if match.topic else None
        return Answer(question, lang, match=match, topic=topic)
