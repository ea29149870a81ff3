"""A stalled peer at any byte offset ends in TimeoutError and a closed connection (issue 11 item 4).

The fault proxy (tests/support/fault_proxy.py) stops forwarding after n bytes in one direction,
for offsets spread over a whole exchange (WebSocket upgrade, login, first and later queries),
and keeps the connection open: only the adapter's own deadlines can end the call. Each case
must raise `prisma_edge.errors.TimeoutError` (a hang fails the test through a 20 s guard), and
the adapter must close its side of the connection. Login is bounded by `timeout`, every later
exchange by `statement_timeout` (per call: `timeouts.statement_timeout(...)`).
`PRISMA_EDGE_TIMEOUTS_FULL=1` tries every 8th byte offset instead of a dozen.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from prisma_edge.errors import TimeoutError as PeTimeoutError
from prisma_edge.fetch_adapters.base import Query
from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter
from prisma_edge.fetch_adapters.neon_ws import NeonWsAdapter
from prisma_edge.fetch_adapters.postgres import PgDirectAdapter
from prisma_edge.fetch_adapters.timeouts import statement_timeout
from tests.support.endpoints import NeonTarget, neon_target
from tests.support.fault_proxy import FaultProxy, fault_proxy

pytestmark = pytest.mark.no_pyodide("starts a fault proxy over TCP in a thread")

FULL = os.environ.get("PRISMA_EDGE_TIMEOUTS_FULL") == "1"
T = 0.5  # seconds: login and statement deadlines in these tests


@pytest.fixture(scope="module")
def neon() -> Iterator[NeonTarget]:
    pytest.importorskip("psycopg")
    with neon_target() as target:
        yield target


def _port(neon: NeonTarget) -> int:
    return int(neon.url.rsplit(":", 1)[1].split("/")[0])


def _makers(neon: NeonTarget) -> dict[str, tuple[int, Callable[[int], Any]]]:
    db = neon.direct_url.rsplit("/", 1)[1]
    return {
        "neon_ws": (
            _port(neon),
            lambda p: NeonWsAdapter(
                neon.database_url, ws_proxy=f"127.0.0.1:{p}/v2", timeout=T, statement_timeout=T
            ),
        ),
        "postgres": (
            5432,
            lambda p: PgDirectAdapter(
                f"postgresql://postgres@127.0.0.1:{p}/{db}", timeout=T, statement_timeout=T
            ),
        ),
        "neon_http": (
            _port(neon),
            lambda p: NeonHttpAdapter(neon.database_url, endpoint=f"http://127.0.0.1:{p}/sql", timeout=T),
        ),
    }


async def _two_queries(a: Any) -> None:
    await a.query(Query("SELECT 1 AS n"))
    await a.query(Query("SELECT 2 AS n"))


async def _closed_by_client(proxy: FaultProxy, before: int) -> bool:
    for _ in range(100):
        if proxy.client_closes > before:
            return True
        await asyncio.sleep(0.02)
    return False


def _offsets(total: int) -> list[int]:
    if FULL:
        return list(range(0, total, 8))
    return sorted({0, 1, total - 1, *range(0, total, max(1, total // 10))})


@pytest.mark.parametrize("adapter", ["neon_ws", "postgres", "neon_http"])
@pytest.mark.parametrize("direction", ["up", "down"])
async def test_a_stall_at_any_byte_offset_times_out_and_closes(neon, adapter: str, direction: str) -> None:
    port, make = _makers(neon)[adapter]
    with fault_proxy(port) as proxy:
        a = make(proxy.port)  # a clean run: how many bytes the whole exchange takes
        await _two_queries(a)
        total = proxy.bytes_up if direction == "up" else proxy.bytes_down  # not counting close()
        await a.close()
        assert total > 0
        timeouts = 0
        for n in _offsets(total):
            a = make(proxy.port)
            closes = proxy.client_closes
            proxy.stall_at_byte(n, direction, new_only=True)  # not the last adapter's Terminate
            with pytest.raises(PeTimeoutError) as info:
                await asyncio.wait_for(_two_queries(a), 20)  # the guard: a hang fails here
            assert re.search("within|longer than|timed out", str(info.value)), str(info.value)
            assert await _closed_by_client(proxy, closes), (
                f"{adapter} {direction} byte {n}: connection left open"
            )
            timeouts += 1
            proxy.release()
            await a.close()
        print(f"\n{adapter} stall {direction}: {timeouts} offsets of {total} bytes, {timeouts} TimeoutErrors")


async def test_neon_ws_stall_during_a_later_query_then_recovers(neon) -> None:
    port, make = _makers(neon)["neon_ws"]
    with fault_proxy(port) as proxy:
        a = make(proxy.port)
        assert (await a.query(Query("SELECT 1 AS n"))).rows == ((1,),)
        proxy.stall_at_byte(proxy.bytes_down + 3, "down")  # a few bytes into the next answer
        with pytest.raises(PeTimeoutError, match="within"):
            await asyncio.wait_for(a.query(Query("SELECT 2 AS n")), 20)
        proxy.release()
        assert (await a.query(Query("SELECT 3 AS n"))).rows == ((3,),)  # a new WebSocket
        assert proxy.connections == 2
        await a.close()


async def test_per_call_statement_timeout_overrides_the_client_default(neon) -> None:
    port, _ = _makers(neon)["postgres"]
    db = neon.direct_url.rsplit("/", 1)[1]
    with fault_proxy(port) as proxy:
        a = PgDirectAdapter(
            f"postgresql://postgres@127.0.0.1:{proxy.port}/{db}", timeout=5, statement_timeout=60
        )
        await a.query(Query("SELECT 1"))
        with statement_timeout(0.3), pytest.raises(PeTimeoutError, match="0.3"):
            await asyncio.wait_for(a.query(Query("SELECT pg_sleep(5)")), 20)
        assert (await a.query(Query("SELECT 4 AS n"))).rows == ((4,),)
        await a.close()
