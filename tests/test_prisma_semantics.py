"""Result shapes and arguments as Prisma 7 has them: group_by `_count: True`, `having` with
AND/OR/NOT and string filters, order `{sort, nulls}`, P2019 input errors, Int `divide`."""

from __future__ import annotations

import pytest

from prisma_edge.errors import InputError
from tests.support.clients import open_client

pytestmark = pytest.mark.parametrize("adapter", ["sqlite", "neon_http"])


async def _seed(db):
    ann = await db.user.create({"email": "ann@x.io", "name": "Ann"})
    bob = await db.user.create({"email": "bob@x.io"})
    for author, views, title in ((ann, 10, "a"), (ann, 0, "b"), (bob, 42, "c"), (bob, 7, None)):
        await db.post.create(
            {
                "title": title or "d",
                "authorId": author["id"],
                "views": views,
                "content": None if title is None else f"c-{title}",
            }
        )
    return ann, bob


async def test_group_by_like_prisma(adapter):
    async with open_client("blog", adapter) as db:
        ann, bob = await _seed(db)
        groups = await db.post.group_by(by=["authorId"], _count=True, order={"authorId": "asc"})
        assert groups == [{"authorId": ann["id"], "_count": 2}, {"authorId": bob["id"], "_count": 2}]
        assert await db.post.aggregate(_count=True, _max={"views": True}) == {
            "_count": 4,
            "_max": {"views": 42},
        }
        either = await db.post.group_by(
            by=["authorId"],
            _sum={"views": True},
            order={"authorId": "asc"},
            having={"OR": [{"views": {"_sum": {"gt": 40}}}, {"views": {"_max": {"equals": 10}}}]},
        )
        assert [g["authorId"] for g in either] == [ann["id"], bob["id"]]
        neither = await db.post.group_by(
            by=["authorId"], _sum={"views": True}, having={"NOT": {"views": {"_sum": {"gt": 40}}}}
        )
        assert [g["authorId"] for g in neither] == [ann["id"]]
        by_title = await db.post.group_by(by=["title"], having={"title": {"startswith": "a"}})
        assert by_title == [{"title": "a"}]
        nulls = await db.post.group_by(by=["content"], order={"content": {"sort": "desc", "nulls": "last"}})
        assert [g["content"] for g in nulls] == ["c-c", "c-b", "c-a", None]
        paged = await db.post.group_by(by=["id"], take=2)  # Prisma pages groups in primary-key order
        assert len(paged) == 2 and paged[0]["id"] < paged[1]["id"]
        with pytest.raises(InputError, match="Missing fields: views") as info:
            await db.post.group_by(by=["authorId"], order={"views": "asc"})
        assert info.value.code == "P2019"
        with pytest.raises(InputError, match="Missing fields: id"):
            await db.post.group_by(by=["authorId"], take=1)


async def test_int_divide_truncates(adapter):
    async with open_client("blog", adapter) as db:
        ann, _ = await _seed(db)
        p = await db.post.create({"title": "x", "authorId": ann["id"], "views": 33})
        assert (await db.post.update(where={"id": p["id"]}, data={"views": {"divide": 2}}))["views"] == 16
        await db.post.update(where={"id": p["id"]}, data={"views": -1})
        assert (await db.post.update(where={"id": p["id"]}, data={"views": {"divide": 2}}))["views"] == 0
