"""The register as an officer meets it on a phone and a desktop, in real Chromium: a mother's
departure recorded over WhatsApp is opened, verified and marked departed (screenshots kept)."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from tests.api.test_browser import ARTIFACTS, CHROMIUM_FLAGS, FAMILY, live, whatsapp
from tests.api.test_register_pages import MOTHER
from tests.channels_support import wait_for
from tests.officers_support import team
from tests.run import chromium_path

__all__ = ["live"]
pytestmark = pytest.mark.browser


@pytest.mark.skipif(
    chromium_path() is None, reason="Chromium not installed (apt-get install chromium)"
)
def test_the_village_officer_verifies_and_marks_a_departure_in_the_browser(live) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    base, services, graph = live
    officer = team(services)["anjani"]
    for kind, value in MOTHER:
        whatsapp(base, graph, **({"text": value} if kind == "say" else {"button": value}))
    wait_for(lambda: any("R-" in t for t in graph.texts_to(FAMILY)), timeout=60)
    code = next(t for t in graph.texts_to(FAMILY) if "R-" in t).split("R-", 1)[1][:6]
    assert httpx.get(base + "/officer/register", follow_redirects=False).status_code == 303
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for name, viewport in (("phone", (390, 844)), ("desktop", (1280, 900))):
            page = browser.new_context(
                viewport={"width": viewport[0], "height": viewport[1]}
            ).new_page()
            page.goto(base + "/officer")
            page.fill("#username", officer.username)
            page.fill("#password", officer.password)
            page.click("button[type=submit]")
            page.wait_for_url(base + "/officer")
            page.click("a[href='/officer/register']")
            card = page.locator(f"[data-entry='R-{code}']")
            assert "Baiq Nurhasanah" in card.inner_text() and "Taiwan" in card.inner_text()
            page.screenshot(path=str(ARTIFACTS / f"register-list-{name}.png"), full_page=True)
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0]
            card.locator("a").click()
            if name == "phone":
                page.click("#verify")
                expect(page.locator("#flash")).to_have_text("Data diverifikasi.")
                page.fill("#departed-on", "2026-12-01")
                page.click("#mark-departed")
                expect(page.locator("#status")).to_have_attribute("data-status", "departed")
                assert page.inner_text("#departed") == "2026-12-01"
            assert officer_name_in(page.inner_text("#verified"))
            page.screenshot(path=str(ARTIFACTS / f"register-entry-{name}.png"), full_page=True)
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0]
        browser.close()
    assert (ARTIFACTS / "register-entry-phone.png").stat().st_size > 1000


def officer_name_in(text: str) -> bool:
    return "Baiq Rina" in text
