"""A tiny asyncio HTTP/1.1 server core for the local endpoints (CPython; loopback by default).

The local Neon / PlanetScale endpoints are small JSON-over-POST APIs, so this is just enough
HTTP/1.1 for `fetch` in Node and browsers, urllib and curl: keep-alive, `Content-Length` and
chunked request bodies, `Expect: 100-continue`, a request-body limit answered by the app's own
error shape, and CORS (`Access-Control-Allow-Origin` on every response; preflight replies are
the app's, since each API lists its own headers).

Theory of operation: one asyncio task per client connection reads a request, awaits
`app(request) -> Response`, writes it, and loops while the connection is kept alive. With a
`ws_app`, a GET carrying `Upgrade: websocket` (on any path) is answered 101 here (RFC 6455,
`websocket.py`) and the connection then belongs to `ws_app(request, ServerWebSocket)` until it
returns; without one, such a request is an ordinary request for `app`. An app
that blocks (a database driver) runs its work in a thread pool itself. `ThreadedServer` runs the
whole loop in a background thread, so tests and the CLI can start an endpoint and go on.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from collections.abc import Awaitable, Callable, Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

import attrs

from prisma_edge.devserver import websocket

__all__ = ["HttpServer", "Request", "Response", "ThreadedServer", "json_response", "serve_until_interrupted"]

log = logging.getLogger("prisma_edge.devserver.http")

MAX_HEADER_BYTES = 64 * 1024
DRAIN_LIMIT = 64 * 1024 * 1024  # oversized bodies up to this are read and dropped before the 413


@attrs.frozen
class Request:
    """One HTTP request. Header names are lower-cased; `path` has no query string."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: bytes
    peer: str = ""

    def __repr__(self) -> str:  # headers carry credentials
        return f"Request({self.method} {self.path}, {len(self.body)} bytes)"


@attrs.frozen
class Response:
    status: int
    body: bytes = b""
    headers: Mapping[str, str] = attrs.field(factory=dict)


def json_response(status: int, payload: Any, headers: Mapping[str, str] | None = None) -> Response:
    """A JSON body with `Content-Type: application/json`."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(status, body, {"Content-Type": "application/json", **(headers or {})})


App = Callable[[Request], Awaitable[Response]]
WsApp = Callable[[Request, websocket.ServerWebSocket], Awaitable[None]]


class _BadRequest(Exception):
    pass


class HttpServer:
    """Serve `app` on host:port (port 0 picks a free one; `.port` tells which after `start()`).

    Args:
        app: `async (Request) -> Response`.
        max_body_bytes: larger request bodies are not read; `too_large(limit)` answers instead
            and the connection is closed.
        too_large: builds that answer (each API has its own error shape); default a plain 413.
        cors_origin: value of `Access-Control-Allow-Origin` added to every response (None: none).
        ws_app: serves WebSocket connections, `async (Request, ServerWebSocket) -> None` (None:
            no WebSocket upgrades).
    """

    def __init__(
        self,
        app: App,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        max_body_bytes: int = 10 * 1024 * 1024,
        too_large: Callable[[int], Response] | None = None,
        cors_origin: str | None = "*",
        ws_app: WsApp | None = None,
    ) -> None:
        self.app, self.host, self.port = app, host, port
        self.ws_app = ws_app
        self.max_body_bytes = max_body_bytes
        self.too_large = too_large or (lambda limit: Response(413, b"request body too large"))
        self.cors_origin = cors_origin
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._on_client, self.host, self.port, limit=MAX_HEADER_BYTES)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    async def _on_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        peer = writer.get_extra_info("peername")
        peer_text = f"{peer[0]}:{peer[1]}" if isinstance(peer, tuple) else ""
        try:
            while True:
                keep_alive = await self._one_exchange(reader, writer, peer_text)
                if not keep_alive:
                    break
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        except Exception:  # noqa: BLE001 - one broken client must not stop the server
            log.exception("error while serving %s", peer_text)
        finally:
            self._tasks.discard(task)
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def _one_exchange(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, peer: str) -> bool:
        """Serve one request; returns whether the connection stays open."""
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError as e:
            if e.partial.strip():
                await self._write(writer, Response(400, b"incomplete request head"), keep_alive=False)
            return False
        except asyncio.LimitOverrunError:
            await self._write(writer, Response(431, b"request head too large"), keep_alive=False)
            return False
        try:
            method, target, version, headers = _parse_head(head)
        except _BadRequest as e:
            await self._write(writer, Response(400, str(e).encode()), keep_alive=False)
            return False
        if self.ws_app is not None and websocket.is_upgrade(method, headers):
            await self._upgrade(reader, writer, target, headers, peer)
            return False
        connection = headers.get("connection", "").lower()
        keep_alive = "close" not in connection if version == "HTTP/1.1" else "keep-alive" in connection
        declared = headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            # answer before reading; drain a moderately oversized body so the client sees the
            # answer instead of a broken pipe, then close
            if "100-continue" not in headers.get("expect", "").lower() and int(declared) <= DRAIN_LIMIT:
                await _drain(reader, int(declared))
            await self._write(writer, self.too_large(self.max_body_bytes), keep_alive=False)
            return False
        if headers.get("expect", "").lower() == "100-continue":
            writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        try:
            body = await self._read_body(reader, headers)
        except _TooLarge:
            await self._write(writer, self.too_large(self.max_body_bytes), keep_alive=False)
            return False
        except _BadRequest as e:
            await self._write(writer, Response(400, str(e).encode()), keep_alive=False)
            return False
        parts = urlsplit(target)
        request = Request(method, parts.path or "/", parts.query, headers, body, peer)
        try:
            response = await self.app(request)
        except Exception:  # noqa: BLE001 - a bug in the app answers 500, the server lives on
            log.exception("internal error answering %s %s", method, parts.path)
            response = json_response(500, {"message": "internal server error", "code": ""})
        await self._write(writer, response, keep_alive=keep_alive, head_only=method == "HEAD")
        return keep_alive

    async def _upgrade(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, target: str, headers: dict[str, str], peer: str
    ) -> None:
        """Answer the opening handshake and hand the connection to `ws_app` until it returns."""
        assert self.ws_app is not None
        refused = websocket.handshake_error(headers)
        if refused is not None:
            status, text, extra = refused
            await self._write(writer, Response(status, text.encode(), extra), keep_alive=False)
            return
        writer.write(websocket.accept_response(headers))
        await writer.drain()
        parts = urlsplit(target)
        request = Request("GET", parts.path or "/", parts.query, headers, b"", peer)
        ws = websocket.ServerWebSocket(reader, writer)
        try:
            await self.ws_app(request, ws)
        finally:
            if not ws.closed:
                await ws.close()

    async def _read_body(self, reader: asyncio.StreamReader, headers: Mapping[str, str]) -> bytes:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            chunks: list[bytes] = []
            total = 0
            while True:
                line = await reader.readuntil(b"\r\n")
                try:
                    size = int(line.split(b";", 1)[0].strip(), 16)
                except ValueError:
                    raise _BadRequest("bad chunk size") from None
                if size == 0:
                    while (await reader.readuntil(b"\r\n")) != b"\r\n":  # trailers
                        pass
                    return b"".join(chunks)
                total += size
                if total > self.max_body_bytes:
                    raise _TooLarge
                chunks.append(await reader.readexactly(size))
                await reader.readexactly(2)
        length_text = headers.get("content-length", "0").strip() or "0"
        if not length_text.isdigit():
            raise _BadRequest("bad Content-Length")
        length = int(length_text)
        if length > self.max_body_bytes:
            raise _TooLarge
        return await reader.readexactly(length) if length else b""

    async def _write(
        self, writer: asyncio.StreamWriter, response: Response, *, keep_alive: bool, head_only: bool = False
    ) -> None:
        reason = _reason(response.status)
        headers = dict(response.headers)
        if self.cors_origin is not None and not any(k.lower() == "access-control-allow-origin" for k in headers):
            headers["Access-Control-Allow-Origin"] = self.cors_origin
        headers["Content-Length"] = str(len(response.body))
        headers["Connection"] = "keep-alive" if keep_alive else "close"
        lines = [f"HTTP/1.1 {response.status} {reason}"] + [f"{k}: {v}" for k, v in headers.items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        if not head_only:
            writer.write(response.body)
        await writer.drain()


class _TooLarge(Exception):
    pass


async def _drain(reader: asyncio.StreamReader, n: int) -> None:
    while n > 0:
        chunk = await reader.read(min(n, 1 << 16))
        if not chunk:
            return
        n -= len(chunk)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Status"


def _parse_head(head: bytes) -> tuple[str, str, str, dict[str, str]]:
    try:
        text = head.decode("latin-1")
    except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes everything
        raise _BadRequest("undecodable request head") from None
    lines = text.split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise _BadRequest("bad request line")
    method, target, version = parts
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep or not name or name != name.strip():
            raise _BadRequest("bad header line")
        key = name.lower()
        value = value.strip()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return method.upper(), target, version, headers


class ThreadedServer:
    """An `HttpServer` running on its own event loop in a daemon thread.

    `start()` returns once the socket is bound (so `.port` is known); `close()` stops the loop,
    cancels open connections and joins the thread. `on_close` (optional, sync) runs after that,
    in the caller's thread, e.g. to close database connections.
    """

    def __init__(self, server: HttpServer, *, on_close: Callable[[], None] | None = None) -> None:
        self.server = server
        self._on_close = on_close
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="prisma-edge-devserver", daemon=True)
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._stopped = False

    @property
    def host(self) -> str:
        return self.server.host

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def start(self) -> ThreadedServer:
        self._thread.start()
        self._ready.wait()
        if self._error is not None:
            raise self._error
        return self

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self.server.start())
        except BaseException as e:  # noqa: BLE001 - reported to start()'s caller
            self._error = e
            self._ready.set()
            return
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self.server.close())
        self._loop.run_until_complete(self._loop.shutdown_default_executor())
        self._loop.close()

    def close(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=30)
        if self._on_close is not None:
            self._on_close()


def serve_until_interrupted(handle: Any) -> int:
    """Keep a started endpoint serving until Ctrl-C (the `prisma-edge dev ...` commands), then close it."""
    import time

    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        handle.close()
    return 0
