"""The outbox's announcement lane: it never holds a reply back and gives way to people chatting."""

from __future__ import annotations

import asyncio

from bot.lane import Lane
from bot.outbox import RateLimiter
from bot.store.db import transaction
from bot.store.models import utcnow
from bot.types import Incoming
from migran.services import Services
from tests.announcements_support import announce, states, subscriber
from tests.fakes import FakeGraphAPI
from tests.officers_support import ANJANI, team

USER = "6281700000001"


def queued_announcement(services: Services) -> int:
    people = team(services)
    subscriber(services, USER, ANJANI)
    announcement_id = announce(services, people["anjani"].id, "Info pelatihan las.", [ANJANI])
    assert services.pump is not None
    with transaction(services.factory) as session:
        assert services.pump.fill(session, "whatsapp", 10, utcnow()) == 1
    return announcement_id


def test_a_reply_is_not_held_behind_an_announcement_to_the_same_chat(
    wa_services: Services,
) -> None:
    queued_announcement(wa_services)
    wa_services.dispatcher.receive(
        Incoming(channel="whatsapp", user_id=USER, text="syarat tki", platform_id="wamid.l1")
    )
    sender, lane = wa_services.sender, wa_services.lane
    assert sender is not None and lane is not None
    replies = sender.claim()
    assert replies and all(m.recipient == USER for m in replies)
    assert all("pelatihan las" not in m.payload.get("text", "") for m in replies)
    announcements = lane.claim(10)
    assert len(announcements) == 1 and "Info pelatihan las." in announcements[0].payload["text"]


def test_the_lane_waits_while_messages_are_being_handled(
    wa_services: Services, graph: FakeGraphAPI
) -> None:
    announcement_id = queued_announcement(wa_services)
    assert wa_services.sender is not None
    handling = True
    lane = Lane(wa_services.sender, {"whatsapp": 50.0}, busy=lambda: handling)

    async def run() -> None:
        task = asyncio.create_task(lane.run_once())
        await asyncio.sleep(0.5)
        assert not graph.sent  # people's messages first
        nonlocal handling
        handling = False
        assert await asyncio.wait_for(task, timeout=10) == 1

    asyncio.run(run())
    texts = graph.texts_to(USER)
    assert len(texts) == 1 and "Info pelatihan las." in texts[0]
    assert list(states(wa_services, announcement_id).values()) == ["queued"]  # no listener here


def test_the_shared_bucket_gives_no_token_while_a_reply_waits_for_one() -> None:
    now = [0.0]
    bucket = RateLimiter(1.0, clock=lambda: now[0])

    async def run() -> None:
        assert bucket.try_acquire()  # the one token
        waiting = asyncio.create_task(bucket.acquire())  # a reply waits for the next
        await asyncio.sleep(0)
        now[0] = 5.0
        assert not bucket.try_acquire()  # the announcement gives way
        await asyncio.wait_for(waiting, timeout=5)

    asyncio.run(run())
