"""The picture in a real Chromium (Debian's, through Playwright): province, district and village
views at phone and desktop sizes, with charts, numbers that match the rows, and screenshots."""

from __future__ import annotations

import pytest

from migran.services import Services
from tests.api.test_browser import ARTIFACTS, CHROMIUM_FLAGS, live  # noqa: F401  (fixture)
from tests.fakes import FakeGraphAPI
from tests.officers_support import ANJANI, LOMBOK_TIMUR, team
from tests.run import chromium_path
from tests.stats_support import Window, abroad_by, months, seed, today_of

pytestmark = pytest.mark.browser
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
SCOPES = {
    "admin": ("province", Window()),
    "timur": ("district", Window(district=LOMBOK_TIMUR)),
    "anjani": ("village", Window(villages=(ANJANI,))),
}


@pytest.mark.skipif(
    chromium_path() is None, reason="Chromium not installed (apt-get install chromium)"
)
def test_province_district_and_village_views_render_with_charts(
    live: tuple[str, Services, FakeGraphAPI],  # noqa: F811
) -> None:
    from playwright.sync_api import sync_playwright

    base, services, _graph = live
    seed(services, today_of(services))
    people = team(services)
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for who, (scope, window) in SCOPES.items():
            with services.factory() as session:
                abroad = sum(abroad_by(session, window, "country").values())
                departures = sum(months(session, window)[0].values())
            for size, (width, height) in SIZES.items():
                page = browser.new_context(viewport={"width": width, "height": height}).new_page()
                page.goto(base + "/officer/login")
                page.fill("#username", people[who].username)
                page.fill("#password", people[who].password)
                page.click("button[type=submit]")
                page.wait_for_url(base + "/officer")
                page.click("text=Gambaran")
                page.wait_for_url(base + "/officer/stats")
                page.click("text=Semua waktu")
                # count() does not wait: let the new page finish loading before counting charts
                page.wait_for_url(base + "/officer/stats/migration?from=&to=")
                page.wait_for_load_state()
                assert page.locator("svg.chart").count() >= 2, (who, size)
                assert page.locator("svg.chart title").first.text_content()
                total = page.locator("[data-table=months] tfoot [data-col=departures]")
                assert int(total.inner_text()) == departures, (who, size)
                if size == "phone":
                    overflow = page.evaluate("document.documentElement.scrollWidth")
                    assert overflow <= width, f"{who}: the page scrolls sideways ({overflow}px)"
                page.screenshot(path=str(ARTIFACTS / f"stats-{scope}-{size}.png"), full_page=True)
                page.click("text=Di luar negeri")
                page.wait_for_url(base + "/officer/stats/abroad?from=&to=")
                page.wait_for_load_state()
                total = page.locator("[data-table=countries] tfoot [data-col=people]")
                assert int(total.inner_text()) == abroad, (who, size)
                if scope == "village":
                    assert page.inner_text("#area") == "Anjani"
                page.screenshot(
                    path=str(ARTIFACTS / f"stats-{scope}-abroad-{size}.png"), full_page=True
                )
                page.context.close()
        browser.close()
    for scope, _window in SCOPES.values():
        assert (ARTIFACTS / f"stats-{scope}-phone.png").stat().st_size > 10_000
