"""Telegram through python-telegram-bot's real client, against a fake Bot API on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from bot.config import Settings
from bot.store.models import OutboxMessage
from knowledge import Librarian
from migran.services import Services, build
from tests.channels_support import TELEGRAM_SECRET, TELEGRAM_TOKEN, wait_for
from tests.fakes import FakeBotAPI

CHAT = 777001


@pytest.fixture
def bot_api() -> Iterator[FakeBotAPI]:
    server = FakeBotAPI(TELEGRAM_TOKEN).start()
    yield server
    server.stop()


@pytest.fixture
def tg(
    database_url: str, bot_api: FakeBotAPI, librarian: Librarian
) -> Iterator[tuple[TestClient, Services]]:
    settings = Settings(
        database_url=database_url,
        telegram_bot_token=TELEGRAM_TOKEN,
        telegram_api_url=bot_api.url,
        telegram_webhook_secret=TELEGRAM_SECRET,
    )
    services = build(settings, librarian=librarian)
    with TestClient(create_app(services.container())) as client:
        yield client, services
    services.database.dispose()


def update_text(update_id: int, text: str) -> dict:  # type: ignore[type-arg]
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1,
            "chat": {"id": CHAT, "type": "private"},
            "from": {"id": CHAT, "is_bot": False, "first_name": "Warga"},
            "text": text,
        },
    }


def test_webhook_checks_the_secret_token_and_deduplicates(tg, bot_api: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    client, services = tg
    update = update_text(5001, "syarat tki")
    assert client.post("/webhooks/telegram", json=update).status_code == 401
    wrong = {"X-Telegram-Bot-Api-Secret-Token": "nope"}
    assert client.post("/webhooks/telegram", json=update, headers=wrong).status_code == 401
    good = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    assert client.post("/webhooks/telegram", json=update, headers=good).status_code == 200
    assert client.post("/webhooks/telegram", json=update, headers=good).status_code == 200
    wait_for(lambda: bot_api.sent_to(CHAT))
    wait_for(lambda: _all_sent(services))
    assert len(bot_api.sent_to(CHAT)) == 1
    assert "18 tahun" in bot_api.sent_to(CHAT)[0]["text"]


def test_options_are_inline_keyboards_and_presses_are_acknowledged(tg, bot_api: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    client, _services = tg
    good = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    client.post("/webhooks/telegram", json=update_text(6001, "/start"), headers=good)
    wait_for(lambda: bot_api.sent_to(CHAT))
    markup = bot_api.sent_to(CHAT)[0]["reply_markup"]
    assert any(
        b["callback_data"] == "cmd:training" for row in markup["inline_keyboard"] for b in row
    )
    press = {
        "update_id": 6002,
        "callback_query": {
            "id": "cb-1",
            "chat_instance": "c",
            "data": "cmd:status",
            "from": {"id": CHAT, "is_bot": False, "first_name": "Warga"},
            "message": {
                "message_id": 9,
                "date": 1,
                "chat": {"id": CHAT, "type": "private"},
                "text": "x",
            },
        },
    }
    client.post("/webhooks/telegram", json=press, headers=good)
    wait_for(lambda: len(bot_api.sent_to(CHAT)) >= 2)
    assert "answerCallbackQuery" in bot_api.methods()
    assert "belum punya" in bot_api.sent_to(CHAT)[1]["text"]


def test_villages_of_one_name_are_told_apart_on_telegram(tg, bot_api: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    """Three villages are called Sukadana: their kecamatan is listed in the message, beside
    buttons numbered as the list is, since a button shows only a short title."""
    client, services = tg
    services.telegram.per_chat_interval = 0.05
    good = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    steps = ["pelatihan", "cb:opt:yes", "cb:prog:otomotif", "Lalu Ahmad", "30", "sukadana"]
    for n, step in enumerate(steps, 6100):
        before = len(bot_api.sent_to(CHAT))
        update = press(n, step[3:]) if step.startswith("cb:") else update_text(n, step)
        assert client.post("/webhooks/telegram", json=update, headers=good).status_code == 200
        wait_for(lambda before=before: len(bot_api.sent_to(CHAT)) > before, timeout=20)
    wait_for(lambda: _all_sent(services))
    choice = bot_api.sent_to(CHAT)[-1]
    assert "1. Sukadana — Kec. Pujut, Lombok Tengah" in choice["text"]
    assert "2. Sukadana — Kec. Terara, Lombok Timur" in choice["text"]
    buttons = [b["text"] for row in choice["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons[:2] == ["1. Sukadana", "2. Sukadana"]
    assert len(set(buttons)) == len(buttons)


def test_options_without_descriptions_stay_plain_buttons(tg, bot_api: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    client, _services = tg
    good = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    client.post("/webhooks/telegram", json=update_text(6201, "/start"), headers=good)
    wait_for(lambda: bot_api.sent_to(CHAT))
    menu = bot_api.sent_to(CHAT)[0]
    buttons = [b["text"] for row in menu["reply_markup"]["inline_keyboard"] for b in row]
    assert "Status saya" in buttons and "1." not in menu["text"]


def press(update_id: int, data: str) -> dict:  # type: ignore[type-arg]
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"cb{update_id}",
            "chat_instance": "c",
            "data": data,
            "from": {"id": CHAT, "is_bot": False, "first_name": "W"},
            "message": {"message_id": 1, "date": 1, "chat": {"id": CHAT, "type": "private"}},
        },
    }


def test_a_429_from_telegram_is_retried_after_retry_after(tg, bot_api: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    client, services = tg
    bot_api.fail_next(1, status=429, retry_after=1)
    good = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    client.post("/webhooks/telegram", json=update_text(7001, "syarat tki"), headers=good)
    wait_for(lambda: bot_api.sent_to(CHAT), timeout=20)
    wait_for(lambda: _all_sent(services))
    with services.factory() as session:
        assert session.scalars(select(OutboxMessage.attempts)).one() == 2


def test_a_full_conversation_on_telegram(tg, bot_api: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    client, services = tg
    # the one-second pacing per chat has its own test (test_delivery); here it would only make
    # this conversation of 27 steps take 24 s
    services.telegram.per_chat_interval = 0.05
    good = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    steps = [
        "paspor sy ditahan majikan",
        "pelatihan",
        "cb:opt:yes",
        "cb:prog:otomotif",
        "Lalu Ahmad",
        "30",
        "masbagik timur",
        "cb:opt:yes",
        "cb:opt:skip",
        "cb:dest:malaysia",
        "cb:edu:smp",
        "cb:sex:m",
        "cb:opt:submit",
        "lapor",
        "cb:rep:self",
        "Lalu Ahmad",
        "cb:country:malaysia",
        "Johor",
        "cb:cat:documents",
        "paspor saya dipegang agen",
        "cb:opt:no",
        "masbagik timur",
        "cb:opt:yes",
        "cb:opt:yes",
        "cb:opt:submit",
    ]
    for n, step in enumerate(steps, 8000):
        before = len(bot_api.sent_to(CHAT))
        if step.startswith("cb:"):
            update = {
                "update_id": n,
                "callback_query": {
                    "id": f"cb{n}",
                    "chat_instance": "c",
                    "data": step[3:],
                    "from": {"id": CHAT, "is_bot": False, "first_name": "W"},
                    "message": {
                        "message_id": 1,
                        "date": 1,
                        "chat": {"id": CHAT, "type": "private"},
                    },
                },
            }
        else:
            update = update_text(n, step)
        assert client.post("/webhooks/telegram", json=update, headers=good).status_code == 200
        wait_for(lambda before=before: len(bot_api.sent_to(CHAT)) > before, timeout=20)
    wait_for(lambda: _all_sent(services))
    texts = "\n".join(m["text"] for m in bot_api.sent_to(CHAT))
    assert "P-" in texts and "K-" in texts


def test_migran_telegram_long_polling_answers_start_a_question_and_a_button(
    bot_api: FakeBotAPI, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "MIGRAN_DATABASE_URL": f"sqlite:///{tmp_path / 'tg.db'}",
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_API_URL": bot_api.url,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "migran.cli", "telegram"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        bot_api.push_text(CHAT, "/start")
        wait_for(lambda: bot_api.sent_to(CHAT), timeout=30)
        bot_api.push_text(CHAT, "brp biaya jd tkw ke hongkong")
        wait_for(lambda: len(bot_api.sent_to(CHAT)) >= 2, timeout=20)
        bot_api.push_button(CHAT, "cmd:training")
        wait_for(lambda: len(bot_api.sent_to(CHAT)) >= 3, timeout=20)
    finally:
        process.terminate()
        process.wait(timeout=20)
    sent = bot_api.sent_to(CHAT)
    assert "Migran" in sent[0]["text"]
    assert "biaya penempatan" in sent[1]["text"]
    assert "setuju" in sent[2]["text"].lower()
    assert "setMyCommands" in bot_api.methods() and "answerCallbackQuery" in bot_api.methods()


def _all_sent(services: Services) -> bool:
    with services.factory() as session:
        statuses = session.scalars(select(OutboxMessage.status)).all()
        return bool(statuses) and all(s == "sent" for s in statuses)


def test_set_webhook_registers_the_url_with_the_secret_and_the_commands(
    bot_api: FakeBotAPI, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "MIGRAN_DATABASE_URL": f"sqlite:///{tmp_path / 'tg.db'}",
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_API_URL": bot_api.url,
        "TELEGRAM_WEBHOOK_SECRET": TELEGRAM_SECRET,
    }
    url = "https://migran.example.org/webhooks/telegram"
    result = subprocess.run(
        [sys.executable, "-m", "migran.cli", "telegram", "set-webhook", url],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    calls = dict(bot_api.calls)
    assert calls["setWebhook"]["url"] == url
    assert calls["setWebhook"]["secret_token"] == TELEGRAM_SECRET
    commands = [p for m, p in bot_api.calls if m == "setMyCommands"]
    assert len(commands) == 2 and {c.get("language_code") for c in commands} == {None, "en"}
    names = {c["command"] for c in commands[0]["commands"]}
    assert names == {"darurat", "start", "menu", "bahasa", "pelatihan", "lapor", "status"}


def test_the_public_handle_is_kept_so_an_officer_can_reach_a_family_who_consented(tg) -> None:  # type: ignore[no-untyped-def]
    from bot.store.models import Contact

    client, services = tg
    update = update_text(5101, "syarat tki")
    update["message"]["from"]["username"] = "ibu_siti"
    good = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    assert client.post("/webhooks/telegram", json=update, headers=good).status_code == 200
    with services.factory() as session:
        contact = session.scalars(select(Contact).where(Contact.channel == "telegram")).one()
        assert contact.display_name == "@ibu_siti"  # the handle only, never the first name


def test_an_english_telegram_app_gets_the_menu_in_english(tg, bot_api: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    """ "menu" says no language; the app's does (a forms tester after erasing, stop 55)."""
    client, _services = tg
    update = update_text(5201, "menu")
    update["message"]["from"]["language_code"] = "en"
    good = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    assert client.post("/webhooks/telegram", json=update, headers=good).status_code == 200
    wait_for(lambda: bot_api.sent_to(CHAT))
    assert "Migran helps you work abroad safely" in bot_api.sent_to(CHAT)[0]["text"]
