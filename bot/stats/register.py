"""The register's picture: departures and returns per month, who is abroad now, who left."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Integer, cast, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot.register.models import RegisterEntry
from bot.stats.area import Area, Period
from bot.stats.table import Table

AGE_BANDS = ("<18", "18-24", "25-34", "35-44", "45+", "unknown")
SEXES = ("f", "m", "unknown")
UNKNOWN = ""


def year_of(session: Session, column: InstrumentedAttribute[Any]) -> ColumnElement[int]:
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.extract("year", column), Integer)
    return cast(func.strftime("%Y", column), Integer)


def _in_area(area: Area) -> ColumnElement[bool]:
    return area.where(RegisterEntry.village_code, RegisterEntry.district_code)


def _monthly(
    session: Session, area: Area, period: Period, column: InstrumentedAttribute[Any]
) -> dict[str, int]:
    """Grouped by day in SQL (a few thousand groups, no function on every row) and folded
    into months here: several times faster than grouping by a formatted month."""
    query = (
        select(column, func.count())
        .where(
            _in_area(area),
            column.is_not(None),
            RegisterEntry.status != "cancelled",
            *period.on_dates(column),
        )
        .group_by(column)
    )
    out: dict[str, int] = {}
    for day, n in session.execute(query):
        month = str(day)[:7]
        out[month] = out.get(month, 0) + int(n)
    return out


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
    session: Session,
    area: Area,
    period: Period,
    table: str,
    key: str,
    group: Any,
    fold: Callable[[object], str] | None = None,
) -> Table:
    """People whose entry says they are abroad now (status departed); the period filters on
    the departure date ("abroad now, among those who left in the period")."""
    query = (
        select(group, func.count())
        .where(
            _in_area(area),
            RegisterEntry.status == "departed",
            *period.on_dates(RegisterEntry.departed_on),
        )
        .group_by(group)
    )
    counts: dict[str, int] = {}
    for value, n in session.execute(query):
        label = (fold or _plain)(value)
        counts[label] = counts.get(label, 0) + int(n)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    rows: list[dict[str, object]] = [{key: value, "people": n} for value, n in ordered]
    return Table(table, (key, "people"), rows, ("people",))


def countries(session: Session, area: Area, period: Period) -> Table:
    return _abroad(session, area, period, "countries", "country", RegisterEntry.country)


def sectors(session: Session, area: Area, period: Period) -> Table:
    return _abroad(session, area, period, "sectors", "sector", RegisterEntry.sector)


def companies(session: Session, area: Area, period: Period) -> Table:
    """Companies as typed, folded to upper case without outer spaces (the register keeps the
    typed name; the licence-list check is the company domain's)."""
    return _abroad(
        session, area, period, "companies", "company", RegisterEntry.company_name, fold=_company
    )


def _company(name: object) -> str:
    return " ".join(str(name or "").split()).upper()


def _plain(value: object) -> str:
    return UNKNOWN if value is None else str(value)


def people(session: Session, area: Area, period: Period) -> Table:
    """Workers who left in the period (departed_on), by age at departure and sex."""
    year = year_of(session, RegisterEntry.departed_on)
    query = (
        select(year, RegisterEntry.birth_year, RegisterEntry.sex, func.count())
        .where(
            _in_area(area),
            RegisterEntry.departed_on.is_not(None),
            RegisterEntry.status != "cancelled",
            *period.on_dates(RegisterEntry.departed_on),
        )
        .group_by(year, RegisterEntry.birth_year, RegisterEntry.sex)
    )
    grid = {b: dict.fromkeys(SEXES, 0) for b in AGE_BANDS}
    for left, born, sex, n in session.execute(query):
        band = age_band(None if born is None else int(left) - int(born))
        grid[band][sex if sex in ("f", "m") else "unknown"] += int(n)
    rows: list[dict[str, object]] = [
        {"age": b, **grid[b], "total": sum(grid[b].values())}
        for b in AGE_BANDS
        if b != "unknown" or any(grid[b].values())
    ]
    if not any(row["total"] for row in rows):
        rows = []
    return Table("people", ("age", *SEXES, "total"), rows, (*SEXES, "total"))


def age_band(age: int | None) -> str:
    if age is None:
        return "unknown"
    for limit, band in ((18, "<18"), (25, "18-24"), (35, "25-34"), (45, "35-44")):
        if age < limit:
            return band
    return "45+"
