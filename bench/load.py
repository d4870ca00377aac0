"""Load on loopback: many simulated WhatsApp users holding real conversations against
`migran serve`, with a fake Graph API recording the replies.

Each user runs a scripted conversation (questions, a training registration, a case report) and
sends its next message when the reply to the previous one has arrived (a closed loop: the
throughput reached is what the service sustains). Reports inbound messages per second, reply
latency percentiles (webhook sent → reply received by the Graph API), errors, lost and
duplicated replies, and CPU and resident memory of the server processes.

    python bench/load.py --users 100 --duration 60 [--database-url URL] [--workers 2] [--think S]
                         [--telegram] [--profile FILE] [--command CMD] [--compare ROUNDS]

`--command` drives another service the same way (it is started as `CMD --port P --workers N`
with the same environment), e.g. `--command "python bench/reference.py"`, the bare durable
path. `--compare N` alternates Migran and the reference N times, each on a fresh database, and
reports Migran's messages per second as a ratio to the reference's in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import random
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx
import uvicorn

SECRET = "load-secret"
ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    json.loads(line)["q"]
    for line in (ROOT / "tests" / "data" / "heldout_questions.jsonl")
    .read_text("utf-8")
    .splitlines()
    if line and json.loads(line)["topic"]
]
TRAINING = [
    ("t", "pelatihan"),
    ("b", "opt:yes"),
    ("b", "prog:caregiver"),
    ("t", "Siti Aminah"),
    ("t", "24"),
    ("t", "anjani suralaga"),
    ("b", "opt:yes"),
    ("b", "opt:sender"),
    ("b", "dest:taiwan"),
    ("b", "edu:sma"),
    ("b", "opt:submit"),
]
CASE = [
    ("t", "lapor"),
    ("b", "opt:yes"),
    ("b", "rep:family"),
    ("t", "Lalu Ahmad"),
    ("b", "country:malaysia"),
    ("b", "opt:skip"),
    ("b", "cat:wages"),
    ("t", "gaji tidak dibayar 3 bulan oleh majikan"),
    ("b", "opt:no"),
    ("t", "sakra"),
    ("b", "opt:yes"),
    ("b", "opt:yes"),
    ("b", "opt:submit"),
]


class Recorder:
    """The fake Graph API: records replies and wakes the user waiting for one."""

    def __init__(self) -> None:
        self.received: dict[str, list[float]] = defaultdict(list)
        self.waiters: dict[str, asyncio.Future[float]] = {}
        self.ids = 0

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        now = time.monotonic()
        path = scope.get("path", "")
        if "/bot" in path:  # the Telegram Bot API: getMe, setMyCommands, sendMessage, ...
            await self._telegram(path.rsplit("/", 1)[-1], body, now, send)
            return
        try:
            to = json.loads(body).get("to", "")
        except ValueError:
            to = ""
        self.received[to].append(now)
        waiter = self.waiters.pop(to, None)
        if waiter is not None and not waiter.done():
            waiter.set_result(now)
        self.ids += 1
        reply = json.dumps({"messages": [{"id": f"wamid.load.{self.ids}"}]}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": reply})

    async def _telegram(self, method: str, body: bytes, now: float, send: Any) -> None:
        from urllib.parse import parse_qs

        params = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        result: Any = True
        if method == "getMe":
            result = {"id": 1, "is_bot": True, "first_name": "Migran", "username": "migran_bot"}
        elif method == "sendMessage":
            to = params.get("chat_id", "")
            self.received[to].append(now)
            waiter = self.waiters.pop(to, None)
            if waiter is not None and not waiter.done():
                waiter.set_result(now)
            self.ids += 1
            result = {
                "message_id": self.ids,
                "date": 0,
                "chat": {"id": int(to or 0), "type": "private"},
            }
        reply = json.dumps({"ok": True, "result": result}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": reply})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def telegram_update(user: str, n: int, kind: str, value: str) -> bytes:
    chat = {"id": int(user), "type": "private"}
    sender = {"id": int(user), "is_bot": False, "first_name": "U"}
    update_id = int(user) % 100_000 * 10_000 + n
    if kind == "t":
        return json.dumps(
            {
                "update_id": update_id,
                "message": {
                    "message_id": n,
                    "date": 0,
                    "chat": chat,
                    "from": sender,
                    "text": value,
                },
            }
        ).encode()
    return json.dumps(
        {
            "update_id": update_id,
            "callback_query": {
                "id": f"cb{update_id}",
                "chat_instance": "x",
                "data": value,
                "from": sender,
                "message": {"message_id": 1, "date": 0, "chat": chat},
            },
        }
    ).encode()


def payload(user: str, n: int, kind: str, value: str) -> bytes:
    message: dict[str, Any] = {"from": user, "id": f"wamid.{user}.{n}", "timestamp": "0"}
    if kind == "t":
        message.update(type="text", text={"body": value})
    else:
        message.update(
            type="interactive",
            interactive={"type": "button_reply", "button_reply": {"id": value, "title": "x"}},
        )
    return json.dumps(
        {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": "W",
                    "changes": [
                        {
                            "field": "messages",
                            "value": {
                                "messaging_product": "whatsapp",
                                "contacts": [{"wa_id": user}],
                                "messages": [message],
                            },
                        }
                    ],
                }
            ],
        }
    ).encode()


def script(rng: random.Random) -> list[tuple[str, str]]:
    roll = rng.random()
    if roll < 0.5:
        return [("t", rng.choice(QUESTIONS)) for _ in range(4)]
    if roll < 0.75:
        return [("t", rng.choice(QUESTIONS)), *TRAINING]
    return [("t", rng.choice(QUESTIONS)), *CASE]


class Stats:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.by_step: dict[str, list[float]] = defaultdict(list)
        """Latencies per step of the scripts ("question", or a form step's text), to find
        which step makes the tail."""
        self.sent = 0
        self.errors: dict[str, int] = defaultdict(int)
        self.timeouts = 0


async def user_loop(
    n: int,
    base: str,
    rec: Recorder,
    stats: Stats,
    deadline: float,
    client: httpx.AsyncClient,
    channel: str = "whatsapp",
    think: float = 0.0,
) -> None:
    """One user's conversations; `think` is the mean pause (exponential) before each next
    message, as a person reads the reply and types (0: the closed loop at saturation)."""
    rng = random.Random(n)
    user = f"628{n:09d}"
    counter = 0
    if think > 0:  # people do not all write at the same instant: no burst of 100 at t=0
        await asyncio.sleep(rng.expovariate(1 / think))
    while time.monotonic() < deadline:
        for position, (kind, value) in enumerate(script(rng)):
            if time.monotonic() >= deadline:
                return
            counter += 1
            if channel == "telegram":
                body = telegram_update(user, counter, kind, value)
                url = base + "/webhooks/telegram"
                headers = {
                    "X-Telegram-Bot-Api-Secret-Token": SECRET,
                    "Content-Type": "application/json",
                }
            else:
                body = payload(user, counter, kind, value)
                url = base + "/webhooks/whatsapp"
                headers = whatsapp_headers(body)
            before = len(stats.latencies)
            if await exchange(client, url, body, headers, user, rec, stats):
                await asyncio.sleep(0.05)  # let the second reply of a step arrive first
            if len(stats.latencies) > before:
                step = f"{kind}:{value[:14]}"
                if value in QUESTIONS:  # the first of a script follows a finished form
                    step = "first question" if position == 0 else "question"
                stats.by_step[step].append(stats.latencies[-1])
            if think > 0:
                await asyncio.sleep(rng.expovariate(1 / think))


def whatsapp_headers(body: bytes) -> dict[str, str]:
    """A webhook's headers as Meta signs them, with the app secret the server is given."""
    signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    return {"X-Hub-Signature-256": signature, "Content-Type": "application/json"}


async def exchange(
    client: httpx.AsyncClient,
    url: str,
    body: bytes,
    headers: dict[str, str],
    user: str,
    rec: Recorder,
    stats: Stats,
) -> bool:
    """Posts one webhook and waits (up to 30 s) for its reply to reach the fake Graph API,
    counting the latency; False when the post itself failed."""
    waiter: asyncio.Future[float] = asyncio.get_running_loop().create_future()
    rec.waiters[user] = waiter
    started = time.monotonic()
    try:
        response = await client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        stats.errors[type(exc).__name__] += 1
        rec.waiters.pop(user, None)
        return False
    if response.status_code != 200:
        stats.errors[f"HTTP {response.status_code}"] += 1
        rec.waiters.pop(user, None)
        return False
    stats.sent += 1
    try:
        arrived = await asyncio.wait_for(waiter, timeout=30)
        stats.latencies.append(arrived - started)
    except TimeoutError:
        stats.timeouts += 1
    return True


def cpu_by_pid(pids: list[int]) -> dict[int, float]:
    """CPU seconds of each process, to count only what was spent between two readings."""
    return {pid: proc_usage([pid])[0] for pid in pids}


def proc_usage(pids: list[int]) -> tuple[float, float]:
    """CPU seconds and resident MB of the server and its worker processes."""
    cpu = rss = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / tick
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss += int(line.split()[1]) / 1024
        except (OSError, IndexError, ValueError):
            continue
    return cpu, rss


def family(pid: int) -> list[int]:
    pids = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) in pids:
                    pids.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return pids


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


MIGRAN = f"{sys.executable} -m migran.cli serve"


def fresh_database(url: str, tag: str) -> str:
    """A new empty database for one run: a new SQLite file, or a PostgreSQL database created
    beside the one given (its user needs CREATEDB)."""
    if url.startswith("sqlite"):
        path = Path(url.split(":///", 1)[1])
        fresh = path.with_name(f"{path.stem}-{tag}{path.suffix or '.db'}")
        for suffix in ("", "-wal", "-shm"):
            Path(str(fresh) + suffix).unlink(missing_ok=True)
        return f"sqlite:///{fresh}"
    from sqlalchemy import create_engine, text

    base, _, name = url.rpartition("/")
    fresh_name = f"{name}_{tag}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{fresh_name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{fresh_name}"'))
    admin.dispose()
    return f"{base}/{fresh_name}"


async def main_async(args: argparse.Namespace) -> None:
    if not args.compare:
        await run_one(args, args.command or MIGRAN, args.database_url)
        return
    reference = args.command or f"{sys.executable} {ROOT / 'bench' / 'reference.py'}"
    rounds: list[tuple[dict[str, float], dict[str, float]]] = []
    for n in range(args.compare):
        print(f"--- round {n + 1}: Migran")
        mine = await run_one(args, MIGRAN, fresh_database(args.database_url, f"m{n}"))
        print(f"--- round {n + 1}: reference")
        ref = await run_one(args, reference, fresh_database(args.database_url, f"r{n}"))
        rounds.append((mine, ref))
    print("--- summary (Migran / reference, alternating in this run)")
    for n, (mine, ref) in enumerate(rounds):
        print(
            f"round {n + 1}: {mine['rate']:.0f} / {ref['rate']:.0f} msg/s = "
            f"{mine['rate'] / max(ref['rate'], 1e-9):.2f}x; p99 {mine['p99']:.0f} / "
            f"{ref['p99']:.0f} ms; CPU {mine['cpu_ms']:.1f} / {ref['cpu_ms']:.1f} ms/msg; "
            f"lost {mine['lost']:.0f}/{ref['lost']:.0f}, "
            f"duplicated {mine['doubled']:.0f}/{ref['doubled']:.0f}"
        )
    total = sum(m["rate"] for m, _ in rounds) / max(sum(r["rate"] for _, r in rounds), 1e-9)
    print(f"ratio over all rounds: {total:.2f}x")


async def run_one(args: argparse.Namespace, command: str, database_url: str) -> dict[str, float]:
    """One run against the service `command` starts; returns its figures."""
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
        "WHATSAPP_RATE_PER_SECOND": "5000",
    }
    if args.telegram:
        env.update(
            TELEGRAM_BOT_TOKEN="1:LOAD",
            TELEGRAM_WEBHOOK_SECRET=SECRET,
            TELEGRAM_API_URL=f"http://127.0.0.1:{graph_port}",
        )
    server = subprocess.Popen(
        [*shlex.split(command), "--port", str(app_port), "--workers", str(args.workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log_file.open("wb") if (log_file := args.server_log) else subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{app_port}"
    async with httpx.AsyncClient(
        timeout=30, limits=httpx.Limits(max_connections=args.users)
    ) as client:
        for _ in range(300):
            try:
                if (await client.get(base + "/healthz")).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.2)
        profiler = None
        if args.profile:
            profiler = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("py-spy")),
                    "record",
                    "-o",
                    args.profile,
                    "--format",
                    "raw" if args.profile.endswith(".txt") else "flamegraph",
                    "-d",
                    str(int(args.duration)),
                    "-p",
                    str(server.pid),
                    "--subprocesses",
                    "--nonblocking",
                    *(["--gil"] if args.profile_gil else []),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        await asyncio.sleep(2)  # every worker up, the first requests' warm-up done
        cpu_start = cpu_by_pid(family(server.pid))
        stats = Stats()
        started = time.monotonic()
        deadline = started + args.duration
        # one small client per 10 users: a single pool of hundreds of connections costs the
        # generator more CPU than the server it measures
        clients = [
            httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=10))
            for _ in range((args.users + 9) // 10)
        ]
        own0 = time.process_time()
        channels = [
            "telegram" if args.telegram and n % 2 else "whatsapp" for n in range(args.users)
        ]
        await asyncio.gather(
            *(
                user_loop(n, base, rec, stats, deadline, clients[n // 10], channels[n], args.think)
                for n in range(args.users)
            )
        )
        own = time.process_time() - own0
        for extra in clients:
            await extra.aclose()
        elapsed = time.monotonic() - started
        pids = family(server.pid)
        _, rss = proc_usage(pids)
        server_cpu = sum(c - cpu_start.get(pid, 0.0) for pid, c in cpu_by_pid(pids).items())
        # late replies (Telegram sends at most one message per second to a chat)
        for _ in range(15):
            before = sum(len(v) for v in rec.received.values())
            await asyncio.sleep(2)
            if sum(len(v) for v in rec.received.values()) == before:
                break
        if profiler is not None:
            profiler.wait(timeout=60)
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
    graph.should_exit = True
    await graph_task
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    with engine.connect() as conn:
        rows = dict(
            conn.execute(
                text(
                    "SELECT recipient, count(*) FROM outbox WHERE contact_id IS NOT NULL "
                    "AND channel IN ('whatsapp', 'telegram') GROUP BY recipient"
                )
            ).all()
        )
        unhandled = conn.execute(
            text("SELECT count(*) FROM messages WHERE direction = 'in' AND handled_at IS NULL")
        ).scalar()
    received = {u: len(times) for u, times in rec.received.items()}
    lost = sum(max(0, n - received.get(u, 0)) for u, n in rows.items()) + int(unhandled or 0)
    doubled = sum(max(0, n - rows.get(u, 0)) for u, n in received.items())
    print(
        f"database: {database_url.split('@')[-1]}, workers: {args.workers}, "
        f"users: {args.users}, duration: {elapsed:.0f} s"
        + (f", mean pause between messages {args.think:g} s" if args.think else "")
    )
    print(f"inbound accepted: {stats.sent} ({stats.sent / elapsed:.0f} messages/s sustained)")
    lat = stats.latencies
    mean = statistics.fmean(lat or [0]) * 1000
    print(
        f"reply latency: p50 {pct(lat, 50):.0f} ms, p95 {pct(lat, 95):.0f} ms, "
        f"p99 {pct(lat, 99):.0f} ms, mean {mean:.0f} ms"
    )
    slowest = sorted(stats.by_step.items(), key=lambda kv: -pct(kv[1], 95))[:4]
    print(
        "slowest steps (p95): "
        + ", ".join(f"{step!r} {pct(times, 95):.0f} ms (n={len(times)})" for step, times in slowest)
    )
    print(f"errors: {dict(stats.errors) or 0}; waits over 30 s: {stats.timeouts}")
    print(
        f"replies: {sum(rows.values())} written, {sum(received.values())} delivered; "
        f"lost {lost}, duplicated {doubled}"
    )
    print(
        f"server CPU: {server_cpu / elapsed * 100:.0f}% of one core on average "
        f"(2 cores = 200%); resident memory {rss:.0f} MB over {len(pids)} process(es); "
        f"load generator and fake Graph API: {own / elapsed * 100:.0f}% of one core"
    )
    cpu_ms = server_cpu * 1000 / max(stats.sent, 1)
    print(f"server CPU per inbound message: {cpu_ms:.1f} ms")
    engine.dispose()
    return {
        "rate": stats.sent / elapsed,
        "p50": pct(lat, 50),
        "p99": pct(lat, 99),
        "cpu_ms": cpu_ms,
        "lost": float(lost),
        "doubled": float(doubled),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean pause in seconds before a user's next message (default 0: saturation)",
    )
    parser.add_argument(
        "--profile", help="write a py-spy flame graph (SVG) here, or collapsed stacks (.txt)"
    )
    parser.add_argument(
        "--profile-gil",
        action="store_true",
        help="sample only the thread holding the GIL (CPU spent in Python, not waits)",
    )
    parser.add_argument(
        "--telegram", action="store_true", help="half the users write over Telegram (webhook)"
    )
    parser.add_argument("--command", help="start this service instead of `migran serve`")
    parser.add_argument("--server-log", type=Path, help="the server's standard error, here")
    parser.add_argument(
        "--compare", type=int, default=0, help="alternate Migran and the reference N times"
    )
    args = parser.parse_args()
    if args.database_url is None:
        path = Path(f"/tmp/migran-load-{os.getpid()}.db")
        args.database_url = f"sqlite:///{path}"
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
