"""The chat reads "hari ini", "kemarin" and "besok" on the day its users live: NTB's (WITA,
UTC+8). At 07:00 WITA it is still yesterday in UTC, and a departure told then was recorded a
day early."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from migran.services import Services
from tests.conftest import Chat
from tests.register_support import (
    entries,
    record_planned_departure,
    to_company,
    told_return_to_homecoming,
)

NOW = datetime(2026, 12, 2, 23, 0, tzinfo=UTC)
"""07:00 on 3 December in Lombok, 23:00 on 2 December in UTC."""
TODAY, YESTERDAY = date(2026, 12, 3), date(2026, 12, 2)


@pytest.fixture
def family(services: Services) -> Chat:
    services.dispatcher.clock = lambda: NOW
    services.engine.clock = lambda: NOW
    return Chat(services, user="family-1")


def test_a_departure_today_told_in_the_morning_is_recorded_on_that_day(
    family: Chat, services: Services
) -> None:
    to_company(family, "lapor berangkat, anak sy sudah berangkat ke malaysia hari ini")
    assert "Keberangkatan: 03-12-2026" in family.say(button="opt:skip")
    family.say(button="opt:yes")
    family.say("24")
    assert "03-12-2026 (sudah berangkat)" in family.say(button="opt:skip")
    family.say(button="opt:submit")
    [entry] = entries(services)
    assert entry.status == "departed" and entry.departed_on == TODAY


def test_news_of_yesterday_is_recorded_on_yesterday_in_lombok(
    family: Chat, services: Services
) -> None:
    record_planned_departure(family)
    family.say("anak sy sudah berangkat kemarin")
    assert "02-12-2026" in family.say(button="cmd:departed")
    [entry] = entries(services)
    assert entry.departed_on == YESTERDAY


def test_sudah_berangkat_without_a_day_is_recorded_on_today_in_lombok(
    family: Chat, services: Services
) -> None:
    record_planned_departure(family)
    assert "03-12-2026" in family.say("sudah berangkat")
    [entry] = entries(services)
    assert entry.departed_on == TODAY


def test_a_return_yesterday_is_offered_as_yesterday_in_lombok(family: Chat) -> None:
    assert "Pulang: 02-12-2026" in told_return_to_homecoming(family)
