"""A TCP relay on loopback that delays each direction by a fixed time: network latency, locally.

`DelayRelay(target_port, one_way=0.010)` listens on 127.0.0.1 (a free port) and forwards every
connection to 127.0.0.1:target_port, holding each chunk `one_way` seconds in each direction
(20 ms of round-trip time with the default). It runs its own event loop in a thread, so the
processes and loops that measure through it are not slowed by it. `connections` counts the TCP
connections it has accepted (connection reuse, as benchmarks/adapters_rtt.py prints it).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time


class DelayRelay:
    def __init__(self, target_port: int, one_way: float = 0.010) -> None:
        self.target_port = target_port
        self.one_way = one_way
        self.port = 0
        self.connections = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> DelayRelay:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        up_r, up_w = await asyncio.open_connection("127.0.0.1", self.target_port)
        await asyncio.gather(self._pipe(reader, up_w), self._pipe(up_r, writer), return_exceptions=True)

    async def _pipe(self, src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                if not data:
                    break
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                dst.write(data)
                await dst.drain()
            with contextlib.suppress(OSError):
                dst.close()

        task = asyncio.ensure_future(deliver())
        try:
            while data := await src.read(65536):
                queue.put_nowait((time.monotonic() + self.one_way, data))
        except OSError:
            pass
        queue.put_nowait((0.0, b""))
        await task
