"""Officers, their areas and their credentials: accounts, passwords, API tokens, dashboard
sessions and sign-in."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.officers import login_throttle
from bot.officers.audit import audit
from bot.store.models import Officer, OfficerSession, OfficerVillage
from knowledge.normalize import fold
from knowledge.villages import VillageDirectory

ROLES = ("officer", "supervisor", "admin")

SESSION_FOR = timedelta(hours=12)

MIN_PASSWORD = 10

HASHER = PasswordHasher()

VILLAGE_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")

DISTRICT_CODE = re.compile(r"^\d{2}\.\d{2}$")


class OfficerError(ValueError):
    """A request about officers that cannot be done, with a message that says why."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class NewOfficer:
    officer: Officer
    password: str
    api_token: str


def resolve_villages(villages: VillageDirectory, names: list[str]) -> list[str]:
    """Codes for typed names or codes; a name matching several villages is an error."""
    codes = []
    for raw in names:
        text = raw.strip()
        if VILLAGE_CODE.match(text):
            if villages.get(text) is None:
                raise OfficerError(f"unknown village code {text}")
            codes.append(text)
            continue
        wanted = fold(text)
        found = [v for v in villages.villages if fold(v.name) == wanted]
        if not found:
            suggestions = ", ".join(
                f"{m.village.label} ({m.village.code})" for m in villages.search(text, limit=3)
            )
            raise OfficerError(
                f"no village named {text!r}"
                + (f"; did you mean {suggestions}?" if suggestions else "")
            )
        if len(found) > 1:
            listing = "; ".join(f"{v.label}: {v.code}" for v in found)
            raise OfficerError(f"{text!r} matches {len(found)} villages, give the code: {listing}")
        codes.append(found[0].code)
    return codes


def resolve_district(villages: VillageDirectory, text: str) -> str:
    text = text.strip()
    if DISTRICT_CODE.match(text):
        if text not in villages.districts:
            raise OfficerError(f"unknown district code {text}")
        return text
    wanted = fold(text)
    found = [
        code
        for code, name in villages.districts.items()
        if wanted in (fold(name), fold(name.removeprefix("Kabupaten ")))
    ]
    if len(found) != 1:
        listing = "; ".join(f"{name}: {code}" for code, name in villages.districts.items())
        raise OfficerError(f"district {text!r} not found or ambiguous; one of: {listing}")
    return found[0]


def _username(session: Session, name: str) -> str:
    base = ".".join(fold(name).split())[:40] or "officer"
    candidate, n = base, 1
    while session.scalar(select(Officer.id).where(Officer.username == candidate)):
        n += 1
        candidate = f"{base}{n}"
    return candidate


def create_officer(
    session: Session,
    *,
    name: str,
    role: str,
    village_codes: list[str] | None = None,
    district_code: str | None = None,
    telegram_chat_id: str | None = None,
) -> NewOfficer:
    if role not in ROLES:
        raise OfficerError(f"role must be one of {', '.join(ROLES)}")
    if role == "officer" and not village_codes:
        raise OfficerError("a village officer needs at least one --village")
    if role == "supervisor" and not district_code:
        raise OfficerError("a district supervisor needs --district")
    if not name.strip():
        raise OfficerError("--name is required")
    password = secrets.token_urlsafe(12)
    api_token = secrets.token_urlsafe(32)
    officer = Officer(
        name=name.strip()[:200],
        username=_username(session, name),
        password_hash=HASHER.hash(password),
        api_token_hash=token_hash(api_token),
        role=role,
        district_code=district_code or (village_codes[0][:5] if village_codes else None),
        telegram_chat_id=telegram_chat_id,
    )
    officer.villages = [OfficerVillage(village_code=c) for c in dict.fromkeys(village_codes or [])]
    session.add(officer)
    session.flush()
    return NewOfficer(officer, password, api_token)


class LoginThrottled(OfficerError):
    """Too many failed attempts from this address (or on this account from strangers)."""


DUMMY_HASH = HASHER.hash("not a password of anyone")


def _password_matches(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(
    session: Session, *, username: str, password: str, now: datetime, address: str | None = None
) -> Officer | None:
    """Checks a password, throttled by address and account (`login_throttle`). Unknown, disabled
    and throttled names cost one argon2 verification like a real check, so response times do
    not tell whether a username exists. Every attempt goes to the audit trail."""
    username = username.strip()[:64]
    officer = officer_by_username(session, username)
    state = login_throttle.verdict(session, username=username, address=address, now=now)
    if state is not login_throttle.Verdict.ALLOWED:
        _password_matches(DUMMY_HASH, password)
        audit(session, "login_refused", officer=officer, now=now, address=address)
        raise LoginThrottled(state.value)
    usable = officer is not None and officer.active
    matches = _password_matches(officer.password_hash if usable else DUMMY_HASH, password)  # type: ignore[union-attr]
    # a name that matches no officer may be a password typed in the wrong field: not kept
    kept_name = officer.username if officer is not None else "?"
    login_throttle.record(
        session, username=kept_name, address=address, ok=usable and matches, now=now
    )
    if officer is None or not usable or not matches:
        event = "login_refused" if officer is not None and not officer.active else "login_failed"
        audit(session, event, officer=officer, now=now, address=address)
        return None
    audit(session, "login", officer=officer, now=now, address=address)
    return officer


class PasswordRefused(OfficerError):
    """Why a new password was not set: "wrong" (current password), "short", "same", "mismatch"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def end_sessions(session: Session, officer: Officer, *, keep: str = "") -> None:
    """Logs the officer out everywhere, except the dashboard session whose cookie is `keep`."""
    session.execute(
        delete(OfficerSession).where(
            OfficerSession.officer_id == officer.id,
            OfficerSession.token_hash != token_hash(keep),
        )
    )


def officer_by_username(session: Session, username: str) -> Officer | None:
    return session.scalars(select(Officer).where(Officer.username == username)).first()


def change_password(
    session: Session,
    officer: Officer,
    *,
    current: str,
    new: str,
    repeated: str,
    now: datetime,
    keep_session: str = "",
    address: str | None = None,
) -> None:
    """Sets a new password after checking the current one; every other dashboard session of
    this officer ends, so a password that leaked stops working everywhere at once."""
    try:
        HASHER.verify(officer.password_hash, current)
    except (VerificationError, InvalidHashError):
        raise PasswordRefused("wrong") from None
    if new != repeated:
        raise PasswordRefused("mismatch")
    if len(new) < MIN_PASSWORD:
        raise PasswordRefused("short")
    if new == current:
        raise PasswordRefused("same")
    officer.password_hash = HASHER.hash(new)
    end_sessions(session, officer, keep=keep_session)
    rotate_api_token(session, officer, now=now, address=address)
    audit(session, "password_changed", officer=officer, now=now, address=address)


def reset_password(session: Session, officer: Officer, *, now: datetime) -> tuple[str, str]:
    """A new random password and API token for an officer who forgot theirs (an admin's job,
    from the CLI): the lockout is lifted and every dashboard session of theirs ends."""
    password = secrets.token_urlsafe(12)
    officer.password_hash = HASHER.hash(password)
    login_throttle.forget_failures(session, officer.username)
    end_sessions(session, officer)
    token = rotate_api_token(session, officer, now=now)
    audit(session, "password_reset", officer=officer, now=now)
    return password, token


def rotate_api_token(
    session: Session, officer: Officer, *, now: datetime, address: str | None = None
) -> str:
    """A new API token; the old one stops working at once. Done on every password change and
    reset (whoever had the password may have read the token) and on the officer's request."""
    token = secrets.token_urlsafe(32)
    officer.api_token_hash = token_hash(token)
    audit(session, "token_rotated", officer=officer, now=now, address=address)
    return token


def officer_by_token(session: Session, token: str) -> Officer | None:
    if not token:
        return None
    officer = session.scalars(
        select(Officer).where(Officer.api_token_hash == token_hash(token))
    ).first()
    return officer if officer is not None and officer.active else None


def officer_by_telegram(session: Session, chat_id: str) -> Officer | None:
    return session.scalars(
        select(Officer).where(Officer.telegram_chat_id == chat_id, Officer.active.is_(True))
    ).first()


def open_session(session: Session, officer: Officer, *, now: datetime) -> tuple[str, str]:
    """A new dashboard session: (cookie token, CSRF token)."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(24)
    session.add(
        OfficerSession(
            token_hash=token_hash(token),
            officer_id=officer.id,
            csrf_token=csrf,
            created_at=now,
            expires_at=now + SESSION_FOR,
        )
    )
    return token, csrf


def session_officer(session: Session, token: str, *, now: datetime) -> tuple[Officer, str] | None:
    if not token:
        return None
    row = session.get(OfficerSession, token_hash(token))
    if row is None or row.expires_at <= now:
        return None
    officer = session.get(Officer, row.officer_id)
    if officer is None or not officer.active:
        return None
    return officer, row.csrf_token


def close_session(session: Session, token: str) -> None:
    row = session.get(OfficerSession, token_hash(token))
    if row is not None:
        session.delete(row)
