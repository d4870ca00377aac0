"""Erasing a contact's personal data ("hapus data saya") and pruning old messages.

Personal data sits in four places: the message log, the outbox (replies to the person, and the
officers' notifications that quote their story), registrations and cases. Erasure and retention
cover all four. The platform ids of inbound messages stay, so a redelivered message is still
recognised and dropped after erasure.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import delete, null, or_, select, update
from sqlalchemy.orm import Session

from bot.announcements.service import forget as forget_subscription
from bot.cases.service import alert_officers
from bot.context import PENDING_REPLY, PENDING_STORY, PIECES_KEY
from bot.i18n import translator
from bot.masking import mask_text
from bot.register.service import erase_for as erase_register_entries
from bot.register.service import names_of as register_names
from bot.store.models import (
    Case,
    CaseEvent,
    Contact,
    Conversation,
    Message,
    OutboxMessage,
    Registration,
)
from bot.types import Reply, reply_from_dict, reply_to_dict

ERASED = "[dihapus]"
UNSENT = ("pending", "held", "sending")


def mask(text: str | None, names: Iterable[str] = ()) -> str | None:
    """Replaces names, phone numbers, NIK and passport numbers in free text with placeholders."""
    if not text:
        return text
    return mask_text(text, names)


def _known_names(session: Session, contact: Contact) -> list[str]:
    """Every name the service holds for this person: what they typed in forms and their profile."""
    names = [contact.display_name or ""]
    names += session.scalars(select(Registration.name).where(Registration.contact_id == contact.id))
    names += session.scalars(select(Case.worker_name).where(Case.contact_id == contact.id))
    names += register_names(session, contact)
    return [n for n in names if n]


def _mask_payload(payload: dict[str, object], names: Iterable[str]) -> dict[str, object]:
    reply = reply_from_dict(payload)
    return reply_to_dict(Reply(mask(reply.text, names) or "", reply.buttons))


def _mask_notifications(
    session: Session, cases: list[Case], names: list[str], phones: list[str]
) -> None:
    """Officers' notifications quote the family's words and the case summary; mask them."""
    if not cases:
        return
    first = min(case.created_at for case in cases)
    numbers = [case.number for case in cases]
    rows = session.scalars(
        select(OutboxMessage).where(
            OutboxMessage.contact_id.is_(None), OutboxMessage.created_at >= first
        )
    )
    for row in rows:
        text = str(row.payload.get("text", ""))
        if any(number in text for number in numbers):
            row.payload = _mask_payload(row.payload, [*names, *phones])


def erase_contact(session: Session, contact: Contact, *, now: datetime) -> None:
    """Deletes what identifies the person; open cases keep what an officer needs, anonymised."""
    names = _known_names(session, contact)
    phones = [p for p in (contact.phone,) if p]
    cases = list(session.scalars(select(Case).where(Case.contact_id == contact.id)))
    _mask_notifications(session, cases, names, phones)
    session.execute(delete(Registration).where(Registration.contact_id == contact.id))
    forget_subscription(session, contact_id=contact.id)
    session.execute(
        update(Message)
        .where(Message.contact_id == contact.id)
        .values(body=None, media_ref=None, extra=null())
    )
    session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.contact_id == contact.id, OutboxMessage.status.in_(UNSENT)
        )
    )
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.contact_id == contact.id)
        .values(recipient=f"erased:{contact.id}", payload={"text": ERASED}, last_error=None)
    )
    for case in cases:
        case.story = mask(case.story, [*names, *phones]) or ""
        case.worker_name = None
        case.city = None
        case.anonymised = True
        case.contact_id = None
        for event in case.events:  # officers' replies and notes quote the family too
            event.body = mask(event.body, [*names, *phones])
            if event.actor == "family":
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
    erase_register_entries(session, contact, now=now)
    _ = translator("id")
    for case in cases:
        if case.status != "resolved":
            # the officer is not left writing replies nobody will read
            alert_officers(
                session,
                case,
                _(
                    "The family of case {number} deleted their data: replies can no longer "
                    "reach them."
                ).format(number=case.number),
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


def scrub_erased_recipients(session: Session) -> int:
    """The reply confirming erasure must reach the person's number; once it is delivered, the
    number goes from that row too (the scheduler calls this every round)."""
    erased = select(Contact.id).where(Contact.erased_at.is_not(None))
    result = session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.contact_id.in_(erased),
            OutboxMessage.status.not_in(UNSENT),
            OutboxMessage.recipient.not_like("erased:%"),
        )
        .values(recipient="erased", payload={"text": ERASED}),
        execution_options={"synchronize_session": False},
    )
    return int(getattr(result, "rowcount", 0) or 0)


MOMENT_KEYS = (PENDING_STORY, PENDING_REPLY, PIECES_KEY)
"""Conversation data that holds a message's words for a moment: the last story, kept so that
pressing "Report" carries it (bot/engine.py), and a plea's recent pieces (bot/pieces.py)."""


def prune_message_bodies(session: Session, *, older_than: timedelta, now: datetime) -> int:
    """Keeps the log's shape for statistics but drops bodies past the retention period, the
    delivered outbox rows (replies and officers' notifications) of the same age, and the words
    a conversation idle that long still holds for a moment (`MOMENT_KEYS`)."""
    cutoff = now - older_than
    idle = select(Conversation).where(Conversation.updated_at < cutoff)
    for conversation in session.scalars(idle):
        data = conversation.data or {}
        if any(key in data for key in MOMENT_KEYS):
            conversation.data = {k: v for k, v in data.items() if k not in MOMENT_KEYS}
    result = session.execute(
        update(Message)
        .where(
            Message.created_at < cutoff,
            or_(Message.body.is_not(None), Message.media_ref.is_not(None)),
        )
        .values(body=None, media_ref=None, extra=null())
    )
    session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.created_at < cutoff, OutboxMessage.status.not_in(UNSENT)
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)
