"""relationMode = "prisma": Cascade, SetNull and Restrict done by the client, in the same transaction."""

from __future__ import annotations

import pytest

from prisma_edge.errors import RelationViolationError
from tests.support.clients import ADAPTERS, open_client

pytestmark = pytest.mark.parametrize("adapter", ADAPTERS)


async def seed(db):
    a = await db.author.create({"name": "A", "books": {"create": [{"title": "B1", "chapters": {"create": [{"title": "c1"}, {"title": "c2"}]}},
                                                                  {"title": "B2"}]},
                                "awards": {"create": {"name": "prize"}}})
    other = await db.author.create({"name": "O", "books": {"create": {"title": "OB", "chapters": {"create": {"title": "oc"}}}}})
    return a, other


async def test_cascade_and_set_null_on_delete(adapter):
    async with open_client("relmode", adapter) as db:
        a, other = await seed(db)
        gone = await db.author.delete(where={"id": a["id"]})
        assert gone["name"] == "A"
        assert [b["title"] for b in await db.book.find_many()] == ["OB"]  # cascaded
        assert [c["title"] for c in await db.chapter.find_many()] == ["oc"]  # cascaded two levels
        (award,) = await db.award.find_many()
        assert award["authorId"] is None  # set null
        assert await db.author.delete_many(where={"name": "O"}) == 1  # counts only the authors
        assert await db.book.count() == 0 and await db.chapter.count() == 0


async def test_restrict_blocks_and_changes_nothing(adapter):
    async with open_client("relmode", adapter) as db:
        a, _ = await seed(db)
        await db.contract.create({"authorId": a["id"]})
        with pytest.raises(RelationViolationError) as e:
            await db.author.delete(where={"id": a["id"]})
        assert e.value.code == "P2014"
        assert await db.book.count() == 3 and await db.chapter.count() == 3 and await db.author.count() == 2
        with pytest.raises(RelationViolationError):
            await db.author.delete_many()
        assert await db.author.count() == 2 and await db.award.count(where={"authorId": None}) == 0


async def test_on_update_cascade_follows_a_changed_key(adapter):
    async with open_client("relmode", adapter) as db:
        a, _ = await seed(db)
        await db.author.update(where={"id": a["id"]}, data={"id": 500})
        assert {b["authorId"] for b in await db.book.find_many(where={"title": {"in": ["B1", "B2"]}})} == {500}
        assert (await db.award.find_first())["authorId"] == 500
        got = await db.author.find_unique(where={"id": 500}, include={"books": True})
        assert len(got["books"]) == 2


async def test_on_update_applies_in_upsert_too(adapter):
    async with open_client("relmode", adapter) as db:
        a, _ = await seed(db)
        got = await db.author.upsert(where={"id": a["id"]}, create={"name": "new"}, update={"id": 700})
        assert got["id"] == 700
        assert {b["authorId"] for b in await db.book.find_many(where={"title": {"in": ["B1", "B2"]}})} == {700}


async def test_set_null_cascades_to_what_references_the_cleared_column(adapter):
    async with open_client("relchain", adapter) as db:
        await db.a.create({"id": 1, "b_id": 1, "b": {"create": {"id": 1, "c": {"create": {"id": 1}}}}})
        await db.a.delete(where={"id": 1})
        assert [b["a_id"] for b in await db.b.find_many()] == [None]
        assert [c["b_id"] for c in await db.c.find_many()] == [None]
