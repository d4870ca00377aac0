"""The case queue as a service: keyword-only functions that take a session.

The conversation core creates cases and adds what the family writes; officers (dashboard, API,
Telegram) claim, reply and resolve through the same functions, so every step is a case event.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.codes import new_code
from bot.store.models import Case, CaseEvent, Contact, utcnow

OPEN_STATUSES = ("new", "claimed")
CATEGORIES = (
    "wages",
    "documents",
    "violence",
    "lost_contact",
    "illness_death",
    "fraud",
    "go_home",
    "other",
)


def record(
    session: Session,
    *,
    case: Case,
    kind: str,
    actor: str,
    body: str | None = None,
    media_ref: str | None = None,
    at: datetime | None = None,
) -> CaseEvent:
    event = CaseEvent(
        case=case, kind=kind, actor=actor, body=body, media_ref=media_ref, created_at=at or utcnow()
    )
    session.add(event)
    case.updated_at = event.created_at
    return event


def create_case(
    session: Session,
    *,
    contact: Contact,
    reporter: str,
    worker_name: str | None,
    country: str,
    city: str | None,
    category: str,
    story: str,
    urgent: bool,
    village_code: str,
    share_consent: bool,
    attachments: Sequence[dict[str, str]] = (),
) -> Case:
    case = Case(
        number=new_code("K"),
        contact_id=contact.id,
        reporter=reporter,
        worker_name=worker_name,
        country=country,
        city=city,
        category=category,
        story=story,
        urgent=urgent,
        village_code=village_code,
        district_code=".".join(village_code.split(".")[:2]),
        share_consent=share_consent,
    )
    session.add(case)
    record(session, case=case, kind="created", actor="family", body=story)
    for item in attachments:
        record(
            session,
            case=case,
            kind="media",
            actor="family",
            body=item.get("kind"),
            media_ref=item.get("ref"),
        )
    session.flush()
    return case


def open_case_of(session: Session, contact: Contact) -> Case | None:
    return session.scalars(
        select(Case)
        .where(Case.contact_id == contact.id, Case.status.in_(OPEN_STATUSES))
        .order_by(Case.id.desc())
        .limit(1)
    ).first()


def cases_of(session: Session, contact: Contact) -> Sequence[Case]:
    return session.scalars(
        select(Case).where(Case.contact_id == contact.id).order_by(Case.id)
    ).all()


def add_family_message(
    session: Session,
    *,
    case: Case,
    text: str | None,
    media_kind: str | None = None,
    media_ref: str | None = None,
) -> CaseEvent:
    kind = "family_message" if text else "media"
    return record(
        session, case=case, kind=kind, actor="family", body=text or media_kind, media_ref=media_ref
    )
