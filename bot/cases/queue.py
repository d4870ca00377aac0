"""The officer's queue: cases of their area, filtered, urgent first, oldest first."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import case as sql_case
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.officers.scope import scope
from bot.store.models import Case, Officer

VIEWS = ("new", "mine", "all")
STATUSES = ("new", "claimed", "resolved")


def list_cases(
    session: Session,
    officer: Officer,
    *,
    view: str = "all",
    status: str | None = None,
    category: str | None = None,
    village: str | None = None,
    limit: int = 200,
) -> Sequence[Case]:
    query = scope(select(Case), officer)
    if view == "new":
        query = query.where(Case.status == "new")
    elif view == "mine":
        query = query.where(Case.officer_id == officer.id, Case.status != "resolved")
    if status in STATUSES:
        query = query.where(Case.status == status)
    if category:
        query = query.where(Case.category == category)
    if village:
        query = query.where(Case.village_code == village)
    open_first = sql_case((Case.status == "resolved", 1), else_=0)
    urgent_first = sql_case((Case.urgent.is_(True), 0), else_=1)
    query = query.order_by(open_first, urgent_first, Case.created_at).limit(limit)
    return session.scalars(query).all()
