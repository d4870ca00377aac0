"""Curated safe-migration content and the engine that matches questions to it.

Knows no channel, database or chat library: text and files in, `Match`/`Answer` out.
"""

from knowledge.check import Problem, check_directory
from knowledge.language import chat_language, detect_language
from knowledge.librarian import Answer, Librarian
from knowledge.loader import ContentError, load_topics
from knowledge.matcher import Candidate, Match, Matcher
from knowledge.normalize import Normalizer
from knowledge.topic import Source, Topic

__all__ = [
    "Answer",
    "Candidate",
    "ContentError",
    "Librarian",
    "Match",
    "Matcher",
    "Normalizer",
    "Problem",
    "Source",
    "Topic",
    "chat_language",
    "check_directory",
    "detect_language",
    "load_topics",
]
