"""Fake Telegram Bot API and WhatsApp Graph API servers on loopback, for the real clients.

Each records what it received and can be told to fail (status codes, Retry-After) so tests can
prove retries, ordering and recovery without any network.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse


class _Server:
    def __init__(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                owner._dispatch(self, "GET")

            def do_POST(self) -> None:
                owner._dispatch(self, "POST")

        ThreadingHTTPServer.request_queue_size = 256  # bursts of parallel sends
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.lock = threading.Lock()
        self.failures: deque[tuple[int, dict[str, str]]] = deque()

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> _Server:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def fail_next(self, count: int, status: int = 500, retry_after: float | None = None) -> None:
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        with self.lock:
            self.failures.extend([(status, headers)] * count)

    def fail_for(self, seconds: float, status: int = 500, retry_after: float | None = None) -> None:
        """Every request fails with `status` until `seconds` from now (an outage, a throttle)."""
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        with self.lock:
            self.outage = (time.monotonic() + seconds, status, headers)

    def _take_failure(self) -> tuple[int, dict[str, str]] | None:
        with self.lock:
            outage = getattr(self, "outage", None)
            if outage is not None and time.monotonic() < outage[0]:
                return outage[1], outage[2]
            return self.failures.popleft() if self.failures else None

    @staticmethod
    def _reply(
        handler: BaseHTTPRequestHandler,
        status: int,
        body: Any,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(data)

    @staticmethod
    def _body(handler: BaseHTTPRequestHandler) -> dict[str, Any]:
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        kind = handler.headers.get("Content-Type", "")
        if "json" in kind:
            return json.loads(raw or b"{}")
        if "x-www-form-urlencoded" in kind:
            out: dict[str, Any] = {}
            for key, values in parse_qs(raw.decode()).items():
                value = values[0]
                try:
                    out[key] = json.loads(value)
                except ValueError:
                    out[key] = value
            return out
        return {}

    def _dispatch(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        raise NotImplementedError


HOLD_AT_MOST = 120.0
"""A held request is answered after this long even unreleased (a test that forgot), and
counted in `held_too_long`."""


class FakeGraphAPI(_Server):
    """POST /{phone_number_id}/messages, as the WhatsApp Cloud API answers it."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[dict[str, Any]] = []
        self.attempts = 0
        self.tokens: set[str] = set()
        self.ids = itertools.count(1)
        self.holding: str | None = None
        self.released = threading.Event()
        self.held = 0
        self.held_too_long = 0

    def hold(self, words: str) -> None:
        """Messages holding `words` wait unanswered until `release`: a send that cannot finish,
        so a test can act while one is going out without racing a clock."""
        with self.lock:
            self.holding, self.held, self.held_too_long = words, 0, 0
            self.released.clear()

    def release(self) -> None:
        with self.lock:
            self.holding = None
        self.released.set()

    def stop(self) -> None:
        self.release()  # no held request outlives its test
        super().stop()

    def _wait_if_held(self, body: dict[str, Any]) -> None:
        with self.lock:
            holding = self.holding
            if holding is None or holding not in json.dumps(body, ensure_ascii=False):
                return
            self.held += 1
        if not self.released.wait(timeout=HOLD_AT_MOST):
            with self.lock:
                self.held_too_long += 1

    def _dispatch(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        path = urlparse(handler.path).path
        if method != "POST" or not path.endswith("/messages"):
            self._reply(handler, 404, {"error": {"message": "unknown path"}})
            return
        body = self._body(handler)
        self._wait_if_held(body)
        with self.lock:
            self.attempts += 1
            self.tokens.add(handler.headers.get("Authorization", ""))
        failure = self._take_failure()
        if failure is not None:
            self._reply(
                handler, failure[0], {"error": {"message": "injected", "code": 1}}, failure[1]
            )
            return
        message_id = f"wamid.out.{next(self.ids)}"
        with self.lock:
            self.sent.append({**body, "_id": message_id, "_at": time.monotonic()})
        self._reply(
            handler,
            200,
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                "messages": [{"id": message_id}],
            },
        )

    def texts_to(self, recipient: str) -> list[str]:
        """Body text of every message delivered to a recipient, in order."""
        out = []
        with self.lock:
            for m in self.sent:
                if m.get("to") != recipient:
                    continue
                if m.get("type") == "text":
                    out.append(m["text"]["body"])
                elif m.get("type") == "interactive":
                    out.append(m["interactive"]["body"]["text"])
                elif m.get("type") == "template":
                    out.append("[template] " + m["template"]["name"])
        return out


class FakeBotAPI(_Server):
    """The Telegram Bot API methods Migran uses, at /bot{token}/{method}."""

    def __init__(self, token: str = "123:TEST") -> None:
        super().__init__()
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.delivered: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any]] = []
        self.update_ids = itertools.count(1000)
        self.message_ids = itertools.count(1)
        self.new_update = threading.Condition(self.lock)

    def push(self, update: dict[str, Any]) -> int:
        """Queues an update for getUpdates; returns its update_id."""
        with self.new_update:
            update_id = next(self.update_ids)
            self.updates.append({"update_id": update_id, **update})
            self.new_update.notify_all()
            return update_id

    def push_text(self, chat_id: int, text: str) -> int:
        return self.push(
            {
                "message": {
                    "message_id": next(self.message_ids),
                    "date": int(time.time()),
                    "chat": {"id": chat_id, "type": "private"},
                    "from": {"id": chat_id, "is_bot": False, "first_name": "U"},
                    "text": text,
                }
            }
        )

    def push_button(self, chat_id: int, data: str) -> int:
        return self.push(
            {
                "callback_query": {
                    "id": f"cb{next(self.message_ids)}",
                    "chat_instance": "x",
                    "data": data,
                    "from": {"id": chat_id, "is_bot": False, "first_name": "U"},
                    "message": {
                        "message_id": 1,
                        "date": int(time.time()),
                        "chat": {"id": chat_id, "type": "private"},
                        "text": "...",
                    },
                }
            }
        )

    def sent_to(self, chat_id: int) -> list[dict[str, Any]]:
        """Messages successfully delivered to a chat, in order."""
        with self.lock:
            return [p for p in self.delivered if str(p.get("chat_id")) == str(chat_id)]

    def methods(self) -> list[str]:
        with self.lock:
            return [m for m, _ in self.calls]

    def _dispatch(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        path = urlparse(handler.path).path
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            self._reply(handler, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        name = path[len(prefix) :]
        params = self._body(handler)
        with self.lock:
            self.calls.append((name, params))
        if name == "getUpdates":
            self._get_updates(handler, params)
            return
        if name == "sendMessage":
            failure = self._take_failure()
            if failure is not None:
                status, headers = failure
                body: dict[str, Any] = {
                    "ok": False,
                    "error_code": status,
                    "description": "injected",
                }
                if status == 429:
                    body["parameters"] = {"retry_after": int(float(headers.get("Retry-After", 1)))}
                self._reply(handler, status, body)
                return
            with self.lock:
                self.delivered.append(params)
            self._reply(
                handler,
                200,
                {
                    "ok": True,
                    "result": {
                        "message_id": next(self.message_ids),
                        "date": int(time.time()),
                        "chat": {"id": int(params.get("chat_id", 0)), "type": "private"},
                        "text": params.get("text", ""),
                    },
                },
            )
            return
        results: dict[str, Any] = {
            "getMe": {
                "id": 42,
                "is_bot": True,
                "first_name": "Migran",
                "username": "migran_bot",
                "can_join_groups": False,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            },
        }
        self._reply(handler, 200, {"ok": True, "result": results.get(name, True)})

    def _get_updates(self, handler: BaseHTTPRequestHandler, params: dict[str, Any]) -> None:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 1.0)
        with self.new_update:
            while True:
                ready = [u for u in self.updates if u["update_id"] >= offset]
                if ready or time.monotonic() >= deadline:
                    break
                self.new_update.wait(timeout=0.05)
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        self._reply(handler, 200, {"ok": True, "result": ready})
