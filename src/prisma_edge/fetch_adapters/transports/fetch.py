"""Fetch transports: the one way the HTTP adapters reach a server (DESIGN.md decision 5).

A transport is any async callable

    await fetch(method, url, headers, body, timeout=None) -> FetchResponse

so adapters never know the runtime. Implementations:

- `PyodideFetch`: the JS `fetch` of Pyodide (browser, Node) and Cloudflare Python Workers. Bytes go
  in as a `Uint8Array` and come back from `arrayBuffer()`. A timeout, or cancelling the awaiting
  task, aborts the request through an `AbortController`.
- `UrllibFetch`: CPython's `urllib.request` in a worker thread (no dependency). A new connection per
  request; no proxy for loopback hosts.
- `MockFetch(handler)`: a plain function `FetchRequest -> FetchResponse` (sync or async) for tests
  of what a real server cannot be made to do, like httpx's `MockTransport`.

`default_fetch()` picks the first or the second by `sys.platform`.

Every transport refuses plain `http://` to anything but a loopback host (`check_url`), and turns
network failures into `prisma_edge.errors` classes at the boundary: refused / DNS failure /
reset -> `ConnectionError`, timeout -> `TimeoutError`, a body cut short -> `ProtocolError`. Messages
name the host and port only, never a URL's credentials or query.
"""

from __future__ import annotations

import asyncio
import inspect
import ipaddress
import json
import sys
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol
from urllib.parse import urlsplit

import attrs

from prisma_edge import errors

__all__ = [
    "Fetch",
    "FetchRequest",
    "FetchResponse",
    "MockFetch",
    "PyodideFetch",
    "UrllibFetch",
    "check_url",
    "default_fetch",
    "is_loopback_host",
]


@attrs.frozen
class FetchResponse:
    """What came back: status, headers (names lower-cased) and the whole body."""

    status: int
    headers: Mapping[str, str] = attrs.field(factory=dict, converter=lambda h: {k.lower(): v for k, v in h.items()})
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
    return UrllibFetch()


# -- URL policy -------------------------------------------------------------------------------


def is_loopback_host(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1 (the only hosts plain http may reach)."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> None:
    """Refuse anything but https, or http to a loopback host.

    Raises:
        ClientError: the scheme is not http(s), the host is missing, or plain http would leave
            this machine (credentials in headers must not cross a network in clear text).
    """
    parts = urlsplit(url)
    scheme, host = parts.scheme.lower(), parts.hostname or ""
    if scheme not in ("http", "https") or not host:
        raise errors.ClientError(f"not an http(s) URL: {_origin(url)!r}")
    if scheme == "http" and not is_loopback_host(host):
        raise errors.ClientError(
            f"refusing plain http:// to {host}: remote endpoints must use https:// "
            "(plain http is allowed only for loopback hosts: localhost, 127.0.0.0/8, ::1)"
        )


def _origin(url: str) -> str:
    """scheme://host:port/path of a URL, without credentials or query (safe for messages)."""
    try:
        p = urlsplit(url)
        port = f":{p.port}" if p.port else ""
        return f"{p.scheme}://{p.hostname or ''}{port}{p.path}"
    except ValueError:
        return "<invalid URL>"


def _host_port(url: str) -> str:
    p = urlsplit(url)
    default = 443 if p.scheme == "https" else 80
    try:
        port = p.port or default
    except ValueError:
        port = default
    return f"{p.hostname}:{port}"


# -- CPython ----------------------------------------------------------------------------------


class UrllibFetch:
    """`urllib.request` in a thread: no dependency, enough for local development and servers.

    The timeout bounds the whole exchange (connect, send, wait, read), not each socket read.
    """

    async def __call__(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes, *, timeout: float | None = None
    ) -> FetchResponse:
        check_url(url)
        work = asyncio.to_thread(self._send, method, url, dict(headers), body, timeout)
        try:
            if timeout is None:
                return await work
            return await asyncio.wait_for(work, timeout)
        except TimeoutError as e:  # the builtin; the thread itself ends by its socket timeout
            raise errors.TimeoutError(f"no answer from {_host_port(url)} within {timeout:g} s") from e

    @staticmethod
    def _send(method: str, url: str, headers: dict[str, str], body: bytes, timeout: float | None) -> FetchResponse:
        import http.client
        import socket
        import urllib.error
        import urllib.request

        handlers: list[urllib.request.BaseHandler] = []
        if is_loopback_host(urlsplit(url).hostname or ""):
            handlers.append(urllib.request.ProxyHandler({}))
        opener = urllib.request.build_opener(*handlers)
        req = urllib.request.Request(url, data=body if method not in ("GET", "HEAD") else None, method=method)
        for k, v in headers.items():
            req.add_header(k, v)
        where = _host_port(url)
        try:
            try:
                resp = opener.open(req, timeout=timeout if timeout is not None else socket.getdefaulttimeout())
            except urllib.error.HTTPError as e:  # a non-2xx answer is a response, not a failure
                resp = e
            with resp:
                data = resp.read()
                return FetchResponse(resp.status, dict(resp.headers.items()), data)
        except http.client.IncompleteRead as e:
            raise errors.ProtocolError(
                f"the response from {where} was cut short ({len(e.partial)} bytes received)"
            ) from None
        except TimeoutError as e:  # builtin; socket.timeout is an alias
            raise errors.TimeoutError(f"no answer from {where} (timed out)") from e
        except urllib.error.URLError as e:
            raise _network_error(e.reason, where) from None
        except http.client.RemoteDisconnected:
            raise errors.ConnectionError(f"{where} closed the connection without answering") from None
        except http.client.HTTPException as e:
            raise errors.ProtocolError(f"{where} broke the HTTP protocol: {type(e).__name__}") from None
        except OSError as e:
            raise _network_error(e, where) from None


def _network_error(reason: object, where: str) -> errors.ConnectionError:
    import socket

    if isinstance(reason, TimeoutError):
        return errors.TimeoutError(f"no answer from {where} (timed out)")
    if isinstance(reason, socket.gaierror):
        return errors.ConnectionError(f"cannot resolve the host of {where} (DNS lookup failed)")
    if isinstance(reason, ConnectionRefusedError):
        return errors.ConnectionError(f"cannot reach {where}: connection refused")
    if isinstance(reason, OSError):
        return errors.ConnectionError(f"cannot reach {where}: {reason.strerror or type(reason).__name__}")
    return errors.ConnectionError(f"cannot reach {where}: {type(reason).__name__}")


# -- Pyodide / Cloudflare Workers -------------------------------------------------------------


class PyodideFetch:
    """The JavaScript `fetch` (Pyodide in a browser or Node, Cloudflare Python Workers).

    `js` and `pyodide.ffi` are imported here, lazily, so importing this module costs nothing
    outside Pyodide.
    """

    async def __call__(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes, *, timeout: float | None = None
    ) -> FetchResponse:
        check_url(url)
        import js  # type: ignore[import-not-found]  # noqa: PLC0415 - Pyodide only
        from pyodide.ffi import JsException, to_js  # type: ignore[import-not-found]  # noqa: PLC0415

        where = _host_port(url)
        controller = js.AbortController.new()
        init: dict[str, Any] = {"method": method, "headers": dict(headers), "signal": controller.signal}
        if body and method not in ("GET", "HEAD"):
            payload = js.Uint8Array.new(len(body))
            payload.assign(body)
            init["body"] = payload
        options = to_js(init, dict_converter=js.Object.fromEntries)
        stage = "connect"
        try:
            async with asyncio.timeout(timeout):
                resp = await js.fetch(url, options)
                stage = "body"
                buffer = await resp.arrayBuffer()
                data = buffer.to_bytes()
                resp_headers = {str(k): str(v) for k, v in (tuple(e) for e in resp.headers.entries())}
                return FetchResponse(int(resp.status), resp_headers, data)
        except BaseException as e:
            if isinstance(e, (asyncio.CancelledError, TimeoutError)):
                controller.abort()  # cancelling the awaiting task (or the timeout) aborts the JS fetch
                if isinstance(e, TimeoutError):
                    raise errors.TimeoutError(f"no answer from {where} within {timeout:g} s") from None
                raise
            if isinstance(e, JsException):
                if stage == "body":
                    raise errors.ProtocolError(f"the response from {where} was cut short ({_js_reason(e)})") from None
                raise errors.ConnectionError(f"cannot reach {where}: {_js_reason(e)}") from None
            raise


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
        return result
