"""The register's picture: departures and returns per month, who is abroad now, who left."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, case, cast, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot.register.models import RegisterEntry
from bot.stats.area import Area, Period
from bot.stats.table import Table

AGE_BANDS = ("<18", "18-24", "25-34", "35-44", "45+", "unknown")
SEXES = ("f", "m", "unknown")
UNKNOWN = ""


def month_of(session: Session, column: InstrumentedAttribute[Any]) -> ColumnElement[str]:
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def year_of(session: Session, column: InstrumentedAttribute[Any]) -> ColumnElement[int]:
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.extract("year", column), Integer)
    return cast(func.strftime("%Y", column), Integer)


def _in_area(area: Area) -> ColumnElement[bool]:
    return area.where(RegisterEntry.village_code, RegisterEntry.district_code)


def _monthly(
    session: Session, area: Area, period: Period, column: InstrumentedAttribute[Any]
) -> dict[str, int]:
    month = month_of(session, column)
    query = (
        select(month, func.count())
        .where(
            _in_area(area),
            column.is_not(None),
            RegisterEntry.status != "cancelled",
            *period.on_dates(column),
        )
        .group_by(month)
    )
    return {str(m): int(n) for m, n in session.execute(query)}


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def months(session: Session, area: Area, period: Period) -> Table:
    """Departures (departed_on) and returns (returned_on) per calendar month; months without
    either are listed with zeros so a chart's axis has no gaps."""
    left = _monthly(session, area, period, RegisterEntry.departed_on)
    back = _monthly(session, area, period, RegisterEntry.returned_on)
    seen = sorted({*left, *back})
    first = period.start.strftime("%Y-%m") if period.start else (seen[0] if seen else "")
    last = period.end.strftime("%Y-%m") if period.end else (seen[-1] if seen else "")
    rows: list[dict[str, object]] = [
        {"month": m, "departures": left.get(m, 0), "returns": back.get(m, 0)}
        for m in (_months_between(first, last) if first and last else [])
    ]
    return Table("months", ("month", "departures", "returns"), rows, ("departures", "returns"))


def _abroad(
    session: Session, area: Area, period: Period, table: str, key: str, group: Any
) -> Table:
    """People whose entry says they are abroad now (status departed); the period filters on
    the departure date ("abroad now, among those who left in the period")."""
    label = func.coalesce(group, UNKNOWN)
    query = (
        select(label, func.count())
        .where(
            _in_area(area),
            RegisterEntry.status == "departed",
            *period.on_dates(RegisterEntry.departed_on),
        )
        .group_by(label)
        .order_by(func.count().desc(), label)
    )
    rows: list[dict[str, object]] = [
        {key: str(value), "people": int(n)} for value, n in session.execute(query)
    ]
    return Table(table, (key, "people"), rows, ("people",))


def countries(session: Session, area: Area, period: Period) -> Table:
    return _abroad(session, area, period, "countries", "country", RegisterEntry.country)


def sectors(session: Session, area: Area, period: Period) -> Table:
    return _abroad(session, area, period, "sectors", "sector", RegisterEntry.sector)


def companies(session: Session, area: Area, period: Period) -> Table:
    """Companies as typed, folded to upper case without outer spaces (the register keeps the
    typed name; the licence-list check is the company domain's)."""
    name = func.nullif(func.upper(func.trim(RegisterEntry.company_name)), "")
    return _abroad(session, area, period, "companies", "company", name)


def people(session: Session, area: Area, period: Period) -> Table:
    """Workers who left in the period (departed_on), by age at departure and sex."""
    age = year_of(session, RegisterEntry.departed_on) - RegisterEntry.birth_year
    band = case(
        (RegisterEntry.birth_year.is_(None), "unknown"),
        (age < 18, "<18"),
        (age < 25, "18-24"),
        (age < 35, "25-34"),
        (age < 45, "35-44"),
        else_="45+",
    )
    sex = case((RegisterEntry.sex.in_(("f", "m")), RegisterEntry.sex), else_="unknown")
    query = (
        select(band, sex, func.count())
        .where(
            _in_area(area),
            RegisterEntry.departed_on.is_not(None),
            RegisterEntry.status != "cancelled",
            *period.on_dates(RegisterEntry.departed_on),
        )
        .group_by(band, sex)
    )
    grid = {b: dict.fromkeys(SEXES, 0) for b in AGE_BANDS}
    for b, s, n in session.execute(query):
        grid[str(b)][str(s)] += int(n)
    rows: list[dict[str, object]] = [
        {"age": b, **grid[b], "total": sum(grid[b].values())}
        for b in AGE_BANDS
        if b != "unknown" or any(grid[b].values())
    ]
    if not any(row["total"] for row in rows):
        rows = []
    return Table("people", ("age", *SEXES, "total"), rows, (*SEXES, "total"))
