"""The JSON shapes of /api/v1 (they make the OpenAPI document at /docs)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from bot.cases.review import reviewable
from bot.store.models import Case, CaseEvent


class CaseEventOut(BaseModel):
    id: int
    kind: str
    actor: str
    body: str | None
    created_at: datetime


class CaseOut(BaseModel):
    id: int
    number: str
    status: str
    urgent: bool
    category: str
    reporter: str
    worker_name: str | None
    country: str
    city: str | None
    village_code: str
    district_code: str
    escalation_level: int
    village_hidden: bool
    """Kept from the village's officers at the reporter's request: do not pass it to them."""
    officer_id: int | None
    created_at: datetime
    updated_at: datetime
    outcome: str | None


class CaseDetailOut(CaseOut):
    story: str
    events: list[CaseEventOut]
    reviewable: bool
    """The story is a message the assistant answered: POST /cases/{id}/review may judge it."""
    review_topics: list[str] | None
    review_danger: bool | None


class ReviewIn(BaseModel):
    """An officer's review of the message the case opened from (bot/cases/review.py)."""

    topics: list[Annotated[str, Field(max_length=64)]] = Field(default_factory=list, max_length=60)
    """Slugs of the topics that would have helped; none: the message is outside the service."""
    danger: bool
    """Someone was in danger now when the message was sent."""


class ReplyIn(BaseModel):
    text: str = Field(min_length=1, max_length=3000)


class ResolveIn(BaseModel):
    note: str = Field(min_length=1, max_length=3000)


class ActionOut(BaseModel):
    ok: bool
    case: CaseOut


def case_out(case: Case) -> CaseOut:
    return CaseOut(
        id=case.id,
        number=case.number,
        status=case.status,
        urgent=case.urgent,
        category=case.category,
        reporter=case.reporter,
        worker_name=case.worker_name,
        country=case.country,
        city=case.city,
        village_code=case.village_code,
        district_code=case.district_code,
        escalation_level=case.escalation_level,
        village_hidden=case.village_hidden,
        officer_id=case.officer_id,
        created_at=case.created_at,
        updated_at=case.updated_at,
        outcome=case.outcome,
    )


def event_out(event: CaseEvent) -> CaseEventOut:
    return CaseEventOut(
        id=event.id,
        kind=event.kind,
        actor=event.actor,
        body=event.body,
        created_at=event.created_at,
    )


def case_detail(case: Case) -> CaseDetailOut:
    return CaseDetailOut(
        **case_out(case).model_dump(),
        story=case.story,
        events=[event_out(e) for e in case.events],
        reviewable=reviewable(case),
        review_topics=case.review_topics,
        review_danger=case.review_danger,
    )
