"""Validates content files so that a non-programmer's edit cannot break the service."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from knowledge.datafiles import data_entries
from knowledge.emergency import LINE_KINDS
from knowledge.loader import ContentError, default_content_dir, parse_topic, topic_files
from knowledge.topic import FORMS, LANGUAGES, Topic

MAX_ANSWER = 700
MAX_DETAIL = 1500
MAX_TITLE = 80
MAX_LABEL = 20
"""A WhatsApp button's limit: the label is shown whole, never cut."""
MIN_EXAMPLES = 12
MIN_KEYWORDS = 3
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Problem:
    path: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


def required_slugs() -> list[str]:
    """The topics the product must always have (knowledge/data/required_topics.txt)."""
    return data_entries("required_topics.txt")


def check_topic(topic: Topic) -> list[Problem]:
    path = str(topic.path)
    out: list[Problem] = []

    def bad(field: str, message: str) -> None:
        out.append(Problem(path, field, message))

    if not SLUG.match(topic.slug):
        bad("slug", "missing or not lowercase-with-dashes")
    elif topic.path is not None and topic.path.stem != topic.slug:
        bad("slug", f"must equal the file name ({topic.path.stem})")
    for lang in LANGUAGES:
        title = topic.title.get(lang, "")
        if not title:
            bad(f"title.{lang}", "missing")
        elif len(title) > MAX_TITLE:
            bad(f"title.{lang}", f"{len(title)} characters, at most {MAX_TITLE}")
        label = topic.label.get(lang, "")
        if not label:
            bad(f"label.{lang}", "missing (the topic's button, at most 20 characters)")
        elif len(label) > MAX_LABEL:
            bad(f"label.{lang}", f"{len(label)} characters, at most {MAX_LABEL}")
        answer = topic.answer.get(lang, "")
        if not answer:
            bad(f"## {lang}", "answer section missing or empty")
        elif len(answer) > MAX_ANSWER:
            bad(f"## {lang}", f"answer has {len(answer)} characters, at most {MAX_ANSWER}")
        detail = topic.detail.get(lang, "")
        if len(detail) > MAX_DETAIL:
            bad(f"## {lang} detail", f"{len(detail)} characters, at most {MAX_DETAIL}")
    if set(topic.detail) not in (set(), set(LANGUAGES)):
        bad("## detail", "give the detail in both id and en, or in neither")
    if set(topic.living) not in (set(), set(LANGUAGES)):
        bad("## living", "give the answer for the living in both id and en, or in neither")
    if len(topic.examples) < MIN_EXAMPLES:
        bad("examples", f"{len(topic.examples)} given, at least {MIN_EXAMPLES}")
    duplicates = [e for e, n in Counter(e.lower() for e in topic.examples).items() if n > 1]
    if duplicates:
        bad("examples", f"repeated: {duplicates[0]!r}")
    if len(topic.keywords) < MIN_KEYWORDS:
        bad("keywords", f"{len(topic.keywords)} given, at least {MIN_KEYWORDS}")
    if topic.form is not None and topic.form not in FORMS:
        bad("form", f"{topic.form!r} is not one of {', '.join(FORMS)} or null")
    if not topic.sources:
        bad("sources", "at least one source is required")
    for i, src in enumerate(topic.sources):
        if not src.name:
            bad(f"sources[{i}].name", "missing")
        if not src.url.startswith(("http://", "https://")):
            bad(f"sources[{i}].url", "missing or not a web address")
        if not src.legal_basis:
            bad(f"sources[{i}].legal_basis", "missing")
    if topic.reviewed is None:
        bad("reviewed", "missing or not a date (YYYY-MM-DD)")
    if topic.slug in topic.related:
        bad("related", "a topic cannot be related to itself")
    for kind in topic.local_help:
        if kind not in LINE_KINDS:
            bad("local_help", f"{kind!r} is not one of {', '.join(LINE_KINDS)}")
    return out


def check_directory(directory: Path | None = None) -> tuple[list[Topic], list[Problem]]:
    """Checks every file and the set as a whole; returns the readable topics and all problems."""
    directory = directory or default_content_dir()
    topics: list[Topic] = []
    problems: list[Problem] = []
    files = topic_files(directory)
    if not files:
        problems.append(Problem(str(directory), "files", "no topic files found"))
    for path in files:
        try:
            topic = parse_topic(path.read_text(encoding="utf-8"), path)
        except (ContentError, UnicodeDecodeError) as exc:
            field = exc.field if isinstance(exc, ContentError) else "encoding"
            problems.append(Problem(str(path), field, str(getattr(exc, "message", exc))))
            continue
        topics.append(topic)
        problems.extend(check_topic(topic))
    slugs = Counter(t.slug for t in topics)
    for topic in topics:
        if slugs[topic.slug] > 1:
            problems.append(Problem(str(topic.path), "slug", f"{topic.slug!r} used by two files"))
        for rel in topic.related:
            if rel not in slugs:
                problems.append(Problem(str(topic.path), "related", f"unknown topic {rel!r}"))
    for slug in required_slugs():
        if slug not in slugs:
            problems.append(Problem(str(directory), "topics", f"required topic {slug!r} missing"))
    return topics, problems
