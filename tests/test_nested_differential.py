"""Differential test of nested writes: compiled plans against a plain step-by-step reference.

Hypothesis generates nested creates and updates (tests/support/nested_gen.py: create, connect,
connectOrCreate, update, updateMany, upsert, delete, deleteMany, set, disconnect, atomic numbers;
1-1, 1-n, m-n and self relations; @db.Uuid, VarChar, BigInt and composite keys) on
tests/schemas/steps.prisma. Each runs, from the same seed, through:
- the reference (tests/support/nested_reference.py): one Prisma step at a time, flat operations,
  inside one SQLite transaction;
- the PostgreSQL plan (Neon HTTP: one request), the SQLite plan, and the MySQL plan on MariaDB
  (the PlanetScale adapter through the local endpoint);
- for the first 30 examples (`PRISMA_EDGE_DIFF_PG_EXAMPLES=<n>` for more), the same PostgreSQL
  plan through neon_ws (one pipelined transaction over the WebSocket) and the direct TCP adapter.
The final database states and the results must be identical, or every run fails with the same
Prisma code and leaves the seed as it was.

Examples: 200 by default, the same ones every run (derandomized, for CI);
`PRISMA_EDGE_DIFF_EXAMPLES=<n>` for more (or fewer), `PRISMA_EDGE_DIFF_RANDOM=1` for new ones each
run. A failing example is printed with the reference's and the differing run's answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, reject, settings

from prisma_edge.client import Client
from prisma_edge.errors import PrismaEdgeError
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import load_schema
from tests.support.clients import IN_PYODIDE, make_adapter, raw_sql, reset_database, schema_path
from tests.support.nested_gen import LINKS, SEED, nested_write
from tests.support.nested_reference import Reference

pytestmark = pytest.mark.no_pyodide("runs every adapter from one event loop of its own")
EXAMPLES = int(os.environ.get("PRISMA_EDGE_DIFF_EXAMPLES", "200"))
SCHEMA = load_schema(schema_path("steps"))
TARGETS = ("reference", "sqlite", "neon_http", "planetscale")
PG_TARGETS = ("neon_ws", "postgres")  # the other PostgreSQL adapters, for the first PG_EXAMPLES examples
PG_EXAMPLES = int(os.environ.get("PRISMA_EDGE_DIFF_PG_EXAMPLES", "30"))
STATS = {"examples": 0, "errors_agreed": 0, "results_agreed": 0, "invalid": 0, "on_every_pg_adapter": 0}


def include_for(model: str, data: dict[str, Any]) -> dict[str, Any] | None:
    """The root's relations the write touched, lists ordered by key (so answers compare)."""
    m = SCHEMA.model(model)
    assert m is not None
    out: dict[str, Any] = {}
    for k in data:
        f = m.field(k)
        if f is not None and f.kind == "object":
            target = SCHEMA.model(f.type)
            assert target is not None
            out[k] = {"orderBy": [{n: "asc"} for n in target.primary_key]} if f.is_list else True
    return out or None


async def dump(db: Client) -> dict[str, Any]:
    """Every table's rows, in key order; join tables as (A, B) pairs (one batch: one request)."""
    joins = ("_PostToTag", "_Follows", "_LabelToTeam")
    ops: list[Any] = [
        getattr(db, m.name).find_many(order=[{n: "asc"} for n in m.primary_key]) for m in SCHEMA.models
    ]
    ops += [db.query_raw(raw_sql(db, f'SELECT "A", "B" FROM "{t}"')) for t in joins]
    got = await db.batch(ops)
    out: dict[str, Any] = {m.name: rows for m, rows in zip(SCHEMA.models, got, strict=False)}
    for t, rows in zip(joins, got[len(SCHEMA.models) :], strict=True):
        out[t] = sorted((str(r["A"]), str(r["B"])) for r in rows)
    return out


async def seed(db: Client) -> None:
    """The seed rows as raw INSERTs in one batch (keys generated in the same order everywhere)."""
    ops = []
    for model, data in SEED:
        m = SCHEMA.model(model)
        assert m is not None
        cols = ", ".join(f'"{m.field(k).db_name}"' for k in data)  # type: ignore[union-attr]
        ops.append(
            db.execute_raw(
                raw_sql(db, f'INSERT INTO "{m.db_name}" ({cols}) VALUES ({", ".join("?" for _ in data)})'),
                *data.values(),
            )
        )
    ops += [
        db.execute_raw(raw_sql(db, f'INSERT INTO "{t}" ("A", "B") VALUES (?, ?)'), a, b) for t, a, b in LINKS
    ]
    await db.batch(ops)


class Runs:
    """The clients, kept across examples; each example starts from the seed."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.net: dict[str, Client] = {}
        self.stack = contextlib.ExitStack()  # the TCP adapter's own database

    def run(self, coro: Any) -> Any:
        return self.loop.run_until_complete(coro)

    async def fresh(self, target: str) -> Client:
        if target in ("reference", "sqlite"):
            a = make_adapter("sqlite")
            await push_schema(a, SCHEMA)
            db = Client(SCHEMA, adapter=a)
        else:
            if target not in self.net:
                a = self.tcp_adapter() if target == "postgres" else make_adapter(target)
                await reset_database(a)
                await push_schema(a, SCHEMA)
                self.net[target] = Client(SCHEMA, adapter=a)
            db = self.net[target]
            await self.truncate(db)
        await seed(db)
        return db

    def tcp_adapter(self) -> Any:
        from prisma_edge.fetch_adapters.postgres import PgDirectAdapter
        from tests.support.databases import temp_postgres

        return PgDirectAdapter(self.stack.enter_context(temp_postgres("pe_diff")))

    async def truncate(self, db: Client) -> None:
        tables = [m.db_name for m in SCHEMA.models] + ["_PostToTag", "_Follows", "_LabelToTeam"]
        if db.adapter.dialect == "postgres":
            await db.execute_raw(
                "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"
            )
        else:  # MariaDB: TRUNCATE resets AUTO_INCREMENT; one session for the FK switch
            await db.batch(
                [
                    db.execute_raw("SET FOREIGN_KEY_CHECKS = 0"),
                    *(db.execute_raw(f"TRUNCATE TABLE `{t}`") for t in tables),
                    db.execute_raw("SET FOREIGN_KEY_CHECKS = 1"),
                ]
            )

    async def one(
        self, target: str, case: tuple[str, str, dict[str, Any] | None, dict[str, Any]]
    ) -> dict[str, Any]:
        model, kind, where, data = case
        db = await self.fresh(target)
        include = include_for(model, data)
        try:
            if target == "reference":
                m = SCHEMA.model(model)
                assert m is not None
                async with db.tx() as tx:
                    ref = Reference(tx, SCHEMA)
                    if kind == "create":
                        row = await ref.create(m, data)
                    else:
                        found = await getattr(tx, model).find_unique(where=where)
                        if found is None:
                            from prisma_edge.errors import RecordNotFoundError

                            raise RecordNotFoundError("reference: the record to update")
                        row = await ref.update(m, found, data)
                    result: Any = await getattr(tx, model).find_first(where=ref.pk(m, row), include=include)
            elif kind == "create":
                result = await getattr(db, model).create(data=data, include=include)
            else:
                result = await getattr(db, model).update(where=where, data=data, include=include)
            answer: dict[str, Any] = {"result": result}
        except PrismaEdgeError as e:
            answer = {"error": e.code or type(e).__name__, "text": str(e)[:300]}
        answer["state"] = await dump(db)
        if target in ("reference", "sqlite"):
            await db.close()
        return answer


@pytest.fixture(scope="module")
def runs():
    if IN_PYODIDE:
        pytest.skip("no_pyodide")
    r = Runs()
    yield r
    for db in r.net.values():
        r.run(db.close())
    r.loop.close()
    r.stack.close()
    print(f"\nnested differential: {STATS}")


def test_nested_writes_agree_with_the_step_by_step_reference(runs):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=os.environ.get("PRISMA_EDGE_DIFF_RANDOM") != "1",
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(nested_write())
    def check(case):
        targets = TARGETS + (PG_TARGETS if STATS["on_every_pg_adapter"] < PG_EXAMPLES else ())
        answers = {t: runs.run(runs.one(t, case)) for t in targets}
        if all(answers[t].get("error") == "P2009" for t in targets[1:]):
            STATS["invalid"] += 1  # the client refuses the input before anything runs (same on every adapter)
            reject()
        STATS["examples"] += 1
        STATS["on_every_pg_adapter"] += len(targets) > len(TARGETS)
        ref = answers["reference"]
        seed_state = None
        for t in targets[1:]:
            got = answers[t]
            if "error" in ref or "error" in got:
                same = got.get("error") == ref.get("error") and got["state"] == ref["state"]
                if seed_state is None and same:
                    seed_state = ref["state"]
            else:
                same = got == ref
            if not same:
                pytest.fail(
                    f"{t} differs from the reference for {json.dumps(case, default=str)}:\n"
                    f"  reference: {json.dumps({k: v for k, v in ref.items() if k != 'state'}, default=str)[:800]}\n"
                    f"  {t}: {json.dumps({k: v for k, v in got.items() if k != 'state'}, default=str)[:800]}\n"
                    f"  state diff: {state_diff(ref['state'], got['state'])}"
                )
        STATS["errors_agreed" if "error" in ref else "results_agreed"] += 1

    check()


def state_diff(a: dict[str, Any], b: dict[str, Any]) -> str:
    out = []
    for k in a:
        if a[k] != b.get(k):
            out.append(
                f"{k}: {json.dumps(a[k], default=str)[:300]} vs {json.dumps(b.get(k), default=str)[:300]}"
            )
    return "; ".join(out) or "none"
