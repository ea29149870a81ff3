"""Json filters at a path, on every adapter: equals / not, string_*, array_contains, number comparisons."""

from __future__ import annotations

import pytest

from prisma_edge.errors import ValidationError
from tests.support.clients import ADAPTERS, open_client

pytestmark = pytest.mark.parametrize("adapter", ADAPTERS)

DOCS = {
    "fido": {"pet": {"name": "Fido", "age": 3, "tags": ["good", "dog"]}, "rank": 1},
    "rex": {"pet": {"name": "Rex the second", "age": 11, "tags": ["dog"]}, "rank": 2},
    "tom": {"pet": {"name": "tom", "age": 5, "tags": ["cat"]}, "rank": "first"},
}


async def test_json_path_filters(adapter):
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "a@x.io"})
        for title, doc in DOCS.items():
            await db.post.create({"title": title, "authorId": u["id"], "metadata": doc})

        async def titles(flt):
            return sorted(p["title"] for p in await db.post.find_many(where={"metadata": flt}))

        assert await titles({"path": ["pet", "name"], "equals": "Fido"}) == ["fido"]
        assert await titles({"path": "$.pet.age", "equals": 11}) == ["rex"]
        assert await titles({"path": ["pet", "tags"], "equals": ["dog"]}) == ["rex"]
        assert await titles({"path": ["rank"], "equals": 1}) == ["fido"]
        assert await titles({"path": ["rank"], "equals": "first"}) == ["tom"]
        assert await titles({"path": ["pet", "name"], "not": "Fido"}) == ["rex", "tom"]
        assert await titles({"path": ["pet", "name"], "string_contains": "the"}) == ["rex"]
        assert await titles({"path": ["pet", "name"], "string_starts_with": "F"}) == ["fido"]
        assert await titles({"path": ["pet", "name"], "stringEndsWith": "second"}) == ["rex"]
        assert await titles({"path": ["pet", "age"], "gt": 4}) == ["rex", "tom"]
        assert await titles({"path": ["pet", "age"], "lte": 5, "gte": 3}) == ["fido", "tom"]
        assert await titles({"path": ["pet", "tags"], "array_contains": ["dog"]}) == ["fido", "rex"]
        assert await titles({"path": ["pet", "tags"], "array_contains": ["good", "dog"]}) == ["fido"]
        assert await titles({"path": ["pet", "tags", 0], "equals": "cat"}) == ["tom"]
        assert await titles({"path": ["pet", "tags"], "array_ends_with": "dog"}) == ["fido", "rex"]  # 2 and 1 elements
        assert await titles({"path": ["pet", "tags"], "array_starts_with": "good"}) == ["fido"]
        assert await titles({"path": ["pet", "name"], "string_contains": "TOM", "mode": "insensitive"}) == ["tom"]
        assert await titles({"path": ["missing"], "equals": 1}) == []
        assert await titles({"path": ["pet", "name"], "gt": "S"}) == ["tom"]  # strings compare as strings
        negated = await db.post.find_many(where={"NOT": {"metadata": {"path": ["pet", "name"], "string_ends_with": "o"}}})
        assert sorted(p["title"] for p in negated) == ["rex", "tom"]  # NOT keeps "is a string"
        await db.post.create({"title": "nul", "authorId": u["id"], "metadata": {"pet": {"tags": ["x", None]}}})
        assert await titles({"path": ["pet", "tags"], "array_ends_with": None}) == ["nul"]  # a JSON null element
        with pytest.raises(ValidationError, match="takes a number or a string"):
            await titles({"path": ["pet", "age"], "gt": [4]})
        with pytest.raises(ValidationError, match="list of keys"):
            await titles({"path": 5, "equals": 1})
