"""The bare durable path, to measure Migran against on the same machine in the same run.

Per WhatsApp message: verify the signature, one transaction storing the contact, the message
(its platform id unique) and the reply's outbox row, answer 200, then send the reply through a
pooled HTTP client. No conversation, no retries: the least work that keeps the promise "stored
before acknowledged, reply written with it". Configured like `migran serve` (environment:
MIGRAN_DATABASE_URL, WHATSAPP_APP_SECRET, WHATSAPP_API_URL, WHATSAPP_PHONE_NUMBER_ID).

    python bench/reference.py --port 8001 [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import hmac
import itertools
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import httpx

URL = os.environ.get("MIGRAN_DATABASE_URL", "sqlite:////tmp/migran-reference.db")
SECRET = os.environ.get("WHATSAPP_APP_SECRET", "").encode()
GRAPH = os.environ.get("WHATSAPP_API_URL", "http://127.0.0.1:9")
PHONE = os.environ.get("WHATSAPP_PHONE_NUMBER_ID", "1")
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS contacts (id {serial}, channel TEXT NOT NULL, "
    "channel_user_id TEXT NOT NULL, UNIQUE (channel, channel_user_id))",
    "CREATE TABLE IF NOT EXISTS messages (id {serial}, contact_id INTEGER NOT NULL, "
    "channel TEXT NOT NULL, direction TEXT NOT NULL, platform_id TEXT, body TEXT, "
    "handled_at TEXT, UNIQUE (channel, direction, platform_id))",
    "CREATE TABLE IF NOT EXISTS outbox (id {serial}, contact_id INTEGER, channel TEXT NOT NULL, "
    "recipient TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL)",
]
CONTACT = (
    "INSERT INTO contacts (channel, channel_user_id) VALUES ('whatsapp', {p}) "
    "ON CONFLICT (channel, channel_user_id) DO UPDATE SET channel = excluded.channel RETURNING id"
)
MESSAGE = (
    "INSERT INTO messages (contact_id, channel, direction, platform_id, body, handled_at) "
    "VALUES ({p}, 'whatsapp', 'in', {p}, {p}, 'now') ON CONFLICT DO NOTHING RETURNING id"
)
OUTBOX = (
    "INSERT INTO outbox (contact_id, channel, recipient, payload, status) "
    "VALUES ({p}, 'whatsapp', {p}, {p}, 'pending') RETURNING id"
)


class Store:
    """SQLite in the event loop (one writer, short transactions) or a few psycopg connections."""

    def __init__(self) -> None:
        self.sqlite: sqlite3.Connection | None = None
        self.pool: list[Any] = []
        self.locks: list[asyncio.Lock] = []
        self.turn = itertools.count()

    async def open(self) -> None:
        if URL.startswith("sqlite"):
            self.sqlite = sqlite3.connect(URL.split(":///", 1)[1], isolation_level=None)
            for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=30000"):
                self.sqlite.execute(f"PRAGMA {pragma}")
            for ddl in SCHEMA:
                self.sqlite.execute(ddl.format(serial="INTEGER PRIMARY KEY"))
            return
        import psycopg

        dsn = URL.replace("postgresql+psycopg://", "postgresql://")
        for _ in range(4):
            conn = await psycopg.AsyncConnection.connect(dsn, autocommit=True)
            self.pool.append(conn)
            self.locks.append(asyncio.Lock())
        async with self.locks[0]:
            for ddl in SCHEMA:
                # the other worker may create it at the same moment
                with contextlib.suppress(psycopg.errors.UniqueViolation):
                    await self.pool[0].execute(ddl.format(serial="SERIAL PRIMARY KEY"))

    async def store(self, user: str, platform_id: str, body: str, reply: str) -> int | None:
        """The outbox row's id, or None when the message was already stored."""
        payload = json.dumps({"text": reply})
        if self.sqlite is not None:
            db = self.sqlite
            db.execute("BEGIN IMMEDIATE")
            try:
                contact = db.execute(CONTACT.format(p="?"), (user,)).fetchone()[0]
                if db.execute(MESSAGE.format(p="?"), (contact, platform_id, body)).fetchone():
                    row = db.execute(OUTBOX.format(p="?"), (contact, user, payload)).fetchone()[0]
                else:
                    row = None
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            return int(row) if row is not None else None
        n = next(self.turn) % len(self.pool)
        async with self.locks[n]:
            conn = self.pool[n]
            async with conn.transaction():
                contact = (await (await conn.execute(CONTACT.format(p="%s"), (user,))).fetchone())[
                    0
                ]
                cur = await conn.execute(MESSAGE.format(p="%s"), (contact, platform_id, body))
                if await cur.fetchone() is None:
                    return None
                cur = await conn.execute(OUTBOX.format(p="%s"), (contact, user, payload))
                return int((await cur.fetchone())[0])


STORE = Store()
CLIENT: httpx.AsyncClient | None = None
TASKS: set[asyncio.Task[None]] = set()


async def deliver(user: str, reply: str) -> None:
    assert CLIENT is not None
    body = {"messaging_product": "whatsapp", "to": user, "type": "text", "text": {"body": reply}}
    await CLIENT.post(f"{GRAPH}/v21.0/{PHONE}/messages", json=body)


async def respond(send: Any, status: int, body: bytes = b"{}") -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    global CLIENT
    if scope["type"] == "lifespan":
        while True:
            event = await receive()
            if event["type"] == "lifespan.startup":
                await STORE.open()
                CLIENT = httpx.AsyncClient(timeout=10, limits=httpx.Limits(max_connections=32))
                await send({"type": "lifespan.startup.complete"})
            elif event["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] != "http":
        return
    if scope["method"] == "GET":
        await respond(send, 200, b'{"status": "ok"}')
        return
    raw = b""
    while True:
        event = await receive()
        raw += event.get("body", b"")
        if not event.get("more_body"):
            break
    headers = dict(scope["headers"])
    given = headers.get(b"x-hub-signature-256", b"").decode()
    expected = "sha256=" + hmac.new(SECRET, raw, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(given, expected):
        await respond(send, 401)
        return
    replies = []
    for entry in json.loads(raw).get("entry", []):
        for change in entry.get("changes", []):
            for message in change.get("value", {}).get("messages", []):
                text = (message.get("text") or {}).get("body") or (
                    (message.get("interactive") or {}).get("button_reply") or {}
                ).get("id", "")
                if await STORE.store(message["from"], message["id"], text, "ok") is not None:
                    replies.append(message["from"])
    await respond(send, 200)
    for user in replies:
        task = asyncio.create_task(deliver(user, "ok"))
        TASKS.add(task)
        task.add_done_callback(TASKS.discard)


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    uvicorn.run(
        "reference:app",
        app_dir=str(Path(__file__).parent),
        host="127.0.0.1",
        port=args.port,
        workers=args.workers,
        log_level="warning",
        lifespan="on",
    )


if __name__ == "__main__":
    main()
