"""The outbox: order per chat, retry with backoff, dead letters, and restarts that lose nothing."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

from sqlalchemy import func, select

from bot.outbox import MAX_ATTEMPTS, OutboxSender
from bot.store.models import Message, OutboxMessage
from bot.types import Incoming
from knowledge import Librarian
from migran.services import Services, build
from tests.channels_support import whatsapp_settings
from tests.fakes import FakeGraphAPI


def drain(sender: OutboxSender, rounds: int = 200) -> None:
    """Runs send cycles until nothing is due (backoff waits are short in these tests)."""

    async def run() -> None:
        idle = 0
        for _ in range(rounds):
            count = await sender.run_once()
            idle = idle + 1 if count == 0 else 0
            if idle >= 30:
                return
            await asyncio.sleep(0.05 if count == 0 else 0)

    asyncio.run(run())


def incoming(user: str, text: str, n: int) -> Incoming:
    return Incoming(
        channel="whatsapp",
        user_id=user,
        text=text,
        platform_id=f"wamid.{user}.{n}",
        phone="+" + user,
    )


def test_one_chat_is_delivered_in_order_even_when_its_first_message_fails(
    wa_services: Services, graph: FakeGraphAPI
) -> None:
    user = "6281100000001"
    for n, text in enumerate(["menu", "syarat tki", "status", "bahasa"]):
        wa_services.dispatcher.receive(incoming(user, text, n))
    graph.fail_next(1, status=503, retry_after=0.2)
    drain(wa_services.sender)  # type: ignore[arg-type]
    with wa_services.factory() as session:
        rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    delivered = {m["_id"]: i for i, m in enumerate(graph.sent)}
    order = [delivered[r.platform_message_id] for r in rows]
    assert all(r.status == "sent" for r in rows)
    assert order == sorted(order)


def test_a_restart_in_the_middle_of_a_burst_loses_nothing_and_doubles_nothing(
    database_url: str, graph: FakeGraphAPI, librarian: Librarian
) -> None:
    first = build(whatsapp_settings(database_url, graph.url), librarian=librarian)
    users = [f"62812000{n:05d}" for n in range(30)]
    accepted = [first.dispatcher.accept(incoming(u, "syarat tki", 0)) for u in users]
    for stored in accepted[:10]:  # some were handled before the crash...
        assert stored is not None
        first.dispatcher.process(stored.message_id, stored.contact_id)
    claimed = first.sender.claim()  # type: ignore[union-attr]
    assert claimed  # ...and some were leased by a sender that then died mid-send
    first.database.dispose()

    second = build(whatsapp_settings(database_url, graph.url), librarian=librarian)
    assert second.dispatcher.process_pending() == 20
    clock = second.sender.clock  # type: ignore[union-attr]
    second.sender.clock = lambda: clock() + timedelta(minutes=2)  # the lease has run out  # type: ignore[union-attr]
    drain(second.sender)  # type: ignore[arg-type]
    with second.factory() as session:
        stuck = [
            (r.recipient, r.status, r.next_attempt_at, r.last_error)
            for r in session.scalars(select(OutboxMessage))
            if r.status != "sent"
        ]
    assert stuck == []
    for user in users:
        assert len(graph.texts_to(user)) == 1, user
    with second.factory() as session:
        handled = session.scalar(
            select(func.count())
            .select_from(Message)
            .where(Message.direction == "in", Message.handled_at.is_not(None))
        )
        assert handled == 30
    second.database.dispose()


def test_a_message_that_keeps_failing_becomes_a_dead_letter(
    wa_services: Services, graph: FakeGraphAPI
) -> None:
    sender = wa_services.sender
    assert sender is not None
    wa_services.dispatcher.receive(incoming("6281100000009", "syarat tki", 1))
    graph.fail_for(3600, status=500)
    start = sender.clock()
    for n in range(MAX_ATTEMPTS + 5):
        # each cycle happens after the longest backoff (300 s): 40 attempts take about 3.3 hours
        sender.clock = lambda n=n: start + timedelta(seconds=301 * n)
        asyncio.run(sender.run_once())
    with wa_services.factory() as session:
        row = session.scalars(select(OutboxMessage)).one()
    assert row.status == "dead" and row.attempts == MAX_ATTEMPTS
    assert "500" in (row.last_error or "")


def test_a_message_failing_for_six_hours_is_given_up_even_with_attempts_left(
    wa_services: Services, graph: FakeGraphAPI
) -> None:
    sender = wa_services.sender
    assert sender is not None
    wa_services.dispatcher.receive(incoming("6281100000019", "syarat tki", 1))
    graph.fail_for(3600, status=503)
    start = sender.clock()
    for hours in (0, 2, 4, 7):
        sender.clock = lambda hours=hours: start + timedelta(hours=hours)
        asyncio.run(sender.run_once())
    with wa_services.factory() as session:
        row = session.scalars(select(OutboxMessage)).one()
    assert row.status == "dead" and row.attempts == 4


def test_a_rejected_message_is_dead_at_once_and_does_not_block_the_next_chat(
    wa_services: Services, graph: FakeGraphAPI
) -> None:
    wa_services.dispatcher.receive(incoming("6281100000010", "syarat tki", 1))
    graph.fail_next(1, status=400)
    drain(wa_services.sender)  # type: ignore[arg-type]
    wa_services.dispatcher.receive(incoming("6281100000010", "menu", 2))
    drain(wa_services.sender)  # type: ignore[arg-type]
    with wa_services.factory() as session:
        statuses = session.scalars(select(OutboxMessage.status).order_by(OutboxMessage.id)).all()
    assert statuses == ["dead", "sent"]


def test_outside_the_24_hour_window_a_template_invites_the_user_back(
    wa_services: Services, graph: FakeGraphAPI
) -> None:
    user = "6281100000011"
    wa_services.dispatcher.receive(incoming(user, "syarat tki", 1))
    sender = wa_services.sender
    assert sender is not None
    real_clock = sender.clock
    sender.clock = lambda: real_clock() + timedelta(hours=25)
    drain(sender)
    assert graph.texts_to(user) == ["[template] migran_reply_waiting"]
    with wa_services.factory() as session:
        assert session.scalars(select(OutboxMessage.status)).one() == "held"
    sender.clock = real_clock
    wa_services.dispatcher.receive(incoming(user, "halo", 2))  # the user writes again
    drain(sender)
    texts = graph.texts_to(user)
    assert len(texts) == 3 and "18 tahun" in texts[1]


def test_the_rate_limiter_keeps_to_its_rate_after_a_burst() -> None:
    from bot.outbox import RateLimiter

    async def take(n: int, limiter: RateLimiter) -> float:
        start = time.monotonic()
        for _ in range(n):
            await limiter.acquire()
        return time.monotonic() - start

    limiter = RateLimiter(5.0)
    elapsed = asyncio.run(take(10, limiter))  # 5 at once (the burst), then 5 at 1/5 s
    assert 0.9 <= elapsed < 2.0


def test_telegram_messages_to_one_chat_are_at_least_a_second_apart(
    database_url: str, librarian: Librarian
) -> None:
    from bot.config import Settings
    from tests.channels_support import TELEGRAM_SECRET, TELEGRAM_TOKEN
    from tests.fakes import FakeBotAPI

    bot_api = FakeBotAPI(TELEGRAM_TOKEN).start()
    services = build(
        Settings(
            database_url=database_url,
            telegram_bot_token=TELEGRAM_TOKEN,
            telegram_api_url=bot_api.url,
            telegram_webhook_secret=TELEGRAM_SECRET,
        ),
        librarian=librarian,
    )
    try:
        for n, text in enumerate(["menu", "syarat tki", "status"]):
            services.dispatcher.receive(
                Incoming(channel="telegram", user_id="5005", text=text, platform_id=f"u{n}")
            )

        async def run() -> None:
            for _ in range(60):
                await services.sender.run_once()  # type: ignore[union-attr]
                if len(bot_api.delivered) >= 3:
                    return
                await asyncio.sleep(0.1)

        started = time.monotonic()
        asyncio.run(run())
        assert len(bot_api.sent_to(5005)) == 3
        assert time.monotonic() - started >= 2.0  # three messages to one chat, 1 s apart
    finally:
        bot_api.stop()
        services.database.dispose()
