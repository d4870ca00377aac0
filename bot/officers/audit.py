"""The officers' audit trail: sign-ins, refusals and changes, with a masked address, kept a year."""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.store.models import Officer, OfficerAudit

AUDIT_KEPT_FOR = timedelta(days=365)
"""A year of sign-ins is enough to trace a leaked password; older rows are deleted."""


def mask_address(address: str | None) -> str | None:
    """Enough of a client address to see a pattern (same network, many tries), not a person:
    the last IPv4 byte and all but the first three IPv6 groups are dropped."""
    if not address:
        return None
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if ip.version == 4:
        return ".".join(str(ip).split(".")[:3]) + ".x"
    return ":".join(ip.exploded.split(":")[:3]) + "::x"


def audit(
    session: Session,
    event: str,
    *,
    officer: Officer | None,
    now: datetime,
    address: str | None = None,
) -> None:
    session.add(
        OfficerAudit(
            officer_id=officer.id if officer is not None else None,
            username=officer.username if officer is not None else "?",
            event=event,
            address=mask_address(address),
            at=now,
        )
    )


def prune_audit(session: Session, *, now: datetime) -> int:
    result = session.execute(delete(OfficerAudit).where(OfficerAudit.at < now - AUDIT_KEPT_FOR))
    return int(getattr(result, "rowcount", 0) or 0)
