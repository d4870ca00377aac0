"""bot/stats on its own: the publication rule, the demo data set and when it is refused."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from bot.register.models import RegisterEntry
from bot.registrations import REGISTERED, WITHDRAWN
from bot.stats import demo
from bot.stats.area import Area, Period, PeriodError, last_months
from bot.stats.cases import percentile, training
from bot.stats.disclosure import publish, published
from bot.stats.table import Table
from bot.store.db import transaction
from bot.store.models import Case, Contact, Registration
from migran.services import Services

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("count", "shown"),
    [(0, 0), (1, None), (4, None), (5, 5), (7, 5), (8, 10), (12, 10), (13, 15), (1003, 1005)],
)
def test_small_counts_are_withheld_and_the_rest_rounded_to_five(
    count: int, shown: int | None
) -> None:
    assert published(count) == shown


def test_a_statistic_is_withheld_with_the_count_it_comes_from() -> None:
    table = Table(
        "response",
        ("district", "answered", "median"),
        [
            {"district": "a", "answered": 3, "median": 2.5},
            {"district": "b", "answered": 9, "median": 4.0},
        ],
        ("answered",),
        gated={"median": "answered"},
    )
    assert publish(table).rows == [
        {"district": "a", "answered": None, "median": None},
        {"district": "b", "answered": 10, "median": 4.0},
    ]


def test_percentiles_interpolate_like_postgresql() -> None:
    assert percentile([], 0.5) is None
    assert percentile([4.0], 0.9) == 4.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile([10.0, 20.0, 30.0, 40.0, 50.0], 0.9) == pytest.approx(46.0)


def test_periods_are_read_or_refused_with_a_reason() -> None:
    assert Period.parse("2026-01-01", "") == Period(date(2026, 1, 1), None)
    with pytest.raises(PeriodError, match="from"):
        Period.parse("1/1/2026", None)
    with pytest.raises(PeriodError, match="after"):
        Period.parse("2026-02-01", "2026-01-01")
    assert last_months(TODAY) == Period(date(2026, 1, 1), TODAY)
    assert last_months(date(2026, 3, 9)).start == date(2025, 4, 1)


def test_the_demo_data_set_is_labelled_and_in_real_villages(services: Services) -> None:
    villages = services.engine.villages
    with transaction(services.factory) as session:
        seeded = demo.seed(session, villages, today=TODAY, entries=300, cases=60)
    assert seeded.entries == 300 and seeded.cases == 60 and seeded.registrations == 240
    with services.factory() as session:
        entries = list(session.scalars(select(RegisterEntry)))
        cases = list(session.scalars(select(Case)))
        registrations = list(session.scalars(select(Registration)))
    assert all(e.source == "demo" and "(demo)" in (e.worker_name or "") for e in entries)
    assert all(villages.get(e.village_code) is not None for e in entries)
    assert all(c.number.startswith("DEMO-") and "(demo)" in c.story for c in cases)
    assert all(r.code.startswith("DEMO-") and r.name.endswith("(demo)") for r in registrations)
    assert {e.status for e in entries} == {"planned", "departed", "returned", "cancelled"}
    assert any(c.resolved_at for c in cases) and any(c.claimed_at for c in cases)
    assert len({e.district_code for e in entries}) == len(villages.districts)
    with transaction(services.factory) as session:
        assert demo.has_demo(session) and not demo.real_data(session)
        demo.clear(session)
    with services.factory() as session:
        assert session.scalar(select(func.count()).select_from(RegisterEntry)) == 0
        assert not demo.has_demo(session)


def test_the_demo_is_refused_on_a_database_with_real_people(services: Services) -> None:
    with transaction(services.factory) as session:
        session.add(Contact(channel="web", channel_user_id="someone"))
    with transaction(services.factory) as session, pytest.raises(demo.RealDataPresent) as refused:
        demo.seed(session, services.engine.villages, today=TODAY)
    assert "1 contacts" in str(refused.value)
    with services.factory() as session:
        assert session.scalar(select(func.count()).select_from(RegisterEntry)) == 0


def test_a_real_register_entry_also_counts_as_real_data(services: Services) -> None:
    with transaction(services.factory) as session:
        session.add(
            RegisterEntry(
                code="R-ABC123", village_code="52.03.13.2001", district_code="52.03",
                country="malaysia", source="officer",
            )
        )  # fmt: skip
    with services.factory() as session:
        assert demo.real_data(session) == {"register entries": 1}


def test_withdrawn_training_registrations_are_counted_apart_not_as_registrations(
    services: Services,
) -> None:
    village = "52.03.13.2001"
    with transaction(services.factory) as session:
        for n, status in enumerate((REGISTERED, REGISTERED, WITHDRAWN)):
            session.add(
                Registration(
                    code=f"P-STAT{n}",
                    programme_slug="caregiver",
                    name=f"Peserta {n}",
                    birth_year=2000,
                    village_code=village,
                    status=status,
                )
            )
    with services.factory() as session:
        table = training(session, Area("province"), Period(), services.engine.villages)
    [row] = table.rows
    assert (row["village_code"], row["registrations"], row["withdrawn"]) == (village, 2, 1)
    assert "withdrawn" in table.counts  # withheld and rounded like any count when published
