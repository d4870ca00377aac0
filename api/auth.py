"""Who is calling: API tokens for /api/v1, session cookies with CSRF tokens for the dashboard,
and a per-address limit on login attempts."""

from __future__ import annotations

import hmac
import threading
import time
from collections import defaultdict, deque
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status
from sqlalchemy.orm import Session

from api.deps import ContainerDep, SessionDep
from bot.officers import officer_by_token, session_officer
from bot.store.models import Officer

SESSION_COOKIE = "migran_officer"


def api_officer(
    session: SessionDep, authorization: Annotated[str | None, Header()] = None
) -> Officer:
    token = ""
    if authorization and authorization.lower().startswith("bearer "):
        token = authorization[7:].strip()
    officer = officer_by_token(session, token)
    if officer is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "a valid Bearer token is required",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return officer


ApiOfficer = Annotated[Officer, Depends(api_officer)]


class LoginRequired(Exception):
    """Raised by dashboard dependencies; the app turns it into a redirect to the login page."""


def web_officer(
    request: Request, session: SessionDep, container: ContainerDep
) -> tuple[Officer, str]:
    found = session_officer(
        session, request.cookies.get(SESSION_COOKIE, ""), now=container.dispatcher.clock()
    )
    if found is None:
        raise LoginRequired()
    return found


WebOfficer = Annotated[tuple[Officer, str], Depends(web_officer)]


def check_csrf(expected: str, given: str) -> None:
    if not given or not hmac.compare_digest(expected, given):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "invalid form token; reload the page")


class LoginLimiter:
    """At most `attempts` failed logins per address in `window` seconds."""

    def __init__(self, attempts: int = 10, window: float = 300.0) -> None:
        self.attempts = attempts
        self.window = window
        self.failures: dict[str, deque[float]] = defaultdict(deque)
        self.lock = threading.Lock()

    def _trim(self, key: str, now: float) -> deque[float]:
        recent = self.failures[key]
        while recent and now - recent[0] > self.window:
            recent.popleft()
        return recent

    def allowed(self, key: str) -> bool:
        with self.lock:
            return len(self._trim(key, time.monotonic())) < self.attempts

    def failed(self, key: str) -> None:
        with self.lock:
            self._trim(key, time.monotonic()).append(time.monotonic())


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


__all__ = ["ApiOfficer", "LoginLimiter", "LoginRequired", "Session", "WebOfficer", "check_csrf"]
