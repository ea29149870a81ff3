"""A TCP relay on loopback that delays each direction by a fixed time: network latency, locally.

`DelayRelay(target_port, one_way=0.010)` listens on 127.0.0.1 (a free port) and forwards every
connection to 127.0.0.1:target_port, holding each chunk `one_way` seconds in each direction
(20 ms of round-trip time with the default). It runs its own event loop in a thread, so the
loops that measure through it are not slowed by it. `connections` counts the TCP connections it
has accepted (connection reuse, as benchmarks/adapters_rtt.py prints it).

`process=True` runs it in a child process instead (`python benchmarks/relay.py PORT ONE_WAY`): a
relay thread shares the GIL with the client it measures and with an endpoint served in the same
process, which adds milliseconds at random; a child shares nothing. There each chunk is also
held to the tenth of a millisecond (asyncio's timers wake up to 1 ms late: epoll rounds up).
"""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
import threading
import time
from collections.abc import Callable


class DelayRelay:
    def __init__(self, target_port: int, one_way: float = 0.010, *, process: bool = False) -> None:
        self.target_port = target_port
        self.one_way = one_way
        self.port = 0
        self.connections = 0
        self.on_connection: Callable[[], None] | None = None
        self._process = process
        self._precise = False  # set in the child process: nothing else runs there
        self._child: subprocess.Popen[str] | None = None
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> DelayRelay:
        if self._process:
            self._start_child()
        else:
            self._thread.start()
            self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._child is not None:
            assert self._child.stdin is not None
            self._child.stdin.close()  # the child's cue to stop
            self._child.wait(10)
            self._thread.join(5)
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def _start_child(self) -> None:
        self._child = subprocess.Popen(
            [sys.executable, __file__, str(self.target_port), str(self.one_way)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self._child.stdout is not None
        self.port = int(self._child.stdout.readline().split()[1])  # "port N"

        def follow() -> None:  # one line per accepted connection
            assert self._child is not None and self._child.stdout is not None
            for _line in self._child.stdout:
                self.connections += 1

        self._thread = threading.Thread(target=follow, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()
        tasks = asyncio.all_tasks(self._loop)  # connections still open: end them, quietly
        for task in tasks:
            task.cancel()
        self._loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        server.close()
        self._loop.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        if self.on_connection is not None:
            self.on_connection()
        try:
            up_r, up_w = await asyncio.open_connection("127.0.0.1", self.target_port)
            await asyncio.gather(self._pipe(reader, up_w), self._pipe(up_r, writer), return_exceptions=True)
        except asyncio.CancelledError:  # the relay is stopping; asyncio's server callback dislikes cancelled tasks
            writer.close()

    async def _hold_until(self, due: float) -> None:
        wait = due - time.monotonic()
        if not self._precise:
            if wait > 0:
                await asyncio.sleep(wait)
            return
        if wait > 0.0015:
            await asyncio.sleep(wait - 0.0015)  # wakes by `due`, however epoll rounds
        while time.monotonic() < due:  # the last stretch: yield, so other connections still move
            await asyncio.sleep(0)

    async def _pipe(self, src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                if not data:
                    break
                await self._hold_until(due)
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


def _child_main(target_port: int, one_way: float) -> None:
    """The relay of `DelayRelay(process=True)`: prints its port, a line per connection, and stops
    when its stdin closes."""
    relay = DelayRelay(target_port, one_way)
    relay._precise = True
    relay.on_connection = lambda: print("connection", flush=True)
    relay._thread.start()
    relay._ready.wait(10)
    print(f"port {relay.port}", flush=True)
    sys.stdin.read()
    relay._loop.call_soon_threadsafe(relay._loop.stop)
    relay._thread.join(5)


if __name__ == "__main__":
    _child_main(int(sys.argv[1]), float(sys.argv[2]))
