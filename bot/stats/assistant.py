"""The assistant on the messages families sent it, as officers reviewed them, by district.

A case opened from a message the assistant answered keeps what that first reply gave
(`Case.assistant_reply`); an officer's review says which topics would have helped and whether
someone was in danger (bot/cases/review.py). Together they say how often the families of a
district got the right answer, something that helped, and the danger reply when they needed
it: the same measures as `migran eval`, for what families actually received rather than for
today's engine. Cases whose family erased their data are left out.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.stats.area import Area, Period
from bot.stats.table import Table
from bot.store.models import Case
from knowledge.villages import VillageDirectory

COUNTS = (
    "reviewed",
    "in_scope",
    "answered_right",
    "helped",
    "in_danger",
    "danger_reply",
    "false_alarms",
    "outside",
    "outside_answered",
)
COLUMNS = ("district_code", "district", *COUNTS)


def _tally(row: dict[str, int], topics: set[str], danger: bool, reply: dict[str, Any]) -> None:
    answered = {str(t) for t in reply.get("answered") or ()}
    offered = {str(t) for t in reply.get("offered") or ()}
    urgent = bool(reply.get("urgent"))
    row["reviewed"] += 1
    if danger:
        row["in_danger"] += 1
        row["danger_reply"] += urgent
    else:
        row["false_alarms"] += urgent
    if not topics:
        row["outside"] += 1
        row["outside_answered"] += bool(answered)
        return
    row["in_scope"] += 1
    row["answered_right"] += bool(topics & answered)
    row["helped"] += bool(topics & (answered | offered))


def on_reviews(session: Session, area: Area, period: Period, villages: VillageDirectory) -> Table:
    """Reviewed messages sent in the period (the case's opening), per district."""
    query = select(
        Case.district_code, Case.review_topics, Case.review_danger, Case.assistant_reply
    ).where(
        area.where(Case.village_code, Case.district_code),
        *period.on_times(Case.created_at),
        Case.story_read.is_(True),
        Case.anonymised.is_(False),
        Case.review_danger.is_not(None),
        Case.assistant_reply.is_not(None),
    )
    by_district: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
    for district, topics, danger, reply in session.execute(query):
        if topics is None or not isinstance(reply, dict):
            continue  # not reviewed (a JSON null), or opened before replies were kept
        _tally(by_district[str(district)], {str(t) for t in topics}, bool(danger), reply)
    rows: list[dict[str, object]] = [
        {"district_code": code, "district": villages.district_name(code) or code, **counts}
        for code, counts in sorted(by_district.items())
    ]
    return Table("assistant", COLUMNS, rows, COUNTS)
