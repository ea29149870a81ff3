"""An implicit m-n SELF relation reads a database Prisma 7 made as Prisma reads it.

Prisma stores the record of the relation field whose name sorts first in column `A` of the join
table (`User.followers` before `User.following`: the followed user is `A`, the follower `B`).
The expected answers are Prisma 7's own, recorded by tests/prisma7 (scenario `nested`/`follows`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prisma_edge.client import Client
from prisma_edge.schema import load_schema
from tests.prisma7.runner import ddl_statements
from tests.support.clients import make_adapter, reset_database

P7 = Path(__file__).resolve().parent / "prisma7"


def recorded(step: str) -> object:
    rec = json.loads((P7 / "recordings" / "nested.json").read_text(encoding="utf-8"))
    for scen in rec["scenarios"].values():
        for answer in scen["answers"]:
            if answer["step"] == step:
                return answer["result"]
    raise KeyError(step)


@pytest.mark.parametrize("adapter", ["neon_http", "sqlite"])
async def test_prisma_made_follows_read_and_write_like_prisma(adapter):
    schema = load_schema(P7 / "schemas" / "nested.prisma")
    a = make_adapter(adapter)
    db = Client(schema, adapter=a)
    try:
        if adapter == "sqlite":
            from prisma_edge.migrate.push import push_schema

            await push_schema(a, schema)
        else:
            await reset_database(a)
            for s in ddl_statements((P7 / "ddl" / "nested.sql").read_text(encoding="utf-8")):
                await db.execute_raw(s)  # Prisma's own DDL: the database Prisma made
        for i in range(1, 5):
            await db.user.create({"email": f"u{i}@x.io"})
        # the join rows Prisma's scenario seeds: (A, B) = (1, 2), (2, 1), (3, 1)
        for a_id, b_id in ((1, 2), (2, 1), (3, 1)):
            await db.execute_raw(
                'INSERT INTO "_Follows" ("A", "B") VALUES ('
                + ("$1, $2" if adapter != "sqlite" else "?, ?")
                + ")",
                a_id,
                b_id,
            )
        sel = {
            "id": True,
            "followers": {"orderBy": {"id": "asc"}, "select": {"id": True}},
            "following": {"orderBy": {"id": "asc"}, "select": {"id": True}},
        }
        got = await db.user.find_many(order={"id": "asc"}, select=sel)
        assert got == recorded("follows_seeded")
        # and a write lands where Prisma puts it: user 4 follows user 1 -> (A, B) = (1, 4)
        await db.user.update(where={"id": 4}, data={"following": {"connect": {"id": 1}}})
        rows = await db.query_raw('SELECT "A", "B" FROM "_Follows" ORDER BY "A", "B"')
        assert [(r["A"], r["B"]) for r in rows] == [(1, 2), (1, 4), (2, 1), (3, 1)]
    finally:
        await db.close()
