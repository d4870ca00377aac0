"""Announcements end to end: the real app with its background jobs, WhatsApp and Telegram
through their fake APIs on loopback, the officer's side through the dashboard or the service."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from bot.announcements import service
from bot.announcements.delivery import Pump
from bot.announcements.models import Announcement
from bot.lane import LANE
from bot.store.db import transaction
from bot.store.models import Officer, OutboxMessage, utcnow
from knowledge import Librarian
from migran.services import Services, build
from tests.announcements_support import announce, days_ago, states, status, subscriber
from tests.api.test_dashboard import csrf_of, login
from tests.channels_support import (
    TELEGRAM_SECRET,
    TELEGRAM_TOKEN,
    sign,
    wa_message,
    wa_payload,
    wait_for,
    whatsapp_settings,
)
from tests.fakes import FakeBotAPI, FakeGraphAPI
from tests.officers_support import ANJANI, LOMBOK_TIMUR, SAKRA, team

WA_USER, TG_CHAT = "6281200000001", 777100
TELEGRAM = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}


@pytest.fixture
def bot_api() -> Iterator[FakeBotAPI]:
    server = FakeBotAPI(TELEGRAM_TOKEN).start()
    yield server
    server.stop()


def running(
    database_url: str,
    graph: FakeGraphAPI,
    bot_api: FakeBotAPI,
    librarian: Librarian,
    **settings: Any,
) -> Services:
    return build(
        whatsapp_settings(
            database_url,
            graph.url,
            telegram_bot_token=TELEGRAM_TOKEN,
            telegram_api_url=bot_api.url,
            telegram_webhook_secret=TELEGRAM_SECRET,
            **settings,
        ),
        librarian=librarian,
    )


@pytest.fixture
def app(
    database_url: str, graph: FakeGraphAPI, bot_api: FakeBotAPI, librarian: Librarian
) -> Iterator[tuple[TestClient, Services]]:
    services = running(
        database_url,
        graph,
        bot_api,
        librarian,
        announce_rate_whatsapp=50.0,
        metrics_token="metrics-test",
    )
    with TestClient(create_app(services.container())) as client:
        yield client, services
    services.database.dispose()


SENT_BEFORE_THE_STOP = 16
"""Subscribers before the one who stops, in the test of a stop in the middle of a send: more
than the 12 (3 seconds at 4 a second) the lane takes at once, so the last is still queued."""


@pytest.fixture
def slow_app(
    database_url: str, graph: FakeGraphAPI, bot_api: FakeBotAPI, librarian: Librarian
) -> Iterator[tuple[TestClient, Services]]:
    """Announcements at 4 a second on WhatsApp: time to act while one is going out."""
    services = running(database_url, graph, bot_api, librarian, announce_rate_whatsapp=4.0)
    with TestClient(create_app(services.container())) as client:
        yield client, services
    services.database.dispose()


def whatsapp(client: TestClient, user: str, text: str | None = None, **kw: Any) -> None:
    body = wa_payload(wa_message(user, text=text, **kw))
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body)}
    assert client.post("/webhooks/whatsapp", content=body, headers=headers).status_code == 200


def wa_status(client: TestClient, message_id: str, state: str) -> None:
    body = wa_payload(statuses=[{"id": message_id, "status": state, "recipient_id": WA_USER}])
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body)}
    assert client.post("/webhooks/whatsapp", content=body, headers=headers).status_code == 200


def telegram(client: TestClient, text: str, update_id: int) -> None:
    update = {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1,
            "chat": {"id": TG_CHAT, "type": "private"},
            "from": {"id": TG_CHAT, "is_bot": False, "first_name": "Warga"},
            "text": text,
        },
    }
    assert client.post("/webhooks/telegram", json=update, headers=TELEGRAM).status_code == 200


def announcements_to(graph: FakeGraphAPI, user: str, marker: str) -> list[dict[str, Any]]:
    found = []
    with graph.lock:
        for m in graph.sent:
            if m.get("to") == user and marker in str(m):
                found.append(m)
    return found


def test_opt_in_then_an_announcement_to_the_village_reaches_whatsapp_and_telegram(
    app: tuple[TestClient, Services], graph: FakeGraphAPI, bot_api: FakeBotAPI
) -> None:
    client, services = app
    people = team(services)
    # opt-in in the chat, on both platforms, village asked and confirmed
    whatsapp(client, WA_USER, "info desa")
    whatsapp(client, WA_USER, "anjani suralaga")
    whatsapp(client, WA_USER, button="opt:yes")
    wait_for(lambda: any("berhenti" in t for t in graph.texts_to(WA_USER)))
    telegram(client, "info desa", 1)
    telegram(client, "Anjani, Suralaga", 2)
    telegram(client, "ya", 3)
    wait_for(lambda: any("berhenti" in m["text"] for m in bot_api.sent_to(TG_CHAT)))
    subscriber(services, "6281200000999", SAKRA)  # another village: not in the audience

    login(client, people["anjani"])
    page = client.get("/officer/announcements").text
    assert f"village:{ANJANI}" in page and f"village:{SAKRA}" not in page
    text = "Pendaftaran pelatihan caregiver dibuka di BLK Lombok Timur."
    response = client.post(
        "/officer/announcements",
        data={
            "csrf": csrf_of(page),
            "text": text,
            "area": f"village:{ANJANI}",
            "button": "training",
        },
        follow_redirects=False,
    )
    detail = response.headers["location"]
    page = client.get(detail).text
    assert 'data-audience="2"' in page  # seen before sending
    client.post(detail + "/send", data={"csrf": csrf_of(page)})

    wait_for(lambda: announcements_to(graph, WA_USER, "caregiver"))
    wait_for(lambda: any("caregiver" in m["text"] for m in bot_api.sent_to(TG_CHAT)))
    message = announcements_to(graph, WA_USER, "caregiver")[0]
    assert message["type"] == "interactive"  # inside the 24-hour window: a normal message
    assert message["interactive"]["action"]["buttons"][0]["reply"]["id"] == "cmd:training"
    markup = next(m for m in bot_api.sent_to(TG_CHAT) if "caregiver" in m["text"])["reply_markup"]
    assert markup["inline_keyboard"][0][0]["callback_data"] == "cmd:training"
    assert not announcements_to(graph, "6281200000999", "caregiver")
    announcement_id = int(detail.rsplit("/", 1)[1])
    wait_for(lambda: status(services, announcement_id) == "sent")
    assert sorted(states(services, announcement_id).values()) == ["sent", "sent"]
    assert 'data-sent="2"' in client.get(detail).text

    # the button starts the training form, like typing "pelatihan"
    before = len(graph.texts_to(WA_USER))
    whatsapp(client, WA_USER, button="cmd:training")
    wait_for(lambda: len(graph.texts_to(WA_USER)) > before)
    assert "setuju" in graph.texts_to(WA_USER)[before]
    # a question in reply to the announcement is answered as usual
    whatsapp(client, WA_USER, "batal")
    wait_for(lambda: "Dibatalkan" in " ".join(graph.texts_to(WA_USER)[before:]))
    wait_for(lambda: "Migran membantu" in graph.texts_to(WA_USER)[-1])  # the menu after it
    before = len(graph.texts_to(WA_USER))
    whatsapp(client, WA_USER, "berapa umur minimal untuk kerja ke luar negeri?")
    wait_for(lambda: len(graph.texts_to(WA_USER)) > before)
    assert "18 tahun" in graph.texts_to(WA_USER)[before]


def test_outside_the_24_hour_window_the_approved_template_carries_the_text(
    app: tuple[TestClient, Services], graph: FakeGraphAPI
) -> None:
    client, services = app
    people = team(services)
    subscriber(services, WA_USER, ANJANI, last_seen=days_ago(3))
    announcement_id = announce(
        services,
        people["anjani"].id,
        "Awas penipuan:\nlowongan palsu ke Malaysia.",
        [ANJANI],
        button="training",
    )
    sent = wait_for(lambda: announcements_to(graph, WA_USER, "migran_info_desa"))
    template = sent[0]["template"]
    assert sent[0]["type"] == "template" and template["language"] == {"code": "id"}
    parameter = template["components"][0]["parameters"][0]["text"]
    assert parameter.startswith("Awas penipuan: lowongan palsu ke Malaysia.")  # no line breaks
    assert "pelatihan" in parameter  # the button, said in words
    wait_for(lambda: status(services, announcement_id) == "sent")
    # WhatsApp's status webhooks move the delivery on
    wa_status(client, sent[0]["_id"], "delivered")
    assert list(states(services, announcement_id).values()) == ["delivered"]
    wa_status(client, sent[0]["_id"], "read")
    assert list(states(services, announcement_id).values()) == ["read"]


def test_stop_in_the_middle_of_a_send_skips_what_was_not_sent_yet(
    slow_app: tuple[TestClient, Services], graph: FakeGraphAPI
) -> None:
    client, services = slow_app
    people = team(services)
    users = [f"62812000{n:05d}" for n in range(SENT_BEFORE_THE_STOP + 1)]
    ids = [subscriber(services, user, ANJANI) for user in users]
    # the first sends hang, so the lane stays full and nobody else enters the outbox until
    # the stop is in: no race with the clock on a busy machine (stops 59 and 60 lost that race)
    graph.hold("Bursa kerja")
    announcement_id = announce(
        services, people["anjani"].id, "Bursa kerja Sabtu di kantor desa.", [ANJANI]
    )
    wait_for(lambda: graph.held > 0)
    last = users[-1]
    whatsapp(client, last, "berhenti")
    wait_for(lambda: any("info desa" in t for t in graph.texts_to(last)), timeout=60)
    graph.release()
    assert graph.held_too_long == 0
    wait_for(lambda: status(services, announcement_id) == "sent", timeout=30)
    assert not announcements_to(graph, last, "Bursa kerja")
    final = states(services, announcement_id)
    assert final[ids[-1]] == "skipped"
    assert sorted(set(final.values())) == ["sent", "skipped"]
    assert list(final.values()).count("sent") == SENT_BEFORE_THE_STOP


def test_cancel_in_the_middle_stops_the_rest(
    slow_app: tuple[TestClient, Services], graph: FakeGraphAPI
) -> None:
    client, services = slow_app
    people = team(services)
    users = [f"62813000{n:05d}" for n in range(20)]
    for user in users:
        subscriber(services, user, ANJANI)
    graph.hold("Jadwal pelatihan")  # the first sends hang: the cancel lands mid-send, always
    announcement_id = announce(services, people["anjani"].id, "Jadwal pelatihan berubah.", [ANJANI])
    wait_for(lambda: graph.held > 0)
    login(client, people["anjani"])
    page = client.get(f"/officer/announcements/{announcement_id}").text
    client.post(f"/officer/announcements/{announcement_id}/cancel", data={"csrf": csrf_of(page)})
    assert status(services, announcement_id) == "cancelled"
    graph.release()

    def settled() -> bool:
        return "queued" not in states(services, announcement_id).values()

    wait_for(settled, timeout=20)
    sent = sum(bool(announcements_to(graph, u, "Jadwal pelatihan")) for u in users)
    final = list(states(services, announcement_id).values())
    assert 1 <= sent < 20 and final.count("sent") == sent
    assert final.count("skipped") == 20 - sent
    page = client.get(f"/officer/announcements/{announcement_id}").text
    assert f'data-skipped="{20 - sent}"' in page and f'data-sent="{sent}"' in page


def test_a_province_wide_send_waits_for_a_second_admin(
    app: tuple[TestClient, Services], graph: FakeGraphAPI
) -> None:
    client, services = app
    people = team(services)
    second = _second_admin(services)
    subscriber(services, WA_USER, ANJANI)
    subscriber(services, "6281200000002", "52.02.01.1002")  # Leneng, Lombok Tengah
    login(client, people["admin"])
    page = client.get("/officer/announcements").text
    response = client.post(
        "/officer/announcements",
        data={"csrf": csrf_of(page), "text": "Aturan baru ke Taiwan.", "area": "province:"},
        follow_redirects=False,
    )
    detail = response.headers["location"]
    page = client.get(detail).text
    assert 'data-audience="2"' in page
    client.post(detail + "/send", data={"csrf": csrf_of(page)})
    page = client.get(detail).text
    assert "Menunggu persetujuan" in page or "Waiting for approval" in page
    announcement_id = int(detail.rsplit("/", 1)[1])
    assert status(services, announcement_id) == "awaiting_approval" and not states(
        services, announcement_id
    )
    own = client.post(detail + "/approve", data={"csrf": csrf_of(page)}, follow_redirects=False)
    assert own.headers["location"].endswith("error=own")
    # a supervisor may not approve (nor even see) a province-wide announcement
    client.cookies.clear()
    login(client, people["timur"])
    assert client.get(detail).status_code == 404
    client.cookies.clear()
    login(client, second)
    page = client.get(detail).text
    client.post(detail + "/approve", data={"csrf": csrf_of(page)})
    wait_for(lambda: announcements_to(graph, "6281200000002", "Taiwan"))
    wait_for(lambda: status(services, announcement_id) == "sent")
    audit = client.get("/officer/audit").text
    assert "approved an announcement" in audit or "menyetujui pengumuman" in audit


def _second_admin(services: Services) -> Any:
    from tests.officers_support import add_officer

    return add_officer(services, "Admin Dua", "admin")


def test_metrics_count_deliveries_by_state(app: tuple[TestClient, Services]) -> None:
    client, services = app
    people = team(services)
    subscriber(services, WA_USER, ANJANI)
    announcement_id = announce(services, people["anjani"].id, "Info posyandu.", [ANJANI])
    wait_for(lambda: status(services, announcement_id) == "sent")
    text = client.get("/metrics", headers={"Authorization": "Bearer metrics-test"}).text
    assert 'migran_announcement_deliveries{state="sent"} 1' in text
    assert 'migran_announcements{status="sent"} 1' in text
    assert 'migran_announcement_sends_total{channel="whatsapp"' in text


def lane_payloads(services: Services) -> dict[str, dict[str, Any]]:
    """What one pump round wrote to the lane, per recipient."""
    Pump(
        services.factory,
        rates={"whatsapp": 50, "telegram": 50},
        template_name="t",
        template_language="id",
    ).round()
    with services.factory() as session:
        rows = session.scalars(select(OutboxMessage).where(OutboxMessage.lane == LANE)).all()
        return {row.recipient: row.payload for row in rows}


def lane_texts(services: Services) -> dict[str, str]:
    return {user: payload["text"] for user, payload in lane_payloads(services).items()}


def test_an_announcement_says_who_sends_it_and_how_to_stop_in_the_recipients_language(
    services: Services,
) -> None:
    people = team(services)
    subscriber(services, "6281200000011", ANJANI)
    subscriber(services, "777200", ANJANI, channel="telegram", language="en")
    announce(services, people["anjani"].id, "Jadwal pelatihan diundur ke Januari.", [ANJANI])
    texts = lane_texts(services)
    indonesian, english = texts["6281200000011"], texts["777200"]
    assert "petugas desa" in indonesian and "Ketik *berhenti*" in indonesian
    assert "village officer" in english and "Type *berhenti*" in english
    assert "Jadwal pelatihan diundur ke Januari." in indonesian
    assert "Jadwal pelatihan diundur ke Januari." in english  # the officer's words as written


def test_a_district_announcement_names_the_district_officer(services: Services) -> None:
    people = team(services)
    subscriber(services, "6281200000012", SAKRA)
    announcement_id = announce(
        services, people["timur"].id, "Bursa kerja di Selong.", [LOMBOK_TIMUR], level="district"
    )
    with transaction(services.factory) as session:
        row = session.get(Announcement, announcement_id)
        admin = session.get(Officer, people["admin"].id)
        assert row is not None and admin is not None
        service.approve(session, announcement=row, officer=admin, now=utcnow())
    text = lane_texts(services)["6281200000012"]
    assert "petugas kabupaten" in text and "petugas desa" not in text and "berhenti" in text


def test_a_long_announcement_with_a_button_says_the_button_in_words_on_whatsapp(
    services: Services,
) -> None:
    """Framed, a text near the 1,000-character limit outgrows WhatsApp's 1,024 for buttons."""
    people = team(services)
    subscriber(services, "6281200000013", ANJANI)
    long_text = "Pelatihan caregiver di BLK Lombok Timur. " * 24
    announce(services, people["anjani"].id, long_text.strip(), [ANJANI], button="training")
    payload = lane_payloads(services)["6281200000013"]
    assert not payload.get("buttons")
    assert "Balas *pelatihan*" in payload["text"] and "Ketik *berhenti*" in payload["text"]
