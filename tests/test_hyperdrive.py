"""Hyperdrive: PostgreSQL over a Workers TCP socket, one connection per request, none left open.

The socket exists only inside workerd, so the tests that talk to PostgreSQL run in the workerd
run of the suite (wasm_tests/run_workerd.py, `HYPERDRIVE` emulated by miniflare in front of a
throwaway database) and skip elsewhere; the request rule and the URL handling are checked in
every runtime, before any I/O. The example Worker and a Worker that keeps an adapter across
requests are exercised over HTTP in tests/test_worker.py.
"""

from __future__ import annotations

import asyncio
import contextvars

import pytest

from prisma_edge.errors import ClientError
from prisma_edge.fetch_adapters.base import Query
from prisma_edge.fetch_adapters.hyperdrive import HyperdriveAdapter
from tests.support.clients import workerd_binding

URL = "postgresql://user:secret@0123abcd.hyperdrive.local:5432/app"


async def test_hyperdrive_adapter_refuses_a_request_it_was_not_made_in():
    """A new request's handler runs in a fresh context; the adapter says what to do instead of hanging."""
    adapter = HyperdriveAdapter(URL, connect=lambda *_: pytest.fail("no I/O may happen"))
    other_request = asyncio.get_running_loop().create_task(adapter.query(Query("SELECT 1")), context=contextvars.Context())
    with pytest.raises(ClientError, match="another request") as e:
        await other_request
    assert "with_adapter(HyperdriveAdapter" in str(e.value) and "secret" not in str(e.value)


async def test_hyperdrive_adapter_made_at_import_binds_to_its_first_request():
    loop = asyncio.get_running_loop()
    made: asyncio.Future[HyperdriveAdapter] = loop.create_future()
    # a plain callback runs in no task, as a Worker's module-level code does
    loop.call_soon(lambda: made.set_result(HyperdriveAdapter(URL)), context=contextvars.Context())
    adapter = await made
    assert adapter._request is None

    async def first_request() -> None:
        adapter._check_request()  # the first request to use it owns it
        adapter._check_request()

    await loop.create_task(first_request(), context=contextvars.Context())
    with pytest.raises(ClientError, match="another request"):
        contextvars.Context().run(adapter._check_request)  # a second request's fresh context


def test_hyperdrive_urls_and_tls_modes():
    assert HyperdriveAdapter(URL)._sslmode == "disable"  # Hyperdrive's own host: no TLS to it
    assert HyperdriveAdapter("postgresql://u@127.0.0.1/db")._sslmode == "disable"
    assert HyperdriveAdapter("postgresql://u@db.example.com/db")._sslmode == "prefer"
    assert HyperdriveAdapter("postgresql://u@db.example.com/db?sslmode=require")._sslmode == "require"

    class Binding:
        connectionString = URL  # noqa: N815 - the binding's own name

    a = HyperdriveAdapter(Binding())
    assert (a._host, a._port) == ("0123abcd.hyperdrive.local", 5432)
    assert "secret" not in repr(a)
    with pytest.raises(ClientError, match="Hyperdrive binding"):
        HyperdriveAdapter(object())


async def _our_other_sessions(a: HyperdriveAdapter) -> int:
    rs = await a.query(Query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                             "AND application_name = current_setting('application_name') AND pid <> pg_backend_pid()"))
    return int(rs.rows[0][0])


async def test_hyperdrive_one_connection_per_request_and_none_left_open():
    binding = workerd_binding("HYPERDRIVE")
    if binding is None:
        pytest.skip("Hyperdrive runs only inside workerd (wasm_tests/run_workerd.py)")
    a = HyperdriveAdapter(binding)
    await a.query(Query("SELECT 1"))
    await asyncio.gather(*(a.query(Query("SELECT pg_sleep(0.05)")) for _ in range(3)))  # concurrent: they queue
    await a.batch([Query("SELECT 1"), Query("SELECT 2")])
    async with a.transaction() as tx:
        await tx.query(Query("SELECT 3"))
    pids = {int((await a.query(Query("SELECT pg_backend_pid()"))).rows[0][0]) for _ in range(3)}
    assert len(pids) == 1  # every operation of this request went over the one connection
    assert await _our_other_sessions(a) == 0  # and no earlier test left one open
    await a.close()
    with pytest.raises(ClientError, match="closed"):
        await a.query(Query("SELECT 1"))
    b = HyperdriveAdapter(binding)
    try:
        for _ in range(50):  # the server notices the closed socket within moments
            if await _our_other_sessions(b) == 0:
                break
            await asyncio.sleep(0.1)
        assert await _our_other_sessions(b) == 0
    finally:
        await b.close()
