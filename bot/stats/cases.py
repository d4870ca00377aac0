"""Cases and training in the picture: what cases are about, how fast they are answered and
resolved per district, and who signs up for which course."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from sqlalchemy import Float, cast, func, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from bot.cases.queue import STATUSES
from bot.registrations import WITHDRAWN
from bot.stats.area import Area, Period
from bot.stats.table import Table
from bot.store.models import Case, CaseEvent, Registration, TrainingProgramme
from knowledge.villages import VillageDirectory

RESPONSE_COLUMNS = (
    "district_code",
    "district",
    "cases",
    "answered",
    "first_response_median_h",
    "first_response_p90_h",
    "resolved",
    "resolution_median_h",
    "resolution_p90_h",
)


def by_category(session: Session, area: Area, period: Period) -> Table:
    """Cases opened in the period, by main category and present status."""
    query = (
        select(Case.category, Case.status, func.count())
        .where(area.cases(), *period.on_times(Case.created_at))
        .group_by(Case.category, Case.status)
    )
    grid: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    for category, status, n in session.execute(query):
        row = grid[str(category)]
        row[str(status)] = row.get(str(status), 0) + int(n)
    rows: list[dict[str, object]] = [
        {"category": c, **{s: counts.get(s, 0) for s in STATUSES}, "total": sum(counts.values())}
        for c, counts in grid.items()
    ]
    rows.sort(key=lambda r: (-int(r["total"]), str(r["category"])))  # type: ignore[call-overload]
    return Table("cases", ("category", *STATUSES, "total"), rows, (*STATUSES, "total"))


def _seconds(session: Session, end: Any, start: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", end - start)
    return cast((func.julianday(end) - func.julianday(start)) * 86400.0, Float)


def percentile(values: list[float], fraction: float) -> float | None:
    """Linear interpolation between closest ranks, as PostgreSQL's percentile_cont."""
    if not values:
        return None
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(float(seconds) / 3600, 1)


def response_times(
    session: Session, area: Area, period: Period, villages: VillageDirectory
) -> Table:
    """Per district, for cases opened in the period: hours to the first officer reply to the
    family (as in the case export) and to resolution, median and 90th percentile."""
    first_reply = (
        select(CaseEvent.case_id, func.min(CaseEvent.created_at).label("at"))
        .where(CaseEvent.kind == "reply")
        .group_by(CaseEvent.case_id)
        .subquery()
    )
    answer = _seconds(session, first_reply.c.at, Case.created_at)
    resolve = _seconds(session, Case.resolved_at, Case.created_at)
    scoped = [area.cases(), *period.on_times(Case.created_at)]
    base = select(Case.district_code).outerjoin(first_reply, first_reply.c.case_id == Case.id)
    stats: list[Any]
    if session.get_bind().dialect.name == "postgresql":
        # one sort per group and duration for both percentiles (an array of fractions)
        fractions = postgresql.array([0.5, 0.9])
        stats = [
            (code, n, answered, *(first or (None, None)), resolved, *(done or (None, None)))
            for code, n, answered, first, resolved, done in session.execute(
                base.add_columns(
                    func.count(),
                    func.count(first_reply.c.at),
                    func.percentile_cont(fractions).within_group(answer),
                    func.count(Case.resolved_at),
                    func.percentile_cont(fractions).within_group(resolve),
                )
                .where(*scoped)
                .group_by(Case.district_code)
            )
        ]
    else:
        stats = _in_python(session, base.add_columns(answer, resolve).where(*scoped))
    rows: list[dict[str, object]] = []
    for code, cases, answered, a50, a90, resolved, r50, r90 in sorted(stats, key=lambda s: s[0]):
        rows.append(
            {
                "district_code": code,
                "district": villages.district_name(code) or code,
                "cases": int(cases),
                "answered": int(answered),
                "first_response_median_h": _hours(a50),
                "first_response_p90_h": _hours(a90),
                "resolved": int(resolved),
                "resolution_median_h": _hours(r50),
                "resolution_p90_h": _hours(r90),
            }
        )
    return Table(
        "response",
        RESPONSE_COLUMNS,
        rows,
        ("cases", "answered", "resolved"),
        gated={
            "first_response_median_h": "answered",
            "first_response_p90_h": "answered",
            "resolution_median_h": "resolved",
            "resolution_p90_h": "resolved",
        },
    )


def _in_python(session: Session, query: Any) -> list[tuple[Any, ...]]:
    """SQLite has no percentile_cont: the durations (two numbers a case) are gathered here."""
    answers: dict[str, list[float]] = defaultdict(list)
    resolutions: dict[str, list[float]] = defaultdict(list)
    cases: dict[str, int] = defaultdict(int)
    for code, answer, resolve in session.execute(query):
        cases[code] += 1
        if answer is not None:
            answers[code].append(float(answer))
        if resolve is not None:
            resolutions[code].append(float(resolve))
    return [
        (
            code,
            n,
            len(answers[code]),
            percentile(answers[code], 0.5),
            percentile(answers[code], 0.9),
            len(resolutions[code]),
            percentile(resolutions[code], 0.5),
            percentile(resolutions[code], 0.9),
        )
        for code, n in cases.items()
    ]


def training(session: Session, area: Area, period: Period, villages: VillageDirectory) -> Table:
    """Registrations made in the period, by course and the registrant's village. A withdrawn
    one is no registration any more: it is counted apart, so a course does not look fuller
    than it is."""
    query = (
        select(
            Registration.programme_slug,
            TrainingProgramme.title_id,
            Registration.village_code,
            Registration.status,
            func.count(),
        )
        .join(TrainingProgramme, TrainingProgramme.slug == Registration.programme_slug)
        .where(area.where(Registration.village_code), *period.on_times(Registration.created_at))
        .group_by(
            Registration.programme_slug,
            TrainingProgramme.title_id,
            Registration.village_code,
            Registration.status,
        )
    )
    by_place: dict[tuple[str, str, str], dict[str, int]] = {}
    for slug, title, code, status, n in session.execute(query):
        counts = by_place.setdefault((slug, title, code), {"registrations": 0, "withdrawn": 0})
        counts["withdrawn" if status == WITHDRAWN else "registrations"] += int(n)
    rows: list[dict[str, object]] = []
    for (slug, title, code), counts in by_place.items():
        village = villages.get(code)
        rows.append(
            {
                "course_slug": slug,
                "course": title,
                "village_code": code,
                "village": village.name if village else code,
                "district": village.district if village else "",
                **counts,
            }
        )
    rows.sort(key=lambda r: (str(r["course"]), -int(r["registrations"]), str(r["village"])))  # type: ignore[call-overload]
    return Table(
        "training",
        (
            "course_slug",
            "course",
            "village_code",
            "village",
            "district",
            "registrations",
            "withdrawn",
        ),
        rows,
        ("registrations", "withdrawn"),
    )
