"""The WebSocket half of the local Neon endpoint: what Neon's proxy does for `Pool`/`Client` (protocols.md B).

Each WebSocket carries raw PostgreSQL v3 bytes in binary messages, with arbitrary boundaries.
`NeonWsRelay.serve` terminates the start-up itself, like the Neon proxy (B.3, and the "Neon
WebSocket endpoint" checklist):

1. read the StartupMessage (an SSLRequest / GSSENCRequest is answered `N`: TLS is the wss layer;
   a CancelRequest is passed to the real server on a connection of its own);
2. always ask for a cleartext password (AuthenticationCleartextPassword) and read the
   PasswordMessage, which a pipelining client has already sent in the same message;
3. check user and password as the HTTP side does (wrong -> FATAL 28P01, then close);
4. log in to the real PostgreSQL itself, with whatever it asks for (trust, MD5, SCRAM: the
   `pgwire` client machine does the work), and relay AuthenticationOk, ParameterStatus*,
   BackendKeyData and ReadyForQuery to the client in one message;
5. pipe every other byte both ways (the queries pipelined behind the password first), until
   either side closes; Terminate and close travel through.

The target is always the endpoint's own server (an allow-list of one): `?address=` is ignored.
The client's start-up parameters (database, application_name, options, TimeZone...) go to the real
server, with `TimeZone=UTC` added unless given, as on the HTTP side.

For tests: each connection's received data frames are counted (`stats()`, so a test can check
that connect + first query was one flight), and `drop()` cuts connections abruptly.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import itertools
import logging
import struct
from collections import deque
from collections.abc import Mapping
from typing import Any

import attrs

from prisma_edge.devserver.http import Request
from prisma_edge.devserver.websocket import ServerWebSocket
from prisma_edge.errors import PrismaEdgeError, redact
from prisma_edge.fetch_adapters.protocols.pgwire import (
    NEED_DATA,
    AuthenticationOk,
    AuthenticationRequest,
    BackendKeyData,
    ConnectionClosed,
    ErrorResponse,
    NoticeResponse,
    ParameterStatus,
    PgConnection,
    ReadyForQuery,
)

__all__ = ["NeonWsRelay", "WsConnectionStats"]

log = logging.getLogger("prisma_edge.devserver.neon_ws")

PROTOCOL_3_0 = 196608
SSL_REQUEST, GSSENC_REQUEST, CANCEL_REQUEST = 80877103, 80877104, 80877102
MAX_STARTUP_BYTES = 10_000  # PostgreSQL's own MAX_STARTUP_PACKET_LENGTH
AUTH_OK, AUTH_CLEARTEXT = 0, 3
CHUNK = 256 * 1024


# -- backend messages (the server side of the protocol: only what a relay says itself) ----------


def _msg(kind: bytes, payload: bytes) -> bytes:
    return kind + struct.pack("!i", len(payload) + 4) + payload


def _auth(code: int) -> bytes:
    return _msg(b"R", struct.pack("!i", code))


def _fields_message(kind: bytes, fields: Mapping[str, str]) -> bytes:
    body = b"".join(k.encode() + v.encode("utf-8", "replace").replace(b"\0", b"") + b"\0" for k, v in fields.items())
    return _msg(kind, body + b"\0")


def _fatal(sqlstate: str, message: str) -> bytes:
    return _fields_message(b"E", {"S": "FATAL", "V": "FATAL", "C": sqlstate, "M": message})


def _event_bytes(ev: Any) -> bytes:
    """Re-encode what the real server said during its start-up, for the client."""
    if isinstance(ev, AuthenticationOk):
        return _auth(AUTH_OK)
    if isinstance(ev, ParameterStatus):
        return _msg(b"S", ev.name.encode() + b"\0" + ev.value.encode() + b"\0")
    if isinstance(ev, BackendKeyData):
        return _msg(b"K", struct.pack("!i", ev.process_id) + ev.secret_key)
    if isinstance(ev, ReadyForQuery):
        return _msg(b"Z", ev.status.encode())
    if isinstance(ev, NoticeResponse):
        return _fields_message(b"N", ev.fields)
    return b""


class _Gone(Exception):
    """The client closed the WebSocket (or broke the protocol) before the relay began."""


class _Refuse(Exception):
    """Answer the client with this ErrorResponse and close."""

    def __init__(self, message: bytes) -> None:
        super().__init__("refused")
        self.message = message


class _Inbox:
    """Bytes from the client's messages, read as PostgreSQL messages (boundaries are arbitrary)."""

    def __init__(self, ws: ServerWebSocket) -> None:
        self.ws = ws
        self.buf = bytearray()

    async def need(self, n: int) -> None:
        while len(self.buf) < n:
            data = await self.ws.recv()
            if data is None:
                raise _Gone
            self.buf += data

    async def take(self, n: int) -> bytes:
        await self.need(n)
        out = bytes(self.buf[:n])
        del self.buf[:n]
        return out

    async def startup_packet(self) -> tuple[int, bytes]:
        await self.need(8)
        length, code = struct.unpack("!ii", self.buf[:8])
        if length < 8 or length > MAX_STARTUP_BYTES:
            raise _Refuse(_fatal("08P01", "invalid length of startup packet"))
        packet = await self.take(length)
        return code, packet[8:]

    async def message(self) -> tuple[bytes, bytes]:
        await self.need(5)
        kind, length = self.buf[:1], struct.unpack("!i", self.buf[1:5])[0]
        if length < 4 or length > MAX_STARTUP_BYTES:
            raise _Refuse(_fatal("08P01", "invalid message length"))
        data = await self.take(1 + length)
        return bytes(kind), data[5:]


@attrs.define(eq=False)
class WsConnectionStats:
    """What one WebSocket connection did (the counters are live while it is open)."""

    id: int
    ws: ServerWebSocket = attrs.field(repr=False)
    database: str = ""
    application_name: str = ""
    open: bool = True
    upstream: asyncio.StreamWriter | None = attrs.field(default=None, repr=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "database": self.database, "application_name": self.application_name,
            "frames_received": self.ws.frames_received, "messages_received": self.ws.messages_received,
            "open": self.open,
        }  # fmt: skip


class NeonWsRelay:
    """Serves WebSocket connections for a `NeonEndpoint` (see the module docstring).

    Args:
        db_host / db_port: the real PostgreSQL server (a host starting with "/" is a Unix socket directory).
        user / db_password: how the relay logs in there.
        password: the password clients must send (the endpoint's).
        connect_timeout: seconds for the client's start-up, and for logging in to the server.
    """

    def __init__(
        self, *, db_host: str, db_port: int, user: str, db_password: str | None, password: str,
        connect_timeout: float = 30.0, keep_stats: int = 256,
    ) -> None:  # fmt: skip
        self.db_host, self.db_port, self.user = db_host, db_port, user
        self._db_password, self._password = db_password, password
        self.connect_timeout = connect_timeout
        self._ids = itertools.count(1)
        self._recent: deque[WsConnectionStats] = deque(maxlen=keep_stats)
        self._live: dict[int, WsConnectionStats] = {}
        self.opened = 0
        self._frames_of_closed = 0

    def stats(self) -> dict[str, Any]:
        """Counts for tests: connections opened, open now, data frames received in all (a client's
        flights), and the most recent connections (newest last)."""
        frames = self._frames_of_closed + sum(r.ws.frames_received for r in self._live.values())
        return {"connections": self.opened, "open": len(self._live), "frames_received": frames,
                "recent": [r.as_json() for r in self._recent]}

    def drop(self, application_name: str | None = None) -> int:
        """Cut open connections (all, or those of one application_name) without a Close frame.

        Both sockets are aborted, so the real server sees its client vanish and rolls back.
        Call it on the server's event loop.
        """
        n = 0
        for rec in list(self._live.values()):
            if application_name is None or rec.application_name == application_name:
                rec.ws.abort()
                if rec.upstream is not None:
                    rec.upstream.transport.abort()
                n += 1
        return n

    async def serve(self, request: Request, ws: ServerWebSocket) -> None:
        """One client connection, from the first byte to the close."""
        rec = WsConnectionStats(next(self._ids), ws)
        self.opened += 1
        self._recent.append(rec)
        self._live[rec.id] = rec
        try:
            await self._serve(ws, rec)
        except (_Gone, TimeoutError):
            pass
        except _Refuse as r:
            with contextlib.suppress(ConnectionError, OSError):
                await ws.send(r.message)
        finally:
            rec.open = False
            if self._live.pop(rec.id, None) is not None:
                self._frames_of_closed += ws.frames_received
            if rec.upstream is not None:
                rec.upstream.close()
            await ws.close()

    async def _serve(self, ws: ServerWebSocket, rec: WsConnectionStats) -> None:
        inbox = _Inbox(ws)
        async with asyncio.timeout(self.connect_timeout):
            params = await self._startup(inbox)
            if params is None:
                return
            rec.database = params.get("database") or params.get("user", "")
            rec.application_name = params.get("application_name", "")
            await ws.send(_auth(AUTH_CLEARTEXT))
            kind, payload = await inbox.message()
            if kind != b"p":
                raise _Refuse(_fatal("08P01", f"expected password response, got message type {kind[0]:d}"))
            self._check_password(params.get("user", ""), payload)
            reader, writer = await self._open_upstream()
            rec.upstream = writer
            await ws.send(await self._login(reader, writer, params))
        if inbox.buf:  # queries pipelined behind the password
            writer.write(bytes(inbox.buf))
            inbox.buf.clear()
        await self._pipe(ws, reader, writer)

    async def _startup(self, inbox: _Inbox) -> dict[str, str] | None:
        """The client's start-up parameters (None after a CancelRequest, which needs no session)."""
        while True:
            code, body = await inbox.startup_packet()
            if code in (SSL_REQUEST, GSSENC_REQUEST):
                await inbox.ws.send(b"N")
                continue
            if code == CANCEL_REQUEST:
                await self._cancel(body)
                return None
            if code != PROTOCOL_3_0:
                raise _Refuse(_fatal("0A000", f"unsupported frontend protocol {code >> 16}.{code & 0xFFFF}"))
            items = body.split(b"\0")
            try:
                params = {items[i].decode(): items[i + 1].decode() for i in range(0, len(items) - 1, 2) if items[i]}
            except (UnicodeDecodeError, IndexError):
                raise _Refuse(_fatal("08P01", "invalid startup packet layout")) from None
            if not params.get("user"):
                raise _Refuse(_fatal("28000", "no PostgreSQL user name specified in startup packet"))
            return params

    def _check_password(self, user: str, payload: bytes) -> None:
        password = payload[:-1] if payload.endswith(b"\0") else payload
        same_user = hmac.compare_digest(user.encode(), self.user.encode())
        if not (same_user and hmac.compare_digest(password, self._password.encode())):
            raise _Refuse(_fatal("28P01", f'password authentication failed for user "{user}"'))

    async def _open_upstream(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        try:
            if self.db_host.startswith("/"):
                return await asyncio.open_unix_connection(f"{self.db_host}/.s.PGSQL.{self.db_port}")
            return await asyncio.open_connection(self.db_host, self.db_port)
        except OSError:
            raise _Refuse(_fatal("08006", "Couldn't connect to compute node: the database server is not reachable")) from None

    async def _login(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, params: Mapping[str, str]) -> bytes:
        """Log in to the real server; what the client must hear (AuthenticationOk ... ReadyForQuery)."""
        options = {k: v for k, v in params.items() if k not in ("user", "database", "application_name")}
        options.setdefault("TimeZone", "UTC")
        conn = PgConnection(
            self.user, params.get("database") or params["user"], self._db_password,
            params.get("application_name") or None, options=options,
        )  # fmt: skip
        out: list[bytes] = []
        try:
            writer.write(conn.startup())
            while True:
                ev = conn.next_event()
                if ev is NEED_DATA:
                    conn.receive_data(await reader.read(CHUNK))
                elif isinstance(ev, AuthenticationRequest):
                    writer.write(ev.response)
                elif isinstance(ev, ErrorResponse):
                    raise _Refuse(_fields_message(b"E", ev.fields))
                elif isinstance(ev, ConnectionClosed):
                    raise _Refuse(_fatal("08006", "the database server closed the connection during start-up"))
                else:
                    out.append(_event_bytes(ev))
                    if isinstance(ev, ReadyForQuery):
                        return b"".join(out)
        except PrismaEdgeError as e:
            text = redact(str(e), self._db_password, self._password)
            raise _Refuse(_fatal("08006", f"could not log in to the database server: {text}")) from None
        except OSError:
            raise _Refuse(_fatal("08006", "lost the connection to the database server during start-up")) from None

    async def _cancel(self, body: bytes) -> None:
        """Pass a CancelRequest on to the real server (the BackendKeyData we relayed is its own)."""
        with contextlib.suppress(OSError):
            _, writer = await self._open_upstream()
            writer.write(struct.pack("!ii", 16, CANCEL_REQUEST) + body[:8])
            await writer.drain()
            writer.close()

    async def _pipe(self, ws: ServerWebSocket, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Bytes both ways until either side closes; then both are closed."""

        async def client_to_server() -> None:
            while (data := await ws.recv()) is not None:
                writer.write(data)
                await writer.drain()

        async def server_to_client() -> None:
            while data := await reader.read(CHUNK):
                await ws.send(data)

        tasks = [asyncio.create_task(client_to_server()), asyncio.create_task(server_to_client())]
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for t in tasks:
                t.cancel()
            results = await asyncio.gather(*tasks, return_exceptions=True)
            for r in results:
                if isinstance(r, Exception) and not isinstance(r, (ConnectionError, OSError)):
                    log.warning("WebSocket relay stopped: %s", type(r).__name__)
