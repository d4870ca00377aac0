"""A province-wide announcement to 50,000 subscribers, and 20 people chatting meanwhile.

Seeds 50,000 WhatsApp subscribers across NTB's villages, starts `migran serve` against a fake
Graph API (bench/load.py's recorder), then alternates rounds in the same run:

- *without*: 20 simulated users hold conversations (bench/load.py's closed loop); nothing else;
- *with*: an admin composes a province-wide announcement, a second admin approves it (that
  queues one delivery per subscriber: timed), and the same kind of 20 users chat while the
  service drains the announcement at the platform rate; the round ends by cancelling it
  (the rest is skipped).

Reports the queueing time, the announcements delivered per second, and reply latency
percentiles per round and per kind of round, with p99(with) / p99(without).

    python bench/announce.py [--subscribers 50000] [--users 20] [--rounds 2] [--phase 20]
                             [--rate 80] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shlex
import signal
import subprocess
import time
from pathlib import Path

import httpx
import uvicorn
from load import (
    MIGRAN,
    SECRET,
    Recorder,
    Stats,
    cpu_by_pid,
    exchange,
    family,
    free_port,
    fresh_database,
    payload,
    pct,
    script,
    whatsapp_headers,
)
from sqlalchemy import insert, select

from bot.announcements import service
from bot.announcements.models import Announcement, Subscription
from bot.officers.service import create_officer
from bot.store.db import make_engine, make_sessionmaker, transaction
from bot.store.models import Contact, Officer, utcnow
from bot.store.schema import upgrade
from knowledge.villages import VillageDirectory

SUBSCRIBER_PREFIX = "629"


def seed(database_url: str, subscribers: int) -> tuple[int, int]:
    """Subscribers spread over every village, and two admins; returns the admins' ids."""
    upgrade(database_url)
    database = make_engine(database_url)
    factory = make_sessionmaker(database)
    villages = [v.code for v in VillageDirectory().villages]
    now = utcnow()
    started = time.perf_counter()
    with transaction(factory) as session:
        session.execute(
            insert(Contact),
            [
                {
                    "channel": "whatsapp",
                    "channel_user_id": f"{SUBSCRIBER_PREFIX}{n:09d}",
                    "language": "id",
                    "created_at": now,
                    "last_seen_at": now,
                }
                for n in range(subscribers)
            ],
        )
        ids = session.scalars(select(Contact.id).order_by(Contact.id)).all()
        session.execute(
            insert(Subscription),
            [
                {
                    "contact_id": contact_id,
                    "village_code": villages[n % len(villages)],
                    "district_code": ".".join(villages[n % len(villages)].split(".")[:2]),
                    "started_at": now,
                }
                for n, contact_id in enumerate(ids)
            ],
        )
        first = create_officer(session, name="Admin Satu", role="admin").officer.id
        second = create_officer(session, name="Admin Dua", role="admin").officer.id
    print(f"seeded {subscribers} subscribers in {time.perf_counter() - started:.1f} s")
    database.dispose()
    return first, second


def queue_announcement(database_url: str, author: int, approver: int, n: int) -> tuple[int, float]:
    """Compose, send, approve (which queues every delivery); returns (id, seconds)."""
    database = make_engine(database_url)
    factory = make_sessionmaker(database)
    started = time.perf_counter()
    with transaction(factory) as session:
        officer = session.get(Officer, author)
        assert officer is not None
        row = service.compose(
            session,
            officer=officer,
            level="province",
            codes=[],
            text=f"Pengumuman {n}: bursa kerja resmi di kantor Disnakertrans NTB.",
            button="training",
            now=utcnow(),
        )
        service.send(session, announcement=row, officer=officer, now=utcnow())
        announcement_id = row.id
    with transaction(factory) as session:
        second = session.get(Officer, approver)
        announcement = session.get(Announcement, announcement_id)
        assert second is not None and announcement is not None
        service.approve(session, announcement=announcement, officer=second, now=utcnow())
        queued = announcement.recipients
    elapsed = time.perf_counter() - started
    print(f"  queued {queued} deliveries in {elapsed:.2f} s (compose + approve, one transaction)")
    database.dispose()
    return announcement_id, elapsed


def cancel(database_url: str, author: int, announcement_id: int) -> None:
    database = make_engine(database_url)
    factory = make_sessionmaker(database)
    with transaction(factory) as session:
        officer = session.get(Officer, author)
        announcement = session.get(Announcement, announcement_id)
        assert officer is not None and announcement is not None
        service.cancel(session, announcement=announcement, officer=officer, now=utcnow())
    database.dispose()


def announced(rec: Recorder) -> int:
    return sum(len(t) for u, t in rec.received.items() if u.startswith(SUBSCRIBER_PREFIX))


async def person(
    n: int,
    base: str,
    rec: Recorder,
    stats: Stats,
    deadline: float,
    client: httpx.AsyncClient,
    think: float,
) -> None:
    """One person chatting (bench/load.py's scripts), reading and typing for about `think`
    seconds between a reply and their next message, as people on a phone do."""
    rng = random.Random(n)
    user = f"628{n:09d}"
    counter = 0
    await asyncio.sleep(rng.uniform(0, think))  # not all at the same moment
    while time.monotonic() < deadline:
        for kind, value in script(rng):
            if time.monotonic() >= deadline:
                return
            counter += 1
            body = payload(user, counter, kind, value)
            url = base + "/webhooks/whatsapp"
            if await exchange(client, url, body, whatsapp_headers(body), user, rec, stats):
                await asyncio.sleep(rng.uniform(0.5, 1.5) * think)


async def chat_round(
    base: str, rec: Recorder, users: int, seconds: float, offset: int, think: float
) -> tuple[Stats, float]:
    """`users` new users chatting for `seconds`; returns their stats and announcements/s."""
    stats = Stats()
    before, started = announced(rec), time.monotonic()
    deadline = started + seconds
    clients = [
        httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=10))
        for _ in range((users + 9) // 10)
    ]
    await asyncio.gather(
        *(
            person(offset + n, base, rec, stats, deadline, clients[n // 10], think)
            for n in range(users)
        )
    )
    for client in clients:
        await client.aclose()
    rate = (announced(rec) - before) / (time.monotonic() - started)
    return stats, rate


async def main_async(args: argparse.Namespace) -> None:
    database_url = fresh_database(args.database_url, "announce")
    author, approver = seed(database_url, args.subscribers)
    rec = Recorder()
    graph_port, app_port = free_port(), free_port()
    graph = uvicorn.Server(
        uvicorn.Config(rec, host="127.0.0.1", port=graph_port, log_level="error", backlog=4096)
    )
    graph_task = asyncio.create_task(graph.serve())
    env = {
        **os.environ,
        "MIGRAN_DATABASE_URL": database_url,
        "WHATSAPP_ACCESS_TOKEN": "load",
        "WHATSAPP_PHONE_NUMBER_ID": "1555000",
        "WHATSAPP_APP_SECRET": SECRET,
        "WHATSAPP_VERIFY_TOKEN": "v",
        "WHATSAPP_API_URL": f"http://127.0.0.1:{graph_port}",
        "WHATSAPP_RATE_PER_SECOND": "1000",
        "MIGRAN_ANNOUNCE_RATE_WHATSAPP": str(args.rate),
    }
    server = subprocess.Popen(
        [*shlex.split(MIGRAN), "--port", str(app_port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=args.server_log.open("wb") if args.server_log else subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{app_port}"
    results: dict[str, list[float]] = {"without": [], "with": []}
    rates: list[float] = []
    queue_times: list[float] = []
    try:
        async with httpx.AsyncClient(timeout=5) as client:
            for _ in range(300):
                try:
                    if (await client.get(base + "/healthz")).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.2)
        await asyncio.sleep(2)
        offset = 0
        for n in range(args.rounds):
            for kind in ("without", "with"):
                offset += 1000
                print(f"round {n + 1}, {kind} the announcement")
                announcement_id = None
                if kind == "with":
                    announcement_id, took = await asyncio.to_thread(
                        queue_announcement, database_url, author, approver, n
                    )
                    queue_times.append(took)
                cpu_start, clock_start = cpu_by_pid(family(server.pid)), time.monotonic()
                stats, rate = await chat_round(
                    base, rec, args.users, args.phase, offset, args.think
                )
                if announcement_id is not None:
                    await asyncio.to_thread(cancel, database_url, author, announcement_id)
                    rates.append(rate)
                cpu = sum(
                    c - cpu_start.get(pid, 0.0) for pid, c in cpu_by_pid(family(server.pid)).items()
                ) / (time.monotonic() - clock_start)
                lat = stats.latencies
                results[kind] += lat
                print(
                    f"  replies: {len(lat)}, p50 {pct(lat, 50):.0f} ms, p95 {pct(lat, 95):.0f} ms,"
                    f" p99 {pct(lat, 99):.0f} ms; errors {dict(stats.errors) or 0}, waits over"
                    f" 30 s {stats.timeouts}; announcements delivered {rate:.1f}/s; server CPU"
                    f" {cpu * 100:.0f}% of a core"
                )
                await asyncio.sleep(2)  # the cancelled rest settles before the next round
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        graph.should_exit = True
        await graph_task
    without, with_ = results["without"], results["with"]
    print("--- summary")
    print(
        f"queueing {args.subscribers} deliveries: "
        + ", ".join(f"{t:.2f} s" for t in queue_times)
        + f" (limit 10 s); database {database_url.split('@')[-1]}"
    )
    print(
        "announcements delivered while chatting: "
        + ", ".join(f"{r:.1f}/s" for r in rates)
        + f" (lane rate {args.rate}/s)"
    )
    print(
        f"reply latency without: p50 {pct(without, 50):.0f} ms, p99 {pct(without, 99):.0f} ms "
        f"({len(without)} replies); with: p50 {pct(with_, 50):.0f} ms, "
        f"p99 {pct(with_, 99):.0f} ms ({len(with_)} replies)"
    )
    ratio = pct(with_, 99) / max(pct(without, 99), 1e-9)
    print(f"p99 with / without: {ratio:.2f} (limit 1.5)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--subscribers", type=int, default=50_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--phase", type=float, default=20, help="seconds per round")
    parser.add_argument(
        "--rate", type=float, default=80, help="announcements per second (WhatsApp's default)"
    )
    parser.add_argument(
        "--think", type=float, default=2.0, help="seconds a person reads and types, on average"
    )
    parser.add_argument("--server-log", type=Path, help="the server's standard error, here")
    args = parser.parse_args()
    if args.database_url is None:
        args.database_url = f"sqlite:////tmp/migran-announce-{os.getpid()}.db"
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
