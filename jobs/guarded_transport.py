"""An httpx transport that connects only to the address it has just vetted.

Checking a URL's host and then letting httpx resolve it again leaves a gap: a name can
answer a public address to the check and 127.0.0.1 to the connection (DNS rebinding).
Here httpcore's network backend does both at once: it resolves the host once, refuses it
unless every address is public (jobs.urlguard), and opens the TCP connection to one of those
addresses. The origin's host name is unchanged for httpcore, so the Host header, TLS SNI and
certificate checks all use the name, and pooled connections stay per host name.
"""

from __future__ import annotations

import asyncio
import typing

import httpcore
import httpx
from httpcore._backends.auto import AutoBackend

from jobs.urlguard import AddressRefused, Resolver, private_allowed, resolve_and_vet, system_resolver


class RefusedConnect(httpcore.ConnectError):
    """The connection was not attempted: the host's address is refused or unresolvable."""

    def __init__(self, refused: AddressRefused) -> None:
        super().__init__(refused.reason)
        self.refused = refused


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolve once, vet every address, connect to a vetted one (see the module docstring)."""

    def __init__(self, resolver: Resolver | None = None) -> None:
        self._resolver = resolver or system_resolver
        self._backend = AutoBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        allow = private_allowed.get()
        try:
            addresses = await asyncio.to_thread(resolve_and_vet, host, port, allow, self._resolver)
        except AddressRefused as e:
            raise RefusedConnect(e) from e
        last: Exception | None = None
        for address in addresses:
            try:
                return await self._backend.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                                       socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                last = e
        assert last is not None
        raise last

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("Unix sockets are not used for feeds")

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport with the guarded backend under its connection pool."""

    def __init__(self, *, limits: httpx.Limits, resolver: Resolver | None = None) -> None:
        super().__init__(limits=limits, trust_env=False)
        # httpx does not expose httpcore's network_backend; the pool is rebuilt with it,
        # with the settings httpx gave the one it built.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=self._pool._ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(resolver),
        )


def refusal_in(error: BaseException) -> AddressRefused | None:
    """The :class:`AddressRefused` behind an httpx error, if that is what it was."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, RefusedConnect):
            return cause.refused
        cause = cause.__cause__ or cause.__context__
    return None
