"""Training registrations: create, find duplicates, list for a contact, withdraw."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cases.service import notify
from bot.codes import new_code
from bot.i18n import translator
from bot.officers.scope import officers_for_village, supervisors_for
from bot.store.models import Contact, Officer, Registration, TrainingProgramme
from knowledge.training import TrainingCatalog

REGISTERED, WITHDRAWN = "registered", "withdrawn"


def sync_catalog(session: Session, catalog: TrainingCatalog) -> None:
    """Mirrors the content catalog into the table registrations refer to."""
    existing = {p.slug: p for p in session.scalars(select(TrainingProgramme))}
    for programme in catalog.programmes:
        row = existing.pop(programme.slug, None)
        if row is None:
            row = TrainingProgramme(slug=programme.slug)
            session.add(row)
        row.title_id = programme.title["id"]
        row.title_en = programme.title["en"]
        row.active = True
    for row in existing.values():
        row.active = False


def find_duplicate(
    session: Session,
    *,
    contact: Contact,
    programme: str,
    name: str,
    birth_year: int,
    village_code: str,
) -> Registration | None:
    """The same person already registered for the same programme (by chat or by identity)."""
    query = select(Registration).where(
        Registration.programme_slug == programme, Registration.status == REGISTERED
    )
    for reg in session.scalars(query):
        if reg.contact_id == contact.id:
            return reg
        if (
            reg.name.casefold() == name.casefold()
            and reg.birth_year == birth_year
            and reg.village_code == village_code
        ):
            return reg
    return None


def create_registration(session: Session, *, contact: Contact, **fields: object) -> Registration:
    registration = Registration(code=new_code("P"), contact_id=contact.id, **fields)
    session.add(registration)
    session.flush()
    return registration


def registrations_of(session: Session, contact: Contact) -> Sequence[Registration]:
    return session.scalars(
        select(Registration).where(Registration.contact_id == contact.id).order_by(Registration.id)
    ).all()


def withdraw(session: Session, registration: Registration, *, place: str) -> list[Officer]:
    """Marks the registration withdrawn and tells the village's officers (the district's
    supervisors where the village has none) on Telegram, as they hear of cases: whoever passes
    registrations on must not send this one. Returns who was told (officers who linked a
    Telegram chat)."""
    registration.status = WITHDRAWN
    district = ".".join(registration.village_code.split(".")[:2])
    officers = officers_for_village(session, registration.village_code) or supervisors_for(
        session, district
    )
    _ = translator("id")
    text = _(
        "Training registration {code} withdrawn by the registrant: {name}, {course}, {place}. "
        "Do not pass it on."
    ).format(
        code=registration.code,
        name=registration.name,
        course=registration.programme.title_id if registration.programme else "-",
        place=place,
    )
    told = [o for o in officers if o.telegram_chat_id]
    for officer in told:
        notify(session, officer, text)
    return told
