"""The announcements pages through HTTP: scoping to the officer's own area, approval above a
village, the 1,000-character limit, scheduling in WITA."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from bot.announcements import service
from bot.announcements.models import Announcement
from bot.store.db import transaction
from migran.services import Services
from tests.announcements_support import states, status, subscriber
from tests.api.test_dashboard import csrf_of, login
from tests.officers_support import ANJANI, LENENG, LOMBOK_TENGAH, LOMBOK_TIMUR, SAKRA, team


@pytest.fixture
def web(services: Services) -> TestClient:
    return TestClient(create_app(services.container(), run_jobs=False))


def compose(web: TestClient, area: str, text: str = "Info bursa kerja.", **extra: str) -> str:
    """Posts the compose form; returns where it led (the new draft's page, or an error)."""
    page = web.get("/officer/announcements").text
    response = web.post(
        "/officer/announcements",
        data={"csrf": csrf_of(page), "text": text, "area": area, **extra},
        follow_redirects=False,
    )
    return response.headers.get("location", str(response.status_code))


def act(web: TestClient, page: str, action: str, **extra: str) -> str:
    csrf = csrf_of(web.get(page).text)
    response = web.post(f"{page}/{action}", data={"csrf": csrf, **extra}, follow_redirects=False)
    return response.headers.get("location", str(response.status_code))


def test_a_village_officer_cannot_send_outside_their_villages(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    login(web, people["anjani"])
    assert compose(web, f"village:{SAKRA}") == "403"
    assert compose(web, "province:") == "403"
    assert compose(web, f"district:{LOMBOK_TIMUR}") == "403"
    assert compose(web, f"village:{ANJANI}").startswith("/officer/announcements/")
    with services.factory() as session:
        assert session.scalars(select(Announcement.area_codes)).all() == [[ANJANI]]


def test_a_supervisor_stays_in_their_district_and_others_cannot_see_it(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    login(web, people["timur"])
    assert compose(web, f"district:{LOMBOK_TENGAH}") == "403"
    assert compose(web, f"village:{LENENG}") == "403"
    mine = compose(web, f"district:{LOMBOK_TIMUR}")
    assert mine.startswith("/officer/announcements/")
    web.cookies.clear()
    login(web, people["tengah"])
    assert web.get(mine).status_code == 404
    assert act(web, "/officer/announcements", "x") in ("404", "405")
    web.post(mine + "/cancel", data={"csrf": "x"})
    assert status(services, int(mine.rsplit("/", 1)[1])) == "draft"


def test_a_district_send_needs_a_second_officer_and_a_village_officer_is_not_one(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    subscriber(services, "6281500000001", ANJANI)
    subscriber(services, "6281500000002", SAKRA)
    subscriber(services, "6281500000003", LENENG)  # another district
    login(web, people["timur"])
    page = compose(web, f"district:{LOMBOK_TIMUR}")
    assert 'data-audience="2"' in web.get(page).text
    act(web, page, "send")
    announcement_id = int(page.rsplit("/", 1)[1])
    assert status(services, announcement_id) == "awaiting_approval"
    assert act(web, page, "approve").endswith("error=own")
    web.cookies.clear()
    login(web, people["anjani"])
    assert web.get(page).status_code == 404
    web.cookies.clear()
    login(web, people["admin"])
    act(web, page, "approve")
    assert status(services, announcement_id) == "sending"
    assert sorted(states(services, announcement_id).values()) == ["queued", "queued"]


def test_the_text_is_limited_to_1000_characters_with_a_counter(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    login(web, people["anjani"])
    page = web.get("/officer/announcements").text
    assert 'maxlength="1000"' in page and "/officer/announcements/counter.js" in page
    assert "textarea[data-limit]" in web.get("/officer/announcements/counter.js").text
    assert compose(web, f"village:{ANJANI}", "x" * 1001).endswith("error=too-long")
    assert "1.000 karakter" in web.get("/officer/announcements?error=too-long").text
    assert compose(web, f"village:{ANJANI}", "x" * 1000).startswith("/officer/announcements/")


def test_a_send_can_be_scheduled_in_wita_and_starts_when_due(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    subscriber(services, "6281500000001", ANJANI)
    login(web, people["anjani"])
    page = compose(web, f"village:{ANJANI}")
    later = datetime.now(UTC) + timedelta(days=1)
    local = (later + timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M")
    act(web, page, "send", at=local)
    announcement_id = int(page.rsplit("/", 1)[1])
    assert status(services, announcement_id) == "scheduled"
    assert f"{local.replace('T', ' ')} WITA" in web.get(page).text
    with transaction(services.factory) as session:
        assert service.start_due(session, now=later - timedelta(minutes=5)) == 0
        assert service.start_due(session, now=later + timedelta(minutes=1)) == 1
    assert status(services, announcement_id) == "sending"
    assert act(web, page, "send").endswith("error=not-draft")
    fresh = compose(web, f"village:{ANJANI}")
    assert act(web, fresh, "send", at="besok pagi").endswith("error=time")


def test_every_send_is_in_the_audit_trail(services: Services, web: TestClient) -> None:
    people = team(services)
    login(web, people["anjani"])
    act(web, compose(web, f"village:{ANJANI}"), "send")
    web.cookies.clear()
    login(web, people["admin"])
    trail = web.get("/officer/audit").text
    assert "menulis pengumuman" in trail and "mengirim pengumuman" in trail
