"""The whole handoff as people meet it: a family reports over WhatsApp, the village officer
works the case in a real headless Chromium (Debian's, driven by Playwright; no download)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from api.app import create_app
from knowledge import Librarian
from migran.services import Services, build
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
    steps = [
        {"text": "lapor"},
        {"button": "opt:yes"},
        {"button": "rep:family"},
        {"text": "Baiq Nurhasanah"},
        {"button": "country:malaysia"},
        {"text": "Johor Bahru"},
        {"button": "cat:wages"},
        {"text": "Gaji anak saya tidak dibayar 4 bulan."},
        {"button": "opt:yes"},
        {"text": "anjani suralaga"},
        {"button": "opt:yes"},
        {"button": "opt:yes"},
        {"button": "opt:submit"},
    ]
    for step in steps:
        whatsapp(base, graph, **step)


@pytest.mark.skipif(
    chromium_path() is None, reason="Chromium not installed (apt-get install chromium)"
)
def test_whatsapp_case_is_claimed_answered_and_resolved_in_the_browser(live) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    base, services, graph = live
    people = team(services)
    report_over_whatsapp(base, graph)
    wait_for(lambda: any("K-" in t for t in graph.texts_to(FAMILY)), timeout=60)
    # the officer of another village does not see it
    other = httpx.get(base + "/api/v1/cases", headers=people["sakra"].headers).json()
    assert other == []
    officer = people["anjani"]
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
        page.goto(base + "/officer")
        page.fill("#username", officer.username)
        page.fill("#password", officer.password)
        page.click("button[type=submit]")
        page.wait_for_url(base + "/officer")
        card = page.locator("[data-case^='K-']").first
        assert "DARURAT" in card.inner_text() and "Baiq Nurhasanah" in card.inner_text()
        page.screenshot(path=str(ARTIFACTS / "queue.png"), full_page=True)
        card.locator("a").click()
        page.click("#claim")
        assert page.get_attribute("#status", "data-status") == "claimed"
        page.fill("#reply", "Kami sudah menghubungi KBRI Kuala Lumpur.")
        page.click("#send-reply")
        page.fill("#outcome", "Gaji sudah dibayar agen.")
        page.click("#resolve")
        assert page.get_attribute("#status", "data-status") == "resolved"
        page.screenshot(path=str(ARTIFACTS / "case.png"), full_page=True)
        browser.close()
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
