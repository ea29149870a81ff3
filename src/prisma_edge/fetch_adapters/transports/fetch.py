"""Fetch transports: the one way the HTTP adapters reach a server (DESIGN.md decision 5).

A transport is any async callable

    await fetch(method, url, headers, body, timeout=None) -> FetchResponse

so adapters never know the runtime. Implementations:

- `PyodideFetch`: the JS `fetch` of Pyodide (browser, Node) and Cloudflare Python Workers. Bytes go
  in as a `Uint8Array` and come back from `arrayBuffer()`. A timeout, or cancelling the awaiting
  task, aborts the request through an `AbortController`. `redirect: "manual"`: Node shows the
  3xx, a browser an `opaqueredirect` (both a `RedirectError`); a browser's failed CORS check (a
  cross-origin redirect without CORS headers) is a `ConnectionError` saying so, outcome unknown.
- `PooledFetch`: CPython's `http.client` with keep-alive connections (`http_pool`), in threads
  of its own (no dependency); `close()` closes its connections.
- `MockFetch(handler)`: a plain function `FetchRequest -> FetchResponse` (sync or async) for tests
  of what a real server cannot be made to do, like httpx's `MockTransport`.

`default_fetch()` picks the first or the second by `sys.platform`.

Every transport parses the URL once (`urls.check_url`: plain `http://` only to a loopback host,
nothing parsers read differently) and connects to exactly what was checked; none follows a
redirect (a 3xx is a `RedirectError` naming the status and target host). Each turns
network failures into `prisma_edge.errors` classes at the boundary: refused / DNS failure /
reset -> `ConnectionError`, timeout -> `TimeoutError`, a body cut short -> `ProtocolError`. Messages
name the host and port only, never a URL's credentials or query.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import os
import sys
from collections.abc import Awaitable, Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

import attrs

from prisma_edge import errors
from prisma_edge.fetch_adapters.transports.http_pool import HttpPool, InFlight
from prisma_edge.fetch_adapters.transports.proxies import parse_proxy, proxy_from_env
from prisma_edge.fetch_adapters.transports.urls import check_url, is_loopback_host

if TYPE_CHECKING:
    import ssl

__all__ = [
    "Fetch",
    "FetchRequest",
    "FetchResponse",
    "MockFetch",
    "PooledFetch",
    "PyodideFetch",
    "UrllibFetch",
    "answer_lost",
    "mark_outcome_unknown",
    "check_url",
    "default_fetch",
    "is_loopback_host",
    "refuse_redirect",
]


@attrs.frozen
class FetchResponse:
    """What came back: status, headers (names lower-cased) and the whole body."""

    status: int
    headers: Mapping[str, str] = attrs.field(
        factory=dict, converter=lambda h: {k.lower(): v for k, v in h.items()}
    )
    body: bytes = b""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        """The body parsed as JSON (raises `json.JSONDecodeError` / `UnicodeDecodeError`)."""
        return json.loads(self.body)


@attrs.frozen
class FetchRequest:
    """One request as a `MockFetch` handler sees it."""

    method: str
    url: str
    headers: Mapping[str, str]
    body: bytes
    timeout: float | None = None

    def json(self) -> Any:
        return json.loads(self.body)

    def __repr__(self) -> str:  # headers may carry a connection string
        return f"FetchRequest({self.method} {_origin(self.url)}, {len(self.body)} bytes)"


class Fetch(Protocol):
    """The transport interface every HTTP adapter takes."""

    async def __call__(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes, *, timeout: float | None = None
    ) -> FetchResponse: ...


def default_fetch() -> Fetch:
    """JS `fetch` under Pyodide / Workers, the standard library in CPython."""
    if sys.platform == "emscripten":
        return PyodideFetch()
    return PooledFetch()


# -- URL policy (one parser: transports/urls.py) -----------------------------------------------


def _origin(url: str) -> str:
    """scheme://host:port/path of a URL, without credentials or query (safe for messages)."""
    try:
        p = urlsplit(url)
        port = f":{p.port}" if p.port else ""
        return f"{p.scheme}://{p.hostname or ''}{port}{p.path}"
    except ValueError:
        return "<invalid URL>"


def refuse_redirect(status: int, headers: Mapping[str, str], where: str) -> None:
    """Raise `RedirectError` for a 3xx: transports never follow a redirect (issue 11 item 1).

    A followed redirect re-sends the request, credentials in its headers included, to wherever
    the server says (another host, plain http). The error names the status and the target host
    only (never the target's path, query or userinfo).
    """
    if not 300 <= status < 400:
        return
    location = next((v for k, v in headers.items() if k.lower() == "location"), "")
    try:
        target = urlsplit(location).hostname or ("the same host" if location else "nowhere")
    except ValueError:
        target = "an invalid URL"
    raise errors.RedirectError(
        f"{where} answered HTTP {status} redirecting to {target}: redirects are never followed "
        "(the request carries credentials); configure the final URL instead",
        status=status,
        location_host=target,
    )


@contextlib.contextmanager
def answer_lost() -> Iterator[None]:
    """Around reading an answer to a request that was sent: a connection-level failure there
    (malformed, truncated, a 5xx, a timeout) leaves the outcome unknown, and the error says so."""
    try:
        yield
    except errors.ConnectionError as e:
        raise mark_outcome_unknown(e) from None


def mark_outcome_unknown(e: errors.ConnectionError) -> errors.ConnectionError:
    """Say in `e` (meta `outcome_unknown`, and its message) that the request may have been applied."""
    if isinstance(e, errors.AuthenticationError) or e.meta.get("outcome_unknown"):
        return e
    e.meta["outcome_unknown"] = True
    e.message += " (the request was sent, so whether it was applied is unknown: outcome unknown)"
    e.args = (e.message,)
    return e


# -- CPython ----------------------------------------------------------------------------------


class PooledFetch:
    """`http.client` with keep-alive (`http_pool.HttpPool`), in threads of its own.

    At most `max_connections` requests are in flight at once; more wait for a slot BEFORE their
    timeout starts, so the timeout measures the exchange on the wire (connect, send, wait, read),
    never the wait for a thread. A timeout (or a cancelled task) aborts the socket in flight.
    """

    def __init__(
        self,
        *,
        max_connections: int = 8,
        max_idle: int = 4,
        trust_env: bool = True,
        proxy: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        """`trust_env`: read HTTPS_PROXY / ALL_PROXY / NO_PROXY (see `proxies`); `proxy`: an explicit
        `http://[user:pass@]host:port` proxy for https endpoints (overrides the environment)."""
        chosen = parse_proxy(proxy) if proxy else proxy_from_env(os.environ) if trust_env else None
        self.pool = HttpPool(max_idle=max_idle, proxy=chosen, ssl_context=ssl_context)
        self.max_connections = max_connections
        self._executor: ThreadPoolExecutor | None = None
        self._slots: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None

    def _slot(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if self._slots is None or self._slots[0] is not loop:
            self._slots = (loop, asyncio.Semaphore(self.max_connections))
        return self._slots[1]

    async def __call__(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes, *, timeout: float | None = None
    ) -> FetchResponse:
        ep = check_url(url)
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self.max_connections, thread_name_prefix="prisma-edge-http")
        handle = InFlight()
        async with self._slot():
            loop = asyncio.get_running_loop()
            work = loop.run_in_executor(
                self._executor, self.pool.request, method, ep, dict(headers), body, timeout, handle
            )
            try:
                async with asyncio.timeout(timeout):
                    status, resp_headers, data = await asyncio.shield(work)
            except BaseException as e:
                self.pool.abort(handle)
                with contextlib.suppress(BaseException):
                    await work  # the thread ends at once (its socket is shut): the slot is free again
                if isinstance(e, TimeoutError) and not isinstance(e, errors.PrismaEdgeError):
                    raise errors.TimeoutError(
                        f"no answer from {ep.where} within {timeout:g} s (the request was sent: outcome unknown)",
                        outcome_unknown=True,
                    ) from None
                raise
        refuse_redirect(status, resp_headers, ep.where)
        return FetchResponse(status, resp_headers, data)

    def request_blocking(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes, timeout: float | None
    ) -> FetchResponse:
        """The same exchange, blocking the caller (the sync client)."""
        ep = check_url(url)
        status, resp_headers, data = self.pool.request(method, ep, headers, body, timeout)
        refuse_redirect(status, resp_headers, ep.where)
        return FetchResponse(status, resp_headers, data)

    async def close(self) -> None:
        """Close every kept-alive connection (and the threads)."""
        self.pool.close()
        if self._executor is not None:
            self._executor.shutdown(wait=False)
            self._executor = None


UrllibFetch = PooledFetch  # the old name (the CPython transport used urllib before keep-alive)


# -- Pyodide / Cloudflare Workers -------------------------------------------------------------


class PyodideFetch:
    """The JavaScript `fetch` (Pyodide in a browser or Node, Cloudflare Python Workers).

    `js` and `pyodide.ffi` are imported here, lazily, so importing this module costs nothing
    outside Pyodide.
    """

    async def __call__(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes, *, timeout: float | None = None
    ) -> FetchResponse:
        ep = check_url(url)
        import js  # type: ignore[import-not-found]  # noqa: PLC0415 - Pyodide only
        from pyodide.ffi import JsException, to_js  # type: ignore[import-not-found]  # noqa: PLC0415

        where = ep.where
        controller = js.AbortController.new()
        # redirect "manual": JS fetch follows redirects by default, re-sending the credentials
        init: dict[str, Any] = {
            "method": method,
            "headers": dict(headers),
            "signal": controller.signal,
            "redirect": "manual",
        }
        if body and method not in ("GET", "HEAD"):
            payload = js.Uint8Array.new(len(body))
            payload.assign(body)
            init["body"] = payload
        options = to_js(init, dict_converter=js.Object.fromEntries)
        stage = "connect"
        try:
            async with asyncio.timeout(timeout):
                resp = await js.fetch(ep.url, options)  # the URL as checked, rebuilt from its parts
                if str(getattr(resp, "type", "")) == "opaqueredirect":  # browsers hide the 3xx
                    raise errors.RedirectError(
                        f"{where} answered with a redirect: redirects are never followed (the request "
                        "carries credentials); configure the final URL instead",
                        status=0,
                    )
                stage = "body"
                buffer = await resp.arrayBuffer()
                data = buffer.to_bytes()
                resp_headers = {str(k): str(v) for k, v in (tuple(e) for e in resp.headers.entries())}
                refuse_redirect(int(resp.status), resp_headers, where)
                return FetchResponse(int(resp.status), resp_headers, data)
        except BaseException as e:
            if isinstance(e, (asyncio.CancelledError, TimeoutError)):
                controller.abort()  # cancelling the awaiting task (or the timeout) aborts the JS fetch
                if isinstance(e, TimeoutError):
                    raise errors.TimeoutError(f"no answer from {where} within {timeout:g} s") from None
                raise
            if isinstance(e, JsException):
                if stage == "body":
                    raise errors.ProtocolError(
                        f"the response from {where} was cut short ({_js_reason(e)})"
                    ) from None
                if _in_browser(js):
                    raise _browser_fetch_failed(where, _js_reason(e)) from None
                raise errors.ConnectionError(f"cannot reach {where}: {_js_reason(e)}") from None
            raise


def _in_browser(js: Any) -> bool:
    """A page or a web worker (not Node, not Cloudflare Workers): where `fetch` applies CORS."""
    return any(getattr(js, name, None) is not None for name in ("document", "importScripts"))


def _browser_fetch_failed(where: str, reason: str) -> errors.ConnectionError:
    """A browser's `fetch` rejects with the same bare TypeError for a refused connection and for a
    failed CORS check, and a cross-origin redirect without CORS headers is such a failure (the
    browser never shows it, and it is never followed). A CORS check can fail on the answer to a
    request that was sent, so the outcome is unknown."""
    return errors.ConnectionError(
        f"cannot reach {where}: {reason} (in a browser this is also a refused CORS check, e.g. a "
        "redirect or an answer without CORS headers; redirects are never followed; the request may "
        "have been sent, so whether it was applied is unknown: outcome unknown)",
        outcome_unknown=True,
    )


def _js_reason(e: BaseException) -> str:
    """A short reason from a JS error (undici nests the real one in `cause`), without URLs."""
    try:
        js_error = e.js_error  # type: ignore[attr-defined]
        cause = getattr(js_error, "cause", None)
        code = getattr(cause, "code", None) if cause is not None else None
        name = str(getattr(js_error, "name", "Error"))
        msg = str(getattr(js_error, "message", ""))
        text = f"{name}: {msg}" + (f" ({code})" if code else "")
    except Exception:  # noqa: BLE001 - describing the error must not fail
        text = type(e).__name__
    return errors.redact(text)


# -- tests ------------------------------------------------------------------------------------

Handler = Callable[[FetchRequest], "FetchResponse | Awaitable[FetchResponse]"]


class MockFetch:
    """A transport answered by a function, for error paths a real server cannot produce.

    The handler may be sync or async and may raise any `prisma_edge.errors` class to simulate a
    network failure. Every request is recorded in `.requests`. The URL policy (`check_url`)
    applies here too, so tests see the same refusals as production.
    """

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[FetchRequest] = []

    async def __call__(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes, *, timeout: float | None = None
    ) -> FetchResponse:
        check_url(url)
        request = FetchRequest(method, url, dict(headers), bytes(body), timeout)
        self.requests.append(request)
        result = self.handler(request)
        if inspect.isawaitable(result):
            result = await result
        refuse_redirect(result.status, result.headers, check_url(url).where)
        return result
