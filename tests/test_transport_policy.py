"""The HTTP transports: no redirect followed, one URL parser, keep-alive (issues 11.1, 11.5, 15.2).

Redirects: a hostile endpoint on loopback answers 301/302/303/307/308 pointing at a second
loopback server; every adapter gets a `RedirectError` naming the status and the target host,
and the second server receives nothing (no credential re-sent anywhere).
Keep-alive: the fault proxy (tests/support/fault_proxy.py) in pass-through mode counts the TCP
connections that 50 neon_http / PlanetScale queries open against the real local endpoints.
"""

from __future__ import annotations

import pytest

from prisma_edge.errors import ClientError, RedirectError
from prisma_edge.fetch_adapters.base import Query
from prisma_edge.fetch_adapters.libsql import LibsqlAdapter
from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter
from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter
from prisma_edge.fetch_adapters.transports.fetch import PooledFetch
from prisma_edge.fetch_adapters.transports.sync_fetch import BlockingFetch
from prisma_edge.fetch_adapters.transports.urls import parse_endpoint
from prisma_edge.fetch_adapters.transports.websocket import check_ws_url
from tests.support.endpoints import neon_endpoint  # noqa: F401 - fixture
from tests.support.fault_proxy import fault_proxy
from tests.support.hostile_http import hostile_server
from tests.support.ps_endpoint import planetscale  # noqa: F401 - fixture

pytestmark = pytest.mark.no_pyodide("starts its own loopback servers and proxies (Pyodide has no sockets)")

PASSWORD = "r3dir-S3cret"


def _adapters(url: str):  # noqa: ANN202
    port = url.rsplit(":", 1)[1]
    yield (
        "neon_http",
        NeonHttpAdapter(
            f"postgresql://u:{PASSWORD}@ep-a-1.us-east-2.aws.neon.tech/db", endpoint=url + "/sql"
        ),
    )
    yield "planetscale", PlanetScaleAdapter(f"http://u:{PASSWORD}@127.0.0.1:{port}")
    yield "libsql", LibsqlAdapter(url, auth_token=PASSWORD + "-token")


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_no_adapter_follows_a_redirect(status: int) -> None:
    with hostile_server(lambda r: (200, {}, b"{}")) as elsewhere:
        target = elsewhere.url.replace("127.0.0.1", "localhost") + "/steal"
        with hostile_server(lambda r: (status, {"Location": target}, b"moved")) as first:
            for name, adapter in _adapters(first.url):
                with pytest.raises(RedirectError) as info:
                    await adapter.query(Query("SELECT 1"))
                text = str(info.value)
                assert f"HTTP {status}" in text and "localhost" in text, name
                assert PASSWORD not in text and "/steal" not in text, name
                assert info.value.meta["status"] == status
                await adapter.close()
            assert len(first.requests) == 3
        assert elsewhere.requests == []


async def test_transports_refuse_redirects_themselves() -> None:
    with hostile_server(lambda r: (302, {"Location": "http://evil.example/x"}, b"")) as server:
        fetch = PooledFetch()
        with pytest.raises(RedirectError, match="302 redirecting to evil.example"):
            await fetch("POST", server.url + "/sql", {"Authorization": "Bearer x"}, b"{}")
        await fetch.close()
        blocking = BlockingFetch()
        with pytest.raises(RedirectError, match="302"):
            await blocking("POST", server.url + "/sql", {}, b"{}")
        await blocking.close()
        assert len(server.requests) == 2


AMBIGUOUS = [
    "http://example.com\\@127.0.0.1/sql",  # urlsplit: 127.0.0.1; an HTTP client: example.com
    "http://127.0.0.1\\@example.com/sql",
    "http://user:pw@127.0.0.1/sql",  # userinfo in an endpoint URL
    "http://@127.0.0.1/sql",
    "http://127.0.0.1/s ql",
    "http://127.0.0.1/sql\r\nX-Injected: 1",
    "http://127.0.0.1\t/sql",
    "http://127.0.0.1/\x00",
    "http://ex\u0430mple.com/sql",  # a Cyrillic a
    "http://127.0.0.1:99999/sql",
    "http://exa%6dple.com/sql",
    "http://[::1/sql",
    "https:///sql",
    "ftp://127.0.0.1/sql",
    "http://example.com/sql",  # plain http beyond loopback
]


@pytest.mark.parametrize("url", AMBIGUOUS)
def test_ambiguous_endpoint_urls_are_refused(url: str) -> None:
    with pytest.raises(ClientError):
        parse_endpoint(url)
    with pytest.raises(ClientError):
        NeonHttpAdapter("postgresql://u:p@ep-a-1.us-east-2.aws.neon.tech/db", endpoint=url)
    with pytest.raises(ClientError):
        check_ws_url(url.replace("http", "ws", 1))


def test_the_transport_connects_where_the_check_looked() -> None:
    ep = parse_endpoint("http://LOCALHOST:4444/sql?x=1#frag")
    assert (ep.scheme, ep.host, ep.port, ep.target) == ("http", "localhost", 4444, "/sql?x=1")
    assert ep.url == "http://localhost:4444/sql?x=1"
    assert parse_endpoint("https://[::1]/v3").where == "[::1]:443"
    assert (
        parse_endpoint("https://api.us-east-2.aws.neon.tech/sql").url
        == "https://api.us-east-2.aws.neon.tech/sql"
    )


async def test_fifty_neon_http_queries_use_one_connection(neon_endpoint) -> None:  # noqa: F811
    port = int(neon_endpoint.url.rsplit(":", 1)[1].split("/")[0])
    with fault_proxy(port) as proxy:
        a = NeonHttpAdapter(neon_endpoint.database_url, endpoint=f"http://127.0.0.1:{proxy.port}/sql")
        before = await neon_endpoint.request_count()
        for i in range(50):
            rs = await a.query(Query("SELECT $1::int AS n", (i,)))
            assert rs.rows == ((i,),)
        requests = await neon_endpoint.request_count() - before
        print(f"\n50 neon_http queries: {proxy.connections} TCP connection(s), {requests} requests")
        assert (proxy.connections, requests) == (1, 50)
        await a.close()


async def test_fifty_planetscale_queries_use_one_connection(planetscale) -> None:  # noqa: F811
    base, port = planetscale.url.rsplit(":", 1)
    with fault_proxy(int(port)) as proxy:
        a = PlanetScaleAdapter(f"{base}:{proxy.port}")
        for i in range(50):
            rs = await a.query(Query("SELECT ? AS n", (i,)))
            assert rs.rows[0][0] == i
        print(f"\n50 planetscale queries: {proxy.connections} TCP connection(s)")
        assert proxy.connections == 1
        await a.close()


async def test_a_connection_the_server_closed_while_idle_is_replaced(neon_endpoint) -> None:  # noqa: F811
    port = int(neon_endpoint.url.rsplit(":", 1)[1].split("/")[0])
    with fault_proxy(port) as proxy:
        a = NeonHttpAdapter(neon_endpoint.database_url, endpoint=f"http://127.0.0.1:{proxy.port}/sql")
        await a.query(Query("SELECT 1"))
        proxy.drop_all()  # the peer closes the kept-alive connection while it is idle
        assert (await a.query(Query("SELECT 2 AS n"))).rows == ((2,),)
        assert proxy.connections == 2
        await a.close()
