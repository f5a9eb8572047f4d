"""Download one URL politely and safely, reporting every failure as a value.

The ingest job fetches many feeds per cycle; one slow, broken or hostile site must cost a
bounded amount of time and memory and must never abort the others. So this module:
follows redirects itself (at most ``max_redirects``) to vet every hop with
:mod:`jobs.urlguard`; streams the raw body and decodes it itself, stopping once any
decoded layer passes ``max_bytes`` (:mod:`jobs.bounded_decode`); sends conditional GET
headers so unchanged feeds cost a 304; and turns every httpx error into a
:class:`FetchResult` with a sentence a human can act on.

It is generic on purpose: article pages for full text are fetched the same way with a
different ``accept``.
"""

from __future__ import annotations

import asyncio
import zlib
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Literal
from urllib.parse import urljoin

import httpx

from core.render import plural
from jobs.bounded_decode import ACCEPT_ENCODING, BoundedDecoder, TooLarge, UnsupportedEncoding
from jobs.guarded_transport import GuardedTransport, refusal_in
from jobs.urlguard import Resolver, judge_url, private_allowed

USER_AGENT = "briefbot/0.1 (+https://github.com/briefbot/briefbot)"
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
HTML_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# Gone for good: retrying will not help, so the caller may back off harder or disable.
_PERMANENT_STATUSES = frozenset({404, 410})

FetchStatus = Literal["ok", "not_modified", "error"]


@dataclass(frozen=True)
class FetchResult:
    """What happened to one fetch: a body, "unchanged since last time", or an error text.

    ``etag`` and ``last_modified`` are the validators to store for the next conditional
    GET (on 304 the ones sent are kept unless the server sent fresh ones). ``permanent``
    hints that retrying will not help (404, 410, a refused URL).
    """

    status: FetchStatus
    final_url: str
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    http_status: int | None = None
    error: str | None = None
    permanent: bool = False

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def make_client(connect_timeout: float = 10, read_timeout: float = 30, *,
                resolver: Resolver | None = None) -> httpx.AsyncClient:
    """An AsyncClient for :func:`fetch_url`: our User-Agent, timeouts, no automatic redirects,
    and a transport that connects only to addresses it has vetted (``resolver`` for tests)."""
    limits = httpx.Limits(max_connections=20, max_keepalive_connections=10)
    return httpx.AsyncClient(
        timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
        follow_redirects=False,
        # Only encodings jobs.bounded_decode can undo while counting (no br/zstd surprises).
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
        transport=GuardedTransport(limits=limits, resolver=resolver),
        trust_env=False,  # a proxy from the environment would connect to names we never vetted
    )


async def fetch_url(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = 5,
    allow_private: bool = False,
    accept: str = FEED_ACCEPT,
    total_timeout: float | None = 120,
) -> FetchResult:
    """GET ``url`` and return a :class:`FetchResult`; never raises for network or HTTP trouble.

    ``total_timeout`` bounds the whole fetch, redirects included, so a server that
    trickles one byte just inside the read timeout cannot hold a cycle forever.
    """
    headers = {"Accept": accept, "Accept-Encoding": ACCEPT_ENCODING}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    allowed = private_allowed.set(allow_private)  # read by the connect-time guard
    try:
        async with asyncio.timeout(total_timeout):
            for _hop in range(max_redirects + 1):
                outcome = await _fetch_once(
                    client, current, headers, max_bytes=max_bytes, allow_private=allow_private
                )
                if isinstance(outcome, _Redirect):
                    current = outcome.location
                    continue
                if outcome.status == "not_modified":
                    outcome = _keep_validators(outcome, etag, last_modified)
                return outcome
            return _error(current, f"too many redirects (more than {max_redirects}), last to {current}")
    except TimeoutError:
        return _error(current, f"took longer than {total_timeout:g} s in total fetching {current}; gave up")
    except httpx.TimeoutException as e:
        return _error(current, _timeout_text(client, e, current))
    except httpx.ConnectError as e:
        refused = refusal_in(e)
        if refused is not None:  # a failed lookup is not a refusal: say only what happened
            text = f"refused {current}: {refused.reason}" if refused.permanent else refused.reason
            return _error(current, text, permanent=refused.permanent)
        return _error(current, _connect_text(e, current))
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as e:
        return _error(current, f"invalid URL {current!r}: {e}", permanent=True)
    except httpx.HTTPError as e:
        return _error(current, f"{_describe(e)} fetching {current}")
    finally:
        private_allowed.reset(allowed)


@dataclass(frozen=True)
class _Redirect:
    location: str


async def _fetch_once(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], *, max_bytes: int, allow_private: bool
) -> FetchResult | _Redirect:
    """One vetted request without following redirects."""
    verdict = judge_url(url, allow_private, resolve=False)  # the name is resolved once, when connecting
    if verdict.reason:
        return _error(url, f"refused {url}: {verdict.reason}", permanent=verdict.permanent)
    async with client.stream("GET", url, headers=headers) as response:
        status = response.status_code
        if response.has_redirect_location:
            return _Redirect(urljoin(url, response.headers["location"]))
        if status == 304:
            return _result(response, url, "not_modified", b"")
        if not 200 <= status < 300:
            return _error(url, _status_text(status), http_status=status, permanent=status in _PERMANENT_STATUSES)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            return _oversize(url, status, max_bytes)
        try:
            body = await _read_bounded(response, max_bytes)
        except TooLarge:
            return _oversize(url, status, max_bytes)
        except UnsupportedEncoding as e:
            return _error(url, f"the server used Content-Encoding {e} for {url}, which was not asked for",
                          http_status=status)
        except zlib.error as e:
            return _error(url, f"the compressed body of {url} is corrupt ({e})", http_status=status)
        return _result(response, url, "ok", body)


async def _read_bounded(response: httpx.Response, max_bytes: int) -> bytes:
    """The decoded body, counted as it is produced (see jobs.bounded_decode)."""
    decoder = BoundedDecoder(response.headers.get("content-encoding", ""), max_bytes)
    body = bytearray()
    async for raw in response.aiter_raw():
        for chunk in decoder.decode(raw):
            body += chunk
    for chunk in decoder.finish():
        body += chunk
    return bytes(body)


def _result(response: httpx.Response, url: str, status: FetchStatus, content: bytes) -> FetchResult:
    headers = {key.lower(): value for key, value in response.headers.items()}
    return FetchResult(
        status=status,
        final_url=url,
        content=content,
        headers=headers,
        etag=headers.get("etag"),
        last_modified=headers.get("last-modified"),
        http_status=response.status_code,
    )


def _keep_validators(result: FetchResult, etag: str | None, last_modified: str | None) -> FetchResult:
    return FetchResult(
        status=result.status,
        final_url=result.final_url,
        headers=result.headers,
        etag=result.etag or etag,
        last_modified=result.last_modified or last_modified,
        http_status=result.http_status,
    )


def _error(url: str, text: str, *, http_status: int | None = None, permanent: bool = False) -> FetchResult:
    return FetchResult(status="error", final_url=url, http_status=http_status, error=text, permanent=permanent)


def _oversize(url: str, http_status: int, max_bytes: int) -> FetchResult:
    return _error(url, f"response larger than {_size(max_bytes)}; stopped reading", http_status=http_status)


def _size(nbytes: int) -> str:
    if nbytes >= 1024 * 1024 and nbytes % (1024 * 1024) == 0:
        return f"{nbytes // (1024 * 1024)} MB"
    if nbytes >= 1024 and nbytes % 1024 == 0:
        return f"{nbytes // 1024} KB"
    return plural(nbytes, "byte")


def _status_text(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _timeout_text(client: httpx.AsyncClient, error: httpx.TimeoutException, url: str) -> str:
    timeout = client.timeout
    if isinstance(error, httpx.ConnectTimeout):
        return f"timed out after {timeout.connect:g} s connecting to {url}"
    if isinstance(error, httpx.WriteTimeout):
        return f"timed out after {timeout.write:g} s sending the request to {url}"
    if isinstance(error, httpx.PoolTimeout):
        return f"timed out after {timeout.pool:g} s waiting for a free connection to {url}"
    return f"timed out after {timeout.read:g} s reading {url}"


def _connect_text(error: httpx.ConnectError, url: str) -> str:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return f"connection refused by {url}"
        cause = cause.__cause__ or cause.__context__
    return f"could not connect to {url}: {_describe(error)}"


def _describe(error: BaseException) -> str:
    """The error's own text, or its class name when httpx gives no message."""
    return str(error) or type(error).__name__
