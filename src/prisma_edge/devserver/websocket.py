"""The server side of RFC 6455 WebSockets, for the local endpoints (asyncio streams, no dependency).

`http.HttpServer` answers a GET with `Upgrade: websocket` itself (`handshake_error` /
`accept_response`) and hands the streams to the app as a `ServerWebSocket`, which reads and writes
frames:

- `recv()` returns the next binary message (fragments joined), answers pings with pongs, ignores
  pongs, and returns None once the connection is over: the client's Close (answered with the same
  code), EOF, or a protocol error (answered with Close 1002, or 1003 for a text message: the Neon
  proxy treats text as an error too, protocols.md B.1).
- `send(data)` writes one unmasked binary frame; `close()` sends Close and ends the connection;
  `abort()` drops the TCP connection without a word (tests cut sockets with it).
- Counters: `frames_received` (data frames, continuation included), `messages_received`,
  `bytes_received`, so tests can check what a client sent in one flight.

Client frames must be masked (RFC 6455 5.1); control frames are at most 125 bytes and never
fragmented. A message over `max_message_bytes` is refused with Close 1009.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import struct
from collections.abc import Mapping

__all__ = ["ServerWebSocket", "accept_key", "accept_response", "handshake_error", "is_upgrade"]

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
MAX_MESSAGE_BYTES = 64 * 1024 * 1024

OP_CONT, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA
CLOSE_NORMAL, CLOSE_PROTOCOL, CLOSE_UNSUPPORTED, CLOSE_TOO_BIG = 1000, 1002, 1003, 1009


def is_upgrade(method: str, headers: Mapping[str, str]) -> bool:
    """A WebSocket opening handshake (GET, `Upgrade: websocket`, `Connection: ... upgrade`)."""
    connection = {t.strip().lower() for t in headers.get("connection", "").split(",")}
    return method == "GET" and headers.get("upgrade", "").lower() == "websocket" and "upgrade" in connection


def accept_key(key: str) -> str:
    """`Sec-WebSocket-Accept` for a `Sec-WebSocket-Key`."""
    return base64.b64encode(hashlib.sha1((key + GUID).encode("ascii")).digest()).decode("ascii")


def handshake_error(headers: Mapping[str, str]) -> tuple[int, str, dict[str, str]] | None:
    """Why the handshake must be refused: (status, text, extra headers), or None when it is fine."""
    if headers.get("sec-websocket-version", "").strip() != "13":
        return 426, "WebSocket version 13 required", {"Sec-WebSocket-Version": "13"}
    key = headers.get("sec-websocket-key", "").strip()
    try:
        ok = len(base64.b64decode(key, validate=True)) == 16
    except ValueError:
        ok = False
    if not ok:
        return 400, "bad Sec-WebSocket-Key", {}
    return None


def accept_response(headers: Mapping[str, str]) -> bytes:
    """The 101 answer (no subprotocol, no extension: the Neon proxy accepts none either)."""
    key = headers["sec-websocket-key"].strip()
    return (
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Accept: {accept_key(key)}\r\n\r\n"
    ).encode("ascii")


def _frame(opcode: int, payload: bytes) -> bytes:
    n = len(payload)
    if n < 126:
        head = struct.pack("!BB", 0x80 | opcode, n)
    elif n < 1 << 16:
        head = struct.pack("!BBH", 0x80 | opcode, 126, n)
    else:
        head = struct.pack("!BBQ", 0x80 | opcode, 127, n)
    return head + payload


def _unmask(data: bytes, mask: bytes) -> bytes:
    n = len(data)
    if not n:
        return b""
    key = (mask * (n // 4 + 1))[:n]
    return (int.from_bytes(data, "big") ^ int.from_bytes(key, "big")).to_bytes(n, "big")


class _Close(Exception):
    def __init__(self, code: int, reason: str = "") -> None:
        super().__init__(code)
        self.code, self.reason = code, reason


class ServerWebSocket:
    """One accepted WebSocket connection (see the module docstring)."""

    def __init__(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, max_message_bytes: int = MAX_MESSAGE_BYTES
    ) -> None:
        self._reader, self._writer = reader, writer
        self.max_message_bytes = max_message_bytes
        self.frames_received = 0
        self.messages_received = 0
        self.bytes_received = 0
        self.closed = False
        self.close_code: int | None = None

    def __repr__(self) -> str:
        return f"<ServerWebSocket frames={self.frames_received}{' closed' if self.closed else ''}>"

    async def recv(self) -> bytes | None:
        """The next binary message, or None when the connection is over."""
        if self.closed:
            return None
        parts: list[bytes] = []
        size = 0
        try:
            while True:
                fin, opcode, payload = await self._read_frame()
                if opcode >= OP_CLOSE:
                    await self._control(opcode, payload)
                    continue
                self.frames_received += 1
                if opcode == OP_TEXT:
                    raise _Close(CLOSE_UNSUPPORTED, "text frames are not supported")
                if (opcode == OP_CONT) != bool(parts):
                    raise _Close(CLOSE_PROTOCOL, "unexpected continuation frame")
                size += len(payload)
                if size > self.max_message_bytes:
                    raise _Close(CLOSE_TOO_BIG, "message too big")
                parts.append(payload)
                if fin:
                    self.messages_received += 1
                    self.bytes_received += size
                    return parts[0] if len(parts) == 1 else b"".join(parts)
        except _Close as c:
            await self.close(c.code, c.reason)
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            self._drop()
        return None

    async def send(self, data: bytes) -> None:
        """One binary message (raises ConnectionError once the connection is closed)."""
        if self.closed:
            raise ConnectionError("the WebSocket is closed")
        self._writer.write(_frame(OP_BINARY, data))  # one write per frame: frames never interleave
        await self._writer.drain()

    async def close(self, code: int = CLOSE_NORMAL, reason: str = "") -> None:
        """Send Close (if still open) and end the connection."""
        if not self.closed:
            self.closed = True
            self.close_code = self.close_code or code
            with contextlib.suppress(Exception):
                self._writer.write(_frame(OP_CLOSE, struct.pack("!H", code) + reason.encode()[:120]))
                await self._writer.drain()
        self._writer.close()

    def abort(self) -> None:
        """Drop the TCP connection without a Close frame (a cut cable, as far as the client knows)."""
        self.closed = True
        self._writer.transport.abort()

    def _drop(self) -> None:
        self.closed = True
        self._writer.close()

    async def _read_frame(self) -> tuple[bool, int, bytes]:
        b0, b1 = await self._reader.readexactly(2)
        fin, opcode, masked, n = bool(b0 & 0x80), b0 & 0x0F, bool(b1 & 0x80), b1 & 0x7F
        if b0 & 0x70:
            raise _Close(CLOSE_PROTOCOL, "reserved bits set (no extension was negotiated)")
        if opcode not in (OP_CONT, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG):
            raise _Close(CLOSE_PROTOCOL, f"unknown opcode {opcode}")
        if not masked:
            raise _Close(CLOSE_PROTOCOL, "client frames must be masked")
        if opcode >= OP_CLOSE and (n > 125 or not fin):
            raise _Close(CLOSE_PROTOCOL, "bad control frame")
        if n == 126:
            (n,) = struct.unpack("!H", await self._reader.readexactly(2))
        elif n == 127:
            (n,) = struct.unpack("!Q", await self._reader.readexactly(8))
        if n > self.max_message_bytes:
            raise _Close(CLOSE_TOO_BIG, "message too big")
        mask = await self._reader.readexactly(4)
        return fin, opcode, _unmask(await self._reader.readexactly(n), mask)

    async def _control(self, opcode: int, payload: bytes) -> None:
        if opcode == OP_PING:
            self._writer.write(_frame(OP_PONG, payload))
            await self._writer.drain()
        elif opcode == OP_CLOSE:
            code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else CLOSE_NORMAL
            self.close_code = code
            raise _Close(code if code not in (1005, 1006, 1015) else CLOSE_NORMAL)
        # pongs are ignored
