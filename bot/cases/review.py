"""Officers' reviews of the message a case opened from: real messages that measure the assistant.

Every real-message set so far was quoted in public by journalists and NGOs. The messages that
matter most are the ones people send this service, and the officers who handle the cases know
what would have helped and whether someone was in danger. A case opened from a message the
assistant read and answered (`Case.story_read`) can be reviewed: the officer ticks the topics
that would have helped (none: the message is outside the service) and says whether someone was
in danger now. `reviewed_messages` reads them back as a labelled set for `migran eval --cases`,
which measures the current engine on them where the data lives; the texts never leave the
database. A case whose family erased their data is never read back.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cases.service import CaseError, actor_of, reviewable
from bot.i18n import N_
from bot.store.models import Case, CaseEvent, Officer, utcnow
from knowledge.emergency import EMERGENCY_TOPIC
from knowledge.evaluation import Labelled
from knowledge.topic import Topic

NOT_REVIEWABLE = N_("the case was not opened from a message the assistant answered")
UNKNOWN_TOPIC = N_("unknown topic")


def topic_choices(topics: Iterable[Topic]) -> list[tuple[str, str]]:
    """The topics an officer may tick, by their Indonesian titles: the same order (and so the
    same numbers on Telegram) wherever an officer reviews."""
    return sorted(((t.slug, t.title.get("id", t.slug)) for t in topics), key=lambda p: p[1])


def review(
    session: Session,
    *,
    case: Case,
    officer: Officer,
    topics: Sequence[str],
    danger: bool,
    known: Collection[str],
    now: datetime | None = None,
) -> None:
    """Records (or corrects) an officer's review; the audit trail keeps each one."""
    if not reviewable(case):
        raise CaseError(NOT_REVIEWABLE)
    chosen = list(dict.fromkeys(topics))
    if any(slug not in known for slug in chosen):
        raise CaseError(UNKNOWN_TOPIC)
    case.review_topics = chosen
    case.review_danger = danger
    case.reviewed_by = officer.id
    case.reviewed_at = now or utcnow()
    summary = f"{', '.join(chosen) or '-'}; danger: {'yes' if danger else 'no'}"
    # an event for the audit trail, without `record`: a review is not news about the case,
    # so it leaves the case's place in the queue (updated_at) alone
    session.add(
        CaseEvent(
            case=case,
            kind="reviewed",
            actor=actor_of(officer),
            body=summary,
            created_at=case.reviewed_at,
        )
    )


@dataclass(frozen=True)
class GivenReply:
    """What the assistant's first reply to a message gave (`Case.assistant_reply`), read the
    way `migran eval` reads today's engine (knowledge.evaluation.Verdict)."""

    answered: tuple[str, ...]
    offered: tuple[str, ...]
    urgent: bool
    guessed: bool = False
    """The topic answered was the first choice, answered as a guess (bot.triage.GUESS_*)."""

    @classmethod
    def of(cls, stored: dict[str, Any]) -> GivenReply:
        return cls(
            tuple(str(t) for t in stored.get("answered") or ()),
            tuple(str(t) for t in stored.get("offered") or ()),
            bool(stored.get("urgent")),
            bool(stored.get("guessed")),
        )

    @property
    def helped_with(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.answered, *self.offered)))

    @property
    def first_topic(self) -> str | None:
        """As bot.triage.Reading's: the topic answered after the danger reply, else the danger
        reply's numbers (a topic answered alone may be the numbers themselves)."""
        shown = self.answered[1:] if self.urgent else self.answered
        return shown[0] if shown else (EMERGENCY_TOPIC if self.urgent else None)


REVIEWED = (
    Case.story_read.is_(True),
    Case.anonymised.is_(False),
    Case.review_topics.is_not(None),
    Case.review_danger.is_not(None),
)
"""A case whose opening message an officer reviewed, from a family that kept its data."""


def guesses_agreed(judged: Iterable[tuple[Labelled, GivenReply]]) -> tuple[int, int]:
    """How many of these replies answered a guess, and for how many of them the review named
    the topic guessed: the live check of bot.triage.GUESS_*."""
    guessed = [(labelled, given) for labelled, given in judged if given.guessed]
    return len(guessed), sum(given.first_topic in labelled.topics for labelled, given in guessed)


def reviews(session: Session, limit: int | None = None) -> list[tuple[Labelled, GivenReply | None]]:
    """The reviewed stories, newest first, as labelled messages (question, topics, in danger),
    each with what the assistant gave it then (None for a case opened before replies were
    kept)."""
    query = (
        select(Case.story, Case.review_topics, Case.review_danger, Case.assistant_reply)
        .where(*REVIEWED)
        .order_by(Case.reviewed_at.desc(), Case.id.desc())
        .limit(limit)
    )
    return [
        (
            Labelled(story, tuple(topics), bool(danger)),
            GivenReply.of(stored) if isinstance(stored, dict) else None,
        )
        for story, topics, danger, stored in session.execute(query)
        if topics is not None  # a JSON null is no review
    ]


def reviewed_messages(session: Session, limit: int | None = None) -> list[Labelled]:
    """The reviewed stories alone, newest first (`reviews`)."""
    return [labelled for labelled, _given in reviews(session, limit)]
