"""A pooled HTTP client whose idle-connection check is one poll() instead of a socket query.

httpcore asks every pooled connection "has the server closed you?" twice per request. Through
anyio each answer rebuilds the socket's attribute table, calling getpeername(); with 16 idle
connections that was 10% of the server's CPU under load (profile in docs/benchmarks.md).
Here each connection registers its socket with a poll object on the first question, and
every later check is a single poll(0), the same readability test httpcore makes.
"""

from __future__ import annotations

import os
import select
import ssl
import typing

import httpcore
import httpx

SOCKET_OPTION = typing.Any


class _Stream(httpcore.AsyncNetworkStream):
    """anyio's stream, with the raw socket remembered for the readability check."""

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._poll: select.poll | None = None

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        if info == "is_readable":
            if self._poll is None:
                sock = self._inner.get_extra_info("socket")
                fd = -1 if sock is None else sock.fileno()
                if fd < 0:
                    return True  # gone: as readable as a socket at its end
                self._poll = select.poll()
                self._poll.register(fd, select.POLLIN)
            # readable while idle means the server closed it (or sent what nobody asked for)
            return bool(self._poll.poll(0))
        return self._inner.get_extra_info(info)


class _Backend(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _Stream(stream)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _Transport(httpx.AsyncHTTPTransport):
    """httpx's transport over a pool with the backend above (httpx does not take one)."""

    def __init__(self, max_connections: int) -> None:
        super().__init__()
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            network_backend=_Backend(),
        )


PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")


def pooled_client(*, timeout: float, max_connections: int = 32) -> httpx.AsyncClient:
    """The client the channel transports send with. Behind a proxy (HTTPS_PROXY) httpx's own
    client, which honours it; an explicit transport would bypass the proxy."""
    if any(os.environ.get(name) for name in PROXY_VARIABLES):
        limits = httpx.Limits(max_connections=max_connections)
        return httpx.AsyncClient(timeout=timeout, limits=limits)
    return httpx.AsyncClient(timeout=timeout, transport=_Transport(max_connections))
