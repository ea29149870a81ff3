"""Result shapes and arguments as Prisma 7 has them: group_by `_count: True`, `having` with
AND/OR/NOT and string filters, order `{sort, nulls}`, P2019 input errors, Int `divide`."""

from __future__ import annotations

import pytest

from prisma_edge.errors import InputError, ValidationError
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


async def test_json_path_filters_like_prisma(adapter):
    async with open_client("blog", adapter) as db:
        ann, _ = await _seed(db)
        docs = [
            {"pet": {"name": "Rex"}, "arr": [1, 2, 3]},
            {"pet": {"name": "Tom"}, "arr": [3, 2]},
            {"other": 1},
        ]
        for i, meta in enumerate(docs):
            await db.post.create({"title": f"j{i}", "authorId": ann["id"], "metadata": meta})
        titles = lambda rows: sorted(r["title"] for r in rows)  # noqa: E731
        # `not` at a path: rows without the path do not match (nor do rows whose metadata is NULL)
        assert titles(
            await db.post.find_many(where={"metadata": {"path": ["pet", "name"], "not": "Rex"}})
        ) == ["j1"]
        assert titles(
            await db.post.find_many(where={"metadata": {"path": ["arr"], "array_starts_with": 1}})
        ) == ["j0"]
        assert titles(
            await db.post.find_many(where={"metadata": {"path": ["arr"], "array_ends_with": 2}})
        ) == ["j1"]
        with pytest.raises(ValidationError, match="Argument `metadata` must not be null."):
            await db.post.find_many(where={"metadata": None})
        with pytest.raises(ValidationError, match="Unknown argument `pet`. Did you mean `path`?"):
            await db.post.find_many(where={"metadata": {"pet": 1}})


async def test_scalar_lists_like_prisma(adapter):
    if adapter != "neon_http":
        pytest.skip("scalar lists are a PostgreSQL feature")
    async with open_client("lists", adapter) as db:
        empty = await db.item.create({})
        assert empty["tags"] == [] and empty["colors"] == []  # a NULL list reads as []
        full = await db.item.create({"tags": [], "scores": [1], "colors": ["GREEN"]})
        assert full["colors"] == ["GREEN"]
        ids = [r["id"] for r in await db.item.find_many(where={"tags": {"is_empty": True}})]
        assert ids == [full["id"]]  # a NULL list is not empty (Prisma)
        assert await db.item.find_many(where={"tags": {"has": None}}) == []


async def test_write_arguments_like_prisma(adapter):
    async with open_client("blog", adapter) as db:
        ann, _ = await _seed(db)
        assert (await db.user.update(where={"id": ann["id"]}, data={}))[
            "email"
        ] == "ann@x.io"  # nothing to change
        assert await db.tag.create_many({"name": "solo"}) == 1  # one object: a list of one
        for name in ("l1", "l2", "l3"):
            await db.tag.create({"name": name})
        changed = await db.tag.update_many_and_return(
            data={"name": "L"}, where={"name": {"startswith": "l"}}, limit=1
        )
        assert [t["name"] for t in changed] == ["L"]
        with pytest.raises(InputError, match=r"Provided limit \(-1\) must be a positive integer"):
            await db.tag.delete_many(limit=-1)


async def test_relation_filters_treat_null_as_prisma(adapter):
    async with open_client("blog", adapter) as db:
        ann, bob = await _seed(db)  # bob has no name; one of bob's posts has no content
        every = await db.user.find_many(
            where={"posts": {"every": {"content": {"startswith": "c"}}}}, order={"id": "asc"}
        )
        assert [u["id"] for u in every] == [
            ann["id"],
            bob["id"],
        ]  # NOT EXISTS (NOT cond): NULL is no counter-example
        not_ann = await db.post.find_many(where={"author": {"is_not": {"name": "Ann"}}})
        assert not_ann == []  # bob's name is NULL: NOT (NULL = 'Ann') does not hold
        assert await db.user.find_many(where={"OR": [{}]}) == []  # an empty object adds no alternative
        assert len(await db.user.find_many(where={"AND": [{}]})) == 2


async def test_having_field_reference_and_not_in_null(adapter):
    from prisma_edge import FieldRef

    async with open_client("blog", adapter) as db:
        await _seed(db)
        assert len(await db.post.find_many(where={"title": {"not_in": None}})) == 4  # filters nothing
        groups = await db.post.group_by(
            by=["authorId", "views"],
            having={"views": {"_max": {"equals": FieldRef("views")}}},
            order={"views": "asc"},
        )
        assert [g["views"] for g in groups] == [0, 7, 10, 42]
        over = await db.post.group_by(
            by=["authorId", "views"], having={"views": {"_max": {"gt": FieldRef("views")}}}
        )
        assert over == []
