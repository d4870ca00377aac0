"""Request dependencies as `Annotated` aliases, so routes say what they need in their signature."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from api.container import Container


def get_container(request: Request) -> Container:
    container: Container = request.app.state.container
    return container


def get_session(container: Annotated[Container, Depends(get_container)]) -> Iterator[Session]:
    with container.factory() as session, session.begin():
        yield session


ContainerDep = Annotated[Container, Depends(get_container)]
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
"""Committed when the route returns, *before* the response leaves: a browser following the
redirect after a login or an action must find the new row (found by the browser test)."""
