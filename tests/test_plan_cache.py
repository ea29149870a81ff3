"""The plan cache: a repeated query with new values must not touch sqlglot."""

from __future__ import annotations

from prisma_edge.compiler.sql import dialects
from tests.support.clients import open_client


async def test_repeated_query_with_new_values_skips_sqlglot(monkeypatch):
    renders = []
    real = dialects.Rules.render

    def counting(self, expression):
        renders.append(1)
        return real(self, expression)

    monkeypatch.setattr(dialects.Rules, "render", counting)
    async with open_client("blog", "sqlite") as db:
        for i in range(3):
            await db.user.create({"email": f"u{i}@x.io", "name": f"U{i}"})
        renders.clear()
        a = await db.user.find_many(where={"name": {"contains": "U"}, "id": {"gt": 0}}, include={"posts": True}, take=2)
        first = len(renders)
        assert first >= 1
        b = await db.user.find_many(where={"name": {"contains": "1"}, "id": {"gt": 1}}, include={"posts": True}, take=5)
        c = await db.user.find_many(where={"name": {"contains": "2"}, "id": {"gt": -5}}, include={"posts": True}, take=1)
        assert len(renders) == first, "a cached shape must not render SQL again"
        assert [u["email"] for u in a] == ["u0@x.io", "u1@x.io"]
        assert [u["email"] for u in b] == ["u1@x.io"]
        assert [u["email"] for u in c] == ["u2@x.io"]
        # A different shape (None is structure: IS NULL) is a new plan.
        await db.user.find_many(where={"name": None, "id": {"gt": 0}}, include={"posts": True}, take=2)
        assert len(renders) == first + 1
        # Writes are cached too.
        renders.clear()
        await db.user.update(where={"id": 1}, data={"name": "x"})
        n = len(renders)
        await db.user.update(where={"id": 2}, data={"name": "y"})
        assert len(renders) == n
        assert db.plan_cache.hits >= 3


async def test_cache_key_ignores_values_and_list_lengths():
    """SQLite reads an `in` list from one parameter (compiler/lengths.py): its length is no key;
    a case-insensitive list keeps one parameter per value, so there it is."""
    async with open_client("blog", "sqlite") as db:
        await db.user.find_many(where={"id": {"in": [1, 2]}})
        r = db.plan_cache.renders
        await db.user.find_many(where={"id": {"in": [3, 4]}})
        assert db.plan_cache.renders == r
        await db.user.find_many(where={"id": {"in": [3, 4, 5]}})
        assert db.plan_cache.renders == r
        await db.user.find_many(where={"email": {"in": ["a"], "mode": "insensitive"}})
        await db.user.find_many(where={"email": {"in": ["a", "b"], "mode": "insensitive"}})
        assert db.plan_cache.renders == r + 2
