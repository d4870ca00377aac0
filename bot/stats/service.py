"""What the dashboard and the API ask for: a table by name, or the tables of one page."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from bot.stats import assistant, cases, register
from bot.stats.area import Area, Period
from bot.stats.table import Table
from knowledge.villages import VillageDirectory

Query = Callable[[Session, Area, Period, VillageDirectory], Table]

TABLES: dict[str, Query] = {
    "months": lambda s, a, p, v: register.months(s, a, p),
    "people": lambda s, a, p, v: register.people(s, a, p),
    "countries": lambda s, a, p, v: register.countries(s, a, p),
    "sectors": lambda s, a, p, v: register.sectors(s, a, p),
    "companies": lambda s, a, p, v: register.companies(s, a, p),
    "cases": lambda s, a, p, v: cases.by_category(s, a, p),
    "response": cases.response_times,
    "training": cases.training,
    "assistant": assistant.on_reviews,
}
VIEWS: dict[str, tuple[str, ...]] = {
    "migration": ("months", "people"),
    "abroad": ("countries", "sectors", "companies"),
    "cases": ("cases", "response", "assistant"),
    "training": ("training",),
}
"""The dashboard's pages ("Gambaran"), each a few tables; the first is the overview."""


def table(
    session: Session, key: str, area: Area, period: Period, villages: VillageDirectory
) -> Table:
    return TABLES[key](session, area, period, villages)


def view(
    session: Session, name: str, area: Area, period: Period, villages: VillageDirectory
) -> list[Table]:
    return [table(session, key, area, period, villages) for key in VIEWS[name]]


def every_table(
    session: Session, area: Area, period: Period, villages: VillageDirectory
) -> list[Table]:
    return [table(session, key, area, period, villages) for key in TABLES]
