"""/api/v1: the officer queue as JSON, Bearer-token protected and scoped to the caller's area."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, status

from api.auth import ApiOfficer
from api.deps import ContainerDep, SessionDep, case_or_404
from api.schemas import (
    ActionOut,
    CaseDetailOut,
    CaseOut,
    ReplyIn,
    ResolveIn,
    ReviewIn,
    case_detail,
    case_out,
)
from bot.cases import service as handoff
from bot.cases.queue import list_cases
from bot.cases.review import review
from bot.store.models import Case

router = APIRouter(prefix="/api/v1", tags=["cases"])
CaseId = Annotated[int, Path(ge=1, le=2**31 - 1, description="case id")]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such case in your area"}}


def _act(session: SessionDep, case: Case, action: Callable[[], object]) -> ActionOut:
    try:
        action()
    except handoff.CaseError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, str(error)) from error
    session.flush()
    return ActionOut(ok=True, case=case_out(case))


@router.get("/cases", response_model=list[CaseOut])
def get_cases(
    officer: ApiOfficer,
    session: SessionDep,
    view: Annotated[str, Query(pattern="^(new|mine|all)$")] = "all",
    status_filter: Annotated[
        str | None, Query(alias="status", pattern="^(new|claimed|resolved)$")
    ] = None,
    category: Annotated[str | None, Query(max_length=32)] = None,
    village: Annotated[str | None, Query(max_length=16)] = None,
) -> list[CaseOut]:
    cases = list_cases(
        session, officer, view=view, status=status_filter, category=category, village=village
    )
    return [case_out(c) for c in cases]


@router.get("/cases/{case_id}", response_model=CaseDetailOut, responses=NOT_FOUND)
def get_case(case_id: CaseId, officer: ApiOfficer, session: SessionDep) -> CaseDetailOut:
    return case_detail(case_or_404(session, officer, case_id))


@router.post("/cases/{case_id}/claim", response_model=ActionOut, responses=NOT_FOUND)
def post_claim(case_id: CaseId, officer: ApiOfficer, session: SessionDep) -> ActionOut:
    case = case_or_404(session, officer, case_id)
    return _act(session, case, lambda: handoff.claim(session, case=case, officer=officer))


@router.post("/cases/{case_id}/replies", response_model=ActionOut, responses=NOT_FOUND)
def post_reply(
    case_id: CaseId, body: ReplyIn, officer: ApiOfficer, session: SessionDep
) -> ActionOut:
    case = case_or_404(session, officer, case_id)
    return _act(
        session, case, lambda: handoff.reply(session, case=case, officer=officer, text=body.text)
    )


@router.post("/cases/{case_id}/resolve", response_model=ActionOut, responses=NOT_FOUND)
def post_resolve(
    case_id: CaseId, body: ResolveIn, officer: ApiOfficer, session: SessionDep
) -> ActionOut:
    case = case_or_404(session, officer, case_id)
    return _act(
        session,
        case,
        lambda: handoff.resolve(session, case=case, officer=officer, outcome=body.note),
    )


@router.post("/cases/{case_id}/review", response_model=ActionOut, responses=NOT_FOUND)
def post_review(
    case_id: CaseId,
    body: ReviewIn,
    officer: ApiOfficer,
    session: SessionDep,
    container: ContainerDep,
) -> ActionOut:
    """Which topics would have helped with the message the case opened from, and whether
    someone was in danger then (409 when the case did not open from a message the assistant
    answered, or a topic is unknown)."""
    case = case_or_404(session, officer, case_id)
    return _act(
        session,
        case,
        lambda: review(
            session,
            case=case,
            officer=officer,
            topics=body.topics,
            danger=body.danger,
            known=container.librarian.topics,
        ),
    )
