"""The picture's numbers worked out again in plain Python from the rows themselves (no GROUP
BY), a seeded data set with known rows in two villages, and a reader for the pages' tables."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from html.parser import HTMLParser

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.register.models import RegisterEntry
from bot.registrations import REGISTERED
from bot.stats import demo
from bot.store.db import transaction
from bot.store.models import Case, Registration
from migran.services import Services
from tests.officers_support import ANJANI, SAKRA

WITA = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class Window:
    """Who and when, as the test sees it: village codes (None: province) or a district."""

    villages: tuple[str, ...] | None = None
    district: str | None = None
    start: date | None = None
    end: date | None = None

    def place(self, village_code: str) -> bool:
        if self.district is not None:
            return village_code.startswith(self.district + ".")
        return self.villages is None or village_code in self.villages

    def day(self, when: date | None) -> bool:
        if when is None:
            return False
        return (self.start is None or when >= self.start) and (self.end is None or when <= self.end)

    def moment(self, when: datetime) -> bool:
        return self.day(when.astimezone(WITA).date())


def seed(services: Services, today: date) -> None:
    """The demo data set (small) plus known entries: Anjani has three workers in Taiwan and
    two returns, Sakra eight in South Korea."""
    with transaction(services.factory) as session:
        demo.seed(session, services.engine.villages, today=today, entries=400, cases=150,
                  registrations=120, villages=25)  # fmt: skip
        for i in range(3):
            session.add(_entry(f"DEMO-TA{i}", ANJANI, "taiwan", today - timedelta(days=40 + i)))
        for i in range(2):
            entry = _entry(f"DEMO-TB{i}", ANJANI, "taiwan", today - timedelta(days=400))
            entry.status, entry.returned_on = "returned", today - timedelta(days=30)
            session.add(entry)
        for i in range(8):
            session.add(_entry(f"DEMO-SK{i}", SAKRA, "korea", today - timedelta(days=50 + i)))


def _entry(code: str, village: str, country: str, left: date) -> RegisterEntry:
    return RegisterEntry(
        code=code,
        worker_name=f"Contoh {code} (demo)",
        village_code=village,
        district_code=village[:5],
        sex="f",
        birth_year=left.year - 30,
        country=country,
        sector="care",
        company_name="PT Contoh Uji (demo)",
        departed_on=left,
        status="departed",
        source="demo",
    )


def entries(session: Session, window: Window) -> list[RegisterEntry]:
    return [e for e in session.scalars(select(RegisterEntry)) if window.place(e.village_code)]


def abroad_by(session: Session, window: Window, field: str) -> Counter[str]:
    return Counter(
        str(getattr(e, field) or "")
        for e in entries(session, window)
        if e.status == "departed" and window.day(e.departed_on)
    )


def months(session: Session, window: Window) -> tuple[Counter[str], Counter[str]]:
    left: Counter[str] = Counter()
    back: Counter[str] = Counter()
    for e in entries(session, window):
        if e.status == "cancelled":
            continue
        if window.day(e.departed_on):
            left[e.departed_on.strftime("%Y-%m")] += 1  # type: ignore[union-attr]
        if window.day(e.returned_on):
            back[e.returned_on.strftime("%Y-%m")] += 1  # type: ignore[union-attr]
    return left, back


def cases(session: Session, window: Window) -> list[Case]:
    query = select(Case).options(selectinload(Case.events))
    return [
        c
        for c in session.scalars(query)
        if window.place(c.village_code) and window.moment(c.created_at)
    ]


def cases_by(session: Session, window: Window) -> Counter[tuple[str, str]]:
    return Counter((c.category, c.status) for c in cases(session, window))


def hours(values: list[float]) -> tuple[float | None, float | None]:
    """Median and 90th percentile (inclusive interpolation) in hours."""
    if not values:
        return None, None
    if len(values) == 1:
        return values[0] / 3600, values[0] / 3600
    deciles = statistics.quantiles(values, n=10, method="inclusive")
    return statistics.median(values) / 3600, deciles[8] / 3600


def response(session: Session, window: Window) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    by_district: dict[str, list[Case]] = {}
    for c in cases(session, window):
        by_district.setdefault(c.district_code, []).append(c)
    for district, group in by_district.items():
        answers = []
        for c in group:
            replies = [e.created_at for e in c.events if e.kind == "reply"]
            if replies:
                answers.append((min(replies) - c.created_at).total_seconds())
        resolutions = [
            (c.resolved_at - c.created_at).total_seconds() for c in group if c.resolved_at
        ]
        out[district] = {
            "cases": len(group),
            "answered": len(answers),
            "resolved": len(resolutions),
            "first": hours(answers),
            "resolution": hours(resolutions),
        }
    return out


def training(session: Session, window: Window) -> Counter[tuple[str, str]]:
    """Registrations standing, per course and village: a withdrawn one is not one."""
    return Counter(
        (r.programme_slug, r.village_code)
        for r in session.scalars(select(Registration))
        if r.status == REGISTERED and window.place(r.village_code) and window.moment(r.created_at)
    )


def published(n: int) -> int | None:
    """The API's rule restated: 1-4 withheld, the rest to the nearest five."""
    if 1 <= n <= 4:
        return None
    return 5 * round(n / 5)  # n / 5 never ends in .5 for a whole n


class TableReader(HTMLParser):
    """Every <table data-table=...> of a page: {key: (rows, total)} with cells by data-col."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, tuple[list[dict[str, str]], dict[str, str]]] = {}
        self._table = ""
        self._row: dict[str, str] | None = None
        self._col = ""
        self._in_foot = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table" and found.get("data-table"):
            self._table = str(found["data-table"])
            self.tables[self._table] = ([], {})
        elif tag == "tfoot":
            self._in_foot = True
        elif tag == "tr" and self._table:
            self._row = {}
        elif tag == "td" and self._row is not None:
            self._col = str(found.get("data-col"))
            self._row[self._col] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._col = ""
        elif tag == "tr" and self._row is not None and self._table:
            rows, total = self.tables[self._table]
            if self._in_foot:
                total.update(self._row)
            elif self._row:
                rows.append(self._row)
            self._row = None
        elif tag == "tfoot":
            self._in_foot = False
        elif tag == "table":
            self._table = ""

    def handle_data(self, data: str) -> None:
        if self._row is not None and self._col:
            self._row[self._col] += data.strip()


def read_tables(page: str) -> dict[str, tuple[list[dict[str, str]], dict[str, str]]]:
    reader = TableReader()
    reader.feed(page)
    return reader.tables


def today_of(services: Services) -> date:
    return services.dispatcher.clock().astimezone(UTC).date()
