"""The pooled client sends, reuses a connection, and notices when the server closed one."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from bot.channels import http_pool
from bot.channels.http_pool import pooled_client


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        # /close: the server drops the connection after answering, without saying so, as a
        # server does with a keep-alive connection it no longer wants
        self.close_connection = self.path == "/close"

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_requests_reuse_one_connection_and_survive_a_server_closing_it(server: str) -> None:
    async def run() -> list[int]:
        peers: set[tuple[str, int]] = set()

        async def remember(response: httpx.Response) -> None:
            stream = response.extensions["network_stream"]
            sock: socket.socket = stream.get_extra_info("socket")
            peers.add(sock.getsockname())

        client = pooled_client(timeout=5)
        client.event_hooks["response"] = [remember]
        statuses = []
        async with client:
            for _ in range(5):
                statuses.append((await client.post(f"{server}/ok", json={})).status_code)
            assert len(peers) == 1  # kept alive and reused
            statuses.append((await client.post(f"{server}/close", json={})).status_code)
            await asyncio.sleep(0.05)
            statuses.append((await client.post(f"{server}/ok", json={})).status_code)
        assert len(peers) == 2  # the closed connection was noticed and replaced
        return statuses

    assert asyncio.run(run()) == [200] * 7


def test_behind_a_proxy_the_client_is_httpx_s_own(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in http_pool.PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert isinstance(pooled_client(timeout=5)._transport, http_pool._Transport)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.invalid:3128")
    behind = pooled_client(timeout=5)
    assert not isinstance(behind._transport, http_pool._Transport)
    assert behind._mounts  # httpx mounted a transport for the proxy
