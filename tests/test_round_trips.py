"""Round trips per operation, counted at the adapter and (for the network adapters) at the endpoint.

The design rule is one round trip per operation: every read, and every write on Neon over HTTP
and over WebSocket (counted there as WebSocket messages the endpoint received), on libSQL (one
Hrana pipeline request each), on embedded SQLite (one call: a static batch), on D1 (one
`batch()`: one request to the D1 endpoint) and on Hyperdrive (one flight on the socket; the
workerd run only, wasm_tests/run_workerd.py).
PlanetScale's HTTP API carries one statement per request, so its writes cost a session
transaction: the counts below are the fewest this implementation needs, and a regression shows here.

Issue 15's list (find_unique, filtered find_many, include 2 levels, nested create, update, batch
of 3, count) on neon_http and neon_ws, 50+ operations through a counting TCP proxy in front of
the local endpoint: each one request / one WebSocket data frame, all on one connection (counted,
not timed; benchmarks/adapters_rtt.py prints what that means at 20 ms RTT).
"""

from __future__ import annotations

import itertools

import pytest

from tests.support.clients import ADAPTERS, endpoint_requests, neon_port, open_client
from tests.support.fault_proxy import fault_proxy

# operation -> expected round trips per adapter (sqlite: calls into sqlite3 within one transaction)
EXPECTED = {
    "find_unique": {"sqlite": 1, "neon_http": 1, "neon_ws": 1, "planetscale": 1, "libsql": 1, "d1": 1, "hyperdrive": 1},
    "find_many + filter": {"sqlite": 1, "neon_http": 1, "neon_ws": 1, "planetscale": 1, "libsql": 1, "d1": 1, "hyperdrive": 1},
    "find_many + include x2": {"sqlite": 1, "neon_http": 1, "neon_ws": 1, "planetscale": 1, "libsql": 1, "d1": 1, "hyperdrive": 1},
    "count": {"sqlite": 1, "neon_http": 1, "neon_ws": 1, "planetscale": 1, "libsql": 1, "d1": 1, "hyperdrive": 1},
    "create": {"sqlite": 1, "neon_http": 1, "neon_ws": 1, "planetscale": 2, "libsql": 1, "d1": 1, "hyperdrive": 1},
    "nested create (2 levels + connects)": {"sqlite": 1, "neon_http": 1, "neon_ws": 1, "planetscale": 9, "libsql": 1, "d1": 1, "hyperdrive": 1},
    "update": {"sqlite": 1, "neon_http": 1, "neon_ws": 1, "planetscale": 5, "libsql": 1, "d1": 1, "hyperdrive": 1},
    "upsert": {"sqlite": 1, "neon_http": 1, "neon_ws": 1, "planetscale": 5, "libsql": 1, "d1": 1, "hyperdrive": 1},
    "delete": {"sqlite": 1, "neon_http": 1, "neon_ws": 1, "planetscale": 5, "libsql": 1, "d1": 1, "hyperdrive": 1},
    "batch of 3": {"sqlite": 1, "neon_http": 1, "neon_ws": 1, "planetscale": 7, "libsql": 1, "d1": 1, "hyperdrive": 1},
}


ISSUE_15 = ("find_unique", "find_many + filter", "find_many + include x2", "nested create (2 levels + connects)",
            "update", "batch of 3", "count")


def operations(db, bob, tag):
    k = itertools.count()  # fresh unique values, so an operation can be repeated
    return {
        "find_unique": lambda: db.user.find_unique(where={"id": bob["id"]}),
        "find_many + filter": lambda: db.post.find_many(
            where={"published": True, "views": {"gt": 5}}, order={"id": "asc"}, take=20),
        "find_many + include x2": lambda: db.user.find_many(include={"posts": {"include": {"comments": True}}}),
        "count": lambda: db.post.count(where={"published": True}),
        "create": lambda: db.tag.create({"name": "x"}),
        "nested create (2 levels + connects)": lambda: db.user.create({"email": f"a{next(k)}@x.io", "posts": {"create": [{
            "title": "p", "comments": {"create": [{"body": "c", "author": {"connect": {"email": "bob@x.io"}}}]},
            "tags": {"connect": {"id": tag["id"]}}}]}}),
        "update": lambda: db.user.update(where={"id": bob["id"]}, data={"name": "B"}),
        "upsert": lambda: db.tag.upsert(where={"name": "y"}, create={"name": "y"}, update={}),
        "delete": lambda: db.tag.delete(where={"name": "x"}),
        "batch of 3": lambda: db.batch([db.tag.create({"name": f"b{next(k)}"}), db.tag.create({"name": f"b{next(k)}"}),
                                        db.tag.count()]),
    }


async def measure(adapter):
    out = {}
    async with open_client("blog", adapter) as db:
        bob = await db.user.create({"email": "bob@x.io"})
        tag = await db.tag.create({"name": "t"})
        for name, run in operations(db, bob, tag).items():
            db.adapter.stats.reset()
            before = endpoint_requests(adapter)
            await run()
            after = endpoint_requests(adapter)
            out[name] = (db.adapter.stats.round_trips, None if before is None else after - before)
    return out


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_round_trips_per_operation(adapter):
    got = await measure(adapter)
    for name, (trips, at_endpoint) in got.items():
        assert trips == EXPECTED[name][adapter], (name, trips)
        if at_endpoint is not None:
            assert at_endpoint == trips, (name, at_endpoint, trips)


@pytest.mark.no_pyodide("a counting TCP proxy in a thread, in front of the endpoint this process started")
@pytest.mark.parametrize("adapter", ["neon_http", "neon_ws"])
async def test_issue_15_operations_are_one_flight_each_on_one_connection(adapter):
    with fault_proxy(neon_port()) as proxy:
        async with open_client("blog", adapter, via=proxy.port) as db:
            bob = await db.user.create({"email": "bob@x.io"})
            tag = await db.tag.create({"name": "t"})
            await db.post.create({"title": "seen", "published": True, "views": 9, "authorId": bob["id"]})
            ops = operations(db, bob, tag)
            flights = []
            for _ in range(8):  # 56 operations
                for name in ISSUE_15:
                    db.adapter.stats.reset()
                    before = endpoint_requests(adapter)
                    await ops[name]()
                    flights.append((name, db.adapter.stats.round_trips, endpoint_requests(adapter) - before))
            assert [f for f in flights if f[1:] != (1, 1)] == []
            assert await db.user.count(where={"email": {"startswith": "a"}}) == 8  # the writes happened
            assert proxy.connections == 1  # setup and 56 operations: one keep-alive connection / one socket
