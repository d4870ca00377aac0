"""The assistant on the messages families sent it, as officers reviewed them, by district.

A case opened from a message the assistant answered keeps what that first reply gave
(`Case.assistant_reply`); an officer's review says which topics would have helped and whether
someone was in danger (bot/cases/review.py). Together they say how often the families of a
district got the right answer, something that helped, and the danger reply when they needed
it: the same measures as `migran eval`, for what families actually received rather than for
today's engine, and how often a first choice answered as a guess was right (the live check of
bot.triage.GUESS_*). Cases whose family erased their data are left out.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cases.review import REVIEWED, GivenReply, guesses_agreed
from bot.stats.area import Area, Period
from bot.stats.table import Table
from bot.store.models import Case
from knowledge.evaluation import Labelled, tally
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
    "guessed",
    "guessed_right",
)
COLUMNS = ("district_code", "district", *COUNTS)


def on_reviews(session: Session, area: Area, period: Period, villages: VillageDirectory) -> Table:
    """Reviewed messages sent in the period (the case's opening), per district, counted as
    `migran eval` counts them (knowledge.evaluation.tally)."""
    query = select(
        Case.district_code, Case.review_topics, Case.review_danger, Case.assistant_reply
    ).where(
        area.cases(),
        *period.on_times(Case.created_at),
        *REVIEWED,
        Case.assistant_reply.is_not(None),
    )
    by_district: dict[str, list[tuple[Labelled, GivenReply]]] = defaultdict(list)
    for district, topics, danger, reply in session.execute(query):
        if topics is None or not isinstance(reply, dict):
            continue  # not reviewed (a JSON null), or opened before replies were kept
        labelled = Labelled("", tuple(topics), bool(danger))
        by_district[str(district)].append((labelled, GivenReply.of(reply)))
    rows: list[dict[str, object]] = []
    for code, judged in sorted(by_district.items()):
        report = tally(judged)
        guessed, guessed_right = guesses_agreed(judged)
        rows.append(
            {
                "district_code": code,
                "district": villages.district_name(code) or code,
                "reviewed": report.in_scope + report.out_of_scope,
                "in_scope": report.in_scope,
                "answered_right": report.correct,
                "helped": report.helpful,
                "in_danger": report.in_danger,
                "danger_reply": report.urgent_given,
                "false_alarms": report.false_alarms,
                "outside": report.out_of_scope,
                "outside_answered": report.out_of_scope_answered,
                "guessed": guessed,
                "guessed_right": guessed_right,
            }
        )
    return Table("assistant", COLUMNS, rows, COUNTS)
