"""The whole handoff as people meet it: a family reports over WhatsApp, the village officer
works the case in a real headless Chromium (Debian's, driven by Playwright; no download)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from playwright.sync_api import expect

from api.app import create_app
from knowledge import Librarian
from migran.services import Services, build
from tests.cases_support import REPORT_STEPS
from tests.channels_support import sign, wa_message, wa_payload, wait_for, whatsapp_settings
from tests.fakes import FakeGraphAPI
from tests.officers_support import team
from tests.run import chromium_path

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
FAMILY = "6281998877665"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@contextmanager
def phone_browser() -> Iterator[Any]:
    """Debian's Chromium, headless, closed afterwards (pages are opened at PHONE's size)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def live(database_url: str, librarian: Librarian) -> Iterator[tuple[str, Services, FakeGraphAPI]]:

    graph = FakeGraphAPI().start()
    services = build(whatsapp_settings(database_url, graph.url), librarian=librarian)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(services.container()), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    wait_for(lambda: _up(base), timeout=30)
    yield base, services, graph
    server.should_exit = True
    thread.join(timeout=10)
    graph.stop()
    services.database.dispose()


def _up(base: str) -> bool:
    try:
        return httpx.get(base + "/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def whatsapp(base: str, graph: FakeGraphAPI, **message: str) -> None:
    before = len(graph.texts_to(FAMILY))
    body = wa_payload(wa_message(FAMILY, **message))
    response = httpx.post(
        base + "/webhooks/whatsapp",
        content=body,
        timeout=10,
        headers={"X-Hub-Signature-256": sign(body), "Content-Type": "application/json"},
    )
    assert response.status_code == 200
    wait_for(lambda: len(graph.texts_to(FAMILY)) > before, timeout=60)


def report_over_whatsapp(base: str, graph: FakeGraphAPI) -> None:
    for step in REPORT_STEPS:
        whatsapp(base, graph, **step)


@pytest.mark.skipif(
    chromium_path() is None, reason="Chromium not installed (apt-get install chromium)"
)
def test_whatsapp_case_is_claimed_answered_and_resolved_in_the_browser(live) -> None:  # type: ignore[no-untyped-def]
    base, services, graph = live
    people = team(services)
    report_over_whatsapp(base, graph)
    wait_for(lambda: any("K-" in t for t in graph.texts_to(FAMILY)), timeout=60)
    # the officer of another village does not see it
    other = httpx.get(base + "/api/v1/cases", headers=people["sakra"].headers).json()
    assert other == []
    officer = people["anjani"]
    ARTIFACTS.mkdir(exist_ok=True)
    with phone_browser() as browser:
        page = browser.new_page(viewport=PHONE)
        page.goto(base + "/officer")
        page.fill("#username", officer.username)
        page.fill("#password", officer.password)
        page.click("button[type=submit]")
        page.wait_for_url(base + "/officer")
        card = page.locator("[data-case^='K-']").first
        assert "DARURAT" in card.inner_text() and "Baiq Nurhasanah" in card.inner_text()
        page.screenshot(path=str(ARTIFACTS / "queue.png"), full_page=True)
        card.locator("a").click()
        assert f"WhatsApp +{FAMILY}" in page.inner_text("#contact")
        assert "dibuat oleh keluarga" in page.inner_text(".thread")
        page.click("#claim")
        expect(page.locator("#status")).to_have_attribute("data-status", "claimed")
        page.fill("#reply", "Kami sudah menghubungi KBRI Kuala Lumpur.")
        page.click("#send-reply")
        expect(page.locator("#flash")).to_have_text("Balasan terkirim ke chat keluarga.")
        page.fill("#outcome", "Gaji sudah dibayar agen.")
        page.click("#resolve")
        expect(page.locator("#status")).to_have_attribute("data-status", "resolved")
        page.screenshot(path=str(ARTIFACTS / "case.png"), full_page=True)
    wait_for(
        lambda: any("Gaji sudah dibayar agen." in t for t in graph.texts_to(FAMILY)), timeout=20
    )
    texts = graph.texts_to(FAMILY)
    assert any(
        "Kami sudah menghubungi KBRI Kuala Lumpur." in t and "petugas desa" in t for t in texts
    )
    assert (ARTIFACTS / "queue.png").stat().st_size > 1000
    print(f"screenshot: {ARTIFACTS / 'queue.png'}")


def test_an_unclaimed_urgent_case_escalates(live) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    base, services, graph = live
    people = team(services)
    report_over_whatsapp(base, graph)
    wait_for(lambda: any("K-" in t for t in graph.texts_to(FAMILY)), timeout=60)
    scheduler = services.scheduler
    assert scheduler is not None
    start = services.dispatcher.clock()
    scheduler.clock = lambda: start + timedelta(minutes=31)
    assert scheduler.tick() == 1
    cases = httpx.get(base + "/api/v1/cases", headers=people["timur"].headers).json()
    assert cases[0]["escalation_level"] == 1 and cases[0]["urgent"] is True


def family_writes_in_the_web_chat(family, steps: list[dict[str, str]], check=None) -> str:  # type: ignore[no-untyped-def]
    """Types or presses each step in the web chat page; the case number the chat ends with."""
    for step in steps:
        if "text" in step:
            family.fill("input[name=text]", step["text"])
            family.press("input[name=text]", "Enter")
        else:
            family.click(f"button[value='{step['button']}']")
        family.wait_for_load_state()
        if check is not None:
            check(step)
    return str(family.locator("#chat").inner_text().split("K-", 1)[1][:6])


def officer_opens_the_case(browser, base: str, officer, number: str):  # type: ignore[no-untyped-def]
    """An officer logs in on a phone of their own and opens case K-number; their page."""
    desk = browser.new_context(viewport=PHONE).new_page()
    desk.goto(base + "/officer")
    desk.fill("#username", officer.username)
    desk.fill("#password", officer.password)
    desk.click("button[type=submit]")
    desk.click(f"[data-case='K-{number}'] a")
    return desk


def in_view(page, selector: str) -> bool:  # type: ignore[no-untyped-def]
    """The element's top is on screen, above the sticky send form."""
    box = page.locator(selector).bounding_box()
    form = page.locator("form.send").bounding_box()
    return box is not None and form is not None and 0 <= box["y"] < form["y"]


@pytest.mark.skipif(
    chromium_path() is None, reason="Chromium not installed (apt-get install chromium)"
)
def test_a_family_in_the_web_chat_sees_the_officers_claim_reply_and_resolution(live) -> None:  # type: ignore[no-untyped-def]
    base, services, _graph = live
    officer = team(services)["anjani"]
    ARTIFACTS.mkdir(exist_ok=True)
    with phone_browser() as browser:
        family = browser.new_page(viewport=PHONE)
        family.goto(base + "/")

        def newest_in_view(step: dict[str, str]) -> None:
            assert in_view(family, "#newest"), f"after {step}: the newest turn is off screen"

        number = family_writes_in_the_web_chat(family, REPORT_STEPS, newest_in_view)
        desk = officer_opens_the_case(browser, base, officer, number)
        desk.click("#claim")
        desk.fill("#reply", "Kami sudah menghubungi KBRI Kuala Lumpur.")
        desk.click("#send-reply")
        desk.fill("#outcome", "Gaji sudah dibayar agen.")
        desk.click("#resolve")
        # the family's page was not reloaded: the messages arrive on their own
        family.wait_for_selector("text=Gaji sudah dibayar agen.", timeout=20000)
        chat = family.locator("#chat").inner_text()
        assert "menangani laporan" in chat and "Kami sudah menghubungi KBRI Kuala Lumpur." in chat
        assert "*lapor*" not in chat  # emphasis is formatting, not asterisks
        family.screenshot(path=str(ARTIFACTS / "webchat.png"), full_page=False)
    assert (ARTIFACTS / "webchat.png").stat().st_size > 1000


@pytest.mark.skipif(
    chromium_path() is None, reason="Chromium not installed (apt-get install chromium)"
)
def test_an_officer_reviews_on_a_phone_what_would_have_helped_a_family(live) -> None:  # type: ignore[no-untyped-def]
    """A mother's message is answered in the web chat; she asks an officer, who later ticks on
    the case page which topics would have helped: a real message the assistant is measured on."""
    from bot.cases.review import reviewed_messages
    from bot.store.db import transaction
    from tests.bot.test_case_review import FROM_THE_ANSWER, MOTHER

    base, services, _graph = live
    officer = team(services)["anjani"]
    ARTIFACTS.mkdir(exist_ok=True)
    with phone_browser() as browser:
        family = browser.new_page(viewport=PHONE)
        family.goto(base + "/")
        number = family_writes_in_the_web_chat(family, FROM_THE_ANSWER)
        desk = officer_opens_the_case(browser, base, officer, number)
        assert "Ajari asisten" in desk.inner_text("#review")
        desk.check("input[name=topic][value='gaji-tidak-dibayar']")
        desk.check("input[name=topic][value='malaysia']")
        desk.check("input[name=danger][value='no']")
        desk.click("#save-review")
        assert "Tinjauan tersimpan" in desk.inner_text("#flash")
        assert desk.is_checked("input[name=topic][value='malaysia']")
        assert "Ditinjau oleh Baiq Rina" in desk.inner_text("#reviewed")
        desk.screenshot(path=str(ARTIFACTS / "review.png"), full_page=True)
    with transaction(services.factory) as session:
        (labelled,) = reviewed_messages(session)
    assert labelled.question == MOTHER
    assert set(labelled.topics) == {"gaji-tidak-dibayar", "malaysia"} and labelled.urgent is False
