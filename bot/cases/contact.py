"""How officers can reach the family who reported a case, and only with their consent."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.store.models import Case, Contact


def reachable_at(session: Session, case: Case) -> str:
    """'WhatsApp +62…', 'Telegram @handle' or 'Telegram ID …'; '' when not shared or erased."""
    if not case.share_consent or case.contact_id is None:
        return ""
    contact = session.get(Contact, case.contact_id)
    if contact is None or contact.erased_at is not None:
        return ""
    user = contact.channel_user_id
    if contact.channel == "whatsapp":
        number = contact.phone or (f"+{user}" if user.isascii() and user.isdigit() else "")
        return f"WhatsApp {number}" if number else "WhatsApp"
    if contact.channel == "telegram":
        handle = contact.display_name or ""
        return f"Telegram {handle}" if handle.startswith("@") else f"Telegram ID {user}"
    return ""


def consent_date(session: Session, case: Case) -> str:
    """When the family agreed to share their details (the consent step), as YYYY-MM-DD."""
    contact = session.get(Contact, case.contact_id) if case.contact_id else None
    if contact is None or contact.consent_at is None or not case.share_consent:
        return ""
    return contact.consent_at.strftime("%Y-%m-%d")
