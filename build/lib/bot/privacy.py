"""Erasing a contact's personal data ("hapus data saya") and pruning old message bodies."""

from __future__ import annotations

from datetime import datetime, timedelta

from lokal import mask_pii
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bot.store.models import (
    Case,
    CaseEvent,
    Contact,
    Conversation,
    Message,
    OutboxMessage,
    Registration,
)

ERASED = "[dihapus]"


def mask(text: str | None) -> str | None:
    """Replaces names, phone numbers and NIK in free text with placeholders."""
    if not text:
        return text
    return mask_pii(text).text


def erase_contact(session: Session, contact: Contact, *, now: datetime) -> None:
    """Deletes what identifies the person; open cases keep what an officer needs, anonymised."""
    session.execute(delete(Registration).where(Registration.contact_id == contact.id))
    session.execute(delete(Message).where(Message.contact_id == contact.id))
    session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.contact_id == contact.id, OutboxMessage.status == "pending"
        )
    )
    for case in session.scalars(select(Case).where(Case.contact_id == contact.id)):
        case.worker_name = None
        case.story = mask(case.story) or ""
        case.city = None
        case.anonymised = True
        case.contact_id = None
        for event in case.events:
            if event.actor == "family":
                event.body = mask(event.body)
                event.media_ref = None
        session.add(
            CaseEvent(
                case=case,
                kind="anonymised",
                actor="family",
                body="contact erased their data",
                created_at=now,
            )
        )
    conversation = session.get(Conversation, contact.id)
    if conversation is not None:
        conversation.flow, conversation.step, conversation.data = None, None, {}
    contact.display_name = None
    contact.phone = None
    contact.village_code = None
    contact.consent_at = None
    contact.erased_at = now
    contact.channel_user_id = f"erased:{contact.id}"
    session.flush()


def prune_message_bodies(session: Session, *, older_than: timedelta, now: datetime) -> int:
    """Keeps the log's shape for statistics but drops bodies past the retention period."""
    result = session.execute(
        update(Message)
        .where(Message.created_at < now - older_than, Message.body.is_not(None))
        .values(body=None, media_ref=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)
