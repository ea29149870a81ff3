"""A fault-injecting TCP proxy on loopback, between an adapter and its (real, local) endpoint.

`FaultProxy(target_port)` listens on 127.0.0.1 (a free port) in a background thread with its own
event loop and forwards bytes both ways. It counts connections accepted (`connections`) and the
chunks read from clients (`chunks_up`: on loopback one chunk is one flight: an HTTP request, or a
pgwire/WebSocket message batch: bytes arriving with less than `gap` seconds between them). `arm(Fault(kind, at=k))` makes the k-th upstream chunk from now
on (0-based) misbehave, once:

- `cut_up`: the chunk is not forwarded; both sides are closed (the request never arrived);
- `half_up`: half the chunk is forwarded, then both sides close (a request cut mid-way);
- `stall_up`: the chunk and everything after it are held; the connection stays open;
- `cut_down`: the chunk is forwarded, and the connection closed when its answer arrives (the
  server applied it; the answer is lost);
- `stall_down`: forwarded; its answer and everything after are swallowed; stays open;
- `truncate_down`: forwarded; half the answer's first chunk is delivered, then both close;
- `replace_down`: forwarded; the answer is replaced by `payload` (an HTTP 500, `{}`, garbage),
  then both close;
- `respond`: not forwarded; `payload` is the answer, then both close (a proxy refusing);
- `drop`: the connection carrying the chunk is closed at once, both sides.

`cut`, `stall` and a `byte_offset` variant (`cut_at_byte(n, "up"|"down")`) cover "after N bytes
in either direction". `release()` ends every stall (held connections are closed). Stalled and
faulted connections are counted in `faults_fired`.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator

import attrs

__all__ = ["FAULT_KINDS", "Fault", "FaultProxy", "fault_proxy", "http_answer"]

FAULT_KINDS = (
    "cut_up",
    "half_up",
    "stall_up",
    "cut_down",
    "stall_down",
    "truncate_down",
    "replace_down",
    "respond",
    "drop",
)


def http_answer(status: int, body: bytes, content_type: str = "application/json") -> bytes:
    reason = {200: "OK", 500: "Internal Server Error", 502: "Bad Gateway"}.get(status, "Status")
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body


@attrs.define
class Fault:
    kind: str
    at: int = 0
    payload: bytes = b""
    byte_offset: int | None = None  # with kind cut_up/cut_down: cut after this many bytes of that direction
    new_only: bool = False  # only a connection accepted after arming: a closing one's last bytes never take it


@attrs.define(eq=False)
class _Conn:
    client_w: asyncio.StreamWriter
    server_w: asyncio.StreamWriter
    on_answer: str | None = None  # cut_down / stall_down / truncate_down / replace_down pending
    payload: bytes = b""
    held: bool = False
    up_bytes: int = 0
    down_bytes: int = 0
    serial: int = 0  # 1 for the first connection accepted
    client_eof: bool = False  # the client's last flight ended with EOF: pass it on after forwarding


class FaultProxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1", *, gap: float = 0.005) -> None:
        self.target = (target_host, target_port)
        self.connections = 0
        self.chunks_up = 0
        self.faults_fired = 0
        self.client_closes = 0  # connections the client closed (its side reached EOF)
        self.bytes_up = 0
        self.bytes_down = 0
        self._fault: Fault | None = None
        self._armed_at = 0
        self._armed_conns = 0  # connections accepted when the fault was armed
        self._conns: set[_Conn] = set()
        self.gap = gap
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._server: asyncio.AbstractServer | None = None
        self.port = 0

    # -- control (from the test's thread) ---------------------------------------------------

    def start(self) -> FaultProxy:
        self._thread.start()
        self._ready.wait(10)
        return self

    def arm(self, fault: Fault | None) -> None:
        """Fire `fault` on the `fault.at`-th upstream chunk from now (None disarms)."""
        self._call(self._arm, fault)

    def cut_at_byte(self, n: int, direction: str) -> None:
        """Close both sides once `n` bytes went through in `direction` ("up" or "down")."""
        self.arm(Fault(f"cut_{direction}", at=0, byte_offset=n))

    def stall_at_byte(self, n: int, direction: str, *, new_only: bool = False) -> None:
        """Stop forwarding once `n` bytes went through in `direction` ("up" or "down"); stays open.

        `new_only`: only on a connection opened after this call. Without it, the last bytes of a
        connection being closed (a Terminate still in flight in the proxy's thread) can take the fault.
        """
        self.arm(Fault(f"stall_{direction}", at=0, byte_offset=n, new_only=new_only))

    def release(self) -> None:
        """End every stall: held connections are closed."""
        self._call(self._release)

    def drop_all(self) -> None:
        """Close every connection now (the server going away); new ones are still accepted."""
        self._call(self._drop_all)

    def close(self) -> None:
        if self._thread.is_alive():
            self._call(self._shutdown)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)

    @property
    def url_port(self) -> int:
        return self.port

    def _call(self, fn: object, *args: object) -> None:
        async def run() -> None:
            fn(*args)  # type: ignore[operator]

        asyncio.run_coroutine_threadsafe(run(), self._loop).result(10)

    # -- the loop ---------------------------------------------------------------------------

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def start() -> None:
            self._server = await asyncio.start_server(self._on_client, "127.0.0.1", 0)
            self.port = self._server.sockets[0].getsockname()[1]
            self._ready.set()

        self._loop.run_until_complete(start())
        self._loop.run_forever()

    def _arm(self, fault: Fault | None) -> None:
        self._fault = fault
        self._armed_at = self.chunks_up
        self._armed_conns = self.connections

    def _release(self) -> None:
        for c in list(self._conns):
            if c.held or c.on_answer == "stall_down":
                self._close(c)

    def _drop_all(self) -> None:
        for c in list(self._conns):
            self._close(c)

    def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        for c in list(self._conns):
            self._close(c)

    def _close(self, c: _Conn) -> None:
        for w in (c.client_w, c.server_w):
            with contextlib.suppress(Exception):
                w.close()
        self._conns.discard(c)

    async def _on_client(self, cr: asyncio.StreamReader, cw: asyncio.StreamWriter) -> None:
        self.connections += 1
        serial = self.connections
        try:
            sr, sw = await asyncio.open_connection(*self.target)
        except OSError:
            cw.close()
            return
        c = _Conn(cw, sw, serial=serial)
        self._conns.add(c)
        await asyncio.gather(self._up(c, cr), self._down(c, sr), return_exceptions=True)
        if not c.held and c.on_answer != "stall_down":
            self._close(c)

    def _eligible(self, f: Fault, c: _Conn) -> bool:
        return not f.new_only or c.serial > self._armed_conns

    def _take_fault(self, c: _Conn, n: int) -> Fault | None:
        f = self._fault
        if f is None or not self._eligible(f, c):
            return None
        if f.byte_offset is not None:
            return f if f.kind in ("cut_up", "stall_up") and c.up_bytes + n > f.byte_offset else None
        if self.chunks_up - 1 - self._armed_at == f.at:
            self._fault = None
            self.faults_fired += 1
            return f
        return None

    async def _flight(self, cr: asyncio.StreamReader) -> tuple[bytes, bool]:
        """What the client sends before it waits for an answer: reads until `gap` s pass quietly."""
        data = await cr.read(65536)
        while data:
            try:
                more = await asyncio.wait_for(cr.read(65536), self.gap)
            except TimeoutError:
                return data, False
            if not more:
                return data, True
            data += more
        return data, True

    async def _up(self, c: _Conn, cr: asyncio.StreamReader) -> None:
        while True:
            data, eof = await self._flight(cr)
            if not data:
                self.client_closes += 1
                with contextlib.suppress(Exception):
                    c.server_w.write_eof()
                return
            if eof:  # on the connection itself: a set of id()s matched a new connection at a reused address
                c.client_eof = True
            if c.held:
                continue
            self.chunks_up += 1
            f = self._take_fault(c, len(data))
            if f is not None and f.byte_offset is not None:
                keep = max(0, f.byte_offset - c.up_bytes)
                self._fault = None
                self.faults_fired += 1
                c.server_w.write(data[:keep])
                await c.server_w.drain()
                if f.kind == "stall_up":
                    c.held = True
                    continue
                self._close(c)
                return
            kind = f.kind if f else None
            if kind in ("cut_up", "drop"):
                self._close(c)
                return
            if kind == "half_up":
                c.server_w.write(data[: len(data) // 2])
                await c.server_w.drain()
                self._close(c)
                return
            if kind == "stall_up":
                c.held = True
                continue
            if kind == "respond":
                c.client_w.write(f.payload)  # type: ignore[union-attr]
                await c.client_w.drain()
                self._close(c)
                return
            if kind in ("cut_down", "stall_down", "truncate_down", "replace_down"):
                c.on_answer, c.payload = kind, f.payload  # type: ignore[union-attr]
            c.up_bytes += len(data)
            self.bytes_up += len(data)
            c.server_w.write(data)
            await c.server_w.drain()
            if c.client_eof:
                with contextlib.suppress(Exception):
                    c.server_w.write_eof()
                return

    async def _down(self, c: _Conn, sr: asyncio.StreamReader) -> None:
        while True:
            data = await sr.read(65536)
            if not data:
                with contextlib.suppress(Exception):
                    c.client_w.write_eof()
                return
            f = self._fault
            if (
                f is not None
                and f.byte_offset is not None
                and f.kind in ("cut_down", "stall_down")
                and self._eligible(f, c)
                and c.down_bytes + len(data) > f.byte_offset
            ):
                self._fault = None
                self.faults_fired += 1
                c.client_w.write(data[: max(0, f.byte_offset - c.down_bytes)])
                await c.client_w.drain()
                if f.kind == "stall_down":
                    c.on_answer = "stall_down"
                    continue
                self._close(c)
                return
            kind = c.on_answer
            if kind == "stall_down" or c.held:
                continue
            if kind == "cut_down":
                self._close(c)
                return
            if kind in ("truncate_down", "replace_down"):
                c.client_w.write(data[: len(data) // 2] if kind == "truncate_down" else c.payload)
                await c.client_w.drain()
                self._close(c)
                return
            c.down_bytes += len(data)
            self.bytes_down += len(data)
            c.client_w.write(data)
            await c.client_w.drain()


@contextlib.contextmanager
def fault_proxy(target_port: int) -> Iterator[FaultProxy]:
    proxy = FaultProxy(target_port).start()
    try:
        yield proxy
    finally:
        proxy.close()
