"""Request dependencies as `Annotated` aliases, so routes say what they need in their signature."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy.orm import Session

from api.container import Container
from bot.officers.scope import visible_case
from bot.store.models import Case, Officer


async def get_container(request: Request) -> Container:
    """Async although it only reads an attribute: FastAPI runs a plain `def` dependency in the
    thread pool, a thread hop on every webhook (4% of the server's CPU under load)."""
    container: Container = request.app.state.container
    return container


def get_session(container: Annotated[Container, Depends(get_container)]) -> Iterator[Session]:
    with container.factory() as session, session.begin():
        yield session


def case_or_404(session: Session, officer: Officer, case_id: int) -> Case:
    """The case when it is in the officer's area; 404 otherwise (never 403: no hint it exists)."""
    case = visible_case(session, officer, case_id)
    if case is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "case not found")
    return case


ContainerDep = Annotated[Container, Depends(get_container)]
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
"""Committed when the route returns, *before* the response leaves: a browser following the
redirect after a login or an action must find the new row (found by the browser test)."""
