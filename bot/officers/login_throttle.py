"""Who may try a password now: throttling by address and by account, kept in the database so
every worker sees the same counts.

A stranger must not be able to lock a real officer out, so failures lock only the pair
(account, address) that made them. Many failures on one account from many addresses slow
strangers down (one try per `SLOW_EVERY` for addresses that never logged in to it) but an
address the officer logged in from before keeps working. One address failing on many accounts
is refused for a while (password spraying).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from enum import Enum

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session

from bot.store.models import LoginAttempt

WINDOW = timedelta(minutes=15)
PAIR_LIMIT = 10
"""Failures of one account from one address in WINDOW before that pair is locked."""
ADDRESS_LIMIT = 30
"""Failures from one address over all accounts in WINDOW before the address is refused."""
ACCOUNT_SLOW_AFTER = 10
"""Failures of one account from anywhere in WINDOW before strangers are slowed down."""
SLOW_EVERY = timedelta(seconds=30)
KNOWN_GOOD_FOR = timedelta(days=30)


class Verdict(Enum):
    ALLOWED = "allowed"
    LOCKED = "locked"
    SLOWED = "slowed"


def address_key(address: str | None) -> str:
    return hashlib.sha256((address or "unknown").encode()).hexdigest()


def _failures(session: Session, since: datetime, **where: str) -> int:
    query = (
        select(func.count())
        .select_from(LoginAttempt)
        .where(LoginAttempt.ok.is_(False), LoginAttempt.at >= since)
    )
    for column, value in where.items():
        query = query.where(getattr(LoginAttempt, column) == value)
    return int(session.scalar(query) or 0)


def verdict(session: Session, *, username: str, address: str | None, now: datetime) -> Verdict:
    key = address_key(address)
    since = now - WINDOW
    if _failures(session, since, username=username, address_hash=key) >= PAIR_LIMIT:
        return Verdict.LOCKED
    if _failures(session, since, address_hash=key) >= ADDRESS_LIMIT:
        return Verdict.LOCKED
    if _failures(session, since, username=username) < ACCOUNT_SLOW_AFTER:
        return Verdict.ALLOWED
    known = session.scalar(
        select(LoginAttempt.id).where(
            LoginAttempt.username == username,
            LoginAttempt.address_hash == key,
            LoginAttempt.ok.is_(True),
            LoginAttempt.at >= now - KNOWN_GOOD_FOR,
        )
    )
    if known:
        return Verdict.ALLOWED
    recent = _failures(session, now - SLOW_EVERY, username=username)
    return Verdict.SLOWED if recent else Verdict.ALLOWED


def record(
    session: Session, *, username: str, address: str | None, ok: bool, now: datetime
) -> None:
    session.add(
        LoginAttempt(username=username[:64], address_hash=address_key(address), ok=ok, at=now)
    )


def forget_failures(session: Session, username: str) -> None:
    """A password reset by an admin lifts every lock on the account."""
    session.execute(
        delete(LoginAttempt).where(LoginAttempt.username == username, LoginAttempt.ok.is_(False))
    )


def prune_attempts(session: Session, *, now: datetime) -> None:
    """Failures matter for WINDOW, successes for KNOWN_GOOD_FOR; the audit trail keeps history."""
    session.execute(
        delete(LoginAttempt).where(
            or_(
                LoginAttempt.at < now - KNOWN_GOOD_FOR,
                and_(LoginAttempt.ok.is_(False), LoginAttempt.at < now - WINDOW),
            )
        )
    )
