"""Who is calling: API tokens for /api/v1, session cookies with CSRF tokens for the dashboard;
login throttling is in bot/officers/login_throttle.py (in the database, shared by workers)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status
from sqlalchemy.orm import Session

from api.deps import ContainerDep, SessionDep
from bot.officers.service import officer_by_token, session_officer
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


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


__all__ = ["ApiOfficer", "LoginRequired", "Session", "WebOfficer", "check_csrf"]
