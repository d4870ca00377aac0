"""Whose numbers and which dates: an officer's area and a period, as SQL conditions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, false, true
from sqlalchemy.orm import InstrumentedAttribute

from bot.ntb_time import WITA
from bot.store.models import Case, Officer


class PeriodError(ValueError):
    """A period that cannot be read, with a message that says why."""


@dataclass(frozen=True)
class Area:
    """The province, one district, or an officer's villages."""

    level: str
    district_code: str | None = None
    village_codes: tuple[str, ...] = ()

    @classmethod
    def of(cls, officer: Officer) -> Area:
        """The same area the case queue shows the officer (bot/officers/scope.py `scope`)."""
        if officer.role == "admin":
            return cls("province")
        if officer.role == "supervisor":
            return cls("district", district_code=officer.district_code or "-")
        return cls("village", village_codes=tuple(sorted(officer.village_codes)))

    def where(
        self,
        village: InstrumentedAttribute[Any],
        district: InstrumentedAttribute[Any] | None = None,
    ) -> ColumnElement[bool]:
        if self.level == "province":
            return true()
        if self.level == "district":
            if district is not None:
                return district == self.district_code
            return village.startswith(f"{self.district_code}.")
        if not self.village_codes:
            return false()
        return village.in_(self.village_codes)

    def cases(self) -> ColumnElement[bool]:
        """The area's cases as its queue shows them: a village's officers do not count the
        reports kept from the village (`Case.village_hidden`; an officer-side tester, stop
        48, read their kinds and days off the village's statistics)."""
        within = self.where(Case.village_code, Case.district_code)
        if self.level == "village":
            return and_(within, Case.village_hidden.is_(False))
        return within


@dataclass(frozen=True)
class Period:
    """Inclusive calendar dates; either end may be open."""

    start: date | None = None
    end: date | None = None

    @classmethod
    def parse(cls, start: str | None, end: str | None) -> Period:
        period = cls(_date(start, "from"), _date(end, "to"))
        if period.start and period.end and period.start > period.end:
            raise PeriodError("'from' is after 'to'")
        return period

    def on_dates(self, column: InstrumentedAttribute[Any]) -> list[ColumnElement[bool]]:
        conditions = []
        if self.start:
            conditions.append(column >= self.start)
        if self.end:
            conditions.append(column <= self.end)
        return conditions

    def on_times(self, column: InstrumentedAttribute[Any]) -> list[ColumnElement[bool]]:
        conditions = []
        if self.start:
            conditions.append(column >= datetime.combine(self.start, time(0), WITA))
        if self.end:
            conditions.append(
                column < datetime.combine(self.end + timedelta(days=1), time(0), WITA)
            )
        return conditions


def _date(text: str | None, name: str) -> date | None:
    if not text or not text.strip():
        return None
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise PeriodError(f"'{name}' must be a date like 2026-01-31") from None
    if not 2000 <= value.year <= 2100:
        raise PeriodError(f"'{name}' must be between 2000 and 2100")
    return value


def last_months(today: date, months: int = 12) -> Period:
    """The dashboard's default: this month and the eleven before it."""
    year, month = today.year, today.month - (months - 1)
    while month < 1:
        year, month = year - 1, month + 12
    return Period(date(year, month, 1), today)
